//! Tokens of a reference string: words (with their attached dots, hyphens and
//! apostrophes) and single punctuation marks, each with its byte span in the string.
//!
//! Field values are later cut from the string by span, so they keep the text as printed.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters, digits and word-internal marks (`J.-P.`, `941–51`, `O'Brien`).
    Word,
    /// One punctuation mark: `, ; : ( ) [ ] " “ ” ‘ ’ « » .` (a dot only when it stands
    /// alone, e.g. after a parenthesis or the seed's `Raffaghello L .`), `&`.
    Punct(char),
}

/// One token: kind, byte span `[start, end)` and the text of that span, sliced once here
/// for the many tests the parser runs on each word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> Token<'a> {
    fn new(text: &'a str, kind: Kind, start: usize, end: usize) -> Self {
        Token {
            kind,
            start,
            end,
            text: &text[start..end],
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

const fn is_split_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '‘'
            | '&'
            | '<'
            | '>'
    )
}

/// Whether a character is an opening or closing quotation mark token.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '`'
    )
}

/// What a byte is to the tokenizer, looked up in [`BYTE_CLASS`].
const PLAIN: u8 = 0;
const OTHER: u8 = 1;
const SPACE: u8 = 2;
const PUNCT: u8 = 3;
/// A byte of a character of several bytes, which is decoded to be classed.
const MULTI: u8 = 4;

/// The class of each byte: for an ASCII one whitespace, a punctuation token, a letter,
/// digit or hyphen (a plain word byte), or another word byte; the others are [`MULTI`].
static BYTE_CLASS: [u8; 256] = {
    let mut table = [MULTI; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        // The ASCII characters of `char::is_whitespace` (not const on the oldest
        // supported compiler).
        table[b] = if matches!(c, '\t' | '\n' | '\x0B' | '\x0C' | '\r' | ' ') {
            SPACE
        } else if is_split_punct(c) {
            PUNCT
        } else if c.is_ascii_alphanumeric() || c == '-' {
            PLAIN
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// Splits `text` into tokens, appending them to `out` (cleared first).
pub fn tokenize<'a>(text: &'a str, out: &mut Vec<Token<'a>>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut word_start: Option<usize> = None;
    // Whether the current run holds only ASCII letters, digits and hyphens, noted while
    // the run is read so that `push_run` need not scan it again.
    let mut plain = true;
    let mut i = 0;
    while i < bytes.len() {
        let class = BYTE_CLASS[usize::from(bytes[i])];
        if class == PLAIN {
            // A run of letters, digits and hyphens (most of a word), read without the
            // classing below.
            if word_start.is_none() {
                word_start = Some(i);
                plain = true;
            }
            i += 1;
            while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == PLAIN {
                i += 1;
            }
            continue;
        }
        let (class, c) = if class == MULTI {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let class = if c.is_whitespace() {
                SPACE
            } else if is_split_punct(c) {
                PUNCT
            } else {
                OTHER
            };
            (class, c)
        } else {
            (class, char::from(bytes[i]))
        };
        match class {
            SPACE | PUNCT => {
                if let Some(s) = word_start.take() {
                    push_run(text, s, i, plain, out);
                }
                if class == PUNCT {
                    out.push(Token::new(text, Kind::Punct(c), i, i + c.len_utf8()));
                }
            }
            _ => {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                plain = false;
            }
        }
        i += c.len_utf8();
    }
    if let Some(s) = word_start {
        push_run(text, s, text.len(), plain, out);
    }
}

/// Whether a run holds only ASCII letters, digits and hyphens.
fn is_plain_run(run: &str) -> bool {
    run.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Pushes `start..at` as a word and reads the rest of the run on its own.
fn push_split<'a>(text: &'a str, start: usize, at: usize, end: usize, out: &mut Vec<Token<'a>>) {
    out.push(Token::new(text, Kind::Word, start, at));
    push_word(text, at, end, out);
}

/// Pushes a whitespace/punctuation-delimited run read on its own (the rest of a run
/// that was split).
fn push_word<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    push_run(text, start, end, is_plain_run(&text[start..end]), out);
}

/// Pushes a whitespace/punctuation-delimited run (`plain`: only ASCII letters, digits and
/// hyphens): leading dots and quote marks, trailing closing single quotes become their
/// own tokens.
#[inline(always)]
fn push_run<'a>(text: &'a str, start: usize, end: usize, plain: bool, out: &mut Vec<Token<'a>>) {
    // Most runs are letters, digits and hyphens only: of the splits below, only a glued
    // year and a glued `and` can apply to them (the others need a dot, a quote mark, or a
    // non-ASCII character). A glued year ends in a digit and a glued `and` starts with
    // `a`: most runs hold neither and are pushed here, inline; the others are read out
    // of line.
    if !plain {
        return push_marked_run(text, start, end, out);
    }
    let bytes = &text.as_bytes()[start..end];
    let may_split = bytes.last().is_some_and(u8::is_ascii_digit) || bytes.first() == Some(&b'a');
    if may_split {
        return push_plain_run(text, start, end, out);
    }
    out.push(Token::new(text, Kind::Word, start, end));
}

