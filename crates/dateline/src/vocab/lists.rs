//! The one format of the word lists in `data/`: plain text read once, at first use, into the
//! tables the stages look words up in.
//!
//! ```text
//! # What the list is for and who reads it.
//! [section]
//! word
//! phrase of words<TAB>field<TAB>field
//! ```
//!
//! A `#` line is a comment, a blank line is nothing, `[name]` opens a section, and any other line
//! is one entry: its first tab-separated field is the entry, the rest are fields the reader
//! gives meaning to. The entries borrow the compiled-in text, so a table built from them keeps
//! no copies.

/// One entry of a list file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The section it is under (`""` before the first).
    pub section: &'static str,
    /// The entry: the line's first field.
    pub word: &'static str,
    /// The line's other fields, tab-separated (`""` when it has none).
    pub rest: &'static str,
    /// Its line, counted from 1, for messages.
    pub line: usize,
}

impl Entry {
    /// The `n`-th field after the entry (0 is the first after it).
    pub fn field(&self, n: usize) -> Option<&'static str> {
        if self.rest.is_empty() {
            return None;
        }
        self.rest.split('\t').nth(n)
    }

    /// Stops the build of a table over compiled-in data that it cannot read: a test over each
    /// file reaches every table, so this does not reach a user.
    #[track_caller]
    pub fn bad(&self, file: &str, why: &str) -> ! {
        panic!("data/{file}:{}: {why}: {:?}", self.line, self.word)
    }
}

/// The entries of a list file, in order.
pub(crate) fn entries(text: &'static str) -> impl Iterator<Item = Entry> {
    let mut section = "";
    text.lines().enumerate().filter_map(move |(n, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        let (word, rest) = line.split_once('\t').unwrap_or((line, ""));
        Some(Entry {
            section,
            word,
            rest,
            line: n + 1,
        })
    })
}

/// What is wrong with a list file, for its test: an entry with spaces around it or empty, an
/// entry twice in one section, an upper-case letter where the reader matches lower-cased words
/// (`lower`), an entry before any section, or a section not in `sections`.
#[cfg(test)]
pub(crate) fn problems(text: &'static str, sections: &[&str], lower: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !sections.contains(&name) {
                out.push(format!("line {}: unknown section [{name}]", n + 1));
            }
        }
    }
    for e in entries(text) {
        let at = format!("line {} ({:?})", e.line, e.word);
        if e.word.is_empty() || e.word.trim() != e.word || e.rest.trim_end() != e.rest {
            out.push(format!("{at}: blank or padded"));
        }
        if e.section.is_empty() {
            out.push(format!("{at}: before any section"));
        }
        if lower && e.word.chars().any(char::is_uppercase) {
            out.push(format!("{at}: not lower-case"));
        }
        if !seen.insert((e.section, e.word)) {
            out.push(format!("{at}: twice in [{}]", e.section));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_entries_and_fields() {
        let text = "# a list\n\n[one]\nalpha\nbeta gamma\tx\ty\n[two]\ndelta\n";
        let all: Vec<Entry> = entries(text).collect();
        assert_eq!(all.len(), 3);
        assert_eq!(
            (all[0].section, all[0].word, all[0].line),
            ("one", "alpha", 4)
        );
        assert_eq!(all[1].word, "beta gamma");
        assert_eq!((all[1].field(0), all[1].field(1)), (Some("x"), Some("y")));
        assert_eq!(all[0].field(0), None);
        assert_eq!((all[2].section, all[2].word), ("two", "delta"));
        assert!(problems(text, &["one", "two"], true).is_empty());
    }

    #[test]
    fn finds_problems() {
        let text = "stray\n[one]\nAlpha\nalpha\nalpha\n x\n[three]\n";
        let p = problems(text, &["one"], true);
        assert_eq!(p.len(), 5, "{p:?}");
    }
}
