//! Funding: funders and their grant numbers, from acknowledgement and funding sections.
//!
//! A funding sentence is split into clauses (at `;` and at "and" between funders); each
//! clause names a funder and, in parentheses or after a cue such as "grant no.", its award
//! numbers. "Grant No A, B, and C" is three awards.

use super::Page;
use super::text::join_paragraphs;
use crate::clean::{Line, LineKind};
use crate::record::{Funding, Record};
use crate::segment::SectionKind;
use regex::Regex;
use std::sync::LazyLock;

/// Cue words before award numbers ("Grant No", "grant numbers", "under contract").
static AWARD_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:grants?|awards?|contracts?|projects?|agreements?|fellowships?)\s*(?:no\.?|nos\.?|numbers?|#|ids?|refs?\.?)?\s*:?\s*|\b(?:no\.?|nos\.?|numbers?)\s*:?\s*")
        .expect("award cue regex")
});

/// Cues that introduce the funder of a clause.
static FUNDER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:.*?\b(?:supported|funded|financed|sponsored|provided)\s+(?:in part\s+|partly\s+|partially\s+|jointly\s+|financially\s+)?(?:by|through|from)\s+|.*?\b(?:funding|support|grants?|gifts?|donations?|contributions?)\s+from\s+|.*?\bthanks?\s+(?:to\s+)?)")
        .expect("funder cue regex")
});

/// An award number: letters and digits with at least one digit, after up to three groups of
/// letters each ended by a separator ("KBF-RM-2021-044"), or a known shape with a space
/// ("R01 GM123456").
static AWARD_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]\d{2}\s?[A-Z]{2}\d{5,6}(?:-\d+)?|[A-Z]\s\d{2,}(?:[-/][A-Z0-9]+)*|[A-Z]{2,6}\s\d{2,}|(?:[A-Za-z]{1,12}[-/.]){0,3}[A-Za-z0-9]*\d[A-Za-z0-9./_-]*)$").expect("award id regex")
});

/// Fills funding and acknowledgements.
pub fn extract_funding(record: &mut Record, page: &Page<'_>) {
    let mut texts: Vec<(String, bool)> = Vec::new();
    for kind in [SectionKind::Funding, SectionKind::Acknowledgements] {
        for segment in page.sections(kind) {
            let lines = page.lines_of(segment);
            let joined = join_paragraphs(lines);
            if joined.text.is_empty() {
                continue;
            }
            if kind == SectionKind::Acknowledgements && record.acknowledgements.is_none() {
                record.acknowledgements = Some(joined.text.clone());
                record.note_source("acknowledgements", "text", joined.span);
            }
            if kind == SectionKind::Funding {
                if let Some(items) = list_items(lines).or_else(|| name_lines(lines)) {
                    // A list of funders, one an item ("Funder (Grant Number: …)").
                    texts.extend(items.into_iter().map(|item| (item, true)));
                    continue;
                }
                // A funding section lists funders as lines ("Funder (award)") with the
                // people funded as list items under them.
                for paragraph in joined.text.split("\n\n") {
                    texts.push((paragraph.to_owned(), true));
                }
            } else {
                texts.push((joined.text, false));
            }
        }
    }
    if !record.funding.is_empty() {
        return;
    }
    texts.extend(
        funding_statements(page)
            .into_iter()
            .map(|statement| (statement, false)),
    );
    for (text, in_funding_section) in &texts {
        for funding in parse_funding(text, *in_funding_section) {
            let same = record
                .funding
                .iter_mut()
                .find(|f| f.funder == funding.funder);
            match same {
                Some(existing) => {
                    for id in funding.award_ids {
                        if !existing.award_ids.contains(&id) {
                            existing.award_ids.push(id);
                        }
                    }
                }
                None => record.funding.push(funding),
            }
        }
    }
    if !record.funding.is_empty() {
        record.note_source("funding", "text", None);
    }
}

