//! One reference string into its fields (authors, title, container, year, volume, issue,
//! pages, identifiers), for the common citation styles: Vancouver/NLM, AMA, Nature,
//! Springer, Elsevier, APA, Harvard, Chicago, MLA, IEEE, ACS and physics styles.
//!
//! The parse runs in steps over one token list: identifiers are cut out (`ids`), the
//! citation label is skipped, the author list is read (`names`), then a year right after
//! it (author-date styles), the title (quoted, or up to the first sentence end), the
//! container up to the locator block, and the locator block itself (`locators`).

mod ids;
mod locators;
mod names;
mod tokens;
mod words;

use crate::record::{RefAuthor, Reference};
use locators::Block;
use names::{AuthorList, Names};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;
use tokens::{Kind, Token, is_quote, tokenize};
use words::{
    ascii_lowercase_is_one_of, is_abbreviation, is_conference_word, is_dotted_initials,
    is_initials, is_month, is_organisation_word, is_particle, is_publisher_word,
    lowercase_is_one_of, year_of,
};

/// Parses one reference string. Never fails: what it cannot read stays empty.
pub fn parse_reference(raw: &str) -> Reference {
    let raw = raw.trim();
    let mut reference = parse_fields(raw);
    reference.raw = raw.to_owned();
    reference
}

/// [`parse_reference`] for a string the caller owns: the reference keeps it as its raw
/// string, as it is (untrimmed) and without a copy.
pub(crate) fn parse_owned_reference(raw: String) -> Reference {
    let mut reference = parse_fields(raw.trim());
    reference.raw = raw;
    reference
}

/// Every field but the raw string, which is left empty.
fn parse_fields(raw: &str) -> Reference {
    let mut reference = Reference::default();
    // The rewrites below never touch an identifier (no URL or DOI holds a caret, a
    // space-grouped page range or `+2 more`); made first, they leave the positions of the
    // cuts below valid in the text the parser reads.
    let text = drop_access_note(join_split_formulas(drop_page_count(join_digit_groups(
        mark_hidden_authors(raw),
    ))));
    // `Ca^2+` (text dumps mark superscripts with a caret): the mark is no part of the text.
    let text = if memchr::memchr(b'^', text.as_bytes()).is_some() {
        Cow::Owned(text.replace('^', ""))
    } else {
        text
    };
    let ids::Stripped {
        ids,
        text,
        cuts: mut cut_bytes,
    } = ids::take_identifiers(&text);
    reference.doi = ids.doi;
    reference.url = ids.url;
    reference.pmid = ids.pmid;
    reference.pmcid = ids.pmcid;
    // Room for the tokens of nearly every reference (about one per four bytes), so that
    // the list is not grown while it is read.
    let mut toks = Vec::with_capacity(text.len() / 2 + 8);
    tokenize(&text, &mut toks);
    // Each cut's full stop stands alone, so it is a token of its own: its index.
    cut_bytes.retain_mut(|at| match toks.binary_search_by_key(at, |t| t.start) {
        Ok(k) => {
            *at = k;
            true
        }
        Err(_) => false,
    });
    let parser = Parser {
        text: &text,
        toks: &toks,
        cuts: &cut_bytes,
    };
    let shape = parser.fill(&mut reference);
    let bracketed = split_bracketed_genre(&mut reference, raw);
    reference.kind = match bracketed {
        Some(BracketedGenre::Preprint) => "article-journal",
        Some(BracketedGenre::DataOrCode) => "other",
        None => parser.kind_of(&reference, &shape, ids.arxiv.is_some(), ids.accessed),
    }
    .to_owned();
    reference
}

/// `N2 O5`, `Cl2 O2`: a formula whose subscripts a PDF's text layer set apart (pdftotext
/// of Copernicus, ACS and RSC papers). Read as it is, `N2` and `O5` look like a volume
/// and a page.
static SPLIT_FORMULA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][a-z]?\d{1,2}) ([A-Z][a-z]?\d{1,2})(?-u:\b)").expect("valid regex")
});

/// Joins the parts of a formula split at a subscript ([`SPLIT_FORMULA`]).
fn join_split_formulas(text: Cow<'_, str>) -> Cow<'_, str> {
    if !has_split_formula_start(&text) {
        return text;
    }
    match SPLIT_FORMULA.replace_all(&text, "$1$2") {
        Cow::Borrowed(_) => text,
        Cow::Owned(joined) => Cow::Owned(joined),
    }
}

/// Whether a digit stands before a space and a capital that a digit follows within two
/// bytes, as in every [`SPLIT_FORMULA`] match: most references have none, and the regex
/// need not scan them.
fn has_split_formula_start(text: &str) -> bool {
    // A plain walk over byte triples: a reference holds a space every few bytes, too
    // many for a search that stops at each.
    let bytes = text.as_bytes();
    bytes.windows(3).enumerate().any(|(before, w)| {
        w[1] == b' '
            && w[0].is_ascii_digit()
            && w[2].is_ascii_uppercase()
            && bytes[before + 3..bytes.len().min(before + 5)]
                .iter()
                .any(u8::is_ascii_digit)
    })
}

/// `available at: https://… (last access: 12 May 2020)` (Copernicus web references): the
/// lead-in of a link and the date it was read, which is no publication date.
static ACCESS_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\(last access:[^)]{0,40}\)|available at:\s*").expect("valid regex")
});

/// Removes a web reference's link lead-in and access date ([`ACCESS_NOTE`]).
fn drop_access_note(text: Cow<'_, str>) -> Cow<'_, str> {
    // The searchers are built once: every reference is searched.
    static ACCESS: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("ccess:"));
    static AVAILABLE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("vailable at"));
    let bytes = text.as_bytes();
    if ACCESS.find(bytes).is_none() && AVAILABLE.find(bytes).is_none() {
        return text;
    }
    match ACCESS_NOTE.replace_all(&text, "") {
        Cow::Borrowed(_) => text,
        Cow::Owned(dropped) => Cow::Owned(dropped),
    }
}

/// `, 412 pp.,`: the page count of a book, thesis or report before its year (Copernicus,
/// AGU and AMS styles). It locates nothing, and read as a locator it ends the title late.
static PAGE_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s*\d{1,5}\s?pp\.,").expect("valid regex"));

/// Removes a book's page count ([`PAGE_COUNT`]); the comma before it stays.
fn drop_page_count(text: Cow<'_, str>) -> Cow<'_, str> {
    static PAGE_COUNT_END: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("pp.,"));
    if PAGE_COUNT_END.find(text.as_bytes()).is_none() {
        return text;
    }
    match PAGE_COUNT.replace_all(&text, ",") {
        Cow::Borrowed(_) => text,
        Cow::Owned(dropped) => Cow::Owned(dropped),
    }
}

/// Genre notes in brackets after a reference's source, as Copernicus prints them:
/// `Title, Atmos. Chem. Phys. Discuss. [preprint], doi, 2018.`, `Title, Zenodo [data
/// set], doi, 2020.` (compared case-insensitively, with the closing bracket).
const GENRE_BRACKETS: &[(&str, BracketedGenre)] = &[
    (" [preprint]", BracketedGenre::Preprint),
    (" [data set]", BracketedGenre::DataOrCode),
    (" [dataset]", BracketedGenre::DataOrCode),
    (" [code]", BracketedGenre::DataOrCode),
    (" [software]", BracketedGenre::DataOrCode),
];

/// What a bracketed genre note says the reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BracketedGenre {
    /// A discussion paper or preprint: its source is its container.
    Preprint,
    /// A data set or code: its source is the repository that holds it.
    DataOrCode,
}

/// A title read on past the comma into the source of a bracketed genre note
/// ([`GENRE_BRACKETS`]) ends before that source; a preprint's source (a discussion journal,
/// a preprint server) becomes its container. The genre, when the reference has a note.
fn split_bracketed_genre(reference: &mut Reference, raw: &str) -> Option<BracketedGenre> {
    // Nearly every reference has no ` [`: the notes are only looked for after one.
    let at = memchr::memchr_iter(b'[', raw.as_bytes())
        .find(|&i| i > 0 && raw.as_bytes()[i - 1] == b' ')?
        - 1;
    let lower = raw[at..].to_ascii_lowercase();
    let (note_at, genre) = GENRE_BRACKETS
        .iter()
        .find_map(|(note, genre)| lower.find(note).map(|i| (at + i, *genre)))?;
    let source = raw[..note_at].rsplit_once(", ")?.1.trim();
    let source_key = source.trim_end_matches('.');
    if let Some(title) = reference.title.as_deref() {
        if let Some(cut) = title.rfind(&format!(", {source_key}")) {
            if cut > 0 {
                reference.title = Some(title[..cut].trim_end().to_owned());
            }
        }
    }
    if genre == BracketedGenre::Preprint && reference.container_title.is_none() {
        reference.container_title = Some(source.to_owned());
    }
    Some(genre)
}

/// `Croce CM+2 more.`: a web page that folds a long author list shows the first
/// authors and a count of the hidden ones (the "show all" link's label).
static HIDDEN_AUTHORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\+\s?\d{1,4}\s+more(?-u:\b)").expect("valid regex"));

/// `13 757–13 762` (Royal Society, PNAS): page numbers of five or more digits printed
/// in groups of three with a (thin) space; both ends of the range must be grouped.
static GROUPED_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,3})[ \u{2009}\u{202F}](\d{3})([–-])(\d{1,3})[ \u{2009}\u{202F}](\d{3})(?-u:\b)")
        .expect("valid regex")
});

