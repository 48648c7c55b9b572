//! HTML decoding with `scraper`: the visible DOM as light Markdown text, plus the head's
//! meta tags and JSON-LD blocks.
//!
//! Bytes are decoded by the page's own charset ([`charset`]), parsed by html5ever (which
//! copes with fragments and truncated pages), the out-of-band metadata gathered
//! ([`head`]) and the body written as Markdown lines ([`markdown`]) with site chrome left
//! out ([`chrome`]). The article title is made the first heading of the text, so the
//! shared text extractors find it even when the page has no meta tags.

pub mod attributes;
pub mod charset;
pub mod chrome;
pub mod cues;
pub mod head;
pub mod markdown;
pub mod markup;

use super::{DecodeError, Document, Limits, SourceMeta};
use crate::extract::text::fold_alnum;
use crate::record::Problem;
use markdown::{OutKind, OutLine};
use regex::Regex;
use scraper::Html;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// How many times deeper than the walk limit the raw markup may nest before it is refused
/// unparsed: html5ever's tree building slows down with depth (scope checks walk the stack
/// of open elements), so absurd nesting is caught by a cheap scan first.
const PARSE_DEPTH_FACTOR: usize = 8;

/// Decodes an HTML page.
pub fn decode_html(bytes: &[u8], limits: &Limits) -> Result<Document, DecodeError> {
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let decoded = charset::decode_page_bytes(bytes);
    let mut warnings = Vec::new();
    if let Some(note) = decoded.note {
        warnings.push(Problem::new("decode", "charset", note));
    }
    let depth_cap = limits.max_html_depth.max(16) * PARSE_DEPTH_FACTOR;
    let prepared = markup::prepare_markup(&decoded.text, depth_cap);
    if prepared.deepest > depth_cap {
        return Err(DecodeError::TooDeep(limits.max_html_depth));
    }
    let html = Html::parse_document(&prepared.text);
    drop(prepared);
    let meta = head::collect_source_meta(&html);
    let rendered = markdown::render_markdown(&html, limits.max_html_depth);
    if rendered.truncated_at_depth {
        warnings.push(Problem::new(
            "decode",
            "html_too_deep",
            format!(
                "elements nested deeper than {} were left out of the text",
                limits.max_html_depth
            ),
        ));
    }
    let mut lines = rendered.lines;
    make_title_first_heading(&mut lines, &meta);
    Ok(Document {
        text: write_lines(&lines),
        meta,
        warnings,
    })
}

/// PDF bytes or binary junk saved under an HTML name.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"%PDF-") {
        return true;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    // UTF-16 pages have NULs too, but they start with a BOM.
    nul * 20 > sample.len() && encoding_rs::Encoding::for_bom(bytes).is_none()
}

/// Makes the article title the first heading: the heading (or, failing that, the line)
/// that matches the page's declared title becomes level 1, and headings before it become
/// plain lines. A line that holds the title among a few other words (`Title: ...`,
/// `March 2014 An analysis ...`) is split around it. Without a declared title the first
/// `#` heading is taken as the title.
fn make_title_first_heading(lines: &mut Vec<OutLine>, meta: &SourceMeta) {
    let (whole, parts) = title_candidates(meta);
    let fold_all = |titles: &[String]| -> Vec<String> {
        titles
            .iter()
            .map(|c| fold_alnum(&MARKUP_TAG.replace_all(c, "")))
            .collect()
    };
    let whole = fold_all(&whole);
    let parts = fold_all(&parts);
    // Each line folded once, when first compared; the matchers compare folded text.
    let folded: Vec<OnceCell<String>> = lines.iter().map(|_| OnceCell::new()).collect();
    let find = |titles: &[String], matches: &dyn Fn(&str, &str) -> bool| {
        // Titles in order of trust (a citation title beats an og:title that may be the
        // site's name); headings before plain lines.
        titles.iter().find_map(|title| {
            let position = |wanted: &dyn Fn(OutKind) -> bool| {
                lines.iter().zip(&folded).position(|(l, text)| {
                    wanted(l.kind) && matches(text.get_or_init(|| fold_alnum(&l.text)), title)
                })
            };
            position(&|kind| matches!(kind, OutKind::Heading(_)))
                .or_else(|| position(&|kind| kind == OutKind::Text))
        })
    };
    let exact = |text: &str, title: &str| text == title;
    // The start or end of a declared title: `<title>` strings carry the journal's name and
    // volume after the article's title.
    let partial = |text: &str, title: &str| {
        text.len() >= TITLE_PART_MIN_CHARS
            && text.len() * 5 >= title.len() * 2
            && (title.starts_with(text) || title.ends_with(text))
    };
    let title_at = find(&whole, &exact)
        .or_else(|| find(&whole, &partial))
        .or_else(|| find(&parts, &exact))
        .or_else(|| split_title_out(lines, &whole))
        .or_else(|| lines.iter().position(|l| l.kind == OutKind::Heading(1)));
    let Some(title_at) = title_at else {
        return;
    };
    for line in &mut lines[..title_at] {
        line.kind = OutKind::Text;
    }
    lines[title_at].kind = OutKind::Heading(1);
    lines[title_at].blank_after = true;
    // The title is the only level-1 heading.
    for line in &mut lines[title_at + 1..] {
        if line.kind == OutKind::Heading(1) {
            line.kind = OutKind::Heading(2);
        }
    }
}

