//! Decode: bytes of one format into a [`Document`] of plain text plus the metadata the
//! source carries outside its visible text (HTML meta tags and JSON-LD, PDF info).
//!
//! Every format ends as text with `\n` between lines and `\f` between pages, so the later
//! stages (clean, segment, extract) are shared by all three formats. HTML is written as
//! light Markdown (`#` headings, `•` list items, one block per line) so that structure the
//! markup gives survives into the text.

pub mod html;
pub mod pdf;
pub mod text;

use crate::input::Format;
use crate::record::Problem;

/// Limits applied to one document; over a limit the document fails with a clear reason.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_bytes: u64,
    /// Most PDF pages read.
    pub max_pdf_pages: usize,
    /// Deepest HTML element nesting walked.
    pub max_html_depth: usize,
    /// Wall time for one document, checked cooperatively between stages and pages.
    pub max_seconds: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_pdf_pages: 200,
            max_html_depth: 512,
            max_seconds: 30.0,
        }
    }
}

/// A decoded document: the text every later stage reads, and out-of-band metadata.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Lines separated by `\n`, pages by `\f`.
    pub text: String,
    /// Metadata that is not part of the visible text.
    pub meta: SourceMeta,
    /// Problems met while decoding that did not stop it.
    pub warnings: Vec<Problem>,
}

/// Metadata a source carries outside its visible text.
#[derive(Debug, Clone, Default)]
pub struct SourceMeta {
    /// `<meta name|property=... content=...>` pairs in page order; names lower-cased.
    pub tags: Vec<(String, String)>,
    /// Parsed `<script type="application/ld+json">` blocks.
    pub json_ld: Vec<serde_json::Value>,
    /// The `<title>` of an HTML page, or the PDF info dictionary's title.
    pub document_title: Option<String>,
    /// The page's canonical URL, where it declares one.
    pub canonical_url: Option<String>,
    /// The article's own citation data as the visible page marks it up (microdata,
    /// class / id / `data-test` tokens), in page order.
    pub dom: Vec<DomValue>,
}

/// One value the visible DOM marks as the article's own citation data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomValue {
    /// The record field it is for (`journal.title`, `volume`, `pages`, `locator`, ...).
    pub field: &'static str,
    /// The cue that marked it (`itemprop:volumeNumber`, `class:slug-vol`), for provenance.
    pub cue: &'static str,
    /// Its text, whitespace folded.
    pub value: String,
}

impl SourceMeta {
    /// The first non-empty value of a meta tag (name compared lower-case).
    pub fn first(&self, name: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// Every non-empty value of a meta tag, in page order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.tags
            .iter()
            .filter(move |(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// Why a document could not be decoded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("the file holds binary data, not text")]
    Binary,
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the PDF could not be parsed: {0}")]
    CorruptPdf(String),
    #[error("the PDF has no extractable text (image-only or empty pages)")]
    NoText,
    #[error("the HTML nests deeper than {0} elements")]
    TooDeep(usize),
    #[error("took longer than the limit of {0} seconds")]
    Timeout(f64),
}

impl DecodeError {
    /// A stable code for the record's `errors` list.
    pub fn code(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::Binary => "binary",
            DecodeError::Encrypted => "encrypted",
            DecodeError::CorruptPdf(_) => "corrupt_pdf",
            DecodeError::NoText => "no_text",
            DecodeError::TooDeep(_) => "too_deep",
            DecodeError::Timeout(_) => "timeout",
        }
    }
}

/// A line's text as running headers and footers repeat it from page to page: without
/// spaces, lower-cased, each digit as `#` (page numbers and dates change).
pub(crate) fn running_line_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Decodes bytes of a known format.
pub fn decode(bytes: &[u8], format: Format, limits: &Limits) -> Result<Document, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    match format {
        Format::Text => text::decode_text(bytes),
        Format::Html => html::decode_html(bytes, limits),
        Format::Pdf => pdf::decode_pdf(bytes, limits),
    }
}
