//! newsgraph: from news articles about international politics to a knowledge graph.
#![allow(missing_docs)]

pub mod error;
pub mod model;
pub mod text;
pub mod input;
pub mod lexicon;
mod mentions;
mod coref;
mod dates;
mod relations;
mod extractor;
pub mod graph;
pub mod export;
pub mod store;

pub use error::{Error, Result};
pub use extractor::{Builtin, Extractor, ExtractorBuilder};
pub use model::{
    Assertion, Date, DatePrecision, DocId, Document, Entity, EntityId, EntityKind, Extraction,
    Mention, Modality, OrgType, Plover, RelationKind, Span,
};

// graph side
pub use export::{DotOptions, RdfFormat, RdfOptions};
pub use graph::{Article, Evidence, Filter, KnowledgeGraph, Relation, RelationKey};
pub use store::{Answer, GraphStore, Question, Rows};
