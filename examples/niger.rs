//! Niger, 2023–2024: five news articles become one knowledge graph, written as a
//! picture (DOT, and SVG when Graphviz is installed) and as RDF (Turtle, N-Quads), then
//! questioned with SPARQL.
//!
//! ```text
//! cargo run --release --example niger [OUTPUT_FOLDER]
//! ```
//!
//! The output folder defaults to `target/niger-example` in the crate.

use std::error::Error;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newsgraph::export::{Clusters, DotOptions, RdfFormat, RdfOptions};
use newsgraph::input::JsonlReader;
use newsgraph::{EntityId, Extractor, KnowledgeGraph, Question};

fn main() -> Result<(), Box<dyn Error>> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let articles = manifest.join("examples/data/articles.jsonl");
    let folder = std::env::args_os()
        .nth(1)
        .map_or_else(|| manifest.join("target/niger-example"), PathBuf::from);

    // Extract every article and merge what they say into one graph.
    let extractor = Extractor::new();
    let mut graph = KnowledgeGraph::new();
    let file = File::open(&articles).map_err(|e| format!("{}: {e}", articles.display()))?;
    let mut documents = 0;
    for document in JsonlReader::new(articles.display().to_string(), BufReader::new(file)) {
        graph.add(&extractor.extract(&document?));
        documents += 1;
    }
    println!(
        "{documents} documents, {} entities, {} relations",
        graph.entity_count(),
        graph.relation_count()
    );

    // The picture and the RDF.
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let dot = graph.to_dot(&DotOptions::new().clusters(Clusters::ByCountry));
    std::fs::write(folder.join("niger.dot"), &dot)?;
    let svg = folder.join("niger.svg");
    let drawn = draw_svg(&dot, &svg)?;
    for (name, format) in [
        ("niger.ttl", RdfFormat::Turtle),
        ("niger.nq", RdfFormat::NQuads),
    ] {
        let path = folder.join(name);
        let out =
            BufWriter::new(File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?);
        graph
            .write_rdf(format, out, &RdfOptions::default())?
            .flush()?;
    }
    println!(
        "wrote niger.dot, niger.ttl, niger.nq to {}",
        folder.display()
    );
    if drawn {
        println!("wrote niger.svg to {}", folder.display());
    } else {
        println!("graphviz `dot` not found on PATH: no niger.svg (install graphviz to draw it)");
    }

    // Questions for the embedded SPARQL store.
    let store = graph.to_store()?;
    let questions = [
        ("Who expelled whom?", Question::WhoExpelledWhom),
        ("Which agreements ended?", Question::EndedAgreements),
        (
            "Who are Russia's allies?",
            Question::AlliesOf(EntityId::new("RUS")),
        ),
    ];
    for (title, question) in questions {
        print!("\n{title}\n{}", store.ask(&question)?);
    }
    Ok(())
}

/// Draws DOT as SVG with Graphviz `dot`; `Ok(false)` when `dot` is not on the `PATH`.
fn draw_svg(dot: &str, path: &Path) -> Result<bool, Box<dyn Error>> {
    let spawned = Command::new("dot")
        .arg("-Tsvg")
        .arg("-o")
        .arg(path)
        .stdin(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(format!("cannot run graphviz `dot`: {e}").into()),
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(dot.as_bytes())?;
    }
    let status = child.wait()?;
    if !status.success() {
        return Err(format!("graphviz `dot -Tsvg` failed: {status}").into());
    }
    Ok(true)
}
