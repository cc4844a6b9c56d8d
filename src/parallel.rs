//! Parallel ingestion: documents spread over threads, one graph per thread, the graphs
//! merged at the end.
//!
//! The merge of [`KnowledgeGraph`]s is associative and commutative, so the graph is the
//! same whatever thread took which document and in what order: a run on N threads gives
//! the graph of the serial run (and, exports being sorted, byte-identical outputs).
//!
//! Documents are handed over through a bounded queue, so a reader that streams a large
//! input never holds more than a few hundred documents in memory at once, whatever the
//! number of threads.
//!
//! ```
//! use std::num::NonZeroUsize;
//! use newsgraph::parallel::build_graph;
//! use newsgraph::{Document, Extractor, KnowledgeGraph};
//!
//! let ex = Extractor::new();
//! let docs: Vec<Document> = (0..20)
//!     .map(|i| Document::new(format!("d{i}"), "Mali expelled the French ambassador."))
//!     .collect();
//! let two = NonZeroUsize::new(2).expect("two is not zero");
//! let parallel = build_graph(&ex, two, docs.iter().cloned());
//! let serial = KnowledgeGraph::from_extractions(&docs.iter().map(|d| ex.extract(d)).collect::<Vec<_>>());
//! assert_eq!(parallel, serial);
//! assert_eq!(parallel.article_count(), 20);
//! ```

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;

use crate::extractor::Extractor;
use crate::graph::KnowledgeGraph;
use crate::model::{Document, Extraction};

/// Documents waiting in the queue per thread: enough to keep every thread busy while the
/// reader parses the next lines, small enough to keep memory flat.
const QUEUE_PER_THREAD: usize = 64;

/// The next item of a queue shared by several threads; the lock is held only to take it.
fn take<T>(queue: &Mutex<mpsc::Receiver<T>>) -> Result<T, mpsc::RecvError> {
    match queue.lock() {
        Ok(q) => q.recv(),
        Err(poisoned) => poisoned.into_inner().recv(),
    }
}

/// Documents gathered for one trip through a queue.
#[derive(Default)]
struct Batch {
    docs: Vec<Document>,
    bytes: usize,
}

impl Batch {
    /// At most this many documents, or this many bytes of text, go in one batch.
    const DOCS: usize = QUEUE_PER_THREAD;
    const BYTES: usize = 1 << 18;

    /// Adds a document; gives the batch back when it is full.
    fn push(&mut self, doc: Document) -> Option<Vec<Document>> {
        self.bytes += doc.text.len();
        self.docs.push(doc);
        (self.docs.len() >= Self::DOCS || self.bytes >= Self::BYTES).then(|| {
            self.bytes = 0;
            std::mem::take(&mut self.docs)
        })
    }
}

/// Extracts every document on `jobs` threads and merges the results into one graph.
///
/// With `jobs` = 1 everything runs on the calling thread. See the [module docs](self).
pub fn build_graph(
    ex: &Extractor,
    jobs: NonZeroUsize,
    docs: impl IntoIterator<Item = Document>,
) -> KnowledgeGraph {
    build_graph_with(ex, jobs, |add| docs.into_iter().for_each(add)).0
}

/// Like [`build_graph`], for readers that push documents rather than yield them: `feed`
/// is called once, on the calling thread, with a function that takes each document; what
/// `feed` returns is handed back beside the graph.
///
/// ```
/// use std::num::NonZeroUsize;
/// use newsgraph::parallel::build_graph_with;
/// use newsgraph::{Document, Extractor};
///
/// let ex = Extractor::new();
/// let jobs = NonZeroUsize::new(2).expect("two is not zero");
/// let (graph, read) = build_graph_with(&ex, jobs, |add| {
///     let mut read = 0;
///     for line in ["Niger expelled French troops.", "Russia deployed troops to Mali."] {
///         read += 1;
///         add(Document::new(format!("line-{read}"), line));
///     }
///     read
/// });
/// assert_eq!(read, 2);
/// assert_eq!(graph.article_count(), 2);
/// ```
pub fn build_graph_with<R>(
    ex: &Extractor,
    jobs: NonZeroUsize,
    feed: impl FnOnce(&mut dyn FnMut(Document)) -> R,
) -> (KnowledgeGraph, R) {
    if jobs.get() == 1 {
        let mut graph = KnowledgeGraph::new();
        let r = feed(&mut |doc| graph.add(&ex.extract(&doc)));
        return (graph, r);
    }
    // documents travel in batches: one lock and one wake-up per batch, not per document
    let (sender, receiver) = mpsc::sync_channel::<Vec<Document>>(jobs.get() * 2);
    let receiver = Mutex::new(receiver);
    thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs.get())
            .map(|_| {
                let receiver = &receiver;
                scope.spawn(move || {
                    let mut graph = KnowledgeGraph::new();
                    // until the sender is gone: no more documents
                    while let Ok(batch) = take(receiver) {
                        batch.iter().for_each(|d| graph.add(&ex.extract(d)));
                    }
                    graph
                })
            })
            .collect();
        let mut batch = Batch::default();
        let r = feed(&mut |doc| {
            if let Some(full) = batch.push(doc) {
                // a send fails only when every worker is gone, which a panic alone can
                // do; that panic is raised again below when the worker is joined
                let _ = sender.send(full);
            }
        });
        if !batch.docs.is_empty() {
            let _ = sender.send(batch.docs);
        }
        drop(sender);
        let mut graph = KnowledgeGraph::new();
        for worker in workers {
            match worker.join() {
                Ok(part) => graph.merge(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        (graph, r)
    })
}

