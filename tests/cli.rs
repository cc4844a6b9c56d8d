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
    assert_eq!(
        run.stderr,
        "newsgraph: feed.jsonl:2: expected a JSON object with \"id\" and \"text\": \
         EOF while parsing a value at column 24\n\
         newsgraph: 1 input error(s); the other inputs were processed\n"
    );
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert!(
        docs.contains(&"first".to_owned()) && docs.contains(&"third".to_owned()),
        "{docs:?}"
    );
}

#[test]
fn bad_fields_in_json_lines_are_named_and_the_others_processed() {
    let dir = temp_dir();
    let feed = [
        record("first", SENTENCE).as_str(),
        r#"{"id": ["a"], "text": "Mali expelled the envoy."}"#,
        r#"{"id": "n", "text": null}"#,
        r#"{"id": "d", "id": "e", "text": "Mali expelled the envoy."}"#,
        r#"{"id": "p", "text": "Mali expelled the envoy.", "published": "2024-02-30"}"#,
        r#"{"id": 1e400, "text": "Mali expelled the envoy."}"#,
        r#"["id", "text"]"#,
        record("last", "Mali expelled the French ambassador.").as_str(),
    ]
    .join("\n");
    write(dir.path(), "feed.jsonl", feed);
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "feed.jsonl"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stderr,
        "newsgraph: feed.jsonl:2: expected \"id\" to be a string or number, found [\"a\"]\n\
         newsgraph: feed.jsonl:3: expected a JSON object with \"id\" and \"text\": \
         invalid type: null, expected a string at column 24\n\
         newsgraph: feed.jsonl:4: expected a JSON object with \"id\" and \"text\": \
         duplicate field `id` at column 16\n\
         newsgraph: feed.jsonl:5: field \"published\": expected a date as YYYY-MM-DD, found \"2024-02-30\"\n\
         newsgraph: feed.jsonl:6: expected a JSON object with \"id\" and \"text\": \
         number out of range at column 12\n\
         newsgraph: feed.jsonl:7: expected a JSON object, found an array\n\
         newsgraph: 6 input error(s); the other inputs were processed\n"
    );
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert_eq!(docs, ["first", "last"]);
}

#[test]
fn an_invalid_utf8_file_is_named_and_the_others_processed() {
    let dir = temp_dir();
    write(dir.path(), "bad.txt", b"Niger \xff expelled French troops.");
    write(
        dir.path(),
        "bad3.txt",
        b"Mali acted.\nChad too.\nNiger \xc3( did.",
    );
    write(dir.path(), "good.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &["extract", "bad.txt", "good.txt", "bad3.txt"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stderr,
        "newsgraph: bad.txt:1: invalid UTF-8 at byte 6\n\
         newsgraph: bad3.txt:3: invalid UTF-8 at byte 28\n\
         newsgraph: 2 input error(s); the other inputs were processed\n"
    );
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert_eq!(docs, ["good.txt"]);
}

#[test]
fn invalid_utf8_inside_a_json_line_is_named_and_the_others_processed() {
    let dir = temp_dir();
    let mut feed = format!("{}\n", record("first", SENTENCE)).into_bytes();
    feed.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"Mali \xe9 expelled the envoy.\"}\n");
    feed.extend_from_slice(
        format!(
            "{}\n",
            record("third", "Mali expelled the French ambassador.")
        )
        .as_bytes(),
    );
    write(dir.path(), "feed.jsonl", feed);
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "feed.jsonl"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stderr,
        "newsgraph: feed.jsonl:2: invalid UTF-8 at byte 28 of the line\n\
         newsgraph: 1 input error(s); the other inputs were processed\n"
    );
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert_eq!(docs, ["first", "third"]);
}

/// Bytes that are no text: an ELF header, the start of a PNG, random bytes.
fn binary_files(dir: &Path) -> Vec<PathBuf> {
    let mut random = Vec::with_capacity(1 << 16);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    while random.len() < 1 << 16 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        random.extend_from_slice(&state.to_le_bytes());
    }
    vec![
        write(
            dir,
            "prog.elf",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
        ),
        write(dir, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        write(dir, "random.bin", random),
    ]
}

