//! The embedded store: a graph's RDF (see [`crate::export`]) in an in-memory oxigraph
//! store, queried with SPARQL; answers come back as plain values ([`Answer`], [`Rows`],
//! [`Term`]) with a table, CSV and JSON form.
//!
//! Queries see the union of all graphs as their default graph (unless they say `FROM`),
//! so the same query works on a store loaded from Turtle or from N-Quads, and the
//! vocabulary's prefixes (`ng:`, `entity:`, `event:`, `rdfs:`, `skos:`, ... see
//! [`RdfOptions::sparql_prefixes`]) are declared for them.
//!
//! ```
//! use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
//! let mut graph = KnowledgeGraph::new();
//! graph.add_evidence(
//!     RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")),
//!     Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops."),
//! );
//! let store = graph.to_store()?;
//! let answer = store.query("SELECT ?t WHERE { entity:NER ng:expulsion ?t }")?;
//! let rows = answer.rows().ok_or("not rows")?;
//! assert_eq!(rows.get(0, "t").map(|t| t.as_str()), Some("https://newsgraph.example/entity/FRA"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::Path;

use oxigraph::io::RdfParser;
use oxigraph::model::{GraphName, GraphNameRef, NamedOrBlankNode, Quad, Term as OxTerm};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::export::{RdfFormat, RdfOptions, Vocabulary, article_graphs, dataset_quads};
use crate::graph::KnowledgeGraph;
use crate::model::EntityId;

/// An in-memory RDF store holding one or more graphs, queried with SPARQL.
///
/// ```
/// use newsgraph::GraphStore;
/// let store = GraphStore::new()?;
/// assert!(store.is_empty()?);
/// assert_eq!(store.query("ASK { ?s ?p ?o }")?.boolean(), Some(false));
/// # Ok::<(), newsgraph::Error>(())
/// ```
pub struct GraphStore {
    store: Store,
    options: RdfOptions,
    prefixes: Vec<(&'static str, String)>,
}

impl fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GraphStore")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl KnowledgeGraph {
    /// The graph loaded into a new in-memory store, with the default vocabulary.
    ///
    /// ```
    /// use newsgraph::KnowledgeGraph;
    /// assert!(KnowledgeGraph::new().to_store()?.is_empty()?);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn to_store(&self) -> Result<GraphStore> {
        GraphStore::from_graph(self, &RdfOptions::default())
    }
}

impl GraphStore {
    /// An empty store using the default vocabulary.
    pub fn new() -> Result<Self> {
        Self::with_options(&RdfOptions::default())
    }

    /// An empty store whose queries get the prefixes of this vocabulary.
    ///
    /// ```
    /// use newsgraph::export::RdfOptions;
    /// use newsgraph::GraphStore;
    /// assert!(GraphStore::with_options(&RdfOptions::with_base_iri("https://example.org/kg/")).is_ok());
    /// assert!(GraphStore::with_options(&RdfOptions::with_base_iri("nope")).is_err());
    /// ```
    pub fn with_options(options: &RdfOptions) -> Result<Self> {
        let prefixes = Vocabulary::new(options)?.prefixes();
        let store = Store::new().map_err(|e| rdf_error("cannot create the store", e))?;
        Ok(GraphStore {
            store,
            options: options.clone(),
            prefixes,
        })
    }

    /// Opens (or creates) an on-disk store in a folder: what is added is kept there, and
    /// later runs see it. Needs the `rocksdb` feature (RocksDB, a C++ build).
    ///
    /// ```
    /// use newsgraph::export::RdfOptions;
    /// use newsgraph::GraphStore;
    /// let dir = std::env::temp_dir().join(format!("newsgraph-open-{}", std::process::id()));
    /// {
    ///     let store = GraphStore::open(&dir, &RdfOptions::default())?;
    ///     store.load_reader(newsgraph::RdfFormat::NTriples, "<http://a> <http://b> <http://c> .".as_bytes())?;
    /// }
    /// assert_eq!(GraphStore::open_read_only(&dir, &RdfOptions::default())?.len()?, 1);
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    #[cfg(feature = "rocksdb")]
    pub fn open(path: impl AsRef<Path>, options: &RdfOptions) -> Result<Self> {
        let path = path.as_ref();
        let store = Store::open(path)
            .map_err(|e| Error::Rdf(format!("cannot open the store in {}: {e}", path.display())))?;
        Self::over(store, options)
    }

