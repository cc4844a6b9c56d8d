//! Exports of hand-made graphs: DOT and Turtle snapshots, RDF round trips through
//! oxigraph's parsers in every format, the vocabulary, and SPARQL on the store.

mod graph_fixtures;

use std::collections::BTreeSet;
use std::path::Path;

use graph_fixtures::{articles, doc, french_troops_leave, id, niger_ends_us_pact};
use newsgraph::export::{Clusters, DotOptions, EdgeLabels, RdfFormat, RdfOptions};
use newsgraph::store::{self, Term};
use newsgraph::{
    Answer, Entity, EntityKind, Error, GraphStore, KnowledgeGraph, Modality, Question, RelationKind,
};
use oxigraph::io::{JsonLdProfileSet, RdfFormat as OxFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};

const B: &str = "https://newsgraph.example/";

fn full() -> KnowledgeGraph {
    KnowledgeGraph::from_extractions(&articles())
}

/// Compares with `tests/snapshots/NAME` byte for byte; `UPDATE_SNAPSHOTS=1` rewrites it.
fn check_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_SNAPSHOTS=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {} (run with UPDATE_SNAPSHOTS=1 to accept):\n--- expected\n{}\n+++ actual\n{}",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            actual.lines().nth(first).unwrap_or("<end>")
        );
    }
}

fn rdf(graph: &KnowledgeGraph, format: RdfFormat) -> Vec<u8> {
    graph
        .write_rdf(format, Vec::new(), &RdfOptions::default())
        .unwrap()
}

fn ox(format: RdfFormat) -> OxFormat {
    match format {
        RdfFormat::Turtle => OxFormat::Turtle,
        RdfFormat::NTriples => OxFormat::NTriples,
        RdfFormat::NQuads => OxFormat::NQuads,
        RdfFormat::TriG => OxFormat::TriG,
        RdfFormat::RdfXml => OxFormat::RdfXml,
        RdfFormat::JsonLd => OxFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        other => panic!("no test mapping for {other}"),
    }
}

fn parse(format: RdfFormat, bytes: &[u8]) -> BTreeSet<String> {
    RdfParser::from_format(ox(format))
        .for_reader(bytes)
        .map(|q| q.unwrap_or_else(|e| panic!("{format}: {e}")).to_string())
        .collect()
}

fn nn(iri: &str) -> NamedNode {
    NamedNode::new(iri).unwrap()
}

fn quad(s: &str, p: &str, o: impl Into<oxigraph::model::Term>, g: Option<&str>) -> String {
    let graph = g.map_or(GraphName::DefaultGraph, |g| nn(g).into());
    Quad::new(nn(s), nn(p), o, graph).to_string()
}

fn typed(value: &str, datatype: &str) -> oxigraph::model::Literal {
    oxigraph::model::Literal::new_typed_literal(value, nn(datatype))
}

// ----- DOT -----

#[test]
fn dot_snapshot() {
    check_snapshot("full.dot", &full().to_dot(&DotOptions::new()));
}

#[test]
fn dot_snapshot_clustered_by_country() {
    let dot = full().to_dot(&DotOptions::new().clusters(Clusters::ByCountry));
    check_snapshot("full-clusters.dot", &dot);
    assert!(dot.contains("  subgraph \"cluster_NER\" {\n    label=\"Niger\";"));
    assert!(dot.contains("    \"amadou-abdramane\" [label=\"Amadou Abdramane\", shape=ellipse"));
    assert!(dot.contains("    \"africa-corps\" [label=\"Africa Corps\", shape=hexagon"));
}

fn edge_line<'a>(dot: &'a str, from: &str, to: &str) -> &'a str {
    let head = format!("  \"{from}\" -> \"{to}\" [");
    dot.lines()
        .find(|l| l.starts_with(&head))
        .unwrap_or_else(|| panic!("no edge {from} -> {to} in\n{dot}"))
}

