//! Hand-made extractions for the graph and export tests: three short articles about
//! Niger, the United States, France and Russia.
#![allow(dead_code)]

use newsgraph::{
    Assertion, Date, DocId, Entity, EntityId, EntityKind, Extraction, Mention, Modality,
    RelationKind, Span,
};

/// Builds an [`Extraction`] one sentence (one fact) at a time; spans are found by
/// searching the names and trigger in the sentence.
pub struct DocBuilder {
    x: Extraction,
    text: String,
}

pub fn doc(id: &str, published: Option<&str>) -> DocBuilder {
    DocBuilder {
        x: Extraction {
            doc: DocId::new(id),
            published: published.map(date),
            source_url: None,
            sentences: Vec::new(),
            sentence_texts: Vec::new(),
            entities: Vec::new(),
            mentions: Vec::new(),
            assertions: Vec::new(),
        },
        text: String::new(),
    }
}

pub fn date(s: &str) -> Date {
    s.parse().expect("a valid date")
}

pub fn id(s: &str) -> EntityId {
    EntityId::new(s)
}

/// The entity a fixture id stands for.
pub fn known(entity_id: &str) -> Entity {
    let (kind, name) = match entity_id {
        "NER" => (EntityKind::Country, "Niger"),
        "USA" => (EntityKind::Country, "United States"),
        "FRA" => (EntityKind::Country, "France"),
        "RUS" => (EntityKind::Country, "Russia"),
        "MLI" => (EntityKind::Country, "Mali"),
        "africa-corps" => (EntityKind::ArmedGroup, "Africa Corps"),
        "ecowas" => (EntityKind::Organization, "ECOWAS"),
        "amadou-abdramane" => (EntityKind::Person, "Amadou Abdramane"),
        other => (EntityKind::Organization, other),
    };
    let mut e = Entity::new(id(entity_id), kind, name);
    match entity_id {
        "NER" => e.wikidata = Some("Q1032".into()),
        "USA" => e.wikidata = Some("Q30".into()),
        "FRA" => e.wikidata = Some("Q142".into()),
        "RUS" => e.wikidata = Some("Q159".into()),
        "africa-corps" => e.country = Some(id("RUS")),
        "amadou-abdramane" => {
            e.country = Some(id("NER"));
            e.sector = Some("GOV".into());
        }
        _ => {}
    }
    e
}

impl DocBuilder {
    pub fn url(mut self, url: &str) -> Self {
        self.x.source_url = Some(url.into());
        self
    }

    /// Adds an entity record (replacing the fixture one for that id).
    pub fn entity(mut self, entity: Entity) -> Self {
        self.x.entities.retain(|e| e.id != entity.id);
        self.x.entities.push(entity);
        self
    }

    /// One asserted fact in its own sentence.
    pub fn fact(
        self,
        source: &str,
        kind: RelationKind,
        target: &str,
        sentence: &str,
        trigger: &str,
    ) -> Self {
        self.fact_with(source, kind, target, sentence, trigger, |_| {})
    }

    /// One fact, adjusted by `tweak` (modality, date, speaker, ...).
    pub fn fact_with(
        mut self,
        source: &str,
        kind: RelationKind,
        target: &str,
        sentence: &str,
        trigger: &str,
        tweak: impl FnOnce(&mut Assertion),
    ) -> Self {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(sentence);
        let sentence_span = Span::new(start, self.text.len());
        let index = self.x.sentences.len();
        self.x.sentences.push(sentence_span);
        self.x.sentence_texts.push(sentence.to_owned());
        let find = |needle: &str| {
            sentence
                .find(needle)
                .map(|i| Span::new(start + i, start + i + needle.len()))
                .unwrap_or(Span::new(start, start))
        };
        let (source_entity, target_entity) = (self.ensure(source), self.ensure(target));
        let source_span = find(&source_entity.name);
        let target_span = find(&target_entity.name);
        for (entity, span) in [(source, source_span), (target, target_span)] {
            self.x.mentions.push(Mention {
                entity: id(entity),
                span,
                sector: None,
                sentence: index,
            });
            if let Some(e) = self.x.entities.iter_mut().find(|e| e.id.as_str() == entity) {
                e.mentions += 1;
            }
        }
        let mut assertion = Assertion {
            kind,
            source: id(source),
            target: id(target),
            modality: Modality::Asserted,
            speaker: None,
            date: None,
            confidence: 0.9,
            rule: format!("{}.test", kind.as_str()),
            sentence: index,
            sentence_span,
            source_span,
            trigger_span: find(trigger),
            target_span,
            trigger: trigger.to_owned(),
            source_sector: None,
            source_person: None,
        };
        tweak(&mut assertion);
        self.x.assertions.push(assertion);
        self
    }