    /// Opens an existing on-disk store for reading only (several readers may share it).
    /// A folder that holds no store is [`Error::Invalid`]. Needs the `rocksdb` feature.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: impl AsRef<Path>, options: &RdfOptions) -> Result<Self> {
        let path = path.as_ref();
        if !path.join("CURRENT").is_file() {
            return Err(Error::Invalid(format!(
                "{}: expected a store folder made by `newsgraph build --store`, found {}",
                path.display(),
                if path.is_dir() {
                    "a folder without one"
                } else {
                    "nothing"
                }
            )));
        }
        let store = Store::open_read_only(path)
            .map_err(|e| Error::Rdf(format!("cannot open the store in {}: {e}", path.display())))?;
        Self::over(store, options)
    }

    #[cfg(feature = "rocksdb")]
    fn over(store: Store, options: &RdfOptions) -> Result<Self> {
        let prefixes = Vocabulary::new(options)?.prefixes();
        Ok(GraphStore {
            store,
            options: options.clone(),
            prefixes,
        })
    }

    /// A new store holding a graph.
    ///
    /// ```
    /// use newsgraph::export::RdfOptions;
    /// use newsgraph::{GraphStore, KnowledgeGraph};
    /// let store = GraphStore::from_graph(&KnowledgeGraph::new(), &RdfOptions::default())?;
    /// assert_eq!(store.len()?, 0);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn from_graph(graph: &KnowledgeGraph, options: &RdfOptions) -> Result<Self> {
        let store = Self::with_options(options)?;
        store.load_graph(graph)?;
        Ok(store)
    }

    /// Adds a graph (in one transaction), with the store's vocabulary.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, GraphStore, KnowledgeGraph, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")), Evidence::new(DocId::new("a1"), 0, "…"));
    /// let store = GraphStore::new()?;
    /// store.load_graph(&graph)?;
    /// store.load_graph(&graph)?; // the same quads again: nothing new
    /// assert_eq!(store.query("ASK { entity:NER ng:expulsion entity:FRA }")?.boolean(), Some(true));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn load_graph(&self, graph: &KnowledgeGraph) -> Result<()> {
        let quads = dataset_quads(graph, &self.options)?;
        self.store
            .extend(quads)
            .map_err(|e| rdf_error("cannot load the graph into the store", e))
    }

    /// Adds a graph, replacing what the store held about the same articles and
    /// subjects, in one transaction: each article's graph is emptied before its evidence
    /// goes in, and in the default graph every entity, article, event and relation kind
    /// the graph describes loses its old description first. Adding the same articles
    /// twice gives the same store; adding other articles keeps the ones already there.
    /// An event or entity described by both keeps the latest counts and sources only
    /// (merge the articles into one graph first for exact counts).
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, GraphStore, KnowledgeGraph, RelationKey, RelationKind};
    /// let key = RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA"));
    /// let mut one = KnowledgeGraph::new();
    /// one.add_evidence(key.clone(), Evidence::new(DocId::new("a1"), 0, "first version"));
    /// let store = GraphStore::new()?;
    /// store.replace_graph(&one)?;
    /// let len = store.len()?;
    /// store.replace_graph(&one)?;
    /// assert_eq!(store.len()?, len); // idempotent
    /// let mut edited = KnowledgeGraph::new();
    /// edited.add_evidence(key, Evidence::new(DocId::new("a1"), 0, "second version"));
    /// store.replace_graph(&edited)?;
    /// assert_eq!(store.query("ASK { ?e ng:sentence \"first version\" }")?.boolean(), Some(false));
    /// assert_eq!(store.query("ASK { ?e ng:sentence \"second version\" }")?.boolean(), Some(true));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn replace_graph(&self, graph: &KnowledgeGraph) -> Result<()> {
        let quads = dataset_quads(graph, &self.options)?;
        let mut subjects: Vec<&NamedOrBlankNode> = quads
            .iter()
            .filter(|q| q.graph_name.is_default_graph())
            .map(|q| &q.subject)
            .collect();
        subjects.dedup(); // sorted by subject within the default graph
        let failed = |e| rdf_error("cannot replace the graph in the store", e);
        let mut transaction = self.store.start_transaction().map_err(failed)?;
        for article in article_graphs(graph, &self.options)? {
            transaction.clear_graph(&article).map_err(failed)?;
        }
        for subject in subjects {
            let old: Vec<Quad> = transaction
                .quads_for_pattern(
                    Some(subject.as_ref()),
                    None,
                    None,
                    Some(GraphNameRef::DefaultGraph),
                )
                .collect::<std::result::Result<_, _>>()
                .map_err(failed)?;
            for quad in &old {
                transaction.remove(quad);
            }
        }
        transaction.extend(&quads);
        transaction.commit().map_err(failed)
    }

    /// The names of the graphs that hold something, sorted (the default graph is not
    /// named).
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")), Evidence::new(DocId::new("a1"), 0, "…"));
    /// assert_eq!(graph.to_store()?.named_graphs()?, ["https://newsgraph.example/article/a1"]);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn named_graphs(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for name in self.store.named_graphs() {
            let name = name.map_err(|e| rdf_error("cannot list the graphs", e))?;
            let graph = GraphName::from(name.clone());
            let mut quads = self
                .store
                .quads_for_pattern(None, None, None, Some(graph.as_ref()));
            if quads.next().is_some() {
                names.push(match name {
                    NamedOrBlankNode::NamedNode(n) => n.into_string(),
                    other => other.to_string(),
                });
            }
        }
        names.sort();
        Ok(names)
    }

    /// Adds an RDF file, its format told by its extension (see
    /// [`RdfFormat::from_path`]); a graph format goes to the default graph.
    pub fn load_file(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let format = RdfFormat::from_path(path).ok_or_else(|| {
            Error::Invalid(format!(
                "{}: expected an RDF file extension (ttl, nt, nq, trig, rdf, jsonld)",
                path.display()
            ))
        })?;
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        self.load(format, BufReader::new(file), &path.display().to_string())
    }

    /// Adds RDF read from a reader; a graph format goes to the default graph.
    ///
    /// ```
    /// use newsgraph::export::RdfFormat;
    /// use newsgraph::GraphStore;
    /// let store = GraphStore::new()?;
    /// store.load_reader(RdfFormat::Turtle, "<http://a> <http://b> <http://c> .".as_bytes())?;
    /// assert_eq!(store.len()?, 1);
    /// assert!(store.load_reader(RdfFormat::Turtle, "<http://a> oops".as_bytes()).is_err());
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn load_reader(&self, format: RdfFormat, reader: impl Read) -> Result<()> {
        self.load(format, reader, "input")
    }

    fn load(&self, format: RdfFormat, reader: impl Read, what: &str) -> Result<()> {
        let parser = RdfParser::from_format(format.to_oxigraph());
        self.store
            .load_from_reader(parser, reader)
            .map_err(|e| Error::Rdf(format!("cannot load {what} as {format}: {e}")))
    }

    /// Number of quads held.
    pub fn len(&self) -> Result<usize> {
        self.store
            .len()
            .map_err(|e| rdf_error("cannot count the quads", e))
    }

    /// True when the store holds nothing.
    pub fn is_empty(&self) -> Result<bool> {
        self.store
            .is_empty()
            .map_err(|e| rdf_error("cannot read the store", e))
    }

    /// Runs a SPARQL query: `SELECT` gives rows, `ASK` a boolean, `CONSTRUCT` and
    /// `DESCRIBE` rows of `subject`, `predicate`, `object`. A query that does not parse
    /// is [`Error::Invalid`]; one that fails while running is [`Error::Rdf`].
    ///
    /// ```
    /// use newsgraph::GraphStore;
    /// let store = GraphStore::new()?;
    /// let answer = store.query("SELECT ?x WHERE { VALUES ?x { 1 2 } }")?;
    /// assert_eq!(answer.rows().map(|r| r.len()), Some(2));
    /// assert!(matches!(store.query("SELECT WHERE"), Err(newsgraph::Error::Invalid(_))));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn query(&self, sparql: &str) -> Result<Answer> {
        let mut evaluator = SparqlEvaluator::new();
        for (name, iri) in &self.prefixes {
            evaluator = evaluator
                .with_prefix(*name, iri.as_str())
                .map_err(|e| rdf_error("bad prefix IRI", e))?;
        }
        let mut prepared = evaluator
            .parse_query(sparql)
            .map_err(|e| Error::Invalid(format!("cannot parse the SPARQL query: {e}")))?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        let results = prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| rdf_error("cannot run the SPARQL query", e))?;
        match results {
            QueryResults::Solutions(solutions) => {
                let variables: Vec<String> = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_owned())
                    .collect();
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution =
                        solution.map_err(|e| rdf_error("cannot run the SPARQL query", e))?;
                    rows.push(
                        variables
                            .iter()
                            .map(|v| solution.get(v.as_str()).map(Term::from_oxigraph))
                            .collect(),
                    );
                }
                Ok(Answer::Rows(Rows { variables, rows }))
            }
            QueryResults::Boolean(b) => Ok(Answer::Boolean(b)),
            QueryResults::Graph(triples) => {
                let mut rows = Vec::new();
                for triple in triples {
                    let t = triple.map_err(|e| rdf_error("cannot run the SPARQL query", e))?;
                    rows.push(vec![
                        Some(Term::from_oxigraph(&t.subject.into())),
                        Some(Term::Iri(t.predicate.into_string())),
                        Some(Term::from_oxigraph(&t.object)),
                    ]);
                }
                let variables = ["subject", "predicate", "object"]
                    .map(String::from)
                    .to_vec();
                Ok(Answer::Rows(Rows { variables, rows }))
            }
        }
    }

    /// Asks a ready-made question.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, Question, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")), Evidence::new(DocId::new("a1"), 0, "…"));
    /// let rows = graph.to_store()?.ask(&Question::WhoExpelledWhom)?;
    /// assert_eq!(rows.get(0, "source").map(|t| t.as_str()), Some("NER"));
    /// assert_eq!(rows.get(0, "target").map(|t| t.as_str()), Some("FRA"));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn ask(&self, question: &Question) -> Result<Rows> {
        match self.query(&question.sparql_body())? {
            Answer::Rows(rows) => Ok(rows),
            Answer::Boolean(_) => Err(Error::Rdf("expected rows, found a boolean".into())),
        }
    }
}

