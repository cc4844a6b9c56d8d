//! Neo4j: the CSV files of `neo4j-admin database import` and a `LOAD CSV` script.

use std::collections::BTreeSet;
use std::fmt;
use std::io::Write;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::model::EntityKind;

use super::properties::{self, EDGE_PROPERTIES, NODE_PROPERTIES, Property, Type, Value};

/// One of the files of the Neo4j export (see [`write_neo4j`]).
///
/// ```
/// use newsgraph::export::Neo4jFile;
/// let names: Vec<_> = Neo4jFile::ALL.iter().map(|f| f.file_name()).collect();
/// assert_eq!(names, ["nodes.csv", "relationships.csv", "load.cypher"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Neo4jFile {
    /// `nodes.csv`: one row per entity.
    Nodes,
    /// `relationships.csv`: one row per merged relation.
    Relationships,
    /// `load.cypher`: a Cypher script that loads the two CSV files with `LOAD CSV`.
    LoadScript,
}

impl Neo4jFile {
    /// Every file, in the order above.
    pub const ALL: [Neo4jFile; 3] = [
        Neo4jFile::Nodes,
        Neo4jFile::Relationships,
        Neo4jFile::LoadScript,
    ];

    /// The file name the load script and the import command expect.
    pub const fn file_name(self) -> &'static str {
        match self {
            Neo4jFile::Nodes => "nodes.csv",
            Neo4jFile::Relationships => "relationships.csv",
            Neo4jFile::LoadScript => "load.cypher",
        }
    }
}

impl fmt::Display for Neo4jFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file_name())
    }
}

impl KnowledgeGraph {
    /// Writes one file of the Neo4j export (see [`write_neo4j`]) and gives the writer
    /// back.
    ///
    /// ```
    /// use newsgraph::export::Neo4jFile;
    /// use newsgraph::KnowledgeGraph;
    /// let csv = KnowledgeGraph::new().write_neo4j(Neo4jFile::Relationships, Vec::new())?;
    /// assert!(csv.starts_with(b":START_ID,:END_ID,:TYPE,kind,"));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn write_neo4j<W: Write>(&self, file: Neo4jFile, writer: W) -> Result<W> {
        write_neo4j(self, file, writer)
    }
}

/// Writes one file of the Neo4j export of a graph and gives the writer back.
///
/// The three files, written side by side, load into Neo4j 5 either way:
///
/// - into a new database with the bulk importer:
///   `neo4j-admin database import full --nodes=nodes.csv
///   --relationships=relationships.csv neo4j`;
/// - into a running one: copy the two CSV files into the server's import folder and run
///   `cypher-shell -f load.cypher` (a uniqueness constraint on `Entity.id`, `LOAD CSV
///   WITH HEADERS` and `MERGE`, so running it again updates instead of duplicating).
///
/// `nodes.csv` has the header
/// `id:ID,name,kind,org_type,country,iso3,sector,wikidata,aliases:string[],mentions:int,unresolved:boolean,:LABEL`;
/// every node has the label `Entity` and one of `Country`, `Organization`, `ArmedGroup`,
/// `Person`. `relationships.csv` has the header
/// `:START_ID,:END_ID,:TYPE,kind,plover,cameo,symmetric:boolean,mentions:int,sources:int,first_date,last_date,modality,confidence:float,current:boolean,ended_by`;
/// the type is the relation kind in upper snake case (`AGREEMENT_ENDED`), `sources` the
/// number of distinct articles, dates ISO strings as precise as known (`2012`,
/// `2023-08`, `2024-03-16`). A symmetric kind is one relationship, smaller id first,
/// with `symmetric` true.
///
/// CSV as RFC 4180 says, with `,` between fields and `"` around a field that holds a
/// comma or a quote (doubled inside); an unknown value is an empty field (no property).
/// Control characters become spaces, so no field spans lines (the importer refuses
/// that by default), and arrays are joined with `;`, the importer's array delimiter (a
/// `;` inside an alias becomes `,`). Rows are sorted by id and key: byte for byte the
/// same for equal graphs.
///
/// ```
/// use newsgraph::export::{Neo4jFile, write_neo4j};
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(
///     RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")),
///     Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops.").date("2023-08".parse()?),
/// );
/// let nodes = String::from_utf8(write_neo4j(&graph, Neo4jFile::Nodes, Vec::new())?)?;
/// assert!(nodes.starts_with("id:ID,name,kind,"));
/// assert!(nodes.contains("\nNER,NER,country,,NER,NER,,,,0,true,Entity;Country\n"));
/// let relationships = String::from_utf8(write_neo4j(&graph, Neo4jFile::Relationships, Vec::new())?)?;
/// assert!(relationships.contains("\nNER,FRA,EXPULSION,expulsion,SANCTION,166,false,1,1,2023-08,2023-08,asserted,1,true,\n"));
/// let script = String::from_utf8(write_neo4j(&graph, Neo4jFile::LoadScript, Vec::new())?)?;
/// assert!(script.contains("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row"));
/// assert!(script.contains("MERGE (a)-[r:EXPULSION]->(b)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_neo4j<W: Write>(graph: &KnowledgeGraph, file: Neo4jFile, writer: W) -> Result<W> {
    match file {
        Neo4jFile::Nodes => write_nodes(graph, writer),
        Neo4jFile::Relationships => write_relationships(graph, writer),
        Neo4jFile::LoadScript => write_script(graph, writer),
    }
}

