//! Clean: decoded text into [`Line`]s with site chrome removed and markup residue undone.
//!
//! Takes the [`Document`](crate::decode::Document) text and gives lines that keep their byte
//! span in that text (for provenance), a [`LineKind`] (heading, list item, link residue,
//! blank, page break) and normalised text: Unicode NFC, no-break spaces folded, Markdown
//! links and emphasis undone, icon-font names and boilerplate lines dropped.

use crate::rules;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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
    // A capture header or front matter is metadata, not page text.
    let skip_to = crate::decode::text::capture_header(text).map_or(0, |h| h.end);
    // A text browser's list of link targets at the end is no part of the page.
    let link_list = link_list_start(text);
    let stop_at = link_list.unwrap_or(text.len() + 1);
    let footnotes = link_list.is_some() || has_link_footnotes(text);
    // Lines found with one vectorised scan; most texts hold no form feed, and then no
    // line is searched for one.
    let form_feeds = memchr::memchr(b'\x0c', text.as_bytes()).is_some();
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut next_start = 0;
    for end in line_ends {
        let start = next_start;
        next_start = end + 1;
        let raw_line = &text[start..end];
        if start < skip_to {
            continue;
        }
        if start >= stop_at {
            break;
        }
        if footnotes && is_link_footnote(raw_line) {
            continue;
        }
        // A form feed marks a page break; the text after it on the same line still counts.
        let mut rest = raw_line;
        while let Some(pos) = form_feeds.then(|| rest.find('\u{c}')).flatten() {
            push_line(&mut lines, &rest[..pos], start, end, footnotes);
            lines.push(Line {
                text: String::new(),
                kind: LineKind::PageBreak,
                start,
                end,
            });
            rest = &rest[pos + 1..];
        }
        push_line(&mut lines, rest, start, end, footnotes);
    }
    lines
}

/// `str::trim`, returning at once a text that starts and ends with a visible ASCII
/// character (nearly every line and word), as `trim` walks in from both ends otherwise.
pub fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b.is_ascii());
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// Labels that pages print inline before their text ("Abstract: ...", "Keywords: ...").
const INLINE_HEADINGS: &[&str] = &[
    "abstract",
    "summary",
    "keywords",
    "key words",
    "index terms",
    "how to cite",
];

/// Back-matter sections that typeset papers run into their first sentence
/// ("Financial support. This research has been supported by …", Copernicus), as printed
/// (capitalised), longer than the marks [`split_inline_heading`] looks for.
const RUN_IN_SECTIONS: &[&str] = &[
    "Acknowledgements",
    "Acknowledgments",
    "Author contributions",
    "Code and data availability",
    "Code availability",
    "Competing interests",
    "Data availability",
    "Disclaimer",
    "Financial support",
    "Review statement",
    "Special issue statement",
];

/// "Financial support. This research …": the label of a run-in back-matter section
/// ([`RUN_IN_SECTIONS`]) and the text after it.
fn split_run_in_section(line: &str) -> Option<(&str, &str)> {
    // Every label starts with one of these capitals: other lines are turned away at once,
    // and a line is compared only with the labels of its first letter.
    let first = *line.as_bytes().first()?;
    if !matches!(first, b'A' | b'C' | b'D' | b'F' | b'R' | b'S') {
        return None;
    }
    RUN_IN_SECTIONS.iter().find_map(|label| {
        if label.as_bytes()[0] != first {
            return None;
        }
        let rest = line.strip_prefix(label)?.strip_prefix(". ")?.trim_start();
        (rest.len() >= 3).then_some((*label, rest))
    })
}

fn split_inline_heading(line: &str) -> Option<(&str, &str)> {
    // Only a mark that starts in the first 13 bytes counts; the rest of the line is not
    // searched. Read as bytes: `:` and `.` are never part of a longer character, and 0xE2,
    // the first byte of `—`, only ever starts one.
    // The label is one of INLINE_HEADINGS, capitalised: a line that opens with anything
    // else (nearly every line) is turned away before the search.
    let first = *line.trim_start().as_bytes().first()?;
    if !(first.is_ascii_uppercase()
        && INLINE_HEADINGS
            .iter()
            .any(|h| h.as_bytes()[0] == first.to_ascii_lowercase()))
    {
        return None;
    }
    let bytes = line.as_bytes();
    let colon = (0..bytes.len().min(13)).find(|&i| match bytes[i] {
        b':' | b'.' => true,
        0xE2 => bytes[i..].starts_with("—".as_bytes()),
        _ => false,
    })?;
    let label = line[..colon].trim();
    let rest = line[colon..].trim_start_matches([':', '.', '—', ' ']);
    let known = INLINE_HEADINGS
        .iter()
        .any(|h| label.eq_ignore_ascii_case(h));
    (known && rest.len() >= 3 && label.chars().next().is_some_and(char::is_uppercase))
        .then_some((label, rest))
}

