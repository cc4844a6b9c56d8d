//! The `newsgraph` command line: `extract`, `build`, `merge`, `query`, `push`, `eval`.
//!
//! Exit codes: 0 on success; 1 when something failed while running (a bad input record,
//! an output that could not be written, a query that failed) after doing the rest; 2
//! when the arguments are wrong and nothing was done (clap's usage errors, an unknown
//! output extension, a bad lexicon file, an unreadable or invalid gold file).

mod build;
#[cfg(feature = "http")]
mod digest;
mod eval;
mod extract;
mod input;
mod merge;
mod output;
mod push;
mod query;
mod store;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The allocator of the command line (the `mimalloc` feature, on by default): many small
/// allocations per sentence make it worth about a tenth of the run time.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command line.
#[derive(Parser, Debug)]
#[command(
    name = "newsgraph",
    version,
    about = "News articles about international politics to a knowledge graph"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
enum Command {
    /// Extract relation assertions from articles and print them (one JSON object a line).
    Extract(extract::ExtractArgs),
    /// Merge every article into one knowledge graph and write it: RDF, DOT, SVG, JSON,
    /// GraphML, Neo4j CSV, each output's format told by its extension.
    Build(build::BuildArgs),
    /// Merge graphs saved by `build -o FILE.json` into one and write it in any format
    /// `build` writes.
    Merge(merge::MergeArgs),
    /// Answer a SPARQL query over a saved RDF file or an on-disk store (--store).
    Query(query::QueryArgs),
    /// Send every article's graph to a SPARQL 1.1 Graph Store endpoint (one PUT per graph,
    /// so pushing again replaces), with a report of what was pushed and what failed.
    Push(push::PushArgs),
    /// Score the extractor against a gold file: precision, recall, F1, misses and false
    /// alarms.
    Eval(eval::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::extract(args),
        Command::Build(args) => build::build(args),
        Command::Merge(args) => merge::merge(args),
        Command::Query(args) => query::query(args),
        Command::Push(args) => push::push(args),
        Command::Eval(args) => eval::eval(args),
    }
}
