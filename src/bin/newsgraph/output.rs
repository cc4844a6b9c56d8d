//! The outputs of `newsgraph build` and `newsgraph merge`: the `-o` options, their
//! formats told by extension, and writing each one.
//!
//! Every output is written to a temporary file in its folder and renamed into place once
//! complete, so a failure never leaves a half-written file or loses the one already there.
//! A Neo4j output is a folder of three files, all written before any is renamed.

use std::cell::OnceCell;
use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newsgraph::export::{Clusters, DEFAULT_BASE_IRI, DotOptions, Neo4jFile, RdfFormat, RdfOptions};
use newsgraph::{Filter, KnowledgeGraph};

/// The output extensions, as listed in help and errors.
const EXTENSIONS: &str =
    ".ttl .nt .nq .trig .rdf .jsonld .dot .svg .json .jsonl .graphml .nodes-links.json .neo4j";

/// The suffix of a JSON nodes/links output (checked before the `.json` extension).
const NODES_LINKS_SUFFIX: &str = ".nodes-links.json";

/// The output options shared by `build` and `merge`.
#[derive(clap::Args, Debug)]
pub struct OutputArgs {
    /// Output file, its format told by its extension: .ttl .nt .nq .trig .rdf .jsonld
    /// (RDF), .dot (Graphviz), .svg (drawn by Graphviz `dot`), .json (the whole graph,
    /// which `newsgraph merge` reads), .jsonl (the relations, one a line), .graphml
    /// (GraphML for Gephi, yEd, networkx), .nodes-links.json (JSON nodes and links for
    /// D3 and networkx), .neo4j (a folder of nodes.csv, relationships.csv and
    /// load.cypher for Neo4j); repeatable.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    outputs: Vec<PathBuf>,
    /// Group the entities of each state in one box (.dot and .svg).
    #[arg(long)]
    clusters: bool,
    /// The base of every IRI the RDF mints: an absolute IRI ending with `/`.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE_IRI)]
    base_iri: String,
}

/// What an output holds, told by its extension.
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
    /// GraphML ([`KnowledgeGraph::write_graphml`]).
    GraphMl,
    /// JSON nodes and links ([`KnowledgeGraph::write_nodes_links`]).
    NodesLinks,
    /// A folder of Neo4j files ([`KnowledgeGraph::write_neo4j`]).
    Neo4j,
}

