//! Measuring the extractor against hand-annotated gold data: precision, recall and F1,
//! overall, per relation kind and per PLOVER category, with the misses and false alarms.
//!
//! Three gold formats are read, told apart by their content:
//!
//! - **article facts** ([`GoldFormat::Seed`]): one JSON object about one article,
//!   `{"document": "FILE.txt" | "text": "...", "published"?, "relations": {"must": [...],
//!   "allowed": [...]}, "entities": {"forbidden": [{"id"}]}}`, each fact
//!   `{"source", "relation", "target", "evidence"?}`. The article is the `text` field or
//!   the `document` file next to the gold file.
//! - **sentence events** ([`GoldFormat::Events`]): JSON Lines
//!   `{"id", "text", "published"?, "events": [{"source", "target", "plover",
//!   "reciprocal"}], "expect"?}`; an actor is a state code, `IGO`/`NGO`, or `null`.
//! - **many articles** ([`GoldFormat::Articles`]): JSON Lines
//!   `{"id", "text", "published"?, "must", "allowed"?, "forbidden"?}`, `forbidden` a list
//!   of entity ids.
//!
//! The rules are those of the project's reference scorer (`score.py` of the shared
//! evaluation folder), so the figures agree with it exactly:
//!
//! - A negated assertion is not a fact; it is never counted.
//! - Facts: a prediction is (relation, source, target) at article level, counted once
//!   however often it is said; symmetric kinds ([`RelationKind::is_symmetric`]) match in
//!   either direction. Recall counts the `must` facts found; precision counts every
//!   prediction that is neither `must` nor `allowed` as an error. An entity listed as
//!   forbidden that appears as an actor is reported.
//! - Events: a prediction is (source actor, target actor, PLOVER category) in its
//!   sentence, counted once. An actor is its state (`source_country`: a person or unit
//!   of a state counts as that state), else `IGO` for an organisation, else its id. A gold
//!   `IGO` or `NGO` matches either; a `null` gold actor matches anything. Symmetric kinds
//!   and reciprocal gold events match in either direction. A prediction that shares its
//!   category with a matched one is a second phrasing of the same event, not an error.
//! - Figures are rounded to three decimals, half to even, as Python's `round` does.
//!
//! ```
//! use newsgraph::Extractor;
//! use newsgraph::eval::{Gold, GoldFormat};
//!
//! let gold = Gold::parse(
//!     "mine.jsonl",
//!     r#"{"id": "s1", "text": "Mali expelled the French ambassador.", "events": [{"source": "MLI", "target": "FRA", "plover": "SANCTION", "reciprocal": false}]}
//! {"id": "s2", "text": "Chad held talks with Sudan.", "events": [{"source": "SDN", "target": "TCD", "plover": "CONSULT", "reciprocal": false}]}
//! {"id": "s3", "text": "Peru urged Chile to reopen the border.", "events": [{"source": "PER", "target": "CHL", "plover": "THREATEN", "reciprocal": false}]}"#,
//! )?;
//! assert_eq!(gold.format(), GoldFormat::Events);
//! let report = gold.evaluate(&Extractor::new());
//! assert_eq!((report.precision(), report.recall()), (0.667, 0.667));
//! assert_eq!(report.misses[0].doc, "s3");
//! assert_eq!(report.false_alarms[0].relation, "demand");
//! # Ok::<(), newsgraph::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::extractor::Extractor;
use crate::input::json_type;
use crate::model::{Date, Document, EntityKind, Extraction, Modality, Plover, RelationKind};

/// Which gold format a file holds.
///
/// ```
/// use newsgraph::eval::GoldFormat;
/// assert_eq!(GoldFormat::Events.as_str(), "events");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GoldFormat {
    /// The facts of one article, at article level (`must`, `allowed`, `forbidden`).
    Seed,
    /// PLOVER events of single sentences, one JSON line per sentence.
    Events,
    /// The facts of many articles, one JSON line per article.
    Articles,
}

impl GoldFormat {
    /// The name used in reports (`seed`, `events`, `articles`).
    pub const fn as_str(self) -> &'static str {
        match self {
            GoldFormat::Seed => "seed",
            GoldFormat::Events => "events",
            GoldFormat::Articles => "articles",
        }
    }
}

/// Gold data loaded and checked: the documents to extract from and what they should give.
///
/// ```
/// use newsgraph::eval::{Gold, GoldFormat};
/// let gold = Gold::parse("one.json", r#"{
///     "text": "Niger signed a defence agreement with Russia.",
///     "relations": {"must": [{"source": "RUS", "relation": "agreement_signed", "target": "NER"}]}
/// }"#)?;
/// assert_eq!(gold.format(), GoldFormat::Seed);
/// assert_eq!(gold.documents().len(), 1);
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Gold {
    name: String,
    data: GoldData,
    warnings: Vec<String>,
}

#[derive(Clone, Debug)]
enum GoldData {
    Seed(ArticleGold),
    Events(Vec<SentenceGold>),
    Articles(Vec<ArticleGold>),
}

/// One annotated article.
#[derive(Clone, Debug)]
struct ArticleGold {
    id: String,
    text: String,
    published: Option<Date>,
    must: Vec<FactGold>,
    allowed: Vec<FactGold>,
    forbidden: Vec<String>,
}

/// A fact of an article: source, relation, target (ids and a relation kind name).
#[derive(Clone, Debug, Deserialize)]
struct FactGold {
    source: String,
    relation: String,
    target: String,
    #[serde(default)]
    evidence: Option<String>,
}

/// One annotated sentence.
#[derive(Clone, Debug)]
struct SentenceGold {
    id: String,
    text: String,
    published: Option<Date>,
    events: Vec<EventGold>,
    no_events: bool,
}

/// An event of a sentence.
#[derive(Clone, Debug, Deserialize)]
struct EventGold {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    target: Option<String>,
    plover: String,
    #[serde(default, deserialize_with = "null_is_false")]
    reciprocal: bool,
}

fn null_is_false<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(false))
}

// ---------------------------------------------------------------- the files

#[derive(Deserialize)]
struct SeedFile {
    #[serde(default)]
    document: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    published: Option<String>,
    relations: SeedRelations,
    #[serde(default)]
    entities: SeedEntities,
}

