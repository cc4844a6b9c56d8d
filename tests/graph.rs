//! The knowledge graph on hand-made extractions: merge semantics, idempotence, current
//! versus ended relations, queries, JSON, and property tests of merge order.

mod graph_fixtures;

use graph_fixtures::{
    articles, date, doc, french_troops_leave, id, known, niger_ends_us_pact, us_suspends_aid,
};
use newsgraph::graph::petgraph::visit::{EdgeRef, IntoEdgeReferences};
use newsgraph::{
    DocId, Entity, EntityKind, Error, Evidence, Extraction, Filter, KnowledgeGraph, Modality,
    RelationKey, RelationKind,
};
use proptest::prelude::*;

fn key(source: &str, kind: RelationKind, target: &str) -> RelationKey {
    RelationKey::new(id(source), kind, id(target))
}

fn full() -> KnowledgeGraph {
    KnowledgeGraph::from_extractions(&articles())
}

fn keys(graph: &KnowledgeGraph) -> Vec<String> {
    graph.relations().map(|r| r.key().to_string()).collect()
}

#[test]
fn entities_merge_by_id_and_count_mentions_per_article() {
    let graph = full();
    let ids: Vec<_> = graph.entities().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "FRA",
            "NER",
            "RUS",
            "USA",
            "africa-corps",
            "amadou-abdramane"
        ]
    );
    let mentions = |s: &str| graph.entity(&id(s)).map(|e| e.mentions);
    assert_eq!(mentions("NER"), Some(9));
    assert_eq!(mentions("USA"), Some(4));
    assert_eq!(mentions("FRA"), Some(3));
    assert_eq!(graph.article_count(), 3);
    let article = graph
        .article(&DocId::new("niger-ends-us-pact"))
        .expect("article");
    assert_eq!(article.published, Some(date("2024-03-17")));
    assert_eq!(
        article.source_url.as_deref(),
        Some("https://news.example/2024/03/17/niger-us")
    );
    assert_eq!(article.mentions.get(&id("NER")), Some(&3));
}

#[test]
fn the_same_relation_is_one_edge_whose_evidence_grows() {
    let graph = full();
    assert_eq!(
        keys(&graph),
        [
            "FRA accusation RUS",
            "NER agreement_signed RUS",
            "NER agreement_signed USA",
            "NER agreement_ended USA",
            "NER expulsion FRA",
            "USA aid NER",
            "USA aid_suspension NER",
            "africa-corps deployment NER",
            "amadou-abdramane member_of NER",
        ]
    );
    let expulsion = graph
        .relation(&key("NER", RelationKind::Expulsion, "FRA"))
        .expect("expulsion");
    assert_eq!((expulsion.mentions(), expulsion.sources()), (2, 2));
    let docs: Vec<_> = expulsion.documents().map(DocId::as_str).collect();
    assert_eq!(docs, ["french-troops-leave", "us-suspends-aid"]);
    assert_eq!(expulsion.first_date(), Some(date("2023")));
    assert_eq!(expulsion.last_date(), Some(date("2023-08")));
    let evidence = &expulsion.evidence()[0];
    assert_eq!(evidence.trigger, "expelled");
    assert_eq!(
        evidence.sentence_text,
        "Niger expelled France's troops after the July coup."
    );
    assert_eq!(evidence.rule, "expulsion.test");
    assert_eq!(evidence.published, Some(date("2023-12-22")));
}

#[test]
fn symmetric_relations_sort_their_ends_and_swap_the_spans() {
    let x = niger_ends_us_pact();
    let graph = KnowledgeGraph::from_extractions([&x]);
    // Written "USA agreement_signed NER", stored with NER first.
    assert_eq!(
        key("USA", RelationKind::AgreementSigned, "NER"),
        key("NER", RelationKind::AgreementSigned, "USA")
    );
    let signed = graph
        .relation(&key("USA", RelationKind::AgreementSigned, "NER"))
        .expect("signed");
    assert_eq!(signed.source().as_str(), "NER");
    let e = &signed.evidence()[0];
    let text = "Niger ended its military agreement with the United States on Saturday. \
                The United States and Niger signed the agreement in 2012.";
    assert_eq!(e.source_span.slice(text), "Niger");
    assert_eq!(e.target_span.slice(text), "United States");
    assert_eq!(e.trigger_span.slice(text), "signed");
}

