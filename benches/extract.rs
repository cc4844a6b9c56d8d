//! Benchmarks of the pipeline over a fixed corpus: `../shared/corpus/*.jsonl` beside the
//! project (JSON Lines `{"id","text","published"?}`), or a small built-in text when that
//! folder is absent.
//!
//! Groups, each run once per corpus file:
//!
//! - `extract`: [`Extractor::extract`] over every document, in MB/s of text (articles/s
//!   printed after the group);
//! - `split`: [`text::sentences`] alone;
//! - `scan`: the extractor's own lexicon automaton over the text, matches counted and
//!   nothing else (no word boundaries, no lookups): the physical limit of the pipeline;
//! - `mentions`: [`Extractor::mentions`], everything but relations (the relation stage
//!   costs the difference between `extract` and `mentions`);
//! - `graph`: [`KnowledgeGraph::from_extractions`] over the file's extractions;
//! - `rdf`: N-Quads of that graph written to a sink.
//!
//! Every bench checks the counts it computes, so a bench that silently does nothing
//! fails instead. Run with `cargo bench --bench extract`.

use std::hint::black_box;
use std::io::{self, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use newsgraph::export::{RdfFormat, RdfOptions};
use newsgraph::input::JsonlReader;
use newsgraph::{Document, Extraction, Extractor, KnowledgeGraph, text};

/// The allocator of the `newsgraph` binary, so the bench measures what the command runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A corpus file read into memory, with what every bench checks against.
struct Corpus {
    name: String,
    docs: Vec<Document>,
    bytes: u64,
    /// Distinct document ids: the number of articles the graph must hold.
    distinct_ids: usize,
}

impl Corpus {
    fn new(name: String, docs: Vec<Document>) -> Corpus {
        let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
        let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let distinct_ids = ids.len();
        Corpus {
            name,
            docs,
            bytes,
            distinct_ids,
        }
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// Every `*.jsonl` file of the shared corpus, sorted by name; `None` when the folder is
/// absent. A record that does not parse fails the bench: the corpus is fixed.
fn load_corpus() -> Option<Vec<Corpus>> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).ok()?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let file = std::fs::File::open(&path)
            .unwrap_or_else(|e| panic!("benches: cannot open {}: {e}", path.display()));
        let name = path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let lines = std::fs::read_to_string(&path)
            .map(|s| s.lines().filter(|l| !l.trim().is_empty()).count())
            .unwrap_or(0);
        let docs: Vec<Document> =
            JsonlReader::new(path.display().to_string(), BufReader::new(file))
                .map(|r| r.unwrap_or_else(|e| panic!("benches: {e}")))
                .collect();
        assert_eq!(
            docs.len(),
            lines,
            "{}: one document per non-blank line",
            path.display()
        );
        assert!(!docs.is_empty(), "{}: no documents", path.display());
        out.push(Corpus::new(name, docs));
    }
    (!out.is_empty()).then_some(out)
}

/// A short text written for this bench (not taken from any corpus), repeated as 200
/// documents.
const BUILTIN_TEXT: &str = "Niger's military government ended its defence agreement with the \
United States on Saturday, a spokesman said. Col. Amadou Abdramane said the U.S. presence was \
illegal. Washington suspended aid to Niamey after the coup. Mali expelled the French \
ambassador in January, and Burkina Faso ordered French troops out of the country.\n\n\
Russia deployed military instructors to Niger, while the European Union imposed sanctions on \
Moscow. Officials from Algeria and Morocco held talks in Rabat on Tuesday.";

fn builtin_corpus() -> Vec<Corpus> {
    let docs = (0..200)
        .map(|i| {
            Document::new(format!("builtin-{i}"), BUILTIN_TEXT)
                .published("2024-03-17".parse().expect("a valid date"))
        })
        .collect();
    vec![Corpus::new("builtin".to_string(), docs)]
}

fn corpus() -> Vec<Corpus> {
    match load_corpus() {
        Some(c) => c,
        None => {
            println!("benches: ../shared/corpus not found; skipping corpus benches");
            builtin_corpus()
        }
    }
}

fn extract_all(ex: &Extractor, docs: &[Document]) -> Vec<Extraction> {
    docs.iter().map(|d| ex.extract(d)).collect()
}

/// Benches `count` summed over the documents of each corpus, in bytes of text per second;
/// every pass must give the sum of the first, which is returned per corpus for the
/// caller's checks.
fn bench_counted(
    c: &mut Criterion,
    name: &str,
    corpora: &[Corpus],
    mode: SamplingMode,
    count: impl Fn(&Document) -> usize,
) -> Vec<usize> {
    let mut group = c.benchmark_group(name);
    group.sampling_mode(mode);
    let mut totals = Vec::new();
    for corpus in corpora {
        let total: usize = corpus.docs.iter().map(&count).sum();
        group.throughput(Throughput::Bytes(corpus.bytes));
        group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| {
            b.iter(|| {
                let n: usize = corpus.docs.iter().map(&count).sum();
                assert_eq!(n, total);
            })
        });
        totals.push(total);
    }
    group.finish();
    totals
}

/// A writer that throws bytes away and counts them.
struct CountingSink {
    sink: io::Sink,
    bytes: usize,
}

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len();
        self.sink.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }
}

