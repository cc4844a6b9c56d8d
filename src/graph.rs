//! The knowledge graph: entities and relations merged across documents, each fact with
//! the evidence it came from.
//!
//! A [`KnowledgeGraph`] wraps petgraph's [`StableDiGraph`] of [`Entity`] nodes and
//! [`Relation`] edges, with an index from [`EntityId`] to node and from [`RelationKey`]
//! to edge.
//!
//! # Merge semantics
//!
//! Everything the graph holds is a *join* of what was added, so adding is idempotent and
//! merging is associative and commutative (parallel ingestion is map + reduce):
//!
//! - **Entities** merge by id. Names and aliases accumulate; the canonical name is the
//!   longest name any record gave as canonical (ties: the smallest string); the kind is
//!   the first in [`EntityKind::ALL`] order any record gave; organisation type, country,
//!   sector and Wikidata id are the smallest value given. An entity only referred to by
//!   a relation, never described, is *unresolved*: a placeholder (a country when its id
//!   is a state code, else an organisation, named by its id) that the first real record
//!   replaces.
//! - **Mentions** are counted per article ([`Article::mentions`]); an entity's
//!   [`Entity::mentions`] is their sum, so adding an article twice counts it once.
//! - **Relations** are keyed by (source, kind, target), with the two ends of a symmetric
//!   kind in sorted order (the spans of the evidence swapped with them). Evidence is
//!   keyed by (document, sentence, trigger span, rule); two different items with the
//!   same key (the same article extracted twice by different versions) resolve to the
//!   greater one in a fixed order of all fields.
//! - **Articles** record the documents seen: id, publication date, source URL (the
//!   earliest date and smallest URL when two records of one id disagree).
//!
//! # Current and ended relations
//!
//! A relation of a kind that some other kind ends (see [`RelationKind::ends`]: an
//! agreement signed, an alliance, aid, a deployment) is *ended* when, between the same
//! two entities and in either direction, there is a relation of the ending kind with at
//! least one asserted evidence item dated on or after the relation's last date (or when
//! either has no date at all). A relation re-affirmed after the ending is current again.
//!
//! # Determinism
//!
//! Every iterator and every export is sorted by id (entities, articles) or by key
//! (relations); petgraph's internal index order is not meaningful and equality
//! ([`PartialEq`]) compares the canonical content.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{Read, Write};

/// The petgraph crate, re-exported so that callers of [`KnowledgeGraph::petgraph`] use
/// the same version.
pub use petgraph;
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{
    Assertion, Date, DocId, Entity, EntityId, EntityKind, Extraction, Modality, Plover,
    RelationKind, Span,
};

/// The version of the JSON save format written by [`KnowledgeGraph::to_json`].
const JSON_VERSION: u32 = 1;

/// The identity of a merged relation: source, kind and target.
///
/// For a symmetric kind the two ends are stored in sorted order, so `A talks B` and
/// `B talks A` have the same key.
///
/// ```
/// use newsgraph::{EntityId, RelationKey, RelationKind};
/// let key = RelationKey::new(EntityId::new("RUS"), RelationKind::AgreementSigned, EntityId::new("NER"));
/// assert_eq!(key.source().as_str(), "NER"); // symmetric: sorted
/// assert_eq!(key.to_string(), "NER agreement_signed RUS");
/// let key = RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA"));
/// assert_eq!(key.target().as_str(), "FRA");
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "RawKey")]
pub struct RelationKey {
    source: EntityId,
    kind: RelationKind,
    target: EntityId,
}

#[derive(Deserialize)]
struct RawKey {
    source: EntityId,
    kind: RelationKind,
    target: EntityId,
}

impl From<RawKey> for RelationKey {
    fn from(raw: RawKey) -> Self {
        RelationKey::new(raw.source, raw.kind, raw.target)
    }
}

impl RelationKey {
    /// The key of `source —kind→ target`, ends sorted for a symmetric kind.
    pub fn new(source: EntityId, kind: RelationKind, target: EntityId) -> Self {
        Self::normalized(source, kind, target).0
    }

    /// The key, and whether the ends were swapped to sort them.
    fn normalized(source: EntityId, kind: RelationKind, target: EntityId) -> (Self, bool) {
        if kind.is_symmetric() && target < source {
            (
                RelationKey {
                    source: target,
                    kind,
                    target: source,
                },
                true,
            )
        } else {
            (
                RelationKey {
                    source,
                    kind,
                    target,
                },
                false,
            )
        }
    }

    /// Who acts (the smaller id for a symmetric kind).
    pub fn source(&self) -> &EntityId {
        &self.source
    }

    /// The kind of relation.
    pub fn kind(&self) -> RelationKind {
        self.kind
    }

    /// Who is acted upon (the greater id for a symmetric kind).
    pub fn target(&self) -> &EntityId {
        &self.target
    }

    /// True when `id` is one of the two ends.
    ///
    /// ```
    /// use newsgraph::{EntityId, RelationKey, RelationKind};
    /// let key = RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA"));
    /// assert!(key.involves(&EntityId::new("FRA")));
    /// assert!(!key.involves(&EntityId::new("USA")));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn involves(&self, id: &EntityId) -> bool {
        &self.source == id || &self.target == id
    }

    /// The two ends, smaller id first.
    fn pair(&self) -> (EntityId, EntityId) {
        if self.source <= self.target {
            (self.source.clone(), self.target.clone())
        } else {
            (self.target.clone(), self.source.clone())
        }
    }
}

impl fmt::Display for RelationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.source, self.kind, self.target)
    }
}