/// Extracts documents on `jobs` threads and hands the extractions to `sink` one at a
/// time, **in the order the documents were fed**, on a thread of its own.
///
/// `feed` runs on the calling thread with a function that takes each document and tells
/// whether to go on: it answers `false` once `sink` has failed, and the error is returned
/// beside what `feed` returned. At most a fixed number of documents (a few hundred per
/// thread) are between `feed` and `sink` at any time, so memory stays flat however long
/// the input and however slow one document is.
///
/// ```
/// use std::num::NonZeroUsize;
/// use newsgraph::parallel::extract_ordered;
/// use newsgraph::{Document, Extractor};
///
/// let ex = Extractor::new();
/// let jobs = NonZeroUsize::new(2).expect("two is not zero");
/// let mut ids = Vec::new();
/// let (fed, written) = extract_ordered(
///     &ex,
///     jobs,
///     |add| (0..50).filter(|i| add(Document::new(format!("d{i}"), "Mali expelled the French ambassador."))).count(),
///     |x| {
///         ids.push(x.doc.to_string());
///         Ok::<(), std::io::Error>(())
///     },
/// );
/// assert_eq!(fed, 50);
/// assert!(written.is_ok());
/// assert_eq!(ids, (0..50).map(|i| format!("d{i}")).collect::<Vec<_>>());
/// ```
pub fn extract_ordered<R, E: Send>(
    ex: &Extractor,
    jobs: NonZeroUsize,
    feed: impl FnOnce(&mut dyn FnMut(Document) -> bool) -> R,
    mut sink: impl FnMut(Extraction) -> Result<(), E> + Send,
) -> (R, Result<(), E>) {
    if jobs.get() == 1 {
        let mut failed = None;
        let r = feed(&mut |doc| {
            if failed.is_some() {
                return false;
            }
            match sink(ex.extract(&doc)) {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        });
        return (r, failed.map_or(Ok(()), Err));
    }
    // documents travel in numbered batches; at most `limit` batches are between the
    // feed and the sink
    let limit = (jobs.get() * 4) as u64;
    let (doc_tx, doc_rx) = mpsc::sync_channel::<(u64, Vec<Document>)>(jobs.get() * 2);
    // the workers alone hold the receiver: when they are all gone, sending fails
    let doc_rx = Arc::new(Mutex::new(doc_rx));
    let (out_tx, out_rx) = mpsc::sync_channel::<(u64, Vec<Extraction>)>(jobs.get() * 2);
    // how many batches the sink has taken, and whether it has stopped
    let progress = Arc::new((Mutex::new((0u64, false)), Condvar::new()));
    thread::scope(|scope| {
        for _ in 0..jobs.get() {
            let doc_rx = Arc::clone(&doc_rx);
            let out_tx = out_tx.clone();
            scope.spawn(move || {
                loop {
                    let next = take(&doc_rx);
                    let Ok((i, docs)) = next else { break };
                    let extractions = docs.iter().map(|d| ex.extract(d)).collect();
                    if out_tx.send((i, extractions)).is_err() {
                        break; // the sink has stopped
                    }
                }
            });
        }
        drop((doc_rx, out_tx));
        let writer_progress = Arc::clone(&progress);
        let writer = scope.spawn(move || {
            let (lock, changed) = &*writer_progress;
            let mut waiting: BTreeMap<u64, Vec<Extraction>> = BTreeMap::new();
            let mut next = 0u64;
            let mut result = Ok(());
            'receive: for (i, xs) in out_rx {
                waiting.insert(i, xs);
                while let Some(xs) = waiting.remove(&next) {
                    for x in xs {
                        if let Err(e) = sink(x) {
                            result = Err(e);
                            break 'receive;
                        }
                    }
                    next += 1;
                }
                if let Ok(mut p) = lock.lock() {
                    p.0 = next;
                }
                changed.notify_all();
            }
            if let Ok(mut p) = lock.lock() {
                p.1 = true;
            }
            changed.notify_all();
            result
        });
        let mut seq = 0u64;
        let mut send = |docs: Vec<Document>| -> bool {
            // wait while too many batches are on their way to the sink
            let (lock, changed) = &*progress;
            let Ok(mut p) = lock.lock() else { return false };
            while !p.1 && seq.saturating_sub(p.0) >= limit {
                p = match changed.wait(p) {
                    Ok(p) => p,
                    Err(_) => return false,
                };
            }
            if p.1 {
                return false;
            }
            drop(p);
            let sent = doc_tx.send((seq, docs)).is_ok();
            seq += 1;
            sent
        };
        let mut batch = Batch::default();
        let r = feed(&mut |doc| batch.push(doc).is_none_or(&mut send));
        if !batch.docs.is_empty() {
            send(batch.docs);
        }
        drop(doc_tx);
        match writer.join() {
            Ok(result) => (r, result),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Document> {
        let lines = [
            "Mali expelled the French ambassador on Monday.",
            "Niger's junta ended its military agreement with the United States.",
            "Russia deployed troops to Burkina Faso, officials said.",
            "The European Union imposed sanctions on Moscow.",
            "Algeria and Morocco held talks in Rabat.",
        ];
        (0..200)
            .map(|i| Document::new(format!("doc-{i}"), lines[i % lines.len()]))
            .collect()
    }

    #[test]
    fn any_number_of_threads_gives_the_serial_graph() {
        let ex = Extractor::new();
        let docs = docs();
        let serial = build_graph(&ex, NonZeroUsize::MIN, docs.clone());
        assert!(serial.relation_count() > 0);
        for jobs in [2, 3, 8] {
            let jobs = NonZeroUsize::new(jobs).expect("not zero");
            let parallel = build_graph(&ex, jobs, docs.clone());
            assert_eq!(parallel, serial, "{jobs} threads");
            assert_eq!(
                parallel.to_json().expect("json"),
                serial.to_json().expect("json"),
                "{jobs} threads"
            );
        }
    }

    #[test]
    fn extractions_come_out_in_input_order() {
        let ex = Extractor::new();
        let docs = docs();
        let serial: Vec<Extraction> = docs.iter().map(|d| ex.extract(d)).collect();
        for jobs in [1, 2, 5] {
            let jobs = NonZeroUsize::new(jobs).expect("not zero");
            let mut out = Vec::new();
            let (fed, result) = extract_ordered(
                &ex,
                jobs,
                |add| docs.iter().filter(|d| add((*d).clone())).count(),
                |x| {
                    out.push(x);
                    Ok::<(), ()>(())
                },
            );
            assert_eq!((fed, result), (docs.len(), Ok(())));
            assert_eq!(out, serial, "{jobs} threads");
        }
    }

    #[test]
    fn a_failing_sink_stops_the_feed() {
        let ex = Extractor::new();
        let docs = docs();
        for jobs in [1, 3] {
            let jobs = NonZeroUsize::new(jobs).expect("not zero");
            let mut taken = 0;
            let (fed, result) = extract_ordered(
                &ex,
                jobs,
                |add| {
                    // feed far more than the queues hold: the feed must be told to stop
                    let mut fed = 0;
                    for d in docs.iter().cycle().take(20_000) {
                        if !add(d.clone()) {
                            break;
                        }
                        fed += 1;
                    }
                    fed
                },
                |_| {
                    taken += 1;
                    if taken == 10 {
                        Err("sink closed")
                    } else {
                        Ok(())
                    }
                },
            );
            assert_eq!(result, Err("sink closed"));
            assert_eq!(taken, 10);
            assert!(fed < 20_000, "{fed} documents fed after the sink failed");
        }
    }

    #[test]
    fn no_documents_give_an_empty_graph() {
        let ex = Extractor::new();
        let jobs = NonZeroUsize::new(4).expect("not zero");
        assert!(build_graph(&ex, jobs, Vec::new()).is_empty());
    }
}