/// Joins digit groups of a page range: `13 757–13 762` reads `13757–13762`.
fn join_digit_groups(text: Cow<'_, str>) -> Cow<'_, str> {
    if !has_grouped_range_start(&text) {
        return text;
    }
    match GROUPED_RANGE.replace_all(&text, "$1$2$3$4$5") {
        Cow::Borrowed(_) => text,
        Cow::Owned(joined) => Cow::Owned(joined),
    }
}

/// Whether a dash stands between a digit group (`13 757`) and a digit, as in every
/// [`GROUPED_RANGE`] match: most references have no such dash (`12: 311–24` has not), and
/// the regex need not scan them. Digits are `char::is_numeric`, a superset of the regex's
/// `\d`.
fn has_grouped_range_start(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `-`, or the last byte of `–` (E2 80 93).
    memchr::memchr2_iter(b'-', 0x93, bytes).any(|at| {
        let dash_start = if bytes[at] == b'-' {
            at
        } else if bytes[..at].ends_with(&[0xE2, 0x80]) {
            at - 2
        } else {
            return false;
        };
        let mut before = text[..dash_start].chars().rev();
        before.by_ref().take(3).filter(|c| c.is_numeric()).count() == 3
            && matches!(before.next(), Some(' ' | '\u{2009}' | '\u{202F}'))
            && before.next().is_some_and(char::is_numeric)
            && text[at + 1..].starts_with(char::is_numeric)
    })
}

/// Reads the hidden-author count as `et al.`: the list printed is cut short.
fn mark_hidden_authors(text: &str) -> Cow<'_, str> {
    static MORE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" more"));
    if MORE.find(text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    HIDDEN_AUTHORS.replace(text, " et al")
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token<'a>],
    /// Indices of the full stops left where identifiers were cut out, in order (most
    /// references have none or one): no field runs across one.
    cuts: &'a [usize],
}

/// What the middle of the reference turned out to hold.
#[derive(Default)]
struct Shape {
    /// The title was quoted: what follows it is a container even without volume or pages.
    quoted_title: bool,
    in_container: bool,
    editors: bool,
    publisher: bool,
}

