//! `newsgraph extract`: one JSON object per relation assertion (or per document).

use std::io::{BufWriter, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;

use clap::ValueEnum;
use newsgraph::Extraction;
use newsgraph::parallel::extract_ordered;

use crate::input::{InputArgs, extractor, for_each_document};

/// What `extract` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per relation assertion.
    Jsonl,
    /// One JSON object per document: the whole extraction.
    Extraction,
}

/// The options of `newsgraph extract`.
#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    common: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: OutputFormat,
    /// Threads that extract (the calling thread reads and parses the input, another
    /// writes); the output is the same, in the same order, for any number.
    #[arg(long, short = 'j', value_name = "N", default_value = "1")]
    jobs: NonZeroUsize,
}

/// Runs `newsgraph extract`.
pub fn extract(args: ExtractArgs) -> ExitCode {
    let ex = match extractor(&args.common) {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout());
    let format = args.format;
    // this thread reads and parses; `--jobs` threads extract; one more writes, in order
    let (read, written) = extract_ordered(
        &ex,
        args.jobs,
        |add| {
            for_each_document(
                &args.common,
                |e| eprintln!("newsgraph: {e}"),
                |doc| {
                    if add(doc) {
                        Ok(())
                    } else {
                        // the writer has failed; its error is reported below
                        Err(std::io::Error::other("output stopped"))
                    }
                },
            )
        },
        |x| match format {
            OutputFormat::Jsonl => write_assertions(&mut out, &x),
            OutputFormat::Extraction => {
                serde_json::to_writer(&mut out, &x)?;
                out.write_all(b"\n")
            }
        },
    );
    let result = written.and(read);
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(0), Ok(())) => ExitCode::SUCCESS,
        (Ok(n), Ok(())) => {
            eprintln!("newsgraph: {n} input error(s); the other inputs were processed");
            ExitCode::from(1)
        }
        (Err(e), _) | (_, Err(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("newsgraph: writing to standard output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes one JSON line per assertion of an extraction (the contract of `DESIGN.md`).
fn write_assertions(out: &mut impl Write, x: &Extraction) -> std::io::Result<()> {
    for a in &x.assertions {
        let src = x.entity(&a.source);
        let tgt = x.entity(&a.target);
        let line = serde_json::json!({
            "doc": x.doc,
            "source": a.source,
            "target": a.target,
            "relation": a.kind,
            "plover": a.kind.plover(),
            "cameo": a.kind.cameo(),
            "source_kind": src.map(|e| e.kind),
            "target_kind": tgt.map(|e| e.kind),
            "source_org_type": src.and_then(|e| e.org_type),
            "target_org_type": tgt.and_then(|e| e.org_type),
            "source_country": src.and_then(|e| e.country.clone()),
            "target_country": tgt.and_then(|e| e.country.clone()),
            "source_name": src.map(|e| e.name.as_str()),
            "target_name": tgt.map(|e| e.name.as_str()),
            "sentence": a.sentence,
            "span": [a.sentence_span.start, a.sentence_span.end],
            "source_span": [a.source_span.start, a.source_span.end],
            "trigger_span": [a.trigger_span.start, a.trigger_span.end],
            "target_span": [a.target_span.start, a.target_span.end],
            "trigger": a.trigger,
            "modality": a.modality,
            "speaker": a.speaker,
            "source_person": a.source_person,
            "source_sector": a.source_sector,
            "confidence": (f64::from(a.confidence) * 100.0).round() / 100.0,
            "date": a.date,
            "rule": a.rule,
        });
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
