//! The visible DOM as light Markdown: what the shared text pipeline reads.
//!
//! Headings become `#` lines, every block element its own line (one paragraph is one line,
//! inline text joined by single spaces), list items `•` / `○` lines (numbered `12. ` in an
//! ordered list unless the item prints its own label), table rows one line with ` | `
//! between cells, `<br>` a line break. Chrome (see [`super::chrome`]) is left out.
//!
//! The walk is iterative with an explicit stack and stops descending at
//! [`Limits::max_html_depth`](crate::decode::Limits), so no page can overflow the stack.
//! A first pass (also iterative) sizes every element's text and link text, for the
//! link-density test and to know which containers hold article parts.

use super::chrome::{self, TokenVerdict};
use super::markup::attribute;
use crate::rules;
use ego_tree::NodeRef;
use regex::Regex;
use rustc_hash::FxHashMap;
use scraper::{Html, Node};
use std::sync::LazyLock;

/// Block elements: each starts and ends a line.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// Blocks followed by a blank line (paragraph-like).
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "blockquote",
    "figcaption",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// A link-dense block: at least this many links ...
const LINK_DENSE_MIN_LINKS: u32 = 4;
/// ... and at least this share of its text inside links ...
const LINK_DENSE_SHARE: f64 = 0.8;
/// ... and at most this much text (a bigger block is content, whatever its links).
const LINK_DENSE_MAX_CHARS: u32 = 6000;

/// A block with more text than this ...
const CONTENT_MIN_CHARS: u32 = 2500;
/// ... and less than this share of it in links is content, not chrome.
const CONTENT_MAX_LINK_SHARE: f64 = 0.3;

/// A table cell with more text than this, or more blocks than [`LAYOUT_CELL_MIN_BLOCKS`],
/// is page layout: its content is written as blocks, not as one cell.
const LAYOUT_CELL_MIN_CHARS: u32 = 600;
const LAYOUT_CELL_MIN_BLOCKS: u32 = 3;

/// A list under a list item with at most this much text, nearly all in links, is link
/// residue (`CAS ISI PubMed`) and is written as one line.
const INLINE_LIST_MAX_CHARS: u32 = 120;

/// Forms larger than this hold the page (old ASP.NET pages wrap everything in one).
const FORM_MAX_CHROME_CHARS: u32 = 2000;

/// What a tag name is to the walk: every element is asked several times, so one look-up
/// per element (in [`measure`]) answers all the tag tables.
#[derive(Debug, Clone, Copy, Default)]
struct TagFlags {
    /// Never visible text ([`chrome::is_never_text`]).
    never_text: bool,
    /// One of [`BLOCK_TAGS`].
    block: bool,
    /// One of [`PARAGRAPH_TAGS`].
    paragraph: bool,
    /// `h1` to `h6`.
    heading: Option<u8>,
}

static TAG_FLAGS: LazyLock<FxHashMap<&'static str, TagFlags>> = LazyLock::new(|| {
    let mut flags: FxHashMap<&'static str, TagFlags> = FxHashMap::default();
    for tag in chrome::NEVER_TEXT_TAGS {
        flags.entry(tag).or_default().never_text = true;
    }
    for tag in BLOCK_TAGS {
        flags.entry(tag).or_default().block = true;
    }
    for tag in PARAGRAPH_TAGS {
        flags.entry(tag).or_default().paragraph = true;
    }
    for (level, tag) in (1..).zip(["h1", "h2", "h3", "h4", "h5", "h6"]) {
        flags.entry(tag).or_default().heading = Some(level);
    }
    flags
});

fn tag_flags(tag: &str) -> TagFlags {
    TAG_FLAGS.get(tag).copied().unwrap_or_default()
}

/// A printed list label at the start of an item: `12.`, `[12]`, `12)`, `(12)`.
static ITEM_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])(?:\s|$)").unwrap());

/// Separators between authors in a plain-text byline.
static AUTHOR_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[,;&]|\band\b").unwrap());

/// Lines that are only separators left between author items (`,`, `and`, `&`).
static SEPARATOR_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:[\s,;.&·•|]|and)*$").unwrap());

/// Sizes of one element's subtree, from the first pass.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    text_chars: u32,
    link_chars: u32,
    links: u32,
    /// The subtree holds an element with a strong article class (abstract, references...).
    has_article_part: bool,
    /// `h1` elements in the subtree: one is the page's title, several are teasers.
    h1s: u32,
    /// The subtree holds an `h1` or `h2`.
    has_top_heading: bool,
    /// Block elements in the subtree (a table cell holding several is page layout).
    blocks: u32,
    /// The subtree below the element marks authors one by one.
    has_author_item: bool,
    /// The element's own class, id and itemprop tokens, judged once here for both passes.
    tokens: chrome::TokenVerdict,
    /// What its tag name is.
    flags: TagFlags,
}

/// What one output line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutKind {
    Text,
    Heading(u8),
}

/// One line of output before it is written.
#[derive(Debug, Clone)]
pub struct OutLine {
    pub text: String,
    pub kind: OutKind,
    pub blank_after: bool,
}

/// The walk's result: lines and whether the depth limit cut it short.
pub struct Rendered {
    pub lines: Vec<OutLine>,
    pub truncated_at_depth: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    Bullet(usize),
    Number(i64),
}

#[derive(Debug, Clone, Copy)]
struct ListFrame {
    ordered: bool,
    next: i64,
}

/// What closing an element must undo.
#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    block: bool,
    paragraph: bool,
    heading: bool,
    list: bool,
    row: bool,
    cell: bool,
    pre: bool,
    article: bool,
    author_group: bool,
    author_item: bool,
    item: bool,
    references: bool,
    inline_list: bool,
    reference_item: bool,
    residue: bool,
    link: bool,
    article_part: bool,
    byline_text: bool,
    superscript: bool,
}