/// One piece of evidence for a relation: the sentence of one article that asserted it.
///
/// Spans are byte spans into the original article (see [`Span`]); `source_span` is the
/// mention of the relation's source, also after the ends of a symmetric relation were
/// sorted.
///
/// ```
/// use newsgraph::{DocId, Evidence, Modality, Span};
/// let ev = Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops.")
///     .trigger("expelled", Span::new(6, 14))
///     .modality(Modality::Alleged)
///     .date("2023-08-03".parse()?);
/// assert_eq!(ev.when().map(|d| d.to_string()).as_deref(), Some("2023-08-03"));
/// assert_eq!(ev.trigger, "expelled");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The article.
    pub doc: DocId,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// The sentence as written.
    pub sentence_text: String,
    /// Span of the sentence in the article.
    pub sentence_span: Span,
    /// Span of the source mention.
    pub source_span: Span,
    /// Span of the trigger.
    pub trigger_span: Span,
    /// Span of the target mention.
    pub target_span: Span,
    /// The trigger as written.
    pub trigger: String,
    /// The id of the rule that fired.
    pub rule: String,
    /// How the sentence states it.
    pub modality: Modality,
    /// When it happened, as stated or resolved by the extractor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// When the article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The person the statement is attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<EntityId>,
    /// The person acting for the source, where one was named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_person: Option<EntityId>,
    /// The sector of the acting official or body (`MIL`, `GOV`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sector: Option<String>,
    /// Confidence in 0–1.
    pub confidence: f32,
}

impl Evidence {
    /// Evidence from sentence `sentence` of article `doc`, with empty spans, no trigger,
    /// no rule, no date, asserted, confidence 1.
    pub fn new(doc: DocId, sentence: usize, sentence_text: impl Into<String>) -> Self {
        Evidence {
            doc,
            sentence,
            sentence_text: sentence_text.into(),
            sentence_span: Span::new(0, 0),
            source_span: Span::new(0, 0),
            trigger_span: Span::new(0, 0),
            target_span: Span::new(0, 0),
            trigger: String::new(),
            rule: String::new(),
            modality: Modality::Asserted,
            date: None,
            published: None,
            speaker: None,
            source_person: None,
            source_sector: None,
            confidence: 1.0,
        }
    }

    /// Sets the trigger text and span.
    pub fn trigger(mut self, text: impl Into<String>, span: Span) -> Self {
        self.trigger = text.into();
        self.trigger_span = span;
        self
    }

    /// Sets the rule id.
    pub fn rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = rule.into();
        self
    }

    /// Sets the modality.
    pub fn modality(mut self, modality: Modality) -> Self {
        self.modality = modality;
        self
    }

    /// Sets the date of the event.
    pub fn date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the publication date of the article.
    pub fn published(mut self, date: Date) -> Self {
        self.published = Some(date);
        self
    }

    /// When it happened: the stated date, else the article's publication date.
    ///
    /// ```
    /// use newsgraph::{DocId, Evidence};
    /// let ev = Evidence::new(DocId::new("a1"), 0, "…").published("2024-03-17".parse()?);
    /// assert_eq!(ev.when(), Some("2024-03-17".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn when(&self) -> Option<Date> {
        self.date.or(self.published)
    }

    /// Builds evidence from an assertion of an extraction, swapping the source and
    /// target spans when `swapped`.
    fn from_assertion(a: &Assertion, x: &Extraction, swapped: bool) -> Self {
        let sentence_text = x
            .sentence_texts
            .get(a.sentence)
            .cloned()
            .unwrap_or_default();
        let (source_span, target_span) = if swapped {
            (a.target_span, a.source_span)
        } else {
            (a.source_span, a.target_span)
        };
        Evidence {
            doc: x.doc.clone(),
            sentence: a.sentence,
            sentence_text,
            sentence_span: a.sentence_span,
            source_span,
            trigger_span: a.trigger_span,
            target_span,
            trigger: a.trigger.clone(),
            rule: a.rule.clone(),
            modality: a.modality,
            date: a.date,
            published: x.published,
            speaker: a.speaker.clone(),
            source_person: a.source_person.clone(),
            source_sector: a.source_sector.clone(),
            confidence: a.confidence,
        }
    }

    /// The order of evidence keys: (document, sentence, trigger span, rule).
    fn key_cmp(&self, other: &Evidence) -> Ordering {
        self.doc
            .cmp(&other.doc)
            .then(self.sentence.cmp(&other.sentence))
            .then(self.trigger_span.cmp(&other.trigger_span))
            .then_with(|| self.rule.cmp(&other.rule))
    }

    /// A total order over every field, used to pick one of two items with one key.
    fn full_cmp(&self, other: &Evidence) -> Ordering {
        self.key_cmp(other)
            .then_with(|| self.sentence_text.cmp(&other.sentence_text))
            .then(self.sentence_span.cmp(&other.sentence_span))
            .then(self.source_span.cmp(&other.source_span))
            .then(self.target_span.cmp(&other.target_span))
            .then_with(|| self.trigger.cmp(&other.trigger))
            .then(self.modality.cmp(&other.modality))
            .then(self.date.cmp(&other.date))
            .then(self.published.cmp(&other.published))
            .then_with(|| self.speaker.cmp(&other.speaker))
            .then_with(|| self.source_person.cmp(&other.source_person))
            .then_with(|| self.source_sector.cmp(&other.source_sector))
            .then(self.confidence.total_cmp(&other.confidence))
    }

    /// Makes the confidence a finite number in 0–1 (NaN becomes 0, -0 becomes 0), so
    /// that equality is reflexive.
    fn sanitize(&mut self) {
        let c = self.confidence;
        self.confidence = if c.is_finite() {
            c.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if self.confidence == 0.0 {
            self.confidence = 0.0;
        }
    }
}

/// A merged relation: one edge of the graph, with all its evidence.
///
/// ```
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, Modality, RelationKey, RelationKind};
/// let key = RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA"));
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(key.clone(), Evidence::new(DocId::new("a1"), 0, "Niger expelled France.").date("2023-08-03".parse()?));
/// graph.add_evidence(key.clone(), Evidence::new(DocId::new("a2"), 4, "Niger allegedly expelled France.").modality(Modality::Alleged));
/// let rel = graph.relation(&key).ok_or("no relation")?;
/// assert_eq!((rel.mentions(), rel.sources()), (2, 2));
/// assert_eq!(rel.modality(), Modality::Asserted);
/// assert_eq!(rel.first_date(), Some("2023-08-03".parse()?));
/// assert!(rel.is_current());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    key: RelationKey,
    /// Sorted by evidence key, one item per key.
    evidence: Vec<Evidence>,
    ended_by: Option<RelationKey>,
}

impl Relation {
    /// The relation's key.
    pub fn key(&self) -> &RelationKey {
        &self.key
    }