#[test]
fn adding_the_same_document_again_changes_nothing() {
    let once = full();
    let mut twice = full();
    for x in articles() {
        twice.add(&x);
    }
    assert_eq!(twice, once);
    assert_eq!(twice.to_json().unwrap(), once.to_json().unwrap());
    let mut merged = once.clone();
    merged.merge(once.clone());
    assert_eq!(merged, once);
}

#[test]
fn merging_is_commutative_and_associative() {
    let [a, b, c] = [
        niger_ends_us_pact(),
        french_troops_leave(),
        us_suspends_aid(),
    ]
    .map(|x| KnowledgeGraph::from_extractions([&x]));
    let merged = |parts: &[&KnowledgeGraph]| {
        let mut g = KnowledgeGraph::new();
        for p in parts {
            g.merge((*p).clone());
        }
        g
    };
    let abc = merged(&[&a, &b, &c]);
    assert_eq!(abc, merged(&[&c, &b, &a]));
    assert_eq!(abc, merged(&[&b, &a, &c]));
    let mut bc = b.clone();
    bc.merge(c.clone());
    let mut a_bc = a.clone();
    a_bc.merge(bc);
    assert_eq!(abc, a_bc);
    assert_eq!(abc, full());
    assert_eq!(abc.to_json().unwrap(), full().to_json().unwrap());
}

#[test]
fn an_agreement_ended_later_is_not_current() {
    let graph = full();
    let signed_usa = graph
        .relation(&key("NER", RelationKind::AgreementSigned, "USA"))
        .expect("signed");
    assert!(!signed_usa.is_current());
    assert_eq!(
        signed_usa.ended_by(),
        Some(&key("NER", RelationKind::AgreementEnded, "USA"))
    );
    let aid = graph
        .relation(&key("USA", RelationKind::Aid, "NER"))
        .expect("aid");
    assert_eq!(
        aid.ended_by(),
        Some(&key("USA", RelationKind::AidSuspension, "NER"))
    );
    let signed_rus = graph
        .relation(&key("NER", RelationKind::AgreementSigned, "RUS"))
        .expect("signed");
    assert!(signed_rus.is_current());
    assert!(
        graph
            .relation(&key("africa-corps", RelationKind::Deployment, "NER"))
            .expect("deployment")
            .is_current()
    );
    // The ending relation itself has nothing that ends it.
    assert!(
        graph
            .relation(&key("NER", RelationKind::AgreementEnded, "USA"))
            .expect("ended")
            .is_current()
    );
}

#[test]
fn an_agreement_signed_again_after_it_ended_is_current_again() {
    let mut graph = KnowledgeGraph::from_extractions([&niger_ends_us_pact()]);
    let again = doc("new-deal", Some("2025-02-01"))
        .fact(
            "USA",
            RelationKind::AgreementSigned,
            "NER",
            "The United States and Niger signed a new agreement.",
            "signed",
        )
        .build();
    graph.add(&again);
    let signed = graph
        .relation(&key("NER", RelationKind::AgreementSigned, "USA"))
        .expect("signed");
    assert_eq!(signed.last_date(), Some(date("2025-02-01")));
    assert!(signed.is_current());
}

#[test]
fn only_an_asserted_ending_ends_a_relation() {
    let threatened = doc("threat", Some("2024-05-01"))
        .fact(
            "USA",
            RelationKind::AgreementSigned,
            "NER",
            "The United States and Niger signed an accord.",
            "signed",
        )
        .fact_with(
            "NER",
            RelationKind::AgreementEnded,
            "USA",
            "Niger could end the accord with the United States.",
            "end",
            |a| a.modality = Modality::Hypothetical,
        )
        .build();
    let graph = KnowledgeGraph::from_extractions([&threatened]);
    assert!(
        graph
            .relation(&key("NER", RelationKind::AgreementSigned, "USA"))
            .expect("signed")
            .is_current()
    );
    assert_eq!(
        graph
            .relation(&key("NER", RelationKind::AgreementEnded, "USA"))
            .expect("ended")
            .modality(),
        Modality::Hypothetical
    );
}

#[test]
fn undated_relations_are_ended_by_any_asserted_ending() {
    let undated = doc("undated", None)
        .fact(
            "USA",
            RelationKind::Aid,
            "NER",
            "The United States gave Niger aid.",
            "gave",
        )
        .fact(
            "USA",
            RelationKind::AidSuspension,
            "NER",
            "The United States suspended aid to Niger.",
            "suspended",
        )
        .build();
    let graph = KnowledgeGraph::from_extractions([&undated]);
    assert!(
        !graph
            .relation(&key("USA", RelationKind::Aid, "NER"))
            .expect("aid")
            .is_current()
    );
}