/// Where the list of link targets that `lynx -dump` writes after the page starts: a
/// `References` line followed, to the end, by numbered addresses (`  12. https://…`, at
/// least three) and the `Visible links:` / `Hidden links:` lines. The page marks each link
/// with its number (`[12]Google Scholar`). One line in twenty may be something else (an
/// address broken over two lines).
fn link_list_start(text: &str) -> Option<usize> {
    const MIN_ENTRIES: usize = 3;
    let bytes = text.as_bytes();
    let mut end = text.len();
    let (mut entries, mut others) = (0usize, 0usize);
    loop {
        let start = memchr::memrchr(b'\n', &bytes[..end]).map_or(0, |i| i + 1);
        let line = text[start..end].trim();
        if line == "References" {
            return (entries >= MIN_ENTRIES && others * 20 <= entries).then_some(start);
        }
        if is_numbered_address(line) {
            entries += 1;
        } else if !(line.is_empty()
            || line.eq_ignore_ascii_case("visible links:")
            || line.eq_ignore_ascii_case("hidden links:"))
        {
            others += 1;
            if others > 2 + entries / 20 {
                return None;
            }
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// `12. https://example.org/a`: a number, then an address (`scheme:…`); lynx prints an
/// address with spaces as it found it.
fn is_numbered_address(line: &str) -> bool {
    let Some((number, address)) = line.split_once(". ") else {
        return false;
    };
    let scheme = address.split_once(':').map_or("", |(scheme, _)| scheme);
    (1..=5).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && (2..=10).contains(&scheme.len())
        && scheme.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether the dump lists its links as numbered footnotes (`[12]: https://...`).
fn has_link_footnotes(text: &str) -> bool {
    // A footnote line holds `]:`: only the lines around its occurrences are read, not
    // every line of the page.
    let bytes = text.as_bytes();
    let mut found = 0;
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&bytes[from..], b"]:").map(|i| from + i) {
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        if is_link_footnote(&text[start..end]) {
            found += 1;
            if found == 3 {
                return true;
            }
        }
        from = end;
    }
    false
}

/// A link footnote line: `[12]: https://...`.
fn is_link_footnote(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t.strip_prefix('[') else {
        return false;
    };
    let Some((number, target)) = rest.split_once("]:") else {
        return false;
    };
    !number.is_empty()
        && number.len() < 6
        && number.bytes().all(|b| b.is_ascii_digit())
        && !target.trim().is_empty()
}

/// Removes footnote link markers glued to words ("Article[12]", "[12]Article").
fn strip_footnote_markers(line: &str) -> Cow<'_, str> {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(?P<a>\w)\[\d{1,5}\]|\[\d{1,5}\](?P<b>\w))").expect("marker regex")
    });
    MARKER.replace_all(line, "$a$b")
}

/// Form controls a text browser prints before a line ("[ ] ", "[X] "): layout, not text.
fn strip_form_boxes(mut text: &str) -> &str {
    while text.starts_with('[') {
        let boxed = ["[ ]", "[]", "[X]", "[x]", "[*]"]
            .iter()
            .find(|b| text.starts_with(**b));
        match boxed {
            Some(b) => text = text[b.len()..].trim_start(),
            None => break,
        }
    }
    text
}

/// "Mei Lin et al.Mei Lin1, Dara Okafor2, …": a page's collapsed author list (hidden by
/// its style sheet) printed before the full one; the full one is kept.
fn drop_collapsed_byline(line: &str) -> Cow<'_, str> {
    // The searcher is built once: every line of the page is searched.
    static ET_AL: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" et al."));
    let Some(at) = ET_AL.find(line.as_bytes()) else {
        return Cow::Borrowed(line);
    };
    // A list marker before the name stays ("* Mei Lin et al.Mei Lin1,").
    let marked = line[..at].trim_start_matches(['*', '-', '•', ' ']);
    let marker = &line[..at - marked.len()];
    let rest = line[at + " et al.".len()..].trim_start();
    if !(3..=60).contains(&marked.len()) || !rest.starts_with(marked) {
        Cow::Borrowed(line)
    } else if marker.is_empty() {
        Cow::Borrowed(rest)
    } else {
        Cow::Owned(format!("{marker}{rest}"))
    }
}

