//! `newsgraph build`: many articles, one merged knowledge graph, written in every format
//! asked for.
//!
//! Every output is written to a temporary file in its folder and renamed into place once
//! complete, so a failure never leaves a half-written file or loses the one already there.

use std::cell::{Cell, OnceCell};
use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use newsgraph::export::{Clusters, DEFAULT_BASE_IRI, DotOptions, RdfFormat, RdfOptions};
use newsgraph::{Filter, KnowledgeGraph};

use crate::input::{InputArgs, extractor, for_each_document};

/// The output extensions, as listed in help and errors.
const EXTENSIONS: &str = ".ttl .nt .nq .trig .rdf .jsonld .dot .svg .json .jsonl";

/// The options of `newsgraph build`.
#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    common: InputArgs,
    /// Output file, its format told by its extension: .ttl .nt .nq .trig .rdf .jsonld
    /// (RDF), .dot (Graphviz), .svg (drawn by Graphviz `dot`), .json (the whole graph),
    /// .jsonl (the relations, one a line); repeatable.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        required_unless_present = "store"
    )]
    outputs: Vec<PathBuf>,
    /// Also add the graph to the on-disk store in DIR (created if missing): each article's
    /// graph replaces the one stored before (feature `rocksdb`).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Group the entities of each state in one box (.dot and .svg).
    #[arg(long)]
    clusters: bool,
    /// The base of every IRI the RDF mints: an absolute IRI ending with `/`.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE_IRI)]
    base_iri: String,
    /// Keep only the relations with evidence from at least N distinct articles, and the
    /// entities they link.
    #[arg(long, value_name = "N")]
    min_sources: Option<usize>,
    /// Print no progress and no summary; errors are still printed.
    #[arg(long, short)]
    quiet: bool,
}

/// What an output file holds, told by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// RDF in one of oxigraph's formats.
    Rdf(RdfFormat),
    /// Graphviz DOT.
    Dot,
    /// SVG drawn by Graphviz `dot -Tsvg`.
    Svg,
    /// The whole graph as JSON ([`KnowledgeGraph::write_json`]).
    Json,
    /// The relations as JSON Lines ([`KnowledgeGraph::write_relations_jsonl`]).
    RelationsJsonl,
}

impl Format {
    /// The format of an output path, by its extension (any case).
    fn of(path: &Path) -> Result<Format, String> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        Ok(match extension.as_deref() {
            Some("ttl") => Format::Rdf(RdfFormat::Turtle),
            Some("nt") => Format::Rdf(RdfFormat::NTriples),
            Some("nq") => Format::Rdf(RdfFormat::NQuads),
            Some("trig") => Format::Rdf(RdfFormat::TriG),
            Some("rdf") => Format::Rdf(RdfFormat::RdfXml),
            Some("jsonld") => Format::Rdf(RdfFormat::JsonLd),
            Some("dot") => Format::Dot,
            Some("svg") => Format::Svg,
            Some("json") => Format::Json,
            Some("jsonl") => Format::RelationsJsonl,
            Some(other) => {
                return Err(format!(
                    "{}: expected an output extension among {EXTENSIONS}, found .{other}",
                    path.display()
                ));
            }
            None => {
                return Err(format!(
                    "{}: expected an output extension among {EXTENSIONS}, found none",
                    path.display()
                ));
            }
        })
    }
}

/// One output to write.
#[derive(Debug)]
struct Output {
    path: PathBuf,
    format: Format,
}

/// Why an output was not written.
#[derive(Debug)]
enum WriteError {
    /// Graphviz `dot` is not on the `PATH` (for `.svg`).
    NoGraphviz,
    /// Anything else, said in a message.
    Failed(String),
}