/// Loads an RDF file (format by extension) into a new store, with the default
/// vocabulary's prefixes, and runs a query: `newsgraph query FILE SPARQL`.
///
/// ```
/// use newsgraph::export::{RdfFormat, RdfOptions};
/// use newsgraph::{store, DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")), Evidence::new(DocId::new("a1"), 0, "…"));
/// let dir = std::env::temp_dir().join(format!("newsgraph-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).map_err(|e| newsgraph::Error::io(&dir, e))?;
/// let path = dir.join("graph.nq");
/// let file = std::fs::File::create(&path).map_err(|e| newsgraph::Error::io(&path, e))?;
/// graph.write_rdf(RdfFormat::NQuads, file, &RdfOptions::default())?;
/// let answer = store::query_file(&path, "ASK { entity:NER ng:expulsion entity:FRA }")?;
/// assert_eq!(answer.boolean(), Some(true));
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), newsgraph::Error>(())
/// ```
pub fn query_file(path: impl AsRef<Path>, sparql: &str) -> Result<Answer> {
    let store = GraphStore::new()?;
    store.load_file(path)?;
    store.query(sparql)
}

/// A ready-made question (see [`GraphStore::ask`]).
///
/// ```
/// use newsgraph::export::RdfOptions;
/// use newsgraph::{EntityId, Question};
/// let q = Question::AlliesOf(EntityId::new("NER"));
/// let sparql = q.sparql(&RdfOptions::default())?;
/// assert!(sparql.starts_with("PREFIX ng: <https://newsgraph.example/ontology#>"));
/// assert!(sparql.contains("\"NER\""));
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Question {
    /// Every asserted expulsion: `source`, `target`, `date` (first seen), `articles`
    /// (number of distinct articles); ordered by source and target.
    WhoExpelledWhom,
    /// Every asserted ending of an agreement: `source`, `target`, `date` (last seen),
    /// `signed` (when the agreement it ended was first seen signed, if known); ordered
    /// by source and target.
    EndedAgreements,
    /// The current allies of an entity, asserted as an alliance, a signed agreement or
    /// military cooperation: `ally`, `name`, `kind`, `since` (first seen); ordered by
    /// ally and kind.
    AlliesOf(EntityId),
}