#[derive(Default)]
struct Writer {
    lines: Vec<OutLine>,
    current: String,
    pending_space: bool,
    prefix: Option<Prefix>,
    heading: Option<u8>,
    /// Inside a heading or table cell: block boundaries are spaces.
    flatten: usize,
    lists: Vec<ListFrame>,
    /// Cells seen in each open table row.
    rows: Vec<usize>,
    pre: usize,
    /// Open `<article>` / `<main>` elements (the article's own header and footer).
    article: usize,
    author_groups: usize,
    author_items: usize,
    /// Open list items.
    items: usize,
    /// Open reference-list containers (their author spans are not a byline).
    references: usize,
    /// Open items of a reference list: written on one line whatever their inner blocks.
    reference_items: usize,
    /// Open bylines of plain text (names and superscripts, no per-author markup).
    byline_text: usize,
    /// Open `<sup>` elements.
    superscripts: usize,
    /// Open elements that are parts of the article (authors, abstract, references...):
    /// class names below them do not make chrome.
    article_parts: usize,
    /// Length of `current` when the last link closed: a link right after it is a separate
    /// label (`CrossRef` `Medline`), not one word.
    link_end: Option<usize>,
    /// The DOI behind a link of the open reference item (`CrossRef`, `Article`), to be
    /// written into its text, which often does not print it.
    reference_doi: Option<String>,
    /// The open reference item is numbered: its link labels may go to a line of their own.
    reference_numbered: bool,
    /// The open reference item's link labels have started a line of their own.
    reference_residue: bool,
    /// The open reference item has link labels (its DOI goes before them).
    reference_labels: bool,
    /// Where in `current` the open reference item's first link label starts, when the
    /// labels stay on the reference's line (an unnumbered list): its DOI goes there.
    reference_labels_at: Option<usize>,
}

impl Writer {
    /// Inside a byline container (with or without markup per author).
    fn in_byline_block(&self) -> bool {
        self.author_groups > 0 || self.byline_text > 0
    }

    fn push_text(&mut self, text: &str) {
        if self.pre > 0 && text.contains('\n') {
            let mut first = true;
            for piece in text.split('\n') {
                if !first {
                    self.break_line(false);
                }
                first = false;
                self.push_words(piece);
            }
            return;
        }
        if self.byline_text > 0 && self.superscripts == 0 && self.author_items == 0 {
            // A byline of plain text: each separator ends one author's line.
            let mut from = 0;
            for separator in AUTHOR_SEPARATOR.find_iter(text) {
                self.push_words(&text[from..separator.end()]);
                if !self.current.trim().is_empty() {
                    self.flush(false);
                    self.prefix = Some(Prefix::Bullet(1));
                }
                from = separator.end();
            }
            self.push_words(&text[from..]);
            return;
        }
        self.push_words(text);
    }

    fn push_words(&mut self, text: &str) {
        // Most text nodes are ASCII: split by byte, without decoding characters. (The
        // ASCII whitespace of `split_whitespace` is that of `split_ascii_whitespace` plus
        // the vertical tab.)
        if text.is_ascii() && memchr::memchr(b'\x0B', text.as_bytes()).is_none() {
            self.push_ascii_words(text);
        } else {
            self.push_split_words(text, text.split_whitespace());
        }
    }

    /// [`Writer::push_split_words`] for ASCII text without vertical tabs: words already
    /// apart by single spaces are appended as one piece (page text is mostly such runs
    /// between the line breaks and indents of the markup).
    fn push_ascii_words(&mut self, text: &str) {
        let bytes = text.as_bytes();
        if bytes.first().is_some_and(u8::is_ascii_whitespace) {
            self.pending_space = true;
        }
        let mut any_word = false;
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i == bytes.len() {
                break;
            }
            // A run of words with one space between each.
            let start = i;
            loop {
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let single_space = bytes.get(i) == Some(&b' ')
                    && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
                if !single_space {
                    break;
                }
                i += 1;
            }
            if self.pending_space && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.pending_space = true;
            any_word = true;
            self.current.push_str(&text[start..i]);
        }
        self.pending_space =
            bytes.last().is_some_and(u8::is_ascii_whitespace) || (self.pending_space && !any_word);
    }

    /// Appends `words` (the whitespace-separated words of `text`) with single spaces,
    /// keeping a space pending across text nodes where `text` starts or ends with one.
    fn push_split_words<'t>(&mut self, text: &str, words: impl Iterator<Item = &'t str>) {
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        let mut any_word = false;
        for word in words {
            if self.pending_space && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.pending_space = true;
            any_word = true;
            self.current.push_str(word);
        }
        self.pending_space =
            text.ends_with(char::is_whitespace) || (self.pending_space && !any_word);
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    /// Ends the current line (a block boundary). Inside a heading or cell it is a space.
    fn break_line(&mut self, blank_after: bool) {
        if self.flatten > 0 {
            self.space();
            return;
        }
        self.flush(blank_after);
    }

    fn flush(&mut self, blank_after: bool) {
        self.pending_space = false;
        let text = self.current.trim();
        if text.is_empty() || SEPARATOR_LINE.is_match(text) {
            self.current.clear();
            if blank_after {
                if let Some(last) = self.lines.last_mut() {
                    last.blank_after = true;
                }
            }
            return;
        }
        let text = match self.prefix.take() {
            Some(Prefix::Bullet(level)) => {
                if ITEM_LABEL.is_match(text) {
                    text.to_owned()
                } else if level <= 1 {
                    format!("• {text}")
                } else {
                    format!("○ {text}")
                }
            }
            Some(Prefix::Number(n)) => {
                if ITEM_LABEL.is_match(text) || text.starts_with(|c: char| c.is_ascii_digit()) {
                    text.to_owned()
                } else {
                    format!("{n}. {text}")
                }
            }
            None => text.to_owned(),
        };
        let kind = match self.heading {
            Some(level) => OutKind::Heading(level),
            None => OutKind::Text,
        };
        self.lines.push(OutLine {
            text,
            kind,
            blank_after,
        });
        self.current.clear();
    }
}

/// Renders the visible body of a parsed page as Markdown lines.
pub fn render_markdown(html: &Html, max_depth: usize) -> Rendered {
    let root = html.tree.root();
    let stats = measure(root);
    let mut w = Writer {
        lines: Vec::with_capacity(256),
        current: String::with_capacity(256),
        pending_space: false,
        prefix: None,
        heading: None,
        flatten: 0,
        lists: Vec::new(),
        rows: Vec::new(),
        pre: 0,
        article: 0,
        author_groups: 0,
        author_items: 0,
        items: 0,
        references: 0,
        reference_items: 0,
        article_parts: 0,
        byline_text: 0,
        superscripts: 0,
        link_end: None,
        reference_doi: None,
        reference_numbered: false,
        reference_residue: false,
        reference_labels: false,
        reference_labels_at: None,
    };
    let mut frames: Vec<Frame> = Vec::with_capacity(64);
    let mut truncated = false;
    let mut node = root;
    'walk: loop {
        // Open `node`; descend into it when it is entered and has children.
        let descend = match node.value() {
            Node::Text(text) => {
                w.push_text(text);
                None
            }
            Node::Element(_) | Node::Document | Node::Fragment => {
                match open_element(&mut w, node, &stats) {
                    Some(frame) => {
                        if frames.len() >= max_depth && node.has_children() {
                            truncated = true;
                            close_element(&mut w, frame);
                            None
                        } else if let Some(child) = node.first_child() {
                            frames.push(frame);
                            Some(child)
                        } else {
                            close_element(&mut w, frame);
                            None
                        }
                    }
                    None => None,
                }
            }
            _ => None,
        };
        if let Some(child) = descend {
            node = child;
            continue;
        }
        // Move on: the next sibling, or close parents until one has a next sibling.
        loop {
            if node == root {
                break 'walk;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    if let Some(frame) = frames.pop() {
                        close_element(&mut w, frame);
                    }
                }
                None => break 'walk,
            }
        }
    }
    w.flush(false);
    Rendered {
        lines: w.lines,
        truncated_at_depth: truncated,
    }
}

