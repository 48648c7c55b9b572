//! Markup nothing reads, dropped from raw markup before parsing.
//!
//! Start tags are half of a saved article page's bytes, and html5ever reads attribute
//! names one character at a time: `style`, `data-*`, `onclick`, `src`, `srcset`, `d` (SVG
//! paths), `xmlns:*` and the like cost parse time and are never looked at. The scan behind
//! [`super::markup::prepare_markup`] tokenizes tags exactly as the HTML tokenizer does (the
//! attribute states of the HTML standard) and writes each start tag again with only the
//! attributes some reader asks for ([`READ_ATTRIBUTES`], [`ELEMENT_ATTRIBUTES`] on the
//! elements they are read on, and a `class` whose value some reader looks at), so the
//! parsed tree is the same as before less those attributes.
//! In the same pass it drops two more things no reader looks at, each a tenth of a saved
//! page: the code of scripts (all but JSON ones, which hold JSON-LD metadata) and of style
//! sheets, leaving the elements empty; and the indentation between tags, a run of
//! whitespace written as one space (HTML shows any run as one space), as is every line
//! break in text, except inside `<pre>` and `<listing>`.
//!
//! Bytes the tokenizer does not read as a tag are never touched: comments, doctypes and
//! bogus comments are skipped to where they end, and the content of raw-text elements
//! (`script`, `style`, `title`, `textarea`, `noscript`, ...) to their end tag. Where the tree
//! builder may read such content as markup instead (inside `<svg>`, `<math>` or `<select>`),
//! content holding a `<` stops the rewriting, and so does anything this scanner does not
//! model (`<![CDATA[`, `<plaintext>`, `<frameset>`, a script that may double-escape, an
//! unterminated tag): the rest of the page is then left as written.
//!
//! The same scan closes self-closing tags and measures the nesting depth for
//! [`super::markup::prepare_markup`] (which the rest of the page still gets after a stop):
//! html5ever then reads the page once, after one scan of the raw markup.
//!
//! Formatting elements (`b`, `i`, `font`, ...) keep every attribute: the tree builder
//! compares their attributes when it limits repeated formatting elements, so dropping one
//! could change the tree.

use super::markup::{IMPLIED_END_TAGS, NameTable, PreparedMarkup, VOID_TAGS};
use super::{chrome, cues, markdown};
use aho_corasick::AhoCorasick;
use memchr::{memchr, memchr2, memmem};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Attribute names (lower case) that a reader of the parsed tree asks for on any element:
/// the DOM passes of this module ([`super::chrome`], [`super::cues`], [`super::head`],
/// [`super::markdown`]), and html5ever's tree builder (`color` / `face` / `size` of a
/// `font` in foreign content, `encoding` of `annotation-xml`, `form`, `shadowrootmode`).
pub const READ_ATTRIBUTES: &[&str] = &[
    "aria-controls",
    "aria-expanded",
    "aria-hidden",
    "class",
    "color",
    "data-test",
    "encoding",
    "face",
    "form",
    "hidden",
    "id",
    "itemprop",
    "itemscope",
    "itemtype",
    "role",
    "shadowrootmode",
    "size",
    "title",
];

/// Attribute names (lower case) read on some elements only, and those elements: a link's
/// `href` (DOIs, ORCID iDs, issue numbers) and the canonical `<link>`'s; the `<meta>`
/// pairs; a list's `start` and an item's `value`; the `type` of a script (JSON-LD) and of
/// an input (the tree builder keeps a hidden one in its table).
pub const ELEMENT_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("content", &["meta"]),
    ("href", &["a", "link"]),
    ("name", &["meta"]),
    ("property", &["meta"]),
    ("rel", &["link"]),
    ("start", &["ul", "ol", "menu"]),
    ("type", &["script", "input"]),
    ("value", &["li"]),
];

/// On which elements an attribute is read.
#[derive(Debug, Clone, Copy)]
enum ReadOn {
    Any,
    Only(&'static [&'static str]),
}

/// Formatting elements whose attributes the tree builder compares (the "Noah's Ark"
/// clause); `a` and `nobr` are left out, as a new one first closes the one open.
const ATTRIBUTE_COMPARED_TAGS: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements whose content the tokenizer reads as text up to their end tag (with scripting
/// enabled, as html5ever parses).
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

/// Tags after which this scanner stops rewriting: what follows is no longer tokenized as
/// markup the way it models.
const STOP_TAGS: &[&str] = &["plaintext", "frameset"];

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// What a tag name is to this scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Svg,
    Math,
    Select,
    Preformatted,
    RawText,
    Stop,
    AttributeCompared,
    /// Never has children: its `/>` is already right ([`VOID_TAGS`]).
    Void,
    /// Ended by what follows: it opens no level of nesting ([`IMPLIED_END_TAGS`]).
    ImpliedEnd,
    Other,
}