impl Format {
    /// The format of an output path, by its extension (any case).
    fn of(path: &Path) -> Result<Format, String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.len() > NODES_LINKS_SUFFIX.len() && name.ends_with(NODES_LINKS_SUFFIX) {
            return Ok(Format::NodesLinks);
        }
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
            Some("graphml") => Format::GraphMl,
            Some("neo4j") => Format::Neo4j,
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

/// The checked outputs and the options of their formats.
pub struct Outputs {
    outputs: Vec<Output>,
    rdf: RdfOptions,
    drawing: Drawing,
}

/// Why an output was not written.
#[derive(Debug)]
enum WriteError {
    /// Graphviz `dot` is not on the `PATH` (for `.svg`).
    NoGraphviz,
    /// Anything else, said in a message.
    Failed(String),
}

impl OutputArgs {
    /// The outputs, after checking everything that can be checked before any work: every
    /// extension is known, no path is given twice, each path lies in an existing folder,
    /// a file output is not a folder and a Neo4j output not a file, the base IRI is valid.
    pub fn check(&self) -> Result<Outputs, String> {
        let mut outputs: Vec<Output> = Vec::with_capacity(self.outputs.len());
        for path in &self.outputs {
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
            let existing = fs::metadata(path).ok();
            if format == Format::Neo4j {
                if existing.is_some_and(|m| !m.is_dir()) {
                    return Err(format!(
                        "cannot write {}: it is a file, expected a folder for the Neo4j files \
                         (or nothing there)",
                        path.display()
                    ));
                }
            } else if existing.is_some_and(|m| m.is_dir()) {
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
        let rdf = RdfOptions::with_base_iri(self.base_iri.as_str());
        rdf.sparql_prefixes()
            .map_err(|e| format!("--base-iri {:?}: {e}", self.base_iri))?;
        let clusters = if self.clusters {
            Clusters::ByCountry
        } else {
            Clusters::None
        };
        Ok(Outputs {
            outputs,
            rdf,
            drawing: Drawing {
                dot_options: DotOptions::new().clusters(clusters),
                dot: OnceCell::new(),
            },
        })
    }
}

impl Outputs {
    /// True when no output was asked for.
    pub fn is_empty(&self) -> bool {
        self.outputs.is_empty()
    }

    /// The RDF options of the run (`--base-iri`).
    pub fn rdf(&self) -> &RdfOptions {
        &self.rdf
    }

    /// Writes every output, naming on standard error each one that failed; then, unless
    /// `quiet`, prints `newsgraph: {summary}; N outputs written (paths)`. True when every
    /// output was written.
    pub fn write(&self, graph: &KnowledgeGraph, summary: &str, quiet: bool) -> bool {
        let mut written = Vec::new();
        for output in &self.outputs {
            match self.write_one(graph, output) {
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
        if !quiet {
            let outputs_written = if written.len() == self.outputs.len() {
                count(written.len(), "output")
            } else {
                format!(
                    "{} of {}",
                    written.len(),
                    count(self.outputs.len(), "output")
                )
            };
            let list = if written.is_empty() {
                String::new()
            } else {
                format!(" ({})", written.join(", "))
            };
            if self.outputs.is_empty() {
                eprintln!("newsgraph: {summary}");
            } else {
                eprintln!("newsgraph: {summary}; {outputs_written} written{list}");
            }
        }
        written.len() == self.outputs.len()
    }

    /// Writes one output through temporary files.
    fn write_one(&self, graph: &KnowledgeGraph, output: &Output) -> Result<(), WriteError> {
        let drawing = &self.drawing;
        match output.format {
            Format::Rdf(format) => write_atomically(&output.path, |file| {
                finish(graph.write_rdf(format, BufWriter::new(file), &self.rdf))
            }),
            Format::Dot => write_atomically(&output.path, |file| {
                file.write_all(drawing.dot(graph).as_bytes())
                    .map_err(|e| failed(&e))
            }),
            Format::Svg => {
                write_atomically(&output.path, |file| run_graphviz(drawing.dot(graph), file))
            }
            Format::Json => write_atomically(&output.path, |file| {
                finish(graph.write_json(BufWriter::new(file)))
            }),
            Format::RelationsJsonl => write_atomically(&output.path, |file| {
                finish(graph.write_relations_jsonl(BufWriter::new(file)))
            }),
            Format::GraphMl => write_atomically(&output.path, |file| {
                finish(graph.write_graphml(BufWriter::new(file)))
            }),
            Format::NodesLinks => write_atomically(&output.path, |file| {
                finish(graph.write_nodes_links(BufWriter::new(file)))
            }),
            Format::Neo4j => write_neo4j_folder(graph, &output.path),
        }
    }
}

/// Keeps only the relations with evidence from at least `min_sources` distinct articles
/// (and the entities they link), saying what was kept at the end of `summary`.
pub fn keep_min_sources(
    graph: KnowledgeGraph,
    min_sources: Option<usize>,
    summary: &mut String,
) -> KnowledgeGraph {
    let Some(n) = min_sources else {
        return graph;
    };
    let graph = graph.subgraph(&Filter::new().min_sources(n));
    let _ = write!(
        summary,
        " (--min-sources {n} kept {}, {})",
        count(graph.entity_count(), "entity"),
        count(graph.relation_count(), "relation"),
    );
    graph
}

fn failed(e: &dyn std::fmt::Display) -> WriteError {
    WriteError::Failed(e.to_string())
}

/// Flushes the buffered writer an export gave back.
fn finish(written: newsgraph::Result<BufWriter<&mut File>>) -> Result<(), WriteError> {
    written
        .map_err(|e| failed(&e))?
        .flush()
        .map_err(|e| failed(&e))
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

/// Writes the Neo4j files into the folder `path` (made when missing): all three go to
/// temporary files first and are renamed into place only once all are complete; on a
/// failure the old files stay and a folder made here is removed again.
fn write_neo4j_folder(graph: &KnowledgeGraph, path: &Path) -> Result<(), WriteError> {
    let made = match fs::create_dir(path) {
        Ok(()) => true,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => false,
        Err(e) => return Err(WriteError::Failed(format!("cannot make the folder: {e}"))),
    };
    let mut temps = Vec::with_capacity(Neo4jFile::ALL.len());
    for file in Neo4jFile::ALL {
        let target = path.join(file.file_name());
        let temp = write_temp(&target, |f| {
            finish(graph.write_neo4j(file, BufWriter::new(f)))
        });
        match temp {
            Ok(temp) => temps.push((temp, target)),
            Err(e) => {
                drop(temps);
                if made {
                    let _ = fs::remove_dir(path);
                }
                return Err(e);
            }
        }
    }
    for (temp, target) in temps {
        temp.persist(&target)?;
    }
    Ok(())
}

/// A temporary file, removed when dropped unless moved into place.
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    /// Renames the file to `path`.
    fn persist(mut self, path: &Path) -> Result<(), WriteError> {
        fs::rename(&self.path, path).map_err(|e| {
            WriteError::Failed(format!(
                "cannot rename {} into place: {e}",
                self.path.display()
            ))
        })?;
        self.keep = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Calls `write` on a new temporary file beside `path`, then renames it to `path`; on
/// any failure the temporary file is removed and whatever was at `path` stays.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut File) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    write_temp(path, write)?.persist(path)
}

/// Calls `write` on a new temporary file beside `path` and saves it to disk; on any
/// failure the temporary file is removed.
fn write_temp(
    path: &Path,
    write: impl FnOnce(&mut File) -> Result<(), WriteError>,
) -> Result<TempFile, WriteError> {
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
    let temp = TempFile {
        path: temp_path,
        keep: false,
    };
    write(&mut file)?;
    file.sync_all()
        .map_err(|e| WriteError::Failed(format!("cannot save {}: {e}", temp.path.display())))?;
    Ok(temp)
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

/// `n` and a noun, plural when `n` is not 1 (`entity` → `entities`).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}
