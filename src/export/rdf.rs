//! RDF through oxigraph's serializers; the vocabulary is described in the docs of
//! [`crate::export`].

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use oxigraph::io::{JsonLdProfileSet, RdfFormat as OxFormat, RdfSerializer};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term, Triple};

use crate::error::{Error, Result};
use crate::graph::{Evidence, KnowledgeGraph, Relation, RelationKey};
use crate::model::{Date, DatePrecision, DocId, EntityId, EntityKind, Modality, Span};

/// The base IRI used unless [`RdfOptions`] says otherwise.
pub const DEFAULT_BASE_IRI: &str = "https://newsgraph.example/";

const OWL: &str = "http://www.w3.org/2002/07/owl#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const PROV: &str = "http://www.w3.org/ns/prov#";
const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// An RDF serialisation format.
///
/// ```
/// use newsgraph::export::RdfFormat;
/// let f: RdfFormat = "ttl".parse()?;
/// assert_eq!(f, RdfFormat::Turtle);
/// assert_eq!(RdfFormat::from_path("out/graph.nq".as_ref()), Some(RdfFormat::NQuads));
/// assert!(RdfFormat::TriG.is_dataset() && !RdfFormat::Turtle.is_dataset());
/// assert_eq!(RdfFormat::JsonLd.extension(), "jsonld");
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RdfFormat {
    /// Turtle (`.ttl`), one graph.
    Turtle,
    /// N-Triples (`.nt`), one graph.
    NTriples,
    /// N-Quads (`.nq`), a dataset.
    NQuads,
    /// TriG (`.trig`), a dataset.
    TriG,
    /// RDF/XML (`.rdf`), one graph.
    RdfXml,
    /// JSON-LD (`.jsonld`), a dataset, written as streaming JSON-LD.
    JsonLd,
}

impl RdfFormat {
    /// Every format.
    pub const ALL: [RdfFormat; 6] = [
        RdfFormat::Turtle,
        RdfFormat::NTriples,
        RdfFormat::NQuads,
        RdfFormat::TriG,
        RdfFormat::RdfXml,
        RdfFormat::JsonLd,
    ];

    /// The name accepted by [`FromStr`] (`turtle`, `ntriples`, `nquads`, `trig`,
    /// `rdfxml`, `jsonld`).
    pub const fn name(self) -> &'static str {
        match self {
            RdfFormat::Turtle => "turtle",
            RdfFormat::NTriples => "ntriples",
            RdfFormat::NQuads => "nquads",
            RdfFormat::TriG => "trig",
            RdfFormat::RdfXml => "rdfxml",
            RdfFormat::JsonLd => "jsonld",
        }
    }

    /// The usual file extension, without the dot.
    pub const fn extension(self) -> &'static str {
        match self {
            RdfFormat::Turtle => "ttl",
            RdfFormat::NTriples => "nt",
            RdfFormat::NQuads => "nq",
            RdfFormat::TriG => "trig",
            RdfFormat::RdfXml => "rdf",
            RdfFormat::JsonLd => "jsonld",
        }
    }

    /// The IANA media type.
    pub const fn media_type(self) -> &'static str {
        match self {
            RdfFormat::Turtle => "text/turtle",
            RdfFormat::NTriples => "application/n-triples",
            RdfFormat::NQuads => "application/n-quads",
            RdfFormat::TriG => "application/trig",
            RdfFormat::RdfXml => "application/rdf+xml",
            RdfFormat::JsonLd => "application/ld+json",
        }
    }

    /// True for the formats that hold named graphs (N-Quads, TriG, JSON-LD).
    pub const fn is_dataset(self) -> bool {
        matches!(
            self,
            RdfFormat::NQuads | RdfFormat::TriG | RdfFormat::JsonLd
        )
    }

    /// The format of a file extension (without the dot, any case): `ttl`, `nt`, `nq`,
    /// `trig`, `rdf`/`owl`/`xml`, `jsonld`/`json`.
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Some(RdfFormat::Turtle),
            "nt" | "ntriples" => Some(RdfFormat::NTriples),
            "nq" | "nquads" => Some(RdfFormat::NQuads),
            "trig" => Some(RdfFormat::TriG),
            "rdf" | "owl" | "xml" | "rdfxml" => Some(RdfFormat::RdfXml),
            "jsonld" | "json" => Some(RdfFormat::JsonLd),
            _ => None,
        }
    }

    /// The format of a file, by its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Self::from_extension)
    }

    pub(crate) fn to_oxigraph(self) -> OxFormat {
        match self {
            RdfFormat::Turtle => OxFormat::Turtle,
            RdfFormat::NTriples => OxFormat::NTriples,
            RdfFormat::NQuads => OxFormat::NQuads,
            RdfFormat::TriG => OxFormat::TriG,
            RdfFormat::RdfXml => OxFormat::RdfXml,
            RdfFormat::JsonLd => OxFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }
}

