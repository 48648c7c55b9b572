//! Author cards: panels that print each author's name on a line of its own with the
//! affiliations under it, and often an ORCID link and a "View Profile" link under those
//! (the "Authors" panels of IEEE Xplore and SAGE Journals, the author list of the ACM
//! Digital Library). Read when nothing else linked an author to an affiliation; where the
//! cards are the page's only author list, they give the names too.

use super::Page;
use super::authors::{
    ends_at_country, is_author_card_link, is_person_name, looks_like_affiliation, name_key,
    orcid_in,
};
use super::names::split_given_family;
use crate::clean::Line;
use crate::record::{Author, Record};
use crate::segment::SectionKind;

/// One card: the name as printed, the affiliations under it (wrapped lines joined), and
/// the ORCID iD its link gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Card {
    pub name: String,
    pub affiliations: Vec<String>,
    pub orcid: Option<String>,
}

/// Words that leave an affiliation's line unfinished when they end it.
const JOINING_WORDS: &[&str] = &["of", "and", "for", "the", "de", "di", "du", "der", "&"];

/// The longest line taken for a name on a card, in bytes.
const MAX_NAME_LINE: usize = 90;

/// The most lines a card's affiliations fill.
const MAX_CARD_LINES: usize = 12;

/// Links the page's authors to the affiliations their cards print, when at most one
/// author is linked yet. With fewer than two authors known, a run of two or more cards in the
/// header gives the author list as well.
pub fn link_author_cards(record: &mut Record, page: &Page<'_>) {
    // The author-information section printed as a card per author, every one of them an
    // author the byline gave (PNAS): its cards replace the plain affiliation-list reading
    // of the same lines, which ran the names and links into the entries.
    if let Some(run) = author_info_cards_of_known_authors(record, page) {
        record.affiliations.clear();
        for author in &mut record.authors {
            author.affiliations.clear();
        }
        link_cards(record, &run);
        return;
    }
    // One author linked is what a byline read off the first card gives.
    let linked = record
        .authors
        .iter()
        .filter(|a| !a.affiliations.is_empty())
        .count();
    if linked > 1 {
        return;
    }
    let mut from_author_info = false;
    let cards = if record.authors.len() >= 2 {
        let keys: Vec<String> = record.authors.iter().map(|a| name_key(&a.name)).collect();
        known_author_cards(page, &keys)
    } else {
        card_run(page)
            .filter(|(run, _)| {
                // A name the page's byline gave stays: the run must hold it.
                record.authors.iter().all(|a| {
                    let key = name_key(&a.name);
                    run.iter().any(|c| name_key(&c.name) == key)
                })
            })
            .map(|(run, info)| {
                from_author_info = info;
                run
            })
            .unwrap_or_default()
    };
    let with_affiliations = cards.iter().filter(|c| !c.affiliations.is_empty()).count();
    if with_affiliations < 2 || with_affiliations <= linked {
        return;
    }
    if record.authors.len() < 2 {
        // The author-information section was read before as a plain affiliation list
        // (names and links run into the entries): its cards replace that reading.
        if from_author_info {
            record.affiliations.clear();
        }
        record.authors = cards
            .iter()
            .map(|card| {
                let (given, family) = split_given_family(&card.name);
                Author {
                    name: card.name.clone(),
                    given,
                    family,
                    ..Author::default()
                }
            })
            .collect();
        record.note_source("authors", "text", None);
    }
    link_cards(record, &cards);
}

/// A run of two or more cards in the author-information section whose names are all
/// among the two or more authors already known, when the affiliations read so far ran a
/// card's other lines into their entries (an author's name, a "Contribution:" line).
fn author_info_cards_of_known_authors(record: &Record, page: &Page<'_>) -> Option<Vec<Card>> {
    if record.authors.len() < 2 {
        return None;
    }
    let run_together = record.affiliations.iter().any(|a| {
        a.text.to_lowercase().contains("contribution:")
            || record
                .authors
                .iter()
                .any(|author| a.text.contains(&author.name))
    });
    if !run_together {
        return None;
    }
    let info = page.first(SectionKind::AuthorInfo)?;
    let run = card_run_in(page.lines_of(info), wrap_width(page.lines))?;
    let keys: Vec<String> = record.authors.iter().map(|a| name_key(&a.name)).collect();
    run.iter()
        .all(|card| keys.contains(&name_key(&card.name)))
        .then_some(run)
}