#[derive(Deserialize)]
struct SeedRelations {
    must: Vec<FactGold>,
    #[serde(default)]
    allowed: Vec<FactGold>,
}

#[derive(Default, Deserialize)]
struct SeedEntities {
    #[serde(default)]
    forbidden: Vec<ForbiddenEntity>,
}

#[derive(Deserialize)]
struct ForbiddenEntity {
    id: String,
}

#[derive(Deserialize)]
struct EventsLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
    events: Vec<EventGold>,
    #[serde(default)]
    expect: Option<String>,
}

#[derive(Deserialize)]
struct ArticlesLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
    must: Vec<FactGold>,
    #[serde(default)]
    allowed: Vec<FactGold>,
    #[serde(default)]
    forbidden: Vec<String>,
}

/// serde_json's message without its " at line L column C" (the caller says where).
fn cause(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) if e.line() > 0 => s[..i].to_string(),
        _ => s,
    }
}

fn published(p: Option<String>) -> std::result::Result<Option<Date>, String> {
    match p.filter(|p| !p.is_empty()) {
        None => Ok(None),
        Some(p) => p
            .parse::<Date>()
            .map(Some)
            .map_err(|e| format!("field \"published\": {e}")),
    }
}

fn id_string(id: serde_json::Value) -> std::result::Result<String, String> {
    match id {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        other => Err(format!(
            "expected \"id\" to be a string or number, found {other}"
        )),
    }
}

impl Gold {
    /// Reads a gold file in any of the three formats. An article-facts file that names
    /// its article with `document` has the article read from the gold file's folder.
    ///
    /// Errors name the file, the line and the cause: [`Error::Io`] when a file cannot
    /// be read, [`Error::Input`] when its content is not gold data.
    ///
    /// ```
    /// use newsgraph::eval::Gold;
    /// let e = Gold::load("no/such/gold.jsonl").unwrap_err();
    /// assert!(e.to_string().starts_with("no/such/gold.jsonl: "), "{e}");
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Gold> {
        let path = path.as_ref();
        let content = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let base = path.parent().unwrap_or(Path::new(""));
        Gold::parse_in(&path.display().to_string(), &content, Some(base))
    }

    /// Reads gold data from a string; `name` is used in errors. An article-facts object
    /// must carry its article in `text` (use [`Gold::load`] for one that names a file).
    ///
    /// ```
    /// use newsgraph::eval::Gold;
    /// let e = Gold::parse("g.jsonl", "{\"id\": \"a\", \"text\": \"x\", \"events\": []}\n{\"id\": \"b\", \"events\": []}\n")
    ///     .unwrap_err();
    /// assert_eq!(e.to_string(), "g.jsonl:2: missing field `text`");
    /// ```
    pub fn parse(name: &str, content: &str) -> Result<Gold> {
        Gold::parse_in(name, content, None)
    }