#[test]
fn an_expulsion_ends_a_deployment_in_the_other_direction() {
    let x = doc("exp", Some("2023-12-22"))
        .fact_with(
            "FRA",
            RelationKind::Deployment,
            "NER",
            "France deployed 1,500 troops in Niger.",
            "deployed",
            |a| a.date = Some(date("2022")),
        )
        .fact(
            "NER",
            RelationKind::Expulsion,
            "FRA",
            "Niger expelled France's troops.",
            "expelled",
        )
        .build();
    let graph = KnowledgeGraph::from_extractions([&x]);
    let deployment = graph
        .relation(&key("FRA", RelationKind::Deployment, "NER"))
        .expect("deployment");
    assert_eq!(
        deployment.ended_by(),
        Some(&key("NER", RelationKind::Expulsion, "FRA"))
    );
}

#[test]
fn overall_modality_is_the_strongest_of_the_evidence() {
    let graph = full();
    let accusation = graph
        .relation(&key("FRA", RelationKind::Accusation, "RUS"))
        .expect("accusation");
    assert_eq!(accusation.modality(), Modality::Alleged);
    let asserted_later = doc("later", Some("2024-01-01"))
        .fact(
            "FRA",
            RelationKind::Accusation,
            "RUS",
            "France accused Russia of meddling.",
            "accused",
        )
        .build();
    let mut graph = graph;
    graph.add(&asserted_later);
    let accusation = graph
        .relation(&key("FRA", RelationKind::Accusation, "RUS"))
        .expect("accusation");
    assert_eq!(accusation.modality(), Modality::Asserted);
}

#[test]
fn two_versions_of_one_article_resolve_the_same_in_either_order() {
    // The same article extracted twice (say by two versions of the extractor): the same
    // evidence keys with different contents, a different date, another source URL.
    let old = french_troops_leave();
    let mut new = french_troops_leave();
    new.published = Some(date("2023-12-21"));
    new.source_url = Some("https://news.example/b".into());
    new.assertions[0].modality = Modality::Alleged;
    new.assertions[0].confidence = 0.5;
    new.assertions[1].date = None;
    let a = KnowledgeGraph::from_extractions([&old, &new]);
    let b = KnowledgeGraph::from_extractions([&new, &old]);
    assert_eq!(a, b);
    assert_eq!(a.to_json().unwrap(), b.to_json().unwrap());
    let expulsion = a
        .relation(&key("NER", RelationKind::Expulsion, "FRA"))
        .expect("expulsion");
    assert_eq!(expulsion.mentions(), 1);
    let article = a
        .article(&DocId::new("french-troops-leave"))
        .expect("article");
    assert_eq!(article.published, Some(date("2023-12-21")));
}

#[test]
fn entity_records_are_reconciled_deterministically() {
    let mut ner = known("NER");
    ner.aliases = vec!["Republic of Niger".into(), "Niger".into()];
    let mut short = Entity::new(id("amadou-abdramane"), EntityKind::Person, "Abdramane");
    short.country = Some(id("NER"));
    let a = doc("a", None)
        .entity(ner)
        .entity(short)
        .fact(
            "amadou-abdramane",
            RelationKind::MemberOf,
            "NER",
            "Abdramane speaks for Niger.",
            "speaks for",
        )
        .build();
    let b = niger_ends_us_pact();
    let ab = KnowledgeGraph::from_extractions([&a, &b]);
    let ba = KnowledgeGraph::from_extractions([&b, &a]);
    assert_eq!(ab, ba);
    let person = ab.entity(&id("amadou-abdramane")).expect("person");
    assert_eq!(person.name, "Amadou Abdramane"); // the longer canonical name
    assert_eq!(person.aliases, ["Abdramane"]);
    assert_eq!(person.sector.as_deref(), Some("GOV"));
    let niger = ab.entity(&id("NER")).expect("NER");
    assert_eq!(niger.name, "Niger");
    assert_eq!(niger.aliases, ["Republic of Niger"]);
    assert_eq!(niger.wikidata.as_deref(), Some("Q1032"));
}