/// Classes that hide an element from sight and keep it for screen readers.
const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
];

fn is_screen_reader_only(element: &scraper::node::Element) -> bool {
    attribute(element, "class").is_some_and(is_screen_reader_class)
}

/// Whether a class value holds one of [`SCREEN_READER_ONLY`].
pub(super) fn is_screen_reader_class(class: &str) -> bool {
    class
        .split_ascii_whitespace()
        .any(|c| SCREEN_READER_ONLY.iter().any(|s| c.eq_ignore_ascii_case(s)))
}

/// Opens an element: `None` when it is skipped whole.
fn open_element(
    w: &mut Writer,
    node: NodeRef<'_, Node>,
    stats: &FxHashMap<ego_tree::NodeId, Stats>,
) -> Option<Frame> {
    let Some(element) = node.value().as_element() else {
        return Some(Frame::default());
    };
    let tag = match element.name() {
        // ARIA lists of `div`s (`role="list"` / `role="listitem"`; Atypon's reference
        // lists) are lists.
        "div" => match attribute(element, "role") {
            Some("list") => "ul",
            Some("listitem") => "li",
            _ => "div",
        },
        tag => tag,
    };
    let stat = stats.get(&node.id()).copied();
    let flags = stat.map_or_else(|| tag_flags(tag), |s| s.flags);
    // A button is no text, except a section's toggle and an author's name that opens the
    // author's card (ScienceDirect prints every name of its byline as a button).
    let kept_button = tag == "button" && (is_section_toggle(element) || w.in_byline_block());
    if flags.never_text && !kept_button {
        return None;
    }
    // A screen reader's label inside a byline ("Author links open overlay panel") is no
    // name.
    if w.in_byline_block() && is_screen_reader_only(element) {
        return None;
    }
    let mut verdict = stat.map_or_else(|| chrome::judge_tokens(element), |s| s.tokens);
    // A byline is a block; an `id="authors"` on a link is only an anchor.
    if !flags.block && flags.heading.is_none() {
        verdict.author_group = false;
    }
    let stat = stat.unwrap_or_default();
    let mut frame = Frame::default();
    // Inside a heading an inline element is part of its text, whatever its class says
    // ("Volume 1, 2015 - <a class=nav-toc-list>Issue 1</a>").
    let in_heading_text = w.heading.is_some() && !flags.block;
    if in_heading_text && chrome::is_hidden(element) {
        return None;
    }
    if !in_heading_text
        && is_chrome(
            element,
            tag,
            verdict,
            stat,
            w.article > 0,
            w.article_parts > 0,
        )
    {
        return None;
    }
    if tag == "br" {
        w.break_line(false);
        return None;
    }
    if tag == "a" && is_glyph_link(node) {
        return None;
    }
    if verdict.article || verdict.author_item || verdict.author_group {
        w.article_parts += 1;
        frame.article_part = true;
    }
    if tag == "a" {
        if w.reference_items > 0 && short_text(node, 40).is_some_and(|t| rules::is_link_residue(&t))
        {
            let numbered = w.reference_numbered || ITEM_LABEL.is_match(w.current.trim_start());
            if numbered && !w.reference_residue {
                // The first link label of a numbered reference ("PubMed Abstract",
                // "CrossRef") ends its text: the labels go to a line of their own.
                end_reference_text(w);
            } else if !w.reference_labels && !w.reference_residue {
                // (An opening bracket, `[CrossRef]`, belongs to the label.)
                let text = w.current.trim_end();
                let text = text.strip_suffix(['[', '(']).unwrap_or(text).trim_end();
                w.reference_labels_at = Some(text.len());
            }
            w.reference_labels = true;
        }
        if w.link_end == Some(w.current.len()) || is_label_glued_to_text(w, node) {
            w.space();
        }
        // An ORCID icon link right after a name in a byline shows no iD (an image,
        // "ORCID"): its iD is written out so that it stays with the name. A link that
        // prints its iD, or one on a line of its own (an author card's), is left alone.
        if (w.author_items > 0 || w.in_byline_block())
            && !w.current.trim().is_empty()
            && w.current.len() <= 80
        {
            let id = attribute(element, "href")
                .and_then(orcid_of_href)
                .filter(|id| short_text(node, 80).is_some_and(|t| !t.contains(id)));
            if let Some(id) = id {
                w.space();
                w.push_words(id);
                w.pending_space = true;
            }
        }
        frame.link = true;
    }
    if w.reference_items > 0
        && matches!(tag, "li" | "div" | "ul" | "ol" | "p")
        && !(verdict.article || verdict.reference || verdict.author_item)
        && stat.links > 0
        && stat.text_chars <= INLINE_LIST_MAX_CHARS
        && f64::from(stat.link_chars) >= LINK_DENSE_SHARE * f64::from(stat.text_chars)
        && short_text(node, 4 * INLINE_LIST_MAX_CHARS as usize)
            .is_some_and(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        // Link labels after a reference ("Article | PDF | View Record in Scopus"): a line
        // of their own after the reference's line.
        end_reference_text(w);
        w.reference_residue = true;
        frame.residue = true;
    }
    if matches!(tag, "article" | "main") || attribute(element, "role") == Some("main") {
        w.article += 1;
        frame.article = true;
    }
    // A container that holds the title (`div.citation` around a header) is no reference.
    if verdict.reference && stat.h1s == 0 {
        w.references += 1;
        frame.references = true;
    }
    if tag == "sup" {
        let in_byline = w.author_items > 0 || w.in_byline_block();
        if in_byline && w.superscripts == 0 && is_letter_label_after_word(w, node) {
            // "Rotariu<sup>a</sup>" would read as the name "Rotariua": keep the label apart.
            w.space();
        }
        w.superscripts += 1;
        frame.superscript = true;
    }
    if verdict.author_group
        && stat.blocks <= 1
        && !stat.has_author_item
        && w.author_items == 0
        && w.items == 0
        && w.references == 0
        && w.flatten == 0
        && w.byline_text == 0
    {
        // A byline with no markup per author ("A 1, B 2 and C 1"): split at separators.
        w.flush(false);
        w.prefix = Some(Prefix::Bullet(1));
        w.byline_text += 1;
        frame.byline_text = true;
        frame.block = true;
        frame.paragraph = true;
        return Some(frame);
    }
    if verdict.author_group {
        w.author_groups += 1;
        frame.author_group = true;
    }
    // A heading inside a list item (an affiliation, an author's name) is item text.
    if let Some(level) = flags.heading.filter(|_| w.items == 0) {
        w.break_line(false);
        if w.flatten == 0 {
            w.heading = Some(level);
        }
        w.flatten += 1;
        frame.heading = true;
        frame.paragraph = true;
        return Some(frame);
    }
    match tag {
        "ul" | "ol" | "menu"
            if w.items > 0
                && stat.links > 0
                && stat.text_chars <= INLINE_LIST_MAX_CHARS
                && f64::from(stat.link_chars) >= LINK_DENSE_SHARE * f64::from(stat.text_chars) =>
        {
            // Link labels under an item ("CAS ISI PubMed"): one line of their own.
            w.break_line(false);
            w.flatten += 1;
            frame.inline_list = true;
            return Some(frame);
        }
        "ul" | "ol" | "menu" => {
            w.break_line(false);
            let start = attribute(element, "start")
                .and_then(|s| s.trim().parse::<i64>().ok())
                .unwrap_or(1);
            w.lists.push(ListFrame {
                // An author list numbered only by markup is a byline, not a ranking.
                ordered: tag == "ol" && !verdict.author_group,
                next: start,
            });
            frame.list = true;
            frame.block = true;
            frame.paragraph = true;
            return Some(frame);
        }
        "li" => {
            w.break_line(false);
            let is_reference_item = w.references > 0 && w.items == 0 && w.flatten == 0;
            w.items += 1;
            frame.item = true;
            if w.flatten == 0 {
                let level = w.lists.len();
                w.prefix = Some(match w.lists.last_mut() {
                    Some(list) if list.ordered => {
                        let n = attribute(element, "value")
                            .and_then(|v| v.trim().parse::<i64>().ok())
                            .unwrap_or(list.next);
                        list.next = n + 1;
                        Prefix::Number(n)
                    }
                    _ => Prefix::Bullet(level.max(1)),
                });
            }
            if is_reference_item {
                // Structured references put authors, title and source in blocks of their
                // own; the reference stays one line.
                w.flatten += 1;
                w.reference_items += 1;
                frame.reference_item = true;
                w.reference_doi = first_doi_link(node);
                w.reference_numbered = matches!(w.prefix, Some(Prefix::Number(_)));
                w.reference_residue = false;
                w.reference_labels = false;
                w.reference_labels_at = None;
            }
            frame.block = true;
            return Some(frame);
        }
        "tr" => {
            w.break_line(false);
            w.rows.push(0);
            frame.row = true;
            frame.block = true;
            return Some(frame);
        }
        "td" | "th" => {
            if stat.text_chars > LAYOUT_CELL_MIN_CHARS || stat.blocks >= LAYOUT_CELL_MIN_BLOCKS {
                // A layout cell: a block like any other.
                w.break_line(false);
                frame.block = true;
                return Some(frame);
            }
            let flat = w.flatten > 0;
            let earlier_cells = w.rows.last_mut().map(|cells| {
                *cells += 1;
                *cells - 1
            });
            if earlier_cells.is_some_and(|n| n > 0) && !flat && !w.current.trim().is_empty() {
                w.current.push_str(" | ");
                w.pending_space = false;
            } else {
                w.space();
            }
            w.flatten += 1;
            frame.cell = true;
            return Some(frame);
        }
        // A section's toggle reads as a heading; an author's name in a byline as text.
        "button" if !w.in_byline_block() => {
            if w.flatten > 0 {
                return None;
            }
            w.break_line(false);
            w.heading = Some(3);
            w.flatten += 1;
            frame.heading = true;
            frame.paragraph = true;
            return Some(frame);
        }
        "pre" => {
            w.break_line(false);
            w.pre += 1;
            frame.pre = true;
            frame.block = true;
            frame.paragraph = true;
            return Some(frame);
        }
        _ => {}
    }
    // Parts of an address set side by side without punctuation (`<span
    // itemprop="department">…</span><span itemprop="name">…</span>`): a comma between them.
    if !flags.block && is_address_part(element) && follows_address_part(node) {
        let line = w.current.trim_end();
        if !line.is_empty() && !line.ends_with([',', ';', '(']) {
            w.current.truncate(line.len());
            w.current.push(',');
            w.pending_space = true;
        }
    }
    if flags.block {
        w.break_line(false);
        frame.block = true;
        frame.paragraph = flags.paragraph;
    } else if w.author_items == 0
        && w.items == 0
        && w.references == 0
        && w.flatten == 0
        && (verdict.author_item || (w.author_groups > 0 && starts_author_in_group(node)))
    {
        // One author of a byline: a list item of its own, affiliation marks and the
        // separator after it stay on its line.
        w.flush(false);
        w.prefix = Some(Prefix::Bullet(1));
    }
    // A block marked as one author may hold the whole byline (`div.hlFld-ContribAuthor`);
    // only inline author marks bound one author.
    if verdict.author_item && w.flatten == 0 && !flags.block {
        w.author_items += 1;
        frame.author_item = true;
    }
    Some(frame)
}

