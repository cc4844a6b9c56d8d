//! GraphML, for Gephi, yEd, Cytoscape and networkx.

use std::io::Write;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

use super::properties::{EDGE_PROPERTIES, NODE_PROPERTIES, Property, Type, Value};

impl KnowledgeGraph {
    /// Writes the graph as GraphML (see [`write_graphml`]) and gives the writer back.
    ///
    /// ```
    /// use newsgraph::KnowledgeGraph;
    /// let xml = KnowledgeGraph::new().write_graphml(Vec::new())?;
    /// assert!(xml.starts_with(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn write_graphml<W: Write>(&self, writer: W) -> Result<W> {
        write_graphml(self, writer)
    }
}

/// Writes a graph as [GraphML](http://graphml.graphdrawing.org/) and gives the writer
/// back: one directed graph, a node per entity and an edge per merged relation.
///
/// - `<key>` declarations give every attribute a name and type (`string`, `int`,
///   `double`, `boolean`). Nodes: `label` (the name), `kind`, `org_type`, `country`,
///   `iso3` (a state's ISO 3166-1 alpha-3 code), `sector`, `wikidata`, `aliases` (joined
///   with `; `), `mentions`, `unresolved`. Edges: `label` (the kind, for Gephi), `kind`,
///   `plover`, `cameo`, `symmetric`, `mentions`, `sources` (distinct articles),
///   `first_date`, `last_date` (ISO, as precise as known: `2012`, `2023-08`,
///   `2024-03-16`), `modality`, `confidence`, `current`, `ended_by`. An unknown value
///   has no `<data>` element.
/// - Node ids are the entity ids; edge ids are `e0`, `e1`, ... in key order. Symmetric
///   kinds are stored once (smaller id first) with `symmetric` true, not as undirected
///   edges: networkx refuses undirected edges in a directed graph.
/// - Every string is escaped for XML; characters XML 1.0 forbids (most C0 controls)
///   become U+FFFD; tab, line feed and carriage return are written as character
///   references so that they read back unchanged.
///
/// Output is sorted by id and key, byte for byte the same for equal graphs.
///
/// ```
/// use newsgraph::export::write_graphml;
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(
///     RelationKey::new(EntityId::new("NER"), RelationKind::Expulsion, EntityId::new("FRA")),
///     Evidence::new(DocId::new("a1"), 0, "Niger expelled French troops.").date("2023-08-03".parse()?),
/// );
/// let xml = String::from_utf8(write_graphml(&graph, Vec::new())?)?;
/// assert!(xml.contains(r#"<key id="e_sources" for="edge" attr.name="sources" attr.type="int"/>"#));
/// assert!(xml.contains(r#"<edge id="e0" source="NER" target="FRA">"#));
/// assert!(xml.contains(r#"<data key="e_first_date">2023-08-03</data>"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_graphml<W: Write>(graph: &KnowledgeGraph, mut writer: W) -> Result<W> {
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for property in &NODE_PROPERTIES {
        key(&mut out, "node", property);
    }
    for property in &EDGE_PROPERTIES {
        key(&mut out, "edge", property);
    }
    out.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    flush(&mut writer, &mut out)?;
    for entity in graph.entities() {
        out.push_str("    <node id=\"");
        escape_into(&mut out, entity.id.as_str());
        out.push_str("\">\n");
        let values = super::properties::node_values(graph, entity);
        for (property, value) in NODE_PROPERTIES.iter().zip(values) {
            data(&mut out, "node", property, value);
        }
        out.push_str("    </node>\n");
        flush(&mut writer, &mut out)?;
    }
    for (i, relation) in graph.relations().enumerate() {
        out.push_str("    <edge id=\"e");
        out.push_str(&i.to_string());
        out.push_str("\" source=\"");
        escape_into(&mut out, relation.source().as_str());
        out.push_str("\" target=\"");
        escape_into(&mut out, relation.target().as_str());
        out.push_str("\">\n");
        let values = super::properties::edge_values(relation);
        for (property, value) in EDGE_PROPERTIES.iter().zip(values) {
            data(&mut out, "edge", property, value);
        }
        out.push_str("    </edge>\n");
        flush(&mut writer, &mut out)?;
    }
    out.push_str("  </graph>\n</graphml>\n");
    flush(&mut writer, &mut out)?;
    Ok(writer)
}

/// The id of a key: `n_` or `e_` and the property name.
fn key_id(domain: &str, property: &Property) -> String {
    format!("{}_{}", &domain[..1], property.name)
}

/// The attribute name GraphML tools see: the node name and the edge kind are also the
/// `label` Gephi and yEd show.
fn attr_name(domain: &str, property: &Property) -> &'static str {
    match (domain, property.name) {
        ("node", "name") => "label",
        (_, name) => name,
    }
}

fn key(out: &mut String, domain: &str, property: &Property) {
    let ty = match property.ty {
        Type::Str | Type::StrList => "string",
        Type::Int => "int",
        Type::Float => "double",
        Type::Bool => "boolean",
    };
    out.push_str(&format!(
        "  <key id=\"{}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{ty}\"/>\n",
        key_id(domain, property),
        attr_name(domain, property)
    ));
    if domain == "edge" && property.name == "kind" {
        out.push_str(
            "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n",
        );
    }
}

fn data(out: &mut String, domain: &str, property: &Property, value: Option<Value<'_>>) {
    let Some(value) = value else {
        return;
    };
    let mut text = String::new();
    match value {
        Value::Str(s) => escape_into(&mut text, &s),
        Value::Int(n) => text.push_str(&n.to_string()),
        Value::Float(x) => text.push_str(&x.to_string()),
        Value::Bool(b) => text.push_str(if b { "true" } else { "false" }),
        Value::StrList(items) => escape_into(&mut text, &items.join("; ")),
    }
    let id = key_id(domain, property);
    out.push_str(&format!("      <data key=\"{id}\">{text}</data>\n"));
    if domain == "edge" && property.name == "kind" {
        out.push_str(&format!("      <data key=\"e_label\">{text}</data>\n"));
    }
}

fn flush<W: Write>(writer: &mut W, out: &mut String) -> Result<()> {
    writer
        .write_all(out.as_bytes())
        .map_err(|e| Error::io("<output>", e))?;
    out.clear();
    Ok(())
}

/// Appends `s` escaped for XML 1.0 text and attribute values: the five special
/// characters as entities, tab, line feed and carriage return as character references,
/// characters XML 1.0 forbids as U+FFFD.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// True for the characters XML 1.0 allows (production `Char`).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    #[test]
    fn escapes_markup_and_replaces_forbidden_characters() {
        assert_eq!(escape(r#"<&>"'"#), "&lt;&amp;&gt;&quot;&apos;");
        assert_eq!(escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(
            escape("a\u{0}b\u{1b}c\u{FFFE}d"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"
        );
        assert_eq!(escape("Côte d’Ivoire \u{1F30D}"), "Côte d’Ivoire \u{1F30D}");
    }
}