/// Markup left inside a meta title (`<i>Aedes aegypti</i>`).
static MARKUP_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>").unwrap());

/// Fewest letters and digits of a heading taken as part of a declared title.
const TITLE_PART_MIN_CHARS: usize = 20;

/// Most characters (letters and digits) a line may hold beside the title for the title
/// to be split out of it.
const TITLE_LINE_MAX_EXTRA: usize = 40;

/// Finds the first line that holds a declared title with a few other words, splits it into
/// up to three lines (before, title, after) and returns the title line's index.
fn split_title_out(lines: &mut Vec<OutLine>, folded_titles: &[String]) -> Option<usize> {
    for title in folded_titles {
        for (index, line) in lines.iter().enumerate() {
            let line_len = line.text.chars().filter(|c| c.is_alphanumeric()).count();
            let title_len = title.chars().count();
            if line_len <= title_len || line_len > title_len + TITLE_LINE_MAX_EXTRA {
                continue;
            }
            let Some((start, end)) = find_folded(&line.text, title) else {
                continue;
            };
            let before = line.text[..start].trim().to_owned();
            let after = line.text[end..].trim().to_owned();
            let title_text = line.text[start..end].trim().to_owned();
            let kind = line.kind;
            let blank_after = line.blank_after;
            let mut replacement = Vec::with_capacity(3);
            if !before.is_empty() {
                replacement.push(OutLine {
                    text: before,
                    kind: OutKind::Text,
                    blank_after: false,
                });
            }
            let title_index = index + replacement.len();
            replacement.push(OutLine {
                text: title_text,
                kind,
                blank_after: true,
            });
            if !after.is_empty() {
                replacement.push(OutLine {
                    text: after,
                    kind: OutKind::Text,
                    blank_after,
                });
            }
            lines.splice(index..=index, replacement);
            return Some(title_index);
        }
    }
    None
}

/// Byte range of `text` whose folded form (see [`fold_alnum`]) is `folded`, starting and ending
/// on letters or digits.
fn find_folded(text: &str, folded: &str) -> Option<(usize, usize)> {
    let first = folded.chars().next()?;
    let starts = text
        .char_indices()
        .filter(|&(_, c)| c.is_alphanumeric() && c.to_lowercase().next() == Some(first));
    for (start, _) in starts {
        let mut want = folded.chars().peekable();
        let mut end = start;
        for (i, c) in text[start..].char_indices() {
            if want.peek().is_none() {
                break;
            }
            if !c.is_alphanumeric() {
                continue;
            }
            let mut matched = true;
            for lower in c.to_lowercase() {
                if want.next() != Some(lower) {
                    matched = false;
                    break;
                }
            }
            if !matched {
                break;
            }
            end = start + i + c.len_utf8();
        }
        if want.peek().is_none() {
            return Some((start, end));
        }
    }
    None
}

/// The page's declared titles: meta titles and the `<title>` whole, then the pieces of
/// the `<title>` between separators (`Title | Journal | Full Text`).
fn title_candidates(meta: &SourceMeta) -> (Vec<String>, Vec<String>) {
    let mut whole: Vec<String> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    for name in [
        "citation_title",
        "dc.title",
        "og:title",
        "twitter:title",
        "prism.title",
    ] {
        if let Some(v) = meta.first(name) {
            whole.push(v.to_owned());
        }
    }
    if let Some(title) = &meta.document_title {
        // `[1810.04805] Title`: an archive id before the title.
        let title = match title.strip_prefix('[').and_then(|t| t.split_once(']')) {
            Some((_, rest)) if !rest.trim().is_empty() => rest.trim(),
            _ => title.as_str(),
        };
        whole.push(title.to_owned());
        for sep in [" | ", " - ", " – ", " — ", " : ", ": "] {
            if title.contains(sep) {
                parts.extend(title.split(sep).map(str::to_owned));
            }
        }
    }
    let letters = |c: &String| c.chars().filter(|c| c.is_alphabetic()).count();
    whole.retain(|c| letters(c) >= 8);
    parts.retain(|c| letters(c) >= TITLE_PART_MIN_CHARS);
    (whole, parts)
}

/// Line starts that the text pipeline reads as Markdown structure.
const MARKDOWN_MARKERS: &[&str] = &["* ", "- ", "+ ", "# ", "## ", "### ", "#### "];

