//! `newsgraph merge`: graphs built from shards of a corpus merge into the graph of the
//! whole corpus, in any order; bad inputs are named with their cause.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newsgraph::KnowledgeGraph;

/// What a run of the binary gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stderr: String,
}

/// Runs `newsgraph ARGS` in `dir` with `stdin` as standard input.
fn newsgraph(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsgraph binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin).expect("stdin takes the input");
    drop(pipe);
    let output = child.wait_with_output().expect("newsgraph finishes");
    Run {
        code: output.status.code(),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the file is written");
    path
}

/// The test articles of `tests/data/articles` as JSON Lines records, the date of each
/// taken from its file name.
fn records() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the articles folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "enough articles to split");
    names
        .iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(path).expect("an article");
            serde_json::json!({"id": stem, "text": text, "published": &stem[..10]}).to_string()
        })
        .collect()
}

/// A folder with `all.jsonl`, `a.jsonl` (the first half) and `b.jsonl`, and the graphs
/// `all.json`, `a.json`, `b.json` built from them.
fn built() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let records = records();
    let half = records.len() / 2;
    let lines = |r: &[String]| r.iter().map(|l| format!("{l}\n")).collect::<String>();
    write(dir.path(), "all.jsonl", &lines(&records));
    write(dir.path(), "a.jsonl", &lines(&records[..half]));
    write(dir.path(), "b.jsonl", &lines(&records[half..]));
    for name in ["all", "a", "b"] {
        let (input, output) = (format!("{name}.jsonl"), format!("{name}.json"));
        let run = newsgraph(
            dir.path(),
            &["build", "--input", "jsonl", "-q", &input, "-o", &output],
            b"",
        );
        assert_eq!(run.code, Some(0), "{run:?}");
    }
    dir
}

#[test]
fn merging_the_halves_gives_the_whole_in_any_order() {
    let dir = built();
    let d = dir.path();
    let whole = read(d, "all.json");
    let (a, b) = (read(d, "a.json"), read(d, "b.json"));
    assert_ne!(a, whole);
    let graph = KnowledgeGraph::from_json(&whole).expect("a graph");
    assert!(graph.relation_count() > 5, "the articles give facts");

    let run = newsgraph(d, &["merge", "a.json", "b.json", "-o", "ab.json"], b"");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr.contains("2 graphs merged: 6 articles,"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 output written (ab.json)"));
    assert_eq!(read(d, "ab.json"), whole, "merge(a, b) = build(a ∪ b)");

    let run = newsgraph(
        d,
        &["merge", "-q", "b.json", "a.json", "-o", "ba.json"],
        b"",
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    assert_eq!(read(d, "ba.json"), whole, "merge(b, a) = merge(a, b)");

    let run = newsgraph(
        d,
        &["merge", "-q", "a.json", "a.json", "-o", "aa.json"],
        b"",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        read(d, "aa.json"),
        a,
        "merging a graph with itself changes nothing"
    );

    // Standard input, and every other format build writes.
    let run = newsgraph(
        d,
        &[
            "merge",
            "-q",
            "a.json",
            "-",
            "-o",
            "ab.ttl",
            "-o",
            "ab.graphml",
            "-o",
            "ab.neo4j",
            "-o",
            "ab.nodes-links.json",
        ],
        b.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let run = newsgraph(
        d,
        &[
            "build",
            "-q",
            "--input",
            "jsonl",
            "all.jsonl",
            "-o",
            "all.ttl",
            "-o",
            "all.graphml",
            "-o",
            "all.neo4j",
            "-o",
            "all.nodes-links.json",
        ],
        b"",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    for (merged, built) in [
        ("ab.ttl", "all.ttl"),
        ("ab.graphml", "all.graphml"),
        ("ab.nodes-links.json", "all.nodes-links.json"),
        ("ab.neo4j/nodes.csv", "all.neo4j/nodes.csv"),
        ("ab.neo4j/relationships.csv", "all.neo4j/relationships.csv"),
        ("ab.neo4j/load.cypher", "all.neo4j/load.cypher"),
    ] {
        assert_eq!(read(d, merged), read(d, built), "{merged}");
    }
}

#[test]
fn bad_inputs_are_named_with_their_cause_and_the_rest_is_merged() {
    let dir = built();
    let d = dir.path();
    write(d, "other.json", "{\"nodes\": []}\n");
    write(
        d,
        "broken.json",
        "{\n  \"version\": 1,\n  \"articles\": [ oops ]\n}\n",
    );
    write(d, "old.json", "{\"version\": 7}");
    write(d, "out.json", "old");
    let run = newsgraph(
        d,
        &[
            "merge",
            "a.json",
            "missing.json",
            "other.json",
            "broken.json",
            "old.json",
            "-o",
            "out.json",
        ],
        b"",
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let e = &run.stderr;
    assert!(e.contains("newsgraph: missing.json: cannot open: "), "{e}");
    assert!(
        e.contains("newsgraph: other.json: expected a newsgraph JSON graph (as written by `build -o FILE.json`): json: missing field `version` at line 1 column 13"),
        "{e}"
    );
    assert!(
        e.contains("broken.json: expected a newsgraph JSON graph")
            && e.contains("json: expected value at line 3 column 17"),
        "serde's line and column: {e}"
    );
    assert!(
        e.contains("old.json: expected a newsgraph JSON graph") && e.contains("found version 7"),
        "{e}"
    );
    assert!(
        e.contains("4 input errors; the other graphs were merged"),
        "{e}"
    );
    assert_eq!(
        read(d, "out.json"),
        read(d, "a.json"),
        "the good graph is written"
    );

    let run = newsgraph(
        d,
        &["merge", "missing.json", "old.json", "-o", "none.json"],
        b"",
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("2 input errors and no graph read; wrote no output"),
        "{}",
        run.stderr
    );
    assert!(!d.join("none.json").exists());
}

#[test]
fn merge_checks_its_arguments_before_reading() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    let run = newsgraph(d, &["merge", "missing.json", "-o", "x.xyz"], b"");
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("x.xyz: expected an output extension among")
            && run.stderr.contains(".graphml .nodes-links.json .neo4j"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("missing.json"), "nothing was read");

    let run = newsgraph(d, &["merge", "-", "-", "-o", "x.json"], b"");
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("standard input"), "{}", run.stderr);

    let run = newsgraph(d, &["merge", "-o", "x.json"], b"");
    assert_eq!(run.code, Some(2), "a graph is required: {run:?}");
    assert!(!d.join("x.json").exists());
}
