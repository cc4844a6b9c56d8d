//! The property-graph exports (GraphML, JSON nodes/links, Neo4j CSV and Cypher), each
//! read back by an independent parser: roxmltree, serde_json, the csv crate.

mod graph_fixtures;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use graph_fixtures::{articles, doc, id, known};
use newsgraph::export::{Neo4jFile, write_graphml, write_neo4j, write_nodes_links};
use newsgraph::{Entity, EntityKind, KnowledgeGraph, RelationKind};

fn full() -> KnowledgeGraph {
    KnowledgeGraph::from_extractions(&articles())
}

/// A graph whose names hold XML, JSON and CSV specials and control characters.
fn nasty() -> KnowledgeGraph {
    let mut weird = Entity::new(id("weird"), EntityKind::Organization, NASTY_NAME);
    weird.aliases = vec!["semi;colon".into(), "comma, \"quoted\"".into()];
    weird.sector = Some("GOV\u{1}".into());
    let x = doc("nasty", Some("2024-01-02"))
        .entity(weird)
        .fact(
            "weird",
            RelationKind::Condemnation,
            "NER",
            "Weird condemned Niger.",
            "condemned",
        )
        .build();
    KnowledgeGraph::from_extractions([&x])
}

const NASTY_NAME: &str = "<&>\"' a,b\tc\nd\re\u{0}f\u{1b}g\u{7f}h \u{FFFE} Côte";

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8 output")
}

fn graphml(graph: &KnowledgeGraph) -> String {
    text(write_graphml(graph, Vec::new()).expect("GraphML"))
}

fn nodes_links(graph: &KnowledgeGraph) -> String {
    text(write_nodes_links(graph, Vec::new()).expect("nodes/links"))
}

fn neo4j(graph: &KnowledgeGraph, file: Neo4jFile) -> String {
    text(write_neo4j(graph, file, Vec::new()).expect("Neo4j"))
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
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_SNAPSHOTS=1 creates it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs at line {} (UPDATE_SNAPSHOTS=1 accepts):\n- {}\n+ {}",
            path.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        );
    }
}

#[test]
fn snapshots() {
    let graph = full();
    check_snapshot("full.graphml", &graphml(&graph));
    check_snapshot("full.nodes-links.json", &nodes_links(&graph));
    for file in Neo4jFile::ALL {
        let name = format!("full.neo4j/{}", file.file_name());
        check_snapshot(&name, &neo4j(&graph, file));
    }
}

#[test]
fn exports_do_not_depend_on_insertion_order() {
    let mut reversed = articles();
    reversed.reverse();
    let (a, b) = (full(), KnowledgeGraph::from_extractions(&reversed));
    assert_eq!(graphml(&a), graphml(&b));
    assert_eq!(nodes_links(&a), nodes_links(&b));
    for file in Neo4jFile::ALL {
        assert_eq!(neo4j(&a, file), neo4j(&b, file));
    }
}

// ----- GraphML -----

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

/// A GraphML document read with roxmltree: the keys (id → (for, name, type)), and the
/// data of each node and edge by attribute name.
struct GraphMl {
    keys: BTreeMap<String, (String, String, String)>,
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    edges: Vec<(String, String, BTreeMap<String, String>)>,
}

fn read_graphml(xml: &str) -> GraphMl {
    let document = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(root.tag_name().namespace(), Some(GRAPHML_NS));
    let mut keys = BTreeMap::new();
    for key in root.children().filter(|n| n.has_tag_name("key")) {
        let attr = |name: &str| key.attribute(name).expect(name).to_owned();
        let ty = attr("attr.type");
        assert!(
            ["string", "int", "long", "double", "float", "boolean"].contains(&ty.as_str()),
            "{ty}"
        );
        let previous = keys.insert(attr("id"), (attr("for"), attr("attr.name"), ty));
        assert!(previous.is_none(), "key ids are unique");
    }
    let graph = root
        .children()
        .find(|n| n.has_tag_name("graph"))
        .expect("a graph");
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    let data = |element: roxmltree::Node, domain: &str| {
        let mut values = BTreeMap::new();
        for d in element.children().filter(|n| n.has_tag_name("data")) {
            let key = d.attribute("key").expect("a key");
            let (for_, name, ty) = keys.get(key).unwrap_or_else(|| panic!("undeclared {key}"));
            assert_eq!(for_, domain, "{key}");
            let value = d.text().unwrap_or_default().to_owned();
            match ty.as_str() {
                "int" | "long" => assert!(value.parse::<i64>().is_ok(), "{key}={value}"),
                "double" | "float" => assert!(value.parse::<f64>().is_ok(), "{key}={value}"),
                "boolean" => assert!(["true", "false"].contains(&value.as_str()), "{key}"),
                _ => {}
            }
            assert!(values.insert(name.clone(), value).is_none(), "one {key}");
        }
        values
    };
    let mut nodes = BTreeMap::new();
    for node in graph.children().filter(|n| n.has_tag_name("node")) {
        let id = node.attribute("id").expect("a node id").to_owned();
        assert!(
            nodes.insert(id, data(node, "node")).is_none(),
            "node ids are unique"
        );
    }
    let mut edges = Vec::new();
    let mut edge_ids = BTreeSet::new();
    for edge in graph.children().filter(|n| n.has_tag_name("edge")) {
        assert!(edge_ids.insert(edge.attribute("id").expect("an edge id").to_owned()));
        let end = |a: &str| edge.attribute(a).expect(a).to_owned();
        edges.push((end("source"), end("target"), data(edge, "edge")));
    }
    GraphMl { keys, nodes, edges }
}

