//! `newsgraph eval GOLD`: runs the extractor over the texts of a gold file and prints
//! precision, recall and F1, per PLOVER category and relation kind, then the misses and
//! false alarms with their sentences.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use newsgraph::eval::{FalseAlarm, Gold, GoldFormat, Report, Scores};

use crate::input::ExtractorArgs;

/// How `eval` prints its report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Tables and lists for people.
    Text,
    /// One JSON object (the headline keys are those of `score.py --json`).
    Json,
}

/// The lists `eval` can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Show {
    /// Gold facts or events no prediction matched.
    Misses,
    /// Predictions counted as errors.
    FalseAlarms,
    /// Predictions with a forbidden actor (article facts).
    Forbidden,
    /// No list: the figures only.
    None,
}

/// The options of `newsgraph eval`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// The gold file: a JSON object of article facts (must/allowed/forbidden) or JSON
    /// Lines of sentence events (`events`) or article facts (`must`).
    #[arg(value_name = "GOLD")]
    gold: PathBuf,
    #[command(flatten)]
    extraction: ExtractorArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Which lists to print, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_values = ["misses", "false-alarms", "forbidden"]
    )]
    show: Vec<Show>,
    /// Print at most N entries of each list (the counts stay whole).
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

/// Runs `newsgraph eval`.
pub fn eval(args: EvalArgs) -> ExitCode {
    let gold = match Gold::load(&args.gold) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("newsgraph: gold file: {e}");
            return ExitCode::from(2);
        }
    };
    let ex = match args.extraction.build() {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            return ExitCode::from(2);
        }
    };
    for w in gold.warnings() {
        eprintln!("newsgraph: warning: {w}");
    }
    let extractions: Vec<_> = gold
        .documents()
        .into_iter()
        .map(|mut doc| {
            if doc.published.is_none() {
                doc.published = args.extraction.published;
            }
            ex.extract(&doc)
        })
        .collect();
    let mut report = gold.score(&extractions);
    let limit = args.limit.unwrap_or(usize::MAX);
    let keep = |list: Show| args.show.contains(&list) && !args.show.contains(&Show::None);
    let (misses, false_alarms, forbidden) = (
        report.misses.len(),
        report.false_alarms.len(),
        report.forbidden.len(),
    );
    report
        .misses
        .truncate(if keep(Show::Misses) { limit } else { 0 });
    report
        .false_alarms
        .truncate(if keep(Show::FalseAlarms) { limit } else { 0 });
    report
        .forbidden
        .truncate(if keep(Show::Forbidden) { limit } else { 0 });

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = match args.format {
        ReportFormat::Json => serde_json::to_writer(&mut out, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n")),
        ReportFormat::Text => write_text(
            &mut out,
            &report,
            Lists {
                misses: keep(Show::Misses).then_some(misses),
                false_alarms: keep(Show::FalseAlarms).then_some(false_alarms),
                forbidden: keep(Show::Forbidden).then_some(forbidden),
            },
        ),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsgraph: writing output: {e}");
            ExitCode::from(1)
        }
    }
}

/// The full length of each list to print (`None`: not printed).
struct Lists {
    misses: Option<usize>,
    false_alarms: Option<usize>,
    forbidden: Option<usize>,
}