fn push_line(lines: &mut Vec<Line>, raw: &str, start: usize, end: usize, footnotes: bool) {
    let normalised = normalise_text(raw);
    let unlabelled = rules::strip_inline_link_labels(&normalised);
    let uncollapsed = drop_collapsed_byline(trim(&unlabelled));
    let trimmed = uncollapsed.as_ref();
    let trimmed = trimmed.strip_prefix("> ").unwrap_or(trimmed);
    // Setext underlines make the line above a heading; a lone rule is layout.
    if trimmed.len() >= 3
        && (trimmed.bytes().all(|b| b == b'=') || trimmed.bytes().all(|b| b == b'-'))
    {
        let level = if trimmed.starts_with('=') { 1 } else { 2 };
        if let Some(last) = lines.last_mut().filter(|l| l.kind == LineKind::Text) {
            last.kind = LineKind::Heading(level);
        }
        return;
    }

    if trimmed.is_empty() {
        lines.push(Line {
            text: String::new(),
            kind: LineKind::Blank,
            start,
            end,
        });
        return;
    }
    if is_image_placeholder(trimmed) {
        return;
    }
    // "Abstract: We study ..." on one line: the label becomes a heading of its own; a
    // control label glued to the text ("Author links open overlay panelMei Lin") a line.
    let leading_label = split_inline_heading(trimmed)
        .or_else(|| split_run_in_section(trimmed))
        .or_else(|| rules::split_glued_control_label(trimmed));
    if let Some((label, rest)) = leading_label {
        lines.push(Line {
            text: label.to_owned(),
            kind: LineKind::Text,
            start,
            end,
        });
        return push_line(lines, rest, start, end, footnotes);
    }
    if let Some((content, label)) = rules::split_trailing_control_label(trimmed) {
        push_line(lines, content, start, end, footnotes);
        lines.push(Line {
            text: label.to_owned(),
            kind: LineKind::Text,
            start,
            end,
        });
        return;
    }
    let (kind, body) = classify(trimmed);
    let unmarked = strip_markdown(body);
    let body = if footnotes {
        strip_footnote_markers(&unmarked.text)
    } else {
        Cow::Borrowed(unmarked.text.as_ref())
    };
    let body = rules::strip_icon_words(&body);
    let body = collapse_spaces(strip_form_boxes(trim(&body)));
    if body.is_empty() {
        // A bare bullet, or a line that held only icon names: layout, not content.
        if !unmarked.residue.is_empty() {
            lines.push(Line {
                text: residue_text(&unmarked.residue),
                kind: LineKind::LinkResidue,
                start,
                end,
            });
        }
        return;
    }
    if rules::is_boilerplate_line(&body) {
        // A blank in its place: the lines around removed chrome were not adjacent, and
        // must not be joined as if they were.
        lines.push(Line {
            text: String::new(),
            kind: LineKind::Blank,
            start,
            end,
        });
        return;
    }
    // A nested bullet of link labels under a reference ("○ CrossRef |") is residue too.
    let may_be_residue =
        matches!(kind, LineKind::Text) || matches!(kind, LineKind::Bullet(l) if l >= 2);
    let kind = if may_be_residue && rules::is_link_residue(&body) {
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
    if !unmarked.residue.is_empty() {
        lines.push(Line {
            text: residue_text(&unmarked.residue),
            kind: LineKind::LinkResidue,
            start,
            end,
        });
    }
}

fn residue_text(labels: &[&'static str]) -> String {
    labels
        .iter()
        .map(|l| rules::residue_display(l))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Repairs UTF-8 text that was decoded as Windows-1252 somewhere upstream ("â€™" for
/// "’", "Ã©" for "é"): the line is encoded back to Windows-1252 bytes and read as UTF-8,
/// and kept only when that succeeds.
///
/// A line that also holds correct accents, or whose no-break space was printed as a plain
/// space ("3Â L5"), is repaired run by run: each lead character ("Ã", "Â", "â") with the
/// Windows-1252 characters after it.
fn repair_mojibake(line: &str) -> Option<String> {
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            "[ÂÃâ][\u{80}-\u{BF}\u{152}\u{153}\u{160}\u{161}\u{178}\u{17D}\u{17E}\u{192}\u{2C6}\u{2DC}\u{2013}\u{2014}\u{2018}-\u{201E}\u{2020}-\u{2022}\u{2026}\u{2030}\u{2039}\u{203A}\u{20AC}\u{2122}]{1,2}",
        )
        .expect("mojibake run regex")
    });
    // `Ã` (C3 83), `Â` (C3 82) and `â€` (C3 A2 E2 82 AC) all start with the byte 0xC3:
    // one search finds them.
    let bytes = line.as_bytes();
    let has_lead = memchr::memchr_iter(0xC3, bytes).any(|i| {
        matches!(
            &bytes[i + 1..],
            [0x83 | 0x82, ..] | [0xA2, 0xE2, 0x82, 0xAC, ..]
        )
    });
    if !has_lead {
        return None;
    }
    let (bytes, _, had_errors) = encoding_rs::WINDOWS_1252.encode(line);
    if !had_errors {
        if let Ok(repaired) = String::from_utf8(bytes.into_owned()) {
            return Some(repaired);
        }
    }
    let repaired = RUN.replace_all(line, |caps: &regex::Captures<'_>| {
        let run = &caps[0];
        let (bytes, _, had_errors) = encoding_rs::WINDOWS_1252.encode(run);
        match std::str::from_utf8(&bytes) {
            Ok(text) if !had_errors => text.to_owned(),
            _ => run.to_owned(),
        }
    });
    // A no-break space whose second byte was printed as a plain space.
    let repaired = repaired.replace("Â ", " ");
    (repaired != line).then_some(repaired)
}

