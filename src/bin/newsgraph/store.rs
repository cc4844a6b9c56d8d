//! `--store DIR`: the on-disk store of `build` and `query`, which needs the `rocksdb`
//! feature; without it, a clear error says how to get it.

use std::path::Path;

use newsgraph::GraphStore;
use newsgraph::export::RdfOptions;

/// What `--store` says when the binary was built without the on-disk store.
#[cfg(not(feature = "rocksdb"))]
fn missing_feature(dir: &Path) -> String {
    format!(
        "--store {}: this newsgraph was built without the on-disk store; rebuild it with \
         `cargo build --release --features rocksdb` (needs libclang-dev and a C++ compiler)",
        dir.display()
    )
}

/// Opens (or creates) the store in `dir`, for `build --store`.
#[cfg(feature = "rocksdb")]
pub fn open(dir: &Path, rdf: &RdfOptions) -> Result<GraphStore, String> {
    GraphStore::open(dir, rdf).map_err(|e| format!("--store {}: {e}", dir.display()))
}

/// Opens (or creates) the store in `dir`, for `build --store`.
#[cfg(not(feature = "rocksdb"))]
pub fn open(dir: &Path, _rdf: &RdfOptions) -> Result<GraphStore, String> {
    Err(missing_feature(dir))
}

/// Opens the existing store in `dir` for reading, for `query --store`.
#[cfg(feature = "rocksdb")]
pub fn open_read_only(dir: &Path, rdf: &RdfOptions) -> Result<GraphStore, String> {
    GraphStore::open_read_only(dir, rdf).map_err(|e| format!("--store {}: {e}", dir.display()))
}

/// Opens the existing store in `dir` for reading, for `query --store`.
#[cfg(not(feature = "rocksdb"))]
pub fn open_read_only(dir: &Path, _rdf: &RdfOptions) -> Result<GraphStore, String> {
    Err(missing_feature(dir))
}

/// Adds a graph to the store, replacing its articles' graphs; gives the number of quads
/// the store then holds.
pub fn add(store: &GraphStore, graph: &newsgraph::KnowledgeGraph) -> newsgraph::Result<usize> {
    store.replace_graph(graph)?;
    store.len()
}