/// Funding statements printed outside a funding or acknowledgements section, as a
/// paragraph of the front matter or a footnote ("This work was supported by the Invented
/// Council under grant X and by …", ACM's and IEEE's first page): each paragraph that opens
/// with such a sentence, with the lines it wraps onto.
fn funding_statements(page: &Page<'_>) -> Vec<String> {
    const OPENERS: [&str; 4] = [
        "This work was supported",
        "This research was supported",
        "This work was funded",
        "This research was funded",
    ];
    let mut statements = Vec::new();
    for segment in page.segments.iter().filter(|s| {
        matches!(
            s.kind,
            SectionKind::Header | SectionKind::ArticleInfo | SectionKind::Other
        )
    }) {
        let lines = page.lines_of(segment);
        let mut index = 0;
        while index < lines.len() {
            let text = lines[index].text.trim_start();
            if !OPENERS.iter().any(|o| text.starts_with(o)) {
                index += 1;
                continue;
            }
            let mut statement = String::new();
            while index < lines.len() && !lines[index].is_blank() {
                super::text::push_joined(&mut statement, lines[index].text.trim());
                index += 1;
                if statement.ends_with('.') {
                    break;
                }
            }
            statements.push(statement);
        }
    }
    statements
}

/// A section of two or more short lines, each a funder's name and no sentence (a print of
/// a list whose bullets were lost: "Netherlands Invented Research Council" / "Kumasi
/// Digital Futures Fund"): the lines.
fn name_lines(lines: &[Line]) -> Option<Vec<String>> {
    let texts: Vec<&str> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.trim())
        .collect();
    let is_name = |t: &&str| {
        t.len() <= 80
            && t.starts_with(char::is_uppercase)
            && !t.ends_with(['.', ',', ';', ':'])
            && !t.contains(':')
            && t.split_whitespace().count() >= 2
    };
    (texts.len() >= 2 && texts.iter().all(is_name))
        .then(|| texts.iter().map(|t| (*t).to_owned()).collect())
}

/// The items of a section that is a list from its first line: each bullet with the lines
/// it wraps onto. `None` when the section opens with text.
fn list_items(lines: &[Line]) -> Option<Vec<String>> {
    let mut lines = lines.iter().filter(|l| !l.is_blank()).peekable();
    if !matches!(lines.peek()?.kind, LineKind::Bullet(_)) {
        return None;
    }
    let mut items: Vec<String> = Vec::new();
    for line in lines {
        match (line.kind, items.last_mut()) {
            (LineKind::Bullet(_), _) | (_, None) => items.push(line.text.trim().to_owned()),
            (_, Some(last)) => super::text::push_joined(last, &line.text),
        }
    }
    Some(items)
}

/// Parses funding statements into one entry per funder with its award numbers.
pub fn parse_funding_text(text: &str) -> Vec<Funding> {
    parse_funding(text, false)
}

/// As [`parse_funding_text`]; inside a funding section every sentence may name a funder,
/// without a cue word such as "supported by".
fn parse_funding(text: &str, in_funding_section: bool) -> Vec<Funding> {
    const CUES: &[&str] = &[
        "support",
        "fund",
        "grant",
        "financ",
        "sponsor",
        "award",
        "fellowship",
        "gift",
    ];
    let mut out = Vec::new();
    for sentence in split_sentences(text) {
        let lower = sentence.to_lowercase();
        if !in_funding_section && !CUES.iter().any(|w| lower.contains(w)) {
            continue;
        }
        for clause in split_clauses(sentence) {
            out.extend(parse_clause(clause, sentence));
        }
    }
    out
}

/// Splits text into sentences at ". " followed by a capital, keeping abbreviations
/// like "No." and "Dr." inside.
fn split_sentences(text: &str) -> Vec<&str> {
    // A paragraph break ends a sentence too: an acknowledgment, then a run-in "Research
    // funding:" note (De Gruyter) is two statements, even when the first ends its line
    // without a period.
    text.split("\n\n")
        .flat_map(split_paragraph_sentences)
        .filter(|s| !s.is_empty())
        .collect()
}