#[test]
fn graphml_reads_back_with_declared_keys_and_types() {
    let graph = full();
    let g = read_graphml(&graphml(&graph));
    let declared: BTreeSet<(&str, &str, &str)> = g
        .keys
        .values()
        .map(|(f, n, t)| (f.as_str(), n.as_str(), t.as_str()))
        .collect();
    for expected in [
        ("node", "label", "string"),
        ("node", "kind", "string"),
        ("node", "country", "string"),
        ("node", "iso3", "string"),
        ("node", "wikidata", "string"),
        ("node", "mentions", "int"),
        ("node", "unresolved", "boolean"),
        ("edge", "label", "string"),
        ("edge", "kind", "string"),
        ("edge", "plover", "string"),
        ("edge", "cameo", "string"),
        ("edge", "mentions", "int"),
        ("edge", "sources", "int"),
        ("edge", "first_date", "string"),
        ("edge", "last_date", "string"),
        ("edge", "modality", "string"),
        ("edge", "confidence", "double"),
        ("edge", "current", "boolean"),
        ("edge", "ended_by", "string"),
    ] {
        assert!(declared.contains(&expected), "{expected:?}");
    }
    assert_eq!(g.nodes.len(), graph.entity_count());
    assert_eq!(g.edges.len(), graph.relation_count());
    for (source, target, _) in &g.edges {
        assert!(g.nodes.contains_key(source) && g.nodes.contains_key(target));
    }
    let ner = &g.nodes["NER"];
    assert_eq!(ner["label"], "Niger");
    assert_eq!(ner["iso3"], "NER");
    assert_eq!(ner["wikidata"], "Q1032");
    assert_eq!(ner["unresolved"], "false");
    assert!(!g.nodes["africa-corps"].contains_key("iso3"));
    assert_eq!(g.nodes["africa-corps"]["country"], "RUS");

    let edge = |s: &str, k: &str, t: &str| {
        g.edges
            .iter()
            .find(|(a, b, d)| a == s && b == t && d["kind"] == k)
            .map(|(_, _, d)| d)
            .unwrap_or_else(|| panic!("no {s} {k} {t}"))
    };
    let expelled = edge("NER", "expulsion", "FRA");
    assert_eq!(expelled["label"], "expulsion");
    assert_eq!(expelled["plover"], "SANCTION");
    assert_eq!(expelled["cameo"], "166");
    assert_eq!(expelled["sources"], "2");
    assert_eq!(expelled["first_date"], "2023");
    assert_eq!(expelled["last_date"], "2023-08");
    let signed = edge("NER", "agreement_signed", "USA");
    assert_eq!(signed["symmetric"], "true");
    assert_eq!(signed["current"], "false");
    assert_eq!(signed["ended_by"], "NER agreement_ended USA");
    assert_eq!(edge("FRA", "accusation", "RUS")["modality"], "alleged");
}

#[test]
fn graphml_escapes_every_string_and_drops_forbidden_characters() {
    let xml = graphml(&nasty());
    assert!(!xml.contains('\u{0}') && !xml.contains('\u{1b}') && !xml.contains('\u{1}'));
    let g = read_graphml(&xml);
    let weird = &g.nodes["weird"];
    assert_eq!(
        weird["label"], "<&>\"' a,b\tc\nd\re\u{FFFD}f\u{FFFD}g\u{7f}h \u{FFFD} Côte",
        "tab, line breaks kept exactly; forbidden characters replaced"
    );
    assert_eq!(weird["aliases"], "comma, \"quoted\"; semi;colon");
    assert_eq!(weird["sector"], "GOV\u{FFFD}");
}