    /// Who acts (the smaller id for a symmetric kind).
    pub fn source(&self) -> &EntityId {
        &self.key.source
    }

    /// The kind.
    pub fn kind(&self) -> RelationKind {
        self.key.kind
    }

    /// Who is acted upon.
    pub fn target(&self) -> &EntityId {
        &self.key.target
    }

    /// The evidence, sorted by (document, sentence, trigger span, rule).
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    /// Number of evidence items (mentions of the relation).
    pub fn mentions(&self) -> usize {
        self.evidence.len()
    }

    /// The distinct articles with evidence, sorted.
    pub fn documents(&self) -> impl Iterator<Item = &DocId> + '_ {
        let mut last: Option<&DocId> = None;
        self.evidence.iter().filter_map(move |e| {
            if last == Some(&e.doc) {
                None
            } else {
                last = Some(&e.doc);
                Some(&e.doc)
            }
        })
    }

    /// Number of distinct articles with evidence: the corroboration.
    pub fn sources(&self) -> usize {
        self.documents().count()
    }

    /// The earliest date of its evidence (see [`Evidence::when`]).
    pub fn first_date(&self) -> Option<Date> {
        self.evidence.iter().filter_map(Evidence::when).min()
    }

    /// The latest date of its evidence (see [`Evidence::when`]).
    pub fn last_date(&self) -> Option<Date> {
        self.evidence.iter().filter_map(Evidence::when).max()
    }

    /// The overall modality: asserted if any evidence asserts it, else alleged, else
    /// future, else hypothetical, else negated.
    pub fn modality(&self) -> Modality {
        self.evidence
            .iter()
            .map(|e| e.modality)
            .min_by_key(|m| modality_rank(*m))
            .unwrap_or(Modality::Asserted)
    }

    /// The highest confidence of its evidence.
    pub fn confidence(&self) -> f32 {
        self.evidence
            .iter()
            .map(|e| e.confidence)
            .fold(0.0, f32::max)
    }

    /// False when a later relation of an ending kind ended it (see the module docs).
    pub fn is_current(&self) -> bool {
        self.ended_by.is_none()
    }

    /// The relation that ended this one, if any.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let (ner, usa) = (EntityId::new("NER"), EntityId::new("USA"));
    /// let signed = RelationKey::new(usa.clone(), RelationKind::AgreementSigned, ner.clone());
    /// let ended = RelationKey::new(ner, RelationKind::AgreementEnded, usa);
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(signed.clone(), Evidence::new(DocId::new("a1"), 0, "…").date("2012-07-01".parse()?));
    /// graph.add_evidence(ended.clone(), Evidence::new(DocId::new("a2"), 0, "…").date("2024-03-16".parse()?));
    /// let rel = graph.relation(&signed).ok_or("missing")?;
    /// assert!(!rel.is_current());
    /// assert_eq!(rel.ended_by(), Some(&ended));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ended_by(&self) -> Option<&RelationKey> {
        self.ended_by.as_ref()
    }

    /// The evidence restricted to a date window; `None` bounds are open, and with any
    /// bound an item without a date is left out.
    fn evidence_between(&self, from: Option<Date>, to: Option<Date>) -> Vec<Evidence> {
        if from.is_none() && to.is_none() {
            return self.evidence.clone();
        }
        self.evidence
            .iter()
            .filter(|e| {
                e.when().is_some_and(|d| {
                    from.is_none_or(|f| d.days() >= f.days())
                        && to.is_none_or(|t| d.days() <= t.days())
                })
            })
            .cloned()
            .collect()
    }

    /// Adds one evidence item: a new key is inserted in order, a known key keeps the
    /// greater of the two items.
    fn absorb(&mut self, evidence: Evidence) {
        match self.evidence.binary_search_by(|e| e.key_cmp(&evidence)) {
            Ok(i) => {
                if evidence.full_cmp(&self.evidence[i]) == Ordering::Greater {
                    self.evidence[i] = evidence;
                }
            }
            Err(i) => self.evidence.insert(i, evidence),
        }
    }
}

fn modality_rank(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Alleged => 1,
        Modality::Future => 2,
        Modality::Hypothetical => 3,
        Modality::Negated => 4,
    }
}

/// The serialised form of a relation: its key, the figures derived from its evidence,
/// and the evidence (one line of [`KnowledgeGraph::write_relations_jsonl`]).
#[derive(Serialize)]
struct RelationOut<'a> {
    source: &'a EntityId,
    kind: RelationKind,
    target: &'a EntityId,
    #[serde(skip_serializing_if = "Option::is_none")]
    plover: Option<Plover>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cameo: Option<&'static str>,
    symmetric: bool,
    mentions: usize,
    sources: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_date: Option<Date>,
    modality: Modality,
    confidence: f32,
    current: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    ended_by: Option<&'a RelationKey>,
    evidence: &'a [Evidence],
}

impl Serialize for Relation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        RelationOut {
            source: &self.key.source,
            kind: self.key.kind,
            target: &self.key.target,
            plover: self.key.kind.plover(),
            cameo: self.key.kind.cameo(),
            symmetric: self.key.kind.is_symmetric(),
            mentions: self.mentions(),
            sources: self.sources(),
            first_date: self.first_date(),
            last_date: self.last_date(),
            modality: self.modality(),
            confidence: self.confidence(),
            current: self.is_current(),
            ended_by: self.ended_by.as_ref(),
            evidence: &self.evidence,
        }
        .serialize(s)
    }
}

/// What is read back of a relation: the derived figures are recomputed.
#[derive(Deserialize)]
struct RelationIn {
    source: EntityId,
    kind: RelationKind,
    target: EntityId,
    #[serde(default)]
    evidence: Vec<Evidence>,
}

/// A document seen by the graph, for provenance.
///
/// ```
/// use newsgraph::{Article, DocId};
/// let a = Article::new(DocId::new("a1"));
/// assert!(a.published.is_none() && a.mentions.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The document's id.
    pub id: DocId,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The entities it mentions, with how many times.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mentions: BTreeMap<EntityId, u32>,
}

impl Article {
    /// An article with no date, no URL and no mentions.
    pub fn new(id: DocId) -> Self {
        Article {
            id,
            published: None,
            source_url: None,
            mentions: BTreeMap::new(),
        }
    }
}