/// Links each card's author to the card's affiliations (added to the record's list when
/// new) and takes the card's ORCID iD where the author has none.
fn link_cards(record: &mut Record, cards: &[Card]) {
    for card in cards {
        let key = name_key(&card.name);
        let mut ids = Vec::with_capacity(card.affiliations.len());
        for text in &card.affiliations {
            let wanted = soft_key(text);
            let id = match record
                .affiliations
                .iter()
                .find(|a| soft_key(&a.text) == wanted)
            {
                Some(existing) => existing.id.clone(),
                None => {
                    let id = next_free_id(record);
                    record
                        .affiliations
                        .push(super::authors::parse_affiliation(&id, text));
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if let Some(author) = record.authors.iter_mut().find(|a| name_key(&a.name) == key) {
            author.affiliations = ids;
            if author.orcid.is_none() {
                author.orcid.clone_from(&card.orcid);
            }
        }
    }
}

/// The first card with affiliations of each known author (`keys`: [`name_key`]s), read wherever a name
/// stands alone on a line outside the reference and cited-by lists.
fn known_author_cards(page: &Page<'_>, keys: &[String]) -> Vec<Card> {
    let width = wrap_width(page.lines);
    let is_author = |text: &str| name_on_card(text).is_some_and(|name| keys.contains(&name));
    let mut cards: Vec<Card> = Vec::new();
    for segment in page.segments.iter().filter(|s| reads_cards_in(s.kind)) {
        let lines = page.lines_of(segment);
        let mut index = 0;
        while index < lines.len() {
            let text = lines[index].text.trim();
            if !is_author(text) {
                index += 1;
                continue;
            }
            let (card, next) = read_card(lines, index, &is_author, width);
            // The first card with affiliations: a name may stand alone elsewhere too
            // (a list of ORCID iDs).
            let key = name_key(&card.name);
            match cards.iter_mut().find(|c| name_key(&c.name) == key) {
                Some(seen) if seen.affiliations.is_empty() => *seen = card,
                Some(_) => {}
                None => cards.push(card),
            }
            index = next;
        }
    }
    cards
}

/// A run of two or more cards in the header, or else in the author-information section
/// ("Authors" / "Affiliations", where Atypon's pages print a card per author), one after
/// another, each a person's name with at least one affiliation under it: the page's author
/// list, and whether it came from the author-information section.
fn card_run(page: &Page<'_>) -> Option<(Vec<Card>, bool)> {
    let width = wrap_width(page.lines);
    if let Some(run) = page
        .first(SectionKind::Header)
        .and_then(|header| card_run_in(page.lines_of(header), width))
    {
        return Some((run, false));
    }
    let info = page.first(SectionKind::AuthorInfo)?;
    card_run_in(page.lines_of(info), width).map(|run| (run, true))
}

fn card_run_in(lines: &[Line], width: usize) -> Option<Vec<Card>> {
    let is_name = |text: &str| is_card_name(text);
    let mut index = 0;
    while index < lines.len() {
        if !is_name(lines[index].text.trim()) {
            index += 1;
            continue;
        }
        let mut run: Vec<Card> = Vec::new();
        let mut at = index;
        while at < lines.len() && is_name(lines[at].text.trim()) {
            let (card, next) = read_card(lines, at, &is_name, width);
            if card.affiliations.is_empty() {
                break;
            }
            run.push(card);
            at = next;
            while at < lines.len() && lines[at].is_blank() {
                at += 1;
            }
        }
        if run.len() >= 2 {
            return Some(run);
        }
        index += 1;
    }
    None
}

/// Where cards are looked for: not in lists of other works, whose authors' names may
/// stand alone on a line too.
fn reads_cards_in(kind: SectionKind) -> bool {
    !matches!(
        kind,
        SectionKind::References | SectionKind::CitedBy | SectionKind::Related
    )
}

/// The line without the list's separator left at its start when each card prints under
/// its name, between the names of one list ("Mei Lin" / card / ", Jun Park" / card / "and
/// Ana Ruiz", De Gruyter's author pop-downs as a no-JS page prints them).
fn without_list_separator(text: &str) -> &str {
    let rest = if let Some(rest) = text.strip_prefix(", ") {
        rest
    } else if let Some(rest) = text
        .strip_prefix("and ")
        .or_else(|| text.strip_prefix("& "))
    {
        rest
    } else {
        return text;
    };
    let rest = rest.trim_start();
    if rest.starts_with(char::is_uppercase) {
        rest
    } else {
        text
    }
}

/// A line that opens a card when no author is known: a person's name alone (an ORCID
/// mark after it allowed), no institution in it.
fn is_card_name(text: &str) -> bool {
    let text = without_list_separator(text);
    if text.len() > MAX_NAME_LINE || text.contains(',') {
        return false;
    }
    let name = printed_name(text);
    let words = name.split_whitespace().count();
    (2..=5).contains(&words) && is_person_name(&name) && !looks_like_affiliation(&name)
}

/// The [`name_key`] of the name a line prints alone, or `None` for a long line.
fn name_on_card(text: &str) -> Option<String> {
    let text = without_list_separator(text);
    if text.len() > MAX_NAME_LINE || text.contains(',') {
        return None;
    }
    let key = name_key(&printed_name(text));
    (key.len() > 3).then_some(key)
}

/// The name on a card's first line, without list bullets, ORCID marks and links, and
/// footnote marks.
fn printed_name(text: &str) -> String {
    let text = without_list_separator(text.trim_start_matches(['•', '·', '*', '-', '+', ' ']));
    let mut name = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        if lower.contains("orcid") || lower.starts_with("http") {
            continue;
        }
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word.trim_end_matches(['*', '✉', '†']));
    }
    name
}

/// Reads the card whose name is on `lines[start]`: the affiliation lines under it up to
/// the next name (`is_name`), a profile link, or a line that is neither an affiliation
/// nor the rest of one. Returns the card and the index after it.
fn read_card(
    lines: &[Line],
    start: usize,
    is_name: &dyn Fn(&str) -> bool,
    width: usize,
) -> (Card, usize) {
    let mut card = Card {
        name: printed_name(lines[start].text.trim()),
        ..Card::default()
    };
    let mut current = String::new();
    let mut last_line_len = 0;
    let mut taken = 0;
    let mut after_blank = false;
    let mut index = start + 1;
    while index < lines.len() && taken < MAX_CARD_LINES {
        let line = &lines[index];
        let text = line.text.trim();
        if line.is_blank() || text.is_empty() {
            after_blank = true;
            index += 1;
            continue;
        }
        if is_name(text) {
            break;
        }
        let lower = text.trim_start_matches(['•', '·', '*', ' ']).to_lowercase();
        if lower.contains("orcid") {
            if card.orcid.is_none() {
                card.orcid = orcid_in(text).or_else(|| glued_orcid(text));
            }
            index += 1;
            if ends_card(&lower) {
                break;
            }
            continue;
        }
        if ends_card(&lower) {
            index += 1;
            break;
        }
        // The author's roles under the affiliations ("Contribution: Conceptualization, …",
        // PNAS; "Roles Investigation, …", PLOS): no affiliation, and no end of the card.
        if is_roles_line(&lower) {
            index += 1;
            continue;
        }
        // A line broken where the text was wrapped: the next word would not have fitted.
        let first_word = text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        let wrapped = last_line_len + 1 + first_word > width && !ends_at_country(&current);
        let continues = !current.is_empty()
            && !after_blank
            && (current.ends_with([',', '-', ';'])
                || ends_with_joining_word(&current)
                || text.starts_with(char::is_lowercase)
                || wrapped);
        if continues {
            current.push(' ');
            current.push_str(text);
        } else if looks_like_affiliation(text) {
            push_affiliation(&mut card, &mut current);
            current.push_str(text);
        } else {
            break;
        }
        after_blank = false;
        last_line_len = text.chars().count();
        taken += 1;
        index += 1;
    }
    push_affiliation(&mut card, &mut current);
    (card, index)
}

/// An ORCID iD with a link label run on after it ("…/0000-0002-1825-0097View Profile",
/// as a print gives it), which the word-bounded pattern of [`orcid_in`] misses.
pub(super) fn glued_orcid(text: &str) -> Option<String> {
    let at = text.find("orcid.org/")? + "orcid.org/".len();
    let id = text.get(at..at + 19)?;
    let shape_ok = id.bytes().enumerate().all(|(i, b)| match i {
        4 | 9 | 14 => b == b'-',
        18 => b.is_ascii_digit() || b == b'X',
        _ => b.is_ascii_digit(),
    });
    let ends = !text[at + 19..].starts_with(|c: char| c.is_ascii_digit());
    (shape_ok && ends).then(|| id.to_owned())
}

/// The width the page's text was wrapped at, if it was: the length nine lines in ten
/// stay within (a page whose paragraphs are single lines gives a width no affiliation
/// reaches).
fn wrap_width(lines: &[Line]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.trim_end().chars().count())
        .collect();
    if lengths.is_empty() {
        return usize::MAX;
    }
    let at = (lengths.len() * 9 / 10).min(lengths.len() - 1);
    *lengths.select_nth_unstable(at).1
}