/// [`push_run`] for a plain run that may hold a glued year or a glued `and`.
#[inline(never)]
fn push_plain_run<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let run = &text[start..end];
    if let Some(year) = glued_year(run) {
        return push_split(text, start, start + year, end, out);
    }
    if glued_and(run) {
        return push_split(text, start, start + 3, end, out);
    }
    out.push(Token::new(text, Kind::Word, start, end));
}

/// [`push_run`] for a run that holds more than ASCII letters, digits and hyphens.
#[inline(never)]
fn push_marked_run<'a>(text: &'a str, mut start: usize, mut end: usize, out: &mut Vec<Token<'a>>) {
    let run = &text[start..end];
    if is_whole_word(run) {
        out.push(Token::new(text, Kind::Word, start, end));
        return;
    }
    // `'t Hooft`: an elided particle, not a quote.
    let short_year = (run.len() == 3 && run.starts_with('\'')
        || run.len() == 5 && run.starts_with('’'))
        && run.bytes().rev().take(2).all(|b| b.is_ascii_digit());
    // `'t Hooft` (an elided particle) and `Supercomputing '89` (a short year) are words.
    if short_year || matches!(run, "'t" | "’t" | "'s" | "d'" | "l'") {
        out.push(Token::new(text, Kind::Word, start, end));
        return;
    }
    // Leading '.' (".doi", " . ") and opening single quotes.
    while start < end {
        let c = text[start..end].chars().next().unwrap_or(' ');
        if c == '.' || c == '\'' || c == '’' || c == '‘' || c == '`' {
            out.push(Token::new(
                text,
                Kind::Punct(c),
                start,
                start + c.len_utf8(),
            ));
            start += c.len_utf8();
        } else {
            break;
        }
    }
    if start >= end {
        return;
    }
    // `Strings.JHEP` / `hierar-chies.Commun` (PDF extraction): a sentence end glued to the
    // next sentence. Split after the dot; addresses (`/`, `@`) stay whole.
    let body = &text[start..end];
    if !body.bytes().any(|b| matches!(b, b'/' | b'@')) {
        if let Some(dot) = glued_sentence_end(body) {
            out.push(Token::new(text, Kind::Word, start, start + dot + 1));
            push_word(text, start + dot + 1, end, out);
            return;
        }
    }
    // `Phys.337` / `Astrophys.52` (PDF extraction): a volume glued to the abbreviated
    // journal word before it. Split after the dot; labels (`Vol.5`, `No.3`) stay whole.
    if let Some(dot) = glued_volume(body) {
        return push_split(text, start, start + dot + 1, end, out);
    }
    // `Med2009;361:1139-51` (text dumps of Vancouver references): the year glued to the
    // last word of the journal.
    if let Some(year) = glued_year(body) {
        return push_split(text, start, start + year, end, out);
    }
    // `andR .H .Wechsler`, `andEric Lutz` (PDF extraction): a conjunction glued to the
    // next name.
    if glued_and(body) {
        return push_split(text, start, start + 3, end, out);
    }
    // A closing single quote at the end, possibly followed by dots: `Title’.`
    let mut trailing: [Option<Token<'a>>; 2] = [None, None];
    let body = &text[start..end];
    let stripped = body.trim_end_matches('.');
    if stripped.len() < body.len() || !stripped.is_empty() {
        let last = stripped.chars().next_back();
        if let Some(q @ ('\'' | '’')) = last {
            let q_start = start + stripped.len() - q.len_utf8();
            // Possessive plurals (`students'`) are rare in titles; quotes are common.
            if q_start > start {
                let dots_start = start + stripped.len();
                trailing[0] = Some(Token::new(text, Kind::Punct(q), q_start, dots_start));
                if dots_start < end {
                    trailing[1] = Some(Token::new(text, Kind::Punct('.'), dots_start, end));
                }
                end = q_start;
            }
        }
    }
    out.push(Token::new(text, Kind::Word, start, end));
    out.extend(trailing.into_iter().flatten());
}

