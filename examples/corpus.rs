//! One graph from a corpus of news articles in JSON Lines (`{"id","text","published"?}`
//! a line), with statistics: size, speed, entities and relations by kind, the most
//! connected entities and the most corroborated relations.
//!
//! ```text
//! cargo run --release --example corpus [FILE.jsonl]
//! ```
//!
//! Without an argument it reads `../shared/corpus/ag_news_world.jsonl` beside the crate,
//! or the crate's sample articles when that file is absent.

use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsgraph::input::JsonlReader;
use newsgraph::{EntityKind, Extractor, KnowledgeGraph, RelationKind};

fn main() -> Result<(), Box<dyn Error>> {
    let path = match std::env::args_os().nth(1) {
        Some(path) => PathBuf::from(path),
        None => default_corpus(),
    };
    let file = File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("corpus: {}", path.display());

    let extractor = Extractor::new();
    let mut graph = KnowledgeGraph::new();
    let (mut documents, mut bytes, mut bad_lines) = (0usize, 0usize, 0usize);
    let (mut extracting, mut merging) = (Duration::ZERO, Duration::ZERO);
    for record in JsonlReader::new(path.display().to_string(), BufReader::new(file)) {
        let document = match record {
            Ok(document) => document,
            Err(e) => {
                eprintln!("skipped: {e}");
                bad_lines += 1;
                continue;
            }
        };
        documents += 1;
        bytes += document.text.len();
        let start = Instant::now();
        let extraction = extractor.extract(&document);
        let extracted = Instant::now();
        graph.add(&extraction);
        extracting += extracted - start;
        merging += extracted.elapsed();
    }

    let mb = bytes as f64 / 1e6;
    let seconds = (extracting + merging).as_secs_f64();
    println!(
        "{documents} documents ({bad_lines} bad lines skipped), {mb:.2} MB of text, \
         {seconds:.2} s ({:.2} s extracting, {:.2} s merging), {:.2} MB/s",
        extracting.as_secs_f64(),
        merging.as_secs_f64(),
        mb / seconds.max(1e-9),
    );
    println!(
        "{} entities, {} relations, {} evidence items",
        graph.entity_count(),
        graph.relation_count(),
        graph.relations().map(|r| r.mentions()).sum::<usize>(),
    );

    println!("\nentities by kind");
    for kind in EntityKind::ALL {
        println!("  {:>6}  {kind}", graph.entities_of_kind(kind).count());
    }

    println!("\nrelations by kind");
    let mut by_kind: Vec<(usize, RelationKind)> = RelationKind::ALL
        .iter()
        .map(|&kind| (graph.relations_of_kind(kind).count(), kind))
        .filter(|&(n, _)| n > 0)
        .collect();
    by_kind.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (n, kind) in by_kind {
        println!("  {n:>6}  {kind}");
    }

    println!("\nthe 10 most connected entities (relations, mentions)");
    let mut connected: Vec<(usize, &newsgraph::Entity)> = graph
        .entities()
        .map(|e| (graph.relations_of(&e.id).len(), e))
        .collect();
    connected.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    for (n, entity) in connected.into_iter().take(10) {
        println!(
            "  {n:>6}  {:>6}  {} ({}, {})",
            entity.mentions, entity.name, entity.id, entity.kind
        );
    }

    println!("\nthe 10 most corroborated relations (articles, mentions, dates)");
    let mut corroborated: Vec<&newsgraph::Relation> = graph.relations().collect();
    corroborated.sort_by(|a, b| {
        (b.sources(), b.mentions())
            .cmp(&(a.sources(), a.mentions()))
            .then_with(|| a.key().cmp(b.key()))
    });
    for relation in corroborated.into_iter().take(10) {
        let dates = match (relation.first_date(), relation.last_date()) {
            (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
            (Some(first), _) => first.to_string(),
            _ => "undated".to_owned(),
        };
        println!(
            "  {:>6}  {:>6}  {}  ({dates})",
            relation.sources(),
            relation.mentions(),
            relation.key()
        );
    }
    Ok(())
}

/// `../shared/corpus/ag_news_world.jsonl` beside the crate, or the sample articles.
fn default_corpus() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = manifest.join("../shared/corpus/ag_news_world.jsonl");
    if corpus.is_file() {
        corpus
    } else {
        println!(
            "{} is absent: reading the sample articles instead",
            corpus.display()
        );
        manifest.join("examples/data/articles.jsonl")
    }
}