impl Question {
    /// The query, with the `PREFIX` lines of a vocabulary, to run on any SPARQL store
    /// whose default graph holds (or is the union of) the export.
    pub fn sparql(&self, options: &RdfOptions) -> Result<String> {
        Ok(format!(
            "{}{}",
            options.sparql_prefixes()?,
            self.sparql_body()
        ))
    }

    /// The query without `PREFIX` lines.
    fn sparql_body(&self) -> String {
        match self {
            Question::WhoExpelledWhom => "SELECT DISTINCT ?source ?target ?date ?articles WHERE {
  ?event ng:kind ng:expulsion ; ng:actor ?s ; ng:target ?t ;
         ng:modality \"asserted\" ; ng:sources ?articles .
  ?s ng:id ?source .
  ?t ng:id ?target .
  OPTIONAL { ?event ng:firstDate ?date }
}
ORDER BY ?source ?target
"
            .to_owned(),
            Question::EndedAgreements => "SELECT DISTINCT ?source ?target ?date ?signed WHERE {
  ?event ng:kind ng:agreement_ended ; ng:actor ?s ; ng:target ?t ;
         ng:modality \"asserted\" .
  ?s ng:id ?source .
  ?t ng:id ?target .
  OPTIONAL { ?event ng:lastDate ?date }
  OPTIONAL { ?agreement ng:endedBy ?event ; ng:firstDate ?signed }
}
ORDER BY ?source ?target
"
            .to_owned(),
            Question::AlliesOf(id) => format!(
                "SELECT DISTINCT ?ally ?name ?kind ?since WHERE {{
  VALUES ?property {{ ng:alliance ng:agreement_signed ng:military_cooperation }}
  ?x ng:id {} .
  ?event ng:kind ?property ; ng:current true ; ng:modality \"asserted\" .
  {{ ?event ng:actor ?x ; ng:target ?a }} UNION {{ ?event ng:target ?x ; ng:actor ?a }}
  ?a ng:id ?ally .
  OPTIONAL {{ ?a rdfs:label ?name }}
  ?property rdfs:label ?kind .
  OPTIONAL {{ ?event ng:firstDate ?since }}
}}
ORDER BY ?ally ?kind
",
                sparql_string(id.as_str())
            ),
        }
    }
}

