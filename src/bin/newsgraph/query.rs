//! `newsgraph query`: a SPARQL query over a saved RDF file or an on-disk store.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use newsgraph::export::{DEFAULT_BASE_IRI, RdfOptions};
use newsgraph::{Answer, GraphStore};

/// How answers are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AnswerFormat {
    /// An aligned table, with the number of rows.
    Table,
    /// SPARQL 1.1 query results JSON.
    Json,
    /// SPARQL 1.1 query results CSV.
    Csv,
}

/// The options of `newsgraph query`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "newsgraph query [OPTIONS] FILE SPARQL\n       \
                            newsgraph query [OPTIONS] --store DIR SPARQL")]
pub struct QueryArgs {
    /// The RDF file to query (.ttl .nt .nq .trig .rdf .jsonld), as written by
    /// `newsgraph build`; with --store, leave it out.
    #[arg(value_name = "FILE", required_unless_present = "store")]
    file: Option<PathBuf>,
    /// The SPARQL query, or `@FILE` to read it from a file. The vocabulary's prefixes
    /// (ng:, entity:, event:, rdfs:, skos:, ...) are declared.
    #[arg(value_name = "SPARQL", required_unless_present = "store")]
    sparql: Option<String>,
    /// Query the on-disk store in DIR (made by `newsgraph build --store`) instead of a
    /// file (feature `rocksdb`).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// How to print the answer.
    #[arg(long, value_enum, default_value = "table")]
    format: AnswerFormat,
    /// The base IRI the file was built with (`newsgraph build --base-iri`), for the
    /// prefixes.
    #[arg(long, value_name = "IRI", default_value = DEFAULT_BASE_IRI)]
    base_iri: String,
}

/// Runs `newsgraph query`.
pub fn query(args: QueryArgs) -> ExitCode {
    let answer = match answer(&args) {
        Ok(answer) => answer,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return ExitCode::from(1);
        }
    };
    let rendered = match args.format {
        AnswerFormat::Table => Ok(answer.to_string().into_bytes()),
        AnswerFormat::Json => answer.write_json(Vec::new()).map(|mut json| {
            json.push(b'\n');
            json
        }),
        AnswerFormat::Csv => answer.write_csv(Vec::new()),
    };
    let bytes = match rendered {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("newsgraph: cannot write the answer: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = io::stdout().lock();
    match out.write_all(&bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsgraph: writing the answer: {e}");
            ExitCode::from(1)
        }
    }
}

/// Loads the file (or opens the store) and runs the query.
fn answer(args: &QueryArgs) -> Result<Answer, String> {
    // With --store, the one positional argument is the query.
    let (file, sparql) = match (&args.store, &args.file, &args.sparql) {
        (None, Some(file), Some(sparql)) => (Some(file), sparql.clone()),
        (Some(_), Some(query), None) => (None, query.to_string_lossy().into_owned()),
        (Some(dir), Some(_), Some(_)) => {
            return Err(format!(
                "--store {}: expected only the SPARQL query, found a file too",
                dir.display()
            ));
        }
        _ => {
            return Err(
                "expected an RDF file and a SPARQL query, or --store DIR and a query".to_owned(),
            );
        }
    };
    let sparql = match sparql.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the query file {path}: {e}"))?,
        None => sparql,
    };
    let rdf = RdfOptions::with_base_iri(args.base_iri.as_str());
    rdf.sparql_prefixes()
        .map_err(|e| format!("--base-iri {:?}: {e}", args.base_iri))?;
    let store = match (&args.store, file) {
        (Some(dir), _) => crate::store::open_read_only(dir, &rdf)?,
        (None, file) => {
            let store = GraphStore::with_options(&rdf).map_err(|e| e.to_string())?;
            if let Some(file) = file {
                store.load_file(file).map_err(|e| e.to_string())?;
            }
            store
        }
    };
    store.query(&sparql).map_err(|e| e.to_string())
}
