//! Text decoding: bytes of a text dump to a `String`, whatever its encoding.
//!
//! UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; anything else is
//! decoded as Windows-1252, the usual legacy encoding of saved pages. Binary junk is refused.

use super::{DecodeError, Document};

/// Decodes a text dump, reading a scraper's capture header or YAML front matter into
/// the document's metadata.
pub fn decode_text(bytes: &[u8]) -> Result<Document, DecodeError> {
    let text = decode_text_bytes(bytes)?;
    let mut document = Document::default();
    if let Some(header) = capture_header(&text) {
        for (key, value) in header.fields {
            match key.as_str() {
                "title" => document.meta.document_title = Some(value.clone()),
                "url" | "url source" | "source" | "source url" | "link" | "canonical"
                | "original url"
                    if value.starts_with("http") =>
                {
                    document.meta.canonical_url = Some(value.clone());
                }
                _ => {}
            }
            document.meta.tags.push((format!("capture:{key}"), value));
        }
    }
    document.text = without_running_lines(text);
    Ok(document)
}

/// Lines at a page's top or bottom whose text (digits aside) comes back there on most
/// pages: running heads and footers, page numbers and download watermarks of text taken
/// from a PDF (`pdftotext` and print dumps mark pages with form feeds).
const MARGIN_LINES: usize = 3;

/// Share of the pages a margin line must come back on to be running.
const RUNNING_SHARE: f32 = 0.4;

/// "Page 8 of 9" on a line of its own: a page's footer wherever the columns put it.
fn is_page_count(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let number =
        |w: Option<&str>| w.is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("page"))
        && number(words.next())
        && words.next() == Some("of")
        && number(words.next())
        && words.next().is_none()
}

/// The text without its running lines ([`MARGIN_LINES`]). Texts of fewer than three
/// pages are kept as they are. The first page keeps the running lines at its top (but
/// page numbers): printed there, the running head is its masthead ("Invented Journal of
/// Agronomy" over the volume line).
fn without_running_lines(text: String) -> String {
    let pages: Vec<&str> = text.split('\u{c}').collect();
    if pages.len() < 3 {
        return text;
    }
    // Each page's margin lines (its first and last non-blank lines) and their keys.
    let margins: Vec<Vec<(usize, String)>> = pages
        .iter()
        .map(|page| {
            let content: Vec<(usize, &str)> = page
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .collect();
            let mut at: Vec<(usize, &str)> = content.iter().take(MARGIN_LINES).copied().collect();
            at.extend(content.iter().rev().take(MARGIN_LINES));
            at.sort_unstable();
            at.dedup();
            at.into_iter()
                .map(|(i, line)| (i, super::running_line_key(line)))
                .collect()
        })
        .collect();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for page in &margins {
        let mut keys: Vec<&str> = page.iter().map(|(_, key)| key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            *counts.entry(k).or_default() += 1;
        }
    }
    let needed = ((pages.len() as f32 * RUNNING_SHARE).ceil() as usize).max(3);
    if counts.values().all(|&n| n < needed) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for (index, (page, at)) in pages.iter().zip(&margins).enumerate() {
        if index > 0 {
            out.push('\u{c}');
        }
        // The first page's top margin: its masthead.
        let top_end = at[..at.len().min(MARGIN_LINES)]
            .last()
            .map_or(0, |(i, _)| *i);
        let bottom_start = at[at.len().saturating_sub(MARGIN_LINES)..]
            .first()
            .map_or(0, |(i, _)| *i);
        for (i, line) in page.split_inclusive('\n').enumerate() {
            let running = is_page_count(line)
                || at
                    .binary_search_by_key(&i, |(at, _)| *at)
                    .is_ok_and(|found| {
                        let key = at[found].1.as_str();
                        let masthead = index == 0
                            && i <= top_end
                            && i < bottom_start
                            && !key.bytes().all(|b| b == b'#');
                        counts.get(key).is_some_and(|&n| n >= needed) && !masthead
                    });
            if !running {
                out.push_str(line);
            }
        }
    }
    out
}

/// A capture header or front matter at the top of a dump: its fields and where it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureHeader {
    /// Lower-cased keys and their values, in order.
    pub fields: Vec<(String, String)>,
    /// Byte offset where the page text starts.
    pub end: usize,
}

