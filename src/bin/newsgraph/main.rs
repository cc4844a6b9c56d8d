//! The `newsgraph` command line: `extract`, `build`, `query`.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::input::{JsonlReader, text_document};
use newsgraph::{Date, Document, Extraction, Extractor};

#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, about = "News articles about international politics to a knowledge graph")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract relation assertions from articles and print them (one JSON object a line).
    Extract(ExtractArgs),
}

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Each input is one plain-text article (its file name is its id).
    Text,
    /// Each input holds JSON Lines records {"id","text","published"?}.
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// One JSON object per relation assertion.
    Jsonl,
    /// One JSON object per document: the whole extraction.
    Extraction,
}

#[derive(clap::Args, Debug)]
struct InputArgs {
    /// Input files; `-` reads standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value = "text")]
    input: InputFormat,
    /// Publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve
    /// against it.
    #[arg(long, value_parser = parse_date)]
    published: Option<Date>,
    /// Extra lexicon or trigger files (tables of data/FORMAT.md); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Extra trigger pattern files; repeatable.
    #[arg(long = "patterns", value_name = "FILE")]
    patterns: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct ExtractArgs {
    #[command(flatten)]
    common: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: OutputFormat,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract(args),
    }
}

fn extractor(args: &InputArgs) -> Result<Extractor, newsgraph::Error> {
    let mut b = Extractor::builder();
    for f in args.lexicons.iter().chain(&args.patterns) {
        b = b.lexicon_file(f);
    }
    b.build()
}

/// Calls `f` on every document of every input; reports bad inputs and records on standard
/// error and goes on. Returns the number of errors.
fn for_each_document(args: &InputArgs, mut f: impl FnMut(Document) -> std::io::Result<()>) -> std::io::Result<usize> {
    let mut errors = 0usize;
    let mut report = |e: &dyn std::fmt::Display| {
        eprintln!("newsgraph: {e}");
        errors += 1;
    };
    for input in &args.inputs {
        let name = if input == "-" { "<stdin>".to_string() } else { input.clone() };
        let reader: Box<dyn BufRead> = if input == "-" {
            Box::new(BufReader::new(std::io::stdin().lock()))
        } else {
            match std::fs::File::open(input) {
                Ok(file) => {
                    if file.metadata().is_ok_and(|m| m.is_dir()) {
                        report(&format!("{name}: is a directory, expected a file"));
                        continue;
                    }
                    Box::new(BufReader::with_capacity(1 << 20, file))
                }
                Err(e) => {
                    report(&format!("{name}: cannot open: {e}"));
                    continue;
                }
            }
        };
        match args.input {
            InputFormat::Jsonl => {
                for rec in JsonlReader::new(name.clone(), reader) {
                    match rec {
                        Ok(mut doc) => {
                            if doc.published.is_none() {
                                doc.published = args.published;
                            }
                            f(doc)?;
                        }
                        Err(e) => report(&e),
                    }
                }
            }
            InputFormat::Text => {
                let mut bytes = Vec::new();
                let mut reader = reader;
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    report(&format!("{name}: read error: {e}"));
                    continue;
                }
                let id = std::path::Path::new(&name)
                    .file_name()
                    .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
                match text_document(&id, &bytes) {
                    Ok(mut doc) => {
                        doc.published = args.published;
                        f(doc)?;
                    }
                    Err(e) => report(&format!("{name}: {}", e.to_string().trim_start_matches(&format!("{id}:")))),
                }
            }
        }
    }
    Ok(errors)
}

fn extract(args: ExtractArgs) -> ExitCode {
    let ex = match extractor(&args.common) {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = for_each_document(&args.common, |doc| {
        let x = ex.extract(&doc);
        match args.format {
            OutputFormat::Jsonl => write_assertions(&mut out, &x),
            OutputFormat::Extraction => {
                serde_json::to_writer(&mut out, &x)?;
                out.write_all(b"\n")
            }
        }
    });
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(0), Ok(())) => ExitCode::SUCCESS,
        (Ok(n), Ok(())) => {
            eprintln!("newsgraph: {n} input error(s); the other inputs were processed");
            ExitCode::from(1)
        }
        (Err(e), _) | (_, Err(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("newsgraph: writing output: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_assertions(out: &mut impl Write, x: &Extraction) -> std::io::Result<()> {
    for a in &x.assertions {
        let src = x.entity(&a.source);
        let tgt = x.entity(&a.target);
        let line = serde_json::json!({
            "doc": x.doc,
            "source": a.source,
            "target": a.target,
            "relation": a.kind,
            "plover": a.kind.plover(),
            "cameo": a.kind.cameo(),
            "source_kind": src.map(|e| e.kind),
            "target_kind": tgt.map(|e| e.kind),
            "source_org_type": src.and_then(|e| e.org_type),
            "target_org_type": tgt.and_then(|e| e.org_type),
            "source_country": src.and_then(|e| e.country.clone()),
            "target_country": tgt.and_then(|e| e.country.clone()),
            "source_name": src.map(|e| e.name.as_str()),
            "target_name": tgt.map(|e| e.name.as_str()),
            "sentence": a.sentence,
            "span": [a.sentence_span.start, a.sentence_span.end],
            "source_span": [a.source_span.start, a.source_span.end],
            "trigger_span": [a.trigger_span.start, a.trigger_span.end],
            "target_span": [a.target_span.start, a.target_span.end],
            "trigger": a.trigger,
            "modality": a.modality,
            "speaker": a.speaker,
            "source_person": a.source_person,
            "source_sector": a.source_sector,
            "confidence": (a.confidence * 100.0).round() / 100.0,
            "date": a.date,
            "rule": a.rule,
        });
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