/// Which relations a [`KnowledgeGraph::subgraph`] keeps.
///
/// The default keeps everything. Dates compare by day, both bounds inclusive; with a
/// bound, evidence without a date is left out.
///
/// ```
/// use newsgraph::{Filter, RelationKind};
/// let f = Filter::new()
///     .from("2023-07-26".parse()?)
///     .to("2024-12-31".parse()?)
///     .kinds([RelationKind::Expulsion, RelationKind::AgreementEnded])
///     .min_sources(2);
/// assert_eq!(f, f.clone());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    from: Option<Date>,
    to: Option<Date>,
    kinds: Option<BTreeSet<RelationKind>>,
    min_sources: usize,
}

impl Filter {
    /// A filter that keeps everything.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps evidence dated on or after `date` (default: no lower bound).
    pub fn from(mut self, date: Date) -> Self {
        self.from = Some(date);
        self
    }

    /// Keeps evidence dated on or before `date` (default: no upper bound).
    pub fn to(mut self, date: Date) -> Self {
        self.to = Some(date);
        self
    }

    /// Keeps only relations of these kinds (default: every kind).
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = RelationKind>) -> Self {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// Keeps only relations with evidence from at least `n` distinct articles, counted
    /// after the date window (default: 0, every relation).
    pub fn min_sources(mut self, n: usize) -> Self {
        self.min_sources = n;
        self
    }

    fn keeps_kind(&self, kind: RelationKind) -> bool {
        self.kinds.as_ref().is_none_or(|k| k.contains(&kind))
    }
}

/// A knowledge graph of entities and the relations between them, merged across
/// articles, with evidence for every relation.
///
/// ```
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// let key = RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA"));
/// graph.add_evidence(key.clone(), Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops."));
/// assert_eq!((graph.entity_count(), graph.relation_count()), (2, 1));
/// let copy = KnowledgeGraph::from_json(&graph.to_json()?)?;
/// assert_eq!(copy, graph);
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, Relation>,
    nodes: BTreeMap<EntityId, NodeIndex>,
    edges: BTreeMap<RelationKey, EdgeIndex>,
    articles: BTreeMap<DocId, Article>,
    unresolved: BTreeSet<EntityId>,
}