/// A SPARQL string literal.
fn sparql_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn rdf_error(context: &str, e: impl fmt::Display) -> Error {
    Error::Rdf(format!("{context}: {e}"))
}

/// An RDF term in an answer.
///
/// ```
/// use newsgraph::store::Term;
/// let t = Term::Literal { value: "2024-03-16".into(), datatype: "http://www.w3.org/2001/XMLSchema#date".into(), language: None };
/// assert_eq!(t.as_str(), "2024-03-16");
/// assert_eq!(t.to_string(), "\"2024-03-16\"^^<http://www.w3.org/2001/XMLSchema#date>");
/// assert_eq!(Term::Iri("http://a".into()).to_string(), "<http://a>");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Term {
    /// An IRI.
    Iri(String),
    /// A blank node, by its id.
    BlankNode(String),
    /// A literal.
    Literal {
        /// Lexical form.
        value: String,
        /// Datatype IRI (`xsd:string` for a plain string, `rdf:langString` with a
        /// language).
        datatype: String,
        /// Language tag.
        language: Option<String>,
    },
}

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

impl Term {
    /// The IRI, the blank node id, or the literal's lexical form.
    pub fn as_str(&self) -> &str {
        match self {
            Term::Iri(s) | Term::BlankNode(s) => s,
            Term::Literal { value, .. } => value,
        }
    }

