//! PDF decoding with `lopdf`: text rebuilt in reading order from text positions.
//!
//! [`decode_pdf`] parses the file once, then per page runs the content stream through
//! [`content`] (fonts from [`fonts`], cached per document) to get positioned words, and
//! [`layout`] to get lines in reading order. Running headers and footers (the same text at
//! the same place on most pages) are dropped, and words hyphenated across a line end are
//! rejoined when the PDF was typeset (browser prints only break at real hyphens). Pages are
//! written like `pdftotext` does: each line ends with `\n`, each page with `\f`. The Info
//! dictionary and XMP packet give the document title and a few meta tags.

pub mod content;
pub mod fonts;
pub mod layout;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use lopdf::{Document as PdfDocument, Object, ObjectId};

use self::content::{FontCache, page_words};
use self::layout::{Line, build_lines};
use super::{DecodeError, Document, Limits, SourceMeta};
use crate::record::Problem;

/// Most bytes one page's content streams may inflate to.
const MAX_PAGE_CONTENT_BYTES: usize = 64 * 1024 * 1024;
/// Share of the page height at the top and bottom where running headers and footers sit.
const MARGIN_SHARE: f32 = 0.12;
/// A header or footer repeats on at least this share of pages (and on three or more).
const REPEAT_SHARE: f32 = 0.4;

/// Decodes a PDF.
pub fn decode_pdf(bytes: &[u8], limits: &Limits) -> Result<Document, DecodeError> {
    let started = Instant::now();
    match catch_unwind(AssertUnwindSafe(|| {
        decode_unguarded(bytes, limits, started)
    })) {
        Ok(result) => result,
        Err(panic) => {
            let reason = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the parser failed".to_owned());
            Err(DecodeError::CorruptPdf(reason))
        }
    }
}

fn decode_unguarded(
    bytes: &[u8],
    limits: &Limits,
    started: Instant,
) -> Result<Document, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let doc = PdfDocument::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => DecodeError::Encrypted,
        other => DecodeError::CorruptPdf(other.to_string()),
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(DecodeError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(DecodeError::CorruptPdf(
            "the document has no pages".to_owned(),
        ));
    }
    let mut warnings = Vec::new();
    if pages.len() > limits.max_pdf_pages {
        warnings.push(Problem::new(
            "decode",
            "page_limit",
            format!(
                "read the first {} of {} pages",
                limits.max_pdf_pages,
                pages.len()
            ),
        ));
    }
    let meta = source_meta(&doc);
    let typeset = !is_browser_print(&doc);
    let mut fonts = FontCache::default();
    let mut page_lines: Vec<(Vec<Line>, f32)> = Vec::new();
    for &page_id in pages.values().take(limits.max_pdf_pages) {
        if started.elapsed().as_secs_f64() > limits.max_seconds {
            return Err(DecodeError::Timeout(limits.max_seconds));
        }
        let Ok(content) = doc.get_page_content_with_limit(page_id, MAX_PAGE_CONTENT_BYTES) else {
            warnings.push(Problem::new(
                "decode",
                "page_content",
                "a page's content could not be read",
            ));
            page_lines.push((Vec::new(), 792.0));
            continue;
        };
        let words = page_words(&doc, page_id, &content, &mut fonts);
        page_lines.push((build_lines(&words), page_height(&doc, page_id)));
    }
    drop_running_lines(&mut page_lines);
    let mut text = String::new();
    for (lines, _) in &mut page_lines {
        if typeset {
            rejoin_hyphenated(lines);
        }
        for line in lines.iter() {
            if !line.text.is_empty() {
                text.push_str(&line.text);
                text.push('\n');
            }
        }
        text.push('\u{c}');
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err(DecodeError::NoText);
    }
    Ok(Document {
        text,
        meta,
        warnings,
    })
}

/// Chromium and other browsers write Skia; they never hyphenate words themselves.
fn is_browser_print(doc: &PdfDocument) -> bool {
    let info = info_string(doc, b"Producer").unwrap_or_default()
        + &info_string(doc, b"Creator").unwrap_or_default();
    [
        "Skia",
        "Chrome",
        "Chromium",
        "Mozilla",
        "WebKit",
        "wkhtmltopdf",
    ]
    .iter()
    .any(|p| info.contains(p))
}

fn page_height(doc: &PdfDocument, page_id: ObjectId) -> f32 {
    let mut id = page_id;
    for _ in 0..32 {
        let Ok(dict) = doc.get_dictionary(id) else {
            break;
        };
        if let Some(b) =
            fonts::deref(doc, dict.get(b"MediaBox").ok()).and_then(|o| o.as_array().ok())
            && b.len() == 4
        {
            let n = |i: usize| {
                fonts::deref(doc, b.get(i))
                    .and_then(|o| o.as_float().ok())
                    .unwrap_or(0.0)
            };
            return (n(3) - n(1)).abs().max(1.0);
        }
        match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(parent) => id = parent,
            Err(_) => break,
        }
    }
    792.0
}