fn close_element(w: &mut Writer, frame: Frame) {
    if frame.superscript {
        w.superscripts = w.superscripts.saturating_sub(1);
    }
    if frame.byline_text {
        w.byline_text = w.byline_text.saturating_sub(1);
        w.flush(true);
        w.prefix = None;
        return;
    }
    if frame.article_part {
        w.article_parts = w.article_parts.saturating_sub(1);
    }
    if frame.link {
        w.link_end = Some(w.current.len());
    }
    if frame.residue {
        w.flush(false);
    }
    if frame.reference_item {
        // Without labels the DOI goes at the end; labels left on the reference's line
        // (`… 218, 3022–3038. Crossref PubMed`) get it before them, where the reference
        // splitter still finds them at the end.
        if let Some(doi) = w.reference_doi.take() {
            match w.reference_labels_at.take() {
                Some(at) if w.reference_labels => {
                    insert_doi(w, &doi, at);
                }
                None if !w.reference_labels => write_doi(w, &doi),
                _ => {}
            }
        }
        w.flatten = w.flatten.saturating_sub(1);
        w.reference_items = w.reference_items.saturating_sub(1);
    }
    if frame.inline_list {
        w.flatten = w.flatten.saturating_sub(1);
        w.break_line(false);
        return;
    }
    if frame.item {
        w.items = w.items.saturating_sub(1);
    }
    if frame.references {
        w.references = w.references.saturating_sub(1);
    }
    if frame.article {
        w.article = w.article.saturating_sub(1);
    }
    if frame.author_item {
        w.author_items = w.author_items.saturating_sub(1);
    }
    if frame.author_group {
        w.author_groups = w.author_groups.saturating_sub(1);
        w.break_line(true);
    }
    if frame.heading {
        w.flatten = w.flatten.saturating_sub(1);
        if w.flatten == 0 {
            w.flush(true);
            w.heading = None;
        }
        return;
    }
    if frame.cell {
        w.flatten = w.flatten.saturating_sub(1);
        w.space();
        return;
    }
    if frame.row {
        w.rows.pop();
    }
    if frame.list {
        w.lists.pop();
    }
    if frame.pre {
        w.pre = w.pre.saturating_sub(1);
    }
    if frame.block {
        w.break_line(frame.paragraph);
    }
}