    fn ensure(&mut self, entity_id: &str) -> Entity {
        if let Some(e) = self.x.entities.iter().find(|e| e.id.as_str() == entity_id) {
            return e.clone();
        }
        let e = known(entity_id);
        self.x.entities.push(e.clone());
        e
    }

    pub fn build(mut self) -> Extraction {
        self.x.entities.sort_by(|a, b| a.id.cmp(&b.id));
        self.x
    }
}

/// 17 March 2024: Niger ends its military agreement with the United States, signed in 2012.
pub fn niger_ends_us_pact() -> Extraction {
    doc("niger-ends-us-pact", Some("2024-03-17"))
        .url("https://news.example/2024/03/17/niger-us")
        .fact_with(
            "NER",
            RelationKind::AgreementEnded,
            "USA",
            "Niger ended its military agreement with the United States on Saturday.",
            "ended",
            |a| {
                a.date = Some(date("2024-03-16"));
                a.speaker = Some(id("amadou-abdramane"));
                a.source_person = Some(id("amadou-abdramane"));
                a.source_sector = Some("GOV".into());
            },
        )
        .fact_with(
            "USA",
            RelationKind::AgreementSigned,
            "NER",
            "The United States and Niger signed the agreement in 2012.",
            "signed",
            |a| a.date = Some(date("2012")),
        )
        .fact_with(
            "amadou-abdramane",
            RelationKind::MemberOf,
            "NER",
            "Niger's spokesman, Col Amadou Abdramane, read the statement.",
            "spokesman",
            |_| {},
        )
        .build()
}

/// 22 December 2023: the last French troops leave; Russia and Niger sign a military deal.
pub fn french_troops_leave() -> Extraction {
    doc("french-troops-leave", Some("2023-12-22"))
        .fact_with(
            "NER",
            RelationKind::Expulsion,
            "FRA",
            "Niger expelled France's troops after the July coup.",
            "expelled",
            |a| a.date = Some(date("2023-08")),
        )
        .fact_with(
            "RUS",
            RelationKind::AgreementSigned,
            "NER",
            "Russia and Niger signed a military cooperation agreement.",
            "signed",
            |a| a.date = Some(date("2023-12-04")),
        )
        .fact_with(
            "FRA",
            RelationKind::Accusation,
            "RUS",
            "France accused Russia of spreading disinformation, officials allegedly said.",
            "accused",
            |a| a.modality = Modality::Alleged,
        )
        .build()
}

/// 6 August 2024: Washington suspends aid to Niger; Niger's expulsion of France recalled.
pub fn us_suspends_aid() -> Extraction {
    doc("us-suspends-aid", Some("2024-08-06"))
        .fact_with(
            "USA",
            RelationKind::Aid,
            "NER",
            "The United States gave Niger $200 million in aid in 2023.",
            "gave",
            |a| a.date = Some(date("2023")),
        )
        .fact(
            "USA",
            RelationKind::AidSuspension,
            "NER",
            "The United States suspended aid to Niger.",
            "suspended",
        )
        .fact_with(
            "NER",
            RelationKind::Expulsion,
            "FRA",
            "Niger expelled France's ambassador and troops last year.",
            "expelled",
            |a| a.date = Some(date("2023")),
        )
        .fact_with(
            "africa-corps",
            RelationKind::Deployment,
            "NER",
            "Africa Corps deployed instructors to Niger in April.",
            "deployed",
            |a| a.date = Some(date("2024-04")),
        )
        .build()
}

/// The three articles.
pub fn articles() -> Vec<Extraction> {
    vec![
        niger_ends_us_pact(),
        french_troops_leave(),
        us_suspends_aid(),
    ]
}