#[test]
fn a_binary_file_is_named_and_the_others_processed() {
    let dir = temp_dir();
    binary_files(dir.path());
    write(dir.path(), "good.txt", SENTENCE);
    let run = newsgraph(
        dir.path(),
        &["extract", "prog.elf", "image.png", "random.bin", "good.txt"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stderr,
        "newsgraph: prog.elf:1: expected text, found a NUL byte at byte 7 (a binary file?)\n\
         newsgraph: image.png:1: invalid UTF-8 at byte 0\n\
         newsgraph: random.bin:1: invalid UTF-8 at byte 0\n\
         newsgraph: 3 input error(s); the other inputs were processed\n"
    );
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert_eq!(docs, ["good.txt"]);

    // read as JSON Lines, every line of them is a bad record, named
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "prog.elf", "image.png"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stderr,
        "newsgraph: prog.elf:1: expected a JSON object: expected value at column 1\n\
         newsgraph: image.png:1: invalid UTF-8 at byte 0 of the line\n\
         newsgraph: image.png:2: expected a JSON object: expected value at column 1\n\
         newsgraph: image.png:3: expected a JSON object: expected value at column 1\n\
         newsgraph: 4 input error(s); the other inputs were processed\n"
    );
    assert_eq!(run.stdout, "");
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
    write(dir.path(), "g.ttl", "old");
    for args in [
        &["extract", "--frobnicate", "a.txt"][..],
        &["build", "a.txt", "-o", "g.ttl", "--frobnicate"],
        &["query", "g.ttl", "ASK {}", "--frobnicate"],
        &["--frobnicate", "extract"],
        &["frobnicate"],
        &["extract", "--input", "xml", "a.txt"],
    ] {
        let run = newsgraph(dir.path(), args, None);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(
            run.stderr.starts_with("error: ")
                && (run.stderr.contains("'--frobnicate'")
                    || run.stderr.contains("'frobnicate'")
                    || run.stderr.contains("'xml'")),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
    }
    assert_eq!(read(dir.path(), "g.ttl"), "old");
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

#[test]
fn build_of_no_document_fails_and_keeps_the_old_outputs() {
    let dir = temp_dir();
    write(dir.path(), "g.ttl", "old");
    write(dir.path(), "empty.jsonl", "");
    write(dir.path(), "blank.jsonl", "\n  \n\r\n\t\n");
    write(dir.path(), "broken.jsonl", "{\"id\": \"a\"\n");
    for (inputs, message) in [
        (
            &["empty.jsonl"][..],
            "newsgraph: no document in the input; wrote no output\n",
        ),
        (
            &["empty.jsonl", "blank.jsonl"],
            "newsgraph: no document in the input; wrote no output\n",
        ),
        (
            &["blank.jsonl", "broken.jsonl"],
            "newsgraph: broken.jsonl:1: expected a JSON object with \"id\" and \"text\": \
             EOF while parsing an object at column 10\n\
             newsgraph: 1 input error and no document read; wrote no output\n",
        ),
    ] {
        let mut args = vec!["build", "--input", "jsonl", "-o", "g.ttl"];
        args.extend(inputs);
        let run = newsgraph(dir.path(), &args, None);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (Some(1), message),
            "{inputs:?}"
        );
        assert_eq!(read(dir.path(), "g.ttl"), "old", "{inputs:?}");
    }
    // empty standard input
    let run = newsgraph(
        dir.path(),
        &["build", "--input", "jsonl", "-o", "g.ttl"],
        Some(b""),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(read(dir.path(), "g.ttl"), "old");
}

#[test]
fn build_under_a_regular_file_is_refused_before_any_work() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    write(dir.path(), "g.nt", "old");
    write(dir.path(), "file.txt", "a file");
    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "-o", "g.nt", "-o", "file.txt/out.ttl"],
        None,
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(
        run.stderr,
        "newsgraph: cannot write file.txt/out.ttl: file.txt is not a folder\n"
    );
    assert_eq!(read(dir.path(), "g.nt"), "old");
    assert_eq!(read(dir.path(), "file.txt"), "a file");
}

/// A folder where nobody, root included, can create a file: the read-only folder test
/// above is skipped for root, this one is not.
#[cfg(target_os = "linux")]
#[test]
fn build_into_a_folder_where_no_file_can_be_created_writes_the_rest() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    write(dir.path(), "g.nt", "old");
    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "-o", "/proc/newsgraph.ttl", "-o", "g.nt"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr.starts_with(
            "newsgraph: cannot write /proc/newsgraph.ttl: \
             cannot create a temporary file in /proc: "
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(
            "newsgraph: 1 document, 2 entities, 1 relation; 1 of 2 outputs written (g.nt)\n"
        ),
        "{}",
        run.stderr
    );
    assert!(read(dir.path(), "g.nt").contains(NT_EXPULSION));
    assert!(!Path::new("/proc/newsgraph.ttl").exists());
}