impl TagKind {
    /// Counts as a level of nesting.
    fn nests(self) -> bool {
        !matches!(self, TagKind::Void | TagKind::ImpliedEnd)
    }
}

/// The tables compiled once: attribute names kept, and the kind of each listed tag name.
struct Tables {
    read: NameTable<ReadOn>,
    kinds: NameTable<TagKind>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    read: {
        let mut groups = vec![(READ_ATTRIBUTES, ReadOn::Any)];
        groups.extend(
            ELEMENT_ATTRIBUTES
                .iter()
                .map(|(name, tags)| (std::slice::from_ref(name), ReadOn::Only(tags))),
        );
        NameTable::new(&groups)
    },
    kinds: NameTable::new(&[
        (&["svg"], TagKind::Svg),
        (&["math"], TagKind::Math),
        (&["select"], TagKind::Select),
        (&["pre", "listing"], TagKind::Preformatted),
        (RAW_TEXT_TAGS, TagKind::RawText),
        (STOP_TAGS, TagKind::Stop),
        (ATTRIBUTE_COMPARED_TAGS, TagKind::AttributeCompared),
        (VOID_TAGS, TagKind::Void),
        (IMPLIED_END_TAGS, TagKind::ImpliedEnd),
    ]),
});

/// Whether an attribute of the element `tag` is read ([`READ_ATTRIBUTES`],
/// [`ELEMENT_ATTRIBUTES`]), also behind a prefix: in SVG and MathML the parser names
/// `xlink:href` and `xlink:title` by their local part (`href`, `title`), which is what the
/// readers ask for.
fn is_read_attribute(tag: &[u8], name: &[u8]) -> bool {
    // Names are a few bytes long: a plain search beats setting up `memchr`.
    let local = match name.iter().position(|&b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    };
    match TABLES.read.get(local) {
        Some(ReadOn::Any) => true,
        Some(ReadOn::Only(tags)) => tags.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(tag)),
        None => false,
    }
}

fn tag_kind(name: &[u8]) -> TagKind {
    TABLES.kinds.get(name).unwrap_or(TagKind::Other)
}

/// Whether a reader asks for a `class` value: its tokens judge the element
/// ([`chrome::judges_class`]), are citation cues, a label or the name of another work's
/// block ([`cues::is_cue_class`]), or hide it from sight
/// ([`markdown::is_screen_reader_class`]). Elsewhere the attribute is dropped like the
/// unread ones, a third of a page's tags carrying only layout classes.
fn is_read_class(value: &[u8]) -> bool {
    written_as_parsed(value).is_none_or(|value| {
        chrome::judges_class(value)
            || cues::is_cue_class(value)
            || markdown::is_screen_reader_class(value)
    })
}

/// Whether a reader may ask for the `href` of a link whose start tag ends at `end`: it may
/// name a DOI or an ORCID iD (read wherever the link is), or the link may name an issue
/// ([`cues::opens_issue_link`]). A link holding only plain text up to its own end tag is
/// closed there, so its first child is that text and no copy of it is made later (the
/// tree builder copies a formatting element left open); for any other link the address
/// is kept.
fn is_read_link_target(bytes: &[u8], attributes: &[Attribute], end: usize) -> bool {
    let Some(lt) = memchr(b'<', &bytes[end..]).map(|i| end + i) else {
        return true;
    };
    let closes_link = bytes.get(lt + 1) == Some(&b'/')
        && bytes
            .get(lt + 2)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'a'))
        && bytes
            .get(lt + 3)
            .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>');
    let Some(text) = written_as_parsed(&bytes[end..lt]).filter(|_| closes_link) else {
        return true;
    };
    cues::opens_issue_link(text)
        || attributes
            .iter()
            .filter(|a| bytes[a.start..a.name_end].eq_ignore_ascii_case(b"href"))
            .any(|a| LINK_ID_MARKS.is_match(attribute_value(bytes, a)))
}

/// What an address that may name a DOI or an ORCID iD holds (any case), or a numeric
/// character reference that may spell one.
static LINK_ID_MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["doi", "orcid", "&#"])
        .expect("link id marks")
});

/// An attribute value as text, where the parser reads it as written: not where it holds
/// a character reference, carriage return or NUL (which the parser rewrites).
fn written_as_parsed(value: &[u8]) -> Option<&str> {
    if value.iter().any(|b| matches!(b, b'&' | b'\r' | b'\0')) {
        return None;
    }
    std::str::from_utf8(value).ok()
}

