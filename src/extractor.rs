//! The extractor: runs the stages over one document.
//!
//! ```
//! use newsgraph::{Document, Extractor, RelationKind};
//! let ex = Extractor::new();
//! let doc = Document::new("d1", "Mali expelled the French ambassador on Monday.")
//!     .published("2024-03-17".parse()?);
//! let out = ex.extract(&doc);
//! let a = &out.assertions[0];
//! assert_eq!((a.source.as_str(), a.kind, a.target.as_str()), ("MLI", RelationKind::Expulsion, "FRA"));
//! assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-03-11"));
//! # Ok::<(), String>(())
//! ```

use std::path::Path;

use crate::coref;
use crate::error::Result;
use crate::lexicon::{LexEntity, Lexicon};
use crate::mentions::{self, Analysed, Matcher, Person, Referent};
use crate::model::{
    Assertion, Document, Entity, EntityId, EntityKind, Extraction, Mention, Modality, RelationKind,
    Span,
};
use crate::relations::{self, DocState};
use crate::text;

/// Turns documents into [`Extraction`]s. Build once, share between threads
/// (`Send + Sync`), call [`Extractor::extract`] for each document.
#[derive(Clone, Debug)]
pub struct Extractor {
    lexicon: Lexicon,
    matcher: Matcher,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Builds an [`Extractor`] from the built-in lexicon plus user data files.
///
/// ```
/// use newsgraph::{Document, Extractor};
/// let ex = Extractor::builder()
///     .lexicon_str("mine.tsv", "id\tname\taliases\tcountry\tsuccessor_of\twikidata\nsahel-guard\tSahel Guard\t-\tNER\t-\t-\n")
///     .build()?;
/// let out = ex.extract(&Document::new("d", "The Sahel Guard attacked Mali."));
/// assert_eq!(out.assertions[0].source.as_str(), "sahel-guard");
/// # Ok::<(), newsgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    builtin: Builtin,
    files: Vec<Source>,
}

/// How far [`Extractor::run`] goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stages {
    /// Entities and mentions only.
    Mentions,
    /// Everything.
    All,
}

/// Whether the builder starts from the built-in lexicon.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Builtin {
    /// Start from the built-in lexicon (the default).
    #[default]
    Include,
    /// Start empty: only the files given are used.
    Exclude,
}

#[derive(Clone, Debug)]
enum Source {
    File(std::path::PathBuf),
    Str(String, String),
}

impl ExtractorBuilder {
    /// Whether to start from the built-in lexicon (default: [`Builtin::Include`]).
    pub fn builtin(mut self, b: Builtin) -> Self {
        self.builtin = b;
        self
    }

