//! Input: raw bytes of one document and the sniffing that tells its format.
//!
//! The format is decided by content first (PDF magic, HTML markup) and by the file
//! extension only when the content does not say, so a PDF saved as `.html` is read as PDF.

use std::path::Path;

/// The three input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    Pdf,
}

impl Format {
    /// The name used in `source.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Tells the format of a document from its first bytes, falling back to its file name.
pub fn sniff_format(bytes: &[u8], path: Option<&Path>) -> Format {
    let head = &bytes[..bytes.len().min(2048)];
    let trimmed = trim_leading_noise(head);
    if trimmed.starts_with(b"%PDF-")
        || memchr::memmem::find(&head[..head.len().min(1024)], b"%PDF-").is_some()
    {
        return Format::Pdf;
    }
    if looks_like_html(trimmed) {
        return Format::Html;
    }
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("pdf") if bytes.is_empty() => Format::Pdf,
        Some("html" | "htm" | "xhtml") if bytes.is_empty() => Format::Html,
        _ => Format::Text,
    }
}

/// Whether a file name looks like an input papersift reads (used when walking folders).
pub fn has_input_extension(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml" | "pdf")
    )
}

fn trim_leading_noise(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn looks_like_html(head: &[u8]) -> bool {
    const OPENERS: [&[u8]; 6] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<?xml",
        b"<meta",
        b"<!--",
    ];
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    if OPENERS.iter().any(|o| lower.starts_with(o)) {
        return memchr::memmem::find(&lower, b"<html").is_some()
            || memchr::memmem::find(&lower, b"<head").is_some()
            || memchr::memmem::find(&lower, b"<meta").is_some()
            || lower.starts_with(b"<!doctype html")
            || lower.starts_with(b"<html");
    }
    // A body fragment: starts with a tag of the usual block elements.
    const FRAGMENTS: [&[u8]; 6] = [
        b"<div",
        b"<body",
        b"<article",
        b"<section",
        b"<p>",
        b"<table",
    ];
    FRAGMENTS.iter().any(|o| lower.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_before_extension() {
        let cases: &[(&[u8], &str, Format)] = &[
            (b"%PDF-1.7\n...", "a.html", Format::Pdf),
            (b"\n\n<!DOCTYPE html><html>", "a.txt", Format::Html),
            (
                b"<div class=\"page\"><p>x</p></div>",
                "a.html",
                Format::Html,
            ),
            (b"Skip to main content\nTitle", "a.html", Format::Text),
            (b"", "a.pdf", Format::Pdf),
            (b"", "a.txt", Format::Text),
            (b"# Heading\n", "a.md", Format::Text),
        ];
        for (bytes, name, want) in cases {
            assert_eq!(sniff_format(bytes, Some(Path::new(name))), *want, "{name}");
        }
    }
}
