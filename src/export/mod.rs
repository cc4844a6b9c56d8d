//! Exports of a [`KnowledgeGraph`](crate::KnowledgeGraph): Graphviz DOT pictures, RDF
//! in every format oxigraph writes, and property graphs: GraphML ([`write_graphml`]),
//! JSON nodes and links ([`write_nodes_links`]) and Neo4j CSV ([`write_neo4j`]).
//!
//! All are deterministic: the same graph gives the same bytes, sorted by id and key, so
//! snapshot tests and diffs of two runs work. The three property-graph exports share
//! one list of node and edge properties, with the same names and values.
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
//! assert!(String::from_utf8_lossy(&turtle).contains("ng:expulsion entity:FRA"));
//! # Ok::<(), newsgraph::Error>(())
//! ```
//!
//! # RDF vocabulary
//!
//! With the base IRI `B` (default [`DEFAULT_BASE_IRI`]):
//!
//! | prefix | IRI | holds |
//! |---|---|---|
//! | `ng:` | `B ontology#` | classes (`ng:Country`, `ng:Event`, ...), properties, one property per relation kind (`ng:expulsion`) |
//! | `entity:` | `B entity/` | entities, by id (`entity:NER`, `entity:wagner-group`) |
//! | `event:` | `B event/` | one event per merged relation: `event:NER_expulsion_FRA` |
//! | `evidence:` | `B evidence/` | one node per evidence item: `evidence:{event}_{doc}_{sentence}_{start}-{end}_{rule}` |
//! | `article:` | `B article/` | articles, by id; also the name of each article's graph |
//! | `plover:`, `cameo:` | `B plover/`, `B cameo/` | PLOVER and CAMEO codes as `skos:Concept`s |
//!
//! Ids inside IRIs keep ASCII letters, digits, `-` and `.`; every other byte is
//! percent-encoded (`Côte d'Ivoire` → `C%C3%B4te%20d%27Ivoire`), so `_` separates the
//! parts of an event or evidence name unambiguously (the kind names in the middle come
//! from a fixed list). Beware that oxigraph 0.5's SPARQL parser refuses a prefixed name
//! with two separate runs of dots (`evidence:…_a.txt_…_meet.v`): write such IRIs in full.
//!
//! ## Shape
//!
//! - Entities: `rdf:type` by kind, `ng:id`, `rdfs:label`, `skos:altLabel`, `ng:country`,
//!   `ng:sector`, `ng:orgType`, `ng:mentions`, `owl:sameAs` their Wikidata item,
//!   `ng:unresolved true` for a placeholder (see [`crate::graph`]).
//! - Articles: `ng:Article`, `ng:id`, `ng:published`, `ng:sourceUrl`.
//! - Events (W3C n-ary relation pattern): `ng:Event`, `ng:kind` (the kind's property),
//!   `ng:actor`, `ng:target`, `ng:symmetric`, `ng:plover`, `ng:cameo`, `ng:firstDate`,
//!   `ng:lastDate` (`xsd:date`, `xsd:gYearMonth` or `xsd:gYear` by precision),
//!   `ng:mentions`, `ng:sources`, `ng:modality`, `ng:confidence`, `ng:current`,
//!   `ng:endedBy`, `prov:wasDerivedFrom` each article.
//! - In the graph named after each article: the direct edge `source ng:kind target`
//!   when the article asserts it (both directions for a symmetric kind), `ng:evidence`
//!   from the event to the article's evidence, and the evidence: `ng:Evidence`,
//!   `prov:wasDerivedFrom`, `ng:sentenceIndex`, `ng:sentence`, byte offsets of the
//!   sentence in the article (`ng:sentenceStart`, `ng:sentenceEnd`), character offsets
//!   inside the sentence of the trigger, source and target mentions (`ng:triggerStart`,
//!   `ng:triggerEnd`, ...), `ng:trigger`, `ng:rule`, `ng:modality`, `ng:confidence`,
//!   `ng:date`, `ng:speaker`, `ng:sourcePerson`, `ng:sourceSector`.
//! - Everything else (entities, articles, events, concepts, kind properties) is in the
//!   default graph. Graph formats (Turtle, N-Triples, RDF/XML) get the union of all.
//!
//! No blank nodes: every node has an IRI, so two exports compare as sets of quads.

mod dot;
mod graphml;
mod neo4j;
mod nodes_links;
mod properties;
mod rdf;

pub use dot::{Clusters, Dot, DotOptions, EdgeLabels};
pub use graphml::write_graphml;
pub use neo4j::{Neo4jFile, write_neo4j};
pub use nodes_links::write_nodes_links;
pub use rdf::{DEFAULT_BASE_IRI, RdfFormat, RdfOptions, SerializedGraph, write_graphs, write_rdf};

pub(crate) use rdf::{Vocabulary, article_graphs, dataset_quads};
