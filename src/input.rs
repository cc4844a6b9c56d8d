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

fn parse_record(line: &str) -> std::result::Result<Document, String> {
    let rec: Record = serde_json::from_str(line).map_err(|e| {
        let what = if line.starts_with('{') {
            "a JSON object with \"id\" and \"text\""
        } else {
            "a JSON object"
        };
        format!("expected {what}: {e}")
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

/// A plain-text article from bytes: the id is `name`; invalid UTF-8 is an error naming
/// the byte offset.
///
/// ```
/// use newsgraph::input::text_document;
/// assert!(text_document("a.txt", b"Mali acted.").is_ok());
/// let e = text_document("b.txt", b"Mali \xff acted.").unwrap_err();
/// assert_eq!(e.to_string(), "b.txt:1: invalid UTF-8 at byte 5");
/// ```
pub fn text_document(name: &str, bytes: &[u8]) -> Result<Document> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Document::new(name, s)),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(Error::Input {
                input: name.to_string(),
                line,
                message: format!("invalid UTF-8 at byte {at}"),
            })
        }
    }
}
