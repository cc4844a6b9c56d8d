//! Tests of the `newsgraph` command line: the built binary run in temporary folders.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newsgraph::{EntityId, KnowledgeGraph, RelationKey, RelationKind};

/// The sentence most tests extract from, and its publication date.
const SENTENCE: &str = "Niger's junta expelled French troops.";
const PUBLISHED: &str = "2024-03-17";

/// The direct edge `NER ng:expulsion FRA` in N-Triples form (without the final ` .`).
const NT_EXPULSION: &str = "<https://newsgraph.example/entity/NER> \
    <https://newsgraph.example/ontology#expulsion> <https://newsgraph.example/entity/FRA>";

/// What a run of the binary gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `newsgraph ARGS` in `dir`, with `stdin` as standard input (empty when `None`).
fn newsgraph(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    newsgraph_with(dir, args, stdin, &[])
}

/// [`newsgraph`] with extra environment variables.
fn newsgraph_with(dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &Path)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("the newsgraph binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin.unwrap_or_default())
        .expect("stdin takes the input");
    drop(pipe);
    let output = child
        .wait_with_output()
        .expect("the newsgraph binary finishes");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A new temporary folder.
fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Writes a file in `dir` and gives its path.
fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the file is written");
    path
}

/// Reads a file of `dir` as text.
fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The JSON lines of an `extract` run.
fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// The (doc, source, relation, target) of each JSON line.
fn facts(stdout: &str) -> Vec<(String, String, String, String)> {
    json_lines(stdout)
        .iter()
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
            (s("doc"), s("source"), s("relation"), s("target"))
        })
        .collect()
}

/// A JSON Lines record of an article.
fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "published": PUBLISHED}).to_string()
}

/// The files of a folder, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder lists")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// True when Graphviz `dot` runs.
fn graphviz_installed() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

// ----- extract -----

#[test]
fn extract_reads_a_text_file() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &["extract", "--published", PUBLISHED, "a.txt"],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    let lines = json_lines(&run.stdout);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    let line = &lines[0];
    assert_eq!(line["doc"], "a.txt");
    assert_eq!(line["source"], "NER");
    assert_eq!(line["relation"], "expulsion");
    assert_eq!(line["target"], "FRA");
    assert_eq!(line["plover"], "SANCTION");
    assert_eq!(line["cameo"], "166");
    assert_eq!(line["source_country"], "NER");
    assert_eq!(line["modality"], "asserted");
}

#[test]
fn extract_reads_json_lines_from_standard_input() {
    let dir = temp_dir();
    let input = format!(
        "{}\n\n{}\n",
        record("one", SENTENCE),
        record("two", "Mali expelled the French ambassador on Monday.")
    );
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let facts = facts(&run.stdout);
    assert!(
        facts.contains(&("one".into(), "NER".into(), "expulsion".into(), "FRA".into())),
        "{facts:?}"
    );
    assert!(
        facts.contains(&("two".into(), "MLI".into(), "expulsion".into(), "FRA".into())),
        "{facts:?}"
    );
    let two = json_lines(&run.stdout)
        .into_iter()
        .find(|v| v["doc"] == "two");
    assert_eq!(two.map(|v| v["date"].clone()), Some("2024-03-11".into()));
}

#[test]
fn a_broken_json_line_is_reported_and_the_others_processed() {
    let dir = temp_dir();
    let input = format!(
        "{}\n{{\"id\": \"broken\", \"text\": \n{}\n",
        record("first", SENTENCE),
        record("third", "Mali expelled the French ambassador.")
    );
    write(dir.path(), "feed.jsonl", input);
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "feed.jsonl"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("feed.jsonl:2:"), "{}", run.stderr);
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert!(
        docs.contains(&"first".to_owned()) && docs.contains(&"third".to_owned()),
        "{docs:?}"
    );
}

