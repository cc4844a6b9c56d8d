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
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.err(format!("read error: {e}"))));
                }
            }
            let Ok(line) = std::str::from_utf8(&self.buf) else {
                let e = std::str::from_utf8(&self.buf).unwrap_err();
                return Some(Err(self.err(format!(
                    "invalid UTF-8 at byte {} of the line",
                    e.valid_up_to()
                ))));
            };
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            return Some(parse_record(line).map_err(|m| self.err(m)));
        }
    }
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
