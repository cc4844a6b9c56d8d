//! newsgraph: from news articles about international politics to a knowledge graph.
#![allow(missing_docs)]

mod coref;
mod dates;
pub mod error;
pub mod export;
mod extractor;
pub mod graph;
pub mod input;
pub mod lexicon;
mod mentions;
pub mod model;
mod relations;
pub mod store;
pub mod text;

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