#[test]
fn dot_styles_edges_by_meaning() {
    let dot = full().to_dot(&DotOptions::new());
    let expulsion = edge_line(&dot, "NER", "FRA");
    assert!(
        expulsion.contains(r#"label="expulsion\n2023..2023-08""#),
        "{expulsion}"
    );
    assert!(expulsion.contains(r#"color="red3""#) && expulsion.contains(r#"style="dashed""#));
    assert!(expulsion.contains("penwidth=1.5") && !expulsion.contains("dir=none"));
    let ended_pact = edge_line(&dot, "NER", "USA");
    assert!(
        ended_pact.contains(r#"color="forestgreen""#),
        "{ended_pact}"
    );
    assert!(ended_pact.contains(r#"style="dashed""#) && ended_pact.contains("dir=none"));
    let russia = edge_line(&dot, "NER", "RUS");
    assert!(
        russia.contains(r#"color="forestgreen""#) && !russia.contains("style="),
        "{russia}"
    );
    let accusation = edge_line(&dot, "FRA", "RUS");
    assert!(
        accusation.contains(r#"color="darkorange""#) && accusation.contains(r#"style="dotted""#)
    );
    let member = edge_line(&dot, "amadou-abdramane", "NER");
    assert!(member.contains(r#"color="gray40""#), "{member}");
    assert!(dot.contains(r#""NER" [label="Niger", shape=box"#));

    let kinds_only = full().to_dot(&DotOptions::new().edge_labels(EdgeLabels::Kind));
    assert!(edge_line(&kinds_only, "NER", "FRA").contains(r#"label="expulsion", "#));
    let none = full().to_dot(&DotOptions::new().edge_labels(EdgeLabels::None));
    assert!(!edge_line(&none, "NER", "FRA").contains("label="));
}

#[test]
fn dot_marks_negated_relations_and_organisations() {
    let x = doc("d", None)
        .entity(Entity::new(
            id("ecowas"),
            EntityKind::Organization,
            "ECOWAS",
        ))
        .fact_with(
            "NER",
            RelationKind::Talks,
            "ecowas",
            "Niger did not hold talks with ECOWAS.",
            "talks",
            |a| a.modality = Modality::Negated,
        )
        .build();
    let dot = KnowledgeGraph::from_extractions([&x]).to_dot(&DotOptions::new());
    assert!(
        dot.contains(r#""ecowas" [label="ECOWAS", shape=component"#),
        "{dot}"
    );
    let talks = edge_line(&dot, "NER", "ecowas");
    assert!(
        talks.starts_with(r#"  "NER" -> "ecowas" [label="not talks", color="gray60""#),
        "{talks}"
    );
}

#[test]
fn dot_escapes_quotes_and_backslashes() {
    let mut graph = KnowledgeGraph::new();
    graph.add_entity(Entity::new(
        id(r#"odd"id\"#),
        EntityKind::Organization,
        r#"The "Good" \ Org"#,
    ));
    let dot = graph.to_dot(&DotOptions::new());
    let line = r#"  "odd\"id\\" [label="The \"Good\" \\ Org", shape=component, tooltip="odd\"id\\ (organization, 0 mentions)"];"#;
    assert!(dot.lines().any(|l| l == line), "{dot}");
}

#[test]
fn exports_do_not_depend_on_insertion_order() {
    let mut reversed = articles();
    reversed.reverse();
    let other = KnowledgeGraph::from_extractions(&reversed);
    for options in [
        DotOptions::new(),
        DotOptions::new().clusters(Clusters::ByCountry),
    ] {
        assert_eq!(other.to_dot(&options), full().to_dot(&options));
    }
    for format in RdfFormat::ALL {
        assert_eq!(rdf(&other, format), rdf(&full(), format), "{format}");
    }
}

// ----- RDF -----

#[test]
fn turtle_snapshot() {
    let graph = KnowledgeGraph::from_extractions([&french_troops_leave()]);
    let turtle = String::from_utf8(rdf(&graph, RdfFormat::Turtle)).unwrap();
    check_snapshot("french-troops-leave.ttl", &turtle);
    assert!(turtle.contains("@prefix ng: <https://newsgraph.example/ontology#> ."));
    assert!(
        !turtle.contains("\\/"),
        "no escaped slashes in prefixed names"
    );
}

#[test]
fn every_format_reads_back_to_the_same_quads() {
    let graph = full();
    let dataset = parse(RdfFormat::NQuads, &rdf(&graph, RdfFormat::NQuads));
    assert!(dataset.len() > 100);
    let union: BTreeSet<String> = RdfParser::from_format(OxFormat::NQuads)
        .for_reader(rdf(&graph, RdfFormat::NQuads).as_slice())
        .map(|q| {
            let q = q.unwrap();
            Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph).to_string()
        })
        .collect();
    assert!(union.len() < dataset.len()); // direct edges repeat across article graphs
    for format in RdfFormat::ALL {
        let parsed = parse(format, &rdf(&graph, format));
        let expected = if format.is_dataset() {
            &dataset
        } else {
            &union
        };
        let missing: Vec<_> = expected.difference(&parsed).take(3).collect();
        let extra: Vec<_> = parsed.difference(expected).take(3).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{format}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn the_vocabulary_has_the_agreed_shape() {
    let quads = parse(RdfFormat::NQuads, &rdf(&full(), RdfFormat::NQuads));
    let has = |q: String| assert!(quads.contains(&q), "missing {q}");
    let ng = |local: &str| format!("{B}ontology#{local}");
    let rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    let xsd = |t: &str| format!("http://www.w3.org/2001/XMLSchema#{t}");
    let ner = format!("{B}entity/NER");
    let fra = format!("{B}entity/FRA");
    let event = format!("{B}event/NER_expulsion_FRA");
    let article = format!("{B}article/french-troops-leave");

    // Entities.
    has(quad(&ner, rdf_type, nn(&ng("Country")), None));
    has(quad(
        &ner,
        "http://www.w3.org/2000/01/rdf-schema#label",
        oxigraph::model::Literal::new_simple_literal("Niger"),
        None,
    ));
    has(quad(
        &ner,
        "http://www.w3.org/2002/07/owl#sameAs",
        nn("http://www.wikidata.org/entity/Q1032"),
        None,
    ));
    has(quad(
        &format!("{B}entity/amadou-abdramane"),
        &ng("country"),
        nn(&ner),
        None,
    ));
    has(quad(
        &format!("{B}entity/africa-corps"),
        rdf_type,
        nn(&ng("ArmedGroup")),
        None,
    ));
    has(quad(
        &ner,
        &ng("mentions"),
        typed("9", &xsd("integer")),
        None,
    ));
    // The event of a merged relation.
    has(quad(&event, rdf_type, nn(&ng("Event")), None));
    has(quad(&event, &ng("kind"), nn(&ng("expulsion")), None));
    has(quad(&event, &ng("actor"), nn(&ner), None));
    has(quad(&event, &ng("target"), nn(&fra), None));
    has(quad(
        &event,
        &ng("plover"),
        nn(&format!("{B}plover/SANCTION")),
        None,
    ));
    has(quad(
        &event,
        &ng("cameo"),
        nn(&format!("{B}cameo/166")),
        None,
    ));
    has(quad(
        &event,
        &ng("firstDate"),
        typed("2023", &xsd("gYear")),
        None,
    ));
    has(quad(
        &event,
        &ng("lastDate"),
        typed("2023-08", &xsd("gYearMonth")),
        None,
    ));
    has(quad(
        &event,
        &ng("sources"),
        typed("2", &xsd("integer")),
        None,
    ));
    has(quad(
        &event,
        &ng("mentions"),
        typed("2", &xsd("integer")),
        None,
    ));
    has(quad(
        &event,
        "http://www.w3.org/ns/prov#wasDerivedFrom",
        nn(&article),
        None,
    ));
    // PLOVER and CAMEO as SKOS concepts.
    let skos = |local: &str| format!("http://www.w3.org/2004/02/skos/core#{local}");
    has(quad(
        &format!("{B}plover/SANCTION"),
        rdf_type,
        nn(&skos("Concept")),
        None,
    ));
    has(quad(
        &format!("{B}cameo/166"),
        &skos("notation"),
        oxigraph::model::Literal::new_simple_literal("166"),
        None,
    ));
    // Current and ended.
    let ended = format!("{B}event/NER_agreement_signed_USA");
    has(quad(
        &ended,
        &ng("current"),
        typed("false", &xsd("boolean")),
        None,
    ));
    has(quad(
        &ended,
        &ng("endedBy"),
        nn(&format!("{B}event/NER_agreement_ended_USA")),
        None,
    ));
    // The article's own graph: the direct edge and the evidence.
    has(quad(&ner, &ng("expulsion"), nn(&fra), Some(&article)));
    let evidence =
        format!("{B}evidence/NER_expulsion_FRA_french-troops-leave_0_6-14_expulsion.test");
    has(quad(&event, &ng("evidence"), nn(&evidence), Some(&article)));
    has(quad(
        &evidence,
        rdf_type,
        nn(&ng("Evidence")),
        Some(&article),
    ));
    has(quad(
        &evidence,
        "http://www.w3.org/ns/prov#wasDerivedFrom",
        nn(&article),
        Some(&article),
    ));
    has(quad(
        &evidence,
        &ng("sentence"),
        oxigraph::model::Literal::new_simple_literal(
            "Niger expelled France's troops after the July coup.",
        ),
        Some(&article),
    ));
    has(quad(
        &evidence,
        &ng("triggerStart"),
        typed("6", &xsd("integer")),
        Some(&article),
    ));
    has(quad(
        &evidence,
        &ng("triggerEnd"),
        typed("14", &xsd("integer")),
        Some(&article),
    ));
    // Symmetric kinds have the direct edge both ways; alleged facts have none.
    let rus = format!("{B}entity/RUS");
    has(quad(
        &rus,
        &ng("agreement_signed"),
        nn(&ner),
        Some(&article),
    ));
    has(quad(
        &ner,
        &ng("agreement_signed"),
        nn(&rus),
        Some(&article),
    ));
    assert!(
        !quads
            .iter()
            .any(|q| q.contains("> <https://newsgraph.example/ontology#accusation> <")),
        "an alleged accusation has no direct edge"
    );
    // Articles.
    has(quad(
        &article,
        &ng("published"),
        typed("2023-12-22", &xsd("date")),
        None,
    ));
    has(quad(
        &format!("{B}article/niger-ends-us-pact"),
        &ng("sourceUrl"),
        typed("https://news.example/2024/03/17/niger-us", &xsd("anyURI")),
        None,
    ));
    // No blank nodes anywhere.
    assert!(!quads.iter().any(|q| q.contains("_:")));
}

#[test]
fn the_base_iri_is_configurable() {
    let options = RdfOptions::with_base_iri("https://example.org/kg/");
    let nt = String::from_utf8(
        full()
            .write_rdf(RdfFormat::NTriples, Vec::new(), &options)
            .unwrap(),
    )
    .unwrap();
    assert!(nt.contains("<https://example.org/kg/entity/NER> <https://example.org/kg/ontology#expulsion> <https://example.org/kg/entity/FRA> ."));
    assert!(!nt.contains(B));
    for bad in [
        "https://example.org/kg",
        "https://example.org/kg#",
        "no iri/",
    ] {
        let err = full().write_rdf(
            RdfFormat::NTriples,
            Vec::new(),
            &RdfOptions::with_base_iri(bad),
        );
        assert!(matches!(err, Err(Error::Invalid(_))), "{bad}");
    }
}

#[test]
fn formats_parse_by_name_and_extension() {
    for format in RdfFormat::ALL {
        assert_eq!(format.name().parse::<RdfFormat>().unwrap(), format);
        assert_eq!(format.extension().parse::<RdfFormat>().unwrap(), format);
        assert_eq!(
            RdfFormat::from_path(Path::new(&format!("x.{}", format.extension()))),
            Some(format)
        );
    }
    assert!(matches!("gif".parse::<RdfFormat>(), Err(Error::Invalid(_))));
}

// ----- store and SPARQL -----

fn rows(answer: Answer) -> Vec<Vec<String>> {
    let rows = answer.into_rows().expect("rows");
    rows.rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| t.as_ref().map_or("", Term::as_str).to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn who_expelled_whom() {
    let store = full().to_store().unwrap();
    let answer = store.ask(&Question::WhoExpelledWhom).unwrap();
    assert_eq!(answer.variables, ["source", "target", "date", "articles"]);
    assert_eq!(rows(Answer::Rows(answer)), [["NER", "FRA", "2023", "2"]]);
}

#[test]
fn which_agreements_ended() {
    let store = full().to_store().unwrap();
    let answer = store.ask(&Question::EndedAgreements).unwrap();
    assert_eq!(
        rows(Answer::Rows(answer)),
        [["NER", "USA", "2024-03-16", "2012"]]
    );
}

#[test]
fn the_allies_of_a_state_are_current_ones_only() {
    let store = full().to_store().unwrap();
    let allies = rows(Answer::Rows(
        store.ask(&Question::AlliesOf(id("NER"))).unwrap(),
    ));
    assert_eq!(
        allies,
        [["RUS", "Russia", "agreement_signed", "2023-12-04"]]
    );
    let allies = rows(Answer::Rows(
        store.ask(&Question::AlliesOf(id("RUS"))).unwrap(),
    ));
    assert_eq!(allies, [["NER", "Niger", "agreement_signed", "2023-12-04"]]);
    assert!(
        store
            .ask(&Question::AlliesOf(id("no\"one")))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn queries_see_the_union_of_the_article_graphs() {
    let store = full().to_store().unwrap();
    let answer = store
        .query("SELECT DISTINCT ?g WHERE { GRAPH ?g { entity:NER ng:expulsion entity:FRA } } ORDER BY ?g")
        .unwrap();
    assert_eq!(
        rows(answer),
        [
            [format!("{B}article/french-troops-leave")],
            [format!("{B}article/us-suspends-aid")]
        ]
    );
    assert_eq!(
        store
            .query("ASK { entity:NER ng:expulsion entity:FRA }")
            .unwrap()
            .boolean(),
        Some(true)
    );
    let constructed = store
        .query("CONSTRUCT { ?s ng:expelled ?o } WHERE { ?s ng:expulsion ?o }")
        .unwrap()
        .into_rows()
        .unwrap();
    assert_eq!(constructed.variables, ["subject", "predicate", "object"]);
    assert_eq!(constructed.len(), 1);
}

#[test]
fn answers_as_table_csv_and_json() {
    let store = full().to_store().unwrap();
    let answer = store
        .query("SELECT ?id ?name WHERE { ?e a ng:Country ; ng:id ?id ; rdfs:label ?name } ORDER BY ?id")
        .unwrap();
    assert_eq!(
        answer.to_string(),
        "id  | name\n----+--------------\nFRA | France\nNER | Niger\nRUS | Russia\nUSA | United States\n(4 rows)\n"
    );
    let csv = String::from_utf8(answer.write_csv(Vec::new()).unwrap()).unwrap();
    assert_eq!(
        csv,
        "id,name\r\nFRA,France\r\nNER,Niger\r\nRUS,Russia\r\nUSA,United States\r\n"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&answer.write_json(Vec::new()).unwrap()).unwrap();
    assert_eq!(json["head"]["vars"], serde_json::json!(["id", "name"]));
    assert_eq!(
        json["results"]["bindings"][1]["name"],
        serde_json::json!({"type": "literal", "value": "Niger"})
    );
    let dated = store
        .query("SELECT ?d WHERE { event:NER_expulsion_FRA ng:lastDate ?d }")
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&dated.write_json(Vec::new()).unwrap()).unwrap();
    assert_eq!(
        json["results"]["bindings"][0]["d"],
        serde_json::json!({"type": "literal", "value": "2023-08", "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth"})
    );
    let ask = store
        .query("ASK { entity:FRA ng:expulsion entity:NER }")
        .unwrap();
    assert_eq!(ask.write_csv(Vec::new()).unwrap(), b"false\r\n");
}

#[test]
fn query_file_reads_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let graph = full();
    let who = Question::WhoExpelledWhom
        .sparql(&RdfOptions::default())
        .unwrap();
    for format in RdfFormat::ALL {
        let path = dir.path().join(format!("graph.{}", format.extension()));
        let file = std::fs::File::create(&path).unwrap();
        graph
            .write_rdf(format, file, &RdfOptions::default())
            .unwrap();
        let answer =
            store::query_file(&path, "ASK { entity:NER ng:expulsion entity:FRA }").unwrap();
        assert_eq!(answer.boolean(), Some(true), "{format}");
        assert_eq!(
            rows(store::query_file(&path, &who).unwrap()),
            [["NER", "FRA", "2023", "2"]],
            "{format}"
        );
    }
}

#[test]
fn store_errors_say_what_went_wrong() {
    let store = GraphStore::new().unwrap();
    assert!(matches!(store.query("SELEC ?x"), Err(Error::Invalid(m)) if m.contains("SPARQL")));
    let dir = tempfile::tempdir().unwrap();
    let unknown = dir.path().join("graph.gif");
    std::fs::write(&unknown, "x").unwrap();
    assert!(
        matches!(store::query_file(&unknown, "ASK {}"), Err(Error::Invalid(m)) if m.contains("graph.gif"))
    );
    let broken = dir.path().join("broken.ttl");
    std::fs::write(&broken, "<http://a> <http://b> .").unwrap();
    let err = store::query_file(&broken, "ASK {}").unwrap_err();
    assert!(
        matches!(&err, Error::Rdf(m) if m.contains("broken.ttl")),
        "{err}"
    );
    let missing = dir.path().join("missing.nt");
    assert!(matches!(
        store::query_file(&missing, "ASK {}"),
        Err(Error::Io { .. })
    ));
}

#[test]
fn a_store_holds_several_graphs() {
    let store = GraphStore::new().unwrap();
    store
        .load_graph(&KnowledgeGraph::from_extractions([&niger_ends_us_pact()]))
        .unwrap();
    let before = store.len().unwrap();
    store
        .load_graph(&KnowledgeGraph::from_extractions([&french_troops_leave()]))
        .unwrap();
    assert!(store.len().unwrap() > before);
    let answer = store
        .query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ng:Article }")
        .unwrap();
    assert_eq!(rows(answer), [["2"]]);
}