/// The value of an attribute as written, without its quotes (empty when it has none).
fn attribute_value<'b>(bytes: &'b [u8], attribute: &Attribute) -> &'b [u8] {
    let written = bytes[attribute.name_end..attribute.end].trim_ascii_start();
    let written = written
        .strip_prefix(b"=")
        .unwrap_or(written)
        .trim_ascii_start();
    match written {
        [open @ (b'"' | b'\''), value @ .., close] if close == open => value,
        _ => written,
    }
}

/// One attribute of a tag: byte offsets of its start, the end of its name, and its end
/// (after the value, if any).
#[derive(Debug, Clone, Copy)]
struct Attribute {
    start: usize,
    name_end: usize,
    end: usize,
    /// A reader asks for it on its element (set for start tags only).
    read: bool,
}

/// One tag as the tokenizer reads it.
#[derive(Debug)]
struct Tag {
    name_start: usize,
    name_end: usize,
    self_closing: bool,
    /// Offset just after the `>`.
    end: usize,
}

/// Reads the tag whose name starts at `name_start` (just after `<` or `</`), following the
/// tokenizer's tag-name, attribute and self-closing states. `None` when the input ends
/// inside the tag (the tokenizer then drops it).
fn read_tag(bytes: &[u8], name_start: usize, attributes: &mut Vec<Attribute>) -> Option<Tag> {
    attributes.clear();
    let mut i = name_start;
    // Tag name state.
    let name_end = loop {
        let b = *bytes.get(i)?;
        if is_space(b) || b == b'/' || b == b'>' {
            break i;
        }
        i += 1;
    };
    let tag = |self_closing, end| Tag {
        name_start,
        name_end,
        self_closing,
        end,
    };
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        AfterName,
        AfterQuotedValue,
        SelfClosing,
    }
    let mut state = State::BeforeName;
    loop {
        match state {
            State::BeforeName | State::AfterName | State::AfterQuotedValue => {
                let b = *bytes.get(i)?;
                if is_space(b) {
                    i += 1;
                    // Spaces after a name may still lead to its `=`.
                    if !matches!(state, State::AfterName) {
                        state = State::BeforeName;
                    }
                    continue;
                }
                match b {
                    b'/' => {
                        i += 1;
                        state = State::SelfClosing;
                        continue;
                    }
                    b'>' => return Some(tag(false, i + 1)),
                    b'=' if matches!(state, State::AfterName) => {
                        // The value of the last attribute.
                        i += 1;
                        let quoted = read_value(bytes, &mut i)?;
                        if let Some(last) = attributes.last_mut() {
                            last.end = i;
                        }
                        // After a quoted value any character may follow; an unquoted (or
                        // missing) value ends at a space or the `>`.
                        state = if quoted {
                            State::AfterQuotedValue
                        } else {
                            State::BeforeName
                        };
                        continue;
                    }
                    _ => {}
                }
                // A new attribute; its first character is part of its name, even `=`.
                let start = i;
                i += 1;
                loop {
                    let b = *bytes.get(i)?;
                    if is_space(b) || b == b'/' || b == b'>' || b == b'=' {
                        break;
                    }
                    i += 1;
                }
                attributes.push(Attribute {
                    start,
                    name_end: i,
                    end: i,
                    read: false,
                });
                state = State::AfterName;
            }
            State::SelfClosing => {
                if *bytes.get(i)? == b'>' {
                    return Some(tag(true, i + 1));
                }
                // The `/` is dropped; the character starts over before an attribute name.
                state = State::BeforeName;
            }
        }
    }
}

/// Reads an attribute value from `*i` (just after the `=`), leaving `*i` where the
/// attribute's bytes end: after the closing quote, or on the space or `>` that ends an
/// unquoted value (or follows a missing one). Returns whether the value was quoted.
fn read_value(bytes: &[u8], i: &mut usize) -> Option<bool> {
    while is_space(*bytes.get(*i)?) {
        *i += 1;
    }
    match bytes[*i] {
        quote @ (b'"' | b'\'') => {
            let close = *i + 1 + memchr(quote, &bytes[*i + 1..])?;
            *i = close + 1;
            Some(true)
        }
        // A missing value: the attribute ends with its `=` (and the spaces after it).
        b'>' => Some(false),
        _ => {
            loop {
                let b = *bytes.get(*i)?;
                if is_space(b) || b == b'>' {
                    break;
                }
                *i += 1;
            }
            Some(false)
        }
    }
}