fn write_lines(lines: &[OutLine]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 9).sum());
    for line in lines {
        let mut text = line.text.as_str();
        if let OutKind::Heading(level) = line.kind {
            for _ in 0..level {
                out.push('#');
            }
            out.push(' ');
        } else if let Some(marker) = MARKDOWN_MARKERS.iter().find(|m| text.starts_with(**m)) {
            // Page text that starts like Markdown ("* E-mail: ...", "# of cases") would be
            // read back as a list item or heading: drop the space after the mark.
            out.push_str(marker.trim_end());
            text = text[marker.len()..].trim_start();
        }
        out.push_str(text);
        out.push('\n');
        if line.blank_after {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(html: &str) -> Document {
        decode_html(html.as_bytes(), &Limits::default()).expect("decodes")
    }

    #[test]
    fn the_declared_title_becomes_the_first_heading() {
        let cases: &[(&str, &str)] = &[
            (
                "<title>Cells in outer space and time | Journal</title><h2>Journal</h2><h2>Cells in outer space and time</h2><p>x</p>",
                "Journal\n\n# Cells in outer space and time\n\nx\n\n",
            ),
            (
                "<meta name=\"citation_title\" content=\"Cells in space\"><div class=\"t\">Cells in space</div><h2>Intro</h2>",
                "# Cells in space\n\n## Intro\n\n",
            ),
            (
                "<meta name=\"dc.title\" content=\"An analysis of things\"><p>March 2014 An analysis of things<br>Matt Holzer</p>",
                "March 2014\n# An analysis of things\n\nMatt Holzer\n\n",
            ),
            (
                "<meta name=\"dc.title\" content=\"BERT: Pre-training\"><h1>Title:BERT: Pre-training</h1>",
                "Title:\n# BERT: Pre-training\n\n",
            ),
            (
                "<meta property=\"og:title\" content=\"Journal of Things\"><meta name=\"citation_title\" content=\"Cells in space\">\
                 <h1>Journal of Things</h1><h1>Cells in space</h1>",
                "Journal of Things\n\n# Cells in space\n\n",
            ),
            (
                "<h3>Site</h3><h1>Some Title Here</h1><p>x</p>",
                "Site\n\n# Some Title Here\n\nx\n\n",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(decode(html).text, *want, "{html}");
        }
    }

    #[test]
    fn page_text_that_looks_like_markdown_is_not_read_as_structure() {
        let cases = [
            ("<p>* E-mail: a@b.org</p>", "*E-mail: a@b.org\n\n"),
            ("<p># of cases</p>", "#of cases\n\n"),
            ("<ul><li>- dash</li></ul>", "• - dash\n\n"),
        ];
        for (html, want) in cases {
            assert_eq!(decode(html).text, want, "{html}");
        }
    }

    #[test]
    fn fragments_and_truncated_pages_decode() {
        let cases = [
            "<div class=\"page-body\"><h2>Results</h2><p>We found",
            "<html><head><meta name=\"dc.title\" content=\"T\"><title>T</ti",
            "<p>caf\u{e9}</p></div></div></body>",
        ];
        for html in cases {
            let doc = decode(html);
            assert!(!doc.text.contains('<'), "{html} gave {:?}", doc.text);
        }
        assert_eq!(decode(cases[0]).text, "## Results\n\nWe found\n\n");
    }

    proptest::proptest! {
        /// Any mix of tags, attributes, entities and text decodes without panicking.
        #[test]
        fn never_panics_on_tag_soup(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<div>", "</div>", "<p>", "<li>", "<ul>", "</ol>", "<ol start=3>", "<h1>",
                    "</h2>", "<table><tr><td>", "</td>", "<br/>", "<a href=x>", "</a>",
                    "<sup>1</sup>", "<span class=\"author\">", "<div class=\"authors\">",
                    "<div class=\"references\">", "<script>x</script>", "<object/>", "<!--",
                    "-->", "&amp;", "é", "Title", " ", ",", " and ", "\n", "<meta charset=x>",
                    "<meta name=citation_title content=T>", "<button aria-expanded=true>",
                ]),
                0..80,
            )
        ) {
            let page: String = pieces.concat();
            let _ = decode_html(page.as_bytes(), &Limits { max_html_depth: 16, ..Limits::default() });
        }
    }

    #[test]
    fn refuses_binary() {
        let limits = Limits::default();
        assert_eq!(
            decode_html(b"%PDF-1.4\n...", &limits).err(),
            Some(DecodeError::Binary)
        );
    }

    #[test]
    fn absurd_nesting_is_refused_without_overflowing_the_stack() {
        let depth = 100_000;
        let mut page = String::with_capacity(depth * 11 + 64);
        page.push_str("<html><body>");
        for _ in 0..depth {
            page.push_str("<div>");
        }
        page.push_str("deep text");
        for _ in 0..depth {
            page.push_str("</div>");
        }
        let limits = Limits::default();
        let got = decode_html(page.as_bytes(), &limits);
        assert_eq!(got.err(), Some(DecodeError::TooDeep(limits.max_html_depth)));
    }

    #[test]
    fn moderately_deep_nesting_is_walked_to_the_limit_with_a_warning() {
        let limits = Limits {
            max_html_depth: 64,
            ..Limits::default()
        };
        let mut page = String::from("<p>top</p>");
        for _ in 0..200 {
            page.push_str("<span>");
        }
        page.push_str("deep text");
        let doc = decode_html(page.as_bytes(), &limits).expect("decodes");
        assert!(doc.text.contains("top"));
        assert!(!doc.text.contains("deep text"));
        assert!(doc.warnings.iter().any(|w| w.code == "html_too_deep"));
    }
}
