//! Coreference inside one document: `the junta`, `the government`, `the country`,
//! `the two countries`, `he`/`she`/`it`/`they`, and people (surnames are joined to full
//! names when the mentions are built).
//!
//! Resolution walks the mentions in text order and keeps what was seen last: the last
//! state, the state last named with each sector noun (`Niger's junta` makes `the junta`
//! Niger), the last person, the last non-person actor, the last pair of states.

use crate::lexicon::HashMap;

use crate::lexicon::Lexicon;
use crate::mentions::{Actor, Person, Referent};
use crate::model::{EntityId, EntityKind};

/// What coreference remembers while it walks a document.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    last_state: Option<EntityId>,
    states: Vec<EntityId>,
    by_noun: HashMap<String, EntityId>,
    by_sector: HashMap<String, EntityId>,
    last_person: Option<EntityId>,
    /// The entity of the last actor that was no person, when it had one entity (`it`
    /// refers to nothing after a group).
    last_thing: Option<EntityId>,
    last_group: Option<Vec<EntityId>>,
    /// Organisations and armed groups in order of mention.
    last_body: Vec<(EntityKind, EntityId)>,
}

/// Resolves the actors of one sentence in place, then remembers them.
pub(crate) fn resolve(
    lex: &Lexicon,
    persons: &[Person],
    memory: &mut Memory,
    actors: &mut [Actor],
    text: &str,
) {
    // groups of actors joined by "and" inside this sentence, for `they`
    for i in 0..actors.len() {
        // the kind of the one resolved entity, when it was looked up already
        let mut kind_known = None;
        let resolved: Vec<EntityId> = match &actors[i].referent {
            Referent::Entity(id) => {
                let found = lex.entity(id);
                let known = found.filter(|e| e.kind == EntityKind::Person);
                if let Some(p) = known {
                    // a person of the lexicon acts for their state
                    actors[i].person = Some(p.id.clone());
                    if actors[i].sector.is_none() {
                        actors[i].sector.clone_from(&p.sector);
                    }
                    vec![p.country.clone().unwrap_or_else(|| p.id.clone())]
                } else if let Some(p) = persons.iter().find(|p| same(&p.id, id)) {
                    actors[i].person = Some(p.id.clone());
                    if actors[i].sector.is_none() {
                        actors[i].sector.clone_from(&p.sector);
                    }
                    vec![p.country.clone().unwrap_or_else(|| p.id.clone())]
                } else {
                    kind_known = Some(found.map(|e| e.kind));
                    vec![id.clone()]
                }
            }
            Referent::Definite(noun) => memory
                .by_noun
                .get(noun)
                .or_else(|| {
                    actors[i]
                        .sector
                        .as_ref()
                        .and_then(|s| memory.by_sector.get(s))
                })
                .or(memory.last_state.as_ref())
                .cloned()
                .into_iter()
                .collect(),
            Referent::Bare(noun) => memory
                .by_noun
                .get(noun)
                .cloned()
                .or_else(|| {
                    actors[..i]
                        .iter()
                        .rev()
                        .flat_map(|a| a.entities.iter())
                        .find(|e| lex.entity(e).is_some_and(|x| x.kind == EntityKind::Country))
                        .cloned()
                })
                .into_iter()
                .collect(),
            Referent::Country => memory.last_state.clone().into_iter().collect(),
            Referent::Body(kind) => memory
                .last_body
                .iter()
                .rev()
                .find(|(k, _)| k == kind)
                .map(|(_, e)| e.clone())
                .into_iter()
                .collect(),
            Referent::Pair => {
                let k = memory.states.len();
                if k >= 2 {
                    vec![memory.states[k - 2].clone(), memory.states[k - 1].clone()]
                } else {
                    Vec::new()
                }
            }
            Referent::Pronoun(p) => match *p {
                "he" | "she" => match memory.last_person.clone() {
                    Some(id) => {
                        // a person found in the text, or one of the lexicon
                        let country = persons
                            .iter()
                            .find(|p| same(&p.id, &id))
                            .map(|p| p.country.clone())
                            .or_else(|| lex.entity(&id).map(|e| e.country.clone()));
                        match country {
                            Some(c) => {
                                actors[i].person = Some(id.clone());
                                vec![c.unwrap_or(id)]
                            }
                            None => Vec::new(),
                        }
                    }
                    None => Vec::new(),
                },
                "it" => memory.last_thing.clone().into_iter().collect(),
                _ => {
                    // they: a group in this sentence before it, else a plural actor
                    // (`Palestinian leaders`) before it, else the last group
                    let local = group_before(actors, i, text);
                    let plural = || {
                        actors[..i].iter().rev().find(|a| {
                            a.person.is_none()
                                && !a.entities.is_empty()
                                && a.span.slice(text).ends_with('s')
                                && a.sector.is_some()
                        })
                    };
                    local
                        .or_else(|| plural().map(|a| a.entities.clone()))
                        .or_else(|| memory.last_group.clone())
                        .unwrap_or_default()
                }
            },
        };
        actors[i].entities = resolved;
        // remember
        let a = &actors[i];
        if a.media {
            continue;
        }
        if let Some(p) = &a.person
            && (matches!(a.referent, Referent::Entity(_))
                || matches!(a.referent, Referent::Pronoun(_)))
        {
            memory.last_person = Some(p.clone());
        }
        for e in &a.entities {
            let kind = kind_known.unwrap_or_else(|| lex.entity(e).map(|x| x.kind));
            if let Some(kind) =
                kind.filter(|k| matches!(k, EntityKind::Organization | EntityKind::ArmedGroup))
            {
                // each body is in the list once
                if let Some(old) = memory.last_body.iter().position(|(_, b)| same(b, e)) {
                    memory.last_body.remove(old);
                }
                memory.last_body.push((kind, e.clone()));
            }
            if kind == Some(EntityKind::Country) {
                memory.last_state = Some(e.clone());
                if !memory.states.last().is_some_and(|s| same(s, e)) {
                    // each state is in the list once
                    if let Some(old) = memory.states.iter().position(|s| same(s, e)) {
                        memory.states.remove(old);
                    }
                    memory.states.push(e.clone());
                }
                if let (Some(sector), Referent::Entity(_)) = (&a.sector, &a.referent) {
                    match memory.by_sector.get_mut(sector.as_str()) {
                        Some(v) => *v = e.clone(),
                        None => {
                            memory.by_sector.insert(sector.clone(), e.clone());
                        }
                    }
                    let lower = crate::text::Lower::new(last_word(a.span.slice(text)));
                    let noun = lower.as_str();
                    match memory.by_noun.get_mut(noun) {
                        Some(v) => *v = e.clone(),
                        None => {
                            memory.by_noun.insert(noun.to_string(), e.clone());
                        }
                    }
                }
            }
        }
        if a.person.is_none() && !a.entities.is_empty() {
            memory.last_thing = match a.entities.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            };
        }
    }
    if let Some(g) = group_before(actors, actors.len(), text) {
        memory.last_group = Some(g);
    }
}

