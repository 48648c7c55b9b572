//! Clean: decoded text into [`Line`]s with site chrome removed and markup residue undone.
//!
//! Takes the [`Document`](crate::decode::Document) text and gives lines that keep their byte
//! span in that text (for provenance), a [`LineKind`] (heading, list item, link residue,
//! blank, page break) and normalised text: Unicode NFC, no-break spaces folded, Markdown
//! links and emphasis undone, icon-font names and boilerplate lines dropped.

use crate::rules;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// What a line is, as far as layout tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Text,
    /// A Markdown or HTML heading, with its level (1 for `#`).
    Heading(u8),
    /// A list item; the level is 1 for `•` / `*` / `-`, 2 for `○` and nested items.
    Bullet(u8),
    /// A line of link labels after a reference ("CAS PubMed Google Scholar").
    LinkResidue,
    Blank,
    PageBreak,
}

/// One cleaned line and where it sits in the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub kind: LineKind,
    /// Byte offset `[start, end)` of the original line in the decoded text.
    pub start: usize,
    pub end: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        matches!(self.kind, LineKind::Blank | LineKind::PageBreak)
    }
}

/// Splits and cleans the decoded text.
pub fn clean_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 40);
    let mut offset = 0;
    let mut in_front_matter = false;
    for (index, raw_line) in text.split('\n').enumerate() {
        let start = offset;
        offset += raw_line.len() + 1;
        let end = start + raw_line.len();
        // A form feed marks a page break; the text after it on the same line still counts.
        let mut rest = raw_line;
        while let Some(pos) = rest.find('\u{c}') {
            push_line(&mut lines, &rest[..pos], start, end);
            lines.push(Line {
                text: String::new(),
                kind: LineKind::PageBreak,
                start,
                end,
            });
            rest = &rest[pos + 1..];
        }
        let trimmed = rest.trim();
        // YAML front matter added by scrapers: `---` on the first line up to the next `---`.
        if index == 0 && trimmed == "---" {
            in_front_matter = true;
            continue;
        }
        if in_front_matter {
            if trimmed == "---" || trimmed == "..." {
                in_front_matter = false;
            }
            continue;
        }
        push_line(&mut lines, rest, start, end);
    }
    lines
}

fn push_line(lines: &mut Vec<Line>, raw: &str, start: usize, end: usize) {
    let normalised = normalise_text(raw);
    let trimmed = normalised.trim();
    if trimmed.is_empty() {
        lines.push(Line {
            text: String::new(),
            kind: LineKind::Blank,
            start,
            end,
        });
        return;
    }
    let (kind, body) = classify(trimmed);
    let body = strip_markdown(body);
    let body = rules::strip_icon_words(&body);
    let body = collapse_spaces(body.trim());
    if body.is_empty() {
        // A bare bullet, or a line that held only icon names: layout, not content.
        return;
    }
    if rules::is_boilerplate_line(&body) {
        return;
    }
    let kind = if kind == LineKind::Text && rules::is_link_residue(&body) {
        LineKind::LinkResidue
    } else {
        kind
    };
    lines.push(Line {
        text: body,
        kind,
        start,
        end,
    });
}

/// NFC, no-break and odd spaces folded to a space, soft hyphens and zero-width marks removed.
pub fn normalise_text(raw: &str) -> Cow<'_, str> {
    let needs_work = raw.chars().any(|c| !c.is_ascii());
    if !needs_work && !raw.contains('\t') && !raw.contains('\r') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    for c in raw.nfc() {
        match c {
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => {
                out.push(' ')
            }
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\r' => {}
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn classify(line: &str) -> (LineKind, &str) {
    if let Some(rest) = heading_text(line) {
        return rest;
    }
    for (marker, level) in [
        ("•", 1u8),
        ("○", 2),
        ("◦", 2),
        ("▪", 2),
        ("■", 1),
        ("□", 2),
        ("* ", 1),
        ("- ", 1),
        ("+ ", 1),
    ] {
        if let Some(rest) = line.strip_prefix(marker) {
            return (LineKind::Bullet(level), rest.trim_start());
        }
    }
    (LineKind::Text, line)
}

fn heading_text(line: &str) -> Option<(LineKind, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        let text = line[hashes..].trim().trim_end_matches('#').trim();
        return Some((LineKind::Heading(hashes as u8), text));
    }
    None
}

/// Undoes Markdown inline markup: `[text](url)` gives `text`, image links go,
/// `**bold**` and `_em_` lose their marks, footnote link markers `[12]` after words stay.
fn strip_markdown(line: &str) -> Cow<'_, str> {
    if !line.contains("](") && !line.contains("**") && !line.contains("__") {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'!' && bytes.get(i + 1) == Some(&b'[') {
            if let Some((_, after)) = parse_link(line, i + 1) {
                i = after;
                continue;
            }
        }
        if bytes[i] == b'[' {
            if let Some((label, after)) = parse_link(line, i) {
                out.push_str(label);
                i = after;
                continue;
            }
        }
        if line[i..].starts_with("**") || line[i..].starts_with("__") {
            i += 2;
            continue;
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    Cow::Owned(out)
}

/// Parses `[label](target)` at `open`; returns the label and the index after `)`.
fn parse_link(line: &str, open: usize) -> Option<(&str, usize)> {
    let close = open + line[open..].find("](")?;
    let label = &line[open + 1..close];
    if label.contains('[') && !label.contains(']') {
        return None;
    }
    let target_start = close + 2;
    let mut depth = 1;
    for (k, c) in line[target_start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((label, target_start + k + 1));
                }
            }
            ' ' if k == 0 => return None,
            _ => {}
        }
    }
    None
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_markup_and_chrome() {
        let cases: &[(&str, &[(&str, LineKind)])] = &[
            ("Skip to main content\nTitle", &[("Title", LineKind::Text)]),
            ("## References", &[("References", LineKind::Heading(2))]),
            ("•  Xin Wei1,", &[("Xin Wei1,", LineKind::Bullet(1))]),
            ("○  Erica Lang", &[("Erica Lang", LineKind::Bullet(2))]),
            (
                "see [the paper](https://x.org/a_(b)) now",
                &[("see the paper now", LineKind::Text)],
            ),
            (
                "CAS  PubMed  Google Scholar ",
                &[("CAS PubMed Google Scholar", LineKind::LinkResidue)],
            ),
            ("---\ntitle: x\n---\nBody", &[("Body", LineKind::Text)]),
            (
                "e\u{fb03}cient\u{a0}use",
                &[("efficient use", LineKind::Text)],
            ),
        ];
        for (input, want) in cases {
            let got: Vec<(String, LineKind)> = clean_lines(input)
                .into_iter()
                .filter(|l| !l.is_blank())
                .map(|l| (l.text, l.kind))
                .collect();
            let want: Vec<(String, LineKind)> =
                want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }
}
