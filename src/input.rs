//! Reading articles: plain-text files and JSON Lines streams of
//! `{"id", "text", "published"?, "url"?}` records, one record at a time.
//!
//! A bad record is an error that names the input and the line; the reader goes on with
//! the next line, so one broken line does not lose the rest of a file.
//!
//! ```
//! use newsgraph::input::JsonlReader;
//! let data = "{\"id\":\"a\",\"text\":\"Mali expelled the envoy.\",\"published\":\"2024-03-17\"}\nnot json\n";
//! let records: Vec<_> = JsonlReader::new("feed.jsonl", data.as_bytes()).collect();
//! assert_eq!(records.len(), 2);
//! assert_eq!(records[0].as_ref().map(|d| d.id.as_str()).ok(), Some("a"));
//! let err = records[1].as_ref().unwrap_err().to_string();
//! assert!(err.starts_with("feed.jsonl:2: expected a JSON object"), "{err}");
//! ```

use std::io::BufRead;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Date, Document};

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default, alias = "source_url")]
    url: Option<String>,
}

/// Streams [`Document`]s from JSON Lines, one per non-blank line.
#[derive(Debug)]
pub struct JsonlReader<R> {
    name: String,
    reader: R,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads from `reader`; `name` is used in errors.
    pub fn new(name: impl Into<String>, reader: R) -> Self {
        JsonlReader {
            name: name.into(),
            reader,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn err(&self, message: String) -> Error {
        Error::Input {
            input: self.name.clone(),
            line: self.line,
            message,
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.err(format!("read error: {e}"))));
                }
            };
            let record = match memchr::memchr(b'\n', available) {
                // the whole line is in the reader's buffer: parsed there, not copied
                Some(end) if self.buf.is_empty() => {
                    let record = line_record(&available[..=end]);
                    self.reader.consume(end + 1);
                    record
                }
                Some(end) => {
                    self.buf.extend_from_slice(&available[..=end]);
                    self.reader.consume(end + 1);
                    let record = line_record(&self.buf);
                    self.buf.clear();
                    record
                }
                // the end of the input: what is left is the last line
                None if available.is_empty() => {
                    if self.buf.is_empty() {
                        self.done = true;
                        return None;
                    }
                    let record = line_record(&self.buf);
                    self.buf.clear();
                    record
                }
                None => {
                    let n = available.len();
                    self.buf.extend_from_slice(available);
                    self.reader.consume(n);
                    continue;
                }
            };
            self.line += 1;
            if let Some(record) = record {
                return Some(record.map_err(|m| self.err(m)));
            }
        }
    }
}

/// The record of one line (with its line break, if any); `None` for a blank line.
fn line_record(bytes: &[u8]) -> Option<std::result::Result<Document, String>> {
    let line = match std::str::from_utf8(bytes) {
        Ok(line) => line.trim(),
        Err(e) => {
            return Some(Err(format!(
                "invalid UTF-8 at byte {} of the line",
                e.valid_up_to()
            )));
        }
    };
    (!line.is_empty()).then(|| parse_record(line))
}

/// What kind of JSON value `v` is, for error messages: `a string`, `an array`, ...
pub(crate) fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn parse_record(line: &str) -> std::result::Result<Document, String> {
    // serde reads a struct from an array too (`["a", "text"]`): only an object is a record
    if !line.starts_with('{')
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(line)
    {
        return Err(format!(
            "expected a JSON object, found {}",
            json_type(&value)
        ));
    }
    let rec: Record = serde_json::from_str(line).map_err(|e| {
        let what = if line.starts_with('{') {
            "a JSON object with \"id\" and \"text\""
        } else {
            "a JSON object"
        };
        // The record is one line: its column tells where, serde's `line 1` does not.
        let message = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let cause = match message.strip_suffix(&suffix) {
            Some(cause) if e.column() > 0 => format!("{cause} at column {}", e.column()),
            Some(cause) => cause.to_string(),
            None => message,
        };
        format!("expected {what}: {cause}")
    })?;
    let id = match rec.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => {
            return Err(format!(
                "expected \"id\" to be a string or number, found {other}"
            ));
        }
    };
    let mut doc = Document::new(id, rec.text);
    if let Some(p) = rec.published.filter(|p| !p.is_empty()) {
        doc.published = Some(
            p.parse::<Date>()
                .map_err(|e| format!("field \"published\": {e}"))?,
        );
    }
    doc.source_url = rec.url;
    Ok(doc)
}

