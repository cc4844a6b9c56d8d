//! Exports of a [`KnowledgeGraph`](crate::KnowledgeGraph): Graphviz DOT pictures and RDF
//! in every format oxigraph writes.
//!
//! Both are deterministic: the same graph gives the same bytes, sorted by id and key, so
//! snapshot tests and diffs of two runs work.
//!
//! ```
//! use newsgraph::export::{DotOptions, RdfFormat, RdfOptions};
//! use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
//! let mut graph = KnowledgeGraph::new();
//! graph.add_evidence(
//!     RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")),
//!     Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops."),
//! );
//! assert!(graph.to_dot(&DotOptions::new()).contains(r#""NER" -> "FRA""#));
//! let turtle = graph.write_rdf(RdfFormat::Turtle, Vec::new(), &RdfOptions::default())?;
//! assert!(String::from_utf8_lossy(&turtle).contains("entity:NER ng:expulsion entity:FRA"));
//! # Ok::<(), newsgraph::Error>(())
//! ```

mod dot;
mod rdf;

pub use dot::{Clusters, Dot, DotOptions, EdgeLabels};
pub use rdf::{DEFAULT_BASE_IRI, RdfFormat, RdfOptions, write_rdf};

pub(crate) use rdf::{Vocabulary, dataset_quads};