// ----- JSON nodes/links -----

#[test]
fn nodes_links_read_back_and_every_link_ends_at_a_node() {
    for graph in [full(), nasty(), KnowledgeGraph::new()] {
        let json: serde_json::Value =
            serde_json::from_str(&nodes_links(&graph)).expect("valid JSON");
        assert_eq!(json["directed"], true);
        assert_eq!(json["multigraph"], true);
        let nodes = json["nodes"].as_array().expect("nodes");
        let links = json["links"].as_array().expect("links");
        assert_eq!(nodes.len(), graph.entity_count());
        assert_eq!(links.len(), graph.relation_count());
        let mut ids = BTreeSet::new();
        for node in nodes {
            assert!(ids.insert(node["id"].as_str().expect("a string id")));
            assert!(node["name"].is_string() && node["kind"].is_string());
            assert!(node["mentions"].is_u64() && node["unresolved"].is_boolean());
        }
        for link in links {
            for end in ["source", "target"] {
                let id = link[end].as_str().expect("a string end");
                assert!(ids.contains(id), "{end} {id} is a node");
            }
            assert!(link["kind"].is_string());
            assert!(link["mentions"].is_u64() && link["sources"].is_u64());
            assert!(link["confidence"].is_f64() || link["confidence"].is_u64());
            assert!(link["current"].is_boolean() && link["symmetric"].is_boolean());
        }
    }
}

#[test]
fn nodes_links_keep_strings_exactly() {
    let json: serde_json::Value = serde_json::from_str(&nodes_links(&nasty())).expect("valid JSON");
    let weird = json["nodes"]
        .as_array()
        .and_then(|n| n.iter().find(|n| n["id"] == "weird"))
        .expect("the weird node");
    assert_eq!(weird["name"], NASTY_NAME);
    assert_eq!(
        weird["aliases"],
        serde_json::json!(["comma, \"quoted\"", "semi;colon"])
    );
    let full = nodes_links(&full());
    let link = full
        .lines()
        .find(|l| l.contains(r#""source":"NER","target":"FRA""#))
        .expect("the expulsion link");
    assert!(
        link.starts_with(
            r#"{"source":"NER","target":"FRA","kind":"expulsion","plover":"SANCTION","cameo":"166","symmetric":false,"mentions":2,"sources":2,"first_date":"2023","last_date":"2023-08""#
        ),
        "{link}"
    );
}

// ----- Neo4j -----

/// A CSV file read with the csv crate: the header and the rows, each checked to have
/// as many fields as the header.
fn read_csv(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), header.len(), "row {} field count", i + 2);
    }
    (header, rows)
}

/// Checks a header column: a special `:ID`, `:LABEL`, ... column, or a property name
/// with an optional type the importer knows.
fn check_column(column: &str, specials: &[&str]) {
    if specials.contains(&column) {
        return;
    }
    let (name, ty) = column.split_once(':').unwrap_or((column, "string"));
    assert!(
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
        "{column}"
    );
    assert!(
        ["string", "int", "float", "boolean", "string[]"].contains(&ty),
        "{column}"
    );
}

fn column<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    &row[i]
}

/// Checks every typed value of a row against its column's type.
fn check_types(header: &[String], row: &[String]) {
    for (column, value) in header.iter().zip(row) {
        if value.is_empty() {
            continue;
        }
        match column.rsplit_once(':').map(|(_, t)| t) {
            Some("int") => assert!(value.parse::<i64>().is_ok(), "{column}={value}"),
            Some("float") => assert!(value.parse::<f64>().is_ok(), "{column}={value}"),
            Some("boolean") => assert!(["true", "false"].contains(&value.as_str()), "{column}"),
            _ => {}
        }
    }
}