impl PartialEq for KnowledgeGraph {
    fn eq(&self, other: &Self) -> bool {
        self.articles == other.articles
            && self.unresolved == other.unresolved
            && self.nodes.len() == other.nodes.len()
            && self.edges.len() == other.edges.len()
            && self.entities().eq(other.entities())
            && self.relations().eq(other.relations())
    }
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// A graph of these extractions.
    ///
    /// ```
    /// use newsgraph::KnowledgeGraph;
    /// let graph = KnowledgeGraph::from_extractions([]);
    /// assert!(graph.is_empty());
    /// ```
    pub fn from_extractions<'a>(extractions: impl IntoIterator<Item = &'a Extraction>) -> Self {
        let mut graph = Self::new();
        for x in extractions {
            graph.add(x);
        }
        graph
    }

    /// Adds what was extracted from one document: its entities, mentions and
    /// assertions. Adding the same extraction again changes nothing.
    ///
    /// An entity's mentions in the article are its `mentions` count or the number of
    /// its [`Mention`](crate::Mention) records, whichever is greater.
    ///
    /// An assertion whose source or target is not among the extraction's entities gets
    /// an unresolved placeholder entity (see the module docs).
    ///
    /// ```
    /// use newsgraph::{DocId, Extraction, KnowledgeGraph};
    /// let x = Extraction {
    ///     doc: DocId::new("a1"), published: Some("2024-03-17".parse()?), source_url: None,
    ///     sentences: vec![], sentence_texts: vec![], entities: vec![], mentions: vec![], assertions: vec![],
    /// };
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add(&x);
    /// graph.add(&x);
    /// assert_eq!(graph.article_count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, extraction: &Extraction) {
        for entity in &extraction.entities {
            self.absorb_entity(entity.clone(), true);
        }
        let mut article = Article::new(extraction.doc.clone());
        article.published = extraction.published;
        article.source_url = extraction.source_url.clone();
        // An entity's mentions in the article: its own count or its mention records,
        // whichever is greater; the ends of assertions are recorded even if unmentioned.
        for mention in &extraction.mentions {
            *article.mentions.entry(mention.entity.clone()).or_insert(0) += 1;
        }
        for entity in &extraction.entities {
            let n = article.mentions.entry(entity.id.clone()).or_insert(0);
            *n = (*n).max(entity.mentions);
        }
        for a in &extraction.assertions {
            for id in [&a.source, &a.target] {
                article.mentions.entry(id.clone()).or_insert(0);
            }
        }
        self.absorb_article(article);
        let mut pairs = BTreeSet::new();
        for a in &extraction.assertions {
            let (key, swapped) =
                RelationKey::normalized(a.source.clone(), a.kind, a.target.clone());
            let evidence = Evidence::from_assertion(a, extraction, swapped);
            pairs.insert(key.pair());
            self.absorb_evidence(key, evidence);
        }
        self.refresh_endings(&pairs);
    }

    /// Adds (or merges into an existing one) an entity described by hand. Its
    /// `mentions` field is ignored: mentions are counted per article.
    ///
    /// ```
    /// use newsgraph::{Entity, EntityId, EntityKind, KnowledgeGraph};
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_entity(Entity::new(EntityId::new("NER"), EntityKind::Country, "Niger"));
    /// let mut other = Entity::new(EntityId::new("NER"), EntityKind::Country, "Niger");
    /// other.aliases = vec!["Republic of Niger".into()];
    /// graph.add_entity(other);
    /// let ner = graph.entity(&EntityId::new("NER")).ok_or("missing")?;
    /// assert_eq!(ner.aliases, ["Republic of Niger"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_entity(&mut self, entity: Entity) {
        self.absorb_entity(entity, true);
    }

    /// Adds one evidence item for a relation given by hand; unknown ends become
    /// unresolved placeholder entities and an unknown article is recorded with no date.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// let key = RelationKey::new(EntityId::new("USA"), RelationKind::AidSuspension, EntityId::new("NER"));
    /// graph.add_evidence(key.clone(), Evidence::new(DocId::new("a1"), 2, "Washington suspended aid."));
    /// assert!(graph.is_unresolved(&EntityId::new("USA")));
    /// assert_eq!(graph.relations_of_kind(RelationKind::AidSuspension).count(), 1);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn add_evidence(&mut self, key: RelationKey, evidence: Evidence) {
        let pair = key.pair();
        self.absorb_evidence(key, evidence);
        self.refresh_endings(&BTreeSet::from([pair]));
    }

    /// Merges another graph into this one. Merging is associative and commutative: any
    /// order of merges of the same graphs gives an equal graph.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let key = RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA"));
    /// let mut a = KnowledgeGraph::new();
    /// a.add_evidence(key.clone(), Evidence::new(DocId::new("a1"), 0, "…"));
    /// let mut b = KnowledgeGraph::new();
    /// b.add_evidence(key.clone(), Evidence::new(DocId::new("a2"), 0, "…"));
    /// let mut ab = a.clone();
    /// ab.merge(b.clone());
    /// b.merge(a);
    /// assert_eq!(ab, b);
    /// assert_eq!(ab.relation(&key).map(|r| r.sources()), Some(2));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn merge(&mut self, other: KnowledgeGraph) {
        let KnowledgeGraph {
            mut graph,
            nodes,
            edges,
            articles,
            unresolved,
        } = other;
        let relations: Vec<Relation> = edges
            .into_values()
            .filter_map(|idx| graph.remove_edge(idx))
            .collect();
        for (id, idx) in nodes {
            if let Some(entity) = graph.remove_node(idx) {
                let resolved = !unresolved.contains(&id);
                self.absorb_entity(entity, resolved);
            }
        }
        for article in articles.into_values() {
            self.absorb_article(article);
        }
        let mut pairs = BTreeSet::new();
        for relation in relations {
            pairs.insert(relation.key.pair());
            for evidence in relation.evidence {
                self.absorb_evidence(relation.key.clone(), evidence);
            }
        }
        self.refresh_endings(&pairs);
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of relations (merged edges).
    pub fn relation_count(&self) -> usize {
        self.edges.len()
    }

    /// Number of articles seen.
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// True when the graph has no entity and no article.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.articles.is_empty()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.nodes.get(id).map(|&i| &self.graph[i])
    }

    /// True when the entity is only known from relations, never described (see the
    /// module docs).
    pub fn is_unresolved(&self, id: &EntityId) -> bool {
        self.unresolved.contains(id)
    }

    /// Every entity, sorted by id.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> + '_ {
        self.nodes.values().map(|&i| &self.graph[i])
    }

    /// The entities of one kind, sorted by id.
    ///
    /// ```
    /// use newsgraph::{Entity, EntityId, EntityKind, KnowledgeGraph};
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_entity(Entity::new(EntityId::new("NER"), EntityKind::Country, "Niger"));
    /// graph.add_entity(Entity::new(EntityId::new("wagner-group"), EntityKind::ArmedGroup, "Wagner Group"));
    /// let states: Vec<_> = graph.entities_of_kind(EntityKind::Country).map(|e| e.id.as_str()).collect();
    /// assert_eq!(states, ["NER"]);
    /// ```
    pub fn entities_of_kind(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> + '_ {
        self.entities().filter(move |e| e.kind == kind)
    }

    /// The entities that belong to a state (the state itself included), sorted by id.
    ///
    /// ```
    /// use newsgraph::{Entity, EntityId, EntityKind, KnowledgeGraph};
    /// let mut graph = KnowledgeGraph::new();
    /// let mut person = Entity::new(EntityId::new("amadou-abdramane"), EntityKind::Person, "Amadou Abdramane");
    /// person.country = Some(EntityId::new("NER"));
    /// graph.add_entity(person);
    /// graph.add_entity(Entity::new(EntityId::new("NER"), EntityKind::Country, "Niger"));
    /// assert_eq!(graph.entities_in_country(&EntityId::new("NER")).count(), 2);
    /// ```
    pub fn entities_in_country<'a>(
        &'a self,
        country: &EntityId,
    ) -> impl Iterator<Item = &'a Entity> + use<'a> {
        let country = country.clone();
        self.entities()
            .filter(move |e| e.country.as_ref() == Some(&country))
    }

    /// Every relation, sorted by key (source, kind, target).
    pub fn relations(&self) -> impl Iterator<Item = &Relation> + '_ {
        self.edges.values().map(|&i| &self.graph[i])
    }

    /// The relation with this key (normalise a symmetric key with [`RelationKey::new`]).
    pub fn relation(&self, key: &RelationKey) -> Option<&Relation> {
        self.edges.get(key).map(|&i| &self.graph[i])
    }

    /// The relations of one kind, sorted by key.
    pub fn relations_of_kind(&self, kind: RelationKind) -> impl Iterator<Item = &Relation> + '_ {
        self.relations().filter(move |r| r.kind() == kind)
    }

    /// The relations between two entities, in either direction, sorted by key.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let (ner, fra) = (EntityId::new("NER"), EntityId::new("FRA"));
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(RelationKey::new(ner.clone(), RelationKind::Expulsion, fra.clone()), Evidence::new(DocId::new("a1"), 0, "…"));
    /// graph.add_evidence(RelationKey::new(fra.clone(), RelationKind::Condemnation, ner.clone()), Evidence::new(DocId::new("a1"), 1, "…"));
    /// assert_eq!(graph.relations_between(&fra, &ner).len(), 2);
    /// ```
    pub fn relations_between(&self, a: &EntityId, b: &EntityId) -> Vec<&Relation> {
        let (Some(&ia), Some(&ib)) = (self.nodes.get(a), self.nodes.get(b)) else {
            return Vec::new();
        };
        let mut edges: Vec<EdgeIndex> = self
            .graph
            .edges_connecting(ia, ib)
            .map(|e| e.id())
            .collect();
        if ia != ib {
            edges.extend(self.graph.edges_connecting(ib, ia).map(|e| e.id()));
        }
        self.sorted_relations(edges)
    }

    /// The relations an entity takes part in, either end, sorted by key.
    pub fn relations_of(&self, id: &EntityId) -> Vec<&Relation> {
        let Some(&i) = self.nodes.get(id) else {
            return Vec::new();
        };
        let edges = self
            .graph
            .edges_directed(i, Direction::Outgoing)
            .chain(self.graph.edges_directed(i, Direction::Incoming))
            .map(|e| e.id())
            .collect();
        self.sorted_relations(edges)
    }

    /// The entities related to an entity, either direction, sorted by id.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")), Evidence::new(DocId::new("a1"), 0, "…"));
    /// graph.add_evidence(RelationKey::new(EntityId::new("USA"), RelationKind::AidSuspension, EntityId::new("NER")), Evidence::new(DocId::new("a1"), 1, "…"));
    /// let ids: Vec<_> = graph.neighbours(&EntityId::new("NER")).iter().map(|e| e.id.as_str()).collect();
    /// assert_eq!(ids, ["FRA", "USA"]);
    /// ```
    pub fn neighbours(&self, id: &EntityId) -> Vec<&Entity> {
        let Some(&i) = self.nodes.get(id) else {
            return Vec::new();
        };
        let ids: BTreeSet<&EntityId> = self
            .graph
            .neighbors_undirected(i)
            .map(|n| &self.graph[n].id)
            .collect();
        ids.into_iter().filter_map(|id| self.entity(id)).collect()
    }

    /// An entity's relations in time order: by first date (undated last), then last
    /// date, then key.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let (ner, usa) = (EntityId::new("NER"), EntityId::new("USA"));
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(RelationKey::new(ner.clone(), RelationKind::AgreementEnded, usa.clone()), Evidence::new(DocId::new("a1"), 0, "…").date("2024-03-16".parse()?));
    /// graph.add_evidence(RelationKey::new(usa.clone(), RelationKind::AgreementSigned, ner.clone()), Evidence::new(DocId::new("a1"), 1, "…").date("2012".parse()?));
    /// let kinds: Vec<_> = graph.timeline(&ner).iter().map(|r| r.kind().as_str()).collect();
    /// assert_eq!(kinds, ["agreement_signed", "agreement_ended"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline(&self, id: &EntityId) -> Vec<&Relation> {
        let mut relations = self.relations_of(id);
        relations.sort_by(|a, b| {
            let day = |d: Option<Date>| d.map_or(i64::MAX, |d| d.days());
            day(a.first_date())
                .cmp(&day(b.first_date()))
                .then(day(a.last_date()).cmp(&day(b.last_date())))
                .then_with(|| a.key.cmp(&b.key))
        });
        relations
    }

    /// A new graph with the relations the filter keeps, their ends, and the articles
    /// their evidence comes from. Mention counts are those of the kept articles, and
    /// whether a relation is current is judged within the subgraph (filter on
    /// [`Relation::is_current`] in the whole graph to keep only current relations).
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, Filter, KnowledgeGraph, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// let key = RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA"));
    /// graph.add_evidence(key.clone(), Evidence::new(DocId::new("a1"), 0, "…").date("2023-08-03".parse()?));
    /// graph.add_evidence(key.clone(), Evidence::new(DocId::new("a2"), 0, "…").date("2023-09-01".parse()?));
    /// let sub = graph.subgraph(&Filter::new().to("2023-08-31".parse()?));
    /// assert_eq!(sub.relation(&key).map(|r| r.sources()), Some(1));
    /// assert!(graph.subgraph(&Filter::new().min_sources(3)).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subgraph(&self, filter: &Filter) -> KnowledgeGraph {
        let mut kept: Vec<(RelationKey, Vec<Evidence>)> = Vec::new();
        let mut entities: BTreeSet<&EntityId> = BTreeSet::new();
        let mut docs: BTreeSet<&DocId> = BTreeSet::new();
        for relation in self.relations() {
            if !filter.keeps_kind(relation.kind()) {
                continue;
            }
            let evidence = relation.evidence_between(filter.from, filter.to);
            let sources: BTreeSet<&DocId> = evidence.iter().map(|e| &e.doc).collect();
            if evidence.is_empty() || sources.len() < filter.min_sources {
                continue;
            }
            entities.insert(&relation.key.source);
            entities.insert(&relation.key.target);
            for e in &evidence {
                if let Some((id, _)) = self.articles.get_key_value(&e.doc) {
                    docs.insert(id);
                }
            }
            kept.push((relation.key.clone(), evidence));
        }
        let mut sub = KnowledgeGraph::new();
        for &id in &entities {
            if let Some(entity) = self.entity(id) {
                sub.absorb_entity(entity.clone(), !self.is_unresolved(id));
            }
        }
        for &doc in &docs {
            let mut article = self.articles[doc].clone();
            article.mentions.retain(|id, _| entities.contains(id));
            sub.absorb_article(article);
        }
        let mut pairs = BTreeSet::new();
        for (key, evidence) in kept {
            pairs.insert(key.pair());
            for e in evidence {
                sub.absorb_evidence(key.clone(), e);
            }
        }
        sub.refresh_endings(&pairs);
        sub
    }

    /// Every article seen, sorted by id.
    pub fn articles(&self) -> impl Iterator<Item = &Article> + '_ {
        self.articles.values()
    }

    /// The article with this id.
    pub fn article(&self, id: &DocId) -> Option<&Article> {
        self.articles.get(id)
    }

    /// The underlying petgraph graph, for graph algorithms (centrality, components,
    /// shortest paths, ...): nodes are [`Entity`] values, edges [`Relation`] values.
    ///
    /// Node and edge indices are stable while the graph lives but their order depends
    /// on the order things were added: sort by id or key when order matters, and map ids
    /// to nodes with [`KnowledgeGraph::node_index`]. petgraph is a 0.x dependency,
    /// re-exported as [`crate::graph::petgraph`].
    ///
    /// ```
    /// use newsgraph::graph::petgraph::algo::has_path_connecting;
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// let (ner, fra, usa) = (EntityId::new("NER"), EntityId::new("FRA"), EntityId::new("USA"));
    /// graph.add_evidence(RelationKey::new(usa.clone(), RelationKind::AidSuspension, ner.clone()), Evidence::new(DocId::new("a1"), 0, "…"));
    /// graph.add_evidence(RelationKey::new(ner.clone(), RelationKind::Expulsion, fra.clone()), Evidence::new(DocId::new("a2"), 0, "…"));
    /// let node = |id: &EntityId| graph.node_index(id).ok_or("missing");
    /// assert!(has_path_connecting(graph.petgraph(), node(&usa)?, node(&fra)?, None));
    /// assert!(!has_path_connecting(graph.petgraph(), node(&fra)?, node(&usa)?, None));
    /// assert_eq!(graph.petgraph()[node(&ner)?].id, ner);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn petgraph(&self) -> &StableDiGraph<Entity, Relation> {
        &self.graph
    }

    /// The petgraph node of an entity (see [`KnowledgeGraph::petgraph`]).
    pub fn node_index(&self, id: &EntityId) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// The whole graph as pretty-printed JSON: articles, entities and relations with
    /// their evidence, sorted. [`KnowledgeGraph::from_json`] reads it back equal.
    ///
    /// ```
    /// use newsgraph::KnowledgeGraph;
    /// let json = KnowledgeGraph::new().to_json()?;
    /// assert!(json.contains("\"version\": 1"));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Json(e.to_string()))
    }

    /// Writes [`KnowledgeGraph::to_json`] to a writer and gives it back.
    ///
    /// ```
    /// use newsgraph::KnowledgeGraph;
    /// let bytes = KnowledgeGraph::new().write_json(Vec::new())?;
    /// assert_eq!(KnowledgeGraph::read_json(bytes.as_slice())?, KnowledgeGraph::new());
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn write_json<W: Write>(&self, mut writer: W) -> Result<W> {
        serde_json::to_writer_pretty(&mut writer, self).map_err(json_error)?;
        writer.write_all(b"\n").map_err(write_error)?;
        Ok(writer)
    }

    /// Reads a graph saved by [`KnowledgeGraph::to_json`].
    ///
    /// ```
    /// use newsgraph::KnowledgeGraph;
    /// assert!(KnowledgeGraph::from_json("{\"version\": 1}")?.is_empty());
    /// assert!(KnowledgeGraph::from_json("{\"version\": 7}").is_err());
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        serde_json::from_str(json).map_err(|e| Error::Json(e.to_string()))
    }

    /// Reads a graph saved by [`KnowledgeGraph::write_json`] from a reader.
    pub fn read_json<R: Read>(reader: R) -> Result<Self> {
        serde_json::from_reader(reader).map_err(json_error)
    }

    /// Writes the relations as JSON Lines, one relation a line, sorted by key: source,
    /// kind, target, PLOVER and CAMEO codes, counts, dates, modality, whether current,
    /// and the evidence.
    ///
    /// ```
    /// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
    /// let mut graph = KnowledgeGraph::new();
    /// graph.add_evidence(RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")), Evidence::new(DocId::new("a1"), 0, "…"));
    /// let out = String::from_utf8(graph.write_relations_jsonl(Vec::new())?).map_err(|e| newsgraph::Error::Invalid(e.to_string()))?;
    /// assert!(out.starts_with(r#"{"source":"NER","kind":"expulsion","target":"FRA","plover":"SANCTION","cameo":"166""#));
    /// assert_eq!(out.lines().count(), 1);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn write_relations_jsonl<W: Write>(&self, mut writer: W) -> Result<W> {
        for relation in self.relations() {
            serde_json::to_writer(&mut writer, relation).map_err(json_error)?;
            writer.write_all(b"\n").map_err(write_error)?;
        }
        Ok(writer)
    }

    // ----- the joins -----

    fn sorted_relations(&self, edges: Vec<EdgeIndex>) -> Vec<&Relation> {
        let mut relations: Vec<&Relation> = edges.into_iter().map(|e| &self.graph[e]).collect();
        relations.sort_by(|a, b| a.key.cmp(&b.key));
        relations.dedup_by(|a, b| a.key == b.key);
        relations
    }

    /// Joins an entity record into the graph; returns its node.
    fn absorb_entity(&mut self, mut entity: Entity, resolved: bool) -> NodeIndex {
        normalize_entity(&mut entity);
        if let Some(&idx) = self.nodes.get(&entity.id) {
            if resolved {
                let node = &mut self.graph[idx];
                if self.unresolved.remove(&entity.id) {
                    entity.mentions = node.mentions;
                    *node = entity;
                } else {
                    join_entity(node, entity);
                }
            }
            return idx;
        }
        entity.mentions = 0;
        let id = entity.id.clone();
        let idx = self.graph.add_node(entity);
        if !resolved {
            self.unresolved.insert(id.clone());
        }
        self.nodes.insert(id, idx);
        idx
    }

    /// The node of an entity, adding an unresolved placeholder for an unknown id.
    fn ensure_entity(&mut self, id: &EntityId) -> NodeIndex {
        match self.nodes.get(id) {
            Some(&idx) => idx,
            None => {
                let kind = if id.is_state_code() {
                    EntityKind::Country
                } else {
                    EntityKind::Organization
                };
                self.absorb_entity(Entity::new(id.clone(), kind, id.as_str()), false)
            }
        }
    }

    /// Joins an article record: dates and URLs by minimum, mention counts by maximum
    /// per entity, with the entities' totals updated.
    fn absorb_article(&mut self, article: Article) {
        let indices: Vec<(NodeIndex, EntityId, u32)> = article
            .mentions
            .into_iter()
            .map(|(id, n)| (self.ensure_entity(&id), id, n))
            .collect();
        let entry = self
            .articles
            .entry(article.id.clone())
            .or_insert_with(|| Article::new(article.id));
        entry.published = join_min(entry.published, article.published);
        entry.source_url = join_min(entry.source_url.take(), article.source_url);
        for (idx, id, n) in indices {
            let seen = entry.mentions.entry(id).or_insert(0);
            if n > *seen {
                let node = &mut self.graph[idx];
                node.mentions = node.mentions.saturating_add(n - *seen);
                *seen = n;
            }
        }
    }

    /// Adds one evidence item under a (normalised) key. Does not refresh endings.
    fn absorb_evidence(&mut self, key: RelationKey, mut evidence: Evidence) {
        evidence.sanitize();
        let source = self.ensure_entity(&key.source);
        let target = self.ensure_entity(&key.target);
        if !self.articles.contains_key(&evidence.doc) {
            self.absorb_article(Article::new(evidence.doc.clone()));
        }
        let idx = match self.edges.get(&key) {
            Some(&idx) => idx,
            None => {
                let idx = self.graph.add_edge(
                    source,
                    target,
                    Relation {
                        key: key.clone(),
                        evidence: Vec::new(),
                        ended_by: None,
                    },
                );
                self.edges.insert(key, idx);
                idx
            }
        };
        self.graph[idx].absorb(evidence);
    }

    /// Recomputes which relations are ended, for the relations between these pairs.
    fn refresh_endings(&mut self, pairs: &BTreeSet<(EntityId, EntityId)>) {
        for (a, b) in pairs {
            let (Some(&ia), Some(&ib)) = (self.nodes.get(a), self.nodes.get(b)) else {
                continue;
            };
            let mut edges: Vec<EdgeIndex> = self
                .graph
                .edges_connecting(ia, ib)
                .map(|e| e.id())
                .collect();
            if ia != ib {
                edges.extend(self.graph.edges_connecting(ib, ia).map(|e| e.id()));
            }
            let endings: Vec<Option<RelationKey>> = edges
                .iter()
                .map(|&e| ending_of(&self.graph[e], edges.iter().map(|&c| &self.graph[c])))
                .collect();
            for (e, ended_by) in edges.into_iter().zip(endings) {
                self.graph[e].ended_by = ended_by;
            }
        }
    }
}