#[test]
fn an_undescribed_entity_is_a_placeholder_until_described() {
    let mut a = doc("a", None)
        .fact(
            "RUS",
            RelationKind::SuccessorOf,
            "NER",
            "Africa Corps succeeded the Wagner Group.",
            "succeeded",
        )
        .build();
    a.assertions[0].source = id("africa-corps");
    a.assertions[0].target = id("wagner-group");
    let b = doc("b", None)
        .entity(Entity::new(
            id("wagner-group"),
            EntityKind::ArmedGroup,
            "Wagner Group",
        ))
        .fact(
            "wagner-group",
            RelationKind::Deployment,
            "MLI",
            "The Wagner Group deployed in Mali.",
            "deployed",
        )
        .build();
    let only_a = KnowledgeGraph::from_extractions([&a]);
    assert!(only_a.is_unresolved(&id("africa-corps")));
    let placeholder = only_a.entity(&id("africa-corps")).expect("placeholder");
    assert_eq!(
        (placeholder.kind, placeholder.name.as_str()),
        (EntityKind::Organization, "africa-corps")
    );
    let ab = KnowledgeGraph::from_extractions([&a, &b]);
    assert_eq!(ab, KnowledgeGraph::from_extractions([&b, &a]));
    assert!(!ab.is_unresolved(&id("wagner-group")));
    assert_eq!(
        ab.entity(&id("wagner-group")).map(|e| e.kind),
        Some(EntityKind::ArmedGroup)
    );
}

#[test]
fn queries_by_kind_country_and_pair() {
    let graph = full();
    let states: Vec<_> = graph
        .entities_of_kind(EntityKind::Country)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(states, ["FRA", "NER", "RUS", "USA"]);
    let niger: Vec<_> = graph
        .entities_in_country(&id("NER"))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(niger, ["NER", "amadou-abdramane"]);
    let russia: Vec<_> = graph
        .entities_in_country(&id("RUS"))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(russia, ["RUS", "africa-corps"]);
    let signed: Vec<_> = graph
        .relations_of_kind(RelationKind::AgreementSigned)
        .map(|r| r.target().as_str())
        .collect();
    assert_eq!(signed, ["RUS", "USA"]);
    let between: Vec<_> = graph
        .relations_between(&id("USA"), &id("NER"))
        .iter()
        .map(|r| r.key().to_string())
        .collect();
    assert_eq!(
        between,
        [
            "NER agreement_signed USA",
            "NER agreement_ended USA",
            "USA aid NER",
            "USA aid_suspension NER"
        ]
    );
    assert!(graph.relations_between(&id("FRA"), &id("USA")).is_empty());
    assert!(
        graph
            .relations_between(&id("nobody"), &id("USA"))
            .is_empty()
    );
    let neighbours: Vec<_> = graph
        .neighbours(&id("NER"))
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        neighbours,
        ["FRA", "RUS", "USA", "africa-corps", "amadou-abdramane"]
    );
    assert_eq!(graph.relations_of(&id("RUS")).len(), 2);
}

#[test]
fn a_timeline_is_in_date_order() {
    let graph = full();
    let timeline: Vec<_> = graph
        .timeline(&id("NER"))
        .iter()
        .map(|r| r.key().to_string())
        .collect();
    assert_eq!(
        timeline,
        [
            "NER agreement_signed USA",       // 2012
            "USA aid NER",                    // 2023
            "NER expulsion FRA",              // 2023 .. 2023-08
            "NER agreement_signed RUS",       // 2023-12-04
            "NER agreement_ended USA",        // 2024-03-16
            "amadou-abdramane member_of NER", // published 2024-03-17
            "africa-corps deployment NER",    // 2024-04
            "USA aid_suspension NER",         // published 2024-08-06
        ]
    );
    assert!(graph.timeline(&id("nobody")).is_empty());
}

