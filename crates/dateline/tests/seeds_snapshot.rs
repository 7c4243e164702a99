//! Snapshots of the seed articles tagged with no publication date: one line per expression,
//! `start-end  "text"  TYPE  value  mod`, with byte offsets.
//!
//! When the tagger changes, review and refresh the snapshots with
//! `INSTA_UPDATE=always cargo test -p dateline --test seeds_snapshot`
//! (or `cargo insta test -p dateline --test seeds_snapshot --review`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The seed articles this file snapshots, by file stem.
const SEEDS: [&str; 5] = [
    "000_e7ff0e64a7849bbc",
    "001_81fdf5034d92bce2",
    "002_9702e96eff6568ce",
    "003_ee77a87f937499ff",
    "004_4be500a43fb9c99e",
];

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// One line per expression found in `text` with no publication date.
fn render(text: &str) -> String {
    let mut out = String::new();
    for t in dateline::tag(text, None) {
        let span = format!("{}-{}", t.start, t.end);
        let quoted = format!("{:?}", &text[t.start..t.end]);
        writeln!(
            out,
            "{span:<11}  {quoted:<28}  {:<8}  {:<16}  {}",
            t.kind.as_str(),
            t.value.timex(),
            t.modifier.map_or("-", |m| m.as_str()),
        )
        .unwrap();
    }
    out
}

fn snapshot(stem: &str) {
    let path = seeds_dir().join(format!("{stem}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut settings = insta::Settings::clone_current();
    settings.set_description(format!(
        "dateline::tag(seeds/{stem}.txt, None): start-end  \"text\"  TYPE  value  mod"
    ));
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(stem, render(&text)));
}

#[test]
fn seed_000() {
    snapshot(SEEDS[0]);
}

#[test]
fn seed_001() {
    snapshot(SEEDS[1]);
}

#[test]
fn seed_002() {
    snapshot(SEEDS[2]);
}

#[test]
fn seed_003() {
    snapshot(SEEDS[3]);
}

#[test]
fn seed_004() {
    snapshot(SEEDS[4]);
}

/// A seed article added to `seeds/` needs its own snapshot test above.
#[test]
fn every_seed_article_has_a_snapshot() {
    let mut stems: Vec<String> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    assert_eq!(stems, SEEDS);
}