/// NFC, no-break and odd spaces folded to a space, soft hyphens and zero-width marks removed.
pub fn normalise_text(raw: &str) -> Cow<'_, str> {
    // An ASCII line holds no mojibake and is already NFC: only tabs and CRs can change.
    let ascii = raw.is_ascii();
    if ascii && memchr::memchr2(b'\t', b'\r', raw.as_bytes()).is_none() {
        return Cow::Borrowed(raw);
    }
    if !ascii {
        if let Some(repaired) = repair_mojibake(raw) {
            return Cow::Owned(normalise_text(&repaired).into_owned());
        }
    }
    // Latin letters and the dashes, quotes and bullets of general punctuation are NFC on
    // their own (no combining class, no decomposition): a line of them and nothing to fold
    // is kept in one pass, without the quick check's table lookups.
    if is_plain_and_kept(raw) {
        return Cow::Borrowed(raw);
    }
    // Most lines are already NFC (the quick check is exact when it says yes), which spares
    // the decompose-and-recompose pass and, when no character is folded, the copy.
    if is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        if raw.chars().all(|c| fold_char(c) == Fold::Keep) {
            return Cow::Borrowed(raw);
        }
        return Cow::Owned(fold_str(raw));
    }
    Cow::Owned(fold_chars(raw.nfc(), raw.len()))
}