/// The report for people: headline, tables, lists.
fn write_text(out: &mut impl Write, r: &Report, lists: Lists) -> std::io::Result<()> {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let what = match r.format {
        GoldFormat::Seed => "article facts, 1 article".to_string(),
        GoldFormat::Events => format!(
            "sentence events, {}",
            plural(r.documents, "sentence", "sentences")
        ),
        _ => format!(
            "article facts, {}",
            plural(r.documents, "article", "articles")
        ),
    };
    writeln!(out, "gold: {} ({what})", r.gold)?;
    write!(
        out,
        "precision {:.3}  recall {:.3}  F1 {:.3}",
        r.precision(),
        r.recall(),
        r.f1()
    )?;
    match &r.scores {
        Scores::Seed(s) => {
            writeln!(
                out,
                "  (must facts found {} of {}; {} predicted)",
                s.must_found, s.must_total, s.predicted
            )?;
            let forbidden = if s.forbidden_actors.is_empty() {
                "none".to_string()
            } else {
                s.forbidden_actors.join(", ")
            };
            writeln!(out, "forbidden actors: {forbidden}")?;
        }
        Scores::Events(s) => {
            writeln!(out, "  (tp {}, fp {}, fn {})", s.tp, s.fp, s.fn_)?;
            writeln!(
                out,
                "categories alone: precision {:.3}  recall {:.3}  F1 {:.3}",
                s.category_precision, s.category_recall, s.category_f1
            )?;
            writeln!(
                out,
                "sentences expected to give no event that gave some: {}",
                s.sentences_without_events_with_output
            )?;
        }
        Scores::Articles(s) => {
            writeln!(
                out,
                "  (must facts found {} of {}; {} predicted)",
                s.must_found, s.must_total, s.predicted
            )?;
            writeln!(out, "forbidden actors seen: {}", s.forbidden_actor_hits)?;
        }
        _ => writeln!(out)?,
    }

    // facts have allowed extras and gold per kind; events have neither
    let facts = r.format != GoldFormat::Events;
    writeln!(out)?;
    write!(
        out,
        "{:<16} {:>5} {:>5} {:>5}",
        "PLOVER category", "tp", "fp", "fn"
    )?;
    if facts {
        write!(out, " {:>7}", "allowed")?;
    }
    writeln!(out, " {:>9} {:>7} {:>6}", "precision", "recall", "F1")?;
    for (c, f) in &r.per_category {
        write!(out, "{c:<16} {:>5} {:>5} {:>5}", f.tp, f.fp, f.fn_)?;
        if facts {
            write!(out, " {:>7}", f.allowed)?;
        }
        writeln!(out, " {:>9.3} {:>7.3} {:>6.3}", f.precision, f.recall, f.f1)?;
    }

    writeln!(out)?;
    write!(
        out,
        "{:<22} {:>9} {:>7} {:>6} {:>9}",
        "relation kind", "predicted", "correct", "false", "precision"
    )?;
    if facts {
        write!(
            out,
            " {:>5} {:>5} {:>7} {:>6}",
            "gold", "found", "recall", "F1"
        )?;
    }
    writeln!(out)?;
    for (k, f) in &r.per_kind {
        write!(
            out,
            "{k:<22} {:>9} {:>7} {:>6} {:>9.3}",
            f.predicted, f.correct, f.false_alarms, f.precision
        )?;
        if let (Some(gold), Some(found)) = (f.gold, f.found) {
            let or_dash = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
            write!(
                out,
                " {gold:>5} {found:>5} {:>7} {:>6}",
                or_dash(f.recall),
                or_dash(f.f1)
            )?;
        }
        writeln!(out)?;
    }

    if let Some(total) = lists.misses {
        writeln!(out)?;
        writeln!(out, "misses{}:", counted(total, r.misses.len()))?;
        for m in &r.misses {
            writeln!(out, "  {}: {m}", m.doc)?;
            if let Some(t) = &m.text {
                writeln!(out, "    {}", one_line(t))?;
            }
            if !m.extracted.is_empty() {
                writeln!(out, "    extracted: {}", m.extracted.join("; "))?;
            }
        }
    }
    if let Some(total) = lists.false_alarms {
        writeln!(out)?;
        writeln!(out, "false alarms{}:", counted(total, r.false_alarms.len()))?;
        write_alarms(out, &r.false_alarms)?;
    }
    if let Some(total) = lists.forbidden.filter(|_| r.format != GoldFormat::Events) {
        writeln!(out)?;
        writeln!(
            out,
            "forbidden actors{}:",
            counted(total, r.forbidden.len())
        )?;
        write_alarms(out, &r.forbidden)?;
    }
    for w in &r.warnings {
        writeln!(out, "warning: {w}")?;
    }
    Ok(())
}

/// ` (N)` or ` (N, first M shown)`.
fn counted(total: usize, shown: usize) -> String {
    if shown < total {
        format!(" ({total}, first {shown} shown)")
    } else {
        format!(" ({total})")
    }
}

fn write_alarms(out: &mut impl Write, alarms: &[FalseAlarm]) -> std::io::Result<()> {
    for a in alarms {
        let plover = a.plover.as_deref().unwrap_or("-");
        writeln!(
            out,
            "  {}: {a} [{plover}] (sentence {}, trigger {:?}, rule {})",
            a.doc, a.sentence, a.trigger, a.rule
        )?;
        writeln!(out, "    {}", one_line(&a.text))?;
    }
    Ok(())
}

/// A text on one line, quoted.
fn one_line(text: &str) -> String {
    format!(
        "\"{}\"",
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}