/// The relation among `candidates` (the relations between the same pair) that ends
/// `relation`, if any: of an ending kind, asserted at least once, dated on or after the
/// relation's last date (or either undated). The latest ending wins, then the greatest key.
fn ending_of<'a>(
    relation: &Relation,
    candidates: impl Iterator<Item = &'a Relation>,
) -> Option<RelationKey> {
    let last = relation.last_date().map(|d| d.days());
    candidates
        .filter(|c| c.kind().ends() == Some(relation.kind()))
        .filter_map(|c| {
            let asserted: Vec<&Evidence> = c
                .evidence
                .iter()
                .filter(|e| e.modality == Modality::Asserted)
                .collect();
            if asserted.is_empty() {
                return None;
            }
            let end = asserted
                .iter()
                .filter_map(|e| e.when())
                .map(|d| d.days())
                .max();
            let ends = match (end, last) {
                (Some(end), Some(last)) => end >= last,
                _ => true,
            };
            ends.then_some((end, &c.key))
        })
        .max()
        .map(|(_, key)| key.clone())
}

/// Aliases sorted, unique, non-empty, without the canonical name.
fn normalize_entity(entity: &mut Entity) {
    let name = entity.name.clone();
    entity.aliases.retain(|a| !a.is_empty() && *a != name);
    entity.aliases.sort();
    entity.aliases.dedup();
}