/// Ends the text of a reference before its link labels: writes the DOI its links carry
/// when the text does not print it, and starts the labels' line. An opening bracket
/// (`[CrossRef]`) moves with the labels.
fn end_reference_text(w: &mut Writer) {
    let trimmed = w.current.trim_end().len();
    w.current.truncate(trimmed);
    let bracket = w
        .current
        .ends_with(['[', '('])
        .then(|| w.current.pop())
        .flatten();
    if let Some(doi) = w.reference_doi.take() {
        write_doi(w, &doi);
    }
    w.flush(false);
    w.reference_residue = true;
    if let Some(open) = bracket {
        w.current.push(open);
    }
}

/// Writes `doi:…` after the reference text unless the text holds the DOI already.
fn write_doi(w: &mut Writer, doi: &str) {
    let end = w.current.trim_end().len();
    if insert_doi(w, doi, end) {
        w.current.truncate(end + " doi:".len() + doi.len());
        w.pending_space = true;
    }
}

/// Writes `doi:…` at byte `at` of the line (where the reference's link labels start)
/// unless the text before holds the DOI already; whether it did.
fn insert_doi(w: &mut Writer, doi: &str, at: usize) -> bool {
    let Some(text) = w.current.get(..at) else {
        return false;
    };
    if text.trim().is_empty() || text.to_lowercase().contains(&doi.to_lowercase()) {
        return false;
    }
    w.current.insert_str(at, &format!(" doi:{doi}"));
    true
}

/// The DOI behind the first link of a subtree that points at a DOI resolver
/// (`https://doi.org/10.1038%2Fnpp.2013.149`), percent-decoded.
fn first_doi_link(node: NodeRef<'_, Node>) -> Option<String> {
    node.descendants()
        .filter_map(|d| d.value().as_element())
        .filter(|e| e.name() == "a")
        .find_map(|e| attribute(e, "href").and_then(doi_of_href))
}

/// The DOI of a resolver link (`doi.org/10.…`, `dx.doi.org/10.…`).
pub(crate) fn doi_of_href(href: &str) -> Option<String> {
    let href = href.trim();
    let rest = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
        .or_else(|| href.strip_prefix("//"))?;
    let rest = rest
        .strip_prefix("dx.doi.org/")
        .or_else(|| rest.strip_prefix("doi.org/"))
        .or_else(|| rest.strip_prefix("www.doi.org/"))?;
    let doi = percent_decode(rest);
    let doi = doi.trim_end_matches(['.', ',', ';']);
    let (prefix, suffix) = doi.split_once('/')?;
    let registrant = prefix.strip_prefix("10.")?;
    let valid = registrant.len() >= 4
        && registrant.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !suffix.is_empty()
        && !doi.contains(char::is_whitespace);
    valid.then(|| doi.to_owned())
}

/// `%2F` and the like decoded; invalid escapes are kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An accordion toggle names the section it opens ("Acknowledgements and Disclosures").
/// `itemprop` values of the parts of an organisation's address.
const ADDRESS_PARTS: &[&str] = &[
    "department",
    "name",
    "city",
    "country",
    "postalCode",
    "streetAddress",
    "addressLocality",
    "addressRegion",
    "addressCountry",
];

fn is_address_part(element: &scraper::node::Element) -> bool {
    attribute(element, "itemprop").is_some_and(|p| {
        p.split_ascii_whitespace()
            .any(|p| ADDRESS_PARTS.contains(&p))
    })
}

/// Whether the sibling before `node`, past white space, is an address part too.
fn follows_address_part(node: NodeRef<'_, Node>) -> bool {
    let mut previous = node.prev_sibling();
    while let Some(sibling) = previous {
        match sibling.value() {
            Node::Text(text) if text.trim().is_empty() => previous = sibling.prev_sibling(),
            Node::Element(element) => return is_address_part(element),
            _ => return false,
        }
    }
    false
}

fn is_section_toggle(element: &scraper::node::Element) -> bool {
    attribute(element, "aria-controls").is_some() || attribute(element, "aria-expanded").is_some()
}

/// True when an element is page chrome to be skipped whole.
fn is_chrome(
    element: &scraper::node::Element,
    tag: &str,
    verdict: TokenVerdict,
    stat: Stats,
    in_article: bool,
    in_article_part: bool,
) -> bool {
    if matches!(tag, "html" | "body" | "main" | "article") {
        return false;
    }
    // The article's own parts are kept even when the site hides them until clicked.
    let article_like = verdict.article || verdict.author_item || verdict.author_group;
    if chrome::is_hidden(element) && !article_like && !in_article_part {
        return true;
    }
    // Inside an author list or reference list a `name-search` link is the author's name.
    let protected = article_like || in_article_part || stat.has_article_part || stat.h1s == 1;
    match tag {
        "nav" => return true,
        "aside" => return !protected,
        "header" | "footer" => return !(in_article || protected),
        "form" => return stat.text_chars < FORM_MAX_CHROME_CHARS && !protected,
        _ => {}
    }
    if chrome::has_chrome_role(element) && !protected {
        return true;
    }
    // A large block with little of its text in links is content, whatever its class says
    // (`toc-section`, `related-content` wrappers around the whole article).
    let is_content_sized = stat.text_chars > CONTENT_MIN_CHARS
        && f64::from(stat.link_chars) < CONTENT_MAX_LINK_SHARE * f64::from(stat.text_chars);
    if verdict.chrome && !protected && !is_content_sized {
        return true;
    }
    if !protected
        && !stat.has_top_heading
        && matches!(tag, "div" | "ul" | "ol" | "section" | "table")
        && stat.links >= LINK_DENSE_MIN_LINKS
        && stat.text_chars <= LINK_DENSE_MAX_CHARS
        && f64::from(stat.link_chars) >= LINK_DENSE_SHARE * f64::from(stat.text_chars)
    {
        return true;
    }
    false
}