/// `Phys.`, `al.`, `941–51.`: letters before their dots, or two numbers joined by a dash,
/// which none of the splits of [`push_marked_run`] takes apart (most of the runs that
/// come there are one of the two).
fn is_whole_word(run: &str) -> bool {
    let bytes = run.trim_end_matches('.').as_bytes();
    if bytes.is_empty() {
        return false;
    }
    if bytes.iter().all(u8::is_ascii_alphabetic) {
        return !glued_and(run);
    }
    let digits = |b: &[u8]| b.iter().take_while(|b| b.is_ascii_digit()).count();
    let first = digits(bytes);
    let after_dash = match &bytes[first..] {
        [b'-', rest @ ..] | [0xE2, 0x80, 0x93, rest @ ..] => rest,
        _ => return false,
    };
    first > 0 && !after_dash.is_empty() && digits(after_dash) == after_dash.len()
}

/// `andEric`: the conjunction glued to a capitalised word.
fn glued_and(body: &str) -> bool {
    body.len() >= 4 && body.starts_with("and") && body[3..].starts_with(|c: char| c.is_uppercase())
}

/// The byte index of the dot in `Phys.337`: a capitalised word of 3+ letters that is no
/// locator label, a dot, then digits only.
fn glued_volume(body: &str) -> Option<usize> {
    // Most words are turned away on their first letter, before the search for the dot.
    if !body.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let dot = body.bytes().position(|b| b == b'.')?;
    let (head, tail) = (&body[..dot], &body[dot + 1..]);
    let tail = tail.trim_end_matches([',', '.']);
    let is_label = matches!(
        head,
        "Vol"
            | "Vols"
            | "No"
            | "Nos"
            | "Nr"
            | "Num"
            | "Art"
            | "Suppl"
            | "Fig"
            | "Sec"
            | "Sect"
            | "Ref"
            | "Pag"
            | "Page"
            | "Pages"
            | "Tome"
            | "Heft"
            | "Chap"
            | "Part"
    );
    let head_ok = head.len() >= 3
        && head.starts_with(|c: char| c.is_ascii_uppercase())
        && head.bytes().all(|b| b.is_ascii_alphabetic());
    let tail_ok = !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit());
    (head_ok && tail_ok && !is_label).then_some(dot)
}

/// The byte index of a dot with three lower-case letters before it and a capital after it.
fn glued_sentence_end(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    (3..bytes.len().saturating_sub(1)).find(|&i| {
        matches!(bytes[i], b'.' | b'?' | b'!')
            && bytes[i - 3..i].iter().all(u8::is_ascii_lowercase)
            && bytes[i + 1].is_ascii_uppercase()
    })
}