/// Lines in the top or bottom margin whose text (digits aside) repeats at the same height on
/// many pages are running headers, footers or page numbers.
fn drop_running_lines(pages: &mut [(Vec<Line>, f32)]) {
    if pages.len() < 3 {
        return;
    }
    let key = |line: &Line, height: f32| -> Option<(String, i32)> {
        let y = line.y.rem_euclid(height);
        if y > height * MARGIN_SHARE && y < height * (1.0 - MARGIN_SHARE) {
            return None;
        }
        let text: String = line
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if c.is_ascii_digit() {
                    '#'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Some((text, (y / 4.0).round() as i32))
    };
    let mut counts: HashMap<(String, i32), usize> = HashMap::new();
    for (lines, height) in pages.iter() {
        let mut seen: Vec<(String, i32)> = lines.iter().filter_map(|l| key(l, *height)).collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let needed = ((pages.len() as f32 * REPEAT_SHARE).ceil() as usize).max(3);
    for (lines, height) in pages.iter_mut() {
        let h = *height;
        lines.retain(|l| key(l, h).is_none_or(|k| counts.get(&k).copied().unwrap_or(0) < needed));
    }
}

/// Rejoins a word split by a hyphen at a line end when the next line of the same block goes
/// on in lower case: the rest of the word moves up, so lines stay lines.
fn rejoin_hyphenated(lines: &mut [Line]) {
    for i in 0..lines.len().saturating_sub(1) {
        if lines[i].block != lines[i + 1].block {
            continue;
        }
        let text = &lines[i].text;
        let Some(stem) = text
            .strip_suffix('-')
            .or_else(|| text.strip_suffix('\u{AD}'))
        else {
            continue;
        };
        let broken_word = stem.chars().rev().take(2).all(char::is_lowercase);
        let next = &lines[i + 1].text;
        if !broken_word || !next.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let split = next.find(' ').unwrap_or(next.len());
        let (rest, remainder) = next.split_at(split);
        let joined = format!("{stem}{rest}");
        let remainder = remainder.trim_start().to_owned();
        lines[i].text = joined;
        lines[i + 1].text = remainder;
    }
}

fn info_string(doc: &PdfDocument, key: &[u8]) -> Option<String> {
    let info = fonts::deref(doc, doc.trailer.get(b"Info").ok())?
        .as_dict()
        .ok()?;
    let value = fonts::deref(doc, info.get(key).ok())?;
    let text = lopdf::decode_text_string(value).ok()?;
    let text = text.trim().replace('\0', "");
    (!text.is_empty()).then_some(text)
}

/// The Info dictionary's title, subject, keywords and author, and the XMP packet's
/// `dc:title` and `prism:doi`.
fn source_meta(doc: &PdfDocument) -> SourceMeta {
    let mut meta = SourceMeta {
        document_title: info_string(doc, b"Title"),
        ..SourceMeta::default()
    };
    for (key, tag) in [
        (&b"Subject"[..], "pdf.subject"),
        (b"Keywords", "pdf.keywords"),
        (b"Author", "pdf.author"),
    ] {
        if let Some(value) = info_string(doc, key) {
            meta.tags.push((tag.to_owned(), value));
        }
    }
    if let Some(xmp) = xmp_packet(doc) {
        if let Some(title) = xmp_value(&xmp, "dc:title") {
            meta.tags.push(("dc.title".to_owned(), title));
        }
        if let Some(doi) = xmp_value(&xmp, "prism:doi") {
            meta.tags.push(("prism.doi".to_owned(), doi));
        }
    }
    meta
}

fn xmp_packet(doc: &PdfDocument) -> Option<String> {
    let catalog = doc.catalog().ok()?;
    let stream = fonts::deref(doc, catalog.get(b"Metadata").ok())?
        .as_stream()
        .ok()?;
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The text of an XMP property, written as an element (with an `rdf:Alt`/`rdf:Seq` list or
/// plain text inside) or as an attribute.
fn xmp_value(xmp: &str, property: &str) -> Option<String> {
    let open = format!("<{property}");
    if let Some(start) = xmp.find(&open) {
        let after = &xmp[start + open.len()..];
        if after.starts_with('>') || after.starts_with(' ') {
            let close = format!("</{property}>");
            let body_start = after.find('>')? + 1;
            let body = &after[body_start..after.find(&close).unwrap_or(after.len())];
            let inner = match body.find("<rdf:li") {
                Some(li) => {
                    let li = &body[li..];
                    let text_start = li.find('>')? + 1;
                    &li[text_start..li.find("</rdf:li>").unwrap_or(li.len())]
                }
                None => body,
            };
            let value = unescape_xml(inner.trim());
            if !value.is_empty() && !value.contains('<') {
                return Some(value);
            }
        }
    }
    let attr = format!("{property}=\"");
    let start = xmp.find(&attr)? + attr.len();
    let end = xmp[start..].find('"')? + start;
    let value = unescape_xml(xmp[start..end].trim());
    (!value.is_empty()).then_some(value)
}

fn unescape_xml(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
