//! The input options shared by `extract` and `build`, and the loop that reads every
//! document of every input.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use clap::ValueEnum;
use newsgraph::input::{JsonlReader, text_document};
use newsgraph::{Date, Document, Extractor};

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each input is one plain-text article (its file name is its id).
    Text,
    /// Each input holds JSON Lines records {"id","text","published"?}.
    Jsonl,
}

/// The inputs and how to read and extract them.
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Input files; `-`, or no file at all, reads standard input (the contract the
    /// evaluation scripts use: `newsgraph extract --input jsonl --format jsonl < gold`).
    #[arg(default_value = "-")]
    pub inputs: Vec<String>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputFormat,
    #[command(flatten)]
    pub extraction: ExtractorArgs,
}

/// The options that shape the extractor (shared by every command that extracts).
#[derive(clap::Args, Debug)]
pub struct ExtractorArgs {
    /// Publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve
    /// against it.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<Date>,
    /// Extra lexicon or trigger files (tables of data/FORMAT.md); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// Extra trigger pattern files; repeatable.
    #[arg(long = "patterns", value_name = "FILE")]
    pub patterns: Vec<PathBuf>,
}

/// Parses `--published`.
fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

/// The extractor: the built-in lexicon plus the `--lexicon` and `--patterns` files.
pub fn extractor(args: &InputArgs) -> Result<Extractor, newsgraph::Error> {
    args.extraction.build()
}

impl ExtractorArgs {
    /// The extractor: the built-in lexicon plus the `--lexicon` and `--patterns` files.
    pub fn build(&self) -> Result<Extractor, newsgraph::Error> {
        let mut b = Extractor::builder();
        for f in self.lexicons.iter().chain(&self.patterns) {
            b = b.lexicon_file(f);
        }
        b.build()
    }
}

/// Calls `f` on every document of every input; hands each bad input or record to
/// `report` and goes on. Returns the number of errors reported.
pub fn for_each_document(
    args: &InputArgs,
    mut report: impl FnMut(&dyn fmt::Display),
    mut f: impl FnMut(Document) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    let mut errors = 0usize;
    let mut report = |e: &dyn fmt::Display| {
        report(e);
        errors += 1;
    };
    for input in &args.inputs {
        let name = if input == "-" {
            "<stdin>".to_string()
        } else {
            input.clone()
        };
        let reader: Box<dyn BufRead> = if input == "-" {
            // as large as a file's: standard input's own buffer is 8 KiB, and reads this
            // large go past it
            Box::new(BufReader::with_capacity(1 << 20, std::io::stdin().lock()))
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
                                doc.published = args.extraction.published;
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
                        doc.published = args.extraction.published;
                        f(doc)?;
                    }
                    // the error names the document's id; the path says more
                    Err(newsgraph::Error::Input { line, message, .. }) => {
                        report(&format!("{name}:{line}: {message}"))
                    }
                    Err(e) => report(&format!("{name}: {e}")),
                }
            }
        }
    }
    Ok(errors)
}