/// Where a year glued to a word starts: `Med2009`, `Chest2010`, `BMJ2014` (a capitalised
/// word of at least two lower-case letters or an acronym of two to four capitals; `COVID2019` stays whole, then a
/// year from 1800 to 2099 and nothing more).
fn glued_year(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let split = bytes.len().checked_sub(4)?;
    let (word, year) = bytes.split_at(split);
    // The year first: most words end in no digits, and their letters are not read.
    let is_year =
        year.iter().all(u8::is_ascii_digit) && matches!(&year[..2], b"18" | b"19" | b"20");
    if !is_year {
        return None;
    }
    let capitalised = word.len() >= 3
        && word[0].is_ascii_uppercase()
        && word[1..].iter().all(u8::is_ascii_lowercase);
    // `BMJ2014;349`, `JAMA2015;313`: an acronym journal.
    let acronym = (2..=4).contains(&word.len()) && word.iter().all(u8::is_ascii_uppercase);
    // `Am Heart J2009;157` (BMJ print): a journal ending in the `J` of Journal.
    let capitalised = capitalised || acronym || word == b"J";
    capitalised.then_some(split)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn ascii_classes_agree_with_the_character_tests() {
        for b in 0u8..128 {
            let c = char::from(b);
            let want = if c.is_whitespace() {
                SPACE
            } else if is_split_punct(c) {
                PUNCT
            } else if c.is_ascii_alphanumeric() || c == '-' {
                PLAIN
            } else {
                OTHER
            };
            assert_eq!(BYTE_CLASS[usize::from(b)], want, "{c:?}");
        }
        assert!(BYTE_CLASS[128..].iter().all(|&class| class == MULTI));
    }

    #[test]
    fn splits_words_and_punctuation() {
        let cases: &[(&str, &[&str])] = &[
            (
                "J Med2009;361:1",
                &["J", "Med", "2009", ";", "361", ":", "1"],
            ),
            (
                "receive warfarin?Arch Med",
                &["receive", "warfarin?", "Arch", "Med"],
            ),
            ("COVID2019 Abc12345", &["COVID2019", "Abc12345"]),
            ("BMJ2014;349", &["BMJ", "2014", ";", "349"]),
            ("Heart J2009;157", &["Heart", "J", "2009", ";", "157"]),
            (
                "Bianchi, G. (2011). Title",
                &["Bianchi", ",", "G.", "(", "2011", ")", ".", "Title"],
            ),
            ("Raffaghello L .", &["Raffaghello", "L", "."]),
            ("26(3):941–51.", &["26", "(", "3", ")", ":", "941–51."]),
            ("'Title', J", &["'", "Title", "'", ",", "J"]),
            ("‘Title’. J", &["‘", "Title", "’", ".", "J"]),
            ("O'Brien J.-P.", &["O'Brien", "J.-P."]),
            ("Strings.JHEP 12", &["Strings.", "JHEP", "12"]),
            ("doi.org/Abc", &["doi.org/Abc"]),
            (
                "Math. Phys.337 ,605",
                &["Math.", "Phys.", "337", ",", "605"],
            ),
            ("Vol.12", &["Vol.12"]),
            ("andK .Lund", &["and", "K", ".", "Lund"]),
            ("andersen", &["andersen"]),
            // Non-ASCII letters, a no-break space and an em space between words.
            (
                "Müller\u{a0}Ł, Øre\u{2003}Med2009",
                &["Müller", "Ł", ",", "Øre", "Med", "2009"],
            ),
            ("Straße2009 «Titel»", &["Straße2009", "«", "Titel", "»"]),
            // Runs read whole before the splits, and those the splits still take apart.
            (
                "Phys. al. 941–51. 12-3.",
                &["Phys.", "al.", "941–51.", "12-3."],
            ),
            (
                "andR. 1998–2005 Med2009.",
                &["and", "R.", "1998–2005", "Med2009."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }
}