/// The output folder is checked before any work, and removed while the input is read:
/// standard input stays open until the program is surely past the check (it has read
/// more than a pipe holds), then the folder goes, then the input ends.
#[test]
fn build_reports_an_output_folder_removed_during_the_run() {
    let dir = temp_dir();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("a folder");
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", "--input", "jsonl", "-o", "out/g.ttl", "-o", "g.nt"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsgraph binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    writeln!(stdin, "{}", record("one", SENTENCE)).expect("the record is sent");
    // 4 MB of blank line: more than any pipe buffer, so once written, most of it is read
    let blank = vec![b' '; 4 << 20];
    stdin.write_all(&blank).expect("the blank line is sent");
    std::fs::remove_dir(&out).expect("the folder is removed");
    writeln!(
        stdin,
        "\n{}",
        record("two", "Mali expelled the French ambassador.")
    )
    .expect("the record is sent");
    drop(stdin);
    let output = child.wait_with_output().expect("newsgraph finishes");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "newsgraph: cannot write out/g.ttl: cannot create a temporary file in out: \
             No such file or directory"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "newsgraph: 2 documents, 3 entities, 2 relations; 1 of 2 outputs written (g.nt)\n"
        ),
        "{stderr}"
    );
    assert!(!out.exists(), "the folder is not made again");
    assert_eq!(files(dir.path()), ["g.nt"], "no temporary file is left");
}

/// `extract` writes to standard output: a full disk is an error, not a silent loss.
#[cfg(target_os = "linux")]
#[test]
fn extract_to_a_full_disk_fails() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    let output = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", "a.txt"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("the newsgraph binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        "newsgraph: writing to standard output: No space left on device (os error 28)\n"
    );
}

// ----- bad lexicon and pattern files -----

const STATES_HEADER: &str = "iso3\tiso2\twikidata\tname\taliases\tadjectives\tcapitals\tseats";
const ORGS_HEADER: &str = "id\ttype\tname\taliases\tcountry\twikidata";
const TRIGGERS_HEADER: &str = "id\tkind\tpos\tforms\tsource\ttarget\texample\texpect";

/// A trigger rule with these forms and slots.
fn trigger_rule(kind: &str, forms: &str, source: &str, target: &str) -> String {
    format!(
        "{TRIGGERS_HEADER}\nhug.v\t{kind}\tverb\t{forms}\t{source}\t{target}\tMali hugs Chad.\tMLI TCD\n"
    )
}

