//! Writing output files: through a temporary file renamed into place, so that a reader never
//! sees half a file, an interrupted run leaves the old file whole, and a symbolic link where the
//! file goes is replaced rather than followed (its target is never written).

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A file being written: bytes go to a temporary file next to `path`, which
/// [`commit`](Self::commit) renames to `path`. Dropped without a commit, the temporary file is
/// removed and `path` is left as it was.
pub struct Output {
    path: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
}

/// Tells apart the temporary files of one process.
static TEMP_COUNT: AtomicU64 = AtomicU64::new(0);

impl Output {
    /// Creates the temporary file for `path` in the same directory (so that the rename stays
    /// on one file system).
    pub fn create(path: &Path) -> io::Result<Self> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A short prefix of the name: the temporary name must stay within the file system's
        // limit however long the final one is.
        let short: String = name.chars().take(40).collect();
        loop {
            let n = TEMP_COUNT.fetch_add(1, Ordering::Relaxed);
            let temp = dir.join(format!(".{short}.{}.{n}.tmp", std::process::id()));
            // `create_new` neither follows a symbolic link nor reuses a file that is there.
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    return Ok(Output {
                        path: path.to_path_buf(),
                        temp,
                        file: Some(BufWriter::new(file)),
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < u64::MAX => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Writes out what is buffered and renames the temporary file to the final path, replacing
    /// what was there (a file, or a symbolic link, not its target). Not synced to disk: the
    /// rename is what keeps a reader from half a file, and a sync per file would make writing
    /// thousands of them slow.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(file) = self.file.take() {
            file.into_inner().map_err(io::IntoInnerError::into_error)?;
        }
        std::fs::rename(&self.temp, &self.path)
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.file.as_mut() {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("the output is already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // After a commit the temporary file is the output, and nothing is there to remove.
        self.file.take();
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// Writes `bytes` to `path` through a temporary file (see [`Output`]).
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = Output::create(path)?;
    out.write_all(bytes)?;
    out.commit()
}

/// Whether `a` and `b` name one existing file (through links, `..` or another spelling).
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        x.dev() == y.dev() && x.ino() == y.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (x, y);
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("dateline-output-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("the directory is made");
        d
    }

    #[test]
    fn a_dropped_output_leaves_the_old_file_and_no_temporary() {
        let d = dir("dropped");
        let path = d.join("out.txt");
        std::fs::write(&path, "old").expect("written");
        {
            let mut o = Output::create(&path).expect("created");
            o.write_all(b"new").expect("written");
        }
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("old"));
        let names: Vec<_> = std::fs::read_dir(&d)
            .expect("listed")
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        assert_eq!(names, ["out.txt"]);
        write_file(&path, b"new").expect("written");
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("new"));
        let _ = std::fs::remove_dir_all(&d);
    }
}
