//! The locator block after a container title: volume, issue, pages, e-locator and year,
//! in every printed shape (`2011; 26: 941–51`, `26, 941–951 (2011)`, `26 (2011) 941`,
//! `26(3), 941–951`, `vol. 26, no. 3, pp. 941–951`, `2008; (10): 3–6`).

use super::tokens::{Kind, Token};
use super::words::{is_month, year_of};
use crate::extract::pages::parse_page_range;

/// What a label before a number says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Volume,
    Issue,
    Pages,
    /// `Article 71` after the volume and issue (the ACM reference format).
    Article,
}

/// Reads a locator label: `vol.`, `Vol`, `v.`, `no.`, `No`, `issue`, `pp.`, `p.`, `pages`.
pub fn label_of(word: &str) -> Option<Label> {
    match word.trim_end_matches('.') {
        "vol" | "Vol" | "VOL" | "v" | "volume" | "Volume" | "Bd" | "Jg" | "tome" | "t" => {
            Some(Label::Volume)
        }
        "no" | "No" | "NO" | "nos" | "Nos" | "nr" | "Nr" | "n" | "issue" | "Issue" | "Heft"
        | "num" | "Num" | "Nº" | "nº" | "№" | "n°" | "N°" => Some(Label::Issue),
        "pp" | "Pp" | "PP" | "p" | "P" | "pages" | "Pages" | "page" | "S" | "pág" | "págs"
        | "str" => Some(Label::Pages),
        _ => None,
    }
}

/// A label glued to its number: `v.13`, `n.4`, `p.367-390`, `pp.1-10`.
pub fn glued_label(word: &str) -> Option<(Label, &str)> {
    // `n°20`, `nº 5` printed without a space (each sign holds a non-ASCII character).
    if !word.is_ascii() {
        for sign in ["n°", "N°", "nº", "Nº", "№"] {
            if let Some(tail) = word.strip_prefix(sign) {
                if tail.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some((Label::Issue, tail));
                }
            }
        }
    }
    let dot = word.bytes().position(|b| b == b'.')?;
    let (head, tail) = (&word[..dot], &word[dot + 1..]);
    if tail.starts_with(|c: char| c.is_ascii_digit()) {
        label_of(head).map(|l| (l, tail))
    } else {
        None
    }
}

/// A number-like word: `26`, `941–51`, `e941`, `C675`, `RG4002`, `A27`, `1-2`.
pub fn is_numberish(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    if is_manuscript_locator(w) {
        return true;
    }
    // At most two letters before the digits: a word is turned away on its first three
    // bytes (a byte that is no ASCII letter starts a character that is none either).
    let Some(digits_from) = w.bytes().take(3).position(|b| !b.is_ascii_alphabetic()) else {
        return false;
    };
    let prefix = &w[..digits_from];
    if !(prefix.is_empty() || prefix == "e" || prefix.chars().all(|c| c.is_ascii_uppercase())) {
        return false;
    }
    let rest = &w[digits_from..];
    if is_ordinal(rest) {
        return false;
    }
    // `3/4`, `1999/2000`, `75.1` (volume.issue) are numbers too.
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || is_dash(c) || c == '/' || c == '.')
        && rest.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 2
}

/// Oxford journals' article locators: three or four lower-case letters, then three digits
/// (`fiz021`, `gkaa123`), printed after the volume as pages would be.
fn is_manuscript_locator(w: &str) -> bool {
    let letters = w.bytes().take_while(u8::is_ascii_lowercase).count();
    (3..=4).contains(&letters)
        && w.len() == letters + 3
        && w.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

/// ASCII letters with at least one in lower case, and perhaps a closing `.` or `,`
/// (`cells`, `Res.`, `Tissue,`): never a number, a Roman numeral or a glued label.
fn is_plain_word(word: &str) -> bool {
    let mut bare = word.as_bytes();
    while let [rest @ .., b'.' | b','] = bare {
        bare = rest;
    }
    bare.iter().all(u8::is_ascii_alphabetic) && bare.iter().any(u8::is_ascii_lowercase)
}

/// `3rd`, `21st`, `4th`, `2nd`: an ordinal (an edition, a meeting), never a locator.
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(
            &word[digits..],
            "st" | "nd" | "rd" | "th" | "St" | "Nd" | "Rd" | "Th" | "ST" | "ND" | "RD" | "TH"
        )
}

