//! Randomised testing of `Extractor::extract` and of the command line.
//!
//! The texts are built from the lexicon's own phrases (names, trigger forms, the example
//! sentence of every rule), demonyms, titles, abbreviations, dates, punctuation and
//! quotes, mixed with huge tokens and awkward Unicode (combining marks, right-to-left
//! text, emoji, NUL, letters whose case changes their length), then some are mutated
//! byte by byte and decoded lossily. The command line gets JSON Lines feeds mixing good
//! records with broken ones: truncated lines, fields of the wrong type, nulls, huge
//! numbers, duplicate keys, deep nesting, stray bytes, byte-order marks, CRLF.
//!
//! Checked on every case: no panic; every span inside the text, on char boundaries;
//! sentences in order; relation endpoints among the entities. On the command line: exit
//! code 0 or 1, one `<stdin>:LINE:` error per bad line and none for a good one, every good
//! record's facts printed (as many as the library finds) with spans inside its text.
//!
//! The number of cases is `NEWSGRAPH_FUZZ_CASES` (default 256). The command-line
//! property starts one process per case, so it runs one case in eight (at least 8). The
//! long run (24 000 cases took 5 minutes on two busy cores, so this takes about 20):
//!
//! ```text
//! NEWSGRAPH_FUZZ_CASES=100000 cargo test --release --test fuzz
//! ```

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use newsgraph::{Date, Document, Extractor, KnowledgeGraph, Span};
use proptest::prelude::*;
use proptest::sample::Index;

mod invariants;
use invariants::{check_extraction, check_span};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// `NEWSGRAPH_FUZZ_CASES`, or 256.
fn cases() -> u32 {
    std::env::var("NEWSGRAPH_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

// ----- texts -----

/// The built-in lexicon's phrases (entity names, trigger forms) and the example
/// sentence of every trigger rule.
fn lexicon_phrases() -> &'static (Vec<String>, Vec<String>) {
    static PHRASES: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let lexicon = extractor().lexicon();
        let mut phrases: Vec<String> = lexicon.entities().iter().map(|e| e.name.clone()).collect();
        for t in lexicon.triggers() {
            phrases.extend(t.forms.iter().cloned());
        }
        let examples = lexicon
            .triggers()
            .iter()
            .map(|t| t.example.clone())
            .collect();
        (phrases, examples)
    })
}

#[rustfmt::skip]
const WORDS: &[&str] = &[
    // demonyms and adjectives
    "Nigerien", "Nigeriens", "French", "American", "Americans", "Russian", "Malian",
    "Burkinabe", "Chinese", "Israeli", "Palestinian", "Ukrainian", "Sudanese", "Bosnian Serbs",
    // titles and sectors
    "President", "president", "Col.", "Col", "Gen.", "Lt. Col.", "Prime Minister",
    "Foreign Minister", "spokesperson", "spokesman", "envoy", "ambassador", "junta",
    "government", "military", "troops", "forces", "police", "rebels", "militants",
    "delegation", "the bloc", "the group", "the two countries", "authorities", "regime",
    "Mr.", "Mrs.", "Dr.", "Amadou Abdramane",
    // abbreviations and dotted acronyms
    "U.S.", "U.S", "U.N.", "U.K.", "E.U.", "Jan.", "Feb.", "Sept.", "No.", "No. 10", "St.",
    "e.g.", "i.e.", "etc.", "a.m.", "p.m.", "vs.", "Inc.", "Ltd.", "A.", "J. R. R.",
    // function words, pronouns, modality
    "the", "a", "an", "of", "with", "against", "by", "from", "to", "on", "in", "and", "or",
    "but", "that", "which", "who", "said", "told", "says", "will", "would", "may", "could",
    "not", "did not", "refused to", "threatened to", "plans to", "allegedly", "he", "she",
    "it", "they", "its", "their", "his", "her", "both", "each other", "along with",
    "as well as",
    // dates and numbers
    "on Monday", "last week", "yesterday", "next month", "in March", "March 17",
    "17 March 2024", "2024-03-17", "1,000", "3.5", "100%", "'24", "1990s", "0", "-1",
    "99999999999999999999",
];