#[test]
fn an_invalid_utf8_file_is_named_and_the_others_processed() {
    let dir = temp_dir();
    write(dir.path(), "bad.txt", b"Niger \xff expelled French troops.");
    write(dir.path(), "good.txt", SENTENCE);
    let run = newsgraph(dir.path(), &["extract", "bad.txt", "good.txt"], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("bad.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("invalid UTF-8"), "{}", run.stderr);
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert_eq!(docs, ["good.txt"]);
}

#[test]
fn a_missing_file_is_named() {
    let dir = temp_dir();
    let run = newsgraph(dir.path(), &["extract", "absent.txt"], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("absent.txt: cannot open"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn an_empty_file_gives_no_output() {
    let dir = temp_dir();
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "empty.jsonl", "");
    let run = newsgraph(dir.path(), &["extract", "empty.txt"], None);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (Some(0), "", "")
    );
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "empty.jsonl"],
        None,
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (Some(0), "", "")
    );
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let dir = temp_dir();
    let run = newsgraph(dir.path(), &["extract", "--frobnicate", "a.txt"], None);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("--frobnicate"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_bad_publication_date_is_a_usage_error() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &["extract", "--published", "17/03/2024", "a.txt"],
        None,
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("--published"), "{}", run.stderr);
    assert!(
        run.stderr.contains("expected a date as YYYY-MM-DD"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

// ----- build -----

#[test]
fn build_writes_every_output_format() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let outputs = [
        "g.ttl", "g.nt", "g.nq", "g.trig", "g.rdf", "g.jsonld", "g.dot", "g.json", "g.jsonl",
    ];
    let mut args = vec!["build", "--published", PUBLISHED, "a.txt"];
    for o in &outputs {
        args.extend(["-o", o]);
    }
    let run = newsgraph(dir.path(), &args, None);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("1 document, 2 entities, 1 relation; 9 outputs written"),
        "{}",
        run.stderr
    );
    let mut expected: Vec<String> = outputs.iter().map(|o| o.to_string()).collect();
    expected.push("a.txt".into());
    expected.sort();
    assert_eq!(files(dir.path()), expected, "no temporary file is left");

    assert!(read(dir.path(), "g.ttl").contains("ng:expulsion entity:FRA"));
    assert!(read(dir.path(), "g.nt").contains(&format!("{NT_EXPULSION} .\n")));
    assert!(
        read(dir.path(), "g.nq").contains(&format!(
            "{NT_EXPULSION} <https://newsgraph.example/article/a.txt> .\n"
        )),
        "the direct edge is in the article's graph"
    );
    assert!(read(dir.path(), "g.dot").contains(r#""NER" -> "FRA""#));
    let graph =
        KnowledgeGraph::from_json(&read(dir.path(), "g.json")).expect("the graph JSON reads back");
    let key = RelationKey::new(
        EntityId::new("NER"),
        RelationKind::Expulsion,
        EntityId::new("FRA"),
    );
    assert_eq!(graph.relation(&key).map(|r| r.sources()), Some(1));
    let relations = read(dir.path(), "g.jsonl");
    assert_eq!(relations.lines().count(), 1);
    assert!(
        relations.starts_with(r#"{"source":"NER","kind":"expulsion","target":"FRA""#),
        "{relations}"
    );
}

#[test]
fn build_writes_property_graph_formats() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    std::fs::create_dir(dir.path().join("old.neo4j")).expect("a folder");
    write(&dir.path().join("old.neo4j"), "README", "mine");
    write(&dir.path().join("old.neo4j"), "nodes.csv", "old");
    let run = newsgraph(
        dir.path(),
        &[
            "build",
            "--published",
            PUBLISHED,
            "a.txt",
            "-o",
            "g.graphml",
            "-o",
            "g.nodes-links.json",
            "-o",
            "g.neo4j",
            "-o",
            "old.neo4j",
            "-o",
            "g.json",
        ],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stderr.contains("5 outputs written"), "{}", run.stderr);
    assert_eq!(
        files(dir.path()),
        [
            "a.txt",
            "g.graphml",
            "g.json",
            "g.neo4j",
            "g.nodes-links.json",
            "old.neo4j"
        ],
        "no temporary file is left"
    );
    assert_eq!(
        files(&dir.path().join("g.neo4j")),
        ["load.cypher", "nodes.csv", "relationships.csv"]
    );
    assert_eq!(
        files(&dir.path().join("old.neo4j")),
        ["README", "load.cypher", "nodes.csv", "relationships.csv"],
        "other files of the folder stay"
    );
    assert_eq!(read(&dir.path().join("old.neo4j"), "README"), "mine");
    assert!(read(&dir.path().join("old.neo4j"), "nodes.csv").starts_with("id:ID,name,"));
    assert!(
        read(&dir.path().join("g.neo4j"), "relationships.csv")
            .contains("\nNER,FRA,EXPULSION,expulsion,SANCTION,166,")
    );
    let graphml = read(dir.path(), "g.graphml");
    let xml = roxmltree::Document::parse(&graphml).expect("GraphML is XML");
    assert_eq!(
        xml.descendants().filter(|n| n.has_tag_name("edge")).count(),
        1
    );
    let links: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "g.nodes-links.json")).expect("JSON");
    assert_eq!(links["links"][0]["kind"], "expulsion");
    KnowledgeGraph::from_json(&read(dir.path(), "g.json")).expect(".json is still the graph");

    write(dir.path(), "file.neo4j", "a file");
    let run = newsgraph(dir.path(), &["build", "a.txt", "-o", "file.neo4j"], None);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("cannot write file.neo4j: it is a file, expected a folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn build_reads_json_lines_from_standard_input_and_reports_bad_lines() {
    let dir = temp_dir();
    let input = format!(
        "{}\nnot json\n{}\n",
        record("one", SENTENCE),
        record("two", "Mali expelled the French ambassador.")
    );
    let run = newsgraph(
        dir.path(),
        &["build", "--input", "jsonl", "-", "-o", "g.jsonl"],
        Some(input.as_bytes()),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("<stdin>:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("2 documents"), "{}", run.stderr);
    let relations = read(dir.path(), "g.jsonl");
    assert!(
        relations.contains(r#""source":"NER","kind":"expulsion","target":"FRA""#),
        "{relations}"
    );
    assert!(
        relations.contains(r#""source":"MLI","kind":"expulsion","target":"FRA""#),
        "{relations}"
    );
}

#[test]
fn build_options_shape_the_outputs() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &[
            "build",
            "--published",
            PUBLISHED,
            "a.txt",
            "--clusters",
            "--base-iri",
            "https://example.org/kg/",
            "--quiet",
            "-o",
            "g.dot",
            "-o",
            "g.nt",
        ],
        None,
    );
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    assert!(read(dir.path(), "g.dot").contains("subgraph \"cluster_NER\""));
    assert!(read(dir.path(), "g.nt").contains("<https://example.org/kg/entity/NER>"));

    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "--min-sources", "2", "-o", "few.jsonl"],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr
            .contains("--min-sources 2 kept 0 entities, 0 relations"),
        "{}",
        run.stderr
    );
    assert_eq!(read(dir.path(), "few.jsonl"), "");

    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "--base-iri", "not an iri", "-o", "x.ttl"],
        None,
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("--base-iri"), "{}", run.stderr);
    assert!(!dir.path().join("x.ttl").exists());
}

#[test]
fn build_rejects_an_unknown_extension_before_any_work() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "-o", "g.ttl", "-o", "g.xyz"],
        None,
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("g.xyz"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("expected an output extension among .ttl"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("found .xyz"), "{}", run.stderr);
    assert!(
        run.stderr.contains(".graphml .nodes-links.json .neo4j"),
        "{}",
        run.stderr
    );
    assert_eq!(files(dir.path()), ["a.txt"], "nothing is written");
}