/// Every bad data file stops the run before any work, with the file, the line, the entry
/// and what was wrong, whether given as `--lexicon` or `--patterns`; nothing is written.
#[test]
fn bad_lexicon_and_pattern_files_are_named_before_any_work() {
    let dir = temp_dir();
    write(dir.path(), "a.txt", SENTENCE);
    write(dir.path(), "g.ttl", "old");
    let state = |rows: &str| format!("{STATES_HEADER}\n{rows}");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "dup.tsv",
            state("ZZA\tQM\t-\tZedland\t-\t-\t-\t-\nZZA\tQN\t-\tZedland Two\t-\t-\t-\t-\n").into(),
            "dup.tsv:3: entry \"ZZA\": duplicate id \"ZZA\"",
        ),
        (
            "builtin-dup.tsv",
            state("NER\tQM\t-\tNew Niger\t-\t-\t-\t-\n").into(),
            "builtin-dup.tsv:2: entry \"NER\": duplicate id \"NER\"",
        ),
        (
            "iso3-length.tsv",
            state("ZZ\tZZ\t-\tZedland\t-\t-\t-\t-\n").into(),
            "iso3-length.tsv:2: entry \"ZZ\": expected an ISO alpha-3 code of three capital letters, found \"ZZ\"",
        ),
        (
            "iso3-case.tsv",
            state("Zza\tZZ\t-\tZedland\t-\t-\t-\t-\n").into(),
            "iso3-case.tsv:2: entry \"Zza\": expected an ISO alpha-3 code of three capital letters, found \"Zza\"",
        ),
        (
            "iso2-digit.tsv",
            state("ZZA\tZ1\t-\tZedland\t-\t-\t-\t-\n").into(),
            "iso2-digit.tsv:2: entry \"ZZA\": expected an ISO alpha-2 code of two capital letters, found \"Z1\"",
        ),
        (
            "iso2-iso3.tsv",
            state("ZZA\tZZA\t-\tZedland\t-\t-\t-\t-\n").into(),
            "iso2-iso3.tsv:2: entry \"ZZA\": expected an ISO alpha-2 code of two capital letters, found \"ZZA\"",
        ),
        (
            "iso2-taken.tsv",
            state("ZZA\tNE\t-\tZedland\t-\t-\t-\t-\n").into(),
            "iso2-taken.tsv:2: entry \"ZZA\": duplicate ISO alpha-2 code \"NE\" (already the code of \"NER\")",
        ),
        (
            "country-iso2.tsv",
            format!("{ORGS_HEADER}\nzed\tigo\tZed Org\t-\tNE\t-\n").into(),
            "country-iso2.tsv:2: entry \"zed\": expected an ISO alpha-3 code, found the alpha-2 code \"NE\" of \"NER\"",
        ),
        (
            "country-case.tsv",
            format!("{ORGS_HEADER}\nzed\tigo\tZed Org\t-\tner\t-\n").into(),
            "country-case.tsv:2: entry \"zed\": expected an ISO alpha-3 code in capitals, found \"ner\" (write \"NER\")",
        ),
        (
            "kind.tsv",
            trigger_rule("friendship", "hug|hugs", "subj", "obj").into(),
            "kind.tsv:2: entry \"hug.v\": unknown relation kind \"friendship\"",
        ),
        (
            "slot.tsv",
            trigger_rule("expulsion", "hug|hugs", "subject", "obj").into(),
            "slot.tsv:2: entry \"hug.v\": expected a source slot (subj, obj, poss, any, speaker, a preposition, ~kind, ~class, =entity-kind or +particle), found \"subject\"",
        ),
        (
            "condition.tsv",
            trigger_rule("expulsion", "hug|hugs", "subj", "obj|~friendship").into(),
            "condition.tsv:2: entry \"hug.v\": the condition \"~friendship\" names neither a relation kind nor a class of nouns (nouns.tsv)",
        ),
        (
            "form.tsv",
            trigger_rule("expulsion", "hug|hugs  up", "subj", "obj").into(),
            "form.tsv:2: entry \"hug.v\": expected a form of words separated by single spaces, found \"hugs  up\"",
        ),
        (
            "utf8.tsv",
            [ORGS_HEADER.as_bytes(), b"\nzed\tigo\tZ\xe9d Org\t-\t-\t-\n"].concat(),
            "utf8.tsv:2: invalid UTF-8 at byte 47",
        ),
        (
            "binary.tsv",
            b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec(),
            "binary.tsv:1: expected a header line naming the columns of a known table (see data/FORMAT.md), found \"\\u{7f}ELF\\u{2}\\u{1}\\u{1}\\0\\0\\0\"",
        ),
        (
            "empty.tsv",
            Vec::new(),
            "empty.tsv:1: expected a header line, found an empty file",
        ),
    ];
    for (i, (name, contents, message)) in cases.iter().enumerate() {
        write(dir.path(), name, contents);
        // every other file through --patterns, and every third through build
        let flag = if i % 2 == 0 {
            "--lexicon"
        } else {
            "--patterns"
        };
        let args: Vec<&str> = if i % 3 == 0 {
            vec!["build", flag, name, "a.txt", "-o", "g.ttl"]
        } else {
            vec!["extract", flag, name, "a.txt"]
        };
        let run = newsgraph(dir.path(), &args, None);
        assert_eq!(run.code, Some(2), "{name}: {run:?}");
        assert_eq!(run.stderr, format!("newsgraph: {message}\n"), "{name}");
        assert_eq!(run.stdout, "", "{name}");
    }
    let run = newsgraph(
        dir.path(),
        &["extract", "--lexicon", "absent.tsv", "a.txt"],
        None,
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(
        run.stderr,
        "newsgraph: absent.tsv: No such file or directory (os error 2)\n"
    );
    assert_eq!(read(dir.path(), "g.ttl"), "old", "no run wrote its output");
}

// ----- huge input -----

/// Writes `head`, `unit` repeated to `size` bytes with no line break, then `tail`.
fn write_huge_line(path: &Path, head: &[u8], unit: &[u8], size: usize, tail: &[u8]) {
    let file = std::fs::File::create(path).expect("the file is created");
    let mut out = std::io::BufWriter::new(file);
    out.write_all(head).expect("the file is written");
    for _ in 0..size / unit.len() {
        out.write_all(unit).expect("the file is written");
    }
    out.write_all(tail).expect("the file is written");
    out.flush().expect("the file is written");
}

