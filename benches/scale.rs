//! Scaling: the cost of extraction and graph merging over streams of 1, 10 and 100 MB
//! made by repeating `../shared/corpus/*.jsonl` (each repetition's ids made distinct, so
//! the 100 MB stream is about 100,000 articles), and the speed-up of
//! [`newsgraph::parallel::build_graph`] on 2 threads.
//!
//! Plain timing rather than criterion: one pass over 100 MB takes seconds, and what is
//! measured is the shape (linear or not), not a small difference. Each figure is the best
//! of `NEWSGRAPH_SCALE_RUNS` passes (default 1). Sizes come from `NEWSGRAPH_SCALE_MB`
//! (default `1,10,100`).
//!
//! Run with `cargo bench --bench scale`.

use std::io::BufReader;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newsgraph::input::JsonlReader;
use newsgraph::parallel::build_graph;
use newsgraph::{Document, Extractor, KnowledgeGraph};

fn corpus() -> Option<Vec<Document>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for path in paths {
        let file = std::fs::File::open(&path)
            .unwrap_or_else(|e| panic!("scale: cannot open {}: {e}", path.display()));
        docs.extend(
            JsonlReader::new(path.display().to_string(), BufReader::new(file))
                .map(|r| r.unwrap_or_else(|e| panic!("scale: {e}"))),
        );
    }
    (!docs.is_empty()).then_some(docs)
}

/// The corpus repeated until it holds `mb` megabytes of text; repetition `r` of a
/// document gets the id `ID~r`.
fn stream(corpus: &[Document], mb: usize) -> Vec<Document> {
    let want = mb * 1_000_000;
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut round = 0;
    while bytes < want {
        for d in corpus {
            if bytes >= want {
                break;
            }
            let mut d = d.clone();
            d.id = newsgraph::DocId::new(format!("{}~{round}", d.id));
            bytes += d.text.len();
            out.push(d);
        }
        round += 1;
    }
    out
}

fn env_list(name: &str, default: &str) -> Vec<usize> {
    std::env::var(name)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// Extraction and merging timed apart, over one stream, on this thread.
fn serial(ex: &Extractor, docs: &[Document]) -> (Duration, Duration, KnowledgeGraph) {
    let mut graph = KnowledgeGraph::new();
    let (mut extracting, mut merging) = (Duration::ZERO, Duration::ZERO);
    for d in docs {
        let t = Instant::now();
        let x = ex.extract(d);
        let u = Instant::now();
        graph.add(&x);
        merging += u.elapsed();
        extracting += u - t;
    }
    (extracting, merging, graph)
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected
    let Some(corpus) = corpus() else {
        println!("scale: ../shared/corpus not found; skipping the scaling bench");
        return;
    };
    let runs = env_list("NEWSGRAPH_SCALE_RUNS", "1")
        .first()
        .copied()
        .unwrap_or(1)
        .max(1);
    let ex = Extractor::new();
    println!(
        "{:>6} {:>9} {:>11} {:>10} {:>13} {:>10} {:>9} {:>10}",
        "MB", "articles", "extract s", "MB/s", "articles/s", "merge s", "entities", "relations"
    );
    for mb in env_list("NEWSGRAPH_SCALE_MB", "1,10,100") {
        let docs = stream(&corpus, mb);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let mut best: Option<(Duration, Duration, KnowledgeGraph)> = None;
        for _ in 0..runs {
            let run = serial(&ex, &docs);
            if best.as_ref().is_none_or(|b| run.0 + run.1 < b.0 + b.1) {
                best = Some(run);
            }
        }
        let Some((extracting, merging, graph)) = best else {
            continue;
        };
        assert_eq!(
            graph.article_count(),
            docs.len(),
            "one article per document"
        );
        assert!(graph.relation_count() > 0, "no relation in {mb} MB");
        let secs = extracting.as_secs_f64();
        println!(
            "{:>6} {:>9} {:>11.2} {:>10.1} {:>13.0} {:>10.2} {:>9} {:>10}",
            mb,
            docs.len(),
            secs,
            bytes as f64 / 1e6 / secs,
            docs.len() as f64 / secs,
            merging.as_secs_f64(),
            graph.entity_count(),
            graph.relation_count()
        );
    }

    // the speed-up of the parallel entry point, extraction and merge together
    let docs = stream(&corpus, env_list("NEWSGRAPH_SCALE_PARALLEL_MB", "10")[0]);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut times = Vec::new();
    let mut graphs = Vec::new();
    for jobs in [1, 2] {
        let jobs = NonZeroUsize::new(jobs).expect("not zero");
        let mut best = Duration::MAX;
        for _ in 0..runs {
            let t = Instant::now();
            let g = build_graph(&ex, jobs, docs.iter().cloned());
            best = best.min(t.elapsed());
            graphs.push(g);
        }
        times.push(best);
        println!(
            "parallel::build_graph, {} thread(s), {:.0} MB: {:.2} s, {:.1} MB/s",
            jobs,
            bytes as f64 / 1e6,
            best.as_secs_f64(),
            bytes as f64 / 1e6 / best.as_secs_f64()
        );
    }
    assert!(
        graphs.windows(2).all(|w| w[0] == w[1]),
        "the threads changed the graph"
    );
    println!(
        "speed-up on 2 threads: {:.2}x (this machine has {} cores)",
        times[0].as_secs_f64() / times[1].as_secs_f64(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}