/// A link labelled like a button (`View Article`, `Email author`) written right after a
/// word: a separate label, not the end of that word.
fn is_label_glued_to_text(w: &Writer, node: NodeRef<'_, Node>) -> bool {
    if w.pending_space || !w.current.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    short_text(node, 40).is_some_and(|t| {
        let t = t.trim_start();
        t.starts_with(|c: char| c.is_uppercase())
            && t.chars().take_while(|c| c.is_alphabetic()).count() >= 3
    })
}

/// A superscript label that starts with a lower-case letter (`a`, `b,c`) right after a
/// letter.
fn is_letter_label_after_word(w: &Writer, node: NodeRef<'_, Node>) -> bool {
    !w.pending_space
        && w.current.ends_with(char::is_alphabetic)
        && short_text(node, 12).is_some_and(|t| t.trim_start().starts_with(char::is_lowercase))
}

/// Link texts that only jump back into the article text.
const BACK_LINK_GLYPHS: &[&str] = &["↵", "^", "↑", "⤴", "⬆", "▲", "⇧", "back"];

/// A link whose whole text is a back-link glyph (`↵`, `^`): a jump back into the text.
/// Footnote marks (`†`, `*`) are content and stay.
/// The iD an `orcid.org` link points to (`https://orcid.org/0000-0002-1825-0097`).
fn orcid_of_href(href: &str) -> Option<&str> {
    let at = href.find("orcid.org/")? + "orcid.org/".len();
    let id = href.get(at..at + 19)?;
    let shape_ok = id.bytes().enumerate().all(|(i, b)| match i {
        4 | 9 | 14 => b == b'-',
        18 => b.is_ascii_digit() || b == b'X',
        _ => b.is_ascii_digit(),
    });
    shape_ok.then_some(id)
}

fn is_glyph_link(node: NodeRef<'_, Node>) -> bool {
    short_text(node, 16).is_some_and(|text| {
        let text = text.trim();
        BACK_LINK_GLYPHS
            .iter()
            .any(|g| text.eq_ignore_ascii_case(g))
    })
}

/// The text of a subtree when it is at most `limit` bytes long.
fn short_text(node: NodeRef<'_, Node>, limit: usize) -> Option<String> {
    let mut text = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            text.push_str(t);
            if text.len() > limit {
                return None;
            }
        }
    }
    Some(text)
}

/// In a byline container, a direct child link or name span starts a new author.
fn starts_author_in_group(node: NodeRef<'_, Node>) -> bool {
    let Some(element) = node.value().as_element() else {
        return false;
    };
    if !matches!(element.name(), "a" | "span" | "strong" | "b") {
        return false;
    }
    let parent_is_group = node
        .parent()
        .and_then(|p| p.value().as_element().map(chrome::judge_tokens))
        .is_some_and(|v| v.author_group);
    if !parent_is_group {
        return false;
    }
    // A name has letters and starts upper-case; affiliation marks and separators do not.
    let mut text = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            text.push_str(t);
            if text.len() > 80 {
                break;
            }
        }
    }
    let text = text.trim();
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text.chars().next().is_some_and(char::is_uppercase)
}