impl fmt::Display for RdfFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RdfFormat {
    type Err = Error;

    /// A format name or a file extension.
    fn from_str(s: &str) -> Result<Self> {
        let lower = s.to_ascii_lowercase();
        RdfFormat::ALL
            .into_iter()
            .find(|f| f.name() == lower)
            .or_else(|| RdfFormat::from_extension(&lower))
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "expected an RDF format (turtle, ntriples, nquads, trig, rdfxml, jsonld), found {s:?}"
                ))
            })
    }
}

/// Options of the RDF export.
///
/// ```
/// use newsgraph::export::{RdfOptions, DEFAULT_BASE_IRI};
/// assert_eq!(RdfOptions::default().base_iri, DEFAULT_BASE_IRI);
/// let options = RdfOptions::with_base_iri("https://example.org/kg/");
/// assert!(options.sparql_prefixes()?.contains("PREFIX ng: <https://example.org/kg/ontology#>"));
/// assert!(RdfOptions::with_base_iri("not an iri").sparql_prefixes().is_err());
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RdfOptions {
    /// The base of every IRI the export mints: an absolute IRI ending with `/`
    /// (default [`DEFAULT_BASE_IRI`]).
    pub base_iri: String,
}

impl Default for RdfOptions {
    fn default() -> Self {
        RdfOptions {
            base_iri: DEFAULT_BASE_IRI.to_owned(),
        }
    }
}

impl RdfOptions {
    /// Options with another base IRI (checked when used).
    pub fn with_base_iri(base_iri: impl Into<String>) -> Self {
        RdfOptions {
            base_iri: base_iri.into(),
        }
    }

    /// The `PREFIX` lines of the vocabulary, for SPARQL queries run elsewhere.
    pub fn sparql_prefixes(&self) -> Result<String> {
        let vocabulary = Vocabulary::new(self)?;
        Ok(vocabulary
            .prefixes()
            .iter()
            .map(|(name, iri)| format!("PREFIX {name}: <{iri}>\n"))
            .collect())
    }
}

impl KnowledgeGraph {
    /// Writes the graph as RDF (see [`write_rdf`]) and gives the writer back.
    ///
    /// ```
    /// use newsgraph::export::{RdfFormat, RdfOptions};
    /// use newsgraph::KnowledgeGraph;
    /// let bytes = KnowledgeGraph::new().write_rdf(RdfFormat::NTriples, Vec::new(), &RdfOptions::default())?;
    /// assert!(bytes.is_empty());
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn write_rdf<W: Write>(
        &self,
        format: RdfFormat,
        writer: W,
        options: &RdfOptions,
    ) -> Result<W> {
        write_rdf(self, format, writer, options)
    }
}