/// `368p`, `67p`, `240pp`: a page count glued to its label.
fn is_glued_page_count(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "p" | "pp")
}

/// `25/04/2013`, `4/25/13`: a date written with slashes.
fn is_numeric_date(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    let mut parts = w.split('/');
    let mut lens = [0usize; 3];
    for len in &mut lens {
        match parts.next() {
            Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => *len = p.len(),
            _ => return false,
        }
    }
    parts.next().is_none() && lens[0] <= 2 && lens[1] <= 2 && matches!(lens[2], 2 | 4)
}

/// A month or a month range: `May`, `January-February`, `Jan.–Feb.`.
fn is_month_like(word: &str) -> bool {
    // A number (a volume, a page range) is none, nor is the part before its dash.
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    is_month(word)
        || word
            .split(is_dash)
            .next()
            .is_some_and(|m| m.len() < word.len() && is_month(m))
}

/// `1815-1909`, `1964–2004`: two years, the second later.
fn is_year_range(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';']);
    let mut parts = w.split(is_dash).filter(|p| !p.is_empty());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => match (year_of(a), year_of(b)) {
            (Some(x), Some(y)) => a.len() == 4 && b.len() == 4 && y > x && y - x <= 300,
            _ => false,
        },
        _ => false,
    }
}

/// A day of the month: `1`–`31`.
fn is_day(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    w.len() <= 2 && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// A Roman numeral volume: `II`, `XIV`, `LVIII` (upper case only).
pub fn is_roman(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    !w.is_empty() && w.len() <= 7 && w.bytes().all(|b| b"IVXLC".contains(&b))
}

/// `-151`: a dash glued to a number, the second half of a spaced range.
fn is_dash_number(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(is_dash) && is_numberish(chars.as_str())
}

pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−' | '~')
}

fn is_range(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    // The ASCII dashes are `-` and `~`: an ASCII word is read as bytes.
    if w.is_ascii() {
        let bytes = w.as_bytes();
        return bytes.len() > 2
            && bytes[1..bytes.len() - 1]
                .iter()
                .any(|&b| matches!(b, b'-' | b'~'));
    }
    w.char_indices()
        .any(|(i, c)| i > 0 && is_dash(c) && i + c.len_utf8() < w.len())
}

/// The fields read from a locator block.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Locators {
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub page_first: Option<String>,
    pub page_last: Option<String>,
    pub article_number: Option<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Copy)]
struct Item<'a> {
    text: &'a str,
    label: Option<Label>,
    in_parens: bool,
    after_colon: bool,
    before_semicolon: bool,
    near_month: bool,
    /// After a full date (`June 21, 1998, 11`) or a book's imprint (`(London: Verso,
    /// 1991), 39`): a bare number there is a page.
    after_date: bool,
}

pub(crate) struct Block<'a> {
    text: &'a str,
    toks: &'a [Token<'a>],
}