#[rustfmt::skip]
const PUNCTUATION: &[&str] = &[
    ".", ",", ";", ":", "!", "?", "...", "…", "\"", "“", "”", "‘", "’", "'", "«", "»", "„",
    "(", ")", "[", "]", "{", "}", "—", "–", "-", "--", "/", "\\", "'s", "’s", "s'", "&", "*",
    "#", "@", "|", "\t", "\n", "\n\n", "\r\n", "\r", " ", "  ",
];

#[rustfmt::skip]
const UNICODE: &[&str] = &[
    // combining marks, alone and after letters
    "\u{301}", "e\u{301}", "Nig\u{301}er", "\u{20dd}", "a\u{300}\u{301}\u{302}\u{303}",
    // right-to-left text and direction marks
    "النيجر", "فرنسا", "ישראל", "\u{200f}", "\u{200e}", "\u{202e}", "\u{202d}", "\u{2067}",
    "\u{2069}",
    // emoji, flags, joiners
    "🇳🇪", "🇫🇷", "👍🏽", "👨\u{200d}👩\u{200d}👧", "🏳\u{fe0f}\u{200d}🌈", "\u{200d}", "\u{fe0f}",
    // NUL and other controls, odd spaces
    "\0", "\u{1}", "\u{7f}", "\u{85}", "\u{2028}", "\u{2029}", "\u{feff}", "\u{200b}",
    "\u{a0}", "\u{3000}",
    // letters whose case changes their length
    "İ", "ı", "ß", "ẞ", "ﬁ", "ǅ", "Σ", "ς", "ŉ", "ΐ", "Ⅻ",
    // full-width letters and other scripts
    "ＮＩＧＥＲ", "Ｕ.Ｓ.", "Нигер", "尼日尔", "١٢٣", "𝐍𝐢𝐠𝐞𝐫", "\u{10ffff}", "\u{fffd}",
];

const AFFIXES: &[&str] = &["", "", "", "", "'s", "’s", "s", "-backed", "-led", ".", ","];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", "", "\n", "\n\n", ", ", ". ", " — ", "\t", "\r\n",
];

/// The units of huge tokens.
const HUGE_UNITS: &[&str] = &[
    "a", "Niger", "U.S.", "1,0", "-", "\u{301}", "🇳🇪", "expelled", "(", "“", "Mr. ", "'s",
];

/// One entry of a list, drawn uniformly.
fn pick(list: &'static [String]) -> impl Strategy<Value = String> {
    any::<Index>().prop_map(move |i| list[i.index(list.len())].clone())
}