/// Writes a graph as RDF in a format and gives the writer back; the shape is described
/// in [the `export` docs](crate::export#rdf-vocabulary). Dataset formats keep one named graph per article; graph
/// formats get the union. Output is sorted (by graph, subject, `rdf:type` first, then
/// predicate and object), byte for byte the same for equal graphs.
///
/// ```
/// use newsgraph::export::{write_rdf, RdfFormat, RdfOptions};
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(
///     RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")),
///     Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops."),
/// );
/// let nq = String::from_utf8_lossy(&write_rdf(&graph, RdfFormat::NQuads, Vec::new(), &RdfOptions::default())?).into_owned();
/// assert!(nq.contains(
///     "<https://newsgraph.example/entity/NER> <https://newsgraph.example/ontology#expulsion> \
///      <https://newsgraph.example/entity/FRA> <https://newsgraph.example/article/a1> ."
/// ));
/// # Ok::<(), newsgraph::Error>(())
/// ```
pub fn write_rdf<W: Write>(
    graph: &KnowledgeGraph,
    format: RdfFormat,
    writer: W,
    options: &RdfOptions,
) -> Result<W> {
    let vocabulary = Vocabulary::new(options)?;
    let mut serializer = RdfSerializer::from_format(format.to_oxigraph());
    for (name, iri) in vocabulary.prefixes() {
        serializer = serializer
            .with_prefix(name, iri)
            .map_err(|e| Error::Rdf(format!("bad prefix IRI: {e}")))?;
    }
    let mut out = serializer.for_writer(writer);
    let quads = vocabulary.quads(graph);
    if format.is_dataset() {
        for quad in &quads {
            out.serialize_quad(quad).map_err(serialize_error)?;
        }
    } else {
        for triple in union(quads) {
            out.serialize_triple(&triple).map_err(serialize_error)?;
        }
    }
    out.finish().map_err(serialize_error)
}

/// One graph of the dataset a [`KnowledgeGraph`] exports, serialised on its own (see
/// [`write_graphs`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SerializedGraph {
    /// The graph's IRI: an article's IRI for the graph of its evidence, `None` for the
    /// default graph (entities, articles, events, relation kinds and their concepts).
    pub iri: Option<String>,
    /// Number of triples in [`SerializedGraph::data`].
    pub triples: usize,
    /// The triples in the format asked for.
    pub data: Vec<u8>,
}

