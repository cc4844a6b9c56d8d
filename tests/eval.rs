//! Tests of scoring against gold data: the library (`newsgraph::eval`) on the small gold
//! files of `tests/data/eval/`, the `newsgraph eval` command, and agreement with the
//! reference scorer of `../shared/eval` when it is there.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newsgraph::Extractor;
use newsgraph::eval::{Gold, GoldFormat, Report, Scores};
use serde_json::Value;

/// A file of `tests/data/eval/`.
fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/eval")
        .join(name)
}

/// Loads a gold file of `tests/data/eval/` and scores the built-in extractor on it.
fn evaluate(name: &str) -> Report {
    let gold = Gold::load(data(name)).expect("the test gold file loads");
    gold.evaluate(&Extractor::new())
}

/// What a run of the binary gave.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `newsgraph ARGS`.
fn newsgraph(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the newsgraph binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// `newsgraph eval GOLD --format json`, parsed.
fn eval_json(gold: &Path) -> Value {
    let gold = gold.to_str().expect("a UTF-8 path");
    let run = newsgraph(&["eval", gold, "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("one JSON object")
}

// ----- article facts -----

#[test]
fn facts_symmetric_either_way_negated_ignored_allowed_and_forbidden() {
    let report = evaluate("facts.gold.json");
    assert_eq!(report.format, GoldFormat::Seed);
    let Scores::Seed(s) = &report.scores else {
        panic!("article facts give seed scores: {:?}", report.scores)
    };
    // RUS agreement_signed NER (gold) is NER agreement_signed RUS (extracted): symmetric
    assert_eq!((s.must_found, s.must_total), (1, 2));
    // "Mali did not expel ..." is negated: not a fact, so the must fact is missing
    assert_eq!(s.missing, ["expulsion|MLI|FRA"]);
    // sanctions are allowed, the condemnation by Nigeria is an error
    assert_eq!(s.predicted, 3);
    assert_eq!(s.unexpected, ["condemnation|NGA|TCD"]);
    assert_eq!(s.forbidden_actors, ["NGA"]);
    assert_eq!((s.precision, s.recall_must, s.f1), (0.667, 0.5, 0.571));

    let miss = &report.misses[0];
    assert_eq!(miss.to_string(), "MLI expulsion FRA");
    assert_eq!(
        miss.text.as_deref(),
        Some("Mali did not expel the French ambassador.")
    );
    let alarm = &report.false_alarms[0];
    assert_eq!(
        (alarm.doc.as_str(), alarm.to_string().as_str()),
        ("facts.txt", "NGA condemnation TCD")
    );
    assert_eq!(alarm.text, "Nigeria condemned Chad.");
    assert_eq!(report.forbidden.len(), 1);
    assert_eq!(report.forbidden[0].source, "NGA");

    assert_eq!(report.per_category["SANCTION"].allowed, 1);
    assert_eq!(report.per_category["SANCTION"].fn_, 1);
    assert_eq!(report.per_kind["agreement_signed"].recall, Some(1.0));
    assert_eq!(report.per_kind["condemnation"].recall, None);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn articles_are_scored_one_by_one_and_added_up() {
    let report = evaluate("articles.gold.jsonl");
    let Scores::Articles(s) = &report.scores else {
        panic!(
            "JSON Lines with must give article scores: {:?}",
            report.scores
        )
    };
    assert_eq!((s.articles, s.must_found, s.must_total), (2, 3, 3));
    // "Oman praised Kuwait" is in neither list: an error
    assert_eq!(s.predicted, 5);
    assert_eq!((s.precision, s.recall_must, s.f1), (0.8, 1.0, 0.889));
    assert_eq!(s.forbidden_actor_hits, 1);
    assert_eq!(report.false_alarms.len(), 1);
    assert_eq!(report.false_alarms[0].doc, "gulf");
    assert_eq!(report.false_alarms[0].to_string(), "OMN support KWT");
}

// ----- sentence events -----

#[test]
fn events_symmetric_reciprocal_null_igo_and_negated() {
    let report = evaluate("events.gold.jsonl");
    let Scores::Events(s) = &report.scores else {
        panic!(
            "JSON Lines with events give event scores: {:?}",
            report.scores
        )
    };
    assert_eq!(s.sentences, 7);
    // found: talks either way (symmetric), Ghana and Togo (reciprocal gold), a null
    // source, NATO for an NGO; missed: Uganda to Kenya (not reciprocal)
    assert_eq!((s.tp, s.fn_), (4, 1));
    let missed: Vec<&str> = report.misses.iter().map(|m| m.doc.as_str()).collect();
    assert_eq!(missed, ["one-way"]);
    assert_eq!(report.misses[0].extracted, ["KEN AGREE UGA (pledge)"]);
    // errors: Kenya to Uganda, and the sanctions of a sentence expected to give nothing;
    // the negated expulsion is not a prediction
    let alarms: Vec<(&str, String)> = report
        .false_alarms
        .iter()
        .map(|a| (a.doc.as_str(), a.to_string()))
        .collect();
    assert_eq!(
        alarms,
        [
            ("one-way", "KEN pledge UGA".to_string()),
            ("nothing-expected", "BRA sanctions VEN".to_string())
        ]
    );
    assert_eq!(s.fp, 2);
    assert_eq!(s.sentences_without_events_with_output, 1);
    assert_eq!((s.precision, s.recall, s.f1), (0.667, 0.8, 0.727));
    assert_eq!(report.per_category["AGREE"].tp, 1);
    assert_eq!(report.per_category["AGREE"].fn_, 1);
    assert_eq!(report.per_kind["pledge"].false_alarms, 1);
    assert!(report.forbidden.is_empty());
}

// ----- bad gold files -----

#[test]
fn bad_gold_files_are_errors_naming_file_line_and_cause() {
    let cases = [
        ("missing-plover.gold.jsonl", ":3: missing field `plover`"),
        (
            "mixed.gold.jsonl",
            ":2: expected a record like the first (a sentence with \"events\")",
        ),
        (
            "bad-date.gold.jsonl",
            ":1: field \"published\": expected a date",
        ),
        ("broken.gold.json", ":4: expected `,` or `}` (column 31)"),
    ];
    for (name, expected) in cases {
        let e = Gold::load(data(name)).expect_err(name).to_string();
        let at = e.find(name).unwrap_or_else(|| panic!("{e} names {name}"));
        assert!(e[at + name.len()..].starts_with(expected), "{name}: {e}");
    }
    let e = Gold::load(data("missing-article.gold.json"))
        .expect_err("the article is missing")
        .to_string();
    assert!(e.contains("no-such-article.txt: "), "{e}");
}

#[test]
fn unknown_categories_and_kinds_are_warned_about() {
    let gold = Gold::parse(
        "g.jsonl",
        r#"{"id": "a", "text": "Mali acted.", "must": [{"source": "MLI", "relation": "friendship", "target": "FRA"}]}"#,
    )
    .expect("legal gold");
    assert_eq!(
        gold.warnings(),
        ["g.jsonl:1: unknown relation kind \"friendship\": no prediction can match it"]
    );
}

// ----- the command line -----

#[test]
fn eval_prints_figures_and_lists_as_text() {
    let gold = data("events.gold.jsonl");
    let run = newsgraph(&["eval", gold.to_str().expect("UTF-8")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("precision 0.667  recall 0.800  F1 0.727  (tp 4, fp 2, fn 1)"),
        "{out}"
    );
    assert!(
        out.contains("misses (1):\n  one-way: UGA AGREE KEN\n"),
        "{out}"
    );
    assert!(
        out.contains("    \"Kenya and Uganda agreed to cooperate on border security.\""),
        "{out}"
    );
    assert!(
        out.contains("  nothing-expected: BRA sanctions VEN [SANCTION]"),
        "{out}"
    );
}

#[test]
fn eval_show_and_limit_shorten_the_lists() {
    let gold = data("events.gold.jsonl");
    let gold = gold.to_str().expect("UTF-8");
    let run = newsgraph(&["eval", gold, "--show", "false-alarms", "--limit", "1"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stdout.contains("misses"), "{}", run.stdout);
    assert!(
        run.stdout.contains("false alarms (2, first 1 shown):"),
        "{}",
        run.stdout
    );

    let run = newsgraph(&["eval", gold, "--format", "json", "--show", "none"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    assert_eq!(json["fp"], 2);
    assert_eq!(json["false_alarms"], Value::Array(Vec::new()));
}

#[test]
fn eval_uses_extra_lexicon_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let lexicon = dir.path().join("mine.tsv");
    std::fs::write(
        &lexicon,
        "id\tname\taliases\tcountry\tsuccessor_of\twikidata\nsahel-guard\tSahel Guard\t-\tNER\t-\t-\n",
    )
    .expect("the lexicon is written");
    let gold = dir.path().join("g.jsonl");
    std::fs::write(
        &gold,
        r#"{"id": "a", "text": "The Sahel Guard attacked Mali.", "events": [{"source": "NER", "target": "MLI", "plover": "ASSAULT", "reciprocal": false}]}"#,
    )
    .expect("the gold is written");
    let without = eval_json(&gold);
    assert_eq!(without["tp"], 0);
    let run = newsgraph(&[
        "eval",
        gold.to_str().expect("UTF-8"),
        "--lexicon",
        lexicon.to_str().expect("UTF-8"),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let with: Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    assert_eq!(with["tp"], 1, "{with}");
}

#[test]
fn eval_exits_2_on_an_unreadable_or_invalid_gold_file() {
    let run = newsgraph(&["eval", "no/such/gold.jsonl"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("no/such/gold.jsonl: "),
        "{}",
        run.stderr
    );
    let bad = data("missing-plover.gold.jsonl");
    let run = newsgraph(&["eval", bad.to_str().expect("UTF-8")]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .contains("missing-plover.gold.jsonl:3: missing field `plover`"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

// ----- agreement with the reference scorer -----

/// The shared evaluation folder, when it is there.
fn shared_eval() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    dir.join("score.py").is_file().then_some(dir)
}

/// `score.py run GOLD --json -- newsgraph extract --input jsonl --format jsonl`, or
/// `None` when python3 does not run.
fn score_py(score: &Path, gold: &Path) -> Option<Value> {
    let output = Command::new("python3")
        .arg(score)
        .args(["run"])
        .arg(gold)
        .args(["--json", "--"])
        .arg(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", "--input", "jsonl", "--format", "jsonl"])
        .output()
        .ok()?;
    assert!(
        output.status.success(),
        "score.py failed on {}: {}",
        gold.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).expect("score.py prints one JSON object"))
}

/// Every key of `reference` has the same value in `ours` (numbers compared as numbers,
/// objects key by key); `ours` may hold more.
fn assert_agrees(reference: &Value, ours: &Value, at: &str) {
    match (reference, ours) {
        (Value::Object(r), Value::Object(o)) => {
            for (k, v) in r {
                let Some(mine) = o.get(k) else {
                    panic!("{at}.{k}: missing from newsgraph eval (score.py: {v})")
                };
                assert_agrees(v, mine, &format!("{at}.{k}"));
            }
        }
        (Value::Number(r), Value::Number(o)) => {
            assert_eq!(
                r.as_f64(),
                o.as_f64(),
                "{at}: score.py {r}, newsgraph eval {o}"
            );
        }
        _ => assert_eq!(reference, ours, "{at}"),
    }
}

#[test]
fn figures_agree_with_the_reference_scorer() {
    let Some(shared) = shared_eval() else {
        println!(
            "../shared/eval/score.py not found: agreement with the reference scorer not checked"
        );
        return;
    };
    let golds = [
        shared.join("seed/niger-us-agreement.gold.json"),
        shared.join("dev/plover_gsr_dev.jsonl"),
        data("facts.gold.json"),
        data("events.gold.jsonl"),
        data("articles.gold.jsonl"),
    ];
    for gold in golds {
        if !gold.is_file() {
            println!("{} not found: skipped", gold.display());
            continue;
        }
        let Some(reference) = score_py(&shared.join("score.py"), &gold) else {
            println!("python3 does not run: agreement with the reference scorer not checked");
            return;
        };
        let ours = eval_json(&gold);
        assert_agrees(&reference, &ours, &gold.display().to_string());
        println!("{}: agrees with score.py", gold.display());
    }
}