impl<'a> Parser<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.is_word().then_some(t.text)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn is_open_quote(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Punct(c)) if matches!(c, '"' | '“' | '„' | '«' | '‘' | '\'' | '`'))
    }

    /// The first cut in tokens `[from, to)`.
    fn cut_in(&self, from: usize, to: usize) -> Option<usize> {
        self.cuts.iter().copied().find(|&k| from <= k && k < to)
    }

    /// The text of tokens `[from, to)`, trimmed of surrounding punctuation, and ended at
    /// the first cut in it (what lies on either side of an identifier is never one field).
    fn field(&self, from: usize, to: usize) -> Option<String> {
        let (mut from, mut to) = (from, to.min(self.toks.len()));
        while from < to && self.toks[from].kind != Kind::Word && !self.is_open_paren(from) {
            from += 1;
        }
        if let Some(cut) = self.cut_in(from, to) {
            to = cut;
        }
        while to > from
            && self.toks[to - 1].kind != Kind::Word
            && !self.is_balanced_close(from, to - 1)
        {
            to -= 1;
        }
        if from >= to {
            return None;
        }
        let s = &self.text[self.toks[from].start..self.toks[to - 1].end];
        let s = s.trim_matches(|c: char| {
            matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace() || is_quote(c)
        });
        if s.is_empty() {
            return None;
        }
        let collapsed = if has_run_of_spaces(s) {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            s.to_owned()
        };
        Some(collapsed)
    }

    fn is_open_paren(&self, i: usize) -> bool {
        self.is_punct(i, '(') && self.toks[i + 1..].iter().take(12).any(|t| t.is_punct(')'))
    }

    fn is_balanced_close(&self, from: usize, i: usize) -> bool {
        self.is_punct(i, ')') && self.toks[from..i].iter().any(|t| t.is_punct('('))
    }

    /// A leading citation label: `1.`, `[12]`, `(3)`, `12)`.
    fn skip_label(&self) -> usize {
        let t = self.toks;
        if t.is_empty() {
            return 0;
        }
        if (self.is_punct(0, '[') || self.is_punct(0, '('))
            && self.word(1).is_some_and(|w| {
                w.len() <= 5
                    && w.chars().all(|c| c.is_ascii_alphanumeric())
                    && w.chars().any(|c| c.is_ascii_digit())
            })
            && (self.is_punct(2, ']') || self.is_punct(2, ')'))
        {
            let mut i = 3;
            if self.is_punct(i, '.') {
                i += 1;
            }
            return i;
        }
        if let Some(w) = self.word(0) {
            let digits = w.trim_end_matches('.');
            let numeric = !digits.is_empty()
                && digits.len() <= 4
                && digits.bytes().all(|b| b.is_ascii_digit());
            if numeric && (w.ends_with('.') || self.is_punct(1, ')') || self.is_punct(1, '.')) {
                if year_of(w).is_some() && w.ends_with('.') && digits.len() == 4 {
                    return 0;
                }
                return if self.is_punct(1, ')') || self.is_punct(1, '.') {
                    2
                } else {
                    1
                };
            }
            // `14 Bard, A. J. & …`: a bare number before the first author.
            if numeric
                && digits.len() <= 3
                && self
                    .word(1)
                    .is_some_and(|n| n.starts_with(char::is_uppercase))
                && (self.is_punct(2, ',') || self.word(2).is_some_and(is_initials))
            {
                return 1;
            }
        }
        0
    }

    /// `———.` / `______,` / `---.`: the "same authors as above" mark of a bibliography;
    /// it names no one, and what follows is the year or the title.
    fn skip_ditto(&self, start: usize) -> usize {
        let is_ditto = |w: &str| {
            let bare = w.trim_end_matches(['.', ',']);
            bare.chars().count() >= 2 && bare.chars().all(|c| c == '_' || locators::is_dash(c))
        };
        if !self.word(start).is_some_and(is_ditto) {
            return start;
        }
        let mut k = start + 1;
        while matches!(
            self.toks.get(k).map(|t| t.kind),
            Some(Kind::Punct('.' | ',' | ':'))
        ) {
            k += 1;
        }
        k
    }

    fn fill(&self, r: &mut Reference) -> Shape {
        let n = self.toks.len();
        let label_end = self.skip_label();
        let start = self.skip_ditto(label_end);
        let ditto = start > label_end;
        let names = Names::new(self.text, self.toks);
        // After a ditto mark the authors are those of the entry above: none follow.
        let list = if ditto {
            AuthorList {
                end: start,
                ..AuthorList::default()
            }
        } else {
            names.parse_list(start)
        };
        // A reference is more than its authors: names with nothing after them
        // (`Search and Share Chemistry. Available online: URL`) are the title.
        let list = if (list.end..n).all(|k| self.word(k).is_none()) {
            AuthorList {
                end: start,
                ..AuthorList::default()
            }
        } else {
            list
        };
        let mut i = list.end;
        let mut shape = Shape::default();
        if !list.editors {
            r.authors = list.authors;
        } else {
            shape.editors = true;
        }
        r.et_al = list.et_al;
        if r.authors.is_empty() && !list.editors && !ditto {
            // A reference is more than its author: a name with nothing after it
            // (`Some Web Browser [URL]`) is the title.
            let group = self
                .group_author(start, false)
                .filter(|&(_, end)| (end..n).any(|k| self.word(k).is_some()));
            if let Some((literal, end)) = group {
                r.authors.push(RefAuthor {
                    literal: Some(literal),
                    ..RefAuthor::default()
                });
                i = end;
                // `LIGO Collaboration, B. P. Abbott et al., Title`: persons after the group.
                // A group that ends its sentence ends the list: `Fund. Diet, Nutrition, …`
                // is the title.
                let more = if self.is_punct(end.wrapping_sub(1), ',') {
                    names.parse_list(i)
                } else {
                    AuthorList::default()
                };
                if !more.authors.is_empty() && !more.editors {
                    r.authors.extend(more.authors);
                    r.et_al |= more.et_al;
                    i = more.end;
                }
            } else {
                i = start;
            }
        }
        // `A. Author et al. (Fermi-LAT),`: a collaboration named after the list.
        if !r.authors.is_empty() && self.is_punct(i, '(') {
            if let Some(close) = (i + 1..(i + 8).min(n)).find(|&k| self.is_punct(k, ')')) {
                let has_year = (i + 1..close).any(|k| self.word(k).and_then(year_of).is_some());
                let next_sep = close + 1 >= n
                    || matches!(self.toks[close + 1].kind, Kind::Punct(',' | '.' | ':'));
                if !has_year && next_sep {
                    i = close + 1;
                }
            }
        }
        // `Connolly SJ, Yusuf S, et al. RE-LY Steering Committee and Investigators. Title`
        // or `…; ARISTOTLE Committees.`: a group credited after the persons.
        if !r.authors.is_empty() && (r.et_al || self.is_punct(i, ';')) {
            let from = if self.is_punct(i, ';') { i + 1 } else { i };
            if let Some((literal, end)) = self.group_after_persons(from) {
                r.authors.push(RefAuthor {
                    literal: Some(literal),
                    ..RefAuthor::default()
                });
                i = end;
            }
        }
        // Vancouver initials (`van Tulder M,`) before it: `K. Chandy and J. Misra, Parallel
        // Program Design: A Foundation` is a title after natural-order names.
        if !r.authors.is_empty()
            && !r.et_al
            && self.is_punct(i, ',')
            && i > 0
            && self
                .word(i - 1)
                .is_some_and(|w| is_initials(w) && !w.as_bytes().contains(&b'.'))
        {
            if let Some((literal, end)) = self.colon_group_after_persons(i + 1) {
                r.authors.push(RefAuthor {
                    literal: Some(literal),
                    ..RefAuthor::default()
                });
                i = end;
            }
        }
        // Author-date: a year right after the authors.
        let (year, after_year) = self.head_year(i);
        if let Some(y) = year {
            r.year = Some(y);
        }
        i = after_year;
        while i < n
            && matches!(self.toks[i].kind, Kind::Punct(c) if matches!(c, '.' | ',' | ':' | ';' | ')'))
        {
            i += 1;
        }
        let block = Block::new(self.text, self.toks);

        // Title.
        let (title_end, after_title, quoted) = self.title_span(i, &block);
        let locator_at =
            (after_title..n).find(|&k| block.starts_at(k) && !self.is_report_number(k));
        let mut container: Option<(usize, usize)> = None;
        let mut title: Option<(usize, usize)> = Some((i, title_end));
        if i > start && self.is_in_marker_at_start(i) {
            // `Taylor, J. in Book Title (eds …) 315–322`: a chapter printed without its own
            // title; what follows `in` is the book.
            let (book_end, _, _) = self.title_span(i + 1, &block);
            let mut stop = book_end.min(locator_at.unwrap_or(n));
            while stop > i && matches!(self.toks[stop - 1].kind, Kind::Punct(c) if c != ')') {
                stop -= 1;
            }
            title = None;
            container = Some((i, stop));
        } else if !quoted && title_end >= locator_at.unwrap_or(n) {
            // No sentence end before the locators: `Title, Journal 26` or `Journal 26`.
            let mut stop = locator_at.unwrap_or(n);
            while stop > i && matches!(self.toks[stop - 1].kind, Kind::Punct(c) if c != ')') {
                stop -= 1;
            }
            let comma = (i..stop).rev().find(|&k| {
                // A container starts with a capital (`, Phys. Rev.`), not `, and …`.
                self.is_punct(k, ',')
                    && !self.inside_parens(i, k)
                    && !self.word(k + 1).is_some_and(|w| {
                        w.starts_with(char::is_lowercase) && !matches!(w, "in" | "in:")
                    })
            });
            match comma {
                Some(c) if locator_at.is_some() => {
                    title = Some((i, c));
                    container = Some((c + 1, stop));
                }
                _ if locator_at.is_some() && self.looks_like_journal(i, stop) => {
                    title = None;
                    container = Some((i, stop));
                }
                // `Title using ACTA. ACM Transactions on Database Systems, 19(3)`: the
                // journal is the last sentence before the locators when it names a serial.
                _ if locator_at.is_some() => {
                    let cut = (i + 3..stop).rev().find(|&k| {
                        self.word(k)
                            .is_some_and(|w| w.ends_with('.') && !is_initials(w))
                            && self
                                .word(k + 1)
                                .is_some_and(|n| n.starts_with(char::is_uppercase))
                            && self.has_serial_cue(k + 1, stop)
                    });
                    match cut {
                        Some(k) => {
                            title = Some((i, k + 1));
                            container = Some((k + 1, stop));
                        }
                        None => title = Some((i, stop)),
                    }
                }
                _ => title = Some((i, stop)),
            }
        } else {
            let stop = locator_at.unwrap_or(n);
            // `Title. (1996, September). Magazine, 44(1)`: a date after a title that opens
            // the reference belongs to no container.
            let mut from = after_title;
            if let Some((y, after)) = self.date_parenthetical(after_title) {
                r.year = r.year.or(Some(y));
                from = after;
            }
            if from < stop {
                container = Some((from, stop));
            }
        }
        if let (Some((a, b)), Some((_, cb))) = (title, container) {
            if self.is_abbreviated_run(a, b) && container.is_some_and(|(ca, _)| ca == b) {
                // `Contemp. Phys. 46 277`: what looked like a title is the journal's start.
                title = None;
                container = Some((a, cb));
            }
        }
        // `Title, Proc. of X Conf.` / `Title, IEEE Transactions on X`: a comma before words
        // that only start a serial ends an unquoted title.
        if let (Some((a, b)), false) = (title, quoted) {
            let cut = (a + 2..b).find(|&k| {
                self.is_punct(k, ',')
                    && !self.inside_parens(a, k)
                    && self.word(k + 1).is_some_and(starts_serial_name)
            });
            if let Some(k) = cut {
                let end = match container {
                    Some((ca, cb)) if ca >= b => cb,
                    _ => b,
                };
                title = Some((a, k));
                container = Some((k + 1, end));
            }
        }
        // `… cluster model J .Phys .G :Nucl .Part .Phys .40` (PDF extraction, no separator
        // before the journal): a run of spaced abbreviations ends an unquoted title.
        if let (Some((a, b)), false) = (title, quoted) {
            if let Some(s) = self.spaced_abbreviation_tail(a, b) {
                let end = match container {
                    Some((ca, cb)) if ca >= b => cb,
                    _ => b,
                };
                title = Some((a, s));
                container = Some((s, end));
            }
        }
        let mut loc = locators::Locators::default();
        let mut after_block = n;
        if let Some(l) = locator_at {
            let (found, end) = block.read(l);
            loc = found;
            after_block = end;
        }
        // `Title. Subtitle. Journal 2011; 26: 1–9`: with volume or pages after it, the
        // journal is the last sentence before the locators; earlier ones extend the title.
        if let (Some((ta, _)), Some((ca, cb))) = (title, container) {
            let journal = loc.volume.is_some() || loc.page_first.is_some();
            let starts_in = matches!(self.word(ca), Some("In" | "in" | "In:" | "in:"));
            if journal && !starts_in && !quoted {
                let last_end = (ca..cb.saturating_sub(1)).rev().find(|&k| {
                    self.is_sentence_end(k) && (k + 1..cb).any(|j| self.word(j).is_some())
                });
                let sentence_like = |e: usize| {
                    let words: Vec<&str> = (ca..=e).filter_map(|k| self.word(k)).collect();
                    words.len() >= 3 && words.iter().any(|w| w.starts_with(char::is_lowercase))
                };
                if let Some(e) = last_end.filter(|&e| sentence_like(e)) {
                    title = Some((ta, e + 1));
                    container = Some((e + 1, cb));
                }
            }
        }
        let mut title_year = None;
        if let Some((a, b)) = title {
            let b = if locator_at.is_none() && !quoted {
                let kept = self.drop_trailers(a, b);
                // `Title, 1976, Boston: Press`: the dropped trailer dates the work.
                title_year = (kept..b).find_map(|k| self.word(k).and_then(year_of));
                kept
            } else {
                b
            };
            // `Title, 1997.`: a year after a comma at the end of an unquoted title is the
            // work's date, not part of its name.
            let mut e = b;
            while e > a && matches!(self.toks[e - 1].kind, Kind::Punct('.' | ',')) {
                e -= 1;
            }
            let b = match (e > a + 2 && !quoted)
                .then(|| self.word(e - 1).and_then(year_of))
                .flatten()
            {
                Some(y) if self.is_punct(e - 2, ',') && self.word(e - 3).is_some() => {
                    title_year = Some(y);
                    e - 2
                }
                _ => b,
            };
            r.title = self
                .field(a, b)
                .map(strip_genre_note)
                .map(strip_title_trailer)
                .map(strip_edition_trailer);
            if r.title.as_deref().is_some_and(str::is_empty) {
                r.title = None;
            }
        }
        if let Some((a, b)) = container {
            let has_volume_or_pages = loc.volume.is_some() || loc.page_first.is_some();
            shape.quoted_title = quoted;
            r.container_title = self.container(a, b, has_volume_or_pages, &mut shape);
        }
        r.volume = loc.volume;
        // `Phys. Rev. D85`, `Nucl. Phys. B393`: the series letter glued to the volume
        // belongs to the journal.
        if let (Some(l), Some(c), Some(v)) = (locator_at, &r.container_title, &r.volume) {
            let w = self.word(l).unwrap_or("");
            let series = v.len() >= 2
                && v.starts_with(|ch: char| ch.is_ascii_uppercase())
                && v[1..].bytes().all(|b| b.is_ascii_digit())
                && w.trim_end_matches([',', '.']) == v;
            let head = &self.text[..self.toks[l].start];
            let found = series.then(|| head.rfind(c.as_str())).flatten();
            // Not across a cut between the journal and its volume.
            let cut_between = |pos: usize| {
                self.cuts
                    .iter()
                    .any(|&k| (pos..head.len()).contains(&self.toks[k].start))
            };
            if let Some(pos) = found.filter(|&pos| !cut_between(pos)) {
                let joined = &self.text[pos..self.toks[l].start + 1];
                r.container_title = Some(joined.split_whitespace().collect::<Vec<_>>().join(" "));
                r.volume = Some(v[1..].to_owned());
            }
        }
        r.issue = loc.issue;
        r.page_first = loc.page_first;
        r.page_last = loc.page_last;
        r.article_number = loc.article_number;
        if r.year.is_none() {
            r.year = loc.year.or(title_year);
        }
        if r.year.is_none() {
            // Books and reports: the year sits with the publisher, often last.
            // The title is searched last: a year printed in it is not the work's year.
            let from = title.map(|(_, b)| b).unwrap_or(i).max(i);
            // `2003 [1910]`: a bracketed year is the original edition's, not this one's.
            let bracketed = |k: usize| k > 0 && self.is_punct(k - 1, '[');
            let candidates = || {
                (from..n)
                    .rev()
                    .filter_map(|k| self.word(k).and_then(year_of).map(|y| (k, y)))
                    .filter(|&(k, _)| !self.is_range_part(k))
            };
            let after_title = candidates()
                .find(|&(k, _)| !bracketed(k))
                .or_else(|| candidates().next())
                .map(|(_, y)| y);
            // ... unless the title ran to the end of the reference (`Report X, 2017.`).
            let title_ends_reference = title.is_some_and(|(_, b)| b >= n);
            r.year = after_title.or_else(|| {
                if title_ends_reference && n > 0 {
                    self.word(n - 1).and_then(year_of)
                } else {
                    None
                }
            });
        }
        let _ = after_block;
        shape
    }

    /// `(1996, September).` / `(2011).` at `k`: the year and the token after the bracket
    /// and its punctuation.
    fn date_parenthetical(&self, k: usize) -> Option<(i32, usize)> {
        if !self.is_punct(k, '(') {
            return None;
        }
        let close = (k + 1..(k + 7).min(self.toks.len())).find(|&j| self.is_punct(j, ')'))?;
        let year = (k + 1..close).find_map(|j| self.word(j).and_then(year_of))?;
        let dated = (k + 1..close).all(|j| {
            self.word(j)
                .is_none_or(|w| year_of(w).is_some() || is_month(w) || w.len() <= 2)
        });
        if !dated {
            return None;
        }
        let mut after = close + 1;
        while matches!(
            self.toks.get(after).map(|t| t.kind),
            Some(Kind::Punct('.' | ',' | ':'))
        ) {
            after += 1;
        }
        Some((year, after))
    }

    fn is_range_part(&self, k: usize) -> bool {
        let dash = |j: usize| {
            self.word(j)
                .is_some_and(|w| w.chars().all(locators::is_dash))
        };
        (k > 0 && dash(k - 1)) || dash(k + 1)
    }

    fn inside_parens(&self, from: usize, k: usize) -> bool {
        let mut depth = 0i32;
        for t in &self.toks[from..k] {
            if t.is_punct('(') || t.is_punct('[') {
                depth += 1;
            } else if t.is_punct(')') || t.is_punct(']') {
                depth -= 1;
            }
        }
        depth > 0
    }

    /// `World Health Organization. Title` or `WHO (2010) Title`: a group as author.
    /// `capitalised`: only a group of capitalised words is wanted ([`Self::all_capitalised`]),
    /// and the walk stops at the first other word (any group would hold it).
    fn group_author(&self, start: usize, capitalised: bool) -> Option<(String, usize)> {
        let n = self.toks.len();
        let mut k = start;
        let mut has_org = false;
        let mut words = 0;
        while k < n && words <= 10 {
            let t = self.toks[k];
            match t.kind {
                Kind::Word => {
                    let w = t.text;
                    if capitalised && !is_capitalised_or_small(w) {
                        return None;
                    }
                    words += 1;
                    has_org |= is_organisation_word(w);
                    let acronym = w.trim_end_matches('.').len() >= 2
                        && w.trim_end_matches('.')
                            .chars()
                            .all(|c| c.is_ascii_uppercase());
                    has_org |= acronym && words == 1;
                    if w.ends_with('.') && !is_abbreviation(w) && !is_initials(w) {
                        return (has_org && words >= 1)
                            .then(|| self.field(start, k + 1))
                            .flatten()
                            .map(|s| (s, k + 1));
                    }
                }
                Kind::Punct('(') if self.word(k + 1).and_then(year_of).is_some() => {
                    return (has_org || (1..=4).contains(&words))
                        .then(|| self.field(start, k))
                        .flatten()
                        .map(|s| (s, k));
                }
                Kind::Punct('.') => {
                    return has_org
                        .then(|| self.field(start, k))
                        .flatten()
                        .map(|s| (s, k + 1));
                }
                // `Institute for Health Information: Title` (BMC, Vancouver): a colon
                // ends a group of capitalised words as it ends a person list. The list
                // stops at the colon, as a person list does: a year after it opens the
                // title (`Group: 2009 updated guidelines`), the work's year comes last.
                Kind::Punct(':') if has_org && self.all_capitalised(start, k) => {
                    return self.field(start, k).map(|s| (s, k));
                }
                // `ALICE Collaboration, Title` / `Fluke Corporation, Manual`.
                Kind::Punct(',') if has_org && words <= 5 => {
                    return self.field(start, k).map(|s| (s, k + 1));
                }
                _ => {}
            }
            k += 1;
        }
        None
    }

    /// A group name as its own sentence after a person list: capitalised words (and
    /// `and`, `of`, `for`, `on`, `the`) with an organisation word, and a title after it.
    fn group_after_persons(&self, from: usize) -> Option<(String, usize)> {
        let (literal, end) = self.group_author(from, true)?;
        // A title sentence must follow before the first number: after `Harbour Board
        // Reports in Practice.` comes the journal, so that was the title.
        let title_follows = (end..self.toks.len())
            .take_while(|&k| {
                !self
                    .word(k)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            })
            .any(|k| self.is_sentence_end(k) && self.word(k + 1).is_some());
        let capitalised = self.all_capitalised(from, end);
        let sentence = end > from
            && (self.is_punct(end - 1, '.')
                || self.word(end - 1).is_some_and(|w| w.ends_with('.')));
        (title_follows && capitalised && sentence).then_some((literal, end))
    }

    /// Whether the words of `[from, to)` are capitalised (or digits, or the small words
    /// of an organisation's name).
    fn all_capitalised(&self, from: usize, to: usize) -> bool {
        (from..to)
            .filter_map(|k| self.word(k))
            .all(is_capitalised_or_small)
    }

    /// `…, van Tulder M, Editorial Board, Review Group: Title` (BMC): capitalised
    /// groups after the persons, up to the colon that ends the author list.
    fn colon_group_after_persons(&self, from: usize) -> Option<(String, usize)> {
        let mut has_org = false;
        let mut words = 0;
        for k in from..self.toks.len() {
            match self.toks[k].kind {
                Kind::Word => {
                    let w = self.word(k)?;
                    words += 1;
                    if words > 12 || w.ends_with('.') {
                        return None;
                    }
                    has_org |= is_organisation_word(w);
                }
                Kind::Punct(',') => {}
                Kind::Punct(':') => {
                    return (has_org && self.all_capitalised(from, k))
                        .then(|| self.field(from, k))
                        .flatten()
                        .map(|s| (s, k));
                }
                Kind::Punct(_) => return None,
            }
        }
        None
    }

    /// A year right after the author list: `(2011)`, `(2011a)`, `2011.`, `, 2011,`,
    /// `(2011, June 3)`, `(n.d.)`, `(in press)`.
    fn head_year(&self, i: usize) -> (Option<i32>, usize) {
        let mut k = i;
        if self.is_punct(k, ',') || self.is_punct(k, '.') {
            k += 1;
        }
        if self.is_punct(k, '(') || self.is_punct(k, '[') {
            if let Some(y) = self.word(k + 1).and_then(year_of) {
                let close = (k + 2..(k + 8).min(self.toks.len()))
                    .find(|&j| self.is_punct(j, ')') || self.is_punct(j, ']'));
                return (Some(y), close.map_or(k + 2, |c| c + 1));
            }
            let w = self.word(k + 1).unwrap_or("");
            // `(December 1998)` / `(June 3, 2011)`.
            if is_month(w) {
                let dated = (k + 2..(k + 6).min(self.toks.len())).find_map(|j| {
                    let y = self.word(j).and_then(year_of)?;
                    self.is_punct(j + 1, ')').then_some((y, j + 2))
                });
                if let Some((y, after)) = dated {
                    return (Some(y), after);
                }
            }
            if matches!(
                w,
                "n.d." | "n.d" | "nd" | "in" | "In" | "forthcoming" | "s.d."
            ) {
                let close = (k + 1..(k + 5).min(self.toks.len())).find(|&j| self.is_punct(j, ')'));
                if let Some(c) = close {
                    return (None, c + 1);
                }
            }
            return (None, i);
        }
        if let Some(y) = self.word(k).and_then(year_of) {
            // Not the volume of a journal right after the authors: `2011, 26` is rare.
            let next_is_title = !self
                .word(k + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
            if next_is_title {
                return (Some(y), k + 1);
            }
        }
        (None, i)
    }

    /// The title from token `i`: quoted, or up to the first sentence end.
    /// Returns (end of title, start of what follows, quoted).
    fn title_span(&self, i: usize, block: &Block<'_>) -> (usize, usize, bool) {
        let n = self.toks.len();
        if self.is_open_quote(i) {
            let open = match self.toks[i].kind {
                Kind::Punct(c) => c,
                Kind::Word => '"',
            };
            let closes: &[char] = match open {
                '“' => &['”', '"'],
                '„' => &['“', '"', '”'],
                '«' => &['»'],
                '‘' => &['’', '\''],
                '\'' | '`' => &['\'', '’'],
                _ => &['"', '”', '“'],
            };
            // The closing mark comes before any cut: quotes on either side of an
            // identifier enclose no title.
            let limit = self.cut_in(i + 1, n).unwrap_or(n);
            if let Some(c) = (i + 1..limit)
                .find(|&k| matches!(self.toks[k].kind, Kind::Punct(q) if closes.contains(&q)))
            {
                return (c + 1, c + 1, true);
            }
        }
        let mut k = i;
        while k < n {
            if k > i && block.starts_at(k) && self.locator_is_strong(k) {
                return (n.max(k), k, false);
            }
            if k > i && self.is_in_marker(k) {
                return (k, k, false);
            }
            if k > i && self.is_publication_parenthetical(k) {
                // `Title (Oxford University Press, UK, 1989)`: book details in brackets.
                return (k, k, false);
            }
            if k > i && self.is_punct(k, ';') && self.starts_book_details(k + 1) {
                return (k, k + 1, false);
            }
            if self.is_sentence_end(k) {
                return (k + 1, k + 1, false);
            }
            k += 1;
        }
        (n, n, false)
    }

    /// ACS and MDPI books: `Title; Editor, A., Ed.; Publisher: City, 1990` or `Title;
    /// Publisher: City, 2007`. After the semicolon come the editors (ended by `Ed.` /
    /// `Eds.`) or a short capitalised publisher name and its place after a colon.
    fn starts_book_details(&self, from: usize) -> bool {
        let n = self.toks.len();
        let segment_end = (from..n.min(from + 16))
            .find(|&k| self.is_punct(k, ';'))
            .unwrap_or(n);
        let editors = (from..segment_end).any(|k| {
            self.word(k).is_some_and(|w| {
                matches!(w, "Ed." | "Eds." | "Ed" | "Eds" | "eds." | "ed.")
                    && !self
                        .word(k + 1)
                        .is_some_and(|n| n.starts_with(char::is_lowercase))
            })
        });
        if editors && segment_end < n {
            return true;
        }
        let Some(colon) = (from..n.min(from + 6)).find(|&k| self.is_punct(k, ':')) else {
            return false;
        };
        colon > from
            && self.all_capitalised(from, colon)
            && (from..colon).all(|k| self.word(k).is_some())
            && self
                .word(colon + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && (colon + 1..n).any(|k| self.word(k).and_then(year_of).is_some())
    }

    /// `(Publisher, City, 1989)` / `(Springer, 2003)`: a parenthesis holding a year and
    /// something before it.
    fn is_publication_parenthetical(&self, k: usize) -> bool {
        if !self.is_punct(k, '(') {
            return false;
        }
        let mut words = 0;
        for j in k + 1..(k + 20).min(self.toks.len()) {
            let t = self.toks[j];
            if t.is_punct(')') {
                return false;
            }
            if let Some(w) = self.word(j) {
                if year_of(w).is_some() {
                    return words >= 1
                        && self.toks[j + 1..].iter().take(3).any(|t| t.is_punct(')'));
                }
                words += 1;
            }
        }
        false
    }

    /// A locator that cannot be a number inside a title.
    fn locator_is_strong(&self, k: usize) -> bool {
        let w = self.word(k).unwrap_or("");
        if locators::label_of(w).is_some() || locators::glued_label(w).is_some() {
            return true;
        }
        if self.is_punct(k, '(') {
            // `Kelly's (1997) suggestion`: a year in a title runs on in lower case.
            return !self
                .word(k + 3)
                .is_some_and(|n| n.starts_with(char::is_lowercase));
        }
        if is_month(w) {
            return false;
        }
        if k > 0 && self.is_punct(k - 1, ',') && w.contains(|c: char| locators::is_dash(c)) {
            // `…, Title, STACS, 163-174.`
            return true;
        }
        // `1 pp. 35-50`: a number before a labelled page range.
        let label_next = self.word(k + 1).is_some_and(|n| {
            locators::label_of(n).is_some()
                && (self.word(k + 2).is_some_and(locators::is_numberish)
                    || self.is_punct(k + 2, '.'))
        });
        // `26(3)`, `26:941`, `2011;`, `26, 941–51`.
        label_next
            || self.is_punct(k + 1, '(')
            || self.word(k + 1).is_some_and(locators::is_numberish)
            || self.is_punct(k + 1, ':')
            || self.is_punct(k + 1, ';')
            || (self.is_punct(k + 1, ',')
                && self
                    .word(k + 2)
                    .is_some_and(|n| locators::is_numberish(n) || locators::label_of(n).is_some()))
    }

    /// The start of a trailing run `Eur .Phys .J .A` in `[from, to)`: capitalised short words
    /// each followed by a dot glued to the next word. Needs two such dots and a title before.
    fn spaced_abbreviation_tail(&self, from: usize, to: usize) -> Option<usize> {
        let abbreviation_word = |k: usize| {
            self.word(k).is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().count() <= 6
                    && w.chars().all(char::is_alphabetic)
            })
        };
        let mut k = to;
        while k > from && matches!(self.toks[k - 1].kind, Kind::Punct('.' | ',')) {
            k -= 1;
        }
        if k == from || !abbreviation_word(k - 1) {
            return None;
        }
        let mut start = k - 1;
        let mut glued = 0;
        // Walk back over `X .` pairs: a dot spaced from the word before and glued to the next.
        while start >= from + 3 {
            let dot = self.toks[start - 1];
            let before = self.toks[start - 2];
            let spaced_glued = matches!(dot.kind, Kind::Punct('.' | ':'))
                && dot.end == self.toks[start].start
                && dot.start > before.end;
            if !(spaced_glued && abbreviation_word(start - 2)) {
                break;
            }
            start -= 2;
            glued += 1;
        }
        let title_words = (from..start).filter(|&j| self.word(j).is_some()).count();
        (glued >= 2 && title_words >= 3).then_some(start)
    }

    /// `in Book` / `In: Book` right where a title would start (after the authors).
    fn is_in_marker_at_start(&self, k: usize) -> bool {
        match self.word(k) {
            Some("In:" | "in:") => true,
            Some("in") => {
                self.is_punct(k + 1, ':')
                    || self
                        .word(k + 1)
                        .is_some_and(|n| n.starts_with(char::is_uppercase))
            }
            // Capitalised `In` often starts a title (`In Search of …`); before a colon or
            // an editor's initials (`In H. V. Smith, editor`) it starts a book.
            Some("In") => {
                self.is_punct(k + 1, ':') || self.word(k + 1).is_some_and(is_dotted_initials)
            }
            _ => false,
        }
    }

    /// `In:` / `In` + capital, or `in:` after a comma: the start of a container.
    fn is_in_marker(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else { return false };
        let prev_sep = k > 0 && matches!(self.toks[k - 1].kind, Kind::Punct(',' | '.' | ')'));
        match w {
            "In:" | "in:" => true,
            "In" | "in" => {
                (self.is_punct(k + 1, ':') || prev_sep)
                    && (self.is_punct(k + 1, ':')
                        || self
                            .word(k + 1)
                            .is_some_and(|n| n.starts_with(char::is_uppercase)))
            }
            _ => false,
        }
    }

    fn is_sentence_end(&self, k: usize) -> bool {
        let Some(tok) = self.toks.get(k) else {
            return false;
        };
        if tok.is_punct('.') {
            // `Phys .Rev .B` (PDF extraction): a dot glued to the next word belongs to the
            // word before it; it ends a sentence only after a full word (`classical .Rev`).
            if self.toks.get(k + 1).is_none_or(|n| n.start > tok.end) {
                return true;
            }
            let full_word_before = k > 0
                && self.word(k - 1).is_some_and(|p| {
                    let letters = p.chars().filter(|c| c.is_alphabetic()).count();
                    p.chars().all(|c| c.is_alphabetic() || c == '-')
                        && (p.starts_with(char::is_lowercase) && letters >= 4 || letters >= 8)
                });
            return full_word_before
                && self
                    .word(k + 1)
                    .is_some_and(|n| n.starts_with(char::is_uppercase));
        }
        let Some(w) = self.word(k) else { return false };
        let next_starts = || match self.toks.get(k + 1) {
            None => true,
            Some(t) => match t.kind {
                Kind::Word => {
                    let nw = t.text;
                    nw.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                }
                Kind::Punct(c) => is_quote(c) || matches!(c, '(' | '['),
            },
        };
        if w.ends_with(['?', '!']) {
            return next_starts();
        }
        if !w.ends_with('.') || w.ends_with("..") {
            return false;
        }
        let bare = w.trim_end_matches('.');
        // `… using ACTA. ACM Transactions`: an acronym after a lower-case title word ends
        // the title; initials follow a family name.
        let acronym_after_lowercase = bare.len() >= 2
            && bare.chars().all(|c| c.is_ascii_uppercase())
            && k > 0
            && self
                .word(k - 1)
                .is_some_and(|p| p.starts_with(char::is_lowercase) && !is_particle(p));
        if acronym_after_lowercase && !is_abbreviation(w) {
            return next_starts();
        }
        if is_initials(w) || is_abbreviation(w) {
            return false;
        }
        // `… a Cold-Adapted Nitrifier Guild. Front. Microbiol.`: a word that only ever opens
        // a journal's abbreviated name ends the (title-case) title before it.
        if self.word(k + 1).is_some_and(opens_journal_abbreviation) {
            return true;
        }
        let capital = bare.starts_with(char::is_uppercase);
        // `Biol.`, `Pharmacol.` are abbreviations; `Protocol.` before `In` ends a title.
        if capital && bare.ends_with("ol") && !matches!(self.word(k + 1), Some("In" | "In:")) {
            return false;
        }
        // `Int. J. Mod. Phys.`, `Mon. Not. R. Astron. Soc.`: short capitalised words before
        // another abbreviation.
        if capital
            && bare.chars().count() <= 4
            && self.word(k + 1).is_some_and(|n| {
                n.ends_with('.')
                    && n.starts_with(char::is_uppercase)
                    && n.trim_end_matches('.').chars().count() <= 6
            })
        {
            return false;
        }
        if capital
            && self
                .word(k + 1)
                .is_some_and(|n| locators::is_numberish(n) && !n.ends_with('.'))
        {
            return false;
        }
        // ISO 4 abbreviations are truncated words ending in a consonant: `Regen. Rev.`,
        // `J. Coast. Stud.`; a full title word before a journal rarely is that short.
        let truncated = bare.chars().count() <= 6
            && bare
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiouyAEIOUYs".contains(c));
        // A lower-case word before it, in the same sentence: `… of the Gut. Nat. Rev.`
        // ends the title; after `… autoimmunity. Semin. Immunol.` the journal starts.
        let after_lowercase = k > 0
            && self
                .word(k - 1)
                .is_some_and(|p| p.starts_with(char::is_lowercase) && !p.ends_with('.'));
        // `Proc. Intl. Workshop`: a truncated word inside a run of abbreviations.
        let after_abbreviation = k > 0
            && self.word(k - 1).is_some_and(|p| {
                p.ends_with('.') && p.starts_with(char::is_uppercase) && is_abbreviation(p)
            });
        if capital && truncated && after_abbreviation {
            return false;
        }
        if capital
            && truncated
            && !after_lowercase
            && self.word(k + 1).is_some_and(|n| {
                n.ends_with('.') && n.starts_with(char::is_uppercase) && !is_initials(n)
            })
        {
            return false;
        }
        next_starts()
    }

    /// Whether tokens `[from, to)` hold words, all capitalised and ending in a dot
    /// (`Biodegrad.`, `J.`), and nothing but dots or commas between them.
    fn only_abbreviations(&self, from: usize, to: usize) -> bool {
        let mut words = 0;
        for k in from..to.min(self.toks.len()) {
            match self.word(k) {
                Some(w) if w.ends_with('.') && w.starts_with(char::is_uppercase) => words += 1,
                Some(_) => return false,
                None if self.is_punct(k, '.') || self.is_punct(k, ',') => {}
                None => return false,
            }
        }
        words > 0
    }

    /// One to four capitalised abbreviated words (`Contemp.`, `Ann. Inst.`,
    /// `Int. J. Human-Comp.`): no title is written so.
    fn is_abbreviated_run(&self, from: usize, to: usize) -> bool {
        let mut words = 0;
        for k in from..to {
            if let Some(w) = self.word(k) {
                words += 1;
                let short = w.chars().count() <= if words <= 2 { 9 } else { 12 };
                if !(w.ends_with('.') && w.starts_with(char::is_uppercase) && short) {
                    return false;
                }
            }
        }
        (1..=4).contains(&words)
    }

    /// A short run of capitalised or abbreviated words: a journal title.
    fn looks_like_journal(&self, from: usize, to: usize) -> bool {
        let mut words = 0;
        let mut abbreviated = 0;
        let mut capitalised = 0;
        let mut short = 0;
        for k in from..to {
            if let Some(w) = self.word(k) {
                words += 1;
                if w.ends_with('.') {
                    abbreviated += 1;
                }
                if w.starts_with(char::is_uppercase) {
                    capitalised += 1;
                }
                if w.chars().count() <= 4 {
                    short += 1;
                }
            }
        }
        // `J Mater Sci Mater Med 10:697` (NLM, undotted): capitalised words, most of
        // them cut short.
        let nlm_abbreviation = capitalised == words && 2 * short >= words;
        words > 0 && words <= 8 && (abbreviated > 0 || words <= 4 || nlm_abbreviation)
    }

    /// The container between the title and the locators, cleaned of `In:`, editors,
    /// and publisher or place.
    fn container(
        &self,
        from: usize,
        to: usize,
        journal_like: bool,
        shape: &mut Shape,
    ) -> Option<String> {
        let mut a = from;
        while a < to
            && matches!(self.toks[a].kind, Kind::Punct(c) if c != '(' && !matches!(c, '"' | '“' | '‘'))
        {
            a += 1;
        }
        // `Trans. Nicholas Rand. Critical Inquiry`: a translator's or editor's sentence.
        if matches!(
            self.word(a),
            Some("Trans." | "Translated" | "Edited" | "Ed." | "Tr.")
        ) {
            if let Some(e) = (a + 1..to)
                .find(|&k| self.is_sentence_end(k) && !self.word(k).is_some_and(is_initials))
            {
                a = e + 1;
            }
        }
        if a < to
            && matches!(
                self.word(a),
                Some("In" | "in" | "In:" | "in:" | "Dans" | "dans" | "En" | "en" | "Im")
            )
        {
            shape.in_container = true;
            a += 1;
            if self.is_punct(a, ':') {
                a += 1;
            }
            // Editors: `In: Smith J, Doe K (eds) Book` / `In J. Smith (Ed.), Book`.
            let list = Names::new(self.text, self.toks).parse_list(a);
            // `In Book; Doe, A., Ed.; Publisher` (ACS): the book comes first, its
            // editors after the semicolon.
            let book_first = (a + 1..to)
                .find(|&k| self.is_punct(k, ';'))
                .is_some_and(|k| self.starts_book_details(k + 1));
            // `In Book, Lena Vogt and Tariq Hussain (Eds.). Publisher` (ACM): the list read
            // from the book's title on, ended by the mark and a full stop; the book stays
            // and is cut at the comma before the editors below.
            let book_before_editors = list.editors
                && self.is_punct(list.end, '.')
                && (a + 2..list.end).any(|c| self.editors_listed_after(c));
            if book_before_editors {
                shape.editors = true;
            } else if list.editors && list.end <= to {
                shape.editors = true;
                a = list.end;
            } else if book_first {
                shape.editors = true;
            } else if let Some(after) = self.after_editor_mark(a, to) {
                // `In Rumelhart, D. E., & The PDP research group (Eds.), Book`: names the
                // list parser cannot read, ended by the editors' mark.
                shape.editors = true;
                a = after;
            }
        }
        // `Title; Martens, H., Ed.; Wiley: New York` (ACS, MDPI): the editors' segment
        // after a book's title names no container.
        if let Some(semi) = (a + 1..to).find(|&k| self.is_punct(k, ';')) {
            let mut last = semi - 1;
            while last > a && self.is_punct(last, '.') {
                last -= 1;
            }
            if matches!(self.word(last), Some("Ed." | "Eds." | "Ed" | "Eds")) {
                shape.editors = true;
                a = semi + 1;
            }
        }
        // `Technical Report TR 95-50, Univ.` / `PhD thesis, Univ.`: a genre note names no
        // container, even with pages after it.
        if !shape.in_container && self.starts_genre_note(a) {
            return None;
        }
        // `Book, edited by X` / `Book, ed. by X` / `Book (eds X et al.)`: cut at the editors.
        let mut b = to;
        // `Book; Doe, A., Ed.; Publisher: City` / `Book; Publisher: City` (ACS, MDPI).
        if let Some(k) = (a + 1..to)
            .find(|&k| self.is_punct(k, ';'))
            .filter(|&k| self.starts_book_details(k + 1))
        {
            b = k;
        }
        for k in a..b {
            let w = self.word(k).unwrap_or("");
            if self.is_punct(k, '(')
                && self.word(k + 1).is_some_and(|n| {
                    matches!(
                        n.trim_end_matches('.').to_ascii_lowercase().as_str(),
                        "ed" | "eds" | "editor" | "editors" | "hrsg"
                    )
                })
            {
                b = k;
                break;
            }
            if matches!(w, "edited" | "Edited" | "ed." | "eds." | "Ed." | "Eds.")
                && self.word(k + 1).is_some_and(|n| n == "by")
            {
                b = k;
                break;
            }
            if self.word(k).is_some() && self.editors_after_comma(k) {
                b = k - 1;
                break;
            }
            if self.editors_listed_after(k) {
                b = k;
                break;
            }
        }
        // The container is the first sentence; what follows is publisher or place. A
        // rest of capitalised abbreviations only (`Int. Biodeterior. Biodegrad.`,
        // `Microchem. J.`) is still the journal's name: a place or publisher is spelled
        // out.
        if let Some(e) = (a..b).find(|&k| {
            self.is_sentence_end(k) && !(journal_like && self.only_abbreviations(k + 1, b))
        }) {
            b = e + 1;
        }
        // `IEEE Transactions on X, Special Issue on Y`: the issue's theme is no part of it.
        if let Some(k) = (a + 1..b).find(|&k| {
            matches!(self.toks[k].kind, Kind::Punct(',' | ':'))
                && self.word(k + 1) == Some("Special")
                && self.word(k + 2).is_some_and(|w| w.starts_with("Issue"))
        }) {
            b = k;
        }
        // `New York: Penguin, 1988. 368 pp.` / `(London: Verso, 1991), 39`: a book's
        // imprint, even with a page after it.
        // (`Bilingualism: Language and Cognition 16(3)`: a colon before serial locators is
        // a journal's.)
        let imprint = || {
            if self.place_colon_publisher(a, b) {
                !self.serial_locators_at(to)
            } else {
                self.names_imprint(a, b)
            }
        };
        if journal_like && !shape.in_container && !self.has_serial_cue(a, b) && imprint() {
            shape.publisher = true;
            return None;
        }
        if !journal_like && !shape.in_container && self.publisher_like(a, b) {
            shape.publisher = true;
            return None;
        }
        if !journal_like && !shape.in_container && self.is_genre_note(a, b) {
            return None;
        }
        // `Title. IJCV, 2008.` / `Title. CVPR, 2009.`: a lone acronym followed only by the
        // year is the venue (a publisher or a place is written out).
        let year_ends = self.word(to).and_then(year_of).is_some()
            && self.toks[to + 1..].iter().all(|t| !t.is_word());
        let acronym = {
            let mut words = (a..b).filter_map(|k| self.word(k));
            let first = words.next().unwrap_or("");
            words.next().is_none()
                && first.len() >= 3
                && first.bytes().all(|c| c.is_ascii_uppercase())
        };
        let venue = year_ends && acronym;
        if !journal_like
            && !shape.in_container
            && !shape.quoted_title
            && !self.has_serial_cue(a, b)
            && !venue
        {
            // A sentence after a book title without volume or pages: publisher or series.
            return None;
        }
        let b = self.drop_trailing_date(a, b);
        if journal_like && self.ends_with_dated_qualifier(a, b, to) {
            return self.field(a, b);
        }
        let b = self.drop_trailers(a, b);
        self.field(a, b)
    }

    /// `Spine (Phila Pa 1976) 2009, 34:1929`: an NLM title qualifier holding a year other
    /// than the work's (printed after it, in the locators) belongs to the journal's name,
    /// unlike a `(Place, 2009)` imprint.
    fn ends_with_dated_qualifier(&self, a: usize, b: usize, to: usize) -> bool {
        let mut end = b;
        while end > a && matches!(self.toks[end - 1].kind, Kind::Punct(c) if c != ')') {
            end -= 1;
        }
        if end <= a + 1 || !self.is_punct(end - 1, ')') {
            return false;
        }
        let Some(open) = (a + 1..end - 1).rev().find(|&k| self.is_punct(k, '(')) else {
            return false;
        };
        let inside = open + 1..end - 1;
        let no_comma = inside.clone().all(|k| !self.is_punct(k, ','));
        let year_inside = inside.clone().find_map(|k| self.word(k).and_then(year_of));
        let words_before_year = self.word(open + 1).is_some_and(|w| year_of(w).is_none());
        let work_year = (to..self.toks.len())
            .take(8)
            .find_map(|k| self.word(k).and_then(year_of));
        no_comma
            && words_before_year
            && year_inside.is_some()
            && work_year.is_some()
            && work_year != year_inside
    }

    /// `J Korean Surg Soc. 2011 October`: a publication date printed between the journal
    /// and its volume is not part of the journal's name.
    fn drop_trailing_date(&self, a: usize, b: usize) -> usize {
        let mut k = b;
        let mut cut = b;
        let mut has_year = false;
        while k > a {
            match self.toks[k - 1].kind {
                Kind::Punct(',' | '.' | ';' | ':') => {}
                Kind::Word => {
                    let w = self.word(k - 1).unwrap_or("");
                    let bare = w.trim_end_matches(['.', ',']);
                    if year_of(bare).is_some() && bare.len() == 4 {
                        has_year = true;
                    } else if !(is_month(w)
                        || is_month(bare)
                        || bare.len() <= 2 && bare.chars().all(|c| c.is_ascii_digit()))
                    {
                        break;
                    }
                    cut = k - 1;
                }
                _ => break,
            }
            k -= 1;
        }
        // Only after a separator: `Interspeech 2019` names a meeting.
        let separated = cut > a
            && match self.toks[cut - 1].kind {
                Kind::Punct(_) => true,
                Kind::Word => self.word(cut - 1).is_some_and(|w| w.ends_with(['.', ','])),
            };
        let words_before = (a..cut).any(|j| self.word(j).is_some());
        if has_year && separated && words_before {
            cut
        } else {
            b
        }
    }

    /// The token after an editors' mark `(Eds.),` / `(ed.)` / `editors,` in `[from, to)`.
    fn after_editor_mark(&self, from: usize, to: usize) -> Option<usize> {
        let is_mark = |w: &str| {
            matches!(
                w.trim_end_matches('.').to_ascii_lowercase().as_str(),
                "ed" | "eds" | "editor" | "editors" | "hrsg" | "hg"
            )
        };
        let k = (from..to).find(|&k| self.word(k).is_some_and(is_mark))?;
        if k > 0 && self.is_punct(k - 1, '(') && !self.is_punct(k + 1, ')') {
            // `Book (eds Innis, M. A. et al.)`: the editors follow the book.
            return None;
        }
        if self.editors_after_comma(k) {
            // `in Book, eds A. Ruud and P. Hallin (Place: Publisher)` (Frontiers).
            return None;
        }
        if (from + 1..k).any(|c| self.editors_listed_after(c)) {
            // `In Book, Lena Vogt and Tariq Hussain (Eds.). Publisher` (ACM).
            return None;
        }
        let mut j = k + 1;
        if self.is_punct(j, ')') || self.is_punct(j, ']') {
            j += 1;
        }
        while j < to && matches!(self.toks[j].kind, Kind::Punct(',' | ':' | '.')) {
            j += 1;
        }
        // Only when names (capitalised words, initials) come before the mark.
        let before = (from..k).filter(|&x| self.word(x).is_some()).count();
        (before >= 1 && j < to).then_some(j)
    }

    /// `, Lena Vogt and Tariq Hussain (Eds.)`: a comma at `k`, then names ended by the
    /// editors' mark (the ACM reference format prints a chapter's book before its editors).
    fn editors_listed_after(&self, k: usize) -> bool {
        if !self.is_punct(k, ',')
            || !self
                .word(k + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            return false;
        }
        let list = Names::new(self.text, self.toks).parse_list(k + 1);
        list.editors && !list.authors.is_empty()
    }

    /// `, eds A. Ruud` / `, ed. P. Hallin`: an editors' mark after a comma with the
    /// editors' initials after it, the book's title before it (Frontiers).
    fn editors_after_comma(&self, k: usize) -> bool {
        k > 0
            && self.is_punct(k - 1, ',')
            && matches!(self.word(k), Some("eds" | "eds." | "ed." | "Eds." | "Ed."))
            && self.word(k + 1).is_some_and(is_initials)
    }

    /// Words that say a text is a serial or proceedings title.
    fn has_serial_cue(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            self.word(k).is_some_and(|w| {
                is_conference_word(w)
                    || w.ends_with('.') && is_abbreviation(w)
                    || matches!(
                        w.trim_end_matches(['.', ',']),
                        "Journal"
                            | "journal"
                            | "Review"
                            | "Reviews"
                            | "Letters"
                            | "Transactions"
                            | "Bulletin"
                            | "Annals"
                            | "Quarterly"
                            | "Magazine"
                            | "Research"
                            | "Science"
                            | "Sciences"
                            | "Proceedings"
                            | "Advances"
                            | "Acta"
                            | "Archives"
                            | "Reports"
                            | "Studies"
                            | "Medicine"
                            | "Nature"
                            | "Times"
                            | "News"
                            | "Post"
                            | "Gazette"
                            | "Zeitschrift"
                            | "Revue"
                            | "Revista"
                            | "Rivista"
                            | "Notes"
                            | "Communications"
                            | "Series"
                            | "Physics"
                            | "Chemistry"
                            | "Biology"
                            | "Optics"
                            | "Economics"
                    )
            })
        })
    }

    /// Drops trailing place, date and publisher segments from a container:
    /// `Proceedings of X, Portland, OR` -> `Proceedings of X`; `Book (Berlin, 1996)`.
    fn drop_trailers(&self, a: usize, mut b: usize) -> usize {
        loop {
            while b > a && matches!(self.toks[b - 1].kind, Kind::Punct(c) if c != ')') {
                b -= 1;
            }
            if b > a && self.is_punct(b - 1, ')') {
                if let Some(open) = (a..b - 1).rev().find(|&k| self.is_punct(k, '(')) {
                    let inner_trailer = (open + 1..b - 1)
                        .any(|k| self.is_punct(k, ',') || self.word(k).and_then(year_of).is_some());
                    if inner_trailer && open > a {
                        b = open;
                        continue;
                    }
                }
                return b;
            }
            let Some(c) = (a..b)
                .rev()
                .find(|&k| self.is_punct(k, ',') && !self.inside_parens(a, k))
            else {
                return b;
            };
            let head_words = (a..c).filter(|&k| self.word(k).is_some()).count();
            if head_words < 2 || !self.is_trailer(c + 1, b) {
                return b;
            }
            b = c;
        }
    }

    /// A place (`Portland`, `OR`, `New York`), a date, `to appear`, or a publisher.
    fn is_trailer(&self, from: usize, to: usize) -> bool {
        let words: Vec<&str> = (from..to).filter_map(|k| self.word(k)).collect();
        if words.is_empty() || words.len() > 4 {
            return false;
        }
        let joined_lower = |w: &[&str]| {
            w.iter()
                .map(|s| s.to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let lower = joined_lower(&words);
        if lower.starts_with("to appear")
            || lower.starts_with("in press")
            || lower.starts_with("forthcoming")
        {
            return true;
        }
        if words.iter().any(|w| is_month(w) || year_of(w).is_some()) {
            return true;
        }
        if self.publisher_like(from, to) {
            return true;
        }
        words.len() <= 3
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && !is_conference_word(w)
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
    }

    /// `City: Publisher` / `(City, ST: Publisher, 1991)`: at most three place words, a
    /// colon, then a capitalised name.
    fn place_colon_publisher(&self, from: usize, to: usize) -> bool {
        let mut k = from;
        if self.is_punct(k, '(') {
            k += 1;
        }
        let mut words = 0;
        while k < to {
            match self.word(k) {
                // `The Age: Extra` is a newspaper's section, not a place.
                Some("The" | "A" | "An") if words == 0 => return false,
                Some(w) if w.starts_with(char::is_uppercase) => words += 1,
                Some(_) => return false,
                None if self.is_punct(k, ',') || self.is_punct(k, ';') => {}
                None if self.is_punct(k, ':') => {
                    return (1..=3).contains(&words)
                        && self
                            .word(k + 1)
                            .is_some_and(|w| w.starts_with(char::is_uppercase));
                }
                None => return false,
            }
            if words > 3 {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Locators only a serial prints: a volume with its issue (`16(3)`, `16, no. 3`,
    /// `vol. 16`) or NLM's `2013;16`. A `Bilingualism: Language and Cognition 16(3).` or
    /// `J Phys: Condens Matter. 2000;12:345` before them is a journal, not `Place:
    /// Publisher`.
    fn serial_locators_at(&self, mut k: usize) -> bool {
        while matches!(
            self.toks.get(k).map(|t| t.kind),
            Some(Kind::Punct(',' | '.'))
        ) {
            k += 1;
        }
        let number = |k: usize| {
            self.word(k)
                .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        };
        let volume_label = self
            .word(k)
            .is_some_and(|w| matches!(w, "vol." | "Vol." | "vol" | "Vol" | "Volume"));
        let volume_issue = number(k)
            && (self.is_punct(k + 1, '(') && number(k + 2) && self.is_punct(k + 3, ')')
                || self.is_punct(k + 1, ',')
                    && self.word(k + 2).is_some_and(|w| matches!(w, "no." | "No.")));
        let year_volume =
            self.word(k).and_then(year_of).is_some() && self.is_punct(k + 1, ';') && number(k + 2);
        volume_label || volume_issue || year_volume
    }

    /// Words that only a publisher's name holds: `Press`, `Verlag`, `Publishing`, `Inc.`.
    fn names_imprint(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            self.word(k).is_some_and(|w| {
                lowercase_is_one_of(
                    w.trim_end_matches(['.', ',']),
                    &[
                        "press",
                        "publisher",
                        "publishers",
                        "publishing",
                        "verlag",
                        "springer-verlag",
                        "inc",
                        "ltd",
                        "sons",
                        "éditions",
                    ],
                )
            })
        })
    }

    fn publisher_like(&self, from: usize, to: usize) -> bool {
        let mut words = 0;
        for k in from..to {
            if let Some(w) = self.word(k) {
                words += 1;
                // `in press` is a status, not a publisher.
                let in_press = k > 0
                    && matches!(self.word(k - 1), Some("in" | "In"))
                    && w.trim_end_matches(['.', ',']).eq_ignore_ascii_case("press");
                if is_publisher_word(w) && !in_press {
                    return true;
                }
            } else if self.is_punct(k, ':') && words <= 3 && words > 0 {
                // `City: Publisher`
                return true;
            }
        }
        false
    }

    /// `Technical Report 92-43` / `TR 97-12`: a report's number, not pages.
    fn is_report_number(&self, k: usize) -> bool {
        let genre = |j: usize| {
            self.word(j)
                .is_some_and(|w| matches!(w.trim_end_matches('.'), "Technical" | "Tech"))
        };
        match k.checked_sub(1).and_then(|p| self.word(p)) {
            Some("TR") => true,
            Some("Report" | "report" | "Rep." | "Memo") => k >= 2 && genre(k - 2),
            _ => false,
        }
    }

    /// `Technical Report …`, `Tech. Rep.`, `TR 1069`, `PhD thesis`, `Draft Paper` at `k`.
    fn starts_genre_note(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else { return false };
        let next = self.word(k + 1).map(|n| n.trim_end_matches(['.', ',']));
        let next_is = |words: &[&str]| next.is_some_and(|n| ascii_lowercase_is_one_of(n, words));
        match w.trim_end_matches(['.', ',']) {
            "Technical" | "Tech" => next_is(&["report", "rep", "note", "memo", "memorandum"]),
            "TR" => self
                .word(k + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())),
            "PhD" | "Ph.D" | "Doctoral" | "Master's" | "Masters" | "MSc" | "MS" => {
                next_is(&["thesis", "dissertation"])
            }
            "Draft" => next_is(&["paper", "report", "version"]),
            "Internet-Draft" | "Unpublished" => true,
            _ => false,
        }
    }

    fn is_genre_note(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            self.word(k).is_some_and(|w| {
                ascii_lowercase_is_one_of(
                    w.trim_end_matches(['.', ',']),
                    &[
                        "thesis",
                        "dissertation",
                        "report",
                        "rep",
                        "ph.d",
                        "phd",
                        "doctoral",
                        "master's",
                    ],
                )
            })
        })
    }

    /// The CSL type from cues gathered while parsing.
    fn kind_of(&self, r: &Reference, shape: &Shape, arxiv: bool, accessed: bool) -> &'static str {
        let mut genres = [false; 4];
        let bytes = self.text.as_bytes();
        for t in self.toks.iter().filter(|t| t.is_word()) {
            // Trimming the word's end leaves its first byte: most words stop there.
            if !words::may_name_genre(bytes[t.start]) {
                continue;
            }
            if let Some(g) = words::genre_of(t.text) {
                genres[g as usize] = true;
            }
        }
        let has = |g: words::Genre| genres[g as usize];
        if has(words::Genre::Thesis) && r.volume.is_none() {
            return "thesis";
        }
        if has(words::Genre::Report) && r.volume.is_none() {
            return "report";
        }
        if has(words::Genre::Dataset) {
            return "dataset";
        }
        if has(words::Genre::Software) && r.container_title.is_none() {
            return "software";
        }
        if let Some(c) = &r.container_title {
            let meeting = c.split_whitespace().any(|w| {
                ascii_lowercase_is_one_of(
                    w.trim_end_matches(['.', ',']),
                    &[
                        "conference",
                        "conf",
                        "symposium",
                        "symp",
                        "workshop",
                        "congress",
                        "meeting",
                        "colloquium",
                    ],
                )
            });
            if meeting || (r.volume.is_none() && c.split_whitespace().any(is_conference_word)) {
                return "paper-conference";
            }
            if shape.in_container || shape.editors {
                return "chapter";
            }
            return "article-journal";
        }
        if r.volume.is_some() && r.page_first.is_some() {
            return "article-journal";
        }
        if shape.publisher || shape.editors {
            return "book";
        }
        // Preprints have no CSL type of their own in the record contract.
        let preprint = arxiv || r.url.as_deref().is_some_and(|u| u.contains("arxiv.org"));
        if preprint {
            return "other";
        }
        if r.url.is_some() || accessed {
            return "webpage";
        }
        if r.title.is_some() && r.year.is_some() && r.page_first.is_none() {
            return "book";
        }
        "other"
    }
}

