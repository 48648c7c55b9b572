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
    document.text = text;
    Ok(document)
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