/// The column name of a property, with its type suffix.
fn column(property: &Property) -> String {
    let suffix = match property.ty {
        Type::Str => "",
        Type::StrList => ":string[]",
        Type::Int => ":int",
        Type::Float => ":float",
        Type::Bool => ":boolean",
    };
    format!("{}{suffix}", property.name)
}

/// The node label of an entity kind.
fn label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Country => "Country",
        EntityKind::Organization => "Organization",
        EntityKind::ArmedGroup => "ArmedGroup",
        EntityKind::Person => "Person",
    }
}

fn write_nodes<W: Write>(graph: &KnowledgeGraph, mut writer: W) -> Result<W> {
    let mut line = String::from("id:ID");
    for property in &NODE_PROPERTIES {
        line.push(',');
        line.push_str(&column(property));
    }
    line.push_str(",:LABEL\n");
    write(&mut writer, &line)?;
    for entity in graph.entities() {
        line.clear();
        push_field(&mut line, entity.id.as_str());
        push_values(&mut line, properties::node_values(graph, entity));
        line.push_str(",Entity;");
        line.push_str(label(entity.kind));
        line.push('\n');
        write(&mut writer, &line)?;
    }
    Ok(writer)
}

fn write_relationships<W: Write>(graph: &KnowledgeGraph, mut writer: W) -> Result<W> {
    let mut line = String::from(":START_ID,:END_ID,:TYPE");
    for property in &EDGE_PROPERTIES {
        line.push(',');
        line.push_str(&column(property));
    }
    line.push('\n');
    write(&mut writer, &line)?;
    for relation in graph.relations() {
        line.clear();
        push_field(&mut line, relation.source().as_str());
        line.push(',');
        push_field(&mut line, relation.target().as_str());
        line.push(',');
        line.push_str(&relation.kind().as_str().to_ascii_uppercase());
        push_values(&mut line, properties::edge_values(relation));
        line.push('\n');
        write(&mut writer, &line)?;
    }
    Ok(writer)
}