    fn parse_in(name: &str, content: &str, base: Option<&Path>) -> Result<Gold> {
        let err = |line: usize, message: String| Error::Input {
            input: name.to_string(),
            line,
            message,
        };
        let first = content
            .lines()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty());
        let Some((first_index, first_line)) = first else {
            return Err(err(
                1,
                "empty gold file: expected a JSON object of article facts or JSON Lines of \
                 sentence events"
                    .into(),
            ));
        };
        match serde_json::from_str::<serde_json::Value>(content) {
            Ok(serde_json::Value::Object(o)) if o.contains_key("relations") => {
                Gold::seed(name, content, base)
            }
            Ok(serde_json::Value::Object(_)) => Gold::lines(name, content),
            Ok(other) => Err(err(
                first_index + 1,
                format!(
                    "expected a JSON object with \"relations\" (article facts) or JSON Lines \
                     with \"events\" (sentence events), found {}",
                    json_type(&other)
                ),
            )),
            Err(whole) => {
                if serde_json::from_str::<serde_json::Value>(first_line.trim())
                    .is_ok_and(|v| v.is_object())
                {
                    Gold::lines(name, content)
                } else {
                    Err(err(
                        whole.line().max(1),
                        format!("{} (column {})", cause(&whole), whole.column()),
                    ))
                }
            }
        }
    }

    fn seed(name: &str, content: &str, base: Option<&Path>) -> Result<Gold> {
        let err = |line: usize, message: String| Error::Input {
            input: name.to_string(),
            line,
            message,
        };
        let file: SeedFile = serde_json::from_str(content)
            .map_err(|e| err(e.line(), format!("{} (column {})", cause(&e), e.column())))?;
        let published = published(file.published).map_err(|m| err(1, m))?;
        let (id, text) = match (file.text, file.document) {
            (Some(text), document) => (document.unwrap_or_else(|| name.to_string()), text),
            (None, Some(document)) => {
                let Some(base) = base else {
                    return Err(err(
                        1,
                        format!(
                            "the article is the file {document:?}: load the gold file from \
                             disk, or give the article in \"text\""
                        ),
                    ));
                };
                let path = base.join(&document);
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                // the reference scorer reads the article in text mode: universal newlines
                (document, text.replace("\r\n", "\n").replace('\r', "\n"))
            }
            (None, None) => {
                return Err(err(
                    1,
                    "expected the article in \"text\" or its file name in \"document\"".into(),
                ));
            }
        };
        let mut warnings = Vec::new();
        for f in file.relations.must.iter().chain(&file.relations.allowed) {
            check_relation(&mut warnings, name, None, &f.relation);
        }
        Ok(Gold {
            name: name.to_string(),
            data: GoldData::Seed(ArticleGold {
                id,
                text,
                published,
                must: file.relations.must,
                allowed: file.relations.allowed,
                forbidden: file.entities.forbidden.into_iter().map(|f| f.id).collect(),
            }),
            warnings,
        })
    }

    fn lines(name: &str, content: &str) -> Result<Gold> {
        let err = |line: usize, message: String| Error::Input {
            input: name.to_string(),
            line,
            message,
        };
        let mut format = None;
        let mut events = Vec::new();
        let mut articles = Vec::new();
        let mut warnings = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (index, line) in content.lines().enumerate() {
            let n = index + 1;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
                err(
                    n,
                    format!(
                        "expected a JSON object: {} (column {})",
                        cause(&e),
                        e.column()
                    ),
                )
            })?;
            let Some(object) = value.as_object() else {
                return Err(err(
                    n,
                    format!("expected a JSON object, found {}", json_type(&value)),
                ));
            };
            let this = if object.contains_key("events") {
                GoldFormat::Events
            } else if object.contains_key("must") {
                GoldFormat::Articles
            } else {
                return Err(err(
                    n,
                    "expected \"events\" (a sentence with its events) or \"must\" (an \
                     article with its facts)"
                        .into(),
                ));
            };
            match format {
                None => format = Some(this),
                Some(f) if f != this => {
                    return Err(err(
                        n,
                        format!(
                            "expected a record like the first ({}), found one of {}",
                            describe(f),
                            describe(this)
                        ),
                    ));
                }
                Some(_) => {}
            }
            let id = match this {
                GoldFormat::Events => {
                    let r: EventsLine =
                        serde_json::from_value(value).map_err(|e| err(n, cause(&e)))?;
                    let id = id_string(r.id).map_err(|m| err(n, m))?;
                    for e in &r.events {
                        check_plover(&mut warnings, name, n, &e.plover);
                    }
                    events.push(SentenceGold {
                        id: id.clone(),
                        text: r.text,
                        published: published(r.published).map_err(|m| err(n, m))?,
                        events: r.events,
                        no_events: r.expect.as_deref() == Some("no_events"),
                    });
                    id
                }
                _ => {
                    let r: ArticlesLine =
                        serde_json::from_value(value).map_err(|e| err(n, cause(&e)))?;
                    let id = id_string(r.id).map_err(|m| err(n, m))?;
                    for f in r.must.iter().chain(&r.allowed) {
                        check_relation(&mut warnings, name, Some(n), &f.relation);
                    }
                    articles.push(ArticleGold {
                        id: id.clone(),
                        text: r.text,
                        published: published(r.published).map_err(|m| err(n, m))?,
                        must: r.must,
                        allowed: r.allowed,
                        forbidden: r.forbidden,
                    });
                    id
                }
            };
            if let Some(before) = ids.insert(id.clone(), n) {
                warnings.push(format!(
                    "{name}:{n}: the id {id:?} was used on line {before} too: their \
                     predictions are pooled"
                ));
            }
        }
        let data = match format {
            Some(GoldFormat::Articles) => GoldData::Articles(articles),
            _ => GoldData::Events(events),
        };
        Ok(Gold {
            name: name.to_string(),
            data,
            warnings,
        })
    }

    /// The name given when loading (the file's path).
    ///
    /// ```
    /// use newsgraph::eval::Gold;
    /// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali acted.", "events": []}"#)?;
    /// assert_eq!(gold.name(), "g.jsonl");
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The format of the file.
    ///
    /// ```
    /// use newsgraph::eval::{Gold, GoldFormat};
    /// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali acted.", "must": []}"#)?;
    /// assert_eq!(gold.format(), GoldFormat::Articles);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn format(&self) -> GoldFormat {
        match self.data {
            GoldData::Seed(_) => GoldFormat::Seed,
            GoldData::Events(_) => GoldFormat::Events,
            GoldData::Articles(_) => GoldFormat::Articles,
        }
    }

    /// Things in the gold data that are legal but probably unintended: a relation kind
    /// or PLOVER category the extractor never produces, an id used twice.
    ///
    /// ```
    /// use newsgraph::eval::Gold;
    /// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali acted.", "events": [{"source": "MLI", "target": null, "plover": "CONSLUT"}]}"#)?;
    /// assert_eq!(gold.warnings(), ["g.jsonl:1: unknown PLOVER category \"CONSLUT\": no prediction can match it"]);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The documents to extract from, in the order of the file, with the id, text and
    /// publication date the gold gives.
    ///
    /// ```
    /// use newsgraph::eval::Gold;
    /// let gold = Gold::parse("g.jsonl", r#"{"id": 7, "text": "Mali acted.", "published": "2024-03-17", "events": []}"#)?;
    /// let docs = gold.documents();
    /// assert_eq!(docs[0].id.as_str(), "7");
    /// assert_eq!(docs[0].published.map(|d| d.to_string()).as_deref(), Some("2024-03-17"));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn documents(&self) -> Vec<Document> {
        let doc = |id: &str, text: &str, published: Option<Date>| {
            let mut d = Document::new(id, text);
            d.published = published;
            d
        };
        match &self.data {
            GoldData::Seed(a) => vec![doc(&a.id, &a.text, a.published)],
            GoldData::Events(rows) => rows
                .iter()
                .map(|r| doc(&r.id, &r.text, r.published))
                .collect(),
            GoldData::Articles(rows) => rows
                .iter()
                .map(|r| doc(&r.id, &r.text, r.published))
                .collect(),
        }
    }

    /// Runs `extractor` over [`Gold::documents`] and scores what it finds.
    ///
    /// ```
    /// use newsgraph::Extractor;
    /// use newsgraph::eval::Gold;
    /// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali expelled the French ambassador.", "events": [{"source": "MLI", "target": "FRA", "plover": "SANCTION", "reciprocal": false}]}"#)?;
    /// let report = gold.evaluate(&Extractor::new());
    /// assert_eq!((report.precision(), report.recall(), report.f1()), (1.0, 1.0, 1.0));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn evaluate(&self, extractor: &Extractor) -> Report {
        let extractions: Vec<Extraction> = self
            .documents()
            .iter()
            .map(|d| extractor.extract(d))
            .collect();
        self.score(&extractions)
    }

    /// Scores extractions (of [`Gold::documents`], or of anything else: predictions are
    /// found by document id; for article facts of one article, every extraction counts).
    ///
    /// ```
    /// use newsgraph::{Document, Extractor};
    /// use newsgraph::eval::Gold;
    /// let gold = Gold::parse("one.json", r#"{"text": "-",
    ///     "relations": {"must": [{"source": "RUS", "relation": "agreement_signed", "target": "NER"}],
    ///                   "allowed": [], "forbidden": []}}"#)?;
    /// let x = Extractor::new().extract(&Document::new("d", "Niger signed a defence agreement with Russia."));
    /// let report = gold.score([&x]);
    /// assert_eq!(report.recall(), 1.0); // a symmetric kind matches either way
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn score<'a>(&self, extractions: impl IntoIterator<Item = &'a Extraction>) -> Report {
        let preds = predictions(extractions);
        let mut report = match &self.data {
            GoldData::Seed(article) => {
                let all: Vec<&Pred> = preds.iter().collect();
                let mut acc = FactsAcc::default();
                let one = score_article(article, &all, &mut acc);
                let recall = if one.must_total == 0 {
                    1.0
                } else {
                    one.must_found as f64 / one.must_total as f64
                };
                let precision = ratio(one.correct, one.predicted);
                Report::new(
                    self,
                    Scores::Seed(SeedScores {
                        must_found: one.must_found,
                        must_total: one.must_total,
                        recall_must: round3(recall),
                        precision: round3(precision),
                        f1: round3(f1(precision, recall)),
                        predicted: one.predicted,
                        missing: one.missing,
                        unexpected: one.unexpected,
                        forbidden_actors: one.forbidden_actors,
                    }),
                    acc,
                )
            }
            GoldData::Articles(rows) => {
                let by_doc = by_doc(&preds);
                let mut acc = FactsAcc::default();
                let (mut must_found, mut must_total, mut predicted, mut correct) = (0, 0, 0, 0);
                let mut forbidden_hits = 0;
                for row in rows {
                    let got = by_doc.get(row.id.as_str()).map_or(&[][..], Vec::as_slice);
                    let one = score_article(row, got, &mut acc);
                    must_found += one.must_found;
                    must_total += one.must_total;
                    predicted += one.predicted;
                    // the reference scorer adds up each article's rounded precision times
                    // its predictions, rounded half to even
                    let p = round3(ratio(one.correct, one.predicted));
                    correct += (p * one.predicted as f64).round_ties_even() as usize;
                    forbidden_hits += one.forbidden_actors.len();
                }
                let p = ratio(correct, predicted);
                let r = ratio(must_found, must_total);
                Report::new(
                    self,
                    Scores::Articles(ArticleScores {
                        articles: rows.len(),
                        must_found,
                        must_total,
                        predicted,
                        precision: round3(p),
                        recall_must: round3(r),
                        f1: round3(f1(p, r)),
                        forbidden_actor_hits: forbidden_hits,
                    }),
                    acc,
                )
            }
            GoldData::Events(rows) => score_events(self, rows, &preds),
        };
        report.warnings = self.warnings.clone();
        report
    }
}