/// Where a comment that starts at `lt` (`<!--`) ends: after `-->` or `--!>`, or after the
/// abrupt `<!-->` / `<!--->`. `None` when it runs to the end of the input.
fn comment_end(bytes: &[u8], lt: usize) -> Option<usize> {
    let body = lt + 4;
    let rest = &bytes[body.min(bytes.len())..];
    if rest.starts_with(b">") {
        return Some(body + 1);
    }
    if rest.starts_with(b"->") {
        return Some(body + 2);
    }
    // `--!>` ends it too, where it comes before the first `-->`.
    let plain = memmem::find(rest, b"-->");
    let before_plain = &rest[..plain.map_or(rest.len(), |p| p + 3)];
    match memmem::find(before_plain, b"--!>") {
        Some(bang) => Some(body + bang + 4),
        None => plain.map(|p| body + p + 3),
    }
}

/// Offset of the end tag that closes raw text named `name` (`</name` followed by a space,
/// `/` or `>`, any case), searching from `from`.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(pos) = memchr(b'<', &bytes[at..]) {
        let lt = at + pos;
        let after = lt + 2 + name.len();
        if bytes.len() > after
            && bytes[lt + 1] == b'/'
            && bytes[lt + 2..after].eq_ignore_ascii_case(name)
            && (is_space(bytes[after]) || matches!(bytes[after], b'/' | b'>'))
        {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

/// Whether a script's content may enter the tokenizer's double-escaped state (`<!--`
/// followed by `<script`), where its first `</script>` does not end it.
fn may_double_escape(content: &[u8]) -> bool {
    let Some(open) = memmem::find(content, b"<!--") else {
        return false;
    };
    let rest = &content[open..];
    rest.windows(7)
        .any(|w| w[0] == b'<' && w[1..].eq_ignore_ascii_case(b"script"))
}

/// Whether a script holds data rather than code: a `type` naming JSON (JSON-LD metadata
/// is read from it).
fn is_json_script(bytes: &[u8], attributes: &[Attribute]) -> bool {
    attributes.iter().any(|a| {
        bytes[a.start..a.name_end].eq_ignore_ascii_case(b"type")
            && bytes[a.name_end..a.end]
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"json"))
    })
}

/// What [`rewrite_markup`] does with the markup no reader asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unread {
    /// Drops unread attributes, script code, style sheets and indentation.
    Drop,
    /// Keeps them: only closes self-closing tags and measures the depth (the tree the
    /// tests compare with).
    #[cfg(test)]
    Keep,
}

/// The output of [`rewrite_markup`]: the input borrowed until the first change, then
/// copied piece by piece.
struct Rewritten<'a> {
    text: &'a str,
    out: Option<String>,
    /// How much of `text` is in `out` (or would be, while `out` is `None`).
    copied: usize,
}

impl<'a> Rewritten<'a> {
    /// The output with the input copied up to `to`, to write after.
    fn copy_to(&mut self, to: usize) -> &mut String {
        let text = self.text;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + 256));
        out.push_str(&text[self.copied..to]);
        self.copied = to;
        out
    }

    /// Leaves the input out from where it is copied to up to `to`.
    fn skip_to(&mut self, to: usize) {
        self.copy_to(self.copied);
        self.copied = to;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            Some(mut out) => {
                out.push_str(&self.text[self.copied..]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(self.text),
        }
    }
}

/// Writes each line break (`\n`, `\r` or `\r\n`) of the text from `from` to `to` (a `<`)
/// as one space: HTML shows either as a space, and html5ever hands each line break to the
/// tree builder as a character token of its own where a run of text without one is a
/// single token. (One space for one break keeps the length of the parsed text, which
/// reads every break as one `\n`.)
fn write_line_breaks_as_spaces(out: &mut Rewritten<'_>, bytes: &[u8], from: usize, to: usize) {
    let mut at = from;
    while let Some(found) = memchr2(b'\n', b'\r', &bytes[at..to]) {
        let line_break = at + found;
        // `to` holds a `<`, so a `\r` before it is followed by something.
        let end = if bytes[line_break] == b'\r' && bytes[line_break + 1] == b'\n' {
            line_break + 2
        } else {
            line_break + 1
        };
        out.copy_to(line_break).push(' ');
        out.skip_to(end);
        at = end;
    }
}

