//! Integration tests of the extractor: the example sentence of every trigger rule, the
//! phrasing suite (`tests/data/phrasings.tsv`), and short articles written here with their
//! expected facts (`tests/data/articles/*.facts.tsv`, `examples/data/*.facts.tsv`).

use std::path::Path;

use newsgraph::lexicon::Lexicon;
use newsgraph::{Document, Extraction, Extractor, Modality, RelationKind};

/// An expected fact: source, kind, target, modality.
type Fact = (String, RelationKind, String, Modality);

fn extractor() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn has(
    x: &Extraction,
    source: &str,
    kind: RelationKind,
    target: &str,
    modality: Option<Modality>,
) -> bool {
    x.assertions.iter().any(|a| {
        let ends = (a.source.as_str() == source && a.target.as_str() == target)
            || (kind.is_symmetric() && a.source.as_str() == target && a.target.as_str() == source);
        ends && a.kind == kind && modality.is_none_or(|m| a.modality == m)
    })
}

fn show(x: &Extraction) -> String {
    x.assertions
        .iter()
        .map(|a| format!("{} {} {} ({})", a.source, a.kind, a.target, a.modality))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn every_trigger_example_gives_its_fact() {
    let lex = Lexicon::builtin();
    let mut failures = Vec::new();
    for t in lex.triggers() {
        let x = extractor().extract(&Document::new(&t.id, &t.example));
        let (s, o) = (&t.expect.0, &t.expect.1);
        if !has(&x, s.as_str(), t.kind, o.as_str(), None) {
            failures.push(format!(
                "{}: {:?} expected {s} {} {o}, got [{}]",
                t.id,
                t.example,
                t.kind,
                show(&x)
            ));
        }
    }
    let total = lex.triggers().len();
    // Every rule's own example must work; report them all at once.
    assert!(
        failures.is_empty(),
        "{} of {total} trigger examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn phrasing_suite() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/phrasings.tsv"),
    )
    .unwrap();
    let mut failures = Vec::new();
    let mut total = 0;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("kind\t") {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert!(c.len() >= 6, "phrasings.tsv:{}: expected 6 columns", n + 1);
        let kind: RelationKind = c[0].parse().unwrap();
        let modality = match c[5] {
            "negated" => Modality::Negated,
            "future" => Modality::Future,
            "alleged" => Modality::Alleged,
            "hypothetical" => Modality::Hypothetical,
            _ => Modality::Asserted,
        };
        total += 1;
        let x = extractor().extract(&Document::new(format!("p{}", n + 1), c[2]));
        // A stated future act is coded as a pledge or a threat (see relations.rs).
        let ok = has(&x, c[3], kind, c[4], Some(modality))
            || (modality == Modality::Future
                && (has(&x, c[3], RelationKind::Pledge, c[4], None)
                    || has(&x, c[3], RelationKind::Threat, c[4], None)));
        if !ok {
            failures.push(format!(
                "line {} [{} {}]: {:?} expected {} {} {} ({:?}), got [{}]",
                n + 1,
                c[0],
                c[1],
                c[2],
                c[3],
                c[0],
                c[4],
                modality,
                show(&x)
            ));
        }
    }
    assert!(total >= 96, "the suite has {total} cases");
    assert!(
        failures.is_empty(),
        "{} of {total} phrasings failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn article_facts(dir: &Path) -> Vec<(String, String, Vec<Fact>)> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".facts.tsv") else {
            continue;
        };
        let text = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).unwrap();
        let facts = std::fs::read_to_string(&p)
            .unwrap()
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                let m = if c.get(3) == Some(&"negated") {
                    Modality::Negated
                } else if c.get(3) == Some(&"future") {
                    Modality::Future
                } else {
                    Modality::Asserted
                };
                (c[0].to_string(), c[1].parse().unwrap(), c[2].to_string(), m)
            })
            .collect();
        out.push((stem.to_string(), text, facts));
    }
    out
}

/// Recall over the articles written here; returns (found, total, misses).
fn article_recall(dir: &str) -> (usize, usize, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let (mut found, mut total, mut misses) = (0, 0, Vec::new());
    for (stem, text, facts) in article_facts(&dir) {
        let date = stem.get(..10).and_then(|d| d.parse().ok());
        let mut doc = Document::new(&stem, text);
        doc.published = date;
        let x = extractor().extract(&doc);
        for (s, k, t, m) in facts {
            total += 1;
            let ok = has(&x, &s, k, &t, None)
                || (m == Modality::Future
                    && (has(&x, &s, RelationKind::Pledge, &t, None)
                        || has(&x, &s, RelationKind::Threat, &t, None)));
            if ok {
                found += 1;
            } else {
                misses.push(format!("{stem}: {s} {k} {t}"));
            }
        }
    }
    (found, total, misses)
}

