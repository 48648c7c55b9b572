//! The `html-no-meta` input: a page with its structured head taken away, to measure what
//! extraction gets from the visible page alone.
//!
//! Every `<meta>` element and every `<script type="application/ld+json">` block is removed
//! from the parsed DOM (scraper / html5ever) and the document is written back as HTML. The
//! page is decoded first with its declared charset, and the output is UTF-8 behind a byte
//! order mark: removing `<meta charset>` must not change how the rest of the page reads.

use scraper::{Html, Selector};
use std::sync::LazyLock;

static META_AND_SCRIPTS: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("meta, script").expect("static selector"));

/// Declared charset in the first bytes of a page: `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`.
static DECLARED_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("static regex")
});

const UTF8_BOM: &str = "\u{feff}";

/// The page without `<meta>` elements and JSON-LD scripts, as UTF-8 HTML with a BOM.
pub fn strip_meta_and_json_ld(bytes: &[u8]) -> Vec<u8> {
    let text = decode_page(bytes);
    let mut document = Html::parse_document(&text);
    let doomed: Vec<_> = document
        .select(&META_AND_SCRIPTS)
        .filter(|element| {
            let el = element.value();
            el.name() == "meta" || el.attr("type").is_some_and(is_json_ld_type)
        })
        .map(|element| element.id())
        .collect();
    for id in doomed {
        if let Some(mut node) = document.tree.get_mut(id) {
            node.detach();
        }
    }
    // `Html::html()` writes every child of the document node, the doctype included.
    let mut out = String::with_capacity(text.len() + UTF8_BOM.len());
    out.push_str(UTF8_BOM);
    out.push_str(&document.html());
    out.into_bytes()
}

fn is_json_ld_type(value: &str) -> bool {
    value
        .split(';')
        .next()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// Bytes to text: BOM, then the declared charset, then UTF-8, then Windows-1252.
fn decode_page(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let head = &bytes[..bytes.len().min(4096)];
    let declared = DECLARED_CHARSET
        .captures(head)
        .and_then(|c| c.get(1))
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        // A page that says UTF-16 in ASCII bytes is not UTF-16.
        .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE);
    if let Some(encoding) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) if declared == Some(encoding_rs::UTF_8) => {
            String::from_utf8_lossy(bytes).into_owned()
        }
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(html: &[u8]) -> String {
        let out = strip_meta_and_json_ld(html);
        let text = String::from_utf8(out).expect("utf-8 output");
        text.strip_prefix(UTF8_BOM).expect("bom").to_owned()
    }

    #[test]
    fn removes_meta_and_json_ld_and_keeps_the_rest() {
        let page = br#"<!DOCTYPE html><html><head><meta charset="utf-8">
<META NAME="citation_title" content="A &quot;title&quot; > here">
<title>Page</title>
<script type="Application/LD+JSON">{"@type":"ScholarlyArticle"}</script>
<script type="text/javascript">var x = "<meta>";</script>
</head><body><h1>Visible title</h1><p>Body <meta itemprop="x" content="y">text</p></body></html>"#;
        let out = stripped(page);
        assert!(!out.to_lowercase().contains("<meta "), "{out}");
        assert!(!out.contains("citation_title"), "{out}");
        assert!(!out.contains("ScholarlyArticle"), "{out}");
        assert!(
            out.contains(r#"var x = "<meta>";"#),
            "ordinary scripts stay as they were: {out}"
        );
        assert!(out.contains("<title>Page</title>"), "{out}");
        assert!(out.contains("<h1>Visible title</h1>"), "{out}");
        assert!(out.to_lowercase().starts_with("<!doctype html>"), "{out}");
    }

    #[test]
    fn decodes_the_declared_charset_before_stripping() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9</body></html>";
        let out = stripped(page);
        assert!(out.contains("caf\u{e9}"), "{out}");
        assert!(!out.contains("meta"), "{out}");
    }

    #[test]
    fn keeps_a_fragment_readable() {
        let out = stripped(b"<div><p>Only a body fragment</p></div>");
        assert!(out.contains("<p>Only a body fragment</p>"), "{out}");
    }
}