fn split_paragraph_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        let word_start = text[..i].rfind([' ', '(']).map_or(0, |p| p + 1);
        let word = &text[word_start..i];
        let abbreviation = matches!(
            word.to_lowercase().as_str(),
            "no" | "nos"
                | "dr"
                | "prof"
                | "grant no"
                | "e.g"
                | "i.e"
                | "etc"
                | "inc"
                | "ltd"
                | "co"
                | "st"
        ) || word.len() == 1;
        let next_is_capital = bytes.get(i + 2).is_some_and(|b| b.is_ascii_uppercase());
        if !abbreviation && next_is_capital {
            out.push(text[start..=i].trim());
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push(text[start..].trim());
    }
    out
}

/// Splits a sentence into funder clauses: at semicolons, and at ", and" / " and " only
/// when what follows starts a new funder (a clause with its own awards).
fn split_clauses(sentence: &str) -> Vec<&str> {
    let mut clauses = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                // After a closing parenthesis with awards, a following ", and" / "and"
                // or "," starts the next funder.
                if depth == 0 {
                    let rest = &sentence[i + 1..];
                    let boundary = [", and ", " and ", ", "]
                        .iter()
                        .find(|sep| rest.starts_with(**sep));
                    if let Some(sep) = boundary {
                        clauses.push(&sentence[start..=i]);
                        start = i + 1 + sep.len();
                    }
                }
            }
            ';' if depth == 0 => {
                clauses.push(&sentence[start..i]);
                start = i + 1;
            }
            // "… under grant A, and by the Y Foundation": "by" names the next funder.
            ',' | ' ' if depth == 0 && i >= start => {
                let rest = &sentence[i..];
                if let Some(sep) = [", and by ", " and by "]
                    .iter()
                    .find(|sep| rest.starts_with(**sep))
                {
                    clauses.push(&sentence[start..i]);
                    start = i + sep.len() - "by ".len();
                }
            }
            _ => {}
        }
    }
    if start < sentence.len() {
        clauses.push(&sentence[start..]);
    }
    clauses
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

fn parse_clause(clause: &str, sentence: &str) -> Vec<Funding> {
    // The funder is the text before the first parenthesis or award cue; the awards come
    // from every parenthesised group and from the text after a cue.
    // A cue word counts only when an award number follows it: "project" is also a word
    // of funder names ("Key Basic Research Project") and of sentences ("This project was").
    let cue_with_number = AWARD_CUE.find_iter(clause).find(|m| {
        m.start() > 0
            && clause[m.end()..]
                .split_whitespace()
                .next()
                .is_some_and(|token| token.chars().any(|c| c.is_ascii_digit()))
    });
    // The funder's name comes after a cue ("supported by"); a parenthesis before it is
    // part of the sentence ("The author(s) disclosed …: This work was supported by X (…)").
    let named_from = FUNDER_CUE.find(clause).map_or(0, |m| m.end());
    let funder_end = clause[named_from..]
        .find(['(', '['])
        .map(|p| p + named_from)
        .into_iter()
        .chain(cue_with_number.map(|m| m.start()))
        .min()
        .unwrap_or(clause.len());
    let mut award_ids = Vec::new();
    let mut rest = &clause[funder_end..];
    while !rest.is_empty() {
        match rest.find(['(', '[']) {
            Some(open) => {
                let outside = &rest[..open];
                award_ids.extend(split_award_ids(outside));
                let close = rest[open..]
                    .find([')', ']'])
                    .map_or(rest.len(), |c| open + c);
                award_ids.extend(split_award_ids(&rest[open + 1..close]));
                rest = rest.get(close + 1..).unwrap_or("");
            }
            None => {
                if AWARD_CUE.is_match(rest) {
                    award_ids.extend(split_award_ids(rest));
                }
                break;
            }
        }
    }
    award_ids.dedup();
    let Some(funder) = clean_funder(&clause[..funder_end]) else {
        return Vec::new();
    };
    if award_ids.is_empty() && !looks_like_funder(&funder) {
        return Vec::new();
    }
    // "Fuji Flavor Co. and Bedoukian Research Inc.": two funders when neither half is a
    // single word ("Bill and Melinda Gates Foundation" stays one).
    let halves: Vec<&str> = funder.split(" and ").collect();
    let separate = award_ids.is_empty()
        && halves.len() == 2
        && halves
            .iter()
            .all(|h| h.split_whitespace().count() >= 2 && h.starts_with(char::is_uppercase));
    let names: Vec<String> = if separate {
        halves.iter().map(|h| (*h).to_owned()).collect()
    } else {
        vec![funder]
    };
    names
        .into_iter()
        .map(|funder| Funding {
            funder,
            award_ids: award_ids.clone(),
            text: Some(sentence.to_owned()),
        })
        .collect()
}

