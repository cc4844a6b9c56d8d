//! Graphviz DOT, styled by meaning.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use crate::graph::{KnowledgeGraph, Relation};
use crate::model::{Entity, EntityId, EntityKind, Modality, Plover};

/// How nodes are grouped in the picture.
///
/// ```
/// use newsgraph::export::Clusters;
/// assert_eq!(Clusters::default(), Clusters::None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Clusters {
    /// No grouping (the default).
    #[default]
    None,
    /// One box per state, holding the entities that belong to it (its people, armed
    /// forces and the state itself).
    ByCountry,
}

/// What edge labels say.
///
/// ```
/// use newsgraph::export::EdgeLabels;
/// assert_eq!(EdgeLabels::default(), EdgeLabels::KindAndDate);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EdgeLabels {
    /// The kind, and the date or date range on a second line (the default).
    #[default]
    KindAndDate,
    /// The kind only.
    Kind,
    /// No label.
    None,
}

/// Options of the DOT export.
///
/// ```
/// use newsgraph::export::{Clusters, DotOptions, EdgeLabels};
/// let options = DotOptions::new().clusters(Clusters::ByCountry).edge_labels(EdgeLabels::Kind);
/// assert_eq!(options.clusters, Clusters::ByCountry);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DotOptions {
    /// How nodes are grouped; default [`Clusters::None`].
    pub clusters: Clusters,
    /// What edge labels say; default [`EdgeLabels::KindAndDate`].
    pub edge_labels: EdgeLabels,
}

impl DotOptions {
    /// The default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets how nodes are grouped (default [`Clusters::None`]).
    pub fn clusters(mut self, clusters: Clusters) -> Self {
        self.clusters = clusters;
        self
    }

    /// Sets what edge labels say (default [`EdgeLabels::KindAndDate`]).
    pub fn edge_labels(mut self, labels: EdgeLabels) -> Self {
        self.edge_labels = labels;
        self
    }
}

/// A [`Display`](fmt::Display) adaptor writing a graph as Graphviz DOT.
///
/// - Node shape by kind: state `box`, person `ellipse`, armed group `hexagon`,
///   organisation `component`; unresolved entities are dashed.
/// - Edge colour by PLOVER category: material cooperation (support, cooperate, aid)
///   green, verbal cooperation (agree, consult, concede, retreat) blue, verbal conflict
///   (request, accuse, reject, threaten, protest) orange, material conflict (sanction,
///   mobilize, coerce, assault) red, structural kinds grey; a relation only ever negated
///   is grey and labelled `not …`.
/// - Style: dotted when alleged, future or hypothetical; else dashed when the kind ends
///   something or the relation was ended; else solid.
/// - Pen width grows with the number of distinct articles (1 to 4).
/// - `dir=none` for symmetric kinds.
///
/// Output is sorted by id and key, byte for byte the same for equal graphs.
///
/// ```
/// use newsgraph::export::{Dot, DotOptions};
/// use newsgraph::{DocId, EntityId, Evidence, KnowledgeGraph, RelationKey, RelationKind};
/// let mut graph = KnowledgeGraph::new();
/// graph.add_evidence(
///     RelationKey::new(EntityId::new("RUS"), RelationKind::AgreementSigned, EntityId::new("NER")),
///     Evidence::new(DocId::new("a1"), 0, "…").date("2024-01-16".parse()?),
/// );
/// let dot = Dot::new(&graph).with_options(DotOptions::new()).to_string();
/// assert!(dot.contains(r#""NER" -> "RUS" [label="agreement_signed\n2024-01-16", color="forestgreen""#));
/// assert!(dot.contains("dir=none"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Dot<'a> {
    graph: &'a KnowledgeGraph,
    options: DotOptions,
}

impl<'a> Dot<'a> {
    /// The DOT of a graph, with default options.
    pub fn new(graph: &'a KnowledgeGraph) -> Self {
        Dot {
            graph,
            options: DotOptions::default(),
        }
    }

    /// Sets the options.
    pub fn with_options(mut self, options: DotOptions) -> Self {
        self.options = options;
        self
    }
}

impl KnowledgeGraph {
    /// The graph as Graphviz DOT (see [`Dot`]).
    ///
    /// ```
    /// use newsgraph::export::DotOptions;
    /// use newsgraph::KnowledgeGraph;
    /// let dot = KnowledgeGraph::new().to_dot(&DotOptions::new());
    /// assert!(dot.starts_with("digraph newsgraph {\n"));
    /// ```
    pub fn to_dot(&self, options: &DotOptions) -> String {
        Dot::new(self).with_options(options.clone()).to_string()
    }
}