#[test]
fn articles_written_here_give_their_facts() {
    for dir in ["tests/data/articles", "examples/data"] {
        let (found, total, misses) = article_recall(dir);
        assert!(total > 20, "{dir}: only {total} facts");
        let recall = found as f64 / total as f64;
        eprintln!("{dir}: {found}/{total} facts; missed: {misses:#?}");
        assert!(
            recall >= 0.6,
            "{dir}: recall {recall:.2} ({found}/{total}); missed: {misses:#?}"
        );
    }
}

/// Traps of the lexicon: names that look like actors and are not.
#[test]
fn traps_are_not_actors() {
    let actors = |text: &str| -> Vec<String> {
        let x = extractor().extract(&Document::new("trap", text));
        let mut v: Vec<String> = x
            .assertions
            .iter()
            .flat_map(|a| [a.source.to_string(), a.target.to_string()])
            .collect();
        v.extend(x.mentions.iter().map(|m| m.entity.to_string()));
        v
    };
    // a newspaper named after a capital is not the United States
    let a = actors("Niger's junta accused France, The Washington Post reported.");
    assert!(!a.iter().any(|e| e == "USA"), "{a:?}");
    // Nigerien is Niger, Nigerian is Nigeria
    let a = actors("The Nigerien government expelled the Nigerian ambassador.");
    assert!(
        a.contains(&"NER".to_string()) && a.contains(&"NGA".to_string()),
        "{a:?}"
    );
    let x = extractor().extract(&Document::new(
        "t",
        "The Nigerien government expelled the Nigerian ambassador.",
    ));
    assert!(
        x.assertions
            .iter()
            .any(|a| a.source.as_str() == "NER" && a.target.as_str() == "NGA")
    );
    // first names, a US state and a bird
    for text in [
        "Chad Smith criticised the referee.",
        "Jordan Peterson condemned the decision.",
        "The governor of Georgia, Brian Kemp, criticised Atlanta's mayor.",
        "They ate roast turkey on Thursday.",
    ] {
        let a = actors(text);
        assert!(
            !a.iter()
                .any(|e| ["TCD", "JOR", "GEO", "TUR"].contains(&e.as_str())),
            "{text}: {a:?}"
        );
    }
    // but the states themselves are found
    let a = actors("Chad expelled the German ambassador. Jordan condemned Israel.");
    assert!(
        a.contains(&"TCD".to_string()) && a.contains(&"JOR".to_string()),
        "{a:?}"
    );
    // publisher boilerplate gives nothing
    let a = actors(
        "Follow us on Twitter for news from Washington and Moscow.\nEmail: desk@example.org",
    );
    assert!(a.is_empty(), "{a:?}");
}

#[test]
fn parties_and_movements_are_organisations_of_their_state() {
    let lex = Lexicon::builtin();
    for (text, group, state) in [
        (
            "The ANC accused Inkatha of attacks on its members.",
            "anc",
            "ZAF",
        ),
        (
            "The Khmer Rouge attacked Vietnamese troops.",
            "khmer-rouge",
            "KHM",
        ),
        ("Algeria banned the FIS in 1992.", "fis", "DZA"),
        (
            "Egypt jailed leaders of the Muslim Brotherhood.",
            "muslim-brotherhood",
            "EGY",
        ),
    ] {
        let x = extractor().extract(&Document::new("t", text));
        assert!(
            x.assertions
                .iter()
                .any(|a| a.source.as_str() == group || a.target.as_str() == group),
            "{text}: {}",
            show(&x)
        );
        let e = lex.entity(&newsgraph::EntityId::new(group)).unwrap();
        assert_eq!(
            e.country.as_ref().map(|c| c.as_str()),
            Some(state),
            "{group}"
        );
    }
    // a party is a party
    let anc = lex.entity(&newsgraph::EntityId::new("anc")).unwrap();
    assert_eq!(anc.org_type, Some(newsgraph::OrgType::Party));
    // `Fatah` inside a person's name is no party
    let x = extractor().extract(&Document::new(
        "t",
        "Egypt's president Abdel Fatah al-Sisi met the Libyan leader.",
    ));
    assert!(
        !x.mentions.iter().any(|m| m.entity.as_str() == "fatah"),
        "{}",
        show(&x)
    );
    // the old names of states
    let x = extractor().extract(&Document::new(
        "t",
        "Czechoslovakia expelled two Soviet diplomats.",
    ));
    assert!(
        has(&x, "CZE", RelationKind::Expulsion, "RUS", None),
        "{}",
        show(&x)
    );
}