#[test]
fn build_names_an_unwritable_output_and_leaves_existing_files_alone() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    write(dir.path(), "g.nt", "old");
    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "-o", "g.nt", "-o", "no-such-folder/g.ttl"],
        None,
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("cannot write no-such-folder/g.ttl"),
        "{}",
        run.stderr
    );
    assert_eq!(read(dir.path(), "g.nt"), "old");

    std::fs::create_dir(dir.path().join("g.ttl")).expect("a folder");
    let run = newsgraph(dir.path(), &["build", "a.txt", "-o", "g.ttl"], None);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("cannot write g.ttl: it is a folder"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn build_into_a_read_only_folder_fails_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("a folder");
    write(&locked, "g.ttl", "old");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let privileged = std::fs::File::create(locked.join("probe")).is_ok();
    if privileged {
        println!("skipped: this user writes into read-only folders (root?)");
    } else {
        let run = newsgraph(
            dir.path(),
            &["build", "a.txt", "-o", "locked/g.ttl", "-o", "g.nt"],
            None,
        );
        assert_eq!(run.code, Some(1), "{run:?}");
        assert!(
            run.stderr.contains("cannot write locked/g.ttl"),
            "{}",
            run.stderr
        );
        assert_eq!(read(&locked, "g.ttl"), "old");
        assert!(
            read(dir.path(), "g.nt").contains(NT_EXPULSION),
            "the other output is written"
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn build_without_graphviz_writes_the_rest_and_fails_at_the_end() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    write(dir.path(), "g.svg", "old");
    let empty = temp_dir();
    let run = newsgraph_with(
        dir.path(),
        &["build", "a.txt", "-o", "g.svg", "-o", "g.ttl"],
        None,
        &[("PATH", empty.path())],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains(
            "graphviz `dot` not found on PATH; wrote nothing for g.svg — install graphviz or write .dot"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("1 of 2 outputs written (g.ttl)"),
        "{}",
        run.stderr
    );
    assert_eq!(read(dir.path(), "g.svg"), "old");
    assert!(read(dir.path(), "g.ttl").contains("ng:expulsion entity:FRA"));
    assert_eq!(
        files(dir.path()),
        ["a.txt", "g.svg", "g.ttl"],
        "no temporary file is left"
    );
}

#[test]
fn build_draws_svg_with_graphviz() {
    if !graphviz_installed() {
        println!("skipped: graphviz `dot` is not on PATH");
        return;
    }
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "--clusters", "-o", "g.svg"],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let svg = read(dir.path(), "g.svg");
    assert!(svg.contains("<svg") && svg.contains("NER"), "{svg}");
}

// ----- query -----

/// A folder holding `g.ttl` built from [`SENTENCE`].
fn built_turtle() -> tempfile::TempDir {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &["build", "--published", PUBLISHED, "a.txt", "-o", "g.ttl"],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    dir
}

#[test]
fn query_answers_over_a_saved_file() {
    let dir = built_turtle();
    let sparql = "SELECT ?target WHERE { entity:NER ng:expulsion ?target }";
    let run = newsgraph(
        dir.path(),
        &["query", "g.ttl", sparql, "--format", "csv"],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "target\r\nhttps://newsgraph.example/entity/FRA\r\n"
    );

    let run = newsgraph(dir.path(), &["query", "g.ttl", sparql], None);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("target\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("https://newsgraph.example/entity/FRA"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("(1 row)\n"), "{}", run.stdout);

    let run = newsgraph(
        dir.path(),
        &["query", "g.ttl", sparql, "--format", "json"],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("SPARQL results JSON");
    assert_eq!(
        json["results"]["bindings"][0]["target"]["value"],
        "https://newsgraph.example/entity/FRA"
    );

    write(
        dir.path(),
        "q.rq",
        "ASK { entity:NER ng:expulsion entity:FRA }",
    );
    let run = newsgraph(dir.path(), &["query", "g.ttl", "@q.rq"], None);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (Some(0), "true\n"),
        "{run:?}"
    );
}

#[test]
fn query_errors_are_clear() {
    let dir = built_turtle();
    let run = newsgraph(dir.path(), &["query", "absent.ttl", "ASK {}"], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("absent.ttl"), "{}", run.stderr);

    let run = newsgraph(dir.path(), &["query", "g.ttl", "SELECT WHERE"], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("cannot parse the SPARQL query"),
        "{}",
        run.stderr
    );

    let run = newsgraph(dir.path(), &["query", "g.ttl", "@absent.rq"], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.contains("cannot read the query file absent.rq"),
        "{}",
        run.stderr
    );

    write(dir.path(), "notes.txt", "hello");
    let run = newsgraph(dir.path(), &["query", "notes.txt", "ASK {}"], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("notes.txt: expected an RDF file extension"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

// ----- the seed article -----

/// The number of RDF terms on an N-Quads line (IRIs, blank nodes, literals with their
/// language or datatype), before the final `.`.
fn nquads_terms(line: &str) -> usize {
    let mut terms = 0;
    let mut chars = line.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                terms += 1;
                chars.by_ref().find(|&c| c == '>');
            }
            '"' => {
                terms += 1;
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                // A language tag or a datatype IRI belongs to the literal.
                match chars.peek() {
                    Some('@') => while chars.next_if(|c| !c.is_whitespace()).is_some() {},
                    Some('^') => {
                        chars.by_ref().find(|&c| c == '>');
                    }
                    _ => {}
                }
            }
            '_' => {
                terms += 1;
                while chars.next_if(|c| !c.is_whitespace()).is_some() {}
            }
            _ => {}
        }
    }
    terms
}

#[test]
fn nquads_terms_are_counted() {
    assert_eq!(nquads_terms("<a> <b> <c> ."), 3);
    assert_eq!(nquads_terms("<a> <b> \"x y \\\" <z>\"@en <g> ."), 4);
    assert_eq!(
        nquads_terms("_:b <b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <g> ."),
        4
    );
}

#[test]
fn the_seed_article_gives_its_key_facts() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/seed/niger-us-agreement.txt");
    if !seed.is_file() {
        println!("skipped: {} is absent", seed.display());
        return;
    }
    let dir = temp_dir();
    let seed = seed.to_string_lossy().into_owned();
    let run = newsgraph(
        dir.path(),
        &[
            "build",
            "--published",
            "2024-03-17",
            &seed,
            "-o",
            "g.ttl",
            "-o",
            "g.dot",
            "-o",
            "g.nq",
        ],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");

    let sparql = "SELECT ?source ?kind ?target WHERE {
        VALUES ?property { ng:expulsion ng:agreement_ended ng:aid_suspension }
        ?s ?property ?t .
        ?s ng:id ?source . ?t ng:id ?target .
        ?property rdfs:label ?kind .
    } ORDER BY ?source ?kind ?target";
    let run = newsgraph(
        dir.path(),
        &["query", "g.ttl", sparql, "--format", "csv"],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let rows: Vec<&str> = run.stdout.lines().collect();
    for edge in [
        "NER,expulsion,FRA",
        "NER,agreement_ended,USA",
        "USA,aid_suspension,NER",
    ] {
        assert!(rows.contains(&edge), "expected {edge} among {rows:?}");
    }

    assert!(read(dir.path(), "g.dot").contains(r#""NER" -> "USA""#));
    let nq = read(dir.path(), "g.nq");
    let quads = nq.lines().filter(|l| nquads_terms(l) == 4).count();
    assert!(quads > 0, "expected a quad in a named graph in g.nq");
    assert!(
        nq.contains(&format!(
            "{NT_EXPULSION} <https://newsgraph.example/article/niger-us-agreement.txt> ."
        )),
        "expected the expulsion in the article's graph"
    );
}

/// The evaluation contract: `newsgraph extract --input jsonl --format jsonl` with the
/// records on standard input and no file argument.
#[test]
fn extract_reads_standard_input_without_a_file_argument() {
    let dir = tempfile::tempdir().unwrap();
    let input =
        br#"{"id": "a", "text": "Mali expelled the French ambassador.", "published": "2024-03-17"}
"#;
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "--format", "jsonl"],
        Some(input),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let line: serde_json::Value =
        serde_json::from_str(run.stdout.lines().next().expect("one line")).unwrap();
    assert_eq!(line["doc"], "a");
    assert_eq!(line["source"], "MLI");
    assert_eq!(line["relation"], "expulsion");
    assert_eq!(line["target"], "FRA");
    assert_eq!(line["plover"], "SANCTION");
    assert_eq!(line["source_country"], "MLI");
}