/// Scans raw markup once, tag by tag as the tokenizer reads it: writes `</name>` after
/// every self-closing tag of a non-void element (see [`super::markup`]), measures how deep
/// the markup nests, and with [`Unread::Drop`] writes every start tag again without the
/// attributes no reader asks for, empties scripts and style sheets and shortens the
/// indentation between tags (see the module docs). Past `stop_at` levels the scan stops
/// and the text is incomplete.
pub(super) fn rewrite_markup(text: &str, stop_at: usize, unread: Unread) -> PreparedMarkup<'_> {
    let bytes = text.as_bytes();
    let mut out = Rewritten {
        text,
        out: None,
        copied: 0,
    };
    let mut attributes: Vec<Attribute> = Vec::with_capacity(16);
    // Whether a reader asks for each class value seen: pages repeat a few class values.
    let mut read_classes: FxHashMap<&[u8], bool> = FxHashMap::default();
    // Open `<svg>`, `<math>` and `<select>` elements as far as this scanner can tell (an
    // over-count, never an under-count): inside them a raw-text tag name may be markup.
    let (mut svg, mut math, mut select) = (0usize, 0usize, 0usize);
    // Open `<pre>` and `<listing>` elements (an over-count): their whitespace is kept.
    let mut preformatted = 0usize;
    let (mut depth, mut deepest) = (0usize, 0usize);
    // Cleared where the markup stops being tokenized the way this scanner models: the
    // rest is left as written but for the closed self-closing tags.
    let mut rewriting = unread == Unread::Drop;
    let mut at = 0;
    // Whether `at` is where a tag, comment or doctype ended.
    let mut after_markup = false;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        if rewriting && preformatted == 0 && found > 0 {
            let run = &bytes[at..lt];
            if after_markup && run.iter().all(|&b| is_space(b)) {
                // Indentation between tags.
                if run != b" " {
                    out.copy_to(at).push(' ');
                    out.skip_to(lt);
                }
            } else {
                write_line_breaks_as_spaces(&mut out, bytes, at, lt);
            }
        }
        after_markup = true;
        let Some(&next) = bytes.get(lt + 1) else {
            break;
        };
        match next {
            b'!' => {
                if bytes[lt..].starts_with(b"<!--") {
                    match comment_end(bytes, lt) {
                        Some(end) => at = end,
                        None => break,
                    }
                } else if bytes[lt + 2..].starts_with(b"[CDATA[") {
                    // A CDATA section in foreign content, a bogus comment elsewhere: its
                    // content is scanned for tags as if it were markup.
                    rewriting = false;
                    at = lt + 2;
                } else {
                    // A doctype or bogus comment: up to the first `>`.
                    match memchr(b'>', &bytes[lt + 2..]) {
                        Some(gt) => at = lt + 2 + gt + 1,
                        None => break,
                    }
                }
            }
            b'?' => match memchr(b'>', &bytes[lt + 2..]) {
                Some(gt) => at = lt + 2 + gt + 1,
                None => break,
            },
            b'/' => {
                let Some(&first) = bytes.get(lt + 2) else {
                    break;
                };
                if first.is_ascii_alphabetic() {
                    let Some(tag) = read_tag(bytes, lt + 2, &mut attributes) else {
                        break;
                    };
                    let name = &bytes[tag.name_start..tag.name_end];
                    let kind = tag_kind(name);
                    match kind {
                        TagKind::Svg => svg = svg.saturating_sub(1),
                        TagKind::Math => math = math.saturating_sub(1),
                        TagKind::Select => select = select.saturating_sub(1),
                        TagKind::Preformatted => preformatted = preformatted.saturating_sub(1),
                        _ => {}
                    }
                    if kind.nests() {
                        depth = depth.saturating_sub(1);
                    }
                    at = tag.end;
                } else if first == b'>' {
                    at = lt + 3;
                } else {
                    // A bogus comment.
                    match memchr(b'>', &bytes[lt + 2..]) {
                        Some(gt) => at = lt + 2 + gt + 1,
                        None => break,
                    }
                }
            }
            first if first.is_ascii_alphabetic() => {
                let Some(tag) = read_tag(bytes, lt + 1, &mut attributes) else {
                    break;
                };
                let name = &bytes[tag.name_start..tag.name_end];
                let kind = tag_kind(name);
                if rewriting && kind != TagKind::AttributeCompared {
                    let mut all_read = true;
                    // The one `class` attribute, if the tag has one: the parser keeps the
                    // first of several, so with more than one all are kept.
                    let mut class = None;
                    let mut classes = 0;
                    for (index, attribute) in attributes.iter_mut().enumerate() {
                        let attribute_name = &bytes[attribute.start..attribute.name_end];
                        attribute.read = is_read_attribute(name, attribute_name);
                        all_read &= attribute.read;
                        // The length first: most names are not five bytes long.
                        if attribute_name.len() == 5
                            && attribute_name.eq_ignore_ascii_case(b"class")
                        {
                            class = Some(index);
                            classes += 1;
                        }
                    }
                    if name.eq_ignore_ascii_case(b"a")
                        && !is_read_link_target(bytes, &attributes, tag.end)
                    {
                        for attribute in &mut attributes {
                            if bytes[attribute.start..attribute.name_end]
                                .eq_ignore_ascii_case(b"href")
                            {
                                attribute.read = false;
                                all_read = false;
                            }
                        }
                    }
                    if let (Some(index), 1) = (class, classes) {
                        let value = attribute_value(bytes, &attributes[index]);
                        let read = *read_classes
                            .entry(value)
                            .or_insert_with(|| is_read_class(value));
                        attributes[index].read = read;
                        all_read &= read;
                    }
                    if !all_read {
                        let written = out.copy_to(tag.name_end);
                        for attribute in attributes.iter().filter(|a| a.read) {
                            written.push(' ');
                            written.push_str(&text[attribute.start..attribute.end]);
                        }
                        written.push_str(if tag.self_closing { " />" } else { ">" });
                        out.skip_to(tag.end);
                    }
                }
                at = tag.end;
                // Closed at once: its content, if any, is what follows the written end tag.
                let closed = tag.self_closing && kind != TagKind::Void;
                if closed {
                    let written = out.copy_to(tag.end);
                    written.push_str("</");
                    written.push_str(&text[tag.name_start..tag.name_end]);
                    written.push('>');
                }
                if kind.nests() && !tag.self_closing {
                    depth += 1;
                    deepest = deepest.max(depth);
                    if deepest > stop_at {
                        break;
                    }
                }
                match kind {
                    // Everything after `<plaintext>` is text.
                    TagKind::Stop if name.eq_ignore_ascii_case(b"plaintext") => break,
                    TagKind::Stop => rewriting = false,
                    // A self-closed `<svg/>` is closed at once.
                    TagKind::Svg => svg += usize::from(!tag.self_closing),
                    TagKind::Math => math += usize::from(!tag.self_closing),
                    TagKind::Select => select += usize::from(!closed),
                    TagKind::Preformatted => preformatted += usize::from(!closed),
                    TagKind::RawText if !closed => {
                        let Some(end) = raw_text_end(bytes, tag.end, name) else {
                            break;
                        };
                        let content = &bytes[tag.end..end];
                        let may_be_markup = svg > 0 || math > 0 || select > 0;
                        if (may_be_markup && memchr(b'<', content).is_some())
                            || (name.eq_ignore_ascii_case(b"script") && may_double_escape(content))
                        {
                            rewriting = false;
                        }
                        let code = if name.eq_ignore_ascii_case(b"script") {
                            !is_json_script(bytes, &attributes)
                        } else {
                            name.eq_ignore_ascii_case(b"style")
                        };
                        if rewriting && code && end > tag.end {
                            out.copy_to(tag.end);
                            out.skip_to(end);
                        }
                        at = end;
                    }
                    TagKind::RawText
                    | TagKind::AttributeCompared
                    | TagKind::Void
                    | TagKind::ImpliedEnd
                    | TagKind::Other => {}
                }
            }
            _ => {
                at = lt + 1;
                after_markup = false;
            }
        }
    }
    PreparedMarkup {
        deepest,
        text: out.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Node};
    use std::fmt::Write;

    /// The markup as `decode_html` gives it to the parser.
    fn prepared(text: &str) -> String {
        rewrite_markup(text, usize::MAX, Unread::Drop)
            .text
            .into_owned()
    }

    /// The markup with only its self-closing tags closed: the tree to compare with.
    fn closed(text: &str) -> String {
        rewrite_markup(text, usize::MAX, Unread::Keep)
            .text
            .into_owned()
    }

    /// Text as HTML shows it: each run of whitespace one space.
    fn shown_text(text: &str) -> String {
        let mut shown = String::with_capacity(text.len());
        for c in text.chars() {
            let space = c.is_ascii() && is_space(c as u8);
            if !space {
                shown.push(c);
            } else if !shown.ends_with(' ') {
                shown.push(' ');
            }
        }
        shown
    }

    /// The parsed tree as text, with only what some reader asks for: the attributes in
    /// [`READ_ATTRIBUTES`] and [`ELEMENT_ATTRIBUTES`], no script code or style sheet, and text as HTML shows it (a
    /// run of whitespace as one space) outside preformatted elements.
    fn read_tree(html: &str) -> String {
        let page = Html::parse_document(html);
        let mut out = String::new();
        let unread_code = |node: ego_tree::NodeRef<'_, Node>| {
            node.parent()
                .and_then(|p| p.value().as_element().map(|e| (e.name(), e.attr("type"))))
                .is_some_and(|(name, kind)| {
                    name == "style"
                        || (name == "script"
                            && !kind.is_some_and(|k| k.to_ascii_lowercase().contains("json")))
                })
        };
        let preformatted = |node: ego_tree::NodeRef<'_, Node>| {
            node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "pre" | "listing" | "textarea"))
            })
        };
        for edge in page.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let _ = write!(out, "<{:?}:{}", e.name.ns, e.name());
                        for (name, value) in e.attrs() {
                            let read = is_read_attribute(e.name().as_bytes(), name.as_bytes())
                                && match name {
                                    "class" => is_read_class(value.as_bytes()),
                                    "href" if e.name() == "a" => {
                                        let value = value.to_ascii_lowercase();
                                        value.contains("doi")
                                            || value.contains("orcid")
                                            || node.first_child().is_some_and(|c| {
                                                c.value()
                                                    .as_text()
                                                    .is_some_and(|t| cues::opens_issue_link(t))
                                            })
                                    }
                                    _ => true,
                                };
                            if read {
                                let _ = write!(out, " {name}={value:?}");
                            }
                        }
                        out.push('>');
                    }
                    Node::Text(_) if unread_code(node) => {}
                    Node::Text(t) if !preformatted(node) => {
                        let _ = write!(out, "{:?}", shown_text(t));
                    }
                    Node::Text(t) => {
                        let _ = write!(out, "{:?}", &**t);
                    }
                    Node::Comment(c) => {
                        let _ = write!(out, "<!--{:?}-->", &**c);
                    }
                    other => {
                        let _ = write!(out, "[{other:?}]");
                    }
                },
                ego_tree::iter::Edge::Close(node) => {
                    if let Node::Element(e) = node.value() {
                        let _ = write!(out, "</{}>", e.name());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn drops_only_unread_attributes() {
        let cases = [
            (
                r#"<div class="nav" style="x" data-x='1' id=b onclick="f()">t</div>"#,
                r#"<div class="nav" id=b>t</div>"#,
            ),
            (r#"<img src="x.png" alt="y"/>"#, "<img />"),
            (r#"<a href=x/ target=_blank>"#, "<a href=x/>"),
            (r#"<p data-a=1 hidden>"#, "<p hidden>"),
            (r#"<a href="/x" rel=nofollow name=n>"#, r#"<a href="/x">"#),
            (r#"<div href=x content=c value=1 type=t>"#, "<div>"),
            (
                r#"<meta name=a content=b><link rel=canonical href=h>"#,
                r#"<meta name=a content=b><link rel=canonical href=h>"#,
            ),
            (
                r#"<ol start=2 type=a><li value=3>"#,
                r#"<ol start=2><li value=3>"#,
            ),
            (
                r#"<input type=hidden value=v><script type=x>"#,
                r#"<input type=hidden><script type=x>"#,
            ),
            (r#"<b style="x">bold</b>"#, r#"<b style="x">bold</b>"#),
            (r#"<p class="a">plain</p>"#, r#"<p>plain</p>"#),
            (r#"<div class="mb-3 col-6" id=x>"#, r#"<div id=x>"#),
            (r#"<div class=x class=nav>"#, r#"<div class=x class=nav>"#),
            (r#"<span class="sr-only">"#, r#"<span class="sr-only">"#),
            (r#"<dt class=label>"#, r#"<dt class=label>"#),
            (r#"<div class="a&amp;b">"#, r#"<div class="a&amp;b">"#),
            (
                r#"<a href="https://scholar.example.org/q?a=1&amp;b=2" class=nav>Google Scholar</a>"#,
                r#"<a class=nav>Google Scholar</a>"#,
            ),
            (
                r#"<a href="https://doi.org/10.5555/x">CrossRef</a>"#,
                r#"<a href="https://doi.org/10.5555/x">CrossRef</a>"#,
            ),
            (
                r#"<a href="https://orcid.org/0000-0002-1825-0097">iD</a>"#,
                r#"<a href="https://orcid.org/0000-0002-1825-0097">iD</a>"#,
            ),
            (
                r#"<a href="/toc/12/3"> Volume 12, Issue 3</a>"#,
                r#"<a href="/toc/12/3"> Volume 12, Issue 3</a>"#,
            ),
            (
                r#"<a href="/x"><span>y</span></a>"#,
                r#"<a href="/x"><span>y</span></a>"#,
            ),
            (
                r#"<a href="/x">&#86;ol 1</a>"#,
                r#"<a href="/x">&#86;ol 1</a>"#,
            ),
            (
                r#"<script src="x">var a = '<div style="y">';</script><p style=z>"#,
                r#"<script></script><p>"#,
            ),
            (
                r#"<script type="application/ld+json">{"a": "<b>"}</script><style>p {}</style>"#,
                r#"<script type="application/ld+json">{"a": "<b>"}</script><style></style>"#,
            ),
            (
                "<ul>\n    <li>a</li>\n    <li>b  c</li>  <li>d</li>\n</ul>",
                "<ul> <li>a</li> <li>b  c</li> <li>d</li> </ul>",
            ),
            (
                "<pre>\n  <b>x</b>\n  <b>y</b></pre>\n\n<p>z</p>",
                "<pre>\n  <b>x</b>\n  <b>y</b></pre> <p>z</p>",
            ),
            (
                "<p>one\ntwo\r\nthree\rfour\n\n five</p>",
                "<p>one two three four   five</p>",
            ),
            ("<textarea>a\nb</textarea>", "<textarea>a\nb</textarea>"),
            ("a < b   <p>c", "a < b   <p>c"),
            (
                r#"<!-- <div style="x"> --><div style="y">"#,
                r#"<!-- <div style="x"> --><div>"#,
            ),
        ];
        for (input, want) in cases {
            assert_eq!(prepared(input), want, "{input}");
        }
    }

    #[test]
    fn stops_where_markup_may_not_be_markup() {
        let cases = [
            r#"<svg><style>a<b</style></svg><div style="x">"#,
            r#"<select><title>a<b</title></select><div style="x">"#,
            r#"<script><!-- <script></script> --></script><div style="x">"#,
            r#"<math><![CDATA[x]]></math><div style="x">"#,
            r#"<plaintext><div style="x">"#,
            r#"<div style="x"#,
        ];
        for input in cases {
            assert_eq!(prepared(input), input, "{input}");
        }
        // Self-closing tags after the stop are still closed.
        assert_eq!(
            prepared(r#"<svg><style>a<b</style></svg><div style="x"/>"#),
            r#"<svg><style>a<b</style></svg><div style="x"/></div>"#
        );
    }

    /// The corpus pages (and bad inputs) as saved, through the same preparation as
    /// `decode_html`: their trees are the same with and without the unread markup.
    #[test]
    fn corpus_trees_are_unchanged_but_for_unread_attributes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let pages: Vec<std::path::PathBuf> = ["pages", "bad-inputs"]
            .iter()
            .filter_map(|dir| std::fs::read_dir(root.join(dir)).ok())
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .flat_map(|p| [p.join("source.html"), p.clone()])
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "html"))
            .collect();
        if pages.is_empty() {
            eprintln!("skipping: no corpus HTML under {}", root.display());
            return;
        }
        for page in pages {
            let bytes = std::fs::read(&page).expect("readable");
            let text = super::super::charset::decode_page_bytes(&bytes).text;
            assert!(
                read_tree(&prepared(&text)) == read_tree(&closed(&text)),
                "{}",
                page.display()
            );
        }
    }

    proptest::proptest! {
        /// Whatever the markup, the parsed tree is the same less the unread attributes.
        #[test]
        fn the_tree_is_unchanged_but_for_unread_attributes(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<div style=\"a\" class=\"c\">", "</div>", "<p data-x=1 id=p>", "<a href=x/ rel=y",
                    ">", "/>", " ", "'", "\"", "=", "<b style=s>", "<b style=t>", "</p>", "<i class=c style=t>", "</b>",
                    "<font size=2 face=f style=a>", "<svg viewBox=\"0 0 1 1\">", "</svg>",
                    "<math display=block>", "</math>", "<title lang=en>", "</title>",
                    "<style media=x>", "</style>", "<script src=s>", "</script>", "<!--",
                    "-->", "--!>", "<!-->", "<![CDATA[", "]]>", "<select name=n>", "</select>",
                    "<option value=1 label=l>", "<textarea rows=2>", "</textarea>",
                    "<noscript>", "</noscript>", "<table border=1>", "<tr valign=top>",
                    "<td colspan=2 style=x>", "<input type=hidden onclick=f>", "<plaintext>",
                    "<frameset>", "<!doctype html>", "<?xml x?>", "</ p>", "</>", "<p =a b=\"c\"d=e>",
                    "<foreignObject>", "<annotation-xml encoding=text/html>", "text", "&amp;",
                    "<br/>", "<img src=x alt=y>", "<ul><li>", "<span\tclass=a\nstyle=b>",
                    "<DIV STYLE=X CLASS=Y>", "<use xlink:href=\"#i\" x=1>",
                    "<a xlink:title=t xlink:role=navigation xml:lang=en>", "<a href='x' title=\"t\"/x=1>", "<p a='1'b='2'>",
                    "<li value=2 type=a>", "<ol start=3 type=i>", "<div class=\"nav main\">",
                    "<p class=abstract>", "<span class='sr-only'>", "<div class=x class=nav>",
                    "<div class=\"a&amp;b\">", "<li class=ref-list>", "<dt class=label>",
                    "<a href=/v/1/2>", "<a href=\"https://doi.org/10.5555/1\">", "Issue 2", "Vol 1",
                    "<a href=\"/p?a=1&amp;b=2\">Google Scholar</a>", "</a>", "<meta name=n content=c>", "<input value=v type=text>",
                ]),
                0..40,
            )
        ) {
            let page: String = pieces.concat();
            proptest::prop_assert_eq!(read_tree(&prepared(&page)), read_tree(&closed(&page)), "{}", page);
        }
    }
}