fn benches(c: &mut Criterion) {
    let corpora = corpus();
    let ex = Extractor::new();

    // extract: the whole pipeline
    let mut extractions: Vec<Vec<Extraction>> = Vec::new();
    {
        let mut group = c.benchmark_group("extract");
        group.sampling_mode(SamplingMode::Flat);
        let mut rates = Vec::new();
        // the whole corpus: every file's bytes over the time of one pass over each
        let (mut all_bytes, mut all_docs, mut all_secs) = (0u64, 0usize, 0.0f64);
        for corpus in &corpora {
            let out = extract_all(&ex, &corpus.docs);
            assert_eq!(out.len(), corpus.docs.len());
            let assertions: usize = out.iter().map(|x| x.assertions.len()).sum();
            assert!(assertions > 0, "{}: no assertion extracted", corpus.name);
            println!(
                "extract/{}: {} documents, {} bytes, {} assertions",
                corpus.name,
                corpus.docs.len(),
                corpus.bytes,
                assertions
            );
            extractions.push(out);

            let mut elapsed = Duration::ZERO;
            let mut runs = 0u64;
            group.throughput(Throughput::Bytes(corpus.bytes));
            group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        let n: usize = corpus
                            .docs
                            .iter()
                            .map(|d| black_box(ex.extract(black_box(d))).assertions.len())
                            .sum();
                        assert_eq!(n, assertions);
                    }
                    let took = start.elapsed();
                    elapsed += took;
                    runs += iters;
                    took
                })
            });
            let secs = elapsed.as_secs_f64();
            if secs > 0.0 {
                let docs = (corpus.docs.len() as u64 * runs) as f64;
                let mb = (corpus.bytes * runs) as f64 / 1e6;
                rates.push(format!(
                    "extract/{}: {:.0} articles/s, {:.1} MB/s (mean over {runs} runs)",
                    corpus.name,
                    docs / secs,
                    mb / secs
                ));
                all_bytes += corpus.bytes;
                all_docs += corpus.docs.len();
                all_secs += secs / runs as f64;
            }
        }
        group.finish();
        for r in rates {
            println!("{r}");
        }
        if corpora.len() > 1 && all_secs > 0.0 {
            println!(
                "extract/all files: {:.0} articles/s, {:.1} MB/s",
                all_docs as f64 / all_secs,
                all_bytes as f64 / 1e6 / all_secs
            );
        }
    }

    // split: sentence splitting alone
    bench_counted(c, "split", &corpora, SamplingMode::Auto, |d| {
        text::sentences(black_box(&d.text)).len()
    })
    .iter()
    .zip(&corpora)
    .for_each(|(&n, corpus)| {
        assert!(
            n >= corpus.docs.len(),
            "{}: fewer sentences than documents",
            corpus.name
        )
    });

    // scan: the extractor's own automaton over the text, matches counted and nothing
    // else: the physical limit of the mention stage
    bench_counted(c, "scan", &corpora, SamplingMode::Auto, |d| {
        ex.bare_scan(black_box(&d.text))
    })
    .iter()
    .zip(&corpora)
    .for_each(|(&n, corpus)| assert!(n > 0, "{}: no lexicon phrase found", corpus.name));

    // phrases: the phrase scan of the mention stage (word boundaries, longest phrase),
    // hits counted: what the bare scan above is the limit of
    bench_counted(c, "phrases", &corpora, SamplingMode::Auto, |d| {
        ex.phrase_scan(black_box(&d.text))
    })
    .iter()
    .zip(&corpora)
    .for_each(|(&n, corpus)| assert!(n > 0, "{}: no lexicon phrase found", corpus.name));

    // mentions: splitting, tokens, the scan, actors and coreference, without relations
    bench_counted(c, "mentions", &corpora, SamplingMode::Flat, |d| {
        black_box(ex.mentions(black_box(d))).mentions.len()
    })
    .iter()
    .zip(&corpora)
    .for_each(|(&n, corpus)| assert!(n > 0, "{}: no mention found", corpus.name));

    // graph: merging a file's extractions
    let mut graphs: Vec<KnowledgeGraph> = Vec::new();
    {
        let mut group = c.benchmark_group("graph");
        for (corpus, xs) in corpora.iter().zip(&extractions) {
            let graph = KnowledgeGraph::from_extractions(xs);
            assert_eq!(
                graph.article_count(),
                corpus.distinct_ids,
                "{}",
                corpus.name
            );
            assert!(graph.relation_count() > 0, "{}: no relation", corpus.name);
            let (entities, relations) = (graph.entity_count(), graph.relation_count());
            println!(
                "graph/{}: {} articles, {} entities, {} relations",
                corpus.name, corpus.distinct_ids, entities, relations
            );
            group.throughput(Throughput::Elements(xs.len() as u64));
            group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| {
                b.iter(|| {
                    let g = KnowledgeGraph::from_extractions(black_box(xs));
                    assert_eq!(
                        (g.entity_count(), g.relation_count()),
                        (entities, relations)
                    );
                    g
                })
            });
            graphs.push(graph);
        }
        group.finish();
    }

    // rdf: N-Quads of each graph
    {
        let options = RdfOptions::default();
        let mut group = c.benchmark_group("rdf");
        for (corpus, graph) in corpora.iter().zip(&graphs) {
            let write = |graph: &KnowledgeGraph| {
                let sink = CountingSink {
                    sink: io::sink(),
                    bytes: 0,
                };
                graph
                    .write_rdf(RdfFormat::NQuads, sink, &options)
                    .expect("N-Quads to a sink never fails")
                    .bytes
            };
            let bytes = write(graph);
            assert!(bytes > 0, "{}: empty N-Quads", corpus.name);
            println!("rdf/{}: {} bytes of N-Quads", corpus.name, bytes);
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| {
                b.iter(|| assert_eq!(write(black_box(graph)), bytes))
            });
        }
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = pipeline;
    config = config();
    targets = benches
}
criterion_main!(pipeline);
