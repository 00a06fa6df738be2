//! The layout rules the README's architecture section states, checked on the source itself:
//! no dependency cycle between the core's top-level modules, and no file longer than the limit
//! (400 lines in the core, 250 in the UI) unless it says at its top why.
//!
//! Dependencies are read from `crate::<module>` paths (including `use crate::{a, b}` groups) in
//! non-test code: a test may seed a book with `demo` from inside `store`, which is not a layer
//! the product depends on.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files_under(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "node_modules") {
                files_under(&path, ext, out);
            }
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| ext.contains(&e)) {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`store/mod.rs` and `store.rs` → "store").
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

/// The code of a file without its `#[cfg(test)]` tail (tests sit at the end, by convention).
fn product_code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

/// Module names after `crate::`, expanding `crate::{a::x, b}` to a and b.
fn referenced(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            inner.split(',').map(|part| part.trim().split("::").next().unwrap_or("").trim()).collect()
        } else {
            vec![rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("")]
        };
        found.extend(names.into_iter().filter(|n| modules.contains(*n)).map(str::to_owned));
    }
    found
}

fn core_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = core_src();
    let mut files = vec![];
    files_under(&src, &["rs"], &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).filter(|m| m != "lib" && m != "main").collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for file in &files {
        let module = module_of(&src, file);
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if module == "lib" || module == "main" || name.contains("tests") {
            continue;
        }
        let text = fs::read_to_string(file).expect("read a source file");
        let deps = referenced(product_code(&text), &modules);
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(deps.into_iter().filter(|d| *d != module));
    }
    graph
}

/// A cycle through `start`, as the list of modules on it, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(graph: &BTreeMap<String, BTreeSet<String>>, at: &str, start: &str, path: &mut Vec<String>, seen: &mut BTreeSet<String>) -> bool {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_owned()];
    walk(graph, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn no_core_module_depends_on_itself_through_another() {
    let graph = core_graph();
    assert!(graph.len() >= 10, "the core's modules were found: {graph:?}");
    assert!(graph["service"].contains("store"), "the reader sees `use crate::…` lines: {graph:?}");
    let cycles: Vec<String> = graph.keys().filter_map(|m| cycle_from(&graph, m)).map(|c| format!("{} → {}", c.join(" → "), c[0])).collect();
    assert!(cycles.is_empty(), "module cycles in the core:\n{}", cycles.join("\n"));
}

#[test]
fn the_domain_layer_depends_on_nothing_but_errors() {
    let graph = core_graph();
    let book: Vec<&String> = graph["book"].iter().filter(|m| *m != "error").collect();
    assert!(book.is_empty(), "book must stay plain data and rules, but uses {book:?}");
    for lower in ["book", "health", "metrics", "store"] {
        for upper in ["client_page", "review", "report", "import", "demo", "bench", "cli", "service"] {
            assert!(!graph[lower].contains(upper), "{lower} must not depend on {upper}");
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.insert("a".into(), ["b".to_owned()].into());
    graph.insert("b".into(), ["a".to_owned()].into());
    assert_eq!(cycle_from(&graph, "a"), Some(vec!["a".to_owned(), "b".to_owned()]));
    let modules: BTreeSet<String> = ["book".to_owned(), "store".to_owned()].into();
    assert_eq!(referenced("use crate::{book::x, store};", &modules), modules);
}

/// Files longer than the limit must say why at their top ("Long file: …" in the first lines).
fn too_long(files: &[PathBuf], limit: usize) -> Vec<String> {
    files
        .iter()
        .filter_map(|f| {
            let text = fs::read_to_string(f).ok()?;
            let lines = text.lines().count();
            let explained = text.lines().take(5).any(|l| l.contains("Long file:"));
            (lines > limit && !explained).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect()
}

#[test]
fn no_core_file_is_over_400_lines_without_a_reason() {
    let mut files = vec![];
    files_under(&core_src(), &["rs"], &mut files);
    files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"), &["rs"], &mut files);
    assert!(files.len() > 50);
    let long = too_long(&files, 400);
    assert!(long.is_empty(), "split these or say why at the top:\n{}", long.join("\n"));
}

#[test]
fn no_ui_file_is_over_250_lines_without_a_reason() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src");
    let mut files = vec![];
    files_under(&ui, &["ts", "tsx"], &mut files);
    assert!(files.len() > 20, "the UI's sources are at {}", ui.display());
    let long = too_long(&files, 250);
    assert!(long.is_empty(), "split these or say why at the top:\n{}", long.join("\n"));
}