    #[allow(unreachable_patterns)] // triple terms exist only with oxigraph's `rdf-12`
    fn from_oxigraph(term: &OxTerm) -> Self {
        match term {
            OxTerm::NamedNode(n) => Term::Iri(n.as_str().to_owned()),
            OxTerm::BlankNode(b) => Term::BlankNode(b.as_str().to_owned()),
            OxTerm::Literal(l) => Term::Literal {
                value: l.value().to_owned(),
                datatype: l.datatype().as_str().to_owned(),
                language: l.language().map(str::to_owned),
            },
            other => Term::Literal {
                value: other.to_string(),
                datatype: XSD_STRING.to_owned(),
                language: None,
            },
        }
    }

    /// The SPARQL 1.1 JSON results form of the term.
    fn to_json(&self) -> JsonTerm<'_> {
        match self {
            Term::Iri(iri) => JsonTerm::new("uri", iri),
            Term::BlankNode(id) => JsonTerm::new("bnode", id),
            Term::Literal {
                value,
                datatype,
                language,
            } => JsonTerm {
                language: language.as_deref(),
                datatype: (language.is_none() && datatype != XSD_STRING)
                    .then_some(datatype.as_str()),
                ..JsonTerm::new("literal", value)
            },
        }
    }

    /// The SPARQL 1.1 CSV results form of the term.
    fn to_csv(&self) -> String {
        match self {
            Term::BlankNode(id) => format!("_:{id}"),
            other => other.as_str().to_owned(),
        }
    }
}

impl fmt::Display for Term {
    /// N-Triples form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Iri(iri) => write!(f, "<{iri}>"),
            Term::BlankNode(id) => write!(f, "_:{id}"),
            Term::Literal {
                value,
                datatype,
                language,
            } => {
                write!(f, "{value:?}")?;
                match language {
                    Some(language) => write!(f, "@{language}"),
                    None if datatype == XSD_STRING || datatype == RDF_LANG_STRING => Ok(()),
                    None => write!(f, "^^<{datatype}>"),
                }
            }
        }
    }
}