#[test]
fn neo4j_csv_keeps_the_import_header_contract() {
    for graph in [full(), nasty()] {
        let (header, nodes) = read_csv(&neo4j(&graph, Neo4jFile::Nodes));
        assert_eq!(
            header.join(","),
            "id:ID,name,kind,org_type,country,iso3,sector,wikidata,aliases:string[],mentions:int,unresolved:boolean,:LABEL"
        );
        for c in &header {
            check_column(c, &["id:ID", ":LABEL"]);
        }
        let mut ids = BTreeSet::new();
        for row in &nodes {
            check_types(&header, row);
            let id = column(&header, row, "id:ID");
            assert!(ids.insert(id.to_owned()), "duplicate id {id}");
            let kind: EntityKind = column(&header, row, "kind").parse().expect("a kind");
            let label = column(&header, row, ":LABEL");
            let expected = match kind {
                EntityKind::Country => "Entity;Country",
                EntityKind::Organization => "Entity;Organization",
                EntityKind::ArmedGroup => "Entity;ArmedGroup",
                EntityKind::Person => "Entity;Person",
                _ => panic!("a new kind needs a label"),
            };
            assert_eq!(label, expected);
        }
        assert_eq!(ids.len(), graph.entity_count());

        let (header, relationships) = read_csv(&neo4j(&graph, Neo4jFile::Relationships));
        assert_eq!(
            header.join(","),
            ":START_ID,:END_ID,:TYPE,kind,plover,cameo,symmetric:boolean,mentions:int,sources:int,first_date,last_date,modality,confidence:float,current:boolean,ended_by"
        );
        for c in &header {
            check_column(c, &[":START_ID", ":END_ID", ":TYPE"]);
        }
        assert_eq!(relationships.len(), graph.relation_count());
        for row in &relationships {
            check_types(&header, row);
            for end in [":START_ID", ":END_ID"] {
                let id = column(&header, row, end);
                assert!(ids.contains(id), "{end} {id} is a node id");
            }
            let kind: RelationKind = column(&header, row, "kind").parse().expect("a kind");
            assert_eq!(
                column(&header, row, ":TYPE"),
                kind.as_str().to_ascii_uppercase()
            );
        }
    }
}

#[test]
fn neo4j_csv_quotes_and_cleans_fields() {
    let csv_text = neo4j(&nasty(), Neo4jFile::Nodes);
    assert_eq!(csv_text.lines().count(), 3, "no field spans lines");
    let (header, nodes) = read_csv(&csv_text);
    let weird = nodes
        .iter()
        .find(|r| column(&header, r, "id:ID") == "weird")
        .expect("the weird node");
    assert_eq!(
        column(&header, weird, "name"),
        "<&>\"' a,b c d e f g h \u{FFFE} Côte"
    );
    assert_eq!(
        column(&header, weird, "aliases:string[]"),
        "comma, \"quoted\";semi,colon"
    );
    assert_eq!(column(&header, weird, "sector"), "GOV ");
    assert_eq!(
        column(&header, weird, "org_type"),
        "",
        "unknown: no property"
    );
}

#[test]
fn the_load_script_reads_only_columns_the_csv_files_have() {
    let graph = full();
    let script = neo4j(&graph, Neo4jFile::LoadScript);
    assert!(script.contains(
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;"
    ));
    assert!(script.contains(
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\nMERGE (n:Entity {id: row.`id:ID`})"
    ));
    let (nodes, _) = read_csv(&neo4j(&graph, Neo4jFile::Nodes));
    let (relationships, rows) = read_csv(&neo4j(&graph, Neo4jFile::Relationships));
    let types: BTreeSet<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    for ty in &types {
        assert!(
            script.contains(&format!(
                "WITH row WHERE row.`:TYPE` = '{ty}'\nMATCH (a:Entity {{id: row.`:START_ID`}}), (b:Entity {{id: row.`:END_ID`}})\nMERGE (a)-[r:{ty}]->(b)\n"
            )),
            "{ty}"
        );
    }
    assert_eq!(script.matches("MERGE (a)-[r:").count(), types.len());
    // Every `row.`column`` the script reads is a column of the file it loads.
    for statement in script.split(";\n") {
        let columns = if statement.contains("'file:///nodes.csv'") {
            &nodes
        } else if statement.contains("'file:///relationships.csv'") {
            &relationships
        } else {
            continue;
        };
        for part in statement.split("row.`").skip(1) {
            let name = part.split('`').next().unwrap_or_default();
            assert!(columns.iter().any(|c| c == name), "unknown column {name}");
        }
    }
    for statement in script.split(";\n").filter(|s| s.contains("SET n:")) {
        assert!(
            statement
                .trim_start()
                .starts_with("MATCH (n:Entity {kind: '")
        );
    }
}

#[test]
fn the_fixture_entities_are_all_exported() {
    let graph = full();
    let g = read_graphml(&graphml(&graph));
    for entity in [
        "NER",
        "USA",
        "FRA",
        "RUS",
        "africa-corps",
        "amadou-abdramane",
    ] {
        assert_eq!(g.nodes[entity]["label"], known(entity).name);
    }
}