/// Joins `other` into `node` (both described entities); keeps `node.mentions`.
fn join_entity(node: &mut Entity, other: Entity) {
    let mut names: BTreeSet<String> = node.aliases.drain(..).collect();
    names.extend(other.aliases);
    let (best, rest) = if better_name(&other.name, &node.name) {
        (other.name, std::mem::take(&mut node.name))
    } else {
        (std::mem::take(&mut node.name), other.name)
    };
    names.insert(rest);
    names.remove(&best);
    names.remove("");
    node.name = best;
    node.aliases = names.into_iter().collect();
    node.kind = node.kind.min(other.kind);
    node.org_type = join_min(node.org_type, other.org_type);
    node.country = join_min(node.country.take(), other.country);
    node.sector = join_min(node.sector.take(), other.sector);
    node.wikidata = join_min(node.wikidata.take(), other.wikidata);
}

/// True when `a` is a better canonical name than `b`: longer, then smaller.
fn better_name(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    la > lb || (la == lb && a < b)
}

/// The smaller of two values where both are known, else the known one.
fn join_min<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

fn json_error(e: serde_json::Error) -> Error {
    if e.is_io() {
        Error::io("<stream>", std::io::Error::other(e.to_string()))
    } else {
        Error::Json(e.to_string())
    }
}

