//! Joining cleaned lines back into running text, keeping a map to byte spans of the input.

use crate::clean::{Line, LineKind};

/// Text joined from lines, with the byte span of the input it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Joined {
    pub text: String,
    pub span: Option<[usize; 2]>,
}

/// Joins lines into one string: a line broken after a dash joins without a space
/// (`314–` + `7` gives `314–7`), others with one space. Blank lines are skipped.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Joined {
    let mut text = String::new();
    let mut span: Option<[usize; 2]> = None;
    for line in lines.into_iter().filter(|line| is_joined(line)) {
        push_joined(&mut text, &line.text);
        span = Some(widened(span, line));
    }
    Joined { text, span }
}

/// The span [`join_lines`] gives, without joining the text.
pub fn joined_span<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Option<[usize; 2]> {
    lines
        .into_iter()
        .filter(|line| is_joined(line))
        .fold(None, |span, line| Some(widened(span, line)))
}

/// Whether [`join_lines`] takes a line in: blank and empty ones are skipped.
fn is_joined(line: &Line) -> bool {
    !line.is_blank() && !line.text.is_empty()
}

/// `span` (of the lines before) widened to end with `line`'s end.
fn widened(span: Option<[usize; 2]>, line: &Line) -> [usize; 2] {
    match span {
        None => [line.start, line.end],
        Some([s, _]) => [s, line.end],
    }
}

/// Letters and digits, lower-cased: what two renderings of one text share.
pub fn fold_alnum(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Appends a line to running text with the dash rule of [`join_lines`].
pub fn push_joined(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    // A dash right after a word or number breaks a word or range ("314–", "cell-");
    // a dash after a space is punctuation ("joint —") and keeps its space.
    let before_dash = text.chars().rev().nth(1);
    let glue = (text.ends_with(['–', '—', '-', '/'])
        && before_dash.is_some_and(|c| !c.is_whitespace()))
        && !text.ends_with("--")
        || starts_with_closing_punctuation(line)
        || breaks_a_doi(text, line);
    if !glue {
        text.push(' ');
    }
    text.push_str(line);
}

/// A DOI broken after one of its dots, as a PDF's narrow column breaks it ("doi:
/// 10.5555/li.2018." / "63.1502"): the next line goes on with the DOI when it starts with a
/// digit or a lower-case letter.
///
/// Or broken before the slash after its prefix, as a text browser wraps it ("doi: 10.5555"
/// / "/j.2015.0168").
fn breaks_a_doi(text: &str, line: &str) -> bool {
    if line.starts_with('/') && line.len() > 1 && !line[1..].starts_with(char::is_whitespace) {
        let last_word = text.rsplit(char::is_whitespace).next().unwrap_or_default();
        let prefix = last_word.find("10.").map_or("", |at| &last_word[at + 3..]);
        return (4..=9).contains(&prefix.len()) && prefix.bytes().all(|b| b.is_ascii_digit());
    }
    // A line opening with a DOI's or an address's own label starts anew ("…/scs.2017.0802."
    // / "doi:10.5555/scs.2017.0802", the target of a print's link written under it), and
    // so does one opening with a whole DOI, prefix and slash ("…/jpl.211." / "10.5555/jpl.211",
    // a DOI link's text under the reference, De Gruyter): no DOI holds another's prefix.
    let labelled = ["doi:", "doi.org/", "http", "www."]
        .iter()
        .any(|label| line.starts_with(label))
        || opens_with_doi_prefix(line);
    if !text.ends_with('.')
        || labelled
        || !line.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_lowercase())
    {
        return false;
    }
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    let doi = last_word.find("10.").map_or("", |at| &last_word[at..]);
    doi.len() > 8 && doi.contains('/') && doi[3..].starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a line opens with a DOI's prefix and its slash: `10.` and four to nine digits.
fn opens_with_doi_prefix(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("10.") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (4..=9).contains(&digits) && rest[digits..].starts_with('/')
}

/// A line that opens with punctuation closing the previous one (". 2014 Title", ", 12–15"):
/// the line break fell just before it, so it joins without a space.
fn starts_with_closing_punctuation(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('.' | ',' | ';' | ':' | ')'))
        && chars.next().is_none_or(char::is_whitespace)
}