fn describe(f: GoldFormat) -> &'static str {
    match f {
        GoldFormat::Events => "a sentence with \"events\"",
        _ => "an article with \"must\"",
    }
}

fn check_relation(warnings: &mut Vec<String>, name: &str, line: Option<usize>, relation: &str) {
    if relation.parse::<RelationKind>().is_err() {
        let at = line.map_or(String::new(), |n| format!(":{n}"));
        let w =
            format!("{name}{at}: unknown relation kind {relation:?}: no prediction can match it");
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
}

fn check_plover(warnings: &mut Vec<String>, name: &str, line: usize, category: &str) {
    if !PLOVER.iter().any(|p| p.as_str() == category) {
        warnings.push(format!(
            "{name}:{line}: unknown PLOVER category {category:?}: no prediction can match it"
        ));
    }
}

const PLOVER: [Plover; 16] = [
    Plover::Agree,
    Plover::Consult,
    Plover::Support,
    Plover::Concede,
    Plover::Cooperate,
    Plover::Aid,
    Plover::Retreat,
    Plover::Request,
    Plover::Accuse,
    Plover::Reject,
    Plover::Threaten,
    Plover::Protest,
    Plover::Sanction,
    Plover::Mobilize,
    Plover::Coerce,
    Plover::Assault,
];

// ---------------------------------------------------------------- figures

/// `x` rounded to three decimals, half to even on the exact binary value (Python's
/// `round(x, 3)`): Rust's `{:.3}` rounds the exact value the same way.
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Counts and figures for one relation kind or PLOVER category (or overall).
///
/// `tp` counts gold facts or events found, `fn` those missed, `fp` predictions that are
/// errors; for article facts `allowed` counts predictions that are defensible extras,
/// correct for precision but not for recall.
///
/// ```
/// use newsgraph::eval::Figures;
/// let f = Figures::from_counts(3, 1, 2, 0);
/// assert_eq!((f.precision, f.recall, f.f1), (0.75, 0.6, 0.667));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Gold facts or events found.
    pub tp: usize,
    /// Predictions that are errors.
    pub fp: usize,
    /// Gold facts or events missed.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Predictions that match an `allowed` fact (article facts only).
    #[serde(skip_serializing_if = "is_zero")]
    pub allowed: usize,
    /// (tp + allowed) / (tp + allowed + fp), rounded to three decimals; 0 when nothing
    /// was predicted.
    pub precision: f64,
    /// tp / (tp + fn), rounded; 0 when the gold holds none.
    pub recall: f64,
    /// The harmonic mean of precision and recall, rounded.
    pub f1: f64,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Figures {
    /// Figures from counts: found, errors, missed, allowed extras.
    pub fn from_counts(tp: usize, fp: usize, fn_: usize, allowed: usize) -> Figures {
        let p = ratio(tp + allowed, tp + allowed + fp);
        let r = ratio(tp, tp + fn_);
        Figures {
            tp,
            fp,
            fn_,
            allowed,
            precision: round3(p),
            recall: round3(r),
            f1: round3(f1(p, r)),
        }
    }

    fn refresh(&mut self) {
        *self = Figures::from_counts(self.tp, self.fp, self.fn_, self.allowed);
    }
}

/// The predictions of one relation kind: how many, how many right, how many wrong.
/// Recall needs gold facts of the kind, so it is given for article facts only (sentence
/// events are coded by PLOVER category).
///
/// ```
/// use newsgraph::eval::KindFigures;
/// let k = KindFigures::default();
/// assert_eq!((k.predicted, k.recall), (0, None));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindFigures {
    /// Distinct predictions of this kind (as the scorer counts them).
    pub predicted: usize,
    /// Of those, the ones that match the gold (or are allowed, or are a second phrasing
    /// of a matched event).
    pub correct: usize,
    /// Of those, the errors.
    pub false_alarms: usize,
    /// correct / predicted, rounded to three decimals.
    pub precision: f64,
    /// Gold facts of this kind (article facts only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<usize>,
    /// Gold facts of this kind found (article facts only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<usize>,
    /// found / gold, rounded (article facts, kinds the gold has).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recall: Option<f64>,
    /// The harmonic mean of precision and recall (where there is a recall).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub f1: Option<f64>,
}