/// Runs `newsgraph build`.
pub fn build(args: BuildArgs) -> ExitCode {
    // Everything that can be checked is checked before any work.
    let prepared = check_outputs(&args.outputs).and_then(|outputs| {
        let rdf = RdfOptions::with_base_iri(args.base_iri.as_str());
        rdf.sparql_prefixes()
            .map_err(|e| format!("--base-iri {:?}: {e}", args.base_iri))?;
        let store = args
            .store
            .as_deref()
            .map(|dir| crate::store::open(dir, &rdf))
            .transpose()?;
        let ex = extractor(&args.common).map_err(|e| e.to_string())?;
        Ok((outputs, rdf, ex, store))
    });
    let (outputs, rdf, ex, store) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return ExitCode::from(2);
        }
    };

    let progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let mut graph = KnowledgeGraph::new();
    let (mut documents, mut bytes) = (0usize, 0usize);
    let read = for_each_document(
        &args.common,
        |e| {
            progress.clear();
            eprintln!("newsgraph: {e}");
        },
        |doc| {
            documents += 1;
            bytes += doc.text.len();
            graph.add(&ex.extract(&doc));
            progress.show(documents, bytes);
            Ok(())
        },
    );
    progress.clear();
    let input_errors = match read {
        Ok(n) => n,
        Err(e) => {
            eprintln!("newsgraph: reading input: {e}");
            return ExitCode::from(1);
        }
    };
    if input_errors > 0 && documents == 0 {
        eprintln!(
            "newsgraph: {} and no document read; wrote no output",
            count(input_errors, "input error")
        );
        return ExitCode::from(1);
    }

    let mut summary = format!(
        "{}, {}, {}",
        count(documents, "document"),
        count(graph.entity_count(), "entity"),
        count(graph.relation_count(), "relation"),
    );
    if let Some(n) = args.min_sources {
        graph = graph.subgraph(&Filter::new().min_sources(n));
        let _ = write!(
            summary,
            " (--min-sources {n} kept {}, {})",
            count(graph.entity_count(), "entity"),
            count(graph.relation_count(), "relation"),
        );
    }

    let clusters = if args.clusters {
        Clusters::ByCountry
    } else {
        Clusters::None
    };
    let drawing = Drawing {
        dot_options: DotOptions::new().clusters(clusters),
        dot: OnceCell::new(),
    };
    let mut written = Vec::new();
    for output in &outputs {
        match write_output(&graph, output, &rdf, &drawing) {
            Ok(()) => written.push(output.path.display().to_string()),
            Err(WriteError::NoGraphviz) => eprintln!(
                "newsgraph: graphviz `dot` not found on PATH; wrote nothing for {} \
                 — install graphviz or write .dot",
                output.path.display()
            ),
            Err(WriteError::Failed(message)) => {
                eprintln!(
                    "newsgraph: cannot write {}: {message}",
                    output.path.display()
                );
            }
        }
    }

    let mut stored = true;
    if let (Some(store), Some(dir)) = (&store, &args.store) {
        match crate::store::add(store, &graph) {
            Ok(quads) => {
                let _ = write!(
                    summary,
                    "; store {} holds {}",
                    dir.display(),
                    count(quads, "quad")
                );
            }
            Err(e) => {
                eprintln!(
                    "newsgraph: cannot add the graph to the store {}: {e}",
                    dir.display()
                );
                stored = false;
            }
        }
    }

    if !args.quiet {
        let outputs_written = if written.len() == outputs.len() {
            count(written.len(), "output")
        } else {
            format!("{} of {}", written.len(), count(outputs.len(), "output"))
        };
        let list = if written.is_empty() {
            String::new()
        } else {
            format!(" ({})", written.join(", "))
        };
        if outputs.is_empty() {
            eprintln!("newsgraph: {summary}");
        } else {
            eprintln!("newsgraph: {summary}; {outputs_written} written{list}");
        }
    }
    if input_errors > 0 {
        eprintln!(
            "newsgraph: {}; the other inputs were processed",
            count(input_errors, "input error")
        );
    }
    if input_errors > 0 || written.len() < outputs.len() || !stored {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The outputs with their formats, after checking that every extension is known, that
/// no path is given twice, and that each path lies in an existing folder and is not one.
fn check_outputs(paths: &[PathBuf]) -> Result<Vec<Output>, String> {
    let mut outputs: Vec<Output> = Vec::with_capacity(paths.len());
    for path in paths {
        let format = Format::of(path)?;
        if outputs.iter().any(|o| &o.path == path) {
            return Err(format!(
                "{}: expected each output once, found it twice",
                path.display()
            ));
        }
        let folder = folder_of(path);
        match fs::metadata(folder) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(format!(
                    "cannot write {}: {} is not a folder",
                    path.display(),
                    folder.display()
                ));
            }
            Err(e) => {
                return Err(format!(
                    "cannot write {}: folder {}: {e}",
                    path.display(),
                    folder.display()
                ));
            }
        }
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(format!(
                "cannot write {}: it is a folder, expected a file path",
                path.display()
            ));
        }
        outputs.push(Output {
            path: path.clone(),
            format,
        });
    }
    Ok(outputs)
}

/// The folder a path lies in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The DOT options, and the DOT text made once for every `.dot` and `.svg` output.
struct Drawing {
    dot_options: DotOptions,
    dot: OnceCell<String>,
}

impl Drawing {
    /// The graph as DOT.
    fn dot(&self, graph: &KnowledgeGraph) -> &str {
        self.dot.get_or_init(|| graph.to_dot(&self.dot_options))
    }
}