impl<'a> Block<'a> {
    pub fn new(text: &'a str, toks: &'a [Token<'a>]) -> Self {
        Block { text, toks }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.is_word().then_some(t.text)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether a locator block starts at token `i`.
    pub fn starts_at(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i) else {
            return false;
        };
        if tok.is_punct('(') {
            return self.word(i + 1).and_then(year_of).is_some() && self.is_punct(i + 2, ')');
        }
        let Some(w) = self.word(i) else {
            return false;
        };
        if let Some(label) = label_of(w) {
            return self.word(i + 1).is_some_and(is_numberish)
                || (self.is_punct(i + 1, '.') && self.word(i + 2).is_some_and(is_numberish))
                || (label == Label::Volume && self.word(i + 1).is_some_and(is_roman));
        }
        // Most words of a title are letters with a lower-case one: no Roman volume, glued
        // label or number, so only a month can still open a block there.
        let plain = is_plain_word(w);
        if !plain && self.is_roman_volume(i) {
            return true;
        }
        if !plain && glued_label(w).is_some() {
            return true;
        }
        if is_month(w) {
            // `May 28, 2013` / `Jan. 23 1973`.
            let day_then_year = self.word(i + 1).is_some_and(is_day)
                && (self.word(i + 2).and_then(year_of).is_some()
                    || self.is_punct(i + 2, ',') && self.word(i + 3).and_then(year_of).is_some());
            if day_then_year {
                return true;
            }
            return self.word(i + 1).and_then(year_of).is_some()
                && !self
                    .word(i + 2)
                    .is_some_and(|n| n.starts_with(char::is_alphabetic));
        }
        if plain || !is_numberish(w) {
            return false;
        }
        if is_year_range(w) && !self.after_locator_mark(i) {
            // `A History of the Coast, 1815-1909.`: a span of years in a title.
            return false;
        }
        if is_range(w) || w.ends_with(|c: char| is_dash(c)) {
            return true;
        }
        let next = self.toks.get(i + 1);
        match next.map(|t| t.kind) {
            None => true,
            // `26(3)`, `37 (February 1931)`, `22 (spring 2000)`.
            Some(Kind::Punct('(')) => {
                self.word(i + 2).is_some_and(is_numberish)
                    || self.word(i + 2).is_some_and(is_month_like)
                        && (i + 3..(i + 6).min(self.toks.len()))
                            .any(|k| self.word(k).and_then(year_of).is_some())
            }
            Some(Kind::Punct(':')) => self.word(i + 2).is_some_and(is_numberish),
            Some(Kind::Punct(';')) => true,
            Some(Kind::Punct(',')) if self.is_punct(i + 2, '(') => {
                // `347, (1995), 2235-2243`
                self.word(i + 3).and_then(year_of).is_some()
            }
            Some(Kind::Punct(',')) => self.word(i + 2).is_some_and(|n| {
                is_numberish(n)
                    || label_of(n).is_some()
                    || is_month(n)
                    || glued_label(n).is_some()
                    // `J Rehabil Med 2004, Suppl 44:69-74` (BMC).
                    || matches!(n, "Suppl" | "Suppl.") && self.word(i + 3).is_some_and(is_numberish)
            }),
            Some(Kind::Punct('.')) => true,
            Some(Kind::Punct(')')) => false,
            Some(Kind::Punct(_)) => w.ends_with('.'),
            Some(Kind::Word) => {
                let n = self.word(i + 1).unwrap_or("");
                // `2011 Jan;` is a date, `1994 Winter USENIX Conference` a name.
                let month_date = is_month(n)
                    && !self
                        .word(i + 2)
                        .is_some_and(|m| m.starts_with(char::is_uppercase));
                w.ends_with('.') && !n.starts_with(char::is_lowercase)
                    || is_numberish(n)
                    || label_of(n).is_some()
                    || month_date
                    || n.chars().all(is_dash)
                    || is_dash_number(n)
            }
        }
    }

    /// A colon or a locator label right before token `i`: `21: 1995-2003`, `pp. 1995-2003`.
    fn after_locator_mark(&self, i: usize) -> bool {
        i > 0
            && (self.is_punct(i - 1, ':')
                || self.is_punct(i - 1, ';')
                || self.word(i - 1).is_some_and(|w| label_of(w).is_some())
                || self.word(i - 1).is_some_and(is_numberish))
    }

    /// `, XIV:4` / `, XLIII (January 1965)` / `, LXV, 1958`: an unlabelled Roman volume
    /// after a comma, followed by an issue, a date or a year.
    fn is_roman_volume(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        if !is_roman(w) || w.len() < 2 || i == 0 {
            return false;
        }
        // `Word & World XIV:4 (1994)`: a Roman volume and its issue, even without a comma.
        let issue_after = self.is_punct(i + 1, ':')
            && self.word(i + 2).is_some_and(is_numberish)
            && !self
                .word(i + 3)
                .is_some_and(|n| n.starts_with(char::is_alphabetic));
        if issue_after {
            return true;
        }
        if !self.is_punct(i - 1, ',') {
            return false;
        }
        // `Lunar Science, XII pp. 16-18`: a Roman volume after a comma, before pages.
        let pages_label = |k: usize| {
            self.word(k)
                .is_some_and(|l| label_of(l) == Some(Label::Pages))
                && (self.word(k + 1).is_some_and(is_numberish) || self.is_punct(k + 1, '.'))
        };
        if pages_label(i + 1) || (self.is_punct(i + 1, ',') && pages_label(i + 2)) {
            return true;
        }
        (self.is_punct(i + 1, ':') && self.word(i + 2).is_some_and(is_numberish))
            || (self.is_punct(i + 1, '(')
                && self
                    .word(i + 2)
                    .is_some_and(|n| is_numberish(n) || is_month_like(n)))
            || (self.is_punct(i + 1, ',') && self.word(i + 2).and_then(year_of).is_some())
    }

    /// `(London: Verso, 1991), 39`: the block follows a parenthesised imprint.
    fn after_imprint(&self, from: usize) -> bool {
        if from < 3 || !self.is_punct(from - 1, ',') || !self.is_punct(from - 2, ')') {
            return false;
        }
        if self.word(from - 3).and_then(year_of).is_none() {
            return false;
        }
        let open = (from.saturating_sub(16)..from - 2)
            .rev()
            .find(|&k| self.is_punct(k, '('));
        open.is_some_and(|o| (o + 1..from - 2).any(|k| self.is_punct(k, ':')))
    }

    /// Reads the block from token `from`; returns the fields and the index where it stopped.
    pub fn read(&self, from: usize) -> (Locators, usize) {
        let mut items: Vec<Item<'a>> = Vec::with_capacity(6);
        let mut i = from;
        let mut label: Option<Label> = None;
        let mut after_colon = false;
        let mut in_parens = 0usize;
        let mut near_month = false;
        let n = self.toks.len();
        let mut month_seen = false;
        let mut after_date = self.after_imprint(from);
        // The token and byte where a supplement's mark starts (`Suppl` of `Suppl 1`).
        let mut supplement_from: Option<(usize, usize)> = None;
        while i < n {
            let tok = self.toks[i];
            match tok.kind {
                Kind::Punct(c) => {
                    match c {
                        '(' | '[' => in_parens += 1,
                        ')' | ']' => in_parens = in_parens.saturating_sub(1),
                        ':' => after_colon = true,
                        _ => {}
                    }
                    i += 1;
                    continue;
                }
                Kind::Word => {}
            }
            let w = tok.text;
            // `52, 4 (2019), Article 71, 36 pages.`: inside a block only, so that a title's
            // `Article 5 of the Convention` opens none.
            if !items.is_empty()
                && matches!(w, "Article" | "article")
                && self.word(i + 1).is_some_and(is_numberish)
            {
                label = Some(Label::Article);
                i += 1;
                continue;
            }
            if let Some(l) = label_of(w) {
                if self.word(i + 1).is_some_and(is_numberish)
                    || (self.is_punct(i + 1, '.') && self.word(i + 2).is_some_and(is_numberish))
                    || (l == Label::Volume && self.word(i + 1).is_some_and(is_roman))
                {
                    label = Some(l);
                    i += 1;
                    continue;
                }
            }
            let (value_label, value) = match glued_label(w) {
                Some((l, v)) => (Some(l), v),
                None => (None, w),
            };
            if is_month_like(w) {
                near_month = true;
                month_seen = true;
                i += 1;
                // `2015 Mar 4; 22(3)`: the day of a PubMed date is no volume.
                // `May 28, 2013`, `Jan. 23 1973`: the day of a date is no volume either.
                let day = self.word(i).filter(|d| is_day(d));
                let dated = self.is_punct(i + 1, ';')
                    || self.is_punct(i + 1, ',')
                    || self.is_punct(i + 1, '.')
                    || i + 1 >= n
                    || self.word(i + 1).and_then(year_of).is_some();
                if day.is_some() && dated {
                    i += 1;
                }
                continue;
            }
            if w.chars().all(is_dash) {
                i += 1;
                continue;
            }
            let roman = is_roman(value)
                && (label == Some(Label::Volume) || items.is_empty() && self.is_roman_volume(i));
            if !is_numberish(value) && !roman {
                // `volume 1234 of Lecture Notes in Computer Science, pages 56-66`: the
                // series named after a volume; the pages follow it.
                let after_volume = items
                    .last()
                    .is_some_and(|it| it.label == Some(Label::Volume));
                if after_volume && matches!(w, "of" | "in") {
                    let pages_at = (i + 1..(i + 16).min(n)).find(|&k| {
                        self.word(k)
                            .is_some_and(|l| label_of(l) == Some(Label::Pages))
                            && self.word(k + 1).is_some_and(is_numberish)
                    });
                    if let Some(k) = pages_at {
                        i = k;
                        continue;
                    }
                }
                if matches!(
                    w,
                    "Suppl" | "Suppl." | "Pt" | "Pt." | "Part" | "suppl" | "suppl."
                ) {
                    // `19(Suppl 1)`, `Suppl 44:69`: a supplement's number keeps its mark.
                    let supplement = w.starts_with(['S', 's'])
                        && self.toks.get(i + 1).is_some_and(|t| t.start <= tok.end + 1)
                        && self.word(i + 1).is_some_and(is_numberish);
                    if supplement {
                        supplement_from = Some((i, tok.start));
                    }
                    i += 1;
                    continue;
                }
                break;
            }
            // `368 pp.` / `368p`: a page count, neither volume nor pages.
            if value_label.is_none() && label.is_none() {
                let count_label = self.word(i + 1).is_some_and(|l| {
                    label_of(l) == Some(Label::Pages)
                        && !self.word(i + 2).is_some_and(is_numberish)
                        && !(self.is_punct(i + 2, '.')
                            && self.word(i + 3).is_some_and(is_numberish))
                });
                if count_label {
                    i += 2;
                    continue;
                }
                if is_glued_page_count(w) {
                    i += 1;
                    continue;
                }
                // `15 March 1985`: the day of a date; `25/04/2013` a whole date.
                if (is_day(w) && self.word(i + 1).is_some_and(is_month)) || is_numeric_date(w) {
                    i += 1;
                    continue;
                }
            }
            // `303-` `308` and `941` `–` `951`: a range printed with spaces.
            let mut end = tok.end;
            let mut next_i = i + 1;
            let trimmed = value.trim_end_matches(['.', ',']);
            if trimmed.ends_with(is_dash) {
                if let Some(t) = self.toks.get(i + 1).filter(|t| t.is_word()) {
                    if is_numberish(t.text) {
                        end = t.end;
                        next_i = i + 2;
                    }
                }
            } else if self.word(i + 1).is_some_and(is_dash_number) {
                // `123 -151` (PDF extraction): the dash glued to the last page.
                end = self.toks[i + 1].end;
                next_i = i + 2;
            } else if self.word(i + 1).is_some_and(|d| d.chars().all(is_dash))
                && self.word(i + 2).is_some_and(is_numberish)
            {
                end = self.toks[i + 2].end;
                next_i = i + 3;
            }
            let (first_tok, first_byte) = supplement_from.take().unwrap_or((i, tok.start));
            let text = if value_label.is_some() {
                value
            } else {
                &self.text[first_byte..end]
            };
            let close_parens = in_parens > 0
                && self.toks.get(next_i).is_some_and(|t| t.is_punct(')'))
                && first_tok > 0
                && self.toks[first_tok - 1].is_punct('(');
            items.push(Item {
                text,
                label: label.take().or(value_label),
                in_parens: close_parens,
                after_colon,
                before_semicolon: self.is_punct(next_i, ';'),
                near_month: near_month || self.word(next_i).is_some_and(is_month),
                // `May 2005 10(2) 164-171`: a volume with its issue still follows a date.
                after_date: after_date
                    && !self.is_punct(next_i, '(')
                    && !self.is_punct(next_i, ':'),
            });
            // `Mar 2011;26(3)` (NLM) still has its volume after the date.
            if month_seen && year_of(clean(text)).is_some() && !self.is_punct(next_i, ';') {
                after_date = true;
            }
            after_colon = false;
            near_month = false;
            i = next_i;
            if items.len() >= 8 {
                break;
            }
        }
        (resolve(&items), i)
    }
}

fn clean(text: &str) -> &str {
    text.trim_end_matches(['.', ',', ';', ':'])
}

fn resolve(items: &[Item<'_>]) -> Locators {
    let mut loc = Locators::default();
    let mut used = [false; 8];
    for (k, item) in items.iter().enumerate() {
        let Some(label) = item.label else { continue };
        used[k] = true;
        let v = clean(item.text);
        match label {
            Label::Volume => set_once(&mut loc.volume, v),
            Label::Issue => set_once(&mut loc.issue, v),
            Label::Pages => set_pages(&mut loc, v),
            Label::Article => set_once(&mut loc.article_number, v),
        }
    }
    // The year: parenthesised, before `;`, next to a month, else the first bare year.
    let year_at = {
        let free = |k: usize| !used[k] && year_of(clean(items[k].text)).is_some();
        (0..items.len())
            .find(|&k| free(k) && items[k].in_parens)
            .or_else(|| {
                (0..items.len())
                    .find(|&k| free(k) && (items[k].before_semicolon || items[k].near_month))
            })
            .or_else(|| {
                (0..items.len()).find(|&k| {
                    free(k)
                        && !(k + 1 < items.len()
                            && items[k + 1].in_parens
                            && loc.volume.is_none()
                            && k == 0
                            && year_of(clean(items[k + 1].text)).is_some())
                })
            })
    };
    if let Some(k) = year_at {
        used[k] = true;
        loc.year = year_of(clean(items[k].text));
    }
    for (k, item) in items.iter().enumerate() {
        if used[k] {
            continue;
        }
        let v = clean(item.text);
        // `Suppl 44:69` is the volume, `116 Suppl 2:S45` and `19(Suppl 1)` the issue.
        if item.label.is_none() && (v.starts_with("Suppl") || v.starts_with("suppl")) {
            if loc.volume.is_none() && !pages_before(items, k) {
                loc.volume = Some(v.to_owned());
            } else if loc.issue.is_none() {
                loc.issue = Some(v.to_owned());
            }
            continue;
        }
        // `vol. VI (391–394).`: a parenthesised range that ends the block is the pages.
        let last_number = !items[k + 1..]
            .iter()
            .any(|i| year_of(clean(i.text)).is_none());
        if item.in_parens && is_range(v) && last_number && loc.page_first.is_none() {
            set_pages(&mut loc, v);
            continue;
        }
        if item.in_parens {
            if loc.issue.is_none() && !pages_before(items, k) {
                loc.issue = Some(v.to_owned());
            }
            continue;
        }
        if item.after_date && item.label.is_none() {
            if loc.page_first.is_none() {
                set_pages(&mut loc, v);
            }
            continue;
        }
        // `Key Eng Mater 284–286:553–556`: a range of volumes before the colon and pages.
        let volume_range = loc.volume.is_none()
            && loc.page_first.is_none()
            && item.label.is_none()
            && items
                .get(k + 1)
                .is_some_and(|n| n.after_colon && n.label.is_none());
        if is_range(v) && volume_range {
            loc.volume = Some(v.to_owned());
            continue;
        }
        if is_range(v) {
            if loc.page_first.is_none() {
                set_pages(&mut loc, v);
            }
            continue;
        }
        if item.after_colon && loc.volume.is_some() && loc.page_first.is_none() {
            // `XIV:4 (1994), 409-418` / `33:3: 333`: with pages later, the number after the
            // colon is the issue.
            let range_later = items[k + 1..]
                .iter()
                .any(|i| i.label == Some(Label::Pages) || is_range(clean(i.text)) || i.after_colon);
            if range_later && loc.issue.is_none() && !is_range(v) {
                loc.issue = Some(v.to_owned());
            } else {
                set_pages(&mut loc, v);
            }
            continue;
        }
        if loc.volume.is_none() && !pages_before(items, k) {
            // `Film Comment 40.1` (MLA): volume and issue joined by a dot.
            match v.split_once('.') {
                Some((vol, iss))
                    if item.label.is_none()
                        && (1..=4).contains(&vol.len())
                        && (1..=2).contains(&iss.len())
                        && vol.bytes().chain(iss.bytes()).all(|b| b.is_ascii_digit()) =>
                {
                    loc.volume = Some(vol.to_owned());
                    if loc.issue.is_none() {
                        loc.issue = Some(iss.to_owned());
                    }
                }
                _ => loc.volume = Some(v.to_owned()),
            }
        } else if loc.volume.is_some()
            && loc.issue.is_none()
            && loc.page_first.is_none()
            && !is_range(v)
            && v.len() <= 3
            && items[k + 1..].iter().any(|i| {
                year_of(clean(i.text)).is_none()
                    && (matches!(i.label, Some(Label::Pages | Label::Article))
                        || is_range(clean(i.text)))
            })
        {
            // `Operations Research 36, 3 (1988), 454-469`: volume, issue, then pages (or
            // the article number: `52, 4 (2019), Article 71`).
            loc.issue = Some(v.to_owned());
        } else if loc.page_first.is_none() && loc.article_number.is_none() {
            set_pages(&mut loc, v);
        }
    }
    loc
}

/// Whether pages were printed before item `k` (a number after the pages is not a volume).
fn pages_before(items: &[Item<'_>], k: usize) -> bool {
    items[..k]
        .iter()
        .any(|i| i.label == Some(Label::Pages) || is_range(clean(i.text)))
}

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value.to_owned());
    }
}