/// A 100 MB line: as one text (one sentence of 18 million words, whose last clause
/// holds a fact) and as a JSON line that is not JSON, followed by a good record.
#[test]
#[ignore = "100 MB, about 10 s and 2 GB in --release: .ci/run runs it (-- --ignored)"]
fn a_hundred_megabyte_line_is_read() {
    let dir = temp_dir();
    write_huge_line(
        &dir.path().join("huge.txt"),
        b"",
        b"the quick brown fox jumps over the lazy dog near Niamey, ",
        100 << 20,
        b"but Mali expelled the French ambassador.",
    );
    let run = newsgraph(dir.path(), &["extract", "huge.txt"], None);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
    let lines = json_lines(&run.stdout);
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(
        (&lines[0]["source"], &lines[0]["target"]),
        (&"MLI".into(), &"FRA".into())
    );
    assert!(lines[0]["trigger_span"][0].as_u64() > Some(100 << 20));

    // a record whose text never ends: the line is read whole, named, and skipped
    let size = 100 << 20;
    write_huge_line(
        &dir.path().join("huge.jsonl"),
        b"{\"id\": \"huge\", \"text\": \"",
        b"Niger expelled French troops. ",
        size,
        format!("\n{}\n", record("after", SENTENCE)).as_bytes(),
    );
    let run = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "huge.jsonl"],
        None,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let column = 24 + size / 30 * 30 - 1;
    assert_eq!(
        run.stderr,
        format!(
            "newsgraph: huge.jsonl:1: expected a JSON object with \"id\" and \"text\": \
             EOF while parsing a string at column {column}\n\
             newsgraph: 1 input error(s); the other inputs were processed\n"
        )
    );
    let docs: Vec<String> = facts(&run.stdout).into_iter().map(|f| f.0).collect();
    assert_eq!(docs, ["after"]);
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

#[test]
fn build_on_several_threads_writes_the_outputs_of_the_serial_run() {
    let dir = temp_dir();
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut texts: Vec<String> = std::fs::read_dir(&articles)
        .expect("tests/data/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    texts.sort();
    assert!(texts.len() >= 5, "{texts:?}");
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "4"] {
        let json = format!("g{jobs}.json");
        let nq = format!("g{jobs}.nq");
        let mut args = vec!["build", "-q", "--jobs", jobs, "-o", &json, "-o", &nq];
        args.extend(texts.iter().map(String::as_str));
        let run = newsgraph(dir.path(), &args, None);
        assert_eq!(run.code, Some(0), "--jobs {jobs}: {}", run.stderr);
        outputs.push((read(dir.path(), &json), read(dir.path(), &nq)));
    }
    assert!(outputs[0].0.contains("\"relations\""), "{}", outputs[0].0);
    for (i, o) in outputs.iter().enumerate().skip(1) {
        assert!(o == &outputs[0], "output {i} differs from the serial one");
    }
    let zero = newsgraph(
        dir.path(),
        &["build", "--jobs", "0", "-o", "x.json"],
        Some(b""),
    );
    assert_eq!(zero.code, Some(2), "{}", zero.stderr);
    assert!(zero.stderr.contains("--jobs"), "{}", zero.stderr);
}

#[test]
fn extract_on_several_threads_prints_the_serial_output_in_order() {
    let dir = temp_dir();
    let lines = [
        "Mali expelled the French ambassador on Monday.",
        "Niger's junta ended its military agreement with the United States.",
        "Russia deployed troops to Burkina Faso, officials said.",
        "The European Union imposed sanctions on Moscow.",
    ];
    let input: String = (0..400)
        .map(|i| record(&format!("d{i}"), lines[i % lines.len()]) + "\n")
        .collect();
    let serial = newsgraph(
        dir.path(),
        &["extract", "--input", "jsonl", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(serial.code, Some(0), "{}", serial.stderr);
    assert_eq!(json_lines(&serial.stdout).len(), 400);
    for jobs in ["2", "3"] {
        let run = newsgraph(
            dir.path(),
            &["extract", "--input", "jsonl", "--jobs", jobs, "-"],
            Some(input.as_bytes()),
        );
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(
            run.stdout == serial.stdout,
            "--jobs {jobs} changed the output"
        );
    }
}