/// First pass: sizes of every element's subtree, bottom-up, without recursion.
fn measure(root: NodeRef<'_, Node>) -> FxHashMap<ego_tree::NodeId, Stats> {
    let mut stats: FxHashMap<ego_tree::NodeId, Stats> =
        FxHashMap::with_capacity_and_hasher(root.tree().values().len(), Default::default());
    // Stack of (node id, accumulated stats, is a link, is an author item).
    let mut stack: Vec<(ego_tree::NodeId, Stats, bool, bool)> = Vec::with_capacity(64);
    let mut skipped_depth: Option<usize> = None;
    let mut verdicts = chrome::VerdictCache::default();
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let tag = element.name();
                    let flags = tag_flags(tag);
                    if skipped_depth.is_none() && flags.never_text {
                        skipped_depth = Some(stack.len());
                    }
                    let verdict = chrome::judge_tokens_cached(element, &mut verdicts);
                    let own = Stats {
                        has_article_part: verdict.strong_article,
                        h1s: u32::from(tag == "h1"),
                        has_top_heading: matches!(tag, "h1" | "h2"),
                        blocks: u32::from(flags.block || flags.heading.is_some()),
                        tokens: verdict,
                        flags,
                        ..Stats::default()
                    };
                    stack.push((node.id(), own, tag == "a", verdict.author_item));
                }
                Node::Text(text) if skipped_depth.is_none() => {
                    let chars = text.trim().chars().count() as u32;
                    if let Some(top) = stack.last_mut() {
                        top.1.text_chars += chars;
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                let Some((id, mut own, is_link, own_author_item)) = stack.pop() else {
                    continue;
                };
                if skipped_depth == Some(stack.len()) {
                    skipped_depth = None;
                    own = Stats {
                        tokens: own.tokens,
                        flags: own.flags,
                        ..Stats::default()
                    };
                }
                if is_link {
                    own.links += 1;
                    own.link_chars = own.text_chars;
                }
                stats.insert(id, own);
                if let Some(parent) = stack.last_mut() {
                    parent.1.text_chars += own.text_chars;
                    parent.1.link_chars += own.link_chars;
                    parent.1.links += own.links;
                    parent.1.has_article_part |= own.has_article_part;
                    parent.1.h1s += own.h1s;
                    parent.1.has_top_heading |= own.has_top_heading;
                    parent.1.blocks += own.blocks;
                    parent.1.has_author_item |= own.has_author_item || own_author_item;
                }
            }
        }
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(html: &str) -> String {
        let page = Html::parse_document(html);
        let rendered = render_markdown(&page, 512);
        rendered
            .lines
            .iter()
            .map(|l| match l.kind {
                OutKind::Heading(n) => format!("{} {}", "#".repeat(n as usize), l.text),
                OutKind::Text => l.text.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    proptest::proptest! {
        /// The run-at-a-time ASCII path appends what the word-at-a-time path appends.
        #[test]
        fn ascii_words_are_pushed_as_word_by_word(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "bc", " ", "  ", "\n", "\t", "\r", "\x0C", "x y", ".,"]),
                0..12,
            ),
            current in proptest::sample::select(vec!["", "w", "w "]),
            pending_space: bool,
        ) {
            let text: String = pieces.concat();
            let start = |w: &mut Writer| {
                w.current = current.to_owned();
                w.pending_space = pending_space;
            };
            let (mut fast, mut slow) = (Writer::default(), Writer::default());
            start(&mut fast);
            start(&mut slow);
            fast.push_ascii_words(&text);
            slow.push_split_words(&text, text.split_ascii_whitespace());
            proptest::prop_assert_eq!(&fast.current, &slow.current);
            proptest::prop_assert_eq!(fast.pending_space, slow.pending_space);
        }
    }

    #[test]
    fn renders_blocks_as_markdown_lines() {
        let cases: &[(&str, &str)] = &[
            (
                "<h1>A  title</h1><p>One\n  paragraph <i>with</i> <b>inline</b>\ntext.</p>",
                "# A title\nOne paragraph with inline text.",
            ),
            ("<h3>Methods <small>(new)</small></h3>", "### Methods (new)"),
            ("<p>line one<br>line two</p>", "line one\nline two"),
            (
                "<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>",
                "• a\n• b\n○ c",
            ),
            (
                "<ol start=\"3\"><li>Smith J. A paper.</li><li value=\"9\">Doe K.</li></ol>",
                "3. Smith J. A paper.\n9. Doe K.",
            ),
            (
                "<ol><li><span>12.</span> Smith J.</li></ol>",
                "12. Smith J.",
            ),
            ("<ul><li>[4] Doe K.</li></ul>", "[4] Doe K."),
            // Address parts side by side without punctuation.
            (
                "<p><span itemprop=\"department\">Department of Invented Studies</span><span itemprop=\"name\">University of Utopia</span> <span itemprop=\"city\">Utopia</span><span itemprop=\"country\">Norway</span></p>",
                "Department of Invented Studies, University of Utopia, Utopia, Norway",
            ),
            (
                "<table><tr><th>a</th><th>b</th></tr><tr><td><p>1</p></td><td>2</td></tr></table>",
                "a | b\n1 | 2",
            ),
            (
                "<dl><dt>Received</dt><dd>5 June 2013</dd></dl>",
                "Received\n5 June 2013",
            ),
            (
                "<p>Mei Lin<sup>1</sup>, Erica Lang <sup>1,2</sup></p>",
                "Mei Lin1, Erica Lang 1,2",
            ),
            ("<pre>a  b\nc</pre>", "a b\nc"),
            (
                "<p>x <a>CrossRef</a><a>Medline</a></p>",
                "x CrossRef Medline",
            ),
            (
                "<ol><li><span class=\"author\">Levy, D.</span>, <span class=\"author\">Kim, W.</span> A title. \
                 <ul><li><a>CAS</a></li><li><a>PubMed</a></li></ul></li></ol>",
                "1. Levy, D., Kim, W. A title.\nCAS PubMed",
            ),
            (
                "<ol class=\"references\"><li><a href=\"#r1\">↵</a><ul><li class=\"author\">B. Adhikari</li>\
                 <li><p>Polymers</p></li><li><p>Prog. Polym. Sci., 29 (2004)</p></li>\
                 <li><a>Article</a> | <a>PDF</a></li></ul><div><a>Scopus</a></div></li><li>Next ref</li></ol>",
                "1. B. Adhikari Polymers Prog. Polym. Sci., 29 (2004)\nArticle | PDF\nScopus\n2. Next ref",
            ),
            (
                "<ol><li><h3>Univ A, Town</h3></li><li><h3>Univ B</h3></li></ol>",
                "1. Univ A, Town\n2. Univ B",
            ),
            (
                "<div class=\"references\"><p><span class=\"author\">Levy D</span>, <span class=\"author\">Kim W</span>. Title.</p></div>",
                "Levy D, Kim W. Title.",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(render(html), *want, "{html}");
        }
    }

    #[test]
    fn reference_links_give_their_doi_to_the_reference_text() {
        let cases: &[(&str, &str)] = &[
            (
                "<ol class=\"references\"><li>Smith J: Cells. Nature 2001, 1:2-3. \
                 <a href=\"/pubmed/1\">PubMed Abstract</a> | \
                 <a href=\"http://dx.doi.org/10.1038/abc.1\">Publisher Full Text</a></li></ol>",
                "1. Smith J: Cells. Nature 2001, 1:2-3. doi:10.1038/abc.1\nPubMed Abstract | Publisher Full Text",
            ),
            (
                "<ol class=\"references\"><li>Doe, A. Mol. Psy. 26, 118 (2021). \
                 <a href=\"https://doi.org/10.1038%2Fs41380-020-0843-0\">Article</a> \
                 <a href=\"/scholar\">Google Scholar</a></li></ol>",
                "1. Doe, A. Mol. Psy. 26, 118 (2021). doi:10.1038/s41380-020-0843-0\nArticle Google Scholar",
            ),
            (
                "<ol class=\"references\"><li>Roe, B. Title. J. 1999, 1, 1–2. [<a href=\"/gs\">Google Scholar</a>] \
                 [<a href=\"http://dx.doi.org/10.1023/A:1007\">CrossRef</a>]</li></ol>",
                "1. Roe, B. Title. J. 1999, 1, 1–2. doi:10.1023/A:1007\n[Google Scholar] [CrossRef]",
            ),
            // The DOI already printed is not repeated.
            (
                "<ol class=\"references\"><li>Roe, B. J. 1999. doi:10.1000/xyz \
                 <a href=\"https://doi.org/10.1000/xyz\">CrossRef</a></li></ol>",
                "1. Roe, B. J. 1999. doi:10.1000/xyz\nCrossRef",
            ),
            // Numbered by a printed label.
            (
                "<ul class=\"references\"><li><span>2.</span> Gao Q: Title. Genomics. 1999; 60: 31–9. \
                 <a href=\"/pubmed/1\">PubMed Abstract</a> | \
                 <a href=\"http://dx.doi.org/10.1006/geno.1999.5894\">Publisher Full Text</a></li></ul>",
                "2. Gao Q: Title. Genomics. 1999; 60: 31–9. doi:10.1006/geno.1999.5894\nPubMed Abstract | Publisher Full Text",
            ),
            // Unnumbered, with the labels on the reference's line: the DOI goes before them.
            (
                "<ul class=\"references\"><li>Roe, B. (2019). Title. J. 1, 2–3. <div class=\"ref__links\">\
                 <a href=\"https://doi.org/10.5555/j.1\">Crossref</a> <a href=\"/s\">PubMed</a></div></li></ul>",
                "• Roe, B. (2019). Title. J. 1, 2–3. doi:10.5555/j.1 Crossref PubMed",
            ),
            (
                "<ul class=\"references\"><li>Roe, B. (2019). Title. J. 1, 2–3. <span class=\"ref-links\">\
                 [<a href=\"https://doi.org/10.5555/j.1\">CrossRef</a>]</span></li></ul>",
                "• Roe, B. (2019). Title. J. 1, 2–3. doi:10.5555/j.1 [CrossRef]",
            ),
            // An ARIA list of `div`s is a list like `ul`.
            (
                "<section class=\"references\"><div role=\"list\"><div role=\"listitem\">Roe, B. (2019). Title. J. 1, 2–3. \
                 <div class=\"external-links\"><a href=\"https://doi.org/10.5555/j.1\">Crossref</a></div></div></div></section>",
                "• Roe, B. (2019). Title. J. 1, 2–3. doi:10.5555/j.1\nCrossref",
            ),
            // A linked title without labels: the DOI goes at the end.
            (
                "<ul class=\"references\"><li>Roe B. 2008. <a href=\"https://doi.org/10.7717/x.1\">A title</a>. J 1:2</li></ul>",
                "• Roe B. 2008. A title. J 1:2 doi:10.7717/x.1",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(render(html), *want, "{html}");
        }
    }

    #[test]
    fn skips_chrome_and_hidden_parts() {
        let cases: &[(&str, &str)] = &[
            ("<nav><a>Home</a></nav><p>Body</p>", "Body"),
            (
                "<script>var x;</script><style>p{}</style><p>Body</p>",
                "Body",
            ),
            (
                "<div hidden>secret</div><div aria-hidden=\"true\">x</div><p>Body</p>",
                "Body",
            ),
            (
                "<div class=\"cookie-banner\">We use cookies</div><p>Body</p>",
                "Body",
            ),
            (
                "<header><a>Journal</a></header><article><header><h1>T</h1></header><p>B</p></article><footer>(c) Site</footer>",
                "# T\nB",
            ),
            (
                "<div class=\"related-articles\"><h2>Related</h2><p>Other</p></div><p>Body</p>",
                "Body",
            ),
            (
                "<div class=\"related-content\"><article><h1>Other A</h1></article><article><h1>Other B</h1></article></div><h1>Title</h1>",
                "# Title",
            ),
            (
                "<aside><p>Ad</p></aside><aside class=\"article-info\"><p>Received 2013</p></aside>",
                "Received 2013",
            ),
            (
                "<div><a>One</a> <a>Two</a> <a>Three</a> <a>Four</a></div><p>Body</p>",
                "Body",
            ),
            (
                "<div class=\"references\"><a>One</a> <a>Two</a> <a>Three</a> <a>Four</a></div>",
                "One Two Three Four",
            ),
            // Inside a heading a link with a menu's class is still the heading's text.
            (
                "<h2>Volume 1, 2015 - <a class=\"nav-toc-list\">Issue 1</a></h2>",
                "## Volume 1, 2015 - Issue 1",
            ),
            // Inline display:none hides accordion bodies: kept.
            (
                "<div style=\"display:none\">Kept</div><p>Body</p>",
                "Kept\nBody",
            ),
            (
                "<form><input><label>Search</label></form><p>Body</p>",
                "Body",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(render(html), *want, "{html}");
        }
    }

    #[test]
    fn puts_each_author_of_a_byline_on_its_own_line() {
        let cases: &[(&str, &str)] = &[
            (
                "<div class=\"authors\"><span class=\"author\">Mei Lin</span><sup>1</sup>, \
                 <span class=\"author\">Erica Lang</span><sup>2</sup> and \
                 <span class=\"author\">Bo Li</span></div>",
                "• Mei Lin1,\n• Erica Lang2 and\n• Bo Li",
            ),
            (
                "<div class=\"author_gp\"><a>Jacob T. Bushong</a>, <a>Eric C. Miller</a>, and <a>D. Brian Arnall</a></div>",
                "• Jacob T. Bushong,\n• Eric C. Miller,\n• D. Brian Arnall",
            ),
            (
                "<div class=\"html-author-group\">Barbara Laddomada <sup>1</sup>, Laura Del Coco <sup>2,*</sup> and Antonio Logrieco <sup>3</sup></div><p>Next</p>",
                "• Barbara Laddomada 1,\n• Laura Del Coco 2,* and\n• Antonio Logrieco 3\nNext",
            ),
            (
                "<div class=\"authors\"><span class=\"contrib\"><a id=\"authors\">Carl Recsei</a></span>, \
                 <span class=\"contrib\"><a id=\"authors\">Bun Chan</a><sup>*</sup><sup>†</sup>, and </span>\
                 <span class=\"contrib\"><a id=\"authors\">Chris McErlean</a><sup>*</sup></span></div>",
                "• Carl Recsei,\n• Bun Chan*†, and\n• Chris McErlean*",
            ),
            (
                "<ul class=\"authorGroup\"><li>Lucian Rotariu<a><sup>a</sup></a><sup>, </sup><a><sup>b</sup></a></li>\
                 <li>Mei Lin<sup>1</sup></li></ul>",
                "• Lucian Rotariu a, b\n• Mei Lin1",
            ),
            (
                "<h5 class=\"authors\">T. Nomura, X.-X. Zhang, and S. Seki</h5>",
                "• T. Nomura,\n• X.-X. Zhang,\n• S. Seki",
            ),
            (
                "<p><span itemprop=\"author\"><span>Ahmet Engin</span><sup>1</sup></span>, \
                 <span itemprop=\"author\"><span>Zafer Evis</span><sup>1</sup></span></p>",
                "• Ahmet Engin1,\n• Zafer Evis1",
            ),
            // An ORCID icon link gives its iD to the name before it.
            (
                "<div class=\"authors\"><a href=\"/people/1\">Mei Lin</a><sup>1</sup>\
                 <a href=\"https://orcid.org/0000-0002-1825-0097\"><img src=\"orcid.png\" alt=\"\"></a>, \
                 <a href=\"/people/2\">Bo Li</a><sup>2</sup></div>",
                "• Mei Lin1 0000-0002-1825-0097 ,\n• Bo Li2",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(render(html), *want, "{html}");
        }
    }
}