/// Splits "Grant No 2015CB112233, 2014CB554433, and 2016CB778899" into the three numbers.
pub fn split_award_ids(text: &str) -> Vec<String> {
    let without_cue = AWARD_CUE.replace_all(text, " ");
    let mut out = Vec::new();
    for piece in without_cue
        .replace(" and ", ",")
        .replace(" & ", ",")
        .split([',', ';'])
    {
        let piece = piece
            .trim()
            .trim_start_matches("and ")
            .trim()
            .trim_end_matches('.');
        let piece = without_recipient(piece);
        if piece.is_empty() || piece.len() > 40 {
            continue;
        }
        if is_award_id(piece) {
            out.push(piece.to_owned());
            continue;
        }
        // "JSPS KAKENHI JP20H03156": keep the tokens that are numbers.
        out.extend(
            piece
                .split_whitespace()
                .filter(|t| is_award_id(t))
                .map(str::to_owned),
        );
    }
    out
}

/// An award without the initials of the author who holds it, as PNAS, Cell Press and
/// eLife name them after the number ("R01 AI157730 to H.T.", "310030_197412 to I.S.-M.").
fn without_recipient(piece: &str) -> &str {
    match piece.rsplit_once(" to ") {
        Some((award, holder))
            if holder.contains('.')
                && holder
                    .chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | ' ')) =>
        {
            award.trim_end()
        }
        _ => piece,
    }
}

fn is_award_id(text: &str) -> bool {
    let is_year = text.len() == 4
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    AWARD_ID.is_match(text) && !is_year && text.chars().filter(char::is_ascii_digit).count() >= 2
}

fn clean_funder(text: &str) -> Option<String> {
    // Cues can follow each other ("supported in part from gifts from X").
    let mut text = text.to_owned();
    for _ in 0..3 {
        let stripped = FUNDER_CUE.replace(&text, "").into_owned();
        if stripped == text {
            break;
        }
        text = stripped;
    }
    let mut text = text.trim().trim_end_matches([',', ':', '-']).trim();
    for prefix in [
        "and the ",
        "and ",
        "the ",
        "by the ",
        "by ",
        "from the ",
        "from ",
    ] {
        let starts = text
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix));
        if text.len() > prefix.len() && starts {
            text = text[prefix.len()..].trim();
        }
    }
    let mut text = text.trim_end_matches([',', '.', ':']).trim();
    for suffix in [
        " under", " through", " via", " with", " by", " from", " for",
    ] {
        if let Some(stripped) = text.strip_suffix(suffix) {
            text = stripped.trim_end_matches(',').trim();
        }
    }
    let starts_upper = text.chars().next().is_some_and(|c| c.is_uppercase());
    // A sentence about the funders is no funder's name.
    let lower = format!(" {} ", text.to_lowercase());
    let sentence_like = text.split_whitespace().count() > 14
        || [
            " had ", " has ", " no role", " was ", " were ", " is ", " are ", " declare",
        ]
        .iter()
        .any(|w| lower.contains(w));
    if sentence_like {
        return None;
    }
    (text.len() >= 3 && text.len() <= 200 && starts_upper).then(|| text.to_owned())
}