impl KindFigures {
    fn refresh(&mut self) {
        let p = ratio(self.correct, self.predicted);
        self.precision = round3(p);
        // no gold fact of the kind: no recall to give
        if let (Some(g @ 1..), Some(f)) = (self.gold, self.found) {
            let r = ratio(f, g);
            self.recall = Some(round3(r));
            self.f1 = Some(round3(f1(p, r)));
        }
    }
}

/// The headline figures, under the names and with the values of the reference scorer
/// (`score.py --json`), one shape per gold format.
///
/// ```
/// use newsgraph::eval::{Gold, Scores};
/// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali acted.", "events": []}"#)?;
/// let report = gold.score([]);
/// assert!(matches!(report.scores, Scores::Events(ref s) if s.sentences == 1));
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Scores {
    /// The facts of one article.
    Seed(SeedScores),
    /// Sentence events.
    Events(EventScores),
    /// The facts of many articles.
    Articles(ArticleScores),
}

/// Figures for the facts of one article.
///
/// ```
/// use newsgraph::eval::{Gold, Scores};
/// let gold = Gold::parse("a.json", r#"{"text": "-", "relations": {"must": []}}"#)?;
/// let Scores::Seed(s) = gold.score([]).scores else { unreachable!() };
/// assert_eq!((s.recall_must, s.precision), (1.0, 0.0)); // as the reference scorer says
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeedScores {
    /// `must` facts predicted.
    pub must_found: usize,
    /// Distinct `must` facts.
    pub must_total: usize,
    /// must_found / must_total (1 when there are none).
    pub recall_must: f64,
    /// Predictions that are `must` or `allowed`, over all distinct predictions.
    pub precision: f64,
    /// The harmonic mean of precision and recall_must (not given by the reference scorer).
    pub f1: f64,
    /// Distinct predictions (relation, source, target), negated ones left out.
    pub predicted: usize,
    /// The `must` facts missed, as `relation|source|target`, sorted.
    pub missing: Vec<String>,
    /// Predictions neither `must` nor `allowed`, as `relation|source|target`, sorted.
    pub unexpected: Vec<String>,
    /// Forbidden entities that appear as an actor, sorted.
    pub forbidden_actors: Vec<String>,
}

/// Figures for the facts of many articles.
///
/// ```
/// use newsgraph::eval::{Gold, Scores};
/// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali acted.", "must": []}"#)?;
/// let Scores::Articles(s) = gold.score([]).scores else { unreachable!() };
/// assert_eq!(s.articles, 1);
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleScores {
    /// Articles in the gold file.
    pub articles: usize,
    /// `must` facts predicted.
    pub must_found: usize,
    /// Distinct `must` facts, over all articles.
    pub must_total: usize,
    /// Distinct predictions, over all articles.
    pub predicted: usize,
    /// Correct predictions over all predictions.
    pub precision: f64,
    /// must_found / must_total.
    pub recall_must: f64,
    /// The harmonic mean of precision and recall_must.
    pub f1: f64,
    /// Forbidden entities seen as actors, counted once per article.
    pub forbidden_actor_hits: usize,
}

/// Figures for sentence events.
///
/// ```
/// use newsgraph::eval::{Gold, Scores};
/// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali acted.", "events": [{"source": "MLI", "target": null, "plover": "AID"}]}"#)?;
/// let Scores::Events(s) = gold.score([]).scores else { unreachable!() };
/// assert_eq!((s.tp, s.fn_, s.recall), (0, 1, 0.0));
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventScores {
    /// Sentences in the gold file.
    pub sentences: usize,
    /// Gold events found.
    pub tp: usize,
    /// Predictions that match no gold event (second phrasings of a matched one aside).
    pub fp: usize,
    /// Gold events missed.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
    /// Precision of the categories alone, per sentence (actors ignored).
    pub category_precision: f64,
    /// Recall of the categories alone.
    pub category_recall: f64,
    /// F1 of the categories alone.
    pub category_f1: f64,
    /// Sentences the gold expects no event from that gave some.
    pub sentences_without_events_with_output: usize,
}

/// A gold fact or event that no prediction matched.
///
/// ```
/// use newsgraph::eval::Gold;
/// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Mali acted.", "events": [{"source": "MLI", "target": null, "plover": "AID"}]}"#)?;
/// let report = gold.score([]);
/// assert_eq!(report.misses[0].to_string(), "MLI AID -");
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Miss {
    /// The document (gold id).
    pub doc: String,
    /// The acting entity or actor code (`None`: the gold names none).
    pub source: Option<String>,
    /// The relation kind (article facts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// The PLOVER category (sentence events; for facts, the kind's category).
    pub plover: Option<String>,
    /// The entity or actor code acted upon.
    pub target: Option<String>,
    /// The gold says the event goes both ways.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reciprocal: bool,
    /// The sentence (sentence events) or the evidence the annotator quoted (facts).
    pub text: Option<String>,
    /// What the extractor found in the document instead (sentence events).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extracted: Vec<String>,
}

impl std::fmt::Display for Miss {
    /// `SOURCE RELATION TARGET` (facts) or `SOURCE PLOVER TARGET` (events), `-` for no
    /// actor.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = self.relation.as_deref().or(self.plover.as_deref());
        write!(
            f,
            "{} {} {}",
            self.source.as_deref().unwrap_or("-"),
            what.unwrap_or("-"),
            self.target.as_deref().unwrap_or("-")
        )?;
        if self.reciprocal {
            f.write_str(" (reciprocal)")?;
        }
        Ok(())
    }
}

