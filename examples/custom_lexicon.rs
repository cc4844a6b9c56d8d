//! Teaching the extractor something new without touching its code: an armed group and a
//! trigger verb from the user's own data files (`examples/data/custom/*.tsv`, in the
//! formats of `data/FORMAT.md`).
//!
//! ```text
//! cargo run --release --example custom_lexicon
//! ```

use std::error::Error;
use std::path::Path;

use newsgraph::{Document, Extraction, Extractor, RelationKind};

fn main() -> Result<(), Box<dyn Error>> {
    let custom = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/custom");
    let extended = Extractor::builder()
        .lexicon_file(custom.join("armed_groups.tsv"))
        .pattern_file(custom.join("triggers.tsv"))
        .build()?;
    let builtin = Extractor::new();

    let text = "The Liptako Liberation Front besieged Nigerien troops near Tillaberi on \
                Tuesday, officials said. Days later the LLF besieged a Malian army camp.";
    let document = Document::new("liptako", text).published("2024-05-02".parse()?);
    println!("{text}\n");

    let with_builtin = builtin.extract(&document);
    println!("the built-in extractor finds:");
    print_facts(&with_builtin);
    let with_custom = extended.extract(&document);
    println!("\nwith examples/data/custom/armed_groups.tsv and triggers.tsv:");
    print_facts(&with_custom);

    let new_fact = |x: &Extraction| {
        x.assertions.iter().any(|a| {
            a.source.as_str() == "liptako-liberation-front"
                && a.kind == RelationKind::Attack
                && a.target.as_str() == "NER"
        })
    };
    assert!(
        new_fact(&with_custom),
        "the custom files should give liptako-liberation-front attack NER"
    );
    assert!(
        !new_fact(&with_builtin),
        "the built-in extractor alone should not know the Liptako Liberation Front"
    );

    // Every trigger row carries an example sentence and the ids it must give: check the
    // new one, as the crate's tests do for the built-in rows.
    let trigger = extended
        .lexicon()
        .triggers()
        .iter()
        .find(|t| t.id == "besiege.v")
        .ok_or("triggers.tsv should define the rule besiege.v")?;
    let x = extended.extract(&Document::new(&trigger.id, &trigger.example));
    let (source, target) = &trigger.expect;
    assert!(
        x.assertions
            .iter()
            .any(|a| &a.source == source && a.kind == trigger.kind && &a.target == target),
        "the example of {} should give {source} {} {target}",
        trigger.id,
        trigger.kind
    );
    println!(
        "\nthe example of rule {} gives {source} {} {target}",
        trigger.id, trigger.kind
    );
    Ok(())
}

/// Prints one line per relation assertion: source, kind, target, date, trigger.
fn print_facts(x: &Extraction) {
    if x.assertions.is_empty() {
        println!("  (nothing)");
    }
    for a in &x.assertions {
        let date = a
            .date
            .map_or_else(|| "undated".to_owned(), |d| d.to_string());
        println!(
            "  {} {} {}  ({date}, {:?}, rule {})",
            a.source, a.kind, a.target, a.trigger, a.rule
        );
    }
}