/// Whether every character of a line is [`is_plain_nfc`] and kept by [`fold_char`]. ASCII
/// bytes (most of any line) are tested as bytes: all are plain, and only the tab and the
/// carriage return are folded; other characters are decoded and tested one by one.
fn is_plain_and_kept(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if matches!(b, b'\t' | b'\r') {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = raw[i..].chars().next() else {
            break;
        };
        if !(is_plain_nfc(c) && fold_char(c) == Fold::Keep) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Characters that are NFC whatever stands around them: below the first combining mark
/// (U+0300) and in general punctuation after the spaces (U+2010 to U+205E; the spaces
/// U+2000 and U+2001, which NFC replaces, are folded anyway).
fn is_plain_nfc(c: char) -> bool {
    c < '\u{300}' || ('\u{2010}'..='\u{205e}').contains(&c)
}

/// What [`normalise_text`] does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    Keep,
    Space,
    Drop,
    Spell(&'static str),
}

fn fold_char(c: char) -> Fold {
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => {
            Fold::Space
        }
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\r' | '↵' => Fold::Drop,
        '\u{fb00}' => Fold::Spell("ff"),
        '\u{fb01}' => Fold::Spell("fi"),
        '\u{fb02}' => Fold::Spell("fl"),
        '\u{fb03}' => Fold::Spell("ffi"),
        '\u{fb04}' => Fold::Spell("ffl"),
        _ => Fold::Keep,
    }
}

/// [`fold_chars`] of a string's characters: the runs between folded characters are
/// copied whole, not character by character.
fn fold_str(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut copied = 0;
    for (i, c) in raw.char_indices() {
        // Of the ASCII characters only the tab and the carriage return are folded.
        if c.is_ascii() && !matches!(c, '\t' | '\r') {
            continue;
        }
        let replacement = match fold_char(c) {
            Fold::Keep => continue,
            Fold::Space => " ",
            Fold::Drop => "",
            Fold::Spell(letters) => letters,
        };
        out.push_str(&raw[copied..i]);
        out.push_str(replacement);
        copied = i + c.len_utf8();
    }
    out.push_str(&raw[copied..]);
    out
}

fn fold_chars(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for c in chars {
        match fold_char(c) {
            Fold::Keep => out.push(c),
            Fold::Space => out.push(' '),
            Fold::Drop => {}
            Fold::Spell(letters) => out.push_str(letters),
        }
    }
    out
}

/// A text browser's stand-in for an image without alternative text: its file name cut
/// short in brackets ("[cm_sbs_024]", "[nsdi22_logo]"). Layout, not text: the lines
/// around it (a title and its byline) stay adjacent.
fn is_image_placeholder(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .is_some_and(|inner| {
            inner.contains('_')
                && !inner.contains(char::is_whitespace)
                && !inner.contains(['[', ']'])
        })
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

/// A line with Markdown inline markup undone, and the link-residue labels of links that
/// were removed from it ("[PubMed](...)" after a reference).
struct Unmarked<'a> {
    text: Cow<'a, str>,
    residue: Vec<&'static str>,
}

/// Undoes Markdown inline markup: `[text](url)` and `[text][n]` give `text` (adjacent links
/// are kept apart by a space), image links go, `**bold**`, `_em_` and `*em*` lose their
/// marks, and backslash escapes give the mark they escape (`2016\.`, `\(1\)`, `\*a`, as
/// converters write punctuation Markdown might read as markup; see [`is_markdown_escaped`]). Links whose label is link residue ("Article", "PubMed", "Google Scholar") are
/// taken out of the text and reported, so a reference keeps its text clean.
fn strip_markdown(line: &str) -> Unmarked<'_> {
    if !has_markdown_marks(line) {
        return Unmarked {
            text: Cow::Borrowed(line),
            residue: Vec::new(),
        };
    }
    let mut out = String::with_capacity(line.len());
    let mut residue = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut last_link_end = usize::MAX;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1).is_some_and(|&b| is_markdown_escaped(b)) {
            out.push(char::from(bytes[i + 1]));
            i += 2;
            continue;
        }
        if bytes[i] == b'!' && bytes.get(i + 1) == Some(&b'[') {
            if let Some((_, after)) = parse_link(line, i + 1) {
                i = after;
                continue;
            }
        }
        if bytes[i] == b'[' {
            if let Some((label, after)) = parse_link(line, i) {
                let unmarked_label = strip_markdown(label.trim());
                let label = unmarked_label.text.trim();
                let labels = rules::link_residue_labels(label);
                if !labels.is_empty() && !out.trim().is_empty() {
                    for l in labels {
                        if !residue.contains(&l) {
                            residue.push(l);
                        }
                    }
                } else {
                    let touches_link = last_link_end == i;
                    let starts_word = label.starts_with(|c: char| c.is_alphabetic())
                        || touches_link && label.starts_with(|c: char| c.is_alphanumeric());
                    if out.ends_with(|c: char| c.is_alphanumeric()) && starts_word {
                        out.push(' ');
                    }
                    out.push_str(label);
                    // Keep an e-mail address that only the link target gives.
                    let target = &line[i..after];
                    if let Some(pos) = target.find("](mailto:") {
                        let address = target[pos + 9..target.len() - 1]
                            .split('?')
                            .next()
                            .unwrap_or("");
                        if address.contains('@') && !label.contains('@') {
                            out.push_str(" (");
                            out.push_str(address);
                            out.push(')');
                        }
                    }
                }
                i = after;
                last_link_end = after;
                continue;
            }
        }
        if line[i..].starts_with("**") || line[i..].starts_with("__") {
            i += 2;
            continue;
        }
        if (bytes[i] == b'_' || bytes[i] == b'*') && is_emphasis_marker(line, i) {
            i += 1;
            continue;
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    Unmarked {
        text: Cow::Owned(out),
        residue,
    }
}

/// Whether a line may hold inline markup: a `*` or `_`, a `]` right before `(` or `[`, or
/// a backslash before punctuation.
fn has_markdown_marks(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr3_iter(b']', b'*', b'_', bytes)
        .any(|i| bytes[i] != b']' || matches!(bytes.get(i + 1), Some(b'(' | b'[')))
        || memchr::memchr_iter(b'\\', bytes)
            .any(|i| bytes.get(i + 1).is_some_and(|&b| is_markdown_escaped(b)))
}

/// Punctuation that Markdown converters escape with a backslash (`\(`, `\.`, `\*`),
/// leaving out the marks of TeX accents and specials (`{\"O}`, `\'e`, `\&`), which a BibTeX
/// record on the page needs as written.
fn is_markdown_escaped(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')'
            | b'['
            | b']'
            | b'.'
            | b'-'
            | b'+'
            | b'*'
            | b'_'
            | b'#'
            | b'!'
            | b'<'
            | b'>'
            | b'|'
            | b'\\'
    )
}

