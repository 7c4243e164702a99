//! The pipeline spine (issue 17): the crate's top-level modules form a graph without cycles,
//! and `pipeline` is the only module that composes the stages.
//!
//! The graph is read from the sources: an edge `a -> b` for each `crate::b` path in a file of
//! module `a` (comments, doc comments and string literals left out), a path through a
//! re-export of the crate root (`crate::Reading`) counting as one to the module it re-exports
//! from. The root's own functions (`crate::tag`, `crate::parse_published`) are the facade's,
//! not a module's, and make no edge.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// `text` without its comments, string literals and character literals: what is left is code.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(b' ');
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !is_ident(b[i - 1])) =>
            {
                // A raw string: r"…", r#"…"#.
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    out.push(b[i]);
                    i += 1;
                    continue;
                }
                j += 1;
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                while j < b.len() && !b[j..].starts_with(&close) {
                    j += 1;
                }
                i = j + close.len();
                out.extend_from_slice(b"\"\"");
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.extend_from_slice(b"\"\"");
            }
            b'\'' => {
                // A character literal ('x', '\n', '"'), or else a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if let Some(len) = text[i + 1..].chars().next().map(char::len_utf8) {
                    if b.get(i + 1 + len) == Some(&b'\'') {
                        i += len + 2;
                    } else {
                        out.push(b'\'');
                        i += 1;
                    }
                } else {
                    i += 1;
                }
                out.push(b' ');
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn ident_at(s: &str, at: usize) -> &str {
    let end = s[at..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(s.len(), |n| at + n);
    &s[at..end]
}

/// The first segment of each path that follows `prefix` (`crate::`) in `code`, braces
/// (`crate::{a, b::C}`) opened.
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(n) = code[from..].find(prefix) {
        let at = from + n;
        from = at + prefix.len();
        if at > 0 && (is_ident(code.as_bytes()[at - 1]) || code.as_bytes()[at - 1] == b'$') {
            continue;
        }
        if code[from..].starts_with('{') {
            let mut depth = 0;
            let mut start = from + 1;
            for (k, c) in code[from..].char_indices() {
                let k = from + k;
                match c {
                    '{' => {
                        depth += 1;
                        if depth == 1 {
                            start = k + 1;
                        }
                    }
                    '}' | ',' if depth == 1 => {
                        let item = code[start..k].trim_start();
                        let first = ident_at(item, 0);
                        if !first.is_empty() {
                            found.push(first);
                        }
                        start = k + 1;
                        if c == '}' {
                            break;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        } else {
            found.push(ident_at(code, from));
        }
    }
    found
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, into);
        } else if p.extension().is_some_and(|x| x == "rs") {
            into.push(p);
        }
    }
}

/// The graph of the crate's top-level modules (`lib.rs` left out).
fn module_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let module_of = |p: &Path| -> String {
        let rel = p.strip_prefix(&src).unwrap_or(p);
        let first = rel.components().next().map_or_else(String::new, |c| {
            c.as_os_str().to_string_lossy().into_owned()
        });
        first.trim_end_matches(".rs").to_owned()
    };
    let modules: BTreeSet<String> = files
        .iter()
        .map(|p| module_of(p))
        .filter(|m| m != "lib")
        .collect();

    // The crate root: what it re-exports, from where; and its own items.
    let lib = code_only(&fs::read_to_string(src.join("lib.rs")).unwrap_or_default());
    let mut reexported: BTreeMap<String, String> = BTreeMap::new();
    let mut own: BTreeSet<String> = BTreeSet::new();
    for statement in lib.split(';') {
        let s = statement.trim();
        if let Some(rest) = s.strip_prefix("pub use ") {
            let module = ident_at(rest, 0).to_owned();
            let names = rest[module.len()..].trim_start_matches("::");
            let names = names.trim_start_matches('{').trim_end_matches('}');
            for name in names.split(',') {
                let name = name.trim().rsplit("::").next().unwrap_or("").trim();
                if !name.is_empty() {
                    reexported.insert(name.to_owned(), module.clone());
                }
            }
        }
    }
    for word in [
        "pub fn ",
        "pub const ",
        "pub struct ",
        "pub enum ",
        "pub type ",
    ] {
        let mut from = 0;
        while let Some(n) = lib[from..].find(word) {
            from += n + word.len();
            own.insert(ident_at(&lib, from).to_owned());
        }
    }

    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    let mut unknown = Vec::new();
    for p in &files {
        let from = module_of(p);
        if from == "lib" {
            continue;
        }
        let code = code_only(&fs::read_to_string(p).unwrap_or_default());
        for first in paths_after(&code, "crate::") {
            let to = if modules.contains(first) {
                first.to_owned()
            } else if let Some(m) = reexported.get(first) {
                m.clone()
            } else if own.contains(first) || first == "self" {
                continue;
            } else {
                unknown.push(format!("{}: crate::{first}", p.display()));
                continue;
            };
            if to != from {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "paths the test cannot place: {unknown:#?}"
    );
    graph
}

/// A cycle of the graph, if it has one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &Graph,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(k) = path.iter().position(|p| p == m) {
            let mut c = path[k..].to_vec();
            c.push(m.to_owned());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_owned());
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut done, &mut Vec::new()))
}

fn show(graph: &Graph) -> String {
    graph
        .iter()
        .map(|(m, to)| {
            format!(
                "{m} -> {}",
                to.iter().cloned().collect::<Vec<_>>().join(" ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_modules_have_no_cycle() {
    let graph = module_graph();
    if let Some(c) = cycle(&graph) {
        panic!("a cycle: {}\n\n{}", c.join(" -> "), show(&graph));
    }
}

#[test]
fn only_the_pipeline_composes_the_stages() {
    let graph = module_graph();
    let users = |of: &str| -> BTreeSet<&str> {
        graph
            .iter()
            .filter(|(_, to)| to.contains(of))
            .map(|(m, _)| m.as_str())
            .collect()
    };
    // Nothing but the crate root uses the pipeline: every stage is a leaf of it.
    assert!(users("pipeline").is_empty(), "{}", show(&graph));
    // Clustering, inferring publication dates and assembling are called by the pipeline only.
    assert_eq!(
        users("merge"),
        BTreeSet::from(["pipeline"]),
        "{}",
        show(&graph)
    );
    // Reading and merging meet in the pipeline only.
    let both: BTreeSet<&str> = users("reading")
        .intersection(&users("merge"))
        .copied()
        .collect();
    assert_eq!(both, BTreeSet::from(["pipeline"]), "{}", show(&graph));
}

#[test]
fn the_reader_sees_through_comments_strings_and_braces() {
    let code = code_only(
        "use crate::{a, b::{C, D}, e as f};\n// crate::g\n/// crate::h\nlet s = \"crate::i\"; \
         let c = '\"'; let t = crate::j::k(); /* crate::l */ fn x<'a>(y: &'a crate::m::N) {}",
    );
    assert_eq!(paths_after(&code, "crate::"), ["a", "b", "e", "j", "m"]);
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
