//! `newsgraph merge`: graphs saved as JSON by `build` (or `merge`), merged into one and
//! written in every format `build` writes.
//!
//! Merging is associative and commutative, so a corpus can be built in shards, anywhere,
//! and merged in any order or grouping: the result is the graph of the whole corpus.

use std::fs::File;
use std::io::{self, BufReader};
use std::process::ExitCode;

use newsgraph::KnowledgeGraph;

use crate::output::{OutputArgs, count, keep_min_sources};

/// The options of `newsgraph merge`.
#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// Graphs saved by `newsgraph build -o FILE.json`; `-` reads one from standard input.
    #[arg(value_name = "GRAPH", required = true)]
    inputs: Vec<String>,
    #[command(flatten)]
    output: OutputArgs,
    /// Keep only the relations with evidence from at least N distinct articles (counted
    /// after merging), and the entities they link.
    #[arg(long, value_name = "N")]
    min_sources: Option<usize>,
    /// Print no summary; errors are still printed.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `newsgraph merge`.
pub fn merge(args: MergeArgs) -> ExitCode {
    let outputs = match args.output.check().and_then(|outputs| {
        if outputs.is_empty() {
            return Err("expected an output (-o FILE), found none".into());
        }
        if args.inputs.iter().filter(|i| *i == "-").count() > 1 {
            return Err("expected standard input (`-`) at most once, found it twice".into());
        }
        Ok(outputs)
    }) {
        Ok(outputs) => outputs,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return ExitCode::from(2);
        }
    };

    let mut graph = KnowledgeGraph::new();
    let (mut merged, mut errors) = (0usize, 0usize);
    for input in &args.inputs {
        match read_graph(input) {
            Ok(other) => {
                graph.merge(other);
                merged += 1;
            }
            Err(e) => {
                eprintln!("newsgraph: {e}");
                errors += 1;
            }
        }
    }
    if merged == 0 {
        eprintln!(
            "newsgraph: {} and no graph read; wrote no output",
            count(errors, "input error")
        );
        return ExitCode::from(1);
    }

    let mut summary = format!(
        "{} merged: {}, {}, {}",
        count(merged, "graph"),
        count(graph.article_count(), "article"),
        count(graph.entity_count(), "entity"),
        count(graph.relation_count(), "relation"),
    );
    let graph = keep_min_sources(graph, args.min_sources, &mut summary);
    let all_written = outputs.write(&graph, &summary, args.quiet);
    if errors > 0 {
        eprintln!(
            "newsgraph: {}; the other graphs were merged",
            count(errors, "input error")
        );
    }
    if errors > 0 || !all_written {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads one saved graph; the error names the input and says what was wrong.
fn read_graph(input: &str) -> Result<KnowledgeGraph, String> {
    let not_a_graph = |name: &str, e: newsgraph::Error| match e {
        newsgraph::Error::Io { source, .. } => format!("{name}: read error: {source}"),
        e => format!(
            "{name}: expected a newsgraph JSON graph (as written by `build -o FILE.json`): {e}"
        ),
    };
    if input == "-" {
        return KnowledgeGraph::read_json(BufReader::new(io::stdin().lock()))
            .map_err(|e| not_a_graph("<stdin>", e));
    }
    let file = File::open(input).map_err(|e| format!("{input}: cannot open: {e}"))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(format!("{input}: is a directory, expected a file"));
    }
    KnowledgeGraph::read_json(BufReader::with_capacity(1 << 20, file))
        .map_err(|e| not_a_graph(input, e))
}