/// Whether `_` or `*` at `i` opens or closes emphasis: it touches a word on one side only,
/// and a partner marker exists on the same line.
fn is_emphasis_marker(line: &str, i: usize) -> bool {
    let marker = line.as_bytes()[i] as char;
    let before = line[..i].chars().next_back();
    let after = line[i + 1..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let opening = !word(before) && !space(after);
    let closing = !word(after) && !space(before);
    if opening && !closing {
        return line[i + 1..].match_indices(marker).any(|(k, _)| {
            let at = i + 1 + k;
            let after_close = line[at + 1..].chars().next();
            !word(after_close) && at > i + 1
        });
    }
    if closing && !opening {
        return line[..i].match_indices(marker).any(|(k, _)| {
            let before_open = line[..k].chars().next_back();
            !word(before_open) && k + 1 < i
        });
    }
    false
}

/// Parses `[label](target)` or `[label][ref]` at `open` (labels may hold balanced
/// brackets, as image links inside links do); returns the label and the index after it.
fn parse_link(line: &str, open: usize) -> Option<(&str, usize)> {
    let mut depth = 0;
    let mut label_end = None;
    for (k, c) in line[open..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    label_end = Some(open + k);
                    break;
                }
            }
            _ => {}
        }
    }
    let label_end = label_end?;
    let label = &line[open + 1..label_end];
    let rest = &line[label_end + 1..];
    if let Some(reference) = rest.strip_prefix('[') {
        // Reference-style link: `[label][12]`.
        let end = reference.find(']')?;
        let id = &reference[..end];
        if !id.is_empty() && id.len() < 40 && !id.contains('[') {
            return Some((label, label_end + 2 + end + 1));
        }
        return None;
    }
    let target = rest.strip_prefix('(')?;
    let mut depth = 1;
    for (k, c) in target.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((label, label_end + 2 + k + 1));
                }
            }
            ' ' if k == 0 => return None,
            _ => {}
        }
    }
    None
}