/// Whether `text` holds two spaces in a row, a line break or a tab: whitespace that a
/// field collapses to single spaces (searched as bytes: every field is asked).
fn has_run_of_spaces(text: &str) -> bool {
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("  "));
    let bytes = text.as_bytes();
    memchr::memchr2(b'\n', b'\t', bytes).is_some() || DOUBLE_SPACE.find(bytes).is_some()
}

/// A capitalised word or a number, or one of the small words of an organisation's name.
fn is_capitalised_or_small(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || matches!(word, "and" | "of" | "for" | "on" | "the" | "in")
}

/// Drops a trailing status note from a title: `Title, preprint`, `Title, to appear`.
/// Words that open a proceedings or journal name (`Proc. of …`, `IEEE Transactions on …`).
/// Abbreviated words that stand first in a journal's name and never inside one
/// (`Front. Microbiol.`, `Proc. Natl. Acad. Sci.`, `Annu. Rev.`, `Curr. Opin.`).
const JOURNAL_OPENERS: &[&str] = &["Front.", "Proc.", "Annu.", "Curr."];

fn opens_journal_abbreviation(word: &str) -> bool {
    JOURNAL_OPENERS.contains(&word)
}

fn starts_serial_name(word: &str) -> bool {
    matches!(
        word,
        "Proc." | "Proc" | "Proceedings" | "Transactions" | "Journal" | "IEEE" | "ACM"
    )
}