/// The dataset of a graph (see [`write_rdf`]) cut into its graphs, each serialised in a
/// graph format (Turtle, N-Triples or RDF/XML): the default graph first, if it holds
/// anything, then one graph per article, sorted by IRI, empty for an article that gave
/// no evidence (so that sending it clears what an earlier version left). This is what a
/// SPARQL 1.1 Graph Store Protocol client sends, one `PUT` per graph. A dataset format is
/// [`Error::Invalid`].
///
/// ```
/// use newsgraph::export::{write_graphs, RdfFormat, RdfOptions};
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(
///     RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")),
///     Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops."),
/// );
/// let graphs = write_graphs(&graph, RdfFormat::NTriples, &RdfOptions::default())?;
/// assert_eq!(graphs.len(), 2);
/// assert_eq!(graphs[0].iri, None);
/// assert_eq!(graphs[1].iri.as_deref(), Some("https://newsgraph.example/article/a1"));
/// let text = String::from_utf8_lossy(&graphs[1].data);
/// assert!(text.contains("<https://newsgraph.example/ontology#expulsion>"));
/// assert_eq!(text.lines().count(), graphs[1].triples);
/// assert!(write_graphs(&graph, RdfFormat::NQuads, &RdfOptions::default()).is_err());
/// # Ok::<(), newsgraph::Error>(())
/// ```
pub fn write_graphs(
    graph: &KnowledgeGraph,
    format: RdfFormat,
    options: &RdfOptions,
) -> Result<Vec<SerializedGraph>> {
    if format.is_dataset() {
        return Err(Error::Invalid(format!(
            "expected a graph format (turtle, ntriples, rdfxml) to write one graph at a time, \
             found {format}"
        )));
    }
    let vocabulary = Vocabulary::new(options)?;
    let prefixes = vocabulary.prefixes();
    let serialize = |triples: &[Quad]| -> Result<Vec<u8>> {
        let mut serializer = RdfSerializer::from_format(format.to_oxigraph());
        for (name, iri) in &prefixes {
            serializer = serializer
                .with_prefix(*name, iri.as_str())
                .map_err(|e| Error::Rdf(format!("bad prefix IRI: {e}")))?;
        }
        let mut writer = serializer.for_writer(Vec::new());
        for quad in triples {
            writer
                .serialize_triple(quad.as_ref())
                .map_err(serialize_error)?;
        }
        writer.finish().map_err(serialize_error)
    };
    let quads = vocabulary.quads(graph);
    // Every article has a graph, empty when it gave no evidence.
    let mut named: std::collections::BTreeMap<String, &[Quad]> = graph
        .articles()
        .map(|a| (vocabulary.article(&a.id).into_string(), &[][..]))
        .collect();
    let mut out = Vec::new();
    // The quads are sorted by graph (the default graph first): each run is one graph.
    for run in quads.chunk_by(|a, b| a.graph_name == b.graph_name) {
        match &run[0].graph_name {
            GraphName::NamedNode(n) => {
                named.insert(n.as_str().to_owned(), run);
            }
            _ => out.push(SerializedGraph {
                iri: None,
                triples: run.len(),
                data: serialize(run)?,
            }),
        }
    }
    for (iri, run) in named {
        out.push(SerializedGraph {
            iri: Some(iri),
            triples: run.len(),
            data: serialize(run)?,
        });
    }
    Ok(out)
}

/// The IRIs of the graphs an article's evidence goes to, for every article of the
/// graph (with or without evidence).
pub(crate) fn article_graphs(
    graph: &KnowledgeGraph,
    options: &RdfOptions,
) -> Result<Vec<NamedNode>> {
    let vocabulary = Vocabulary::new(options)?;
    Ok(graph
        .articles()
        .map(|a| vocabulary.article(&a.id))
        .collect())
}

/// Every quad of the graph's RDF, sorted (for the store).
pub(crate) fn dataset_quads(graph: &KnowledgeGraph, options: &RdfOptions) -> Result<Vec<Quad>> {
    Ok(Vocabulary::new(options)?.quads(graph))
}

/// The triples of every graph, sorted and without duplicates.
fn union(quads: Vec<Quad>) -> Vec<Triple> {
    let mut keyed: Vec<(SortKey, Triple)> = quads
        .into_iter()
        .map(|q| {
            let triple = Triple::new(q.subject, q.predicate, q.object);
            (SortKey::of(&GraphName::DefaultGraph, &triple), triple)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, t)| t).collect()
}

fn serialize_error(e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            Error::Rdf(format!("cannot serialize: {e}"))
        }
        _ => Error::io("<output>", e),
    }
}

/// The order of quads in an export: graph, subject, `rdf:type` first, predicate, object.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    graph: String,
    subject: String,
    not_type: bool,
    predicate: String,
    object: String,
}

impl SortKey {
    fn of(graph: &GraphName, triple: &Triple) -> Self {
        SortKey {
            graph: match graph {
                GraphName::DefaultGraph => String::new(),
                g => g.to_string(),
            },
            subject: triple.subject.to_string(),
            not_type: triple.predicate.as_ref() != rdf::TYPE,
            predicate: triple.predicate.as_str().to_owned(),
            object: triple.object.to_string(),
        }
    }
}

/// The IRIs of the vocabulary under one base IRI.
pub(crate) struct Vocabulary {
    base: String,
}

impl Vocabulary {
    pub(crate) fn new(options: &RdfOptions) -> Result<Self> {
        let base = &options.base_iri;
        NamedNode::new(base.as_str())
            .map_err(|e| Error::Invalid(format!("bad base IRI {base:?}: {e}")))?;
        if !base.ends_with('/') || base.contains('#') {
            return Err(Error::Invalid(format!(
                "expected a base IRI ending with '/' and without '#', found {base:?}"
            )));
        }
        Ok(Vocabulary { base: base.clone() })
    }