/// Appends `,value` for each value (an empty field when unknown).
fn push_values<const N: usize>(line: &mut String, values: [Option<Value<'_>>; N]) {
    for value in values {
        line.push(',');
        match value {
            None => {}
            Some(Value::Str(s)) => push_field(line, &s),
            Some(Value::Int(n)) => line.push_str(&n.to_string()),
            Some(Value::Float(x)) => line.push_str(&x.to_string()),
            Some(Value::Bool(b)) => line.push_str(if b { "true" } else { "false" }),
            Some(Value::StrList(items)) => {
                let joined: Vec<String> = items.iter().map(|s| s.replace(';', ",")).collect();
                push_field(line, &joined.join(";"));
            }
        }
    }
}

/// Appends one CSV field: control characters as spaces, quoted when it holds a comma
/// or a quote, or is empty (an empty string, not an unknown value).
fn push_field(line: &mut String, s: &str) {
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.is_empty() || clean.contains([',', '"']) {
        line.push('"');
        line.push_str(&clean.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(&clean);
    }
}

fn write_script<W: Write>(graph: &KnowledgeGraph, mut writer: W) -> Result<W> {
    let mut s = String::new();
    s.push_str(
        "// Loads nodes.csv and relationships.csv, written by newsgraph, into Neo4j 5.\n\
         // Copy the two files into the server's import folder, then run:\n\
         //   cypher-shell -u neo4j -f load.cypher\n\
         // Running it again updates the graph: nodes and relationships are merged.\n\
         // Into a new database, the bulk importer reads the same files faster:\n\
         //   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j\n\n",
    );
    s.push_str(
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n\n",
    );
    s.push_str("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n");
    s.push_str("MERGE (n:Entity {id: row.`id:ID`})\n");
    push_sets(&mut s, "n", &NODE_PROPERTIES);
    s.push_str(";\n\n");
    for kind in EntityKind::ALL {
        s.push_str(&format!(
            "MATCH (n:Entity {{kind: '{}'}}) SET n:{};\n",
            kind.as_str(),
            label(kind)
        ));
    }
    let types: BTreeSet<&str> = graph.relations().map(|r| r.kind().as_str()).collect();
    for kind in types {
        s.push_str(&format!(
            "\nLOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n\
             WITH row WHERE row.`:TYPE` = '{ty}'\n\
             MATCH (a:Entity {{id: row.`:START_ID`}}), (b:Entity {{id: row.`:END_ID`}})\n\
             MERGE (a)-[r:{ty}]->(b)\n",
            ty = kind.to_ascii_uppercase()
        ));
        push_sets(&mut s, "r", &EDGE_PROPERTIES);
        s.push_str(";\n");
    }
    write(&mut writer, &s)?;
    Ok(writer)
}

/// Appends `SET v.p = <row value>, ...` with the conversion each type needs; an empty
/// field gives no property.
fn push_sets(s: &mut String, var: &str, properties: &[Property]) {
    for (i, property) in properties.iter().enumerate() {
        s.push_str(if i == 0 { "SET " } else { ",\n    " });
        let field = format!("row.`{}`", column(property));
        let value = match property.ty {
            Type::Str => format!("CASE WHEN {field} <> '' THEN {field} END"),
            Type::StrList => format!("CASE WHEN {field} <> '' THEN split({field}, ';') END"),
            Type::Int => format!("toInteger({field})"),
            Type::Float => format!("toFloat({field})"),
            Type::Bool => format!("toBoolean({field})"),
        };
        s.push_str(&format!("{var}.{} = {value}", property.name));
    }
}

fn write<W: Write>(writer: &mut W, s: &str) -> Result<()> {
    writer
        .write_all(s.as_bytes())
        .map_err(|e| Error::io("<output>", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> String {
        let mut line = String::new();
        push_field(&mut line, s);
        line
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("Niger"), "Niger");
        assert_eq!(field("Sudan, Republic of"), "\"Sudan, Republic of\"");
        assert_eq!(field(r#"the "junta""#), r#""the ""junta""""#);
        assert_eq!(field("a\nb\r\tc"), "a b  c");
        assert_eq!(field(""), "\"\"");
        assert_eq!(field("<&>'"), "<&>'");
    }
}
