//! The one table of node and edge properties that the property-graph exports (GraphML,
//! JSON nodes/links, Neo4j CSV) share, so that the three always agree on names, types
//! and values.

use std::borrow::Cow;

use crate::graph::{KnowledgeGraph, Relation};
use crate::model::{Entity, EntityKind};

/// The type of a property.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Type {
    /// Text.
    Str,
    /// A whole number (counts).
    Int,
    /// A number in 0–1.
    Float,
    /// `true` or `false`.
    Bool,
    /// A list of texts.
    StrList,
}

/// The value of one property of one node or edge.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    Str(Cow<'a, str>),
    Int(u64),
    Float(f32),
    Bool(bool),
    StrList(&'a [String]),
}

/// A property: its name and type.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Property {
    pub name: &'static str,
    pub ty: Type,
}

const fn prop(name: &'static str, ty: Type) -> Property {
    Property { name, ty }
}

/// The properties of a node besides its id, in output order.
pub(crate) const NODE_PROPERTIES: [Property; 10] = [
    prop("name", Type::Str),
    prop("kind", Type::Str),
    prop("org_type", Type::Str),
    prop("country", Type::Str),
    prop("iso3", Type::Str),
    prop("sector", Type::Str),
    prop("wikidata", Type::Str),
    prop("aliases", Type::StrList),
    prop("mentions", Type::Int),
    prop("unresolved", Type::Bool),
];

/// The values of [`NODE_PROPERTIES`] for an entity, `None` where unknown.
pub(crate) fn node_values<'a>(
    graph: &KnowledgeGraph,
    entity: &'a Entity,
) -> [Option<Value<'a>>; 10] {
    let text = |s: &'a str| Some(Value::Str(Cow::Borrowed(s)));
    let iso3 = (entity.kind == EntityKind::Country && entity.id.is_state_code())
        .then(|| Value::Str(Cow::Borrowed(entity.id.as_str())));
    [
        text(&entity.name),
        text(entity.kind.as_str()),
        entity.org_type.and_then(|t| text(t.as_str())),
        entity.country.as_ref().and_then(|c| text(c.as_str())),
        iso3,
        entity.sector.as_deref().and_then(text),
        entity.wikidata.as_deref().and_then(text),
        (!entity.aliases.is_empty()).then_some(Value::StrList(&entity.aliases)),
        Some(Value::Int(u64::from(entity.mentions))),
        Some(Value::Bool(graph.is_unresolved(&entity.id))),
    ]
}

/// The properties of an edge besides its ends, in output order.
pub(crate) const EDGE_PROPERTIES: [Property; 12] = [
    prop("kind", Type::Str),
    prop("plover", Type::Str),
    prop("cameo", Type::Str),
    prop("symmetric", Type::Bool),
    prop("mentions", Type::Int),
    prop("sources", Type::Int),
    prop("first_date", Type::Str),
    prop("last_date", Type::Str),
    prop("modality", Type::Str),
    prop("confidence", Type::Float),
    prop("current", Type::Bool),
    prop("ended_by", Type::Str),
];

/// The values of [`EDGE_PROPERTIES`] for a relation, `None` where unknown.
pub(crate) fn edge_values(relation: &Relation) -> [Option<Value<'_>>; 12] {
    let kind = relation.kind();
    let text = |s: &'static str| Some(Value::Str(Cow::Borrowed(s)));
    let owned = |s: String| Some(Value::Str(Cow::Owned(s)));
    [
        text(kind.as_str()),
        kind.plover().and_then(|p| text(p.as_str())),
        kind.cameo().and_then(text),
        Some(Value::Bool(kind.is_symmetric())),
        Some(Value::Int(relation.mentions() as u64)),
        Some(Value::Int(relation.sources() as u64)),
        relation.first_date().and_then(|d| owned(d.to_string())),
        relation.last_date().and_then(|d| owned(d.to_string())),
        text(relation.modality().as_str()),
        Some(Value::Float(relation.confidence())),
        Some(Value::Bool(relation.is_current())),
        relation.ended_by().and_then(|k| owned(k.to_string())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_types_match_values() {
        use crate::graph::{Evidence, RelationKey};
        use crate::model::{DocId, EntityId, RelationKind};
        let mut graph = KnowledgeGraph::new();
        let key = RelationKey::new(
            EntityId::new("NER"),
            RelationKind::Expulsion,
            EntityId::new("FRA"),
        );
        graph.add_evidence(key.clone(), Evidence::new(DocId::new("a"), 0, "…"));
        let mut entity = Entity::new(EntityId::new("NER"), EntityKind::Country, "Niger");
        entity.aliases = vec!["Republic of Niger".into()];
        entity.sector = Some("GOV".into());
        entity.wikidata = Some("Q1032".into());
        let nodes = NODE_PROPERTIES.iter().zip(node_values(&graph, &entity));
        let relation = graph.relation(&key).expect("the relation");
        let edges = EDGE_PROPERTIES.iter().zip(edge_values(relation));
        for (property, value) in nodes.chain(edges) {
            let ty = match value {
                Some(Value::Str(_)) => Type::Str,
                Some(Value::Int(_)) => Type::Int,
                Some(Value::Float(_)) => Type::Float,
                Some(Value::Bool(_)) => Type::Bool,
                Some(Value::StrList(_)) => Type::StrList,
                None => continue,
            };
            assert_eq!(ty, property.ty, "{}", property.name);
        }
        for names in [
            NODE_PROPERTIES.map(|p| p.name).to_vec(),
            EDGE_PROPERTIES.map(|p| p.name).to_vec(),
        ] {
            let mut sorted = names.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len());
        }
    }
}