    /// Prefix names and IRIs, for Turtle, TriG, RDF/XML and SPARQL.
    pub(crate) fn prefixes(&self) -> Vec<(&'static str, String)> {
        let b = &self.base;
        vec![
            ("ng", format!("{b}ontology#")),
            ("entity", format!("{b}entity/")),
            ("event", format!("{b}event/")),
            ("evidence", format!("{b}evidence/")),
            ("article", format!("{b}article/")),
            ("plover", format!("{b}plover/")),
            ("cameo", format!("{b}cameo/")),
            (
                "rdf",
                rdf::TYPE.as_str().trim_end_matches("type").to_owned(),
            ),
            (
                "rdfs",
                rdfs::LABEL.as_str().trim_end_matches("label").to_owned(),
            ),
            (
                "xsd",
                xsd::STRING.as_str().trim_end_matches("string").to_owned(),
            ),
            ("owl", OWL.to_owned()),
            ("skos", SKOS.to_owned()),
            ("prov", PROV.to_owned()),
            ("wd", WIKIDATA.to_owned()),
        ]
    }

    fn iri(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}", self.base))
    }

    fn ng(&self, local: &str) -> NamedNode {
        self.iri(&format!("ontology#{local}"))
    }

    fn entity(&self, id: &EntityId) -> NamedNode {
        self.iri(&format!("entity/{}", encode(id.as_str())))
    }

    fn article(&self, doc: &DocId) -> NamedNode {
        self.iri(&format!("article/{}", encode(doc.as_str())))
    }

    fn event_name(key: &RelationKey) -> String {
        format!(
            "{}_{}_{}",
            encode(key.source().as_str()),
            key.kind().as_str(),
            encode(key.target().as_str())
        )
    }

    fn event(&self, key: &RelationKey) -> NamedNode {
        self.iri(&format!("event/{}", Self::event_name(key)))
    }

    fn evidence(&self, key: &RelationKey, e: &Evidence) -> NamedNode {
        self.iri(&format!(
            "evidence/{}_{}_{}_{}-{}_{}",
            Self::event_name(key),
            encode(e.doc.as_str()),
            e.sentence,
            e.trigger_span.start,
            e.trigger_span.end,
            encode(&e.rule)
        ))
    }

    /// Every quad of the graph, sorted, without duplicates.
    fn quads(&self, graph: &KnowledgeGraph) -> Vec<Quad> {
        let mut out = Quads::default();
        self.describe_kinds(graph, &mut out);
        self.describe_entities(graph, &mut out);
        self.describe_articles(graph, &mut out);
        for relation in graph.relations() {
            self.describe_relation(relation, &mut out);
        }
        out.finish()
    }

    /// The relation kinds used, as properties, with their PLOVER and CAMEO concepts.
    fn describe_kinds(&self, graph: &KnowledgeGraph, out: &mut Quads) {
        let kinds: std::collections::BTreeSet<_> = graph.relations().map(|r| r.kind()).collect();
        let skos_concept = NamedNode::new_unchecked(format!("{SKOS}Concept"));
        let skos_scheme = NamedNode::new_unchecked(format!("{SKOS}ConceptScheme"));
        let notation = NamedNode::new_unchecked(format!("{SKOS}notation"));
        let in_scheme = NamedNode::new_unchecked(format!("{SKOS}inScheme"));
        let g = GraphName::DefaultGraph;
        let plover_scheme = self.iri("plover");
        let cameo_scheme = self.iri("cameo");
        if kinds.iter().any(|k| k.plover().is_some()) {
            out.add(
                &plover_scheme,
                rdf::TYPE.into_owned(),
                skos_scheme.clone(),
                &g,
            );
            out.add(&plover_scheme, rdfs::LABEL.into_owned(), text("PLOVER"), &g);
            out.add(&cameo_scheme, rdf::TYPE.into_owned(), skos_scheme, &g);
            out.add(&cameo_scheme, rdfs::LABEL.into_owned(), text("CAMEO"), &g);
        }
        for kind in kinds {
            let property = self.ng(kind.as_str());
            let class = if kind.is_symmetric() {
                "SymmetricProperty"
            } else {
                "ObjectProperty"
            };
            let owl_class = NamedNode::new_unchecked(format!("{OWL}{class}"));
            out.add(&property, rdf::TYPE.into_owned(), owl_class, &g);
            out.add(&property, rdfs::LABEL.into_owned(), text(kind.as_str()), &g);
            if let Some(plover) = kind.plover() {
                let concept = self.iri(&format!("plover/{}", plover.as_str()));
                out.add(&property, self.ng("plover"), concept.clone(), &g);
                out.add(&concept, rdf::TYPE.into_owned(), skos_concept.clone(), &g);
                out.add(&concept, notation.clone(), text(plover.as_str()), &g);
                out.add(&concept, in_scheme.clone(), plover_scheme.clone(), &g);
            }
            if let Some(cameo) = kind.cameo() {
                let concept = self.iri(&format!("cameo/{cameo}"));
                out.add(&property, self.ng("cameo"), concept.clone(), &g);
                out.add(&concept, rdf::TYPE.into_owned(), skos_concept.clone(), &g);
                out.add(&concept, notation.clone(), text(cameo), &g);
                out.add(&concept, in_scheme.clone(), cameo_scheme.clone(), &g);
            }
        }
    }

    fn describe_entities(&self, graph: &KnowledgeGraph, out: &mut Quads) {
        let g = GraphName::DefaultGraph;
        let alt_label = NamedNode::new_unchecked(format!("{SKOS}altLabel"));
        let same_as = NamedNode::new_unchecked(format!("{OWL}sameAs"));
        for entity in graph.entities() {
            let s = self.entity(&entity.id);
            let class = match entity.kind {
                EntityKind::Country => "Country",
                EntityKind::Organization => "Organization",
                EntityKind::ArmedGroup => "ArmedGroup",
                EntityKind::Person => "Person",
            };
            out.add(&s, rdf::TYPE.into_owned(), self.ng(class), &g);
            out.add(&s, self.ng("id"), text(entity.id.as_str()), &g);
            out.add(&s, rdfs::LABEL.into_owned(), text(&entity.name), &g);
            for alias in &entity.aliases {
                out.add(&s, alt_label.clone(), text(alias), &g);
            }
            if let Some(country) = entity.country.as_ref().filter(|c| **c != entity.id) {
                out.add(&s, self.ng("country"), self.entity(country), &g);
            }
            if let Some(sector) = &entity.sector {
                out.add(&s, self.ng("sector"), text(sector), &g);
            }
            if let Some(org_type) = entity.org_type {
                out.add(&s, self.ng("orgType"), text(org_type.as_str()), &g);
            }
            out.add(&s, self.ng("mentions"), integer(entity.mentions), &g);
            if let Some(q) = &entity.wikidata {
                let item = NamedNode::new_unchecked(format!("{WIKIDATA}{}", encode(q)));
                out.add(&s, same_as.clone(), item, &g);
            }
            if graph.is_unresolved(&entity.id) {
                out.add(&s, self.ng("unresolved"), boolean(true), &g);
            }
        }
    }

    fn describe_articles(&self, graph: &KnowledgeGraph, out: &mut Quads) {
        let g = GraphName::DefaultGraph;
        for article in graph.articles() {
            let s = self.article(&article.id);
            out.add(&s, rdf::TYPE.into_owned(), self.ng("Article"), &g);
            out.add(&s, self.ng("id"), text(article.id.as_str()), &g);
            if let Some(date) = article.published {
                out.add(&s, self.ng("published"), date_literal(date), &g);
            }
            if let Some(url) = &article.source_url {
                let url = Literal::new_typed_literal(url, xsd::ANY_URI);
                out.add(&s, self.ng("sourceUrl"), url, &g);
            }
        }
    }

    fn describe_relation(&self, relation: &Relation, out: &mut Quads) {
        let g = GraphName::DefaultGraph;
        let key = relation.key();
        let event = self.event(key);
        let kind = relation.kind();
        let derived_from = NamedNode::new_unchecked(format!("{PROV}wasDerivedFrom"));
        out.add(&event, rdf::TYPE.into_owned(), self.ng("Event"), &g);
        out.add(&event, self.ng("kind"), self.ng(kind.as_str()), &g);
        out.add(&event, self.ng("actor"), self.entity(key.source()), &g);
        out.add(&event, self.ng("target"), self.entity(key.target()), &g);
        out.add(
            &event,
            self.ng("symmetric"),
            boolean(kind.is_symmetric()),
            &g,
        );
        if let Some(plover) = kind.plover() {
            let concept = self.iri(&format!("plover/{}", plover.as_str()));
            out.add(&event, self.ng("plover"), concept, &g);
        }
        if let Some(cameo) = kind.cameo() {
            out.add(
                &event,
                self.ng("cameo"),
                self.iri(&format!("cameo/{cameo}")),
                &g,
            );
        }
        if let Some(date) = relation.first_date() {
            out.add(&event, self.ng("firstDate"), date_literal(date), &g);
        }
        if let Some(date) = relation.last_date() {
            out.add(&event, self.ng("lastDate"), date_literal(date), &g);
        }
        out.add(
            &event,
            self.ng("mentions"),
            integer(relation.mentions()),
            &g,
        );
        out.add(&event, self.ng("sources"), integer(relation.sources()), &g);
        out.add(
            &event,
            self.ng("modality"),
            text(relation.modality().as_str()),
            &g,
        );
        out.add(
            &event,
            self.ng("confidence"),
            decimal(relation.confidence()),
            &g,
        );
        out.add(
            &event,
            self.ng("current"),
            boolean(relation.is_current()),
            &g,
        );
        if let Some(ender) = relation.ended_by() {
            out.add(&event, self.ng("endedBy"), self.event(ender), &g);
        }
        for doc in relation.documents() {
            out.add(&event, derived_from.clone(), self.article(doc), &g);
        }
        let property = self.ng(kind.as_str());
        let source = self.entity(key.source());
        let target = self.entity(key.target());
        for e in relation.evidence() {
            let article = self.article(&e.doc);
            let ag = GraphName::NamedNode(article.clone());
            if e.modality == Modality::Asserted {
                out.add(&source, property.clone(), target.clone(), &ag);
                if kind.is_symmetric() {
                    out.add(&target, property.clone(), source.clone(), &ag);
                }
            }
            let node = self.evidence(key, e);
            out.add(&event, self.ng("evidence"), node.clone(), &ag);
            out.add(&node, rdf::TYPE.into_owned(), self.ng("Evidence"), &ag);
            out.add(&node, derived_from.clone(), article, &ag);
            out.add(&node, self.ng("sentenceIndex"), integer(e.sentence), &ag);
            out.add(&node, self.ng("sentence"), text(&e.sentence_text), &ag);
            if !e.sentence_span.is_empty() {
                let span = e.sentence_span;
                out.add(&node, self.ng("sentenceStart"), integer(span.start), &ag);
                out.add(&node, self.ng("sentenceEnd"), integer(span.end), &ag);
            }
            for (name, span) in [
                ("trigger", e.trigger_span),
                ("source", e.source_span),
                ("target", e.target_span),
            ] {
                if let Some((start, end)) = char_offsets(e, span) {
                    out.add(&node, self.ng(&format!("{name}Start")), integer(start), &ag);
                    out.add(&node, self.ng(&format!("{name}End")), integer(end), &ag);
                }
            }
            if !e.trigger.is_empty() {
                out.add(&node, self.ng("trigger"), text(&e.trigger), &ag);
            }
            if !e.rule.is_empty() {
                out.add(&node, self.ng("rule"), text(&e.rule), &ag);
            }
            out.add(&node, self.ng("modality"), text(e.modality.as_str()), &ag);
            out.add(&node, self.ng("confidence"), decimal(e.confidence), &ag);
            if let Some(date) = e.date {
                out.add(&node, self.ng("date"), date_literal(date), &ag);
            }
            if let Some(speaker) = &e.speaker {
                out.add(&node, self.ng("speaker"), self.entity(speaker), &ag);
            }
            if let Some(person) = &e.source_person {
                out.add(&node, self.ng("sourcePerson"), self.entity(person), &ag);
            }
            if let Some(sector) = &e.source_sector {
                out.add(&node, self.ng("sourceSector"), text(sector), &ag);
            }
        }
    }
}