/// A link under a card's affiliations that closes it: "View Profile", "View all articles
/// by this author", "Search for more papers by this author" (`lower`: lower-cased).
fn ends_card(lower: &str) -> bool {
    lower.contains("view profile") || lower.starts_with("view all") || is_author_card_link(lower)
}

/// A card's line listing the author's contributions (`lower`: lower-cased).
fn is_roles_line(lower: &str) -> bool {
    ["contribution:", "contributions:", "roles:", "roles "]
        .iter()
        .any(|label| lower.starts_with(label))
}

fn ends_with_joining_word(text: &str) -> bool {
    text.rsplit(' ')
        .next()
        .is_some_and(|last| JOINING_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)))
}

fn push_affiliation(card: &mut Card, current: &mut String) {
    let text = current.trim().trim_end_matches([',', ';']);
    if text.len() >= 8 && !card.affiliations.iter().any(|a| a == text) {
        card.affiliations.push(text.to_owned());
    }
    current.clear();
}

/// Letters and digits lower-cased: the same affiliation printed twice compares equal.
fn soft_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The smallest numeric id no affiliation of the record has.
fn next_free_id(record: &Record) -> String {
    let mut n = record.affiliations.len() + 1;
    while record.affiliations.iter().any(|a| a.id == n.to_string()) {
        n += 1;
    }
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_lines;
    use crate::segment::segment;

    /// Runs the card reader over `text` with the authors `known` already found, and gives
    /// each author's name with the texts of its affiliations and its ORCID iD.
    fn linked(text: &str, known: &[&str]) -> Vec<(String, Vec<String>, Option<String>)> {
        let lines = clean_lines(text);
        let segments = segment(&lines);
        let page = Page::new(&lines, &segments, None);
        let mut record = Record::empty_for_tests("t.txt", "text");
        record.authors = known
            .iter()
            .map(|name| Author {
                name: (*name).to_owned(),
                ..Author::default()
            })
            .collect();
        link_author_cards(&mut record, &page);
        let text_of = |id: &String| {
            let affiliation = record.affiliations.iter().find(|a| &a.id == id);
            affiliation.map_or_else(String::new, |a| a.text.clone())
        };
        record
            .authors
            .iter()
            .map(|a| {
                let texts = a.affiliations.iter().map(text_of).collect();
                (a.name.clone(), texts, a.orcid.clone())
            })
            .collect()
    }

    const HEAD: &str = "A study of invented things\n\nAbstract\n\nWe studied invented things.\n\n";

    #[test]
    fn cards_link_the_known_authors() {
        let panel = format!(
            "{HEAD}Authors\n\n\
             Mei Lin\nhttps://orcid.org/0000-0002-1825-0097\n\
             School of Nursing, University of Glenmorrow, Glenmorrow, UK\n\
             Centre for Rural Care, Glenmorrow Health Board, Invercraig, UK\n\
             View all articles by this author\n\
             Jun Park ORCID\n\
             Department of Electrical Engineering, Formosa Institute of Technology,\n\
             Tainan, Taiwan\n\
             View all articles by this author\n"
        );
        let got = linked(&panel, &["Mei Lin", "Jun Park"]);
        let want = [
            (
                "Mei Lin",
                vec![
                    "School of Nursing, University of Glenmorrow, Glenmorrow, UK",
                    "Centre for Rural Care, Glenmorrow Health Board, Invercraig, UK",
                ],
                Some("0000-0002-1825-0097"),
            ),
            (
                "Jun Park",
                vec![
                    "Department of Electrical Engineering, Formosa Institute of Technology, Tainan, Taiwan",
                ],
                None,
            ),
        ];
        assert_eq!(got.len(), want.len());
        for ((name, texts, orcid), (want_name, want_texts, want_orcid)) in got.iter().zip(want) {
            assert_eq!(name, want_name);
            assert_eq!(texts, &want_texts, "{name}");
            assert_eq!(orcid.as_deref(), want_orcid, "{name}");
        }
    }

    #[test]
    fn which_pages_give_cards() {
        // (page text, authors known, the affiliations each gets)
        let wrapped = format!(
            "{HEAD}Ai Tanaka\n\
             Jiangsu Key Laboratory for Biodiversity and Biotechnology and Jiangsu Key\n\
             Laboratory for Aquatic Diseases, College of Life Sciences, Invented Normal\n\
             University, Nanjing 210046, China\n\n\
             Bo Chen\nInstitute of Life Sciences, Invented University, Zhenjiang, China\n"
        );
        let in_references = format!(
            "{HEAD}References\n\n1.\nAi Tanaka\nInstitute of Life Sciences, Invented University, Zhenjiang, China\n\
             2.\nBo Chen\nInstitute of Life Sciences, Invented University, Zhenjiang, China\n"
        );
        let contributions = format!(
            "{HEAD}Author contributions\n\nAi Tanaka\nDesigned the study.\nBo Chen\nWrote the paper.\n"
        );
        let one_card = format!(
            "{HEAD}Ai Tanaka\nInstitute of Life Sciences, Invented University, Zhenjiang, China\n"
        );
        let cases: [(&str, &[&str], &[usize]); 4] = [
            // Lines wrapped at the page's width join into one affiliation.
            (&wrapped, &["Ai Tanaka", "Bo Chen"], &[1, 1]),
            // Names in a reference list, lines of contributions, one card alone: nothing.
            (&in_references, &["Ai Tanaka", "Bo Chen"], &[0, 0]),
            (&contributions, &["Ai Tanaka", "Bo Chen"], &[0, 0]),
            (&one_card, &["Ai Tanaka", "Bo Chen"], &[0, 0]),
        ];
        for (text, known, want) in cases {
            let got: Vec<usize> = linked(text, known)
                .iter()
                .map(|(_, t, _)| t.len())
                .collect();
            assert_eq!(got, want, "{text}");
        }
        let first = &linked(&wrapped, &["Ai Tanaka", "Bo Chen"])[0].1[0];
        assert!(
            first.ends_with("Invented Normal University, Nanjing 210046, China"),
            "{first}"
        );
    }

    #[test]
    fn cards_in_the_author_information_section() {
        // No byline in the header; the cards under an "Affiliations" heading, each with
        // its roles and links (PNAS).
        let page = "A study of invented meadows\n\nAbstract\n\nWe studied invented meadows.\n\n\
             Affiliations\n\n\
             Ingrid Solvang\nDepartment of Ecology, University of Bergtal, 3012 Bergtal, Switzerland\n\
             View ORCID profile\nContribution: Conceptualization, Investigation\n\
             View all articles by this author\n\
             Tomás Echeverría Ruiz\nGraduate School of Science, Kitakami University, Sendai 980-8577, Japan\n\
             Institute of Botany, Invented Academy of Sciences, 252 43 Průhonice, Czech Republic\n\
             Contribution: Investigation, Formal analysis\n\
             View all articles by this author\n";
        let got = linked(page, &[]);
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, ["Ingrid Solvang", "Tomás Echeverría Ruiz"]);
        let counts: Vec<usize> = got.iter().map(|(_, t, _)| t.len()).collect();
        assert_eq!(counts, [1, 2]);
        assert!(
            got.iter()
                .flat_map(|(_, t, _)| t)
                .all(|t| !t.contains("Contribution"))
        );
    }

    #[test]
    fn author_information_cards_replace_the_plain_reading_for_known_authors() {
        let page = "A study of invented meadows\n\nAbstract\n\nWe studied invented meadows.\n\n\
             Affiliations\n\n\
             Ingrid Solvang\nDepartment of Ecology, University of Bergtal, 3012 Bergtal, Switzerland\n\
             Contribution: Conceptualization, Investigation\n\
             View all articles by this author\n\
             Tomás Echeverría Ruiz\nGraduate School of Science, Kitakami University, Sendai 980-8577, Japan\n\
             Contribution: Investigation, Formal analysis\n\
             View all articles by this author\n";
        // The section read before as a plain list: names and roles run into entries,
        // linked to both authors.
        let lines = clean_lines(page);
        let segments = segment(&lines);
        let page = Page::new(&lines, &segments, None);
        let mut record = Record::empty_for_tests("t.txt", "text");
        record.affiliations = vec![
            crate::extract::authors::parse_affiliation(
                "1",
                "Ingrid Solvang Department of Ecology, University of Bergtal Contribution: Conceptualization",
            ),
            crate::extract::authors::parse_affiliation(
                "2",
                "Graduate School of Science, Kitakami University Contribution: Investigation",
            ),
        ];
        record.authors = ["Ingrid Solvang", "Tomás Echeverría Ruiz"]
            .iter()
            .enumerate()
            .map(|(i, name)| Author {
                name: (*name).to_owned(),
                affiliations: vec![(i + 1).to_string()],
                ..Author::default()
            })
            .collect();
        link_author_cards(&mut record, &page);
        let text_of = |id: &String| {
            record
                .affiliations
                .iter()
                .find(|a| &a.id == id)
                .map_or_else(String::new, |a| a.text.clone())
        };
        let texts: Vec<Vec<String>> = record
            .authors
            .iter()
            .map(|a| a.affiliations.iter().map(text_of).collect())
            .collect();
        assert_eq!(record.affiliations.len(), 2);
        assert_eq!(
            texts,
            [
                vec![
                    "Department of Ecology, University of Bergtal, 3012 Bergtal, Switzerland"
                        .to_owned()
                ],
                vec![
                    "Graduate School of Science, Kitakami University, Sendai 980-8577, Japan"
                        .to_owned()
                ],
            ]
        );
    }

    #[test]
    fn cards_between_the_names_of_one_list() {
        let page = "Gender agreement in invented heritage speech\n\
             Dara Okafor\nDepartment of Linguistics, University of Utopia, Utopia, Germany\n\
             Search for this author in:De Gruyter Brill | Google Scholar\n\
             , Jun Moreau\nCentro de Linguística, Universidade de Atlantis, Atlantis, Portugal\n\
             Search for this author in:De Gruyter Brill | Google Scholar\n\
             and Mei Lindqvist\nDepartment of Linguistics, University of Utopia, Utopia, Germany\n\
             Search for this author in:De Gruyter Brill | Google Scholar\n\
             From the journal Invented Studies\n\nAbstract\n\nWe studied invented speech.\n";
        let got = linked(page, &[]);
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, ["Dara Okafor", "Jun Moreau", "Mei Lindqvist"]);
        let separators = [
            (", Jun Moreau", "Jun Moreau"),
            ("and Mei Lindqvist", "Mei Lindqvist"),
            ("& Mei Lindqvist", "Mei Lindqvist"),
            ("and then the samples", "and then the samples"),
            ("Andrea Okafor", "Andrea Okafor"),
        ];
        for (text, want) in separators {
            assert_eq!(without_list_separator(text), want, "{text}");
        }
    }

    #[test]
    fn a_run_of_cards_in_the_header_gives_the_authors() {
        let page = "Invented Transactions on Sensing\n\
             A study of invented sensors\n\
             Authors:\n\
             Noor Achterberg\nLowland University of Technology, Delft, Netherlands\n\
             https://orcid.org/0000-0002-1825-0097View Profile\n\
             Kofi Mensah\nKumasi Institute of Computing, Kumasi, Ghana\nView Profile\n\
             Yuki Hashimoto\n\nLowland University of Technology, Delft, Netherlands\n\
             Kansai Institute of Science and Technology, Kyoto, Japan\nView Profile\n\n\
             Abstract\n\nWe studied invented sensors.\n";
        // A byline read off the first card only, and no byline at all.
        for known in [&["Noor Achterberg"][..], &[]] {
            let got = linked(page, known);
            let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
            assert_eq!(names, ["Noor Achterberg", "Kofi Mensah", "Yuki Hashimoto"]);
            let counts: Vec<usize> = got.iter().map(|(_, t, _)| t.len()).collect();
            assert_eq!(counts, [1, 1, 2]);
            assert_eq!(got[0].2.as_deref(), Some("0000-0002-1825-0097"));
        }
    }
}
