//! Page ranges: `747–754`, `314–7`, `1338–45`, `e941`, `pp. 1-10`.

/// A parsed page range: first page, last page with abbreviations expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRange {
    pub first: String,
    pub last: Option<String>,
}

/// Parses a page range; the last page is expanded when printed abbreviated
/// (`1338–45` gives `1345`, `314–7` gives `317`, `C675–82` gives `C682`).
pub fn parse_page_range(text: &str) -> Option<PageRange> {
    // `clean::trim` is `str::trim` with a fast path for text that starts and ends with a
    // visible ASCII byte (every locator is read here).
    let trim = crate::clean::trim;
    let t = trim(
        ["pp.", "pp", "p."]
            .iter()
            .fold(trim(text), |t, label| trim_start_repeated(t, label)),
    )
    .trim_end_matches(['.', ',', ';']);
    if t.is_empty() {
        return None;
    }
    let split = t
        .char_indices()
        .find(|&(_, c)| matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−'))
        .map(|(i, c)| (&t[..i], &t[i + c.len_utf8()..]));
    let (first, last) = match split {
        Some((a, b)) => (trim(a), Some(trim(trim(b).trim_start_matches(['-', '–'])))),
        None => (t, None),
    };
    let has_space = |s: &str| s.as_bytes().contains(&b' ');
    if first.is_empty() || !first.bytes().any(|b| b.is_ascii_digit()) || has_space(first) {
        return None;
    }
    let last = match last {
        Some(l) if !l.is_empty() && !has_space(l) => Some(expand_last_page(first, l)),
        Some(_) => return None,
        None => None,
    };
    Some(PageRange {
        first: first.to_owned(),
        last,
    })
}

/// `text` without any copies of `prefix` at its start (`str::trim_start_matches` with a
/// string pattern, which builds a substring searcher for each call).
fn trim_start_repeated<'a>(mut text: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = text.strip_prefix(prefix) {
        text = rest;
    }
    text
}

/// `prefix` then `digits`, as one string.
fn joined(prefix: &str, digits: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + digits.len());
    out.push_str(prefix);
    out.push_str(digits);
    out
}

/// Expands an abbreviated last page against the first: `("1338", "45")` gives `"1345"`.
/// Only digits are borrowed, and only when the result is larger than the first page.
pub fn expand_last_page(first: &str, last: &str) -> String {
    let first_digits_at = first.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let (prefix, first_num) = first.split_at(first_digits_at);
    let last_num = last.strip_prefix(prefix).unwrap_or(last);
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits(first_num) && all_digits(last_num) && last_num.len() < first_num.len() {
        let expanded = joined(&first_num[..first_num.len() - last_num.len()], last_num);
        if expanded.parse::<u64>().ok() > first_num.parse::<u64>().ok() {
            return if prefix.is_empty() {
                expanded
            } else {
                joined(prefix, &expanded)
            };
        }
    }
    // `F31–42`: the letter prefix of the first page carries over to the last.
    if !prefix.is_empty()
        && all_digits(first_num)
        && all_digits(last)
        && last.parse::<u64>().ok() > first_num.parse::<u64>().ok()
    {
        return joined(prefix, last);
    }
    last.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ranges() {
        type Want<'a> = Option<(&'a str, Option<&'a str>)>;
        let cases: &[(&str, Want)] = &[
            ("747–754", Some(("747", Some("754")))),
            ("941–51", Some(("941", Some("951")))),
            ("1338–45", Some(("1338", Some("1345")))),
            ("314–7", Some(("314", Some("317")))),
            ("C675–82", Some(("C675", Some("C682")))),
            ("F31–42", Some(("F31", Some("F42")))),
            ("S12–S19", Some(("S12", Some("S19")))),
            ("58—67", Some(("58", Some("67")))),
            ("pp. 1-10", Some(("1", Some("10")))),
            ("e941", Some(("e941", None))),
            ("99–2", Some(("99", Some("2")))),
            ("1392–8", Some(("1392", Some("1398")))),
            ("", None),
            ("abc", None),
        ];
        for (text, want) in cases {
            let got = parse_page_range(text).map(|r| (r.first, r.last));
            let want = want.map(|(f, l)| (f.to_string(), l.map(str::to_string)));
            assert_eq!(got, want, "{text}");
        }
    }
}
