//! `newsgraph build`: many articles, one merged knowledge graph, written in every format
//! asked for (see [`crate::output`]).

use std::cell::Cell;
use std::fmt::Write as _;
use std::io::{self, IsTerminal};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use newsgraph::parallel::build_graph_with;

use crate::input::{InputArgs, extractor, for_each_document};
use crate::output::{OutputArgs, count, keep_min_sources};

/// The options of `newsgraph build`.
#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    common: InputArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// Also add the graph to the on-disk store in DIR (created if missing): each article's
    /// graph replaces the one stored before (feature `rocksdb`).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Keep only the relations with evidence from at least N distinct articles, and the
    /// entities they link.
    #[arg(long, value_name = "N")]
    min_sources: Option<usize>,
    /// Threads that extract (the calling thread reads and parses the input); the graph is
    /// the same for any number.
    #[arg(long, short = 'j', value_name = "N", default_value = "1")]
    jobs: NonZeroUsize,
    /// Print no progress and no summary; errors are still printed.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `newsgraph build`.
pub fn build(args: BuildArgs) -> ExitCode {
    // Everything that can be checked is checked before any work.
    let prepared = args.output.check().and_then(|outputs| {
        if outputs.is_empty() && args.store.is_none() {
            return Err(
                "expected an output (-o FILE) or a store (--store DIR), found neither".to_owned(),
            );
        }
        let store = args
            .store
            .as_deref()
            .map(|dir| crate::store::open(dir, outputs.rdf()))
            .transpose()?;
        let ex = extractor(&args.common).map_err(|e| e.to_string())?;
        Ok((outputs, ex, store))
    });
    let (outputs, ex, store) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return ExitCode::from(2);
        }
    };

    let progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let (mut documents, mut bytes) = (0usize, 0usize);
    // this thread reads and parses; `--jobs` threads extract and build partial graphs
    let (graph, read) = build_graph_with(&ex, args.jobs, |add| {
        for_each_document(
            &args.common,
            |e| {
                progress.clear();
                eprintln!("newsgraph: {e}");
            },
            |doc| {
                documents += 1;
                bytes += doc.text.len();
                add(doc);
                progress.show(documents, bytes);
                Ok(())
            },
        )
    });
    progress.clear();
    let input_errors = match read {
        Ok(n) => n,
        Err(e) => {
            eprintln!("newsgraph: reading input: {e}");
            return ExitCode::from(1);
        }
    };
    // A graph of nothing is never what was meant: keep whatever the outputs held.
    if documents == 0 {
        let why = if input_errors > 0 {
            format!(
                "{} and no document read",
                count(input_errors, "input error")
            )
        } else {
            "no document in the input".to_owned()
        };
        eprintln!("newsgraph: {why}; wrote no output");
        return ExitCode::from(1);
    }

    let mut summary = format!(
        "{}, {}, {}",
        count(documents, "document"),
        count(graph.entity_count(), "entity"),
        count(graph.relation_count(), "relation"),
    );
    let graph = keep_min_sources(graph, args.min_sources, &mut summary);
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
    let all_written = outputs.write(&graph, &summary, args.quiet);
    if input_errors > 0 {
        eprintln!(
            "newsgraph: {}; the other inputs were processed",
            count(input_errors, "input error")
        );
    }
    if input_errors > 0 || !all_written || !stored {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
