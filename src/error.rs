//! The one error type of the crate.

use std::path::PathBuf;

/// What can go wrong when building an extractor, reading input or writing output.
///
/// Extracting from text never fails; errors come from bad lexicon or pattern files,
/// from I/O and from exports.
///
/// ```
/// use newsgraph::Error;
/// let e = Error::Data { file: "my.tsv".into(), line: 3, message: "unknown relation kind \"friendship\"".into() };
/// assert_eq!(e.to_string(), "my.tsv:3: unknown relation kind \"friendship\"");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon or pattern file has a bad entry.
    #[error("{file}:{line}: {message}")]
    Data {
        /// The file (or the name of a built-in data file).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What was expected and what was found.
        message: String,
    },
    /// An input record could not be read (bad UTF-8, a broken JSON line, a bad field).
    #[error("{input}:{line}: {message}")]
    Input {
        /// The input (a file name, or `-` for standard input).
        input: String,
        /// 1-based line number (0 when the whole input is meant).
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// An RDF, SPARQL or store operation failed.
    #[error("rdf: {0}")]
    Rdf(String),
    /// A JSON document could not be read or written.
    #[error("json: {0}")]
    Json(String),
    /// An argument was not acceptable (a format, a query).
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// An I/O error on a path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
