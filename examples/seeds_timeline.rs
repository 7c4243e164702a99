//! Builds the timeline of the five seed articles in `seeds/` and prints it as Markdown.
//!
//! ```sh
//! cargo run -p dateline --example seeds_timeline
//! ```
//!
//! No publication dates are given: the timeline infers them. Each article's id is its file stem.

use std::error::Error;
use std::path::Path;

use dateline::{Document, TimelineBuilder};

fn main() -> Result<(), Box<dyn Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut documents = Vec::new();
    for path in paths {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        documents.push(Document::new(id, std::fs::read_to_string(&path)?));
    }

    let timeline = TimelineBuilder::new().documents(documents).build()?;
    print!("{}", dateline::export::timeline_markdown(&timeline));
    Ok(())
}