/// Reads YAML front matter (`---` ... `---`) or a reader-style capture header
/// (`Title:`, `URL Source:`, `Published Time:` ... `Markdown Content:`) at the top of a dump.
pub fn capture_header(text: &str) -> Option<CaptureHeader> {
    let text_start = text.len() - text.trim_start().len();
    let body = &text[text_start..];
    let mut fields = Vec::new();
    if let Some(rest) = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))
    {
        let mut offset = text_start + (body.len() - rest.len());
        for line in rest.split_inclusive('\n') {
            offset += line.len();
            let trimmed = line.trim();
            if trimmed == "---" || trimmed == "..." {
                return Some(CaptureHeader {
                    fields,
                    end: offset,
                });
            }
            if let Some((key, value)) = trimmed.split_once(':') {
                let value = value.trim().trim_matches(['"', '\'']);
                if !key.starts_with(' ') && !value.is_empty() {
                    fields.push((
                        key.trim().to_lowercase().replace('_', " "),
                        value.to_owned(),
                    ));
                }
            }
            if offset - text_start > 8192 {
                return None;
            }
        }
        return None;
    }
    // Reader-style header: "Key: value" lines up to "Markdown Content:".
    let mut offset = text_start;
    for line in body.split_inclusive('\n').take(20) {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.eq_ignore_ascii_case("markdown content:") {
            return (!fields.is_empty()).then_some(CaptureHeader {
                fields,
                end: offset,
            });
        }
        let (key, value) = trimmed.split_once(": ")?;
        let key = key.trim().to_lowercase();
        if key.len() > 24 || !key.chars().all(|c| c.is_alphabetic() || c == ' ') {
            return None;
        }
        fields.push((key, value.trim().to_owned()));
    }
    None
}

/// Bytes to text: BOM first, then UTF-8, then Windows-1252. Refuses binary data.
pub fn decode_text_bytes(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return check_not_binary(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            text.into_owned()
        }
    };
    check_not_binary(text)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    control * 20 > sample.len()
}

fn check_not_binary(text: String) -> Result<String, DecodeError> {
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_lines_of_pdf_text() {
        let page = |n: usize, body: &str| {
            format!(
                "Invented Letters 2014, 4\n{body}\nDownloaded from https://example.org/doi/10.5555/x on 2026. See the Terms and Conditions.\n{n}\n"
            )
        };
        let bodies = [
            "Invented things grow.\nThey grow in the rain.\n1. A numbered item.\nMore on rain.\nThe end of it.",
            "Sun is next.\nIt dries the soil.\n1. A numbered item.\nSoil is dry.\nThe end of that.",
            "Wind comes third.\nIt moves the seeds.\n1. A numbered item.\nSeeds fly off.\nAnd land.",
            "Snow is last.\nIt covers all.\n1. A numbered item.\nAll is white.\nUntil spring.",
        ];
        let pages: Vec<String> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| page(i + 1, b))
            .collect();
        let kept = without_running_lines(pages.join("\u{c}"));
        let kept_pages: Vec<&str> = kept.split('\u{c}').collect();
        // The first page keeps its masthead, losing its watermark and page number.
        assert_eq!(
            kept_pages[0],
            format!("Invented Letters 2014, 4\n{}\n", bodies[0])
        );
        for (i, p) in kept_pages.iter().enumerate().skip(1) {
            assert_eq!(*p, format!("{}\n", bodies[i]));
        }
        for (line, counts) in [
            ("Page 8 of 9\n", true),
            ("page 1 of 12", true),
            ("Page 8 of 9 and more", false),
            ("Page eight of nine", false),
        ] {
            assert_eq!(is_page_count(line), counts, "{line}");
        }
        // Two pages are too few to tell running lines from the text.
        let two = pages[..2].join("\u{c}");
        assert_eq!(without_running_lines(two.clone()), two);
    }

    #[test]
    fn capture_headers() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "---\ntitle: \"A page\"\nurl: https://x.org/a\n---\nBody",
                Some(("title", "A page")),
            ),
            (
                "Title: A page\n\nURL Source: https://x.org/a\n\nMarkdown Content:\nBody",
                Some(("title", "A page")),
            ),
            ("Skip to main content\nTitle: not a header", None),
        ];
        for (text, want) in cases {
            let got = capture_header(text);
            match want {
                None => assert!(got.is_none(), "{text:?}"),
                Some((key, value)) => {
                    let got = got.expect("header");
                    assert_eq!(got.fields[0], (key.to_string(), value.to_string()));
                    assert_eq!(&text[got.end..], "Body");
                }
            }
        }
    }

    #[test]
    fn decodes_each_encoding() {
        let cases: &[(&[u8], Result<&str, DecodeError>)] = &[
            (b"plain ascii", Ok("plain ascii")),
            ("caf\u{e9}".as_bytes(), Ok("caf\u{e9}")),
            (b"\xEF\xBB\xBFbom", Ok("bom")),
            (b"caf\xE9", Ok("caf\u{e9}")),
            (b"\xFF\xFEh\x00i\x00", Ok("hi")),
            (b"\x00\x01\x02\x03\x04\x05binary", Err(DecodeError::Binary)),
        ];
        for (bytes, want) in cases {
            let got = decode_text_bytes(bytes);
            assert_eq!(
                got.as_deref().map_err(|e| e.clone()),
                want.clone(),
                "{bytes:?}"
            );
        }
    }
}
