//! newsgraph turns news articles about international politics into a knowledge graph:
//! who allied with whom, who signed or ended which agreement, who expelled, accused,
//! sanctioned, threatened or deployed troops against or beside whom. Every fact keeps
//! the document, sentence and byte spans it came from; the graph merges many articles
//! and exports to RDF (every format oxigraph writes), Graphviz DOT and an embedded
//! SPARQL store.
//!
//! # The path most programs take
//!
//! ```
//! use newsgraph::{Document, Extractor, KnowledgeGraph, Question, RdfFormat, RdfOptions};
//!
//! let extractor = Extractor::new(); // the built-in lexicon: every state, IGOs, armed groups, ...
//! let doc = Document::new(
//!     "niger-2024-03-17",
//!     "Niger's junta has ended its military agreement with the United States. \
//!      French troops were kicked out in December.",
//! )
//! .published("2024-03-17".parse()?);
//! let extraction = extractor.extract(&doc); // never fails, never panics
//!
//! let mut graph = KnowledgeGraph::new();
//! graph.add(&extraction);
//! assert!(graph.relations().any(|r| r.key().to_string() == "NER expulsion FRA"));
//!
//! let dot = graph.to_dot(&Default::default()); // Graphviz
//! assert!(dot.starts_with("digraph"));
//! let turtle = graph.write_rdf(RdfFormat::Turtle, Vec::new(), &RdfOptions::default())?;
//! assert!(!turtle.is_empty());
//!
//! let store = graph.to_store()?; // embedded oxigraph store, SPARQL
//! let rows = store.ask(&Question::WhoExpelledWhom)?;
//! assert_eq!(rows.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Stages
//!
//! Data flows one way: [`text`] (sentences, tokens, boilerplate) → lexicon matching and
//! actor phrases → coreference → relations (trigger rules of `data/triggers.tsv` with
//! their argument frames) → [`Extraction`] → [`KnowledgeGraph`] → [`export`] and
//! [`store`]. The knowledge lives in data files ([`lexicon`]); users add their own with
//! [`Extractor::builder`].
//!
//! # Features
//!
//! The default build is in-memory and pure Rust (oxigraph without RocksDB).
//!
//! - `http` (on by default): the HTTP client (ureq with rustls) of `newsgraph push`,
//!   which sends [`export::write_graphs`] to a SPARQL 1.1 Graph Store endpoint. The
//!   library itself makes no HTTP request.
//! - `rocksdb` (off): oxigraph's on-disk storage, `GraphStore::open` and `newsgraph
//!   build --store`; RocksDB is C++, built from source in ~20 minutes, and needs
//!   `libclang-dev`.

mod coref;
mod dates;
pub mod error;
pub mod eval;
pub mod export;
mod extractor;
pub mod graph;
pub mod input;
pub mod lexicon;
mod mentions;
pub mod model;
pub mod parallel;
mod relations;
pub mod store;
#[cfg(test)]
mod test_rng;
pub mod text;

pub use error::{Error, Result};
pub use export::{DotOptions, RdfFormat, RdfOptions};
pub use extractor::{Builtin, Extractor, ExtractorBuilder};
pub use graph::{Article, Evidence, Filter, KnowledgeGraph, Relation, RelationKey};
pub use model::{
    Assertion, Date, DatePrecision, DocId, Document, Entity, EntityId, EntityKind, Extraction,
    Mention, Modality, OrgType, Plover, RelationKind, Span,
};
pub use store::{Answer, GraphStore, Question, Rows};

/// The README's code blocks, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