/// Writes one output through a temporary file.
fn write_output(
    graph: &KnowledgeGraph,
    output: &Output,
    rdf: &RdfOptions,
    drawing: &Drawing,
) -> Result<(), WriteError> {
    let failed = |e: &dyn std::fmt::Display| WriteError::Failed(e.to_string());
    write_atomically(&output.path, |file| match output.format {
        Format::Rdf(format) => graph
            .write_rdf(format, BufWriter::new(file), rdf)
            .map_err(|e| failed(&e))?
            .flush()
            .map_err(|e| failed(&e)),
        Format::Dot => file
            .write_all(drawing.dot(graph).as_bytes())
            .map_err(|e| failed(&e)),
        Format::Svg => run_graphviz(drawing.dot(graph), file),
        Format::Json => graph
            .write_json(BufWriter::new(file))
            .map_err(|e| failed(&e))?
            .flush()
            .map_err(|e| failed(&e)),
        Format::RelationsJsonl => graph
            .write_relations_jsonl(BufWriter::new(file))
            .map_err(|e| failed(&e))?
            .flush()
            .map_err(|e| failed(&e)),
    })
}

/// Removes a temporary file when dropped, unless it was moved into place.
struct TempFile<'a> {
    path: &'a Path,
    keep: bool,
}

impl Drop for TempFile<'_> {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_file(self.path);
        }
    }
}

/// Calls `write` on a new temporary file beside `path`, then renames it to `path`; on
/// any failure the temporary file is removed and whatever was at `path` stays.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut File) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let folder = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp_path = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&temp_path)
        .map_err(|e| {
            WriteError::Failed(format!(
                "cannot create a temporary file in {}: {e}",
                folder.display()
            ))
        })?;
    let mut temp = TempFile {
        path: &temp_path,
        keep: false,
    };
    write(&mut file)?;
    file.sync_all()
        .map_err(|e| WriteError::Failed(format!("cannot save {}: {e}", temp_path.display())))?;
    drop(file);
    fs::rename(&temp_path, path).map_err(|e| {
        WriteError::Failed(format!(
            "cannot rename {} into place: {e}",
            temp_path.display()
        ))
    })?;
    temp.keep = true;
    Ok(())
}

/// Draws DOT as SVG into `out` with Graphviz `dot -Tsvg`.
fn run_graphviz(dot: &str, out: &File) -> Result<(), WriteError> {
    let stdout = out
        .try_clone()
        .map_err(|e| WriteError::Failed(format!("cannot hand the file to graphviz: {e}")))?;
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::from(stdout))
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(WriteError::NoGraphviz),
        Err(e) => {
            return Err(WriteError::Failed(format!(
                "cannot run graphviz `dot`: {e}"
            )));
        }
    };
    let stdin = child.stdin.take();
    // Feed `dot` from another thread while its errors are read here, so that neither
    // pipe can fill up and block the other.
    let (fed, finished) = std::thread::scope(|scope| {
        let feeder = scope.spawn(move || match stdin {
            Some(mut stdin) => stdin.write_all(dot.as_bytes()),
            None => Err(io::Error::other("no pipe to its input")),
        });
        let finished = child.wait_with_output();
        (feeder.join(), finished)
    });
    let finished =
        finished.map_err(|e| WriteError::Failed(format!("graphviz `dot` did not finish: {e}")))?;
    if !finished.status.success() {
        let stderr = String::from_utf8_lossy(&finished.stderr);
        return Err(WriteError::Failed(format!(
            "graphviz `dot -Tsvg` failed ({}): {}",
            finished.status,
            stderr.trim()
        )));
    }
    match fed {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(WriteError::Failed(format!(
            "cannot send the graph to graphviz `dot`: {e}"
        ))),
        Err(_) => Err(WriteError::Failed(
            "the thread feeding graphviz `dot` panicked".to_owned(),
        )),
    }
}

/// A counter of documents read, redrawn in place on standard error at most ten times a
/// second, from half a second after the start (so short runs never show it).
struct Progress {
    enabled: bool,
    start: Instant,
    last: Cell<Option<Instant>>,
    shown: Cell<bool>,
}

impl Progress {
    /// Half a second of quiet before the counter appears.
    const DELAY: Duration = Duration::from_millis(500);
    /// The least time between two redraws.
    const PERIOD: Duration = Duration::from_millis(100);

    /// A counter, drawn only when `enabled`.
    fn new(enabled: bool) -> Self {
        Progress {
            enabled,
            start: Instant::now(),
            last: Cell::new(None),
            shown: Cell::new(false),
        }
    }

    /// Redraws the counter, when it is time.
    fn show(&self, documents: usize, bytes: usize) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let due = match self.last.get() {
            Some(last) => now.duration_since(last) >= Self::PERIOD,
            None => now.duration_since(self.start) >= Self::DELAY,
        };
        if due {
            self.last.set(Some(now));
            self.shown.set(true);
            eprint!(
                "\r\x1b[Knewsgraph: {} ({:.1} MB)",
                count(documents, "document"),
                bytes as f64 / 1e6
            );
        }
    }

    /// Erases the counter, if drawn, so that the next line starts clean.
    fn clear(&self) {
        if self.shown.replace(false) {
            eprint!("\r\x1b[K");
        }
    }
}

/// `n` and a noun, plural when `n` is not 1 (`entity` → `entities`).
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}
