//! newsgraph: from news articles about international politics to a knowledge graph.
#![allow(missing_docs)]

pub mod error;
pub mod model;
pub mod graph;
pub mod export;
pub mod store;

pub use error::{Error, Result};
pub use model::{
    Assertion, Date, DatePrecision, DocId, Document, Entity, EntityId, EntityKind, Extraction,
    Mention, Modality, OrgType, Plover, RelationKind, Span,
};
