//! The seed articles, for the tests that read them.

// Each test file uses a different part of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dateline::timeline::Timeline;
use dateline::{Document, TimelineBuilder};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The text of the seed article with this file stem.
pub fn seed_text(stem: &str) -> String {
    let path = seeds_dir().join(format!("{stem}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every seed article, by file stem, in name order.
pub fn seeds() -> Vec<Document> {
    let dir = seeds_dir();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let id = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            Document::new(id, text)
        })
        .collect()
}

/// The timeline of the seeds, with no publication dates given.
pub fn seeds_timeline() -> Timeline {
    TimelineBuilder::new()
        .documents(seeds())
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}