/// A prediction counted as an error (or, in [`Report::forbidden`], one with a forbidden
/// actor), with where it came from.
///
/// ```
/// use newsgraph::{Document, Extractor};
/// use newsgraph::eval::Gold;
/// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "-", "events": []}"#)?;
/// let x = Extractor::new().extract(&Document::new("a", "Peru urged Chile to reopen the border."));
/// let fa = &gold.score([&x]).false_alarms[0];
/// assert_eq!(fa.to_string(), "PER demand CHL");
/// assert_eq!(fa.text, "Peru urged Chile to reopen the border.");
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FalseAlarm {
    /// The document.
    pub doc: String,
    /// The source as the scorer saw it: an entity id (facts) or actor code (events).
    pub source: String,
    /// The relation kind.
    pub relation: String,
    /// The PLOVER category, if the kind has one.
    pub plover: Option<String>,
    /// The target as the scorer saw it.
    pub target: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// The trigger as written.
    pub trigger: String,
    /// The rule that fired.
    pub rule: String,
}

impl std::fmt::Display for FalseAlarm {
    /// `SOURCE RELATION TARGET`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.relation, self.target)
    }
}

/// What [`Gold::score`] finds: the reference scorer's figures ([`Report::scores`]), the
/// figures per relation kind and PLOVER category, and every miss and false alarm.
///
/// Serialised as one JSON object whose headline keys are those of `score.py --json`.
///
/// ```
/// use newsgraph::Extractor;
/// use newsgraph::eval::Gold;
/// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "Chad held talks with Sudan.", "events": [{"source": "SDN", "target": "TCD", "plover": "CONSULT"}]}"#)?;
/// let report = gold.evaluate(&Extractor::new());
/// assert_eq!(report.per_category["CONSULT"].tp, 1);
/// assert_eq!(report.per_kind["talks"].correct, 1);
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["tp"], 1);
/// assert_eq!(json["format"], "events");
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The gold file.
    pub gold: String,
    /// Its format.
    pub format: GoldFormat,
    /// The number of documents (articles or sentences) scored.
    pub documents: usize,
    /// The headline figures.
    #[serde(flatten)]
    pub scores: Scores,
    /// Figures per PLOVER category. For facts, a kind without a category counts under
    /// `-`.
    pub per_category: BTreeMap<String, Figures>,
    /// Figures per relation kind of the predictions (and of the gold, for facts).
    pub per_kind: BTreeMap<String, KindFigures>,
    /// The gold facts or events missed, in the order of the file (facts sorted).
    pub misses: Vec<Miss>,
    /// The predictions counted as errors, one per distinct prediction.
    pub false_alarms: Vec<FalseAlarm>,
    /// The predictions with a forbidden actor (facts only).
    pub forbidden: Vec<FalseAlarm>,
    /// See [`Gold::warnings`].
    pub warnings: Vec<String>,
}

impl Report {
    fn new(gold: &Gold, scores: Scores, acc: FactsAcc) -> Report {
        let mut per_kind = acc.per_kind;
        for k in per_kind.values_mut() {
            k.refresh();
        }
        let mut per_category = acc.per_category;
        for c in per_category.values_mut() {
            c.refresh();
        }
        Report {
            gold: gold.name.clone(),
            format: gold.format(),
            documents: gold.documents_len(),
            scores,
            per_category,
            per_kind,
            misses: acc.misses,
            false_alarms: acc.false_alarms,
            forbidden: acc.forbidden,
            warnings: Vec::new(),
        }
    }

    /// The headline precision.
    ///
    /// ```
    /// # use newsgraph::eval::Gold;
    /// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "-", "events": []}"#)?;
    /// assert_eq!(gold.score([]).precision(), 0.0);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn precision(&self) -> f64 {
        match &self.scores {
            Scores::Seed(s) => s.precision,
            Scores::Events(s) => s.precision,
            Scores::Articles(s) => s.precision,
        }
    }

    /// The headline recall (of the `must` facts, for facts).
    ///
    /// ```
    /// # use newsgraph::eval::Gold;
    /// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "-", "events": []}"#)?;
    /// assert_eq!(gold.score([]).recall(), 0.0);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn recall(&self) -> f64 {
        match &self.scores {
            Scores::Seed(s) => s.recall_must,
            Scores::Events(s) => s.recall,
            Scores::Articles(s) => s.recall_must,
        }
    }

    /// The headline F1.
    ///
    /// ```
    /// # use newsgraph::eval::Gold;
    /// let gold = Gold::parse("g.jsonl", r#"{"id": "a", "text": "-", "events": []}"#)?;
    /// assert_eq!(gold.score([]).f1(), 0.0);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn f1(&self) -> f64 {
        match &self.scores {
            Scores::Seed(s) => s.f1,
            Scores::Events(s) => s.f1,
            Scores::Articles(s) => s.f1,
        }
    }
}

impl Gold {
    fn documents_len(&self) -> usize {
        match &self.data {
            GoldData::Seed(_) => 1,
            GoldData::Events(rows) => rows.len(),
            GoldData::Articles(rows) => rows.len(),
        }
    }
}

// ---------------------------------------------------------------- predictions

/// One assertion as the scorer sees it (the fields of the `extract --format jsonl`
/// contract that matching reads, plus where it came from).
#[derive(Debug)]
struct Pred {
    doc: String,
    source: String,
    target: String,
    kind: RelationKind,
    /// The state the actor belongs to, else `IGO` for an organisation, else its id.
    source_actor: String,
    target_actor: String,
    sentence: usize,
    text: String,
    trigger: String,
    rule: String,
}

/// The non-negated assertions of the extractions, in order.
fn predictions<'a>(extractions: impl IntoIterator<Item = &'a Extraction>) -> Vec<Pred> {
    let mut out = Vec::new();
    for x in extractions {
        for a in &x.assertions {
            if a.modality == Modality::Negated {
                continue;
            }
            let actor = |id: &crate::model::EntityId| {
                let e = x.entity(id);
                match e.and_then(|e| e.country.as_ref()) {
                    Some(c) if !c.as_str().is_empty() => c.to_string(),
                    // the reference scorer reads an organisation without a state as an
                    // IGO (and an IGO matches an NGO): our organisations all count
                    _ if e.is_some_and(|e| e.kind == EntityKind::Organization) => "IGO".into(),
                    _ => id.to_string(),
                }
            };
            out.push(Pred {
                doc: x.doc.to_string(),
                source: a.source.to_string(),
                target: a.target.to_string(),
                kind: a.kind,
                source_actor: actor(&a.source),
                target_actor: actor(&a.target),
                sentence: a.sentence,
                text: x
                    .sentence_texts
                    .get(a.sentence)
                    .cloned()
                    .unwrap_or_default(),
                trigger: a.trigger.clone(),
                rule: a.rule.clone(),
            });
        }
    }
    out
}

