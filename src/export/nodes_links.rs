//! JSON nodes and links, the shape of D3's force layout and networkx's
//! `node_link_graph`.

use std::io::Write;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

use super::properties::{self, EDGE_PROPERTIES, NODE_PROPERTIES, Property, Value};

impl KnowledgeGraph {
    /// Writes the graph as JSON nodes and links (see [`write_nodes_links`]) and gives
    /// the writer back.
    ///
    /// ```
    /// use newsgraph::KnowledgeGraph;
    /// let json = KnowledgeGraph::new().write_nodes_links(Vec::new())?;
    /// assert_eq!(json, b"{\"directed\":true,\"multigraph\":true,\"graph\":{},\"nodes\":[\n],\"links\":[\n]}\n");
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn write_nodes_links<W: Write>(&self, writer: W) -> Result<W> {
        write_nodes_links(self, writer)
    }
}

/// Writes a graph as one JSON object of nodes and links and gives the writer back:
///
/// ```text
/// {"directed":true,"multigraph":true,"graph":{},"nodes":[
/// {"id":"FRA","name":"France","kind":"country",...},
/// ...
/// ],"links":[
/// {"source":"NER","target":"FRA","kind":"expulsion","plover":"SANCTION",...},
/// ...
/// ]}
/// ```
///
/// That is the shape D3's force layout takes (`d3.forceLink(links).id(d => d.id)`) and
/// networkx reads with `node_link_graph(data, edges="links")` (a directed multigraph:
/// two entities may have several relations). For Cytoscape.js, map each node to
/// `{data: node}` and each link to `{data: link}`.
///
/// Nodes have `id` and the properties `name`, `kind`, `org_type`, `country`, `iso3` (a
/// state's ISO 3166-1 alpha-3 code), `sector`, `wikidata`, `aliases` (an array),
/// `mentions`, `unresolved`; links have `source`, `target` (entity ids), `kind`,
/// `plover`, `cameo`, `symmetric`, `mentions`, `sources` (distinct articles),
/// `first_date`, `last_date` (ISO, as precise as known), `modality`, `confidence`,
/// `current`, `ended_by`. Unknown values are left out. One node or link a line, sorted
/// by id and key: byte for byte the same for equal graphs.
///
/// ```
/// use newsgraph::export::write_nodes_links;
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(
///     RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")),
///     Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops."),
/// );
/// let json: serde_json::Value = serde_json::from_slice(&write_nodes_links(&graph, Vec::new())?)?;
/// assert_eq!(json["nodes"][0]["id"], "FRA");
/// assert_eq!(json["links"][0]["source"], "NER");
/// assert_eq!(json["links"][0]["sources"], 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_nodes_links<W: Write>(graph: &KnowledgeGraph, mut writer: W) -> Result<W> {
    let mut line = String::with_capacity(512);
    write(
        &mut writer,
        "{\"directed\":true,\"multigraph\":true,\"graph\":{},\"nodes\":[",
    )?;
    for (i, entity) in graph.entities().enumerate() {
        line.clear();
        if i > 0 {
            line.push(',');
        }
        line.push('\n');
        line.push_str("{\"id\":");
        push_json(&mut line, entity.id.as_str());
        let values = properties::node_values(graph, entity);
        push_fields(&mut line, &NODE_PROPERTIES, values);
        line.push('}');
        write(&mut writer, &line)?;
    }
    write(&mut writer, "\n],\"links\":[")?;
    for (i, relation) in graph.relations().enumerate() {
        line.clear();
        if i > 0 {
            line.push(',');
        }
        line.push('\n');
        line.push_str("{\"source\":");
        push_json(&mut line, relation.source().as_str());
        line.push_str(",\"target\":");
        push_json(&mut line, relation.target().as_str());
        push_fields(
            &mut line,
            &EDGE_PROPERTIES,
            properties::edge_values(relation),
        );
        line.push('}');
        write(&mut writer, &line)?;
    }
    write(&mut writer, "\n]}\n")?;
    Ok(writer)
}

fn push_fields<const N: usize>(
    line: &mut String,
    properties: &[Property; N],
    values: [Option<Value<'_>>; N],
) {
    for (property, value) in properties.iter().zip(values) {
        let Some(value) = value else {
            continue;
        };
        line.push_str(",\"");
        line.push_str(property.name);
        line.push_str("\":");
        match value {
            Value::Str(s) => push_json(line, &s),
            Value::Int(n) => line.push_str(&n.to_string()),
            Value::Float(x) => line.push_str(&float(x)),
            Value::Bool(b) => line.push_str(if b { "true" } else { "false" }),
            Value::StrList(items) => {
                line.push('[');
                for (j, item) in items.iter().enumerate() {
                    if j > 0 {
                        line.push(',');
                    }
                    push_json(line, item);
                }
                line.push(']');
            }
        }
    }
}

/// A finite number as JSON (the graph keeps confidences finite; anything else is 0).
fn float(x: f32) -> String {
    if x.is_finite() {
        x.to_string()
    } else {
        "0".to_owned()
    }
}

/// Appends a JSON string literal.
fn push_json(line: &mut String, s: &str) {
    // Serialising a string to a String cannot fail.
    line.push_str(&serde_json::to_string(s).unwrap_or_default());
}

fn write<W: Write>(writer: &mut W, s: &str) -> Result<()> {
    writer
        .write_all(s.as_bytes())
        .map_err(|e| Error::io("<output>", e))
}