/// `Title, 2nd ed` / `Title, rev. ed.` / `Title, trans. A. Name` / `Title, Name (trans.)`:
/// an edition or translator statement after a book title.
fn strip_edition_trailer(title: String) -> String {
    let Some(comma) = memchr::memrchr(b',', title.as_bytes()) else {
        return title;
    };
    let tail = title[comma + 1..].trim().to_ascii_lowercase();
    let mut words = tail.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("").trim_end_matches('.');
    let ordinal = first.len() >= 3
        && first.as_bytes()[0].is_ascii_digit()
        && (first.ends_with("st")
            || first.ends_with("nd")
            || first.ends_with("rd")
            || first.ends_with("th"));
    let edition_word = matches!(second, "ed" | "edn" | "edition");
    let edition = (ordinal
        || matches!(
            first.trim_end_matches('.'),
            "rev" | "revised" | "new" | "first" | "second" | "third" | "fourth" | "fifth"
        ))
        && edition_word
        && words.next().is_none();
    let translator = matches!(
        first.trim_end_matches('.'),
        "trans" | "tr" | "transl" | "translated"
    ) || tail.ends_with("(trans.)")
        || tail.ends_with("(trans)")
        || tail.ends_with("(tr.)");
    if (edition || translator) && comma > 0 {
        return title[..comma].trim_end().to_owned();
    }
    title
}