/// The rows of a `SELECT` answer: variable names and, per row, one optional term per
/// variable. [`Display`](fmt::Display) draws a table.
///
/// ```
/// use newsgraph::GraphStore;
/// let rows = GraphStore::new()?.query("SELECT ?a ?b WHERE { VALUES (?a ?b) { (\"x,y\" UNDEF) } }")?.into_rows().ok_or("no rows")?;
/// assert_eq!(rows.variables, ["a", "b"]);
/// assert_eq!(rows.to_string(), "a   | b\n----+--\nx,y | \n(1 row)\n");
/// let csv = rows.write_csv(Vec::new())?;
/// assert_eq!(csv, b"a,b\r\n\"x,y\",\r\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    /// Variable names, without `?`.
    pub variables: Vec<String>,
    /// One entry per row, one term (or `None` when unbound) per variable.
    pub rows: Vec<Vec<Option<Term>>>,
}

impl Rows {
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The position of a variable.
    pub fn column(&self, variable: &str) -> Option<usize> {
        self.variables.iter().position(|v| v == variable)
    }

    /// The term bound to a variable in a row.
    pub fn get(&self, row: usize, variable: &str) -> Option<&Term> {
        let column = self.column(variable)?;
        self.rows.get(row)?.get(column)?.as_ref()
    }

    /// The values of one variable down the rows, as strings ([`Term::as_str`]).
    ///
    /// ```
    /// use newsgraph::GraphStore;
    /// let rows = GraphStore::new()?.query("SELECT ?x WHERE { VALUES ?x { 1 2 } }")?.into_rows().ok_or("no rows")?;
    /// assert_eq!(rows.column_strings("x"), [Some("1"), Some("2")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column_strings(&self, variable: &str) -> Vec<Option<&str>> {
        (0..self.len())
            .map(|i| self.get(i, variable).map(Term::as_str))
            .collect()
    }

    /// Writes SPARQL 1.1 CSV results (lines end with CRLF) and gives the writer back.
    pub fn write_csv<W: Write>(&self, mut writer: W) -> Result<W> {
        let mut out = String::new();
        push_csv_line(&mut out, self.variables.iter().map(String::as_str));
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|t| t.as_ref().map(Term::to_csv).unwrap_or_default())
                .collect();
            push_csv_line(&mut out, cells.iter().map(String::as_str));
        }
        writer
            .write_all(out.as_bytes())
            .map_err(|e| Error::io("<output>", e))?;
        Ok(writer)
    }

    /// Writes SPARQL 1.1 JSON results and gives the writer back.
    ///
    /// ```
    /// use newsgraph::GraphStore;
    /// let rows = GraphStore::new()?.query("SELECT ?x WHERE { VALUES ?x { <http://a> } }")?.into_rows().ok_or("no rows")?;
    /// let json = String::from_utf8(rows.write_json(Vec::new())?)?;
    /// assert_eq!(json, r#"{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"uri","value":"http://a"}}]}}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_json<W: Write>(&self, mut writer: W) -> Result<W> {
        let bindings: Vec<BTreeMap<&str, JsonTerm<'_>>> = self
            .rows
            .iter()
            .map(|row| {
                self.variables
                    .iter()
                    .zip(row)
                    .filter_map(|(v, t)| Some((v.as_str(), t.as_ref()?.to_json())))
                    .collect()
            })
            .collect();
        let document = JsonResults {
            head: JsonHead {
                vars: Some(&self.variables),
            },
            results: Some(JsonBindings { bindings }),
            boolean: None,
        };
        serde_json::to_writer(&mut writer, &document).map_err(|e| Error::Json(e.to_string()))?;
        Ok(writer)
    }
}

/// SPARQL 1.1 JSON results, fields in the order of the specification's examples.
#[derive(Serialize)]
struct JsonResults<'a> {
    head: JsonHead<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    results: Option<JsonBindings<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    boolean: Option<bool>,
}

#[derive(Serialize)]
struct JsonHead<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    vars: Option<&'a [String]>,
}

#[derive(Serialize)]
struct JsonBindings<'a> {
    bindings: Vec<BTreeMap<&'a str, JsonTerm<'a>>>,
}

#[derive(Serialize)]
struct JsonTerm<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(rename = "xml:lang", skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    datatype: Option<&'a str>,
}