/// A plain-text article from bytes: the id is `name`. Invalid UTF-8 is an error naming
/// the line and the byte offset, and so is a NUL byte, which text never holds (the input
/// is a binary file: an executable, an image, a compressed archive).
///
/// ```
/// use newsgraph::input::text_document;
/// assert!(text_document("a.txt", b"Mali acted.").is_ok());
/// let e = text_document("b.txt", b"Mali \xff acted.").unwrap_err();
/// assert_eq!(e.to_string(), "b.txt:1: invalid UTF-8 at byte 5");
/// let e = text_document("c.bin", b"\x7fELF\x02\x01\x01\x00").unwrap_err();
/// assert_eq!(e.to_string(), "c.bin:1: expected text, found a NUL byte at byte 7 (a binary file?)");
/// ```
pub fn text_document(name: &str, bytes: &[u8]) -> Result<Document> {
    let error = |at: usize, message: String| Error::Input {
        input: name.to_string(),
        line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
        message,
    };
    let (text, valid) = match std::str::from_utf8(bytes) {
        Ok(text) => (Some(text), bytes.len()),
        Err(e) => (None, e.valid_up_to()),
    };
    // Whichever comes first: a NUL byte or the first invalid byte.
    if let Some(at) = bytes[..valid].iter().position(|&b| b == 0) {
        return Err(error(
            at,
            format!("expected text, found a NUL byte at byte {at} (a binary file?)"),
        ));
    }
    match text {
        Some(text) => Ok(Document::new(name, text)),
        None => Err(error(valid, format!("invalid UTF-8 at byte {valid}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How lines were read before they were parsed in the reader's buffer: each one
    /// copied out with `read_until`.
    fn reference(name: &str, data: &[u8]) -> Vec<std::result::Result<Document, String>> {
        let mut reader = data;
        let mut out = Vec::new();
        let mut buf = Vec::new();
        let mut line = 0;
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return out,
                Ok(_) => line += 1,
                Err(e) => panic!("a slice reads without error: {e}"),
            }
            let record = match std::str::from_utf8(&buf) {
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => parse_record(text.trim()),
                Err(e) => Err(format!(
                    "invalid UTF-8 at byte {} of the line",
                    e.valid_up_to()
                )),
            };
            out.push(record.map_err(|m| format!("{name}:{line}: {m}")));
        }
    }

    #[test]
    fn lines_read_in_the_buffer_or_across_it_give_the_records_of_read_until() {
        let pieces: [&[u8]; 12] = [
            b"{\"id\":\"a\",\"text\":\"Mali expelled the envoy.\"}",
            b"{\"id\": 7, \"text\": \"Niger \\\"ended\\\" it.\\n\", \"published\": \"2024-03-17\"}",
            b"{\"id\":\"u\",\"text\":\"x\",\"url\":\"https://e.org\",\"title\":\"\xc3\xa9t\xc3\xa9\"}",
            b"",
            b"   \t ",
            b"\r",
            b"not json",
            b"[\"a\", \"b\"]",
            b"{\"id\":\"bad\",\"text\":\"caf\xff\"}",
            b"{\"id\":\"cut",
            b"\xe2\x80\x83{\"id\":\"nbsp\",\"text\":\"x\"}\xe2\x80\x83",
            b"{\"id\":\"x\",\"text\":\"y\",\"published\":\"never\"}",
        ];
        let mut rng = crate::test_rng::Rng(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        for round in 0..400 {
            let mut data = Vec::new();
            for _ in 0..next(12) {
                data.extend_from_slice(pieces[next(pieces.len())]);
                data.extend_from_slice(if next(5) == 0 { b"\r\n" } else { b"\n" });
            }
            if next(2) == 0 {
                data.extend_from_slice(pieces[next(pieces.len())]);
            }
            let expected = reference("f", &data);
            for capacity in [1, 2, 3, 7, 16, 64, 1 << 16] {
                let reader = std::io::BufReader::with_capacity(capacity, data.as_slice());
                let got: Vec<_> = JsonlReader::new("f", reader)
                    .map(|r| r.map_err(|e| e.to_string()))
                    .collect();
                assert_eq!(got, expected, "round {round}, capacity {capacity}");
            }
        }
    }

    /// Regression case: an array was read as a record, its items taken in field order.
    #[test]
    fn only_an_object_is_a_record() {
        for (line, found) in [
            (r#"["a", "Mali expelled the envoy."]"#, "an array"),
            (r#""Mali expelled the envoy.""#, "a string"),
            ("42", "a number"),
            ("null", "null"),
            ("true", "a boolean"),
        ] {
            let e = parse_record(line).err();
            let expected = format!("expected a JSON object, found {found}");
            assert_eq!(e.as_deref(), Some(expected.as_str()), "{line}");
        }
        assert!(parse_record(r#"{"id": 7, "text": "x"}"#).is_ok());
    }
}
