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
pub mod font_program;
pub mod fonts;
pub mod layout;
pub mod lexer;
pub mod links;

use std::collections::{HashMap, HashSet};
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
/// A header or footer repeats on at least this share of pages (and on two or more; running
/// heads often alternate between even and odd pages).
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
    let options = lopdf::LoadOptions {
        filter: Some(skip_unneeded_object),
        ..lopdf::LoadOptions::default()
    };
    let doc = PdfDocument::load_mem_with_options(bytes, options).map_err(|e| match e {
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
        let mut words = page_words(&doc, page_id, &content, &mut fonts);
        links::attach_doi_links(&mut words, &links::page_doi_links(&doc, page_id));
        let height = page_height(&doc, page_id);
        let mut lines = build_lines(&words);
        // Turned text comes after the page's lines, one line per run, away from the margins
        // that running-head detection looks at.
        let block = lines.last().map_or(0, |l| l.block + 1);
        for (k, run) in words.rotated.iter().enumerate() {
            let text = run.trim();
            if text.chars().any(char::is_alphanumeric) {
                lines.push(Line {
                    text: text.to_owned(),
                    x0: 0.0,
                    x1: 0.0,
                    y: height / 2.0,
                    size: 0.0,
                    block: block + k,
                });
            }
        }
        page_lines.push((lines, height));
    }
    drop_running_lines(&mut page_lines);
    let vocabulary = if typeset {
        document_vocabulary(&page_lines)
    } else {
        HashSet::new()
    };
    let mut text = String::new();
    for (lines, _) in &mut page_lines {
        rejoin_broken_links(lines);
        if typeset {
            rejoin_hyphenated(lines, &vocabulary);
        }
        let mut previous: Option<&Line> = None;
        for line in lines.iter() {
            if line.text.is_empty() {
                continue;
            }
            if previous.is_some_and(|p| starts_paragraph(p, line)) {
                text.push('\n');
            }
            text.push_str(&line.text);
            text.push('\n');
            previous = Some(line);
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

/// Drops objects text extraction never reads (the structure tree of tagged PDFs,
/// annotations other than links to a DOI) as they are loaded, so they cost no memory or teardown.
fn skip_unneeded_object(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Dictionary(dict) = object
        && let Ok(kind) = dict.get(b"Type").and_then(Object::as_name)
        && (matches!(kind, b"StructElem" | b"MCR" | b"OBJR")
            || kind == b"Annot" && !links::may_link_to_doi(dict))
    {
        return None;
    }
    // lopdf keeps its own copy of top-level objects and takes the returned one only for
    // members of object streams, which are direct objects and so never streams: a stream
    // (page contents, fonts, images: most of the file) need not be copied.
    if matches!(object, Object::Stream(_)) {
        return Some((id, Object::Null));
    }
    Some((id, object.clone()))
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
        Some((
            super::running_line_key(&line.text),
            (y / 4.0).round() as i32,
        ))
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
    let needed = ((pages.len() as f32 * REPEAT_SHARE).ceil() as usize).max(2);
    for (index, (lines, height)) in pages.iter_mut().enumerate() {
        let h = *height;
        lines.retain(|l| {
            let running = key(l, h).is_some_and(|k| counts.get(&k).copied().unwrap_or(0) >= needed);
            // The first page's running head that cites the article ("Lindqvist et al.
            // Trials (2015) 16:50") is its journal line.
            !running || (index == 0 && crate::extract::locator::parse_locator(&l.text).is_some())
        });
    }
}

/// The words of a document, lower-cased and stripped of surrounding punctuation, for
/// telling broken words from hyphenated compounds.
fn document_vocabulary(pages: &[(Vec<Line>, f32)]) -> HashSet<String> {
    let has_candidates = pages
        .iter()
        .flat_map(|(lines, _)| lines)
        .any(|l| l.text.ends_with('-'));
    if !has_candidates {
        return HashSet::new();
    }
    pages
        .iter()
        .flat_map(|(lines, _)| lines)
        .flat_map(|l| l.text.split_whitespace())
        .map(word_core)
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

fn word_core(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// Rejoins a word split by a hyphen at a line end when the next line of the same block goes
/// on in lower case: the rest of the word moves up, so lines stay lines. The hyphen stays
/// when the document spells the word with it elsewhere and never without ("odorant-binding").
fn rejoin_hyphenated(lines: &mut [Line], vocabulary: &HashSet<String>) {
    for i in 0..lines.len().saturating_sub(1) {
        if lines[i].block != lines[i + 1].block {
            continue;
        }
        let text = &lines[i].text;
        let soft = text.ends_with('\u{AD}');
        let Some(stem) = text
            .strip_suffix('-')
            .or_else(|| text.strip_suffix('\u{AD}'))
        else {
            continue;
        };
        let broken_word = stem.chars().rev().take(2).all(char::is_lowercase);
        let next = &lines[i + 1].text;
        let Some(first) = next.chars().next().filter(|c| c.is_alphanumeric()) else {
            continue;
        };
        let split = next.find(' ').unwrap_or(next.len());
        let (rest, remainder) = next.split_at(split);
        let stem_word = stem.rsplit(' ').next().map(word_core).unwrap_or_default();
        let rest_word = word_core(rest);
        let compound = !soft
            && vocabulary.contains(&format!("{stem_word}-{rest_word}").to_lowercase())
            && !vocabulary.contains(&format!("{stem_word}{rest_word}").to_lowercase());
        let joined = if compound {
            format!("{stem}-{rest}")
        } else if broken_word && first.is_lowercase() {
            format!("{stem}{rest}")
        } else {
            continue;
        };
        let remainder = remainder.trim_start().to_owned();
        lines[i].text = joined;
        lines[i + 1].text = remainder;
    }
}

/// Whether a blank line goes between two lines that follow each other, as `pdftotext`
/// sets a title or big heading apart: their font sizes differ by more than
/// [`HEADING_SIZE_STEP`], and neither is a stray few characters (a superscript or label
/// left on a line of its own).
fn starts_paragraph(previous: &Line, line: &Line) -> bool {
    let (small, large) = (previous.size.min(line.size), previous.size.max(line.size));
    let substantial = |l: &Line| l.text.chars().nth(HEADING_MIN_CHARS - 1).is_some();
    small > 0.0 && large > small * HEADING_SIZE_STEP && substantial(previous) && substantial(line)
}

/// The ratio of font sizes beyond which two lines are a heading and its neighbour.
const HEADING_SIZE_STEP: f32 = 1.6;
/// The fewest characters of a line set apart from a heading.
const HEADING_MIN_CHARS: usize = 5;

/// How a web address or DOI starts (lower case), after any opening bracket.
const LINK_PREFIXES: &[&str] = &["http://", "https://", "www.", "doi:", "doi.org/"];

/// Whether a word is a web address or a DOI ("https://…", "doi:10.1/x", "10.1038/x").
fn is_link(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '[', '<', '"', '\'']);
    let starts_with = |prefix: &str| {
        word.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if LINK_PREFIXES.iter().any(|p| starts_with(p)) {
        return true;
    }
    let Some(registrant) = word.strip_prefix("10.") else {
        return false;
    };
    let digits = registrant.bytes().take_while(u8::is_ascii_digit).count();
    digits >= 4 && registrant.as_bytes().get(digits) == Some(&b'/')
}

/// Puts back together a web address or DOI broken after one of its hyphens at a line end
/// (browsers break long words only there; `https://doi.org/10.1/ab-` over `12-3`): the rest
/// moves up to the line, hyphen kept, so the address reads whole.
fn rejoin_broken_links(lines: &mut [Line]) {
    for i in 0..lines.len().saturating_sub(1) {
        if lines[i].block != lines[i + 1].block || !lines[i].text.ends_with('-') {
            continue;
        }
        let last_word = lines[i].text.rsplit(' ').next().unwrap_or_default();
        let next = &lines[i + 1].text;
        if !is_link(last_word) || !next.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let (rest, remainder) = next.split_at(next.find(' ').unwrap_or(next.len()));
        let (rest, remainder) = (rest.to_owned(), remainder.trim_start().to_owned());
        lines[i].text.push_str(&rest);
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
        document_title: info_string(doc, b"Title").filter(|t| !is_placeholder_title(t)),
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
        if let Some(title) = xmp_value(&xmp, "dc:title").filter(|t| !is_placeholder_title(t)) {
            // The article's title is read from the text; a browser print's metadata title
            // is the page's <title>, with the site's name around it.
            meta.tags.push(("pdf.title".to_owned(), title));
        }
        if let Some(doi) = xmp_value(&xmp, "prism:doi") {
            meta.tags.push(("prism.doi".to_owned(), doi));
        }
    }
    // Springer, BioMed Central and Elsevier write the article's citation line into the
    // Info subject ("Invented Trials 2015, 16:50. doi:10.5555/…"): its DOI is the article's own.
    if meta.first("prism.doi").is_none()
        && let Some(doi) = meta.first("pdf.subject").and_then(subject_doi)
    {
        meta.tags.push(("prism.doi".to_owned(), doi));
    }
    meta
}

/// The longest Info subject read as a citation line; longer ones are abstracts, whose DOIs
/// are other works'.
const MAX_CITATION_SUBJECT: usize = 300;

/// The DOI a citation-line subject gives after `doi:` or a resolver's host.
fn subject_doi(subject: &str) -> Option<String> {
    if subject.len() > MAX_CITATION_SUBJECT {
        return None;
    }
    let lower = subject.to_ascii_lowercase();
    let at = ["doi:", "doi.org/"]
        .iter()
        .filter_map(|cue| lower.find(cue).map(|i| i + cue.len()))
        .min()?;
    let doi = subject[at..].split_whitespace().next()?;
    let doi = doi.trim_end_matches(['.', ',', ';', ')']);
    let (prefix, suffix) = doi.split_once('/')?;
    let registrant = prefix.strip_prefix("10.")?;
    let valid = registrant.len() >= 4
        && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !suffix.is_empty();
    valid.then(|| doi.to_owned())
}

/// Titles that authoring tools write instead of the document's title.
const PLACEHOLDER_TITLE_PREFIXES: &[&str] =
    &["microsoft word - ", "microsoft powerpoint - ", "untitled"];
const PLACEHOLDER_TITLES: &[&str] = &[
    "title",
    "document",
    "article",
    "paper",
    "manuscript",
    "no title",
];
const PLACEHOLDER_TITLE_SUFFIXES: &[&str] = &[
    ".doc", ".docx", ".pdf", ".tex", ".dvi", ".indd", ".qxd", ".rtf", ".eps",
];

fn is_placeholder_title(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    lower.len() < 4
        || PLACEHOLDER_TITLES.contains(&lower.as_str())
        || PLACEHOLDER_TITLE_PREFIXES
            .iter()
            .any(|p| lower.starts_with(p))
        || PLACEHOLDER_TITLE_SUFFIXES
            .iter()
            .any(|s| lower.ends_with(s))
}

/// Some producers write a PDF string's escapes into XMP: `\\376\\377\\000T...` is UTF-16BE.
fn decode_octal_utf16(text: &str) -> Option<String> {
    if !text.starts_with("\\376\\377") {
        return None;
    }
    let mut bytes = Vec::new();
    let raw = text.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'\\'
            && i + 3 < raw.len()
            && raw[i + 1..i + 4].iter().all(|b| (b'0'..=b'7').contains(b))
        {
            let v = raw[i + 1..i + 4]
                .iter()
                .fold(0u32, |acc, b| acc * 8 + u32::from(b - b'0'));
            bytes.push(v as u8);
            i += 4;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    Some(String::from_utf16_lossy(&units))
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
    let text = decode_octal_utf16(text).unwrap_or_else(|| text.to_owned());
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{Stream, dictionary};

    fn op(operator: &str, operands: Vec<Object>) -> Operation {
        Operation::new(operator, operands)
    }

    fn text_op(text: &[u8]) -> Operation {
        op("Tj", vec![Object::string_literal(text.to_vec())])
    }

    /// A two-page PDF: plain lines, a ligature mapped by ToUnicode, a superscript.
    fn sample_pdf() -> Vec<u8> {
        save(&mut sample_document())
    }

    fn save(doc: &mut PdfDocument) -> Vec<u8> {
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saving to memory");
        bytes
    }

    fn sample_document() -> PdfDocument {
        let mut doc = PdfDocument::with_version("1.5");
        doc.trailer.set(
            "ID",
            Object::Array(vec![
                Object::string_literal(b"0123456789abcdef".to_vec()),
                Object::string_literal(b"fedcba9876543210".to_vec()),
            ]),
        );
        let pages_id = doc.new_object_id();
        let plain = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
        });
        let cmap = doc.add_object(Stream::new(
            dictionary! {},
            b"1 beginbfchar\n<01> <FB01>\nendbfchar\n".to_vec(),
        ));
        let ligatures = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => cmap,
        });
        // A Form XObject drawing its own text, moved down 100 units by its matrix.
        let form_content = Content {
            operations: vec![
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 12.into()]),
                op("Td", vec![72.into(), 760.into()]),
                text_op(b"From a form"),
                op("ET", vec![]),
            ],
        };
        let form = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), Object::Integer(-100)],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => plain } },
            },
            form_content.encode().unwrap_or_default(),
        ));
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => plain, "F2" => ligatures },
            "XObject" => dictionary! { "X1" => form },
        });
        let first = Content {
            operations: vec![
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 12.into()]),
                op("Td", vec![72.into(), 700.into()]),
                text_op(b"Hello world"),
                op("ET", vec![]),
                op("BT", vec![]),
                op("Tf", vec!["F2".into(), 12.into()]),
                op("Td", vec![72.into(), 680.into()]),
                text_op(b"\x01"),
                op("Tf", vec!["F1".into(), 12.into()]),
                text_op(b"sh and chips"),
                op("ET", vec![]),
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 12.into()]),
                op("Td", vec![72.into(), 660.into()]),
                text_op(b"Mei Lin"),
                op("Tf", vec!["F1".into(), 7.into()]),
                op("Ts", vec![5.into()]),
                text_op(b"1"),
                op("ET", vec![]),
                // A stamp turned 90 degrees in the left margin.
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 10.into()]),
                op(
                    "Tm",
                    vec![
                        0.into(),
                        1.into(),
                        Object::Integer(-1),
                        0.into(),
                        30.into(),
                        300.into(),
                    ],
                ),
                text_op(b"arXiv:1234.5678v1"),
                op("ET", vec![]),
                // A synthetic italic: glyphs slanted by the text matrix, still one line
                // read in its place, not with turned text.
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 1.into()]),
                op("Ts", vec![0.into()]),
                op(
                    "Tm",
                    vec![
                        12.into(),
                        0.into(),
                        Object::Real(2.5),
                        12.into(),
                        72.into(),
                        620.into(),
                    ],
                ),
                text_op(b"Slanted words"),
                op("ET", vec![]),
            ],
        };
        let second = Content {
            operations: vec![
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 12.into()]),
                op("Td", vec![72.into(), 700.into()]),
                text_op(b"Page two"),
                op("ET", vec![]),
                // A dieresis drawn back over the "u" (WinAnsi 0xA8) makes one letter.
                op("BT", vec![]),
                op("Tf", vec!["F1".into(), 12.into()]),
                op("Td", vec![72.into(), 680.into()]),
                op(
                    "TJ",
                    vec![Object::Array(vec![
                        Object::string_literal(b"Gu".to_vec()),
                        550.into(),
                        Object::string_literal(b"\xA8nter".to_vec()),
                    ])],
                ),
                op("ET", vec![]),
                op("q", vec![]),
                op("Do", vec!["X1".into()]),
                op("Q", vec![]),
            ],
        };
        let mut kids = Vec::new();
        for content in [first, second] {
            let stream = doc.add_object(Stream::new(
                dictionary! {},
                content.encode().unwrap_or_default(),
            ));
            kids.push(Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
            })));
        }
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => 2,
                "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        let info = doc.add_object(dictionary! {
            "Title" => Object::string_literal("A test title"), "Author" => Object::string_literal("Mei Lin"),
        });
        doc.trailer.set("Root", catalog);
        doc.trailer.set("Info", info);
        doc
    }

    fn encrypted_pdf(user_password: &str) -> Vec<u8> {
        let mut doc = sample_document();
        let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password,
            key_length: 128,
            permissions: lopdf::Permissions::all(),
        })
        .expect("encryption state");
        doc.encrypt(&state).expect("encrypts");
        save(&mut doc)
    }

    #[test]
    fn encrypted_pdfs_open_with_an_empty_password_or_fail_clearly() {
        let open =
            decode_pdf(&encrypted_pdf(""), &Limits::default()).expect("empty user password opens");
        assert!(open.text.starts_with("Hello world\n"), "{:?}", open.text);
        assert_eq!(
            decode_pdf(&encrypted_pdf("secret"), &Limits::default()).err(),
            Some(DecodeError::Encrypted)
        );
    }

    #[test]
    fn decodes_built_pdf() {
        let doc = decode_pdf(&sample_pdf(), &Limits::default()).expect("decodes");
        assert_eq!(
            doc.text,
            "Hello world\nfish and chips\nMei Lin1\nSlanted words\narXiv:1234.5678v1\n\u{c}Page two\nG\u{FC}nter\nFrom a form\n\u{c}"
        );
        assert_eq!(doc.meta.document_title.as_deref(), Some("A test title"));
        assert_eq!(doc.meta.first("pdf.author"), Some("Mei Lin"));
        assert!(doc.warnings.is_empty());
    }

    #[test]
    fn page_limit_reads_first_pages_and_warns() {
        let limits = Limits {
            max_pdf_pages: 1,
            ..Limits::default()
        };
        let doc = decode_pdf(&sample_pdf(), &limits).expect("decodes");
        assert_eq!(
            doc.text,
            "Hello world\nfish and chips\nMei Lin1\nSlanted words\narXiv:1234.5678v1\n\u{c}"
        );
        assert_eq!(doc.warnings.len(), 1);
        assert_eq!(doc.warnings[0].code, "page_limit");
    }

    #[test]
    fn reads_the_doi_of_a_citation_line_subject() {
        let long = format!(
            "An abstract citing doi:10.1000/other.1 {}",
            "words ".repeat(60)
        );
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Journal of Invented Outcomes 2010 4:1. doi:10.5555/1234-5678-4-1",
                Some("10.5555/1234-5678-4-1"),
            ),
            (
                "2015, :. doi:10.5555/s12345-015-0000-7",
                Some("10.5555/s12345-015-0000-7"),
            ),
            (
                "Inv. Sens. B 191 (2014) 1-9. https://doi.org/10.5555/j.inv.2013.09.077.",
                Some("10.5555/j.inv.2013.09.077"),
            ),
            ("DOI: 10.5555/B000000G", Some("10.5555/B000000G")),
            ("A subject without one", None),
            ("doi:11.1000/abc", None),
            (&long, None),
        ];
        for (subject, want) in cases {
            assert_eq!(subject_doi(subject).as_deref(), *want, "{subject}");
        }
    }

    /// A one-page PDF showing `codes` in a Type0 Identity-H font over a CIDFont embedding
    /// `program` (TrueType, or a bare CFF font when `cff`), with the given ToUnicode and
    /// CIDToGIDMap streams.
    fn glyph_id_font_pdf(
        program: Vec<u8>,
        cff: bool,
        to_unicode: Option<&str>,
        cid_to_gid: Option<Vec<u8>>,
        codes: &[u16],
    ) -> Vec<u8> {
        let mut doc = PdfDocument::with_version("1.5");
        let pages_id = doc.new_object_id();
        let (file_key, file_dict, subtype) = if cff {
            let dict = dictionary! { "Subtype" => "CIDFontType0C" };
            ("FontFile3", dict, "CIDFontType0")
        } else {
            ("FontFile2", dictionary! {}, "CIDFontType2")
        };
        let file = doc.add_object(Stream::new(file_dict, program));
        let mut descriptor = dictionary! {
            "Type" => "FontDescriptor", "FontName" => "ABCDEF+font0001", "Flags" => 4,
        };
        descriptor.set(file_key, file);
        let descriptor = doc.add_object(descriptor);
        let mut cid_font = dictionary! {
            "Type" => "Font", "Subtype" => subtype, "BaseFont" => "ABCDEF+font0001",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"), "Supplement" => 0,
            },
            "FontDescriptor" => descriptor, "DW" => 500,
        };
        if let Some(map) = cid_to_gid {
            cid_font.set(
                "CIDToGIDMap",
                doc.add_object(Stream::new(dictionary! {}, map)),
            );
        }
        let cid_font = doc.add_object(cid_font);
        let mut font = dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+font0001",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![cid_font.into()],
        };
        if let Some(cmap) = to_unicode {
            let cmap = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
            font.set("ToUnicode", cmap);
        }
        let font = doc.add_object(font);
        let shown: Vec<u8> = codes.iter().flat_map(|c| c.to_be_bytes()).collect();
        one_line_pdf(doc, pages_id, font, shown)
    }

    /// Finishes `doc` as one page (the object `pages_id`) showing `shown` in `font`.
    fn one_line_pdf(
        mut doc: PdfDocument,
        pages_id: ObjectId,
        font: ObjectId,
        shown: Vec<u8>,
    ) -> Vec<u8> {
        let content = Content {
            operations: vec![
                op("BT", vec![]),
                op("Tf", vec!["G1".into(), 12.into()]),
                op("Td", vec![72.into(), 700.into()]),
                op(
                    "Tj",
                    vec![Object::String(shown, lopdf::StringFormat::Hexadecimal)],
                ),
                op("ET", vec![]),
            ],
        };
        let stream = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().unwrap_or_default(),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
                "Resources" => dictionary! { "Font" => dictionary! { "G1" => font } },
                "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        save(&mut doc)
    }

    #[test]
    fn type1_fonts_without_a_base_encoding_use_their_programs_builtin_one() {
        // Glyphs "a", "c", "space", "n", "f_i", "uni00E9" on codes 1 to 6 by the program's own
        // encoding; StandardEncoding, the guess without the program, has nothing there.
        let program = font_program::tiny_cff(
            &[66, 68, 1, 79, 391, 392],
            &["f_i", "uni00E9"],
            &[1, 2, 3, 4, 5, 6],
        );
        let differences = dictionary! {
            "Type" => "Encoding", "Differences" => vec![2.into(), "e".into()],
        };
        let base = dictionary! { "BaseEncoding" => "StandardEncoding" };
        let cases: &[(&str, Option<lopdf::Dictionary>, &str)] = &[
            ("no /Encoding", None, "an fin ca\u{E9}"),
            ("differences over it", Some(differences), "an fin ea\u{E9}"),
            ("a base encoding named", Some(base), ""),
        ];
        for (what, encoding, want) in cases {
            let mut doc = PdfDocument::with_version("1.5");
            let pages_id = doc.new_object_id();
            let file = doc.add_object(Stream::new(
                dictionary! { "Subtype" => "Type1C" },
                program.clone(),
            ));
            let descriptor = doc.add_object(dictionary! {
                "Type" => "FontDescriptor", "FontName" => "ABCDEF+Tiny", "Flags" => 32,
                "FontFile3" => file,
            });
            let mut font = dictionary! {
                "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Tiny",
                "FontDescriptor" => descriptor,
            };
            if let Some(encoding) = encoding {
                font.set("Encoding", encoding.clone());
            }
            let font = doc.add_object(font);
            let pdf = one_line_pdf(doc, pages_id, font, vec![1, 4, 3, 5, 4, 3, 2, 1, 6]);
            let text = decode_pdf(&pdf, &Limits::default()).map(|d| d.text);
            if want.is_empty() {
                assert_eq!(text.err(), Some(DecodeError::NoText), "{what}");
            } else {
                assert_eq!(text.ok(), Some(format!("{want}\n\u{c}")), "{what}");
            }
        }
    }

    #[test]
    fn glyph_id_fonts_take_their_text_from_the_font_program() {
        // Glyph ids of a subset that kept its parent font's order: letters from the cmap, a
        // ligature and an accented letter named only in `post`, and 0x102, which the font
        // does not know.
        let program = font_program::tiny_truetype(
            &[
                (0x20, 0xB6),
                (0x61, 0xB7),
                (0x63, 0xB9),
                (0x64, 0xBA),
                (0x65, 0xBB),
                (0x66, 0xBC),
                (0x6E, 0xC4),
            ],
            &[(0x100, "f_i"), (0x101, "uni00E9")],
            0x103,
        );
        let gids: [u16; 13] = [
            0xB7, 0xC4, 0xBA, 0xB6, 0x100, 0xC4, 0xBB, 0xB6, 0xB9, 0xB7, 0xBC, 0x101, 0x102,
        ];
        // Maps every code to itself as a code point ('a' would read U+00B7), bar one.
        let identity = "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             1 beginbfchar <0102> <0021> endbfchar\n\
             1 beginbfrange <0000> <FFFF> <0000> endbfrange\n";
        let upper = "8 beginbfchar <00B6> <0020> <00B7> <0041> <00B9> <0043> <00BA> <0044>\n\
             <00BB> <0045> <00BC> <0046> <00C4> <004E> <0100> <00460049> endbfchar\n\
             2 beginbfchar <0101> <00C9> <0102> <0021> endbfchar\n";
        let by_cid: Vec<u16> = (1..=gids.len() as u16).collect();
        let cid_map: Vec<u8> = std::iter::once(0)
            .chain(gids)
            .flat_map(u16::to_be_bytes)
            .collect();
        type Case<'a> = (
            &'a str,
            Option<&'a str>,
            Option<Vec<u8>>,
            &'a [u16],
            &'a str,
        );
        let cases: &[Case] = &[
            (
                "identity ToUnicode",
                Some(identity),
                None,
                &gids,
                "and fine caf\u{E9}!",
            ),
            ("no ToUnicode", None, None, &gids, "and fine caf\u{E9}"),
            (
                "empty ToUnicode",
                Some("begincmap endcmap"),
                None,
                &gids,
                "and fine caf\u{E9}",
            ),
            (
                "a real ToUnicode is kept",
                Some(upper),
                None,
                &gids,
                "AND FINE CAF\u{C9}!",
            ),
            (
                "through CIDToGIDMap",
                None,
                Some(cid_map),
                &by_cid,
                "and fine caf\u{E9}",
            ),
        ];
        for (what, to_unicode, map, codes, want) in cases {
            let pdf = glyph_id_font_pdf(program.clone(), false, *to_unicode, map.clone(), codes);
            let doc = decode_pdf(&pdf, &Limits::default()).expect(what);
            assert_eq!(doc.text, format!("{want}\n\u{c}"), "{what}");
        }
        // A bare CFF font that is not CID-keyed: CIDs are glyph ids, named by the charset
        // (standard strings "a", "c", "space", "n"; then "f_i" and "uni00E9").
        let cff = font_program::tiny_cff(&[66, 68, 1, 79, 391, 392], &["f_i", "uni00E9"], &[]);
        let codes: [u16; 10] = [1, 4, 3, 5, 4, 3, 2, 1, 6, 7];
        let pdf = glyph_id_font_pdf(cff, true, Some(identity), None, &codes);
        let doc = decode_pdf(&pdf, &Limits::default()).expect("decodes");
        assert_eq!(doc.text, "an fin ca\u{E9}\n\u{c}");
    }

    #[test]
    fn refuses_bad_bytes() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "corrupt_pdf"),
            (
                b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
                "corrupt_pdf",
            ),
            (b"not a pdf at all", "corrupt_pdf"),
        ];
        for (bytes, code) in cases {
            let got = decode_pdf(bytes, &Limits::default()).map(|d| d.text);
            assert_eq!(
                got.map_err(|e| e.code()),
                Err(*code),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn rejoins_only_broken_words() {
        let line = |text: &str, block: usize| Line {
            text: text.to_owned(),
            x0: 0.0,
            x1: 100.0,
            y: 0.0,
            size: 10.0,
            block,
        };
        type Case<'a> = (&'a [(&'a str, usize)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                &[("a hyphen-", 0), ("ated word here", 0)],
                &["a hyphenated", "word here"],
            ),
            (
                &[("ends in Anti-", 0), ("Body", 0)],
                &["ends in Anti-", "Body"],
            ),
            (
                &[("other block-", 0), ("ated", 1)],
                &["other block-", "ated"],
            ),
            (&[("a dash -", 0), ("next", 0)], &["a dash -", "next"]),
            (&[("one-", 0), ("word", 0)], &["oneword", ""]),
            (
                &[("the odorant-", 0), ("binding protein", 0)],
                &["the odorant-binding", "protein"],
            ),
            (&[("soft\u{AD}", 0), ("ware", 0)], &["software", ""]),
            (&[("in n-", 0), ("hexane and", 0)], &["in n-hexane", "and"]),
            (&[("in x-", 0), ("ray", 0)], &["in x-", "ray"]),
        ];
        let vocabulary: HashSet<String> = ["odorant-binding", "hyphen-ated", "n-hexane"]
            .into_iter()
            .map(String::from)
            .collect();
        let vocabulary = {
            let mut v = vocabulary;
            v.insert("hyphenated".to_owned());
            v
        };
        for (input, want) in cases {
            let mut lines: Vec<Line> = input.iter().map(|(t, b)| line(t, *b)).collect();
            rejoin_hyphenated(&mut lines, &vocabulary);
            let got: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(got, *want);
        }
    }

    #[test]
    fn rejoins_links_broken_after_a_hyphen() {
        let line = |text: &str, block: usize| Line {
            text: text.to_owned(),
            x0: 0.0,
            x1: 100.0,
            y: 0.0,
            size: 10.0,
            block,
        };
        type Case<'a> = (&'a [(&'a str, usize)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                &[("doi: https://doi.org/10.1234/abc-12-", 0), ("345-6", 0)],
                &["doi: https://doi.org/10.1234/abc-12-345-6", ""],
            ),
            (
                &[("see (doi:10.1000/0012-", 0), ("3456(99)1) and", 0)],
                &["see (doi:10.1000/0012-3456(99)1)", "and"],
            ),
            (
                &[("at 10.98765/x.y-", 0), ("z more words", 0)],
                &["at 10.98765/x.y-z", "more words"],
            ),
            (
                &[("a well-", 0), ("known fact", 0)],
                &["a well-", "known fact"],
            ),
            (
                &[("https://example.org/a-", 0), ("b", 1)],
                &["https://example.org/a-", "b"],
            ),
            (
                &[("https://example.org/a-", 0), ("(next)", 0)],
                &["https://example.org/a-", "(next)"],
            ),
            (&[("10.5-", 0), ("fold", 0)], &["10.5-", "fold"]),
        ];
        for (input, want) in cases {
            let mut lines: Vec<Line> = input.iter().map(|(t, b)| line(t, *b)).collect();
            rejoin_broken_links(&mut lines);
            let got: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(got, *want);
        }
    }

    #[test]
    fn sets_big_headings_apart_with_a_blank_line() {
        let line = |text: &str, size: f32| Line {
            text: text.to_owned(),
            x0: 0.0,
            x1: 100.0,
            y: 0.0,
            size,
            block: 0,
        };
        let cases = [
            (("Menu of the site", 10.0), ("A Title of Note", 24.0), true),
            (("A Title of Note", 24.0), ("Some authors here", 12.0), true),
            (("Journal Name", 18.0), ("Volume 3, 2001", 12.0), false),
            (("body text line", 10.0), ("more body text", 10.5), false),
            (("Author Name1,", 12.0), ("7,", 6.0), false),
            (("rotated run", 0.0), ("A Title of Note", 24.0), false),
        ];
        for ((a, sa), (b, sb), want) in cases {
            assert_eq!(
                starts_paragraph(&line(a, sa), &line(b, sb)),
                want,
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn recognises_placeholder_titles() {
        let cases = [
            ("Microsoft Word - 02. 206.doc", true),
            ("untitled", true),
            ("paper_final_v3.pdf", true),
            ("Title", true),
            (
                "A core outcome set for trials of something or other entirely",
                false,
            ),
            (
                "Document analysis of things that matter in a long title",
                false,
            ),
            ("Microsoft PowerPoint - slides", true),
            (
                "Titles of nobility and the politics of honour in early modern Europe",
                false,
            ),
        ];
        for (title, placeholder) in cases {
            assert_eq!(is_placeholder_title(title), placeholder, "{title}");
        }
    }

    #[test]
    fn reads_xmp_values() {
        let xmp = r#"<x:xmpmeta><rdf:Description prism:doi="10.1/abc"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B</rdf:li></rdf:Alt></dc:title></rdf:Description></x:xmpmeta>"#;
        assert_eq!(xmp_value(xmp, "dc:title").as_deref(), Some("A & B"));
        assert_eq!(xmp_value(xmp, "prism:doi").as_deref(), Some("10.1/abc"));
        assert_eq!(xmp_value(xmp, "dc:creator"), None);
        let escaped = r#"<dc:title>\376\377\000O\000K</dc:title>"#;
        assert_eq!(xmp_value(escaped, "dc:title").as_deref(), Some("OK"));
    }
}