    /// Adds a lexicon or trigger file (any table of `data/FORMAT.md`, told apart by its
    /// header line).
    pub fn lexicon_file(mut self, path: impl AsRef<Path>) -> Self {
        self.files.push(Source::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds a trigger pattern file; the same as [`ExtractorBuilder::lexicon_file`], named
    /// for readability.
    pub fn pattern_file(self, path: impl AsRef<Path>) -> Self {
        self.lexicon_file(path)
    }

    /// Adds a data file given as a string; `name` is used in error messages.
    pub fn lexicon_str(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.files.push(Source::Str(name.into(), text.into()));
        self
    }

    /// Loads and validates every file and compiles the matcher.
    pub fn build(self) -> Result<Extractor> {
        let mut lexicon = match self.builtin {
            Builtin::Include => Lexicon::builtin(),
            Builtin::Exclude => Lexicon::empty(),
        };
        for f in &self.files {
            match f {
                Source::File(p) => lexicon.add_file(p)?,
                Source::Str(name, text) => lexicon.add_str(name, text)?,
            }
        }
        Ok(Extractor::with_lexicon(lexicon))
    }
}

impl Extractor {
    /// An extractor with the built-in lexicon.
    pub fn new() -> Extractor {
        Extractor::with_lexicon(Lexicon::builtin())
    }

    /// A builder for an extractor with user data files.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor over a lexicon built by hand.
    pub fn with_lexicon(lexicon: Lexicon) -> Extractor {
        let matcher = Matcher::new(&lexicon);
        Extractor { lexicon, matcher }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts entities and relations from one document. Never fails, never panics.
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.run(doc, Stages::All)
    }

    /// Finds the entities and their mentions in one document, without looking for
    /// relations: the extraction [`Extractor::extract`] gives, minus its assertions (and
    /// minus the entities that only an assertion names). Faster, for entity linking or
    /// counting mentions.
    ///
    /// ```
    /// use newsgraph::{Document, Extractor};
    /// let ex = Extractor::new();
    /// let doc = Document::new("d1", "Mali expelled the French ambassador.");
    /// let out = ex.mentions(&doc);
    /// assert!(out.assertions.is_empty());
    /// let ids: Vec<&str> = out.entities.iter().map(|e| e.id.as_str()).collect();
    /// assert_eq!(ids, ["FRA", "MLI"]);
    /// ```
    pub fn mentions(&self, doc: &Document) -> Extraction {
        self.run(doc, Stages::Mentions)
    }

    /// The number of raw matches of the lexicon automaton in `text`, before any word
    /// boundary or context check: the cost floor of the mention stage, for benchmarks.
    #[doc(hidden)]
    pub fn bare_scan(&self, text: &str) -> usize {
        self.matcher.bare_scan(text)
    }

    /// The number of lexicon phrases found in `text` on word boundaries: the phrase scan
    /// that opens the mention stage, alone, for benchmarks.
    #[doc(hidden)]
    pub fn phrase_scan(&self, text: &str) -> usize {
        self.matcher.scan(text).len()
    }

    fn run(&self, doc: &Document, stages: Stages) -> Extraction {
        let text = doc.text.as_str();
        let lex = &self.lexicon;
        let sentences = text::sentences(text);
        let hits = self.matcher.scan(text);
        let mut persons: Vec<Person> = Vec::new();
        let mut memory = coref::Memory::default();
        let mut state = DocState::default();
        let mut assertions: Vec<Assertion> = Vec::new();
        // about one mention per phrase hit: grown once, not from empty
        let mut mention_list: Vec<Mention> = Vec::with_capacity(hits.len());
        // each person's first mention (sentence, span), in the order first met: a document
        // names few people, a list does
        let mut first_person_mention: Vec<(EntityId, usize, Span)> = Vec::new();
        let mut h = 0usize;
        for (index, sent) in sentences.iter().enumerate() {
            while h < hits.len() && hits[h].span.start < sent.span.start {
                h += 1;
            }
            let h0 = h;
            while h < hits.len() && hits[h].span.end <= sent.span.end {
                h += 1;
            }
            // no lexicon phrase, no actor: nothing to analyse
            if sent.boilerplate || h0 == h {
                continue;
            }
            let tokens = text::tokens(text, sent.span);
            let items = mentions::items(lex, text, &tokens, &hits[h0..h]);
            let mut analysed = Analysed {
                index,
                span: sent.span,
                tokens,
                items,
                actors: Vec::new(),
            };
            let mut actors = mentions::actors(lex, text, &analysed, &mut persons);
            coref::resolve(lex, &persons, &mut memory, &mut actors, text);
            analysed.actors = actors;
            state.count(lex, &analysed.actors);
            if stages == Stages::All {
                relations::sentence(
                    lex,
                    text,
                    &analysed,
                    doc.published,
                    &mut state,
                    &mut assertions,
                );
            }
            // the relations are found: the actors give their ids and sectors to the mentions
            for a in analysed.actors {
                if a.media {
                    continue;
                }
                let (span, mut sector) = (a.span, a.sector);
                match (a.person, a.referent) {
                    (Some(p), _) => {
                        if !first_person_mention.iter().any(|(id, ..)| *id == p) {
                            first_person_mention.push((p.clone(), index, span));
                        }
                        mention_list.push(Mention {
                            entity: p,
                            span,
                            sector,
                            sentence: index,
                        });
                    }
                    (None, Referent::Entity(e)) => mention_list.push(Mention {
                        entity: e,
                        span,
                        sector,
                        sentence: index,
                    }),
                    (None, _) => {
                        let last = a.entities.len().saturating_sub(1);
                        for (i, e) in a.entities.into_iter().enumerate() {
                            mention_list.push(Mention {
                                entity: e,
                                span,
                                sector: if i == last {
                                    sector.take()
                                } else {
                                    sector.clone()
                                },
                                sentence: index,
                            });
                        }
                    }
                }
            }
        }
        // a person's state: member_of (people found in the text, and people of the lexicon
        // in the order of their ids); relations only: `mentions` leaves them out
        if stages == Stages::All && !first_person_mention.is_empty() {
            let mut lexicon_people: Vec<&LexEntity> = first_person_mention
                .iter()
                .filter_map(|(id, ..)| lex.entity(id).filter(|e| e.kind == EntityKind::Person))
                .collect();
            lexicon_people.sort_unstable_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
            let people = persons
                .iter()
                .map(|p| (&p.id, &p.country, &p.sector))
                .chain(
                    lexicon_people
                        .iter()
                        .map(|e| (&e.id, &e.country, &e.sector)),
                );
            for (id, country, sector) in people {
                let Some(c) = country else { continue };
                let Some((_, sentence, span)) =
                    first_person_mention.iter().find(|(seen, ..)| seen == id)
                else {
                    continue;
                };
                let (sentence, span) = (*sentence, *span);
                let sentence_span = sentences.get(sentence).map_or(span, |s| s.span);
                assertions.push(Assertion {
                    kind: RelationKind::MemberOf,
                    source: id.clone(),
                    target: c.clone(),
                    modality: Modality::Asserted,
                    speaker: None,
                    date: None,
                    confidence: 0.8,
                    rule: "person.title".into(),
                    sentence,
                    sentence_span,
                    source_span: span,
                    trigger_span: span,
                    target_span: span,
                    trigger: span.slice(text).to_string(),
                    source_sector: sector.clone(),
                    source_person: Some(id.clone()),
                });
            }
        }
        assertions.sort_by_key(|a| {
            (
                a.sentence,
                a.trigger_span.start,
                a.source_span.start,
                a.target_span.start,
            )
        });
        let entities = self.entities(&mention_list, &persons, &assertions);
        Extraction {
            doc: doc.id.clone(),
            published: doc.published,
            source_url: doc.source_url.clone(),
            sentence_texts: sentences
                .iter()
                .map(|s| s.span.slice(text).to_string())
                .collect(),
            sentences: sentences.iter().map(|s| s.span).collect(),
            entities,
            mentions: mention_list,
            assertions,
        }
    }

    fn entities(
        &self,
        mentions: &[Mention],
        persons: &[Person],
        assertions: &[Assertion],
    ) -> Vec<Entity> {
        /// Ids told apart by where their text lies, at most this many: past them, a
        /// document of many entities goes on by sorting.
        const BY_PLACE: usize = 64;
        // Every id named, with its count of mentions. Most are clones of a few ids (of the
        // lexicon, of the people found) and share their text: they are first counted by
        // where it lies, two numbers to compare, then sorted and merged by the text.
        fn count<'a>(ids: &mut Vec<(&'a EntityId, u32)>, id: &'a EntityId, n: u32) {
            if ids.len() <= BY_PLACE
                && let Some(seen) = ids
                    .iter_mut()
                    .find(|(seen, _)| std::ptr::eq(seen.as_str(), id.as_str()))
            {
                seen.1 += n;
                return;
            }
            ids.push((id, n));
        }
        // a few distinct ids per document: one allocation, not three
        let mut ids: Vec<(&EntityId, u32)> = Vec::with_capacity(16);
        for m in mentions {
            count(&mut ids, &m.entity, 1);
        }
        for a in assertions {
            count(&mut ids, &a.source, 0);
            count(&mut ids, &a.target, 0);
            if let Some(s) = &a.speaker {
                count(&mut ids, s, 0);
            }
            if let Some(p) = &a.source_person {
                count(&mut ids, p, 0);
            }
        }
        // in the order of the ids' text
        ids.sort_unstable_by(|(a, _), (b, _)| a.as_str().cmp(b.as_str()));
        let mut out: Vec<Entity> = Vec::with_capacity(ids.len());
        for (id, n) in ids {
            match out.last_mut() {
                Some(e) if e.id == *id => e.mentions += n,
                _ => {
                    let mut e = self.entity_for(id, persons);
                    e.mentions += n;
                    out.push(e);
                }
            }
        }
        out
    }