#[test]
fn subgraphs_filter_by_corroboration_kind_and_date() {
    let graph = full();
    let corroborated = graph.subgraph(&Filter::new().min_sources(2));
    assert_eq!(keys(&corroborated), ["NER expulsion FRA"]);
    assert_eq!(corroborated.entity_count(), 2);
    assert_eq!(corroborated.article_count(), 2);
    // Mentions are those of the kept articles.
    assert_eq!(corroborated.entity(&id("NER")).map(|e| e.mentions), Some(6));

    let recent = graph.subgraph(&Filter::new().from(date("2024-01-01")));
    assert_eq!(
        keys(&recent),
        [
            "NER agreement_ended USA",
            "USA aid_suspension NER",
            "africa-corps deployment NER",
            "amadou-abdramane member_of NER"
        ]
    );
    let window = graph.subgraph(
        &Filter::new()
            .from(date("2023-06-01"))
            .to(date("2023-12-31")),
    );
    assert_eq!(
        keys(&window),
        [
            "FRA accusation RUS",
            "NER agreement_signed RUS",
            "NER expulsion FRA"
        ]
    );
    let expulsion = window
        .relation(&key("NER", RelationKind::Expulsion, "FRA"))
        .expect("expulsion");
    assert_eq!(expulsion.sources(), 1); // the 2023 (year) evidence starts before the window

    let agreements = graph.subgraph(
        &Filter::new().kinds([RelationKind::AgreementSigned, RelationKind::AgreementEnded]),
    );
    assert_eq!(agreements.relation_count(), 3);
    assert!(
        !agreements
            .relation(&key("NER", RelationKind::AgreementSigned, "USA"))
            .expect("signed")
            .is_current()
    );
    assert_eq!(graph.subgraph(&Filter::new()), graph);
}

#[test]
fn json_round_trips_equal_and_byte_identical() {
    let graph = full();
    let json = graph.to_json().unwrap();
    let back = KnowledgeGraph::from_json(&json).unwrap();
    assert_eq!(back, graph);
    assert_eq!(back.to_json().unwrap(), json);
    let bytes = graph.write_json(Vec::new()).unwrap();
    assert_eq!(KnowledgeGraph::read_json(bytes.as_slice()).unwrap(), graph);
    // The serialised relations carry their figures for readers of the file.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &value["relations"][4];
    assert_eq!(first["kind"], "expulsion");
    assert_eq!(first["sources"], 2);
    assert_eq!(first["plover"], "SANCTION");
    assert_eq!(first["cameo"], "166");
    assert_eq!(value["relations"][2]["current"], false);
    assert_eq!(value["relations"][2]["ended_by"]["kind"], "agreement_ended");
}

#[test]
fn bad_json_is_an_error_that_says_why() {
    let err = KnowledgeGraph::from_json("{\"version\": 2}").unwrap_err();
    assert!(
        matches!(&err, Error::Json(m) if m.contains("version 2")),
        "{err}"
    );
    let err = KnowledgeGraph::from_json(
        r#"{"version": 1, "relations": [{"source": "NER", "kind": "expulsion", "target": "FRA"}]}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("expected evidence for the relation NER expulsion FRA"),
        "{err}"
    );
    assert!(matches!(
        KnowledgeGraph::from_json("not json"),
        Err(Error::Json(_))
    ));
}

#[test]
fn relations_as_json_lines() {
    let graph = full();
    let out = String::from_utf8(graph.write_relations_jsonl(Vec::new()).unwrap()).unwrap();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), graph.relation_count());
    let ended = &lines[3];
    assert_eq!(ended["source"], "NER");
    assert_eq!(ended["kind"], "agreement_ended");
    assert_eq!(ended["target"], "USA");
    assert_eq!(ended["last_date"], "2024-03-16");
    assert_eq!(ended["evidence"][0]["speaker"], "amadou-abdramane");
    assert_eq!(ended["evidence"][0]["doc"], "niger-ends-us-pact");
}

#[test]
fn hand_made_evidence_sanitises_confidence() {
    let mut graph = KnowledgeGraph::new();
    let k = key("NER", RelationKind::Expulsion, "FRA");
    let mut e = Evidence::new(DocId::new("d"), 0, "…");
    e.confidence = f32::NAN;
    graph.add_evidence(k.clone(), e);
    assert_eq!(graph.relation(&k).map(|r| r.confidence()), Some(0.0));
    assert_eq!(graph.clone(), graph);
}

#[test]
fn petgraph_edges_join_the_entities_they_name() {
    let graph = full();
    let pg = graph.petgraph();
    assert_eq!(
        (pg.node_count(), pg.edge_count()),
        (graph.entity_count(), graph.relation_count())
    );
    for edge in pg.edge_references() {
        assert_eq!(&pg[edge.source()].id, edge.weight().source());
        assert_eq!(&pg[edge.target()].id, edge.weight().target());
    }
}

// ----- properties -----