fn by_doc(preds: &[Pred]) -> HashMap<&str, Vec<&Pred>> {
    let mut m: HashMap<&str, Vec<&Pred>> = HashMap::new();
    for p in preds {
        m.entry(p.doc.as_str()).or_default().push(p);
    }
    m
}

impl Pred {
    fn alarm(&self, source: &str, target: &str) -> FalseAlarm {
        FalseAlarm {
            doc: self.doc.clone(),
            source: source.to_string(),
            relation: self.kind.to_string(),
            plover: self.kind.plover().map(|p| p.to_string()),
            target: target.to_string(),
            sentence: self.sentence,
            text: self.text.clone(),
            trigger: self.trigger.clone(),
            rule: self.rule.clone(),
        }
    }
}

// ---------------------------------------------------------------- facts

/// A fact key: relation, then source and target (sorted for a symmetric kind).
type FactKey = (String, String, String);

fn fact_key(source: &str, relation: &str, target: &str) -> FactKey {
    let symmetric = relation
        .parse::<RelationKind>()
        .is_ok_and(RelationKind::is_symmetric);
    let (s, t) = if symmetric && target < source {
        (target, source)
    } else {
        (source, target)
    };
    (relation.to_string(), s.to_string(), t.to_string())
}

fn key_string(k: &FactKey) -> String {
    format!("{}|{}|{}", k.0, k.1, k.2)
}

fn category_of(relation: &str) -> String {
    relation
        .parse::<RelationKind>()
        .ok()
        .and_then(RelationKind::plover)
        .map_or_else(|| "-".to_string(), |p| p.to_string())
}

/// What one article gives (the reference scorer's per-article figures).
struct ArticleResult {
    must_found: usize,
    must_total: usize,
    predicted: usize,
    correct: usize,
    missing: Vec<String>,
    unexpected: Vec<String>,
    forbidden_actors: Vec<String>,
}

/// Tables and lists gathered over the articles.
#[derive(Default)]
struct FactsAcc {
    per_kind: BTreeMap<String, KindFigures>,
    per_category: BTreeMap<String, Figures>,
    misses: Vec<Miss>,
    false_alarms: Vec<FalseAlarm>,
    forbidden: Vec<FalseAlarm>,
}

fn score_article(gold: &ArticleGold, preds: &[&Pred], acc: &mut FactsAcc) -> ArticleResult {
    let key_of = |f: &FactGold| fact_key(&f.source, &f.relation, &f.target);
    let must: BTreeMap<FactKey, &FactGold> = gold.must.iter().map(|f| (key_of(f), f)).collect();
    let allowed: BTreeSet<FactKey> = gold.allowed.iter().map(key_of).collect();
    let forbidden: HashSet<&str> = gold.forbidden.iter().map(String::as_str).collect();
    // each distinct prediction with the first assertion that said it
    let mut got: BTreeMap<FactKey, &Pred> = BTreeMap::new();
    for p in preds {
        got.entry(fact_key(&p.source, p.kind.as_str(), &p.target))
            .or_insert(p);
    }
    let mut result = ArticleResult {
        must_found: 0,
        must_total: must.len(),
        predicted: got.len(),
        correct: 0,
        missing: Vec::new(),
        unexpected: Vec::new(),
        forbidden_actors: Vec::new(),
    };
    for (key, fact) in &must {
        let kind = acc.per_kind.entry(key.0.clone()).or_default();
        *kind.gold.get_or_insert(0) += 1;
        let found = kind.found.get_or_insert(0);
        let category = acc.per_category.entry(category_of(&key.0)).or_default();
        if got.contains_key(key) {
            result.must_found += 1;
            *found += 1;
            category.tp += 1;
        } else {
            result.missing.push(key_string(key));
            category.fn_ += 1;
            acc.misses.push(Miss {
                doc: gold.id.clone(),
                source: Some(fact.source.clone()),
                relation: Some(fact.relation.clone()),
                plover: Some(category_of(&fact.relation)).filter(|c| c != "-"),
                target: Some(fact.target.clone()),
                reciprocal: false,
                text: fact.evidence.clone(),
                extracted: Vec::new(),
            });
        }
    }
    let mut bad: BTreeSet<&str> = BTreeSet::new();
    for (key, p) in &got {
        let kind = acc.per_kind.entry(key.0.clone()).or_default();
        kind.predicted += 1;
        kind.gold.get_or_insert(0);
        kind.found.get_or_insert(0);
        let category = acc.per_category.entry(category_of(&key.0)).or_default();
        let is_must = must.contains_key(key);
        if is_must || allowed.contains(key) {
            result.correct += 1;
            kind.correct += 1;
            if !is_must {
                category.allowed += 1;
            }
        } else {
            result.unexpected.push(key_string(key));
            kind.false_alarms += 1;
            category.fp += 1;
            acc.false_alarms.push(p.alarm(&key.1, &key.2));
        }
        let hit: Vec<&str> = [key.1.as_str(), key.2.as_str()]
            .into_iter()
            .filter(|a| forbidden.contains(a))
            .collect();
        if !hit.is_empty() {
            bad.extend(hit);
            acc.forbidden.push(p.alarm(&key.1, &key.2));
        }
    }
    result.forbidden_actors = bad.into_iter().map(str::to_string).collect();
    result
}

// ---------------------------------------------------------------- events

/// An event prediction: source actor, target actor, PLOVER category, symmetric kind.
type EventKey<'p> = (&'p str, &'p str, Plover, bool);

fn actor_matches(gold: Option<&str>, predicted: &str) -> bool {
    match gold {
        None => true,
        Some("IGO" | "NGO") => matches!(predicted, "IGO" | "NGO"),
        Some(code) => code == predicted,
    }
}