    fn entity_for(&self, id: &EntityId, persons: &[Person]) -> Entity {
        if let Some(l) = self.lexicon.entity(id) {
            let mut e = Entity::new(id.clone(), l.kind, l.name.clone());
            e.org_type = l.org_type;
            e.country.clone_from(&l.country);
            e.wikidata.clone_from(&l.wikidata);
            e.sector.clone_from(&l.sector);
            return e;
        }
        if let Some(p) = persons.iter().find(|p| &p.id == id) {
            let mut e = Entity::new(id.clone(), EntityKind::Person, p.name.clone());
            e.country.clone_from(&p.country);
            e.sector.clone_from(&p.sector);
            return e;
        }
        Entity::new(id.clone(), EntityKind::Person, id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn send_sync<T: Send + Sync>() {}

    /// How entities were gathered before: a map from each id to its entity.
    fn entities_by_map(
        ex: &Extractor,
        mentions: &[Mention],
        persons: &[Person],
        assertions: &[Assertion],
    ) -> Vec<Entity> {
        let mut out: BTreeMap<EntityId, Entity> = BTreeMap::new();
        let mut touch = |id: &EntityId, count: bool| {
            let e = out
                .entry(id.clone())
                .or_insert_with(|| ex.entity_for(id, persons));
            if count {
                e.mentions += 1;
            }
        };
        for m in mentions {
            touch(&m.entity, true);
        }
        for a in assertions {
            touch(&a.source, false);
            touch(&a.target, false);
            if let Some(s) = &a.speaker {
                touch(s, false);
            }
            if let Some(p) = &a.source_person {
                touch(p, false);
            }
        }
        out.into_values().collect()
    }

    #[test]
    fn entities_are_those_a_map_gathers() {
        let ex = Extractor::new();
        // ids of the lexicon, of people, and unknown ones; each also as a copy that does
        // not share its text with the first
        let mut names: Vec<String> = ["MLI", "FRA", "USA", "RUS", "un", "nato", "wagner"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        names.extend((0..150).map(|i| format!("person-{i}")));
        let shared: Vec<EntityId> = names.iter().map(EntityId::new).collect();
        let copies: Vec<EntityId> = names.iter().map(EntityId::new).collect();
        let persons: Vec<Person> = (0..20)
            .map(|i| Person {
                id: shared[7 + i].clone(),
                name: format!("Person {i}"),
                country: (i % 2 == 0).then(|| shared[0].clone()),
                sector: (i % 3 == 0).then(|| "GOV".to_string()),
            })
            .collect();
        let mut rng = crate::test_rng::Rng(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        for round in 0..300 {
            // few ids or many (past the ones counted by place)
            let spread = [3, 10, 40, 80, names.len()][round % 5];
            let (mention_count, assertion_count) = (next(300), next(40));
            let mut id = || {
                let i = next(spread);
                if next(4) == 0 {
                    copies[i].clone()
                } else {
                    shared[i].clone()
                }
            };
            let span = Span::new(0, 1);
            let mentions: Vec<Mention> = (0..mention_count)
                .map(|i| Mention {
                    entity: id(),
                    span,
                    sector: None,
                    sentence: i,
                })
                .collect();
            let mut assertions = Vec::new();
            for i in 0..assertion_count {
                let (source, target) = (id(), id());
                let speaker = (i % 3 == 0).then(&mut id);
                let source_person = (i % 2 == 0).then(&mut id);
                assertions.push(Assertion {
                    kind: RelationKind::Talks,
                    source,
                    target,
                    modality: Modality::Asserted,
                    speaker,
                    date: None,
                    confidence: 0.5,
                    rule: String::new(),
                    sentence: i,
                    sentence_span: span,
                    source_span: span,
                    trigger_span: span,
                    target_span: span,
                    trigger: String::new(),
                    source_sector: None,
                    source_person,
                });
            }
            assert_eq!(
                ex.entities(&mentions, &persons, &assertions),
                entities_by_map(&ex, &mentions, &persons, &assertions),
                "round {round}"
            );
        }
    }

    #[test]
    fn public_types_are_send_and_sync() {
        send_sync::<Extractor>();
        send_sync::<Extraction>();
    }
}
