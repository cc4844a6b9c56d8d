//! Tests of the on-disk store: `newsgraph build --store DIR` and `newsgraph query --store
//! DIR`, which need the `rocksdb` feature; without it, `--store` must say so.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The five example articles.
fn articles() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/data")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// What a run of the binary gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `newsgraph ARGS FILES`.
fn newsgraph(args: &[&str], files: &[PathBuf]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .args(files)
        .output()
        .expect("the newsgraph binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

#[cfg(not(feature = "rocksdb"))]
#[test]
fn without_the_feature_store_names_the_feature() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = dir.path().join("store");
    let store = store.to_str().expect("a UTF-8 path");
    let run = newsgraph(&["build", "--store", store], &articles());
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("--features rocksdb"), "{}", run.stderr);
    assert!(!Path::new(store).exists(), "nothing was made");
    assert!(run.stdout.is_empty());
    let run = newsgraph(&["query", "--store", store, "ASK {}"], &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("--features rocksdb"), "{}", run.stderr);
}

/// `build --store DIR FILES`: the number of quads the store then holds.
#[cfg(feature = "rocksdb")]
fn build_into(store: &Path, files: &[PathBuf]) -> usize {
    let store = store.to_str().expect("a UTF-8 path");
    let run = newsgraph(
        &["build", "--published", "2024-07-07", "--store", store],
        files,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stderr
        .split(" holds ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the summary gives the quads: {}", run.stderr))
}

/// `query --store DIR SPARQL --format csv`: the answer.
#[cfg(feature = "rocksdb")]
fn query(store: &Path, sparql: &str) -> String {
    let store = store.to_str().expect("a UTF-8 path");
    let run = newsgraph(&["query", "--store", store, sparql, "--format", "csv"], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

/// Questions whose answers must not change when the same articles are added again.
#[cfg(feature = "rocksdb")]
const QUESTIONS: [&str; 4] = [
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT ?g WHERE { GRAPH ?g { entity:NER ng:expulsion entity:FRA } } ORDER BY ?g",
    "SELECT ?s ?t WHERE { ?s ng:agreement_ended ?t } ORDER BY ?s ?t",
    "SELECT ?e ?m ?n WHERE { ?e a ng:Event ; ng:mentions ?m ; ng:sources ?n } ORDER BY ?e",
];

#[cfg(feature = "rocksdb")]
#[test]
fn building_twice_into_a_store_changes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = dir.path().join("store");
    let files = articles();
    let first = build_into(&store, &files);
    let answers: Vec<String> = QUESTIONS.iter().map(|q| query(&store, q)).collect();
    assert!(
        answers[1].contains("france-completes-niger-withdrawal"),
        "{}",
        answers[1]
    );
    assert!(
        answers[2].contains("entity/NER,https://newsgraph.example/entity/USA"),
        "{}",
        answers[2]
    );
    let second = build_into(&store, &files);
    assert_eq!(first, second);
    let again: Vec<String> = QUESTIONS.iter().map(|q| query(&store, q)).collect();
    assert_eq!(answers, again);
}

#[cfg(feature = "rocksdb")]
#[test]
fn articles_added_in_two_runs_keep_every_article_graph() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files = articles();
    let at_once = dir.path().join("at-once");
    build_into(&at_once, &files);
    let in_two = dir.path().join("in-two");
    build_into(&in_two, &files[..3]);
    build_into(&in_two, &files[3..]);
    let per_graph =
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    let graphs = query(&in_two, per_graph);
    assert_eq!(graphs.lines().count(), 1 + 5, "{graphs}");
    assert_eq!(graphs, query(&at_once, per_graph));
    // One article again, alone: its graph is replaced, the others stay.
    build_into(&in_two, &files[..1]);
    assert_eq!(query(&in_two, per_graph), graphs);
}

#[cfg(feature = "rocksdb")]
#[test]
fn querying_a_missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("nothing-here");
    let run = newsgraph(
        &[
            "query",
            "--store",
            missing.to_str().expect("UTF-8"),
            "ASK {}",
        ],
        &[],
    );
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("expected a store folder made by `newsgraph build --store`, found nothing"),
        "{}",
        run.stderr
    );
    assert!(!missing.exists(), "a query makes no store");
}