fn score_events(gold: &Gold, rows: &[SentenceGold], preds: &[Pred]) -> Report {
    let by_doc = by_doc(preds);
    let mut per_category: BTreeMap<String, Figures> = BTreeMap::new();
    let mut per_kind: BTreeMap<String, KindFigures> = BTreeMap::new();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let (mut cat_tp, mut cat_fp, mut cat_fn) = (0usize, 0usize, 0usize);
    let mut empty_with_output = 0usize;
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for row in rows {
        // distinct predictions in order, each with the assertions that made it
        let mut got: Vec<(EventKey<'_>, Vec<&Pred>)> = Vec::new();
        for p in by_doc.get(row.id.as_str()).into_iter().flatten() {
            let Some(plover) = p.kind.plover() else {
                continue;
            };
            let key = (
                p.source_actor.as_str(),
                p.target_actor.as_str(),
                plover,
                p.kind.is_symmetric(),
            );
            match got.iter_mut().find(|(k, _)| *k == key) {
                Some((_, ps)) => ps.push(p),
                None => got.push((key, vec![p])),
            }
        }
        let mut matched = vec![false; got.len()];
        for e in &row.events {
            let hit = got.iter().position(|((s, t, plover, symmetric), _)| {
                if plover.as_str() != e.plover {
                    return false;
                }
                let (gs, gt) = (e.source.as_deref(), e.target.as_deref());
                let direct = actor_matches(gs, s) && actor_matches(gt, t);
                let swapped = actor_matches(gs, t) && actor_matches(gt, s);
                direct || ((*symmetric || e.reciprocal) && swapped)
            });
            let category = per_category.entry(e.plover.clone()).or_default();
            if let Some(i) = hit {
                tp += 1;
                matched[i] = true;
                category.tp += 1;
            } else {
                fn_ += 1;
                category.fn_ += 1;
                misses.push(Miss {
                    doc: row.id.clone(),
                    source: e.source.clone(),
                    relation: None,
                    plover: Some(e.plover.clone()),
                    target: e.target.clone(),
                    reciprocal: e.reciprocal,
                    text: Some(row.text.clone()),
                    extracted: got
                        .iter()
                        .map(|((s, t, plover, _), ps)| format!("{s} {plover} {t} ({})", ps[0].kind))
                        .collect(),
                });
            }
        }
        let matched_categories: HashSet<Plover> = got
            .iter()
            .zip(&matched)
            .filter(|(_, m)| **m)
            .map(|((k, _), _)| k.2)
            .collect();
        for ((key, ps), m) in got.iter().zip(&matched) {
            // a second phrasing of a matched event is not an error of its own
            let correct = *m || matched_categories.contains(&key.2);
            let kinds: BTreeSet<RelationKind> = ps.iter().map(|p| p.kind).collect();
            for k in kinds {
                let kf = per_kind.entry(k.to_string()).or_default();
                kf.predicted += 1;
                if correct {
                    kf.correct += 1;
                } else {
                    kf.false_alarms += 1;
                }
            }
            if !correct {
                fp += 1;
                per_category.entry(key.2.to_string()).or_default().fp += 1;
                false_alarms.push(ps[0].alarm(key.0, key.1));
            }
        }
        if row.no_events && !got.is_empty() {
            empty_with_output += 1;
        }
        let gold_categories: BTreeSet<&str> =
            row.events.iter().map(|e| e.plover.as_str()).collect();
        let predicted_categories: BTreeSet<&str> = got.iter().map(|(k, _)| k.2.as_str()).collect();
        cat_tp += gold_categories.intersection(&predicted_categories).count();
        cat_fp += predicted_categories.difference(&gold_categories).count();
        cat_fn += gold_categories.difference(&predicted_categories).count();
    }
    for c in per_category.values_mut() {
        c.refresh();
    }
    for k in per_kind.values_mut() {
        k.refresh();
    }
    let overall = Figures::from_counts(tp, fp, fn_, 0);
    let categories = Figures::from_counts(cat_tp, cat_fp, cat_fn, 0);
    Report {
        gold: gold.name.clone(),
        format: GoldFormat::Events,
        documents: rows.len(),
        scores: Scores::Events(EventScores {
            sentences: rows.len(),
            tp,
            fp,
            fn_,
            precision: overall.precision,
            recall: overall.recall,
            f1: overall.f1,
            category_precision: categories.precision,
            category_recall: categories.recall,
            category_f1: categories.f1,
            sentences_without_events_with_output: empty_with_output,
        }),
        per_category,
        per_kind,
        misses,
        false_alarms,
        forbidden: Vec::new(),
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_to_even_on_the_exact_value() {
        // 1/16 = 0.0625 exactly: a tie, to even; 0.0005 is a little above its tie
        assert_eq!(round3(0.0625), 0.062);
        assert_eq!(round3(0.1875), 0.188);
        assert_eq!(round3(2.0 / 3.0), 0.667);
        assert_eq!(round3(1.0), 1.0);
    }

    #[test]
    fn symmetric_kinds_are_those_of_the_reference_scorer() {
        let symmetric: Vec<&str> = RelationKind::ALL
            .iter()
            .filter(|k| k.is_symmetric())
            .map(|k| k.as_str())
            .collect();
        assert_eq!(
            symmetric,
            [
                "talks",
                "agreement_signed",
                "alliance",
                "military_cooperation",
                "economic_cooperation"
            ]
        );
    }

    #[test]
    fn fact_keys_sort_the_ends_of_symmetric_kinds_only() {
        assert_eq!(
            fact_key("RUS", "talks", "NER"),
            fact_key("NER", "talks", "RUS")
        );
        assert_ne!(
            fact_key("RUS", "expulsion", "NER"),
            fact_key("NER", "expulsion", "RUS")
        );
        assert_eq!(
            key_string(&fact_key("RUS", "talks", "NER")),
            "talks|NER|RUS"
        );
    }

    #[test]
    fn gold_actors_match_as_the_reference_scorer_says() {
        assert!(actor_matches(None, "anything"));
        assert!(actor_matches(Some("NGO"), "IGO"));
        assert!(!actor_matches(Some("IGO"), "USA"));
        assert!(actor_matches(Some("USA"), "USA"));
        assert!(!actor_matches(Some("USA"), "united-states"));
    }
}