impl<'a> JsonTerm<'a> {
    fn new(kind: &'static str, value: &'a str) -> Self {
        JsonTerm {
            kind,
            value,
            language: None,
            datatype: None,
        }
    }
}

fn push_csv_line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

impl fmt::Display for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|t| {
                        t.as_ref()
                            .map(|t| t.as_str().replace(['\n', '\r'], " "))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        let mut widths: Vec<usize> = self.variables.iter().map(|v| v.chars().count()).collect();
        for row in &cells {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |f: &mut fmt::Formatter<'_>, row: &[String]| -> fmt::Result {
            for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
                if i + 1 == row.len() {
                    write!(f, "{cell}")?;
                } else {
                    write!(f, "{cell:<w$} | ")?;
                }
            }
            writeln!(f)
        };
        line(f, &self.variables)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        writeln!(f, "{}", rule.join("-+-"))?;
        for row in &cells {
            line(f, row)?;
        }
        let n = self.rows.len();
        writeln!(f, "({n} row{})", if n == 1 { "" } else { "s" })
    }
}

/// The answer to a SPARQL query.
///
/// ```
/// use newsgraph::{Answer, GraphStore};
/// let answer = GraphStore::new()?.query("ASK { }")?;
/// assert_eq!(answer, Answer::Boolean(true));
/// assert_eq!(answer.to_string(), "true\n");
/// assert_eq!(answer.write_json(Vec::new())?, br#"{"head":{},"boolean":true}"#);
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Answer {
    /// Rows (`SELECT`, and `CONSTRUCT`/`DESCRIBE` as subject, predicate, object).
    Rows(Rows),
    /// A boolean (`ASK`).
    Boolean(bool),
}

impl Answer {
    /// The rows, for a `SELECT`, `CONSTRUCT` or `DESCRIBE` answer.
    pub fn rows(&self) -> Option<&Rows> {
        match self {
            Answer::Rows(rows) => Some(rows),
            Answer::Boolean(_) => None,
        }
    }

    /// The rows, by value.
    pub fn into_rows(self) -> Option<Rows> {
        match self {
            Answer::Rows(rows) => Some(rows),
            Answer::Boolean(_) => None,
        }
    }

    /// The boolean, for an `ASK` answer.
    pub fn boolean(&self) -> Option<bool> {
        match self {
            Answer::Boolean(b) => Some(*b),
            Answer::Rows(_) => None,
        }
    }

    /// Writes SPARQL 1.1 CSV results (an `ASK` answer as `true` or `false` on one
    /// line) and gives the writer back.
    pub fn write_csv<W: Write>(&self, mut writer: W) -> Result<W> {
        match self {
            Answer::Rows(rows) => rows.write_csv(writer),
            Answer::Boolean(b) => {
                writer
                    .write_all(if *b { b"true\r\n" } else { b"false\r\n" })
                    .map_err(|e| Error::io("<output>", e))?;
                Ok(writer)
            }
        }
    }

    /// Writes SPARQL 1.1 JSON results and gives the writer back.
    pub fn write_json<W: Write>(&self, mut writer: W) -> Result<W> {
        match self {
            Answer::Rows(rows) => rows.write_json(writer),
            Answer::Boolean(b) => {
                let document = JsonResults {
                    head: JsonHead { vars: None },
                    results: None,
                    boolean: Some(*b),
                };
                serde_json::to_writer(&mut writer, &document)
                    .map_err(|e| Error::Json(e.to_string()))?;
                Ok(writer)
            }
        }
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Rows(rows) => rows.fmt(f),
            Answer::Boolean(b) => writeln!(f, "{b}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparql_strings_are_escaped() {
        assert_eq!(sparql_string("a\"b\\c"), r#""a\"b\\c""#);
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let mut out = String::new();
        push_csv_line(&mut out, ["plain", "a,b", "say \"hi\""].into_iter());
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\"\r\n");
    }
}