/// Whether two ids are equal. Ids cloned from the lexicon share their allocation, so most
/// equal pairs are found by address; the others are short (`SYR`, `TUR`) and compared
/// inline, where `==` would call memcmp for every pair of the same length.
fn same(a: &EntityId, b: &EntityId) -> bool {
    let (a, b) = (a.as_str().as_bytes(), b.as_str().as_bytes());
    std::ptr::eq(a, b) || (a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y))
}

/// What follows the last space of `s` (all of it when it has none):
/// `s.rsplit(' ').next()` without the splitter's setup.
fn last_word(s: &str) -> &str {
    match s.as_bytes().iter().rposition(|&b| b == b' ') {
        Some(k) => s.get(k + 1..).unwrap_or(""),
        None => s,
    }
}

/// The entities of the last `X and Y` pair of actors before actor `i`.
fn group_before(actors: &[Actor], i: usize, text: &str) -> Option<Vec<EntityId>> {
    let i = i.min(actors.len());
    for j in (i.saturating_sub(12).max(1)..i).rev() {
        let (a, b) = (&actors[j - 1], &actors[j]);
        if joins(text, a.span.end, b.span.start) {
            let mut v: Vec<EntityId> = a.entities.iter().chain(&b.entities).cloned().collect();
            v.dedup();
            if v.len() >= 2 {
                return Some(v);
            }
        }
    }
    None
}