fn strip_title_trailer(title: String) -> String {
    const TRAILERS: &[&str] = &[
        "preprint",
        "to appear",
        "in press",
        "submitted",
        "unpublished",
        "in preparation",
        "forthcoming",
        "accepted",
    ];
    if let Some(comma) = memchr::memrchr(b',', title.as_bytes()) {
        let tail = title[comma + 1..]
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if TRAILERS.iter().any(|t| tail.starts_with(t)) {
            return title[..comma].trim_end().to_owned();
        }
    }
    title
}

/// Genre words closing a short last comma part of a title: `Title, PhD thesis` (Copernicus
/// and AGU print the genre after the title, then the institution), and the state of an
/// unpublished paper (`Title, in review, 2020.`).
const TRAILING_GENRES: &[&str] = &[
    "thesis",
    "dissertation",
    "tech. rep",
    "tech. rep.",
    "technical report",
    "in review",
    "in press",
    "submitted",
];

/// Drops a trailing genre note from a title: `Title (Doctoral dissertation)`, `Title, PhD
/// thesis`.
fn strip_genre_note(title: String) -> String {
    // `Title, edited by: Okafor, D., Publisher, …`: a book's editors end its title.
    static EDITED_BY: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(", edited by"));
    if let Some(at) = EDITED_BY.find(title.as_bytes()).filter(|&at| at > 0) {
        return title[..at].trim_end().to_owned();
    }
    // A comma part that names the genre (`Title, PhD thesis, University, …`, `Title, Tech.
    // rep., Agency, …`, `Title, Report HWO-03, …`) ends the title; most titles hold no
    // comma and are not searched.
    let bytes = title.as_bytes();
    for at in memchr::memchr_iter(b',', bytes) {
        if at == 0 || bytes.get(at + 1) != Some(&b' ') {
            continue;
        }
        let rest = &title[at + 2..];
        let part = rest.split(',').next().unwrap_or(rest).trim().as_bytes();
        let ends_with = |genre: &str| {
            part.len() >= genre.len()
                && part[part.len() - genre.len()..].eq_ignore_ascii_case(genre.as_bytes())
        };
        let genre = part.len() <= 40
            && TRAILING_GENRES.iter().any(|g| ends_with(g))
            && part.split(u8::is_ascii_whitespace).count() <= 3;
        // `Report HWO-2018-03`: a report's number.
        let numbered_report = part.starts_with(b"Report ")
            && part.split(u8::is_ascii_whitespace).count() == 2
            && part.iter().any(u8::is_ascii_digit);
        if (genre || numbered_report) && !title[..at].trim().is_empty() {
            return title[..at].trim_end().to_owned();
        }
    }
    if let Some(open) = memchr::memrchr2(b'(', b'[', title.as_bytes()) {
        let note = title[open..].to_ascii_lowercase();
        if [
            "dissertation",
            "thesis",
            "report",
            "in press",
            "abstract",
            "editorial",
            "letter",
            "ed.)",
            "edition",
            "edn",
            "dvd",
            "motion picture",
            "video",
            "television",
            "film",
            "podcast",
            "audio",
            "cd-rom",
        ]
        .iter()
        .any(|n| note.contains(n))
        {
            return title[..open].trim_end().to_owned();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_split_at_subscripts_are_joined() {
        // (text, joined)
        let cases = [
            (
                "Uptake of N2 O5 on invented aerosol",
                "Uptake of N2O5 on invented aerosol",
            ),
            ("Invented Cl2 O2 photolysis", "Invented Cl2O2 photolysis"),
            ("NO3 and N2 O5 data", "NO3 and N2O5 data"),
            (
                "Invent. Lett., 12, 345–350, 2019",
                "Invent. Lett., 12, 345–350, 2019",
            ),
            (
                "Phys. Rev. B 12, 3456 (2001)",
                "Phys. Rev. B 12, 3456 (2001)",
            ),
            ("Table 2 A5 values", "Table 2 A5 values"),
        ];
        for (text, want) in cases {
            assert_eq!(join_split_formulas(Cow::Borrowed(text)), want, "{text}");
            // The cheap check lets every regex match through.
            if SPLIT_FORMULA.is_match(text) {
                assert!(has_split_formula_start(text), "{text}");
            }
        }
    }

    #[test]
    fn the_grouped_range_check_lets_every_regex_match_through() {
        let cases = [
            ("Proc. Acad. USA 98, 13 757–13 762.", true),
            ("98, 13\u{2009}757-13\u{2009}762", true),
            ("98, 13\u{202F}757–13\u{202F}762", true),
            // Arabic-Indic digits are `\d` too.
            ("98, 13 ٧٥٧–13 762", true),
            ("J. Chem. 12, 757–762 (2001).", false),
            ("vol. 3, pp. 1 75–80", false),
            ("2001-2003", false),
            ("a–b - c", false),
            ("", false),
        ];
        for (text, joined) in cases {
            assert_eq!(GROUPED_RANGE.is_match(text), joined, "{text}");
            if joined {
                assert!(has_grouped_range_start(text), "{text}");
            }
        }
        // A plain page range after a colon is turned away before the regex.
        assert!(!has_grouped_range_start("Invent Rev 2014; 12: 311–24."));
    }
}