fn write_error(e: std::io::Error) -> Error {
    Error::io("<output>", e)
}

/// The saved form of a graph.
#[derive(Serialize)]
struct GraphOut<'a> {
    version: u32,
    articles: Vec<&'a Article>,
    entities: Vec<&'a Entity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unresolved: Vec<&'a EntityId>,
    relations: Vec<&'a Relation>,
}

#[derive(Deserialize)]
struct GraphIn {
    version: u32,
    #[serde(default)]
    articles: Vec<Article>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    unresolved: BTreeSet<EntityId>,
    #[serde(default)]
    relations: Vec<RelationIn>,
}

impl Serialize for KnowledgeGraph {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        GraphOut {
            version: JSON_VERSION,
            articles: self.articles().collect(),
            entities: self.entities().collect(),
            unresolved: self.unresolved.iter().collect(),
            relations: self.relations().collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for KnowledgeGraph {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let input = GraphIn::deserialize(d)?;
        if input.version != JSON_VERSION {
            return Err(D::Error::custom(format!(
                "expected a newsgraph graph of version {JSON_VERSION}, found version {}",
                input.version
            )));
        }
        let mut graph = KnowledgeGraph::new();
        for entity in input.entities {
            let resolved = !input.unresolved.contains(&entity.id);
            graph.absorb_entity(entity, resolved);
        }
        for article in input.articles {
            graph.absorb_article(article);
        }
        let mut pairs = BTreeSet::new();
        for relation in input.relations {
            let (key, swapped) =
                RelationKey::normalized(relation.source, relation.kind, relation.target);
            if relation.evidence.is_empty() {
                return Err(D::Error::custom(format!(
                    "expected evidence for the relation {key}, found none"
                )));
            }
            pairs.insert(key.pair());
            for mut e in relation.evidence {
                if swapped {
                    std::mem::swap(&mut e.source_span, &mut e.target_span);
                }
                graph.absorb_evidence(key.clone(), e);
            }
        }
        graph.refresh_endings(&pairs);
        Ok(graph)
    }
}