impl fmt::Display for Dot<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let graph = self.graph;
        f.write_str("digraph newsgraph {\n")?;
        f.write_str("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n")?;
        f.write_str("  node [fontname=\"Helvetica\", fontsize=11];\n")?;
        f.write_str("  edge [fontname=\"Helvetica\", fontsize=9];\n")?;
        match self.options.clusters {
            Clusters::None => {
                for entity in graph.entities() {
                    write_node(f, graph, entity, "  ")?;
                }
            }
            Clusters::ByCountry => {
                let mut clusters: BTreeMap<&EntityId, Vec<&Entity>> = BTreeMap::new();
                for entity in graph.entities() {
                    match &entity.country {
                        Some(country) => clusters.entry(country).or_default().push(entity),
                        None => write_node(f, graph, entity, "  ")?,
                    }
                }
                for (country, members) in clusters {
                    let label = graph.entity(country).map_or(country.as_str(), |e| &e.name);
                    writeln!(f, "  subgraph \"cluster_{}\" {{", escape(country.as_str()))?;
                    writeln!(f, "    label=\"{}\";", escape(label))?;
                    f.write_str("    style=\"rounded\";\n    color=\"gray60\";\n")?;
                    for entity in members {
                        write_node(f, graph, entity, "    ")?;
                    }
                    f.write_str("  }\n")?;
                }
            }
        }
        for relation in graph.relations() {
            write_edge(f, relation, self.options.edge_labels)?;
        }
        f.write_str("}\n")
    }
}

fn write_node(
    f: &mut fmt::Formatter<'_>,
    graph: &KnowledgeGraph,
    entity: &Entity,
    indent: &str,
) -> fmt::Result {
    let shape = match entity.kind {
        EntityKind::Country => "box",
        EntityKind::Person => "ellipse",
        EntityKind::ArmedGroup => "hexagon",
        EntityKind::Organization => "component",
    };
    write!(
        f,
        "{indent}\"{}\" [label=\"{}\", shape={shape}",
        escape(entity.id.as_str()),
        escape(&entity.name)
    )?;
    if graph.is_unresolved(&entity.id) {
        f.write_str(", style=\"dashed\"")?;
    }
    let mentions = entity.mentions;
    writeln!(
        f,
        ", tooltip=\"{} ({}, {mentions} mention{})\"];",
        escape(entity.id.as_str()),
        entity.kind,
        if mentions == 1 { "" } else { "s" }
    )
}

fn write_edge(f: &mut fmt::Formatter<'_>, relation: &Relation, labels: EdgeLabels) -> fmt::Result {
    let modality = relation.modality();
    let negated = modality == Modality::Negated;
    let color = if negated {
        "gray60"
    } else {
        colour(relation.kind().plover())
    };
    write!(
        f,
        "  \"{}\" -> \"{}\" [",
        escape(relation.source().as_str()),
        escape(relation.target().as_str())
    )?;
    let mut label = String::new();
    if labels != EdgeLabels::None {
        if negated {
            label.push_str("not ");
        }
        label.push_str(relation.kind().as_str());
        if labels == EdgeLabels::KindAndDate {
            match (relation.first_date(), relation.last_date()) {
                (Some(first), Some(last)) if first != last => {
                    let _ = write!(label, "\\n{first}..{last}");
                }
                (_, Some(last)) => {
                    let _ = write!(label, "\\n{last}");
                }
                _ => {}
            }
        }
        write!(f, "label=\"{label}\", ")?;
    }
    write!(f, "color=\"{color}\", fontcolor=\"{color}\"")?;
    let uncertain = matches!(
        modality,
        Modality::Alleged | Modality::Future | Modality::Hypothetical
    );
    if uncertain {
        f.write_str(", style=\"dotted\"")?;
    } else if relation.kind().ends().is_some() || !relation.is_current() {
        f.write_str(", style=\"dashed\"")?;
    }
    let sources = relation.sources();
    let width = 1.0 + 0.5 * (sources.saturating_sub(1).min(6) as f64);
    write!(f, ", penwidth={width:.1}")?;
    if relation.kind().is_symmetric() {
        f.write_str(", dir=none")?;
    }
    let mentions = relation.mentions();
    writeln!(
        f,
        ", tooltip=\"{}: {} mention{} in {} article{}\"];",
        escape(&relation.key().to_string()),
        mentions,
        if mentions == 1 { "" } else { "s" },
        sources,
        if sources == 1 { "" } else { "s" }
    )
}

/// The colour of a PLOVER category.
fn colour(plover: Option<Plover>) -> &'static str {
    match plover {
        Some(Plover::Support | Plover::Cooperate | Plover::Aid) => "forestgreen",
        Some(Plover::Agree | Plover::Consult | Plover::Concede | Plover::Retreat) => "royalblue",
        Some(
            Plover::Request | Plover::Accuse | Plover::Reject | Plover::Threaten | Plover::Protest,
        ) => "darkorange",
        Some(Plover::Sanction | Plover::Mobilize | Plover::Coerce | Plover::Assault) => "red3",
        None => "gray40",
    }
}

/// Escapes a string for a double-quoted DOT string: `\` and `"` get a backslash, a
/// line break becomes `\n`, other control characters a space.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_breaks() {
        assert_eq!(escape(r#"say "hi"\now"#), r#"say \"hi\"\\now"#);
        assert_eq!(escape("a\nb\tc"), "a\\nb c");
    }

    #[test]
    fn cooperation_and_conflict_have_their_colours() {
        assert_eq!(colour(Some(Plover::Aid)), "forestgreen");
        assert_eq!(colour(Some(Plover::Consult)), "royalblue");
        assert_eq!(colour(Some(Plover::Accuse)), "darkorange");
        assert_eq!(colour(Some(Plover::Sanction)), "red3");
        assert_eq!(colour(None), "gray40");
    }
}