const IDS: [&str; 5] = ["NER", "USA", "FRA", "RUS", "africa-corps"];
const KINDS: [RelationKind; 7] = [
    RelationKind::AgreementSigned,
    RelationKind::AgreementEnded,
    RelationKind::Expulsion,
    RelationKind::Deployment,
    RelationKind::Withdrawal,
    RelationKind::Talks,
    RelationKind::Aid,
];
const MODALITIES: [Modality; 3] = [Modality::Asserted, Modality::Alleged, Modality::Negated];
const DATES: [Option<&str>; 5] = [
    None,
    Some("2012"),
    Some("2023-08"),
    Some("2024-03-16"),
    Some("2024-03-17"),
];

type Fact = (usize, usize, usize, usize, usize, u8);

fn extraction(doc_index: u8, published: usize, alias: bool, facts: &[Fact]) -> Extraction {
    let mut builder = doc(&format!("d{doc_index}"), DATES[published]);
    if alias {
        let mut ner = known("NER");
        ner.aliases = vec!["Republic of Niger".into()];
        ner.sector = Some("GOV".into());
        builder = builder.entity(ner);
    }
    for &(s, k, t, m, d, c) in facts {
        let (source, target) = (IDS[s], IDS[t]);
        let sentence = format!("{source} {} {target}.", KINDS[k].as_str());
        builder = builder.fact_with(
            source,
            KINDS[k],
            target,
            &sentence,
            KINDS[k].as_str(),
            |a| {
                a.modality = MODALITIES[m];
                a.date = DATES[d].map(date);
                a.confidence = f32::from(c) / 4.0;
            },
        );
    }
    builder.build()
}

fn extractions() -> impl Strategy<Value = Vec<Extraction>> {
    let fact = (
        0..IDS.len(),
        0..KINDS.len(),
        0..IDS.len(),
        0..MODALITIES.len(),
        0..DATES.len(),
        0u8..5,
    );
    let doc = (
        0u8..4,
        0..DATES.len(),
        any::<bool>(),
        prop::collection::vec(fact, 0..5),
    );
    prop::collection::vec(doc, 0..6).prop_map(|docs| {
        docs.into_iter()
            .map(|(d, p, alias, facts)| extraction(d, p, alias, &facts))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_order_of_adding_gives_an_equal_graph(xs in extractions(), seed in any::<u64>()) {
        let forward = KnowledgeGraph::from_extractions(&xs);
        let mut shuffled = xs.clone();
        // A deterministic shuffle driven by the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let other = KnowledgeGraph::from_extractions(&shuffled);
        prop_assert_eq!(&other, &forward);
        prop_assert_eq!(other.to_json().unwrap(), forward.to_json().unwrap());
    }

    #[test]
    fn merging_halves_equals_adding_all(xs in extractions(), split in 0usize..7) {
        let split = split.min(xs.len());
        let left = KnowledgeGraph::from_extractions(&xs[..split]);
        let right = KnowledgeGraph::from_extractions(&xs[split..]);
        let mut lr = left.clone();
        lr.merge(right.clone());
        let mut rl = right;
        rl.merge(left);
        let all = KnowledgeGraph::from_extractions(&xs);
        prop_assert_eq!(&lr, &all);
        prop_assert_eq!(&rl, &all);
    }

    #[test]
    fn adding_again_is_idempotent(xs in extractions()) {
        let once = KnowledgeGraph::from_extractions(&xs);
        let mut twice = once.clone();
        for x in &xs {
            twice.add(x);
        }
        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(KnowledgeGraph::from_json(&once.to_json().unwrap()).unwrap(), once);
    }

    #[test]
    fn every_edge_has_its_endpoints(xs in extractions()) {
        let graph = KnowledgeGraph::from_extractions(&xs);
        for relation in graph.relations() {
            prop_assert!(graph.entity(relation.source()).is_some());
            prop_assert!(graph.entity(relation.target()).is_some());
            prop_assert!(relation.mentions() > 0);
            if relation.kind().is_symmetric() {
                prop_assert!(relation.source() <= relation.target());
            }
        }
        let pg = graph.petgraph();
        for edge in pg.edge_references() {
            prop_assert_eq!(&pg[edge.source()].id, edge.weight().source());
            prop_assert_eq!(&pg[edge.target()].id, edge.weight().target());
        }
        let mentions: u32 = graph.entities().map(|e| e.mentions).sum();
        let per_article: u32 = graph.articles().flat_map(|a| a.mentions.values()).sum();
        prop_assert_eq!(mentions, per_article);
    }
}
