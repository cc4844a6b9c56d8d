//! `newsgraph extract`: one JSON object per relation assertion (or per document).

use std::io::{BufWriter, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;

use clap::ValueEnum;
use newsgraph::parallel::extract_ordered;
use newsgraph::{Entity, EntityId, Extraction, OrgType, Plover, Span};

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
    // the lines of one extraction, written at once
    let mut buf = Vec::new();
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
            OutputFormat::Jsonl => write_assertions(&mut out, &x, &mut buf),
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
///
/// The lines are written by hand: building a `serde_json::json!` map per assertion cost
/// more than the extraction of short articles. They are the bytes that map gave: keys in
/// byte order (its map is sorted), no spaces, strings escaped by serde_json.
fn write_assertions(
    out: &mut impl Write,
    x: &Extraction,
    buf: &mut Vec<u8>,
) -> std::io::Result<()> {
    buf.clear();
    for a in &x.assertions {
        let src = x.entity(&a.source);
        let tgt = x.entity(&a.target);
        buf.extend_from_slice(b"{\"cameo\":");
        push_opt_name(buf, a.kind.cameo());
        buf.extend_from_slice(b",\"confidence\":");
        let confidence = (f64::from(a.confidence) * 100.0).round() / 100.0;
        serde_json::to_writer(&mut *buf, &confidence)?;
        buf.extend_from_slice(b",\"date\":");
        match a.date {
            Some(d) => push_str(buf, &d.to_string())?,
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"doc\":");
        push_str(buf, x.doc.as_str())?;
        buf.extend_from_slice(b",\"modality\":");
        push_name(buf, a.modality.as_str());
        buf.extend_from_slice(b",\"plover\":");
        push_opt_name(buf, a.kind.plover().map(Plover::as_str));
        buf.extend_from_slice(b",\"relation\":");
        push_name(buf, a.kind.as_str());
        buf.extend_from_slice(b",\"rule\":");
        push_str(buf, &a.rule)?;
        buf.extend_from_slice(b",\"sentence\":");
        push_usize(buf, a.sentence);
        buf.extend_from_slice(b",\"source\":");
        push_str(buf, a.source.as_str())?;
        push_entity_fields(buf, "source", src)?;
        buf.extend_from_slice(b",\"source_person\":");
        push_opt_str(buf, a.source_person.as_ref().map(EntityId::as_str))?;
        buf.extend_from_slice(b",\"source_sector\":");
        push_opt_str(buf, a.source_sector.as_deref())?;
        buf.extend_from_slice(b",\"source_span\":");
        push_span(buf, a.source_span);
        buf.extend_from_slice(b",\"span\":");
        push_span(buf, a.sentence_span);
        buf.extend_from_slice(b",\"speaker\":");
        push_opt_str(buf, a.speaker.as_ref().map(EntityId::as_str))?;
        buf.extend_from_slice(b",\"target\":");
        push_str(buf, a.target.as_str())?;
        push_entity_fields(buf, "target", tgt)?;
        buf.extend_from_slice(b",\"target_span\":");
        push_span(buf, a.target_span);
        buf.extend_from_slice(b",\"trigger\":");
        push_str(buf, &a.trigger)?;
        buf.extend_from_slice(b",\"trigger_span\":");
        push_span(buf, a.trigger_span);
        buf.extend_from_slice(b"}\n");
    }
    out.write_all(buf)
}

/// A JSON string, escaped as serde_json escapes it.
/// `,"{role}_country":...,"{role}_kind":...,"{role}_name":...,"{role}_org_type":...` of
/// an assertion's source or target entity (`null`s when the extraction has none).
fn push_entity_fields(buf: &mut Vec<u8>, role: &str, e: Option<&Entity>) -> std::io::Result<()> {
    let key = |buf: &mut Vec<u8>, field: &str| {
        buf.extend_from_slice(b",\"");
        buf.extend_from_slice(role.as_bytes());
        buf.push(b'_');
        buf.extend_from_slice(field.as_bytes());
        buf.extend_from_slice(b"\":");
    };
    key(buf, "country");
    push_opt_str(
        buf,
        e.and_then(|e| e.country.as_ref()).map(EntityId::as_str),
    )?;
    key(buf, "kind");
    push_opt_name(buf, e.map(|e| e.kind.as_str()));
    key(buf, "name");
    push_opt_str(buf, e.map(|e| e.name.as_str()))?;
    key(buf, "org_type");
    push_opt_name(buf, e.and_then(|e| e.org_type).map(OrgType::as_str));
    Ok(())
}

fn push_str(buf: &mut Vec<u8>, s: &str) -> std::io::Result<()> {
    if needs_escape(s.as_bytes()) {
        serde_json::to_writer(&mut *buf, s)?;
    } else {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    }
    Ok(())
}

/// Whether serde_json escapes some byte of `s`: a quote, a backslash or a control
/// character (below 0x20), nothing else.
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // the high bit of a byte below 0x20, of a quote and of a backslash (Mycroft's
        // test, as serde_json reads strings)
        let control = x.wrapping_sub(ONES * 0x20) & !x;
        let quote =
            (x ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES) & !(x ^ (ONES * u64::from(b'"')));
        let backslash =
            (x ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES) & !(x ^ (ONES * u64::from(b'\\')));
        if (control | quote | backslash) & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| escaped(b))
}

