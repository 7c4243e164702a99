//! The corpora the benchmarks read.
//!
//! - `seeds`: the five seed articles in `seeds/*.txt`, with no publication date;
//! - `te3_silver`: the texts of `../shared/data/te3/te3_silver.jsonl` (relative to the
//!   repository root), each with its `dct`; skipped with a message when the file is absent.

// Each benchmark uses a different part of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// A document and its publication date.
pub struct Doc {
    pub id: String,
    pub text: String,
    pub published: Option<NaiveDate>,
}

/// A named corpus of documents.
pub struct Corpus {
    pub name: &'static str,
    pub docs: Vec<Doc>,
}

impl Corpus {
    pub fn bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.text.len() as u64).sum()
    }
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed articles, in file-name order.
pub fn seeds() -> Corpus {
    let dir = repo_root().join("seeds");
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs = paths
        .iter()
        .map(|p| Doc {
            id: p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            text: std::fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display())),
            published: None,
        })
        .collect();
    Corpus {
        name: "seeds",
        docs,
    }
}

/// The TempEval-3 silver texts with their `dct`, or `None` when the file is absent.
pub fn te3_silver() -> Option<Corpus> {
    let path = repo_root().join("../shared/data/te3/te3_silver.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!(
            "te3_silver: {} not found; skipping the TempEval-3 silver corpus",
            path.display()
        );
        return None;
    };
    let mut docs = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
        let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
            panic!("{}:{}: no \"text\"", path.display(), n + 1);
        };
        let published = value
            .get("dct")
            .and_then(|d| d.as_str())
            .and_then(|d| dateline::parse_published(d).ok());
        docs.push(Doc {
            id: value
                .get("doc")
                .and_then(|d| d.as_str())
                .map_or_else(|| format!("line{}", n + 1), str::to_owned),
            text: text.to_owned(),
            published,
        });
    }
    Some(Corpus {
        name: "te3_silver",
        docs,
    })
}

pub fn corpora() -> Vec<Corpus> {
    let mut out = vec![seeds()];
    out.extend(te3_silver());
    for c in &out {
        println!(
            "corpus {}: {} documents, {} bytes",
            c.name,
            c.docs.len(),
            c.bytes()
        );
    }
    out
}
