//! Character encoding of an HTML page: bytes to a `String`.
//!
//! Order: a byte-order mark, then the encoding the page declares in its first bytes
//! (`<meta charset>` or an http-equiv `content-type`), then UTF-8 when the bytes are valid
//! UTF-8, and last a statistical guess (`chardetng`). A page that declares a legacy
//! single-byte encoding but whose bytes are valid, non-ASCII UTF-8 is read as UTF-8: that
//! mismatch is common in saved pages, and valid UTF-8 by chance in a legacy encoding is not.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use memchr::memmem;

/// How far into the page the charset declaration is looked for (the HTML spec says 1024;
/// saved pages often put scripts first, so a little more).
const PRESCAN_BYTES: usize = 4096;

/// The decoded text and, when the declaration was overruled, a note saying why.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub note: Option<String>,
}

/// Decodes page bytes to text.
pub fn decode_page_bytes(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding,
            note: None,
        };
    }
    let declared = declared_encoding(bytes);
    let utf8 = utf8_state(bytes);
    let (encoding, note) = match (declared, utf8) {
        (Some(enc), _) if enc == UTF_8 => (UTF_8, None),
        (Some(enc), Utf8State::NonAscii) => (
            UTF_8,
            Some(format!(
                "the page declares {} but its bytes are UTF-8; read as UTF-8",
                enc.name()
            )),
        ),
        (Some(enc), _) => (enc, None),
        (None, Utf8State::Ascii | Utf8State::NonAscii | Utf8State::CutShort) => (UTF_8, None),
        (None, Utf8State::Invalid) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
            (
                guess,
                Some(format!(
                    "no charset declared and not UTF-8; guessed {}",
                    guess.name()
                )),
            )
        }
    };
    let (text, _, _) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        note,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utf8State {
    Ascii,
    NonAscii,
    /// Valid UTF-8 except for a sequence cut off at the very end (a truncated download).
    CutShort,
    Invalid,
}

fn utf8_state(bytes: &[u8]) -> Utf8State {
    match std::str::from_utf8(bytes) {
        Ok(_) if bytes.is_ascii() => Utf8State::Ascii,
        Ok(_) => Utf8State::NonAscii,
        Err(e) if e.error_len().is_none() => Utf8State::CutShort,
        Err(_) => Utf8State::Invalid,
    }
}

/// The encoding a page declares in a `<meta>` tag near its start.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = memmem::find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in_tag(tag) {
            if let Some(enc) = Encoding::for_label(label) {
                // The HTML spec reads a declared UTF-16 as UTF-8 (the bytes would have a BOM).
                let enc = if enc.name().starts_with("UTF-16") {
                    UTF_8
                } else if enc.name() == "x-user-defined" {
                    WINDOWS_1252
                } else {
                    enc
                };
                return Some(enc);
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

/// The label after `charset=` inside one lower-cased `<meta ...` tag.
fn charset_in_tag(tag: &[u8]) -> Option<&[u8]> {
    let at = memmem::find(tag, b"charset")?;
    let rest = &tag[at + 7..];
    let rest = rest.trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n'))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_encoding() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"<p>plain</p>", "UTF-8", "<p>plain</p>"),
            ("<p>caf\u{e9}</p>".as_bytes(), "UTF-8", "<p>caf\u{e9}</p>"),
            (
                b"<meta charset=\"iso-8859-1\"><p>caf\xE9</p>",
                "windows-1252",
                "caf\u{e9}",
            ),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xEC\xE8\xF0",
                "windows-1251",
                "\u{43c}\u{438}\u{440}",
            ),
            (
                "<meta charset='iso-8859-1'><p>caf\u{e9}</p>".as_bytes(),
                "UTF-8",
                "caf\u{e9}",
            ),
            (b"\xEF\xBB\xBF<p>bom</p>", "UTF-8", "<p>bom</p>"),
            (
                b"<meta charset=\"utf-16\"><p>x</p>",
                "UTF-8",
                "<p>x</p>",
            ),
            (b"<p>trunc\xC3", "UTF-8", "<p>trunc"),
        ];
        for (bytes, encoding, contains) in cases {
            let got = decode_page_bytes(bytes);
            assert_eq!(got.encoding.name(), *encoding, "{bytes:?}");
            assert!(got.text.contains(contains), "{bytes:?} gave {:?}", got.text);
        }
    }

    #[test]
    fn guesses_undeclared_legacy_bytes() {
        let text = "Les r\u{e9}sultats montr\u{e9}s ici \u{e9}taient d\u{e9}j\u{e0} connus \
                    et la m\u{e9}thode \u{e9}tait pr\u{e9}cise.";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let got = decode_page_bytes(&bytes);
        assert!(got.text.contains("r\u{e9}sultats"), "{:?}", got.text);
        assert!(got.note.is_some());
    }
}