/// The name of an enum value, or a code, as a JSON string: its letters, digits and
/// underscores need no escape (a test checks each against serde).
fn push_name(buf: &mut Vec<u8>, name: &'static str) {
    buf.push(b'"');
    buf.extend_from_slice(name.as_bytes());
    buf.push(b'"');
}

/// [`push_name`], or `null`.
fn push_opt_name(buf: &mut Vec<u8>, name: Option<&'static str>) {
    match name {
        Some(name) => push_name(buf, name),
        None => buf.extend_from_slice(b"null"),
    }
}

/// A JSON string, or `null`.
fn push_opt_str(buf: &mut Vec<u8>, s: Option<&str>) -> std::io::Result<()> {
    match s {
        Some(s) => push_str(buf, s),
        None => {
            buf.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// A number in decimal.
fn push_usize(buf: &mut Vec<u8>, n: usize) {
    let mut out = [0u8; 20];
    let end = out.len();
    let start = digits_before(&mut out, end, n);
    buf.extend_from_slice(&out[start..]);
}

/// A span as `[start,end]`.
fn push_span(buf: &mut Vec<u8>, s: Span) {
    // written from the end in one array, then copied at once
    let mut out = [0u8; 43];
    let mut at = out.len() - 1;
    out[at] = b']';
    at = digits_before(&mut out, at, s.end) - 1;
    out[at] = b',';
    at = digits_before(&mut out, at, s.start) - 1;
    out[at] = b'[';
    buf.extend_from_slice(&out[at..]);
}

/// Writes the decimal digits of `n` in `out` just before `end`; gives where they start.
fn digits_before(out: &mut [u8], mut end: usize, mut n: usize) -> usize {
    loop {
        end -= 1;
        out[end] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph::{
        Assertion, Date, DocId, Document, Entity, EntityKind, Extractor, Modality, RelationKind,
    };

    /// How the lines were written before: one `json!` map per assertion.
    fn reference(x: &Extraction) -> Vec<u8> {
        let mut out = Vec::new();
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
            serde_json::to_writer(&mut out, &line).expect("a map serializes");
            out.push(b'\n');
        }
        out
    }

    fn written(x: &Extraction) -> Vec<u8> {
        let mut out = Vec::new();
        write_assertions(&mut out, x, &mut Vec::new()).expect("a Vec takes any write");
        out
    }

    #[test]
    fn lines_are_the_bytes_of_a_json_map() {
        let ex = Extractor::new();
        let texts = [
            "Mali expelled the French ambassador on Monday.",
            "Niger's junta ended its military agreement with the United States last July.",
            "President Bazoum said Russia deployed troops to Burkina Faso, officials said.",
            "The European Union imposed sanctions on Moscow. NATO condemned Iran.",
            "Pope Francis met \"Mali\"\u{7}'s\tleaders in Rome; Algeria and Morocco held talks.",
        ];
        for (i, text) in texts.iter().enumerate() {
            let doc = Document::new(format!("d\"{i}\\\n\u{1}é"), *text)
                .published("2024-03-17".parse().expect("a date"));
            let x = ex.extract(&doc);
            assert!(!x.assertions.is_empty(), "{text}");
            assert_eq!(
                String::from_utf8(written(&x)),
                String::from_utf8(reference(&x)),
                "{text}"
            );
        }
    }

    #[test]
    fn every_field_value_is_written_as_serde_json_writes_it() {
        let country = EntityId::new("MLI");
        let mut org = Entity::new(
            EntityId::new("o\"rg"),
            EntityKind::Organization,
            "Org\\ \u{1f}\u{7f}",
        );
        org.org_type = Some(OrgType::Igo);
        let mut x = Extraction {
            doc: DocId::new("doc\u{0}\u{8}\u{c}\r"),
            published: None,
            source_url: None,
            sentences: Vec::new(),
            sentence_texts: Vec::new(),
            entities: vec![
                Entity::new(country.clone(), EntityKind::Country, "Mali"),
                org,
            ],
            mentions: Vec::new(),
            assertions: Vec::new(),
        };
        let span = |a, b| Span::new(a, b);
        let date = |s: &str| s.parse::<Date>().ok();
        let dates = [
            None,
            date("2024"),
            date("2024-03"),
            date("2024-03-17"),
            Some(Date::from_days(-800_000)),
        ];
        let modalities = [
            Modality::Asserted,
            Modality::Alleged,
            Modality::Negated,
            Modality::Future,
            Modality::Hypothetical,
        ];
        let confidences = [
            0.0,
            0.125,
            0.333,
            0.8,
            0.95,
            1.0,
            -0.001,
            f32::NAN,
            f32::INFINITY,
        ];
        for (i, kind) in RelationKind::ALL.iter().enumerate() {
            let (source, target) = match i % 3 {
                0 => (country.clone(), EntityId::new("o\"rg")),
                1 => (EntityId::new("o\"rg"), EntityId::new("unknown")),
                _ => (EntityId::new("nobody"), country.clone()),
            };
            x.assertions.push(Assertion {
                kind: *kind,
                source,
                target,
                modality: modalities[i % modalities.len()],
                speaker: (i % 2 == 0).then(|| EntityId::new("spe\u{2028}aker")),
                date: dates[i % dates.len()],
                confidence: confidences[i % confidences.len()],
                rule: format!("rule.{i}\t\"x\""),
                sentence: [0, 9, 10, 99, usize::MAX][i % 5],
                sentence_span: span(i, usize::MAX),
                source_span: span(0, 1),
                trigger_span: span(1_000_000, 1_000_007),
                target_span: span(10, 100),
                trigger: ["ex\"pelled", "\u{1}", "", "é\\"][i % 4].to_string(),
                source_sector: (i % 3 == 0).then(|| "GOV".to_string()),
                source_person: (i % 4 == 0).then(|| EntityId::new("p")),
            });
        }
        assert_eq!(
            String::from_utf8(written(&x)),
            String::from_utf8(reference(&x))
        );
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut n = 1usize;
        let mut cases = vec![0, usize::MAX, usize::MAX - 1];
        while let Some(next) = n.checked_mul(10) {
            cases.extend([n - 1, n, n + 1, n * 7]);
            n = next;
        }
        for n in cases {
            let mut buf = b"x".to_vec();
            push_usize(&mut buf, n);
            assert_eq!(buf, format!("x{n}").into_bytes());
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let alphabet = [
            "a", "\"", "\\", "\n", "\u{0}", "\u{1f}", " ", "\u{7f}", "é", "\u{2028}", "~",
        ];
        let mut seed = 0x5851_f42d_4c95_7f2du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..5000 {
            // mostly plain, sometimes one odd character anywhere in up to 40
            let len = next(40);
            let s: String = (0..len)
                .map(|_| {
                    if next(8) == 0 {
                        alphabet[next(alphabet.len())]
                    } else {
                        "x"
                    }
                })
                .collect();
            let mut buf = Vec::new();
            push_str(&mut buf, &s).expect("a Vec takes any write");
            assert_eq!(serde_json::to_vec(&s).ok(), Some(buf), "{s:?}");
            let escaped = s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            assert_eq!(needs_escape(s.as_bytes()), escaped, "{s:?}");
        }
    }

    #[test]
    fn spans_are_written_as_arrays() {
        for (a, b) in [
            (0, 0),
            (7, 1234),
            (usize::MAX, usize::MAX),
            (99_999, 100_000),
        ] {
            let mut buf = Vec::new();
            push_span(&mut buf, Span::new(a, b));
            assert_eq!(buf, format!("[{a},{b}]").into_bytes());
        }
    }

    #[test]
    fn names_of_enum_values_are_their_serde_names() {
        let serde = |v: serde_json::Value| v.as_str().map(str::to_string);
        for k in RelationKind::ALL {
            assert_eq!(serde(serde_json::json!(k)).as_deref(), Some(k.as_str()));
            if let Some(p) = k.plover() {
                assert_eq!(serde(serde_json::json!(p)).as_deref(), Some(p.as_str()));
            }
        }
        for k in EntityKind::ALL {
            assert_eq!(serde(serde_json::json!(k)).as_deref(), Some(k.as_str()));
        }
        for t in [
            OrgType::Igo,
            OrgType::Ngo,
            OrgType::Media,
            OrgType::Company,
            OrgType::Party,
        ] {
            assert_eq!(serde(serde_json::json!(t)).as_deref(), Some(t.as_str()));
        }
        for m in [
            Modality::Asserted,
            Modality::Alleged,
            Modality::Negated,
            Modality::Future,
            Modality::Hypothetical,
        ] {
            assert_eq!(serde(serde_json::json!(m)).as_deref(), Some(m.as_str()));
        }
        // the names `push_name` writes as they are need no escape
        let names = RelationKind::ALL
            .iter()
            .flat_map(|k| [Some(k.as_str()), k.cameo(), k.plover().map(Plover::as_str)])
            .flatten();
        for name in names {
            let mut buf = Vec::new();
            push_name(&mut buf, name);
            assert_eq!(serde_json::to_vec(name).ok(), Some(buf), "{name}");
        }
    }
}