fn set_pages(loc: &mut Locators, value: &str) {
    if loc.page_first.is_some() {
        return;
    }
    let is_elocator =
        value.starts_with('e') && value.len() > 1 && value[1..].bytes().all(|b| b.is_ascii_digit())
            || is_manuscript_locator(value);
    if is_elocator {
        loc.article_number = Some(value.to_owned());
    }
    if let Some(range) = parse_page_range(value) {
        loc.page_first = Some(range.first);
        loc.page_last = range.last;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn reads_locator_blocks() {
        type Want<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<i32>,
        );
        let cases: &[(&str, Want)] = &[
            (
                "2011; 26: 941–51.",
                (Some("26"), None, Some("941"), Some("951"), Some(2011)),
            ),
            (
                "26, 941–951 (2011).",
                (Some("26"), None, Some("941"), Some("951"), Some(2011)),
            ),
            (
                "26 (2011) 941–951.",
                (Some("26"), None, Some("941"), Some("951"), Some(2011)),
            ),
            (
                "26(3), 941–951.",
                (Some("26"), Some("3"), Some("941"), Some("951"), None),
            ),
            (
                "vol. 26, no. 3, pp. 941–951, Mar. 2011.",
                (Some("26"), Some("3"), Some("941"), Some("951"), Some(2011)),
            ),
            (
                "2008; (10): 3–6.",
                (None, Some("10"), Some("3"), Some("6"), Some(2008)),
            ),
            (
                "195, 503 (1982).",
                (Some("195"), None, Some("503"), None, Some(1982)),
            ),
            (
                "2010, 78, 1339–1375.",
                (Some("78"), None, Some("1339"), Some("1375"), Some(2010)),
            ),
            (
                "26, no. 3 (2011): 941–51.",
                (Some("26"), Some("3"), Some("941"), Some("951"), Some(2011)),
            ),
            (
                "393(1-2):377-391,1993 .",
                (
                    Some("393"),
                    Some("1-2"),
                    Some("377"),
                    Some("391"),
                    Some(1993),
                ),
            ),
            (
                "36, 3 (1988), 454-469.",
                (Some("36"), Some("3"), Some("454"), Some("469"), Some(1988)),
            ),
            (
                "40.1 (January–February 2004): 17.",
                (Some("40"), Some("1"), Some("17"), None, Some(2004)),
            ),
            (
                "33:3: 333.",
                (Some("33"), Some("3"), Some("333"), None, None),
            ),
            (
                "25/04/2013, n°1103, pp. 16-18.",
                (None, Some("1103"), Some("16"), Some("18"), None),
            ),
            (
                "Vol. 2, Nos. 1-4, pages 135-150.",
                (Some("2"), Some("1-4"), Some("135"), Some("150"), None),
            ),
        ];
        for (text, want) in cases {
            let mut toks = Vec::new();
            tokenize(text, &mut toks);
            let (loc, _) = Block::new(text, &toks).read(0);
            let got = (
                loc.volume.as_deref(),
                loc.issue.as_deref(),
                loc.page_first.as_deref(),
                loc.page_last.as_deref(),
                loc.year,
            );
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn article_numbers_after_volume_and_issue() {
        // (block, volume, issue, article number, first page)
        let cases = [
            (
                "52, 4 (2019), Article 71, 36 pages.",
                "52",
                Some("4"),
                Some("71"),
                None,
            ),
            ("19, 1 (2023), Article 5.", "19", Some("1"), Some("5"), None),
            ("36, 3 (1988), 454-469.", "36", Some("3"), None, Some("454")),
        ];
        for (text, volume, issue, article, first) in cases {
            let mut toks = Vec::new();
            tokenize(text, &mut toks);
            let (loc, _) = Block::new(text, &toks).read(0);
            assert_eq!(loc.volume.as_deref(), Some(volume), "{text}");
            assert_eq!(loc.issue.as_deref(), issue, "{text}");
            assert_eq!(loc.article_number.as_deref(), article, "{text}");
            assert_eq!(loc.page_first.as_deref(), first, "{text}");
        }
    }
}