/// A growing list of quads.
#[derive(Default)]
struct Quads {
    quads: Vec<Quad>,
}

impl Quads {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>, g: &GraphName) {
        self.quads.push(Quad::new(s.clone(), p, o, g.clone()));
    }

    /// Sorted, without duplicates.
    fn finish(self) -> Vec<Quad> {
        let mut keyed: Vec<(SortKey, Quad)> = self
            .quads
            .into_iter()
            .map(|q| {
                let triple = Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone());
                (SortKey::of(&q.graph_name, &triple), q)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        keyed.dedup_by(|a, b| a.0 == b.0);
        keyed.into_iter().map(|(_, q)| q).collect()
    }
}

/// Percent-encodes everything but ASCII letters, digits, `-` and `.`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Character offsets of a span inside the evidence's sentence text, when it lies there.
fn char_offsets(e: &Evidence, span: Span) -> Option<(usize, usize)> {
    if span.is_empty() {
        return None;
    }
    let start = span.start.checked_sub(e.sentence_span.start)?;
    let end = span.end.checked_sub(e.sentence_span.start)?;
    let before = e.sentence_text.get(..start)?;
    let inside = e.sentence_text.get(start..end)?;
    let start = before.chars().count();
    Some((start, start + inside.chars().count()))
}

fn text(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

fn integer(n: impl fmt::Display) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

fn boolean(b: bool) -> Literal {
    Literal::new_typed_literal(if b { "true" } else { "false" }, xsd::BOOLEAN)
}

fn decimal(x: f32) -> Literal {
    let mut s = x.to_string();
    if !s.contains('.') {
        s.push_str(".0");
    }
    Literal::new_typed_literal(s, xsd::DECIMAL)
}

/// A date typed by its precision: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`.
fn date_literal(date: Date) -> Literal {
    let datatype = match date.precision {
        DatePrecision::Day => xsd::DATE,
        DatePrecision::Month => xsd::G_YEAR_MONTH,
        DatePrecision::Year => xsd::G_YEAR,
    };
    Literal::new_typed_literal(date.to_string(), datatype)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_percent_encoded_but_dashes_and_dots() {
        assert_eq!(encode("NER"), "NER");
        assert_eq!(encode("africa-corps"), "africa-corps");
        assert_eq!(encode("a1.txt"), "a1.txt");
        assert_eq!(encode("x/y z_w"), "x%2Fy%20z%5Fw");
        assert_eq!(encode("é"), "%C3%A9");
    }

    #[test]
    fn char_offsets_count_characters_inside_the_sentence() {
        let mut e = Evidence::new(DocId::new("d"), 1, "Le Niger a dénoncé l’accord.");
        e.sentence_span = Span::new(100, 100 + e.sentence_text.len());
        // "dénoncé" starts at byte 11 of the sentence and has 9 bytes, 7 characters.
        assert_eq!(char_offsets(&e, Span::new(111, 120)), Some((11, 18)));
        assert_eq!(char_offsets(&e, Span::new(50, 60)), None);
        assert_eq!(char_offsets(&e, Span::new(112, 113)), None); // splits 'é'
    }

    #[test]
    fn decimals_always_have_a_point() {
        assert_eq!(decimal(1.0).value(), "1.0");
        assert_eq!(decimal(0.9).value(), "0.9");
    }

    #[test]
    fn bad_base_iris_are_refused() {
        assert!(Vocabulary::new(&RdfOptions::with_base_iri("https://x.org/kg#")).is_err());
        assert!(Vocabulary::new(&RdfOptions::with_base_iri("https://x.org/kg")).is_err());
        assert!(Vocabulary::new(&RdfOptions::with_base_iri("https://x.org/kg/")).is_ok());
    }
}