fn looks_like_funder(name: &str) -> bool {
    let lower = name.to_lowercase();
    [
        "foundation",
        "council",
        "agency",
        "ministry",
        "fund",
        "institute",
        "national",
        "science",
        "research",
        "program",
        "trust",
        "society",
        "commission",
        "office",
        "department",
        "nsf",
        "nih",
        "erc",
        "dfg",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn funders_listed_one_an_item() {
        let text = "Funding Agency:\n\n  • Invented Science Council (Grant Number: NSTC\n    110-2221-E-150-017)\n  • Invented Research Council of Nordland (Grant Number: 301144)\n";
        let lines = crate::clean::clean_lines(text);
        let items = list_items(&lines[1..]).expect("a list");
        assert_eq!(
            items,
            [
                "Invented Science Council (Grant Number: NSTC 110-2221-E-150-017)",
                "Invented Research Council of Nordland (Grant Number: 301144)",
            ]
        );
        assert_eq!(
            list_items(&crate::clean::clean_lines("This work was funded.\n")),
            None
        );
    }

    /// ACM's layout: the funders listed without bullets in a print, their awards only in
    /// the front matter's statement; each funder once, with its award.
    #[test]
    fn funders_listed_and_a_statement_in_the_front_matter() {
        let statement = "This work was supported by the Invented Research Council under grant \
                         IRC-17.2021.044 and by the Kumasi\nDigital Futures Fund under grant KDFF/2020/13.";
        let list = "Funding Sources\nInvented Research Council\nKumasi Digital Futures Fund\n\n\
                    Contributors\nMei Lin\nInvented University, Oslo, Norway\n";
        let cases = [
            format!("Invented title\n\n{statement}\n\nAbstract\n\nWe invented things.\n\n{list}"),
            // The statement alone, and the list alone.
            format!("Invented title\n\n{statement}\n\nAbstract\n\nWe invented things.\n"),
        ];
        let want = [
            ("Invented Research Council", vec!["IRC-17.2021.044"]),
            ("Kumasi Digital Futures Fund", vec!["KDFF/2020/13"]),
        ];
        for page in &cases {
            let record = crate::pipeline::extract_document(
                "page.txt",
                page.as_bytes(),
                &crate::pipeline::Options::default(),
            );
            let got: Vec<(&str, Vec<&str>)> = record
                .funding
                .iter()
                .map(|f| {
                    let ids = f.award_ids.iter().map(String::as_str).collect();
                    (f.funder.as_str(), ids)
                })
                .collect();
            assert_eq!(got, want, "{page}");
        }
        let page = format!("Invented title\n\nAbstract\n\nWe invented things.\n\n{list}");
        let record = crate::pipeline::extract_document(
            "page.txt",
            page.as_bytes(),
            &crate::pipeline::Options::default(),
        );
        let funders: Vec<&str> = record.funding.iter().map(|f| f.funder.as_str()).collect();
        assert_eq!(
            funders,
            ["Invented Research Council", "Kumasi Digital Futures Fund"]
        );
    }

    #[test]
    fn award_ids() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Grant No 2015CB112233, 2014CB554433, and 2016CB778899",
                &["2015CB112233", "2014CB554433", "2016CB778899"],
            ),
            ("Grant No 31171321 and 81101622", &["31171321", "81101622"]),
            (
                "Grant No 2012ZX10002-016 and 2012ZX10002011-011",
                &["2012ZX10002-016", "2012ZX10002011-011"],
            ),
            (
                "grant numbers R01 GM123456 and P30 CA016672",
                &["R01 GM123456", "P30 CA016672"],
            ),
            ("DMR-1420709", &["DMR-1420709"]),
            ("grant number KBF-RM-2021-044", &["KBF-RM-2021-044"]),
            ("UMO-2017/25/B/NZ8/01234", &["UMO-2017/25/B/NZ8/01234"]),
            // A one-letter programme code and a space before the number; a funder's
            // acronym before it is no part of it.
            ("grant number P 31245-G29", &["P 31245-G29"]),
            ("Grant NSTC 110-2221-E-150-017", &["110-2221-E-150-017"]),
            ("grant UAF 77/2013", &["77/2013"]),
            // The holder's initials after the number (PNAS, Cell Press, eLife).
            ("R01 AI157730 to H.T.", &["R01 AI157730"]),
            ("grant 310030_197412 to I.S.-M.", &["310030_197412"]),
            ("Pilot Award HF-2021-034 to L.M.", &["HF-2021-034"]),
            ("2015", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split_award_ids(text), *want, "{text}");
        }
    }

    #[test]
    fn a_paragraph_break_ends_a_funding_sentence() {
        let text = "We thank the families who took part in Tannenburg\n\nResearch funding: This research was funded by the Invented Research Foundation, project number 441273915, and by the Invented Science Fund (UIDB/00214/2020).";
        let got: Vec<(String, Vec<String>)> = parse_funding_text(text)
            .into_iter()
            .map(|f| (f.funder, f.award_ids))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Invented Research Foundation".to_owned(),
                    vec!["441273915".to_owned()]
                ),
                (
                    "Invented Science Fund".to_owned(),
                    vec!["UIDB/00214/2020".to_owned()]
                ),
            ]
        );
    }

    #[test]
    fn funders_with_awards() {
        type Funders<'a> = &'a [(&'a str, &'a [&'a str])];
        let cases: &[(&str, Funders)] = &[
            (
                "This work was supported by the National Science Foundation (grant DMR-1420709) and the Simons Foundation (grant 12345).",
                &[
                    ("National Science Foundation", &["DMR-1420709"]),
                    ("Simons Foundation", &["12345"]),
                ],
            ),
            (
                "Funded by the Wellcome Trust under grant 098051; and the Medical Research Council grant MR/K001744/1.",
                &[
                    ("Wellcome Trust", &["098051"]),
                    ("Medical Research Council", &["MR/K001744/1"]),
                ],
            ),
            (
                "This work was supported by the Invented Research Council under grants IRC-2019-0042 and IRC-2020-0117, and by the Atlantis Coastal Foundation (grant ACF-88/2020).",
                &[
                    (
                        "Invented Research Council",
                        &["IRC-2019-0042", "IRC-2020-0117"],
                    ),
                    ("Atlantis Coastal Foundation", &["ACF-88/2020"]),
                ],
            ),
            ("We thank our colleagues for helpful discussions.", &[]),
            // A parenthesis before the cue is part of the sentence, not an award.
            (
                "The author(s) disclosed receipt of the following financial support for this article: This work was supported by the Invented Rural Trust (grant number IRT-2018-117) and the Invented Care Council (grant number 2019-04412).",
                &[
                    ("Invented Rural Trust", &["IRT-2018-117"]),
                    ("Invented Care Council", &["2019-04412"]),
                ],
            ),
            (
                "This project was supported by the Key Basic Research Project of China (Grant No 2015CB112233 and 2014CB554433); Key Project of the Natural Science Foundation of Hunan (Grant No 81030041).",
                &[
                    (
                        "Key Basic Research Project of China",
                        &["2015CB112233", "2014CB554433"],
                    ),
                    (
                        "Key Project of the Natural Science Foundation of Hunan",
                        &["81030041"],
                    ),
                ],
            ),
            (
                "This work was supported in part from unrestricted gifts from Fuji Flavor Co. and Bedoukian Research Inc.",
                &[("Fuji Flavor Co.", &[]), ("Bedoukian Research Inc", &[])],
            ),
            (
                "This work was funded by the Deutsche Forschungsgemeinschaft (DFG, German Research Foundation) under Germany's Excellence Strategy (EXC 2155, project number 390874280) and by the Japan Society for the Promotion of Science (JSPS KAKENHI grant numbers JP20H03156 and JP21K19357).",
                &[
                    (
                        "Deutsche Forschungsgemeinschaft",
                        &["EXC 2155", "390874280"],
                    ),
                    (
                        "Japan Society for the Promotion of Science",
                        &["JP20H03156", "JP21K19357"],
                    ),
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<(String, Vec<String>)> = parse_funding_text(text)
                .into_iter()
                .map(|f| (f.funder, f.award_ids))
                .collect();
            let want: Vec<(String, Vec<String>)> = want
                .iter()
                .map(|(f, a)| (f.to_string(), a.iter().map(|s| s.to_string()).collect()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