/// A phrase as written, in lower case, in upper case or capitalised.
fn recase(s: &str, how: u8) -> String {
    match how % 6 {
        0..=2 => s.to_string(),
        3 => s.to_lowercase(),
        4 => s.to_uppercase(),
        _ => {
            let mut chars = s.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
    }
}

/// One piece of a text.
fn piece() -> impl Strategy<Value = String> {
    let (phrases, examples) = lexicon_phrases();
    prop_oneof![
        6 => (pick(phrases), any::<u8>(), prop::sample::select(AFFIXES))
            .prop_map(|(p, how, affix)| recase(&p, how) + affix),
        2 => pick(examples),
        5 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => prop::sample::select(PUNCTUATION).prop_map(str::to_string),
        2 => prop::sample::select(UNICODE).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A token of 500 to 20 000 repetitions of one unit, no space inside.
fn huge_token() -> impl Strategy<Value = String> {
    (prop::sample::select(HUGE_UNITS), 500usize..20_000).prop_map(|(unit, n)| unit.repeat(n))
}

/// A change to the bytes of a text: insert, delete, flip or duplicate 16 bytes.
type Mutation = (u8, Index, u8);

fn mutate(bytes: &mut Vec<u8>, (op, at, byte): Mutation) {
    let i = at.index(bytes.len() + 1);
    match op {
        0 => bytes.insert(i, byte),
        1 if i < bytes.len() => {
            bytes.remove(i);
        }
        2 if i < bytes.len() => bytes[i] ^= byte | 1,
        3 => {
            let chunk = bytes[i..(i + 16).min(bytes.len())].to_vec();
            bytes.splice(i..i, chunk);
        }
        _ => {}
    }
}

/// Texts of up to `max` pieces, one in five with a huge token, one in three mutated
/// byte by byte and decoded lossily.
fn text(max: usize) -> impl Strategy<Value = String> {
    let parts = prop::collection::vec((piece(), prop::sample::select(SEPARATORS)), 0..max);
    let huge = prop::option::weighted(0.2, (huge_token(), any::<Index>()));
    let mutations = prop_oneof![
        2 => Just(Vec::new()),
        1 => prop::collection::vec((0u8..4, any::<Index>(), any::<u8>()), 1..6),
    ];
    (parts, huge, mutations).prop_map(|(parts, huge, mutations)| {
        let mut pieces: Vec<String> = parts.into_iter().map(|(p, sep)| p + sep).collect();
        if let Some((token, at)) = huge {
            pieces.insert(at.index(pieces.len() + 1), token + " ");
        }
        let text = pieces.concat();
        if mutations.is_empty() {
            return text;
        }
        let mut bytes = text.into_bytes();
        for m in mutations {
            mutate(&mut bytes, m);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

proptest! {
    #![proptest_config(config(cases()))]

    #[test]
    fn extract_keeps_its_invariants(
        text in text(150),
        published in prop::option::of(-800_000i64..2_000_000),
    ) {
        let mut doc = Document::new("fuzz", text.as_str());
        doc.published = published.map(Date::from_days);
        let x = extractor().extract(&doc);
        check_extraction(&text, &x)
            .map_err(|e| TestCaseError::fail(format!("{e}\ntext: {text:?}")))?;
    }
}

/// The generator reaches the relation stage: most texts have mentions, many have facts.
#[test]
fn fuzz_texts_give_assertions() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = text(150);
    let (mut with_mentions, mut with_assertions) = (0, 0);
    for _ in 0..200 {
        let text = strategy.new_tree(&mut runner).expect("a value").current();
        let x = extractor().extract(&Document::new("fuzz", text.as_str()));
        check_extraction(&text, &x).unwrap_or_else(|e| panic!("{e}\ntext: {text:?}"));
        with_mentions += usize::from(!x.mentions.is_empty());
        with_assertions += usize::from(!x.assertions.is_empty());
    }
    assert!(
        with_mentions > 150,
        "{with_mentions} of 200 texts have mentions"
    );
    assert!(
        with_assertions > 50,
        "{with_assertions} of 200 texts have assertions"
    );
}

// ----- the command line -----

/// JSON values of every type and odd values of the right type.
#[rustfmt::skip]
const ODD_VALUES: &[&str] = &[
    "null", "true", "0", "-0", "1e400", "-1e400", "1e-400",
    "123456789012345678901234567890123456789", "-9223372036854775809",
    "18446744073709551616", "1.5", "[]", "[1,2]", "{}", "{\"a\":null}", "\"\"",
    "\"2024-03-17\"", "\"2024-02-30\"", "\"2024-13-01\"", "\"99999-01-01\"",
    "\"-0001-01-01\"", "\"0000-00-00\"", "\"2024-3-7\"", "\"tomorrow\"", "\"\\u0000\"",
    "\"\\ud800\"", "\"x\"",
];

/// One line of a JSON Lines feed.
#[derive(Clone, Debug)]
enum Line {
    /// A well-formed record; it gets a unique id (`good-N`) and must be processed.
    Good {
        text: String,
        published: Option<&'static str>,
    },
    /// A record broken by a mutation (id `m` where it has one); it may still be readable.
    Mutated(Vec<u8>),
    /// White space only: skipped.
    Blank(&'static str),
}

/// A record, then broken in one of fourteen ways.
fn mutated_record() -> impl Strategy<Value = Vec<u8>> {
    (
        text(30),
        0u8..14,
        any::<Index>(),
        any::<u8>(),
        prop::sample::select(ODD_VALUES),
    )
        .prop_map(|(text, how, at, byte, odd)| {
            let t = serde_json::to_string(&text).expect("a string serialises");
            let record = format!(r#"{{"id":"m","text":{t},"published":"2024-03-17"}}"#);
            let mut bytes = match how {
                0 => {
                    // truncated anywhere, perhaps inside a character
                    let mut b = record.into_bytes();
                    b.truncate(at.index(b.len()));
                    b
                }
                1 => format!(r#"{{"id":{odd},"text":{t}}}"#).into_bytes(),
                2 => format!(r#"{{"id":"m","text":{odd}}}"#).into_bytes(),
                3 => format!(r#"{{"id":"m","text":{t},"published":{odd}}}"#).into_bytes(),
                4 => format!(r#"{{"id":"m","text":{t},"url":{odd}}}"#).into_bytes(),
                5 => format!(r#"{{"id":"m","id":"m2","text":{t}}}"#).into_bytes(),
                6 => format!(r#"{{"id":"m","text":{t},"text":{odd}}}"#).into_bytes(),
                7 => format!(r#"{{"text":{t}}}"#).into_bytes(),
                8 => format!(r#"{{"id":{odd}}}"#).into_bytes(),
                9 => odd.as_bytes().to_vec(),
                10 => {
                    let depth = 1 + usize::from(byte) * 8;
                    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
                    format!(r#"{{"id":"m","text":{t},"extra":{deep}}}"#).into_bytes()
                }
                11 => {
                    // a stray byte: invalid UTF-8, NUL, a quote, a control character
                    let mut b = record.into_bytes();
                    b.insert(at.index(b.len() + 1), if byte == b'\n' { 0 } else { byte });
                    b
                }
                12 => format!("\u{feff}{record}").into_bytes(),
                _ => format!("{record}\r").into_bytes(),
            };
            // a line is one record: a newline inside would make two
            for b in &mut bytes {
                if *b == b'\n' {
                    *b = b' ';
                }
            }
            bytes
        })
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        4 => (
            text(40),
            prop::sample::select(&[None, Some("2024-03-17"), Some("1999-12-31")][..]),
        )
            .prop_map(|(text, published)| Line::Good { text, published }),
        4 => mutated_record().prop_map(Line::Mutated),
        1 => prop::sample::select(&["", " ", "\t \r"][..]).prop_map(Line::Blank),
    ]
}

/// A good record as the feed holds it and as the library reads it.
struct Good {
    line: usize,
    text: String,
    doc: Document,
}

/// Runs the command line over a feed and checks what it prints.
fn check_command_line(lines: &[Line], build: bool, published: bool) -> Result<(), String> {
    let mut input = Vec::new();
    let mut goods: Vec<Good> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let line = input.iter().filter(|&&b| b == b'\n').count() + 1;
        match l {
            Line::Good { text, published } => {
                let id = format!("good-{i}");
                let mut record = serde_json::json!({"id": id, "text": text});
                if let Some(p) = published {
                    record["published"] = (*p).into();
                }
                input.extend_from_slice(record.to_string().as_bytes());
                let mut doc = Document::new(id, text.as_str());
                doc.published = published.map(|p| p.parse().expect("a date"));
                goods.push(Good {
                    line,
                    text: text.clone(),
                    doc,
                });
            }
            Line::Mutated(bytes) => input.extend_from_slice(bytes),
            Line::Blank(s) => input.extend_from_slice(s.as_bytes()),
        }
        input.push(b'\n');
    }
    let default_date: Date = "2024-03-17".parse().expect("a date");
    if published {
        for g in &mut goods {
            g.doc.published = g.doc.published.or(Some(default_date));
        }
    }

    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut args = vec!["--input", "jsonl"];
    if published {
        args.extend(["--published", "2024-03-17"]);
    }
    if build {
        args.splice(0..0, ["build"]);
        args.extend(["-", "-o", "g.json", "-o", "g.nq", "--quiet"]);
    } else {
        args.splice(0..0, ["extract"]);
        args.extend(["--format", "jsonl"]);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(&args)
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run newsgraph: {e}"))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // fed from another thread: the output may fill its pipe before the input is read
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    feeder
        .join()
        .map_err(|_| "the feeding thread panicked".to_string())?
        .map_err(|e| format!("feeding newsgraph: {e}"))?;
    let stdout = String::from_utf8(output.stdout).map_err(|e| format!("stdout: {e}"))?;
    let stderr = String::from_utf8(output.stderr).map_err(|e| format!("stderr: {e}"))?;
    let fail = |what: String| Err(format!("{what}\nargs: {args:?}\nstderr:\n{stderr}"));

    let code = output.status.code();
    if !matches!(code, Some(0 | 1)) || stderr.contains("panicked") {
        return fail(format!("exit {:?}", output.status));
    }
    let mut bad_lines = Vec::new();
    for l in stderr.lines() {
        let Some(message) = l.strip_prefix("newsgraph: ") else {
            return fail(format!(
                "a line of stderr without the program's name: {l:?}"
            ));
        };
        if let Some(rest) = message.strip_prefix("<stdin>:") {
            let n: usize = rest
                .split(':')
                .next()
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| format!("no line number in {l:?}"))?;
            bad_lines.push(n);
        }
    }
    let errors = bad_lines.len();
    if let Some(g) = goods.iter().find(|g| bad_lines.contains(&g.line)) {
        return fail(format!("good line {} reported as bad", g.line));
    }
    if bad_lines.windows(2).any(|w| w[0] >= w[1]) {
        return fail(format!("bad lines not one each, in order: {bad_lines:?}"));
    }
    // a broken record may still be readable, so a build of none but those may succeed
    let must_fail = errors > 0;
    let may_fail = must_fail || (build && goods.is_empty());
    if (must_fail && code != Some(1)) || (!may_fail && code != Some(0)) {
        return fail(format!("exit {code:?} after {errors} input errors"));
    }

    if build {
        if !goods.is_empty() {
            let json = std::fs::read_to_string(dir.path().join("g.json"))
                .map_err(|e| format!("g.json: {e}"))?;
            KnowledgeGraph::from_json(&json).map_err(|e| format!("g.json: {e}"))?;
        }
        return Ok(());
    }
    if errors > 0 {
        let summary =
            format!("newsgraph: {errors} input error(s); the other inputs were processed");
        if stderr.lines().last() != Some(summary.as_str()) {
            return fail(format!("expected the summary {summary:?} last"));
        }
    }
    let mut printed = vec![0usize; goods.len()];
    for l in stdout.lines() {
        let v: serde_json::Value =
            serde_json::from_str(l).map_err(|e| format!("stdout line {l:?}: {e}"))?;
        let Some(doc) = v["doc"].as_str() else {
            return fail(format!("no doc in {l}"));
        };
        let Some(i) = goods.iter().position(|g| g.doc.id.as_str() == doc) else {
            continue;
        };
        printed[i] += 1;
        let text = &goods[i].text;
        for field in ["span", "source_span", "trigger_span", "target_span"] {
            let span = match (v[field][0].as_u64(), v[field][1].as_u64()) {
                (Some(s), Some(e)) => Span::new(s as usize, e as usize),
                _ => return fail(format!("{field} is not two offsets in {l}")),
            };
            check_span(text, span, &format!("{doc} {field}"))?;
        }
    }
    for (g, n) in goods.iter().zip(printed) {
        let expected = extractor().extract(&g.doc).assertions.len();
        if n != expected {
            return fail(format!(
                "{}: {n} facts printed, the library finds {expected}",
                g.doc.id
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config((cases() / 8).max(8)))]

    #[test]
    fn command_line_reads_mutated_json_lines(
        lines in prop::collection::vec(line(), 1..12),
        build in prop::bool::weighted(0.25),
        published in any::<bool>(),
    ) {
        check_command_line(&lines, build, published).map_err(TestCaseError::fail)?;
    }
}