/// Whether the text between bytes `end` and `start` is `and`, `,` or `, and`, spaces
/// aside.
fn joins(text: &str, end: usize, start: usize) -> bool {
    // most gaps are passed over by their first byte, without slicing or trimming: an
    // ASCII byte that is no space would start the trimmed gap too
    if end >= start
        || text.as_bytes().get(end).is_some_and(|&c| {
            c.is_ascii() && !matches!(c, b'a' | b',') && !char::from(c).is_whitespace()
        })
    {
        return false;
    }
    let gap = text.get(end..start).unwrap_or("").trim_start();
    gap.starts_with(['a', ',']) && matches!(gap.trim_end(), "and" | "," | ", and")
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, RelationKind};

    #[test]
    fn joins_agrees_with_trimming() {
        let reference = |text: &str, end: usize, start: usize| {
            matches!(
                text.get(end..start).unwrap_or("").trim(),
                "and" | "," | ", and"
            )
        };
        let parts = [
            "and", ",", " ", "\u{b}", "\u{a0}", "\u{2009}", "a", "nd", "said", "é", "x", ", ",
            "\n", "’",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..6 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            for end in 0..=text.len() + 1 {
                for start in end.saturating_sub(1)..=text.len() + 1 {
                    assert_eq!(
                        super::joins(&text, end, start),
                        reference(&text, end, start),
                        "{text:?} {end}..{start}"
                    );
                }
            }
        }
    }

    #[test]
    fn last_word_agrees_with_rsplit() {
        for s in [
            "",
            " ",
            "junta",
            "the junta",
            "Niger's junta ",
            "a  b",
            "é ü",
            " x",
        ] {
            assert_eq!(
                super::last_word(s),
                s.rsplit(' ').next().unwrap_or(""),
                "{s:?}"
            );
        }
    }

    #[test]
    fn same_agrees_with_eq() {
        use crate::EntityId;
        let ids = [
            "SYR",
            "TUR",
            "SY",
            "SYRIA",
            "",
            "syr",
            "wagner-group",
            "wagner-grouq",
        ];
        for a in ids {
            let shared = EntityId::new(a);
            assert!(super::same(&shared, &shared.clone()));
            for b in ids {
                // separate allocations, so the address test cannot decide
                let (x, y) = (EntityId::new(a), EntityId::new(b));
                assert_eq!(super::same(&x, &y), x == y, "{a} {b}");
            }
        }
    }

    fn facts(text: &str) -> Vec<String> {
        let ex = Extractor::new();
        ex.extract(&Document::new("t", text))
            .assertions
            .iter()
            .filter(|a| a.kind != RelationKind::MemberOf)
            .map(|a| format!("{} {} {}", a.source, a.kind, a.target))
            .collect()
    }

    #[test]
    fn the_junta_is_the_state_last_named_with_that_noun() {
        let f = facts(
            "Mali's junta took power in 2021. Later the junta expelled the French ambassador.",
        );
        assert!(f.contains(&"MLI expulsion FRA".to_string()), "{f:?}");
    }

    #[test]
    fn pronouns_follow_people_and_states() {
        let f = facts(
            "Chad's foreign minister Abderaman Koulamallah met reporters. He accused Sudan of arming rebels.",
        );
        assert!(f.contains(&"TCD accusation SDN".to_string()), "{f:?}");
        let f = facts("Niger's junta took power last July. It has moved closer to Russia.");
        assert!(f.contains(&"NER alliance RUS".to_string()), "{f:?}");
    }

    #[test]
    fn the_two_countries_are_the_last_pair() {
        let f = facts(
            "Ethiopia and Eritrea fought a war. The two countries signed a peace agreement in 2018.",
        );
        assert!(
            f.contains(&"ERI agreement_signed ETH".to_string())
                || f.contains(&"ETH agreement_signed ERI".to_string()),
            "{f:?}"
        );
    }

    #[test]
    fn the_bloc_is_the_last_organisation() {
        let f = facts("ECOWAS met in Abuja. The bloc imposed sanctions on Guinea.");
        assert!(f.contains(&"ecowas sanctions GIN".to_string()), "{f:?}");
    }
}