/// Joins lines into paragraphs separated by a blank line. A blank line (or page break)
/// followed by a line that starts in lower case continues the paragraph: that is a page
/// break, not a new paragraph.
pub fn join_paragraphs(lines: &[Line]) -> Joined {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut pending_break = false;
    let mut span: Option<[usize; 2]> = None;
    for line in lines {
        if line.is_blank() {
            pending_break = !current.is_empty();
            continue;
        }
        let continues = line
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() && !current.ends_with('.'));
        let heading = matches!(line.kind, LineKind::Heading(_));
        if ((pending_break && !continues) || heading) && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        pending_break = false;
        push_joined(&mut current, &line.text);
        if heading {
            paragraphs.push(std::mem::take(&mut current));
        }
        span = Some(match span {
            None => [line.start, line.end],
            Some([s, _]) => [s, line.end],
        });
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    Joined {
        text: paragraphs.join("\n\n"),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_lines;

    #[test]
    fn joins_with_the_dash_rule() {
        let cases = [
            ("Science 2005; 309: 314–\n7.", "Science 2005; 309: 314–7."),
            ("a cell-\nmediated delivery", "a cell-mediated delivery"),
            ("two\nlines", "two lines"),
            ("artificial joint —\nex vivo", "artificial joint — ex vivo"),
            ("page\n\n\nbreak", "page break"),
            // A DOI broken after a dot goes on; a sentence after one does not.
            (
                "1502–1515. doi: 10.5555/li.2018.\n63.1502",
                "1502–1515. doi: 10.5555/li.2018.63.1502",
            ),
            (
                "doi: 10.5555/abc.\nEpub 2019.",
                "doi: 10.5555/abc. Epub 2019.",
            ),
            ("in 2018.\n63 samples", "in 2018. 63 samples"),
            // The DOI again under a whole one, as a print writes a link's target.
            (
                "DOI: 10.5555/scs.2017.0802.\ndoi:10.5555/scs.2017.0802 Crossref",
                "DOI: 10.5555/scs.2017.0802. doi:10.5555/scs.2017.0802 Crossref",
            ),
            // A whole DOI under one (a DOI link's text) starts anew.
            (
                "https://doi.org/10.5555/jpl.211.\n10.5555/jpl.211 Search in Google Scholar",
                "https://doi.org/10.5555/jpl.211. 10.5555/jpl.211 Search in Google Scholar",
            ),
            // A DOI broken before the slash after its prefix goes on.
            (
                "36:168–76. doi: 10.5555\n/j.2015.0168",
                "36:168–76. doi: 10.5555/j.2015.0168",
            ),
            ("see 2015\n/ 2016 values", "see 2015 / 2016 values"),
            ("page 10.5\n/abc", "page 10.5 /abc"),
        ];
        for (input, want) in cases {
            let lines = clean_lines(input);
            assert_eq!(join_lines(&lines).text, want, "{input:?}");
            // The span alone is the span of the joined text.
            assert_eq!(joined_span(&lines), join_lines(&lines).span, "{input:?}");
        }
        assert_eq!(joined_span(&clean_lines("\n\n")), None);
    }

    #[test]
    fn paragraphs_survive_page_breaks() {
        let cases = [
            (
                "One line\nand more.\n\nSecond para.",
                "One line and more.\n\nSecond para.",
            ),
            ("broken across\n\n\nthe page.", "broken across the page."),
        ];
        for (input, want) in cases {
            assert_eq!(join_paragraphs(&clean_lines(input)).text, want, "{input:?}");
        }
    }
}