fn collapse_spaces(s: &str) -> String {
    // One vectorised search for two spaces, rather than a search from each space to the
    // next (a line has many spaces and seldom two in a row).
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("  "));
    if DOUBLE_SPACE.find(s.as_bytes()).is_none() {
        return s.to_owned();
    }
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
    fn folding_a_string_copies_runs_as_folding_its_characters_does() {
        let lines = [
            "plain ascii",
            "tab\there\r",
            "•\u{a0} Mei\u{2009}Lin\u{ad}\u{200b}",
            "\u{fb01}eld \u{fb03}x\u{feff}↵",
            "",
            "\u{a0}",
            "é – ’ …",
        ];
        for line in lines {
            assert_eq!(
                fold_str(line),
                fold_chars(line.chars(), line.len()),
                "{line:?}"
            );
        }
    }

    #[test]
    fn copernicus_how_to_cite_and_collapsed_bylines() {
        // (page text, cleaned lines wanted)
        let cases: &[(&str, &[&str])] = &[
            (
                "Financial support. This research has been supported by the Invented Fund.",
                &[
                    "Financial support",
                    "This research has been supported by the Invented Fund.",
                ],
            ),
            (
                "Code and data availability. The invented data are at a repository.",
                &[
                    "Code and data availability",
                    "The invented data are at a repository.",
                ],
            ),
            // Not a run-in heading: no full stop after the label, or lower case.
            (
                "Financial support was given by the Invented Fund.",
                &["Financial support was given by the Invented Fund."],
            ),
            (
                "How to cite. Berg, T.: Invented lake ice, J. Inv., 4, 1–9, 2019.",
                &[
                    "How to cite",
                    "Berg, T.: Invented lake ice, J. Inv., 4, 1–9, 2019.",
                ],
            ),
            (
                "Mei Lin et al.Mei Lin^1,2, Dara Okafor^3, and Tove Berg^1",
                &["Mei Lin^1,2, Dara Okafor^3, and Tove Berg^1"],
            ),
            (
                "Mei Lin et al. Mei Lin1, Dara Okafor2",
                &["Mei Lin1, Dara Okafor2"],
            ),
            (
                "Mei Lin et al.Mei Lin1,\nDara Okafor2",
                &["Mei Lin1,", "Dara Okafor2"],
            ),
            // A citation in prose keeps its text.
            (
                "as Mei Lin et al. (2019) showed",
                &["as Mei Lin et al. (2019) showed"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = clean_lines(text).into_iter().map(|l| l.text).collect();
            assert_eq!(got, *want, "{text:?}");
        }
        let lines = clean_lines("Abstract\nInvented text.\nHow to cite. Berg, T.: Ice, 2019.\n");
        let kinds: Vec<_> = crate::segment::segment(&lines)
            .iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                crate::segment::SectionKind::Header,
                crate::segment::SectionKind::Abstract,
                crate::segment::SectionKind::Other
            ]
        );
    }

    #[test]
    fn inline_headings_are_split_as_a_char_search_splits_them() {
        fn char_search(line: &str) -> Option<(&str, &str)> {
            let colon = line
                .char_indices()
                .take_while(|&(i, _)| i <= 12)
                .find(|&(_, c)| matches!(c, ':' | '.' | '—'))?
                .0;
            let label = line[..colon].trim();
            let rest = line[colon..].trim_start_matches([':', '.', '—', ' ']);
            let known = INLINE_HEADINGS
                .iter()
                .any(|h| label.eq_ignore_ascii_case(h));
            (known && rest.len() >= 3 && label.chars().next().is_some_and(char::is_uppercase))
                .then_some((label, rest))
        }
        let lines = [
            "Abstract: We study invented things.",
            "Abstract. We study invented things.",
            "Abstract — We study invented things.",
            "Abstract—We study invented things.",
            "Index terms—invented, things",
            "Key Words: a, b",
            "Keywords:ab",
            "Summäry: not a heading",
            "ééééééAbstract: too far",
            "éééééé: a mark at byte 12",
            "ééééééé: a mark at byte 14",
            "Résumé — un résumé inventé",
            "No mark in the first bytes: here",
            "",
            "—",
        ];
        for line in lines {
            assert_eq!(split_inline_heading(line), char_search(line), "{line}");
        }
    }

    #[test]
    fn link_footnotes_are_counted_by_line() {
        let cases = [
            ("[1]: https://a\n[2]: https://b\n[3]: https://c", true),
            (
                "[1]: https://a\r\n[2]: https://b\r\n[3]: https://c\r\n",
                true,
            ),
            ("[1]: https://a\n[2]: https://b\n", false),
            // Several marks on one line make one footnote line at most.
            ("[1]: x [2]: y [3]: z\n", false),
            (
                "text [1]: not a footnote\n[2]: https://b\n[3]: https://c\n[4]:",
                false,
            ),
            (
                "intro\n  [10]: https://a\n[11]: https://b\nbody\n[12]: https://c",
                true,
            ),
        ];
        for (text, want) in cases {
            let by_lines = text.lines().filter(|l| is_link_footnote(l)).count() >= 3;
            assert_eq!(by_lines, want, "{text:?}");
            assert_eq!(has_link_footnotes(text), want, "{text:?}");
        }
    }

    #[test]
    fn plain_line_test_matches_the_character_test() {
        let lines = [
            "plain ASCII text",
            "a\ttab",
            "a carriage\r return",
            "Müller – “quoted” text",
            "no\u{a0}break space",
            "soft\u{ad}hyphen",
            "e\u{301} combining",
            "ligature \u{fb01}",
            "Ⅻ roman numeral",
            "",
        ];
        for line in lines {
            let by_char = line
                .chars()
                .all(|c| is_plain_nfc(c) && fold_char(c) == Fold::Keep);
            assert_eq!(is_plain_and_kept(line), by_char, "{line:?}");
        }
    }

    #[test]
    fn lynx_link_lists_end_the_page() {
        let page = "Invented Title\nSee [1]Google Scholar.\n\nReferences\n\n   1. Lindqvist M. An invented title. J Inv 2019;3:1-2.\n   2. [2]Okafor D. Another. J Inv 2020;4:5.\n";
        let links = "\nReferences\n\n   Visible links:\n   1. https://scholar.example.org/?q=a b\n   2. file:///a/b.html#ref-2\n   3. mailto:mei@example.org\n   4. pending:yes\n\n   Hidden links:\n   5. javascript:void(0)\n";
        let cases = [
            // The list of addresses goes, and the link numbers with it.
            (
                format!("{page}{links}"),
                Some("2. Okafor D. Another. J Inv 2020;4:5."),
                false,
            ),
            // A page's own reference list at the end is no list of addresses.
            (
                page.to_owned(),
                Some("2. [2]Okafor D. Another. J Inv 2020;4:5."),
                false,
            ),
            // Nor are two addresses.
            (
                format!(
                    "{page}\nReferences\n   1. https://a.example.org/\n   2. https://b.example.org/\n"
                ),
                None,
                true,
            ),
        ];
        for (text, last_entry, addresses_kept) in cases {
            let lines = clean_lines(&text);
            let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            if let Some(entry) = last_entry {
                assert_eq!(
                    texts.iter().rev().find(|t| !t.is_empty()),
                    Some(&entry),
                    "{text}"
                );
            }
            assert_eq!(
                texts.iter().any(|t| t.contains("https://")),
                addresses_kept,
                "{text}"
            );
            assert!(!texts.contains(&"Visible links:"), "{text}");
        }
    }

    #[test]
    fn form_boxes_of_text_browsers_go() {
        let cases = [
            ("[ ] An Invented Title", "An Invented Title"),
            ("[X] [ ] Two boxes", "Two boxes"),
            ("[1] A reference label stays", "[1] A reference label stays"),
            ("No box", "No box"),
        ];
        for (text, want) in cases {
            assert_eq!(strip_form_boxes(text), want, "{text}");
        }
    }

    #[test]
    fn image_placeholders_of_text_browsers_go() {
        let cases = [
            ("[inv_logo_02]", true),
            ("[small_clip]", true),
            ("[1]", false),
            ("[Invented Journal]", false),
            ("[snake_case] and text", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_image_placeholder(text), want, "{text}");
        }
        let lines = clean_lines("An Invented Title\n[inv_logo_02]\nMei Lin and Dara Okafor");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["An Invented Title", "Mei Lin and Dara Okafor"]);
    }

    #[test]
    fn control_labels_run_into_lines_stand_alone() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Author links open overlay panelMei Lin",
                &["Author links open overlay panel", "Mei Lin"],
            ),
            (
                "https://doi.org/10.1234/inv.2018.10.004Get rights and content",
                &[
                    "https://doi.org/10.1234/inv.2018.10.004",
                    "Get rights and content",
                ],
            ),
            ("Get rights and content", &["Get rights and content"]),
        ];
        for (text, want) in cases {
            let lines = clean_lines(text);
            let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(texts, *want, "{text}");
        }
    }

    #[test]
    fn plain_nfc_characters_need_no_normalisation() {
        use unicode_normalization::char::canonical_combining_class;
        for c in ('\0'..='\u{2fff}').filter(|&c| is_plain_nfc(c)) {
            // Each is NFC alone and, with no combining class, cannot reorder or compose
            // with a neighbour that is itself plain.
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        let cases = [
            ("Smith J, O’Brien – “Title” • 2001", true),
            ("Zoë and Ângela", true),
            ("e\u{301}", false),
            ("A\u{2000}B", false),
        ];
        for (text, kept) in cases {
            assert_eq!(
                matches!(normalise_text(text), Cow::Borrowed(_)),
                kept,
                "{text}"
            );
        }
        assert_eq!(normalise_text("e\u{301}"), "\u{e9}");
    }

    #[test]
    fn form_feeds_break_pages_inside_lines() {
        let kinds = |text: &str| -> Vec<(String, LineKind)> {
            clean_lines(text)
                .into_iter()
                .filter(|l| l.kind != LineKind::Blank)
                .map(|l| (l.text, l.kind))
                .collect()
        };
        let text = |t: &str| (t.to_owned(), LineKind::Text);
        let page_break = (String::new(), LineKind::PageBreak);
        assert_eq!(
            kinds("End of one\u{c}Start of two\nMore"),
            vec![
                text("End of one"),
                page_break.clone(),
                text("Start of two"),
                text("More")
            ]
        );
        assert_eq!(
            kinds("One\n\u{c}\nTwo\n"),
            vec![text("One"), page_break, text("Two")]
        );
        assert_eq!(kinds("No break\n"), vec![text("No break")]);
    }

    #[test]
    fn mojibake_is_repaired() {
        let cases = [
            ("rue de lâ€™Invention", "rue de l’Invention"),
            ("Universitat de ValÃ¨ncia", "Universitat de València"),
            // Encoded twice, beside a correct accent and a no-break space printed as a space.
            (
                "Québec, rue de lÃ¢â‚¬â„¢Espoir, Utopia G1L 3Ã‚ L5",
                "Québec, rue de l’Espoir, Utopia G1L 3 L5",
            ),
            ("Zoë and Ângela", "Zoë and Ângela"),
        ];
        for (text, want) in cases {
            assert_eq!(normalise_text(text), want, "{text}");
        }
    }

    #[test]
    fn cleans_markup_and_chrome() {
        let cases: &[(&str, &[(&str, LineKind)])] = &[
            ("Skip to main content\nTitle", &[("Title", LineKind::Text)]),
            ("## References", &[("References", LineKind::Heading(2))]),
            ("•  Mei Lin1,", &[("Mei Lin1,", LineKind::Bullet(1))]),
            ("○  Erica Lang", &[("Erica Lang", LineKind::Bullet(2))]),
            ("○  CrossRef |", &[("CrossRef |", LineKind::LinkResidue)]),
            ("•  PubMed", &[("PubMed", LineKind::Bullet(1))]),
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
            (
                r"Okafor L\*a, Lindqvist M\_b",
                &[("Okafor L*a, Lindqvist M_b", LineKind::Text)],
            ),
            (
                r"Invented J. 2016\. 12\(3\): 45\-67\. \[PubMed\]",
                &[("Invented J. 2016. 12(3): 45-67. [PubMed]", LineKind::Text)],
            ),
            (
                r#"C:\data\x, \alpha and {\"O}land \& co"#,
                &[(r#"C:\data\x, \alpha and {\"O}land \& co"#, LineKind::Text)],
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
