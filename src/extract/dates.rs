//! Dates as pages print them, to ISO 8601 (partial allowed: `June 2013` is `2013-06`).

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month number of an English month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, n)| n)
}

/// Parses `05 June 2013`, `June 5, 2013`, `June 2013`, `2013-06-05`, `2013/06`, `2013`,
/// `2013/06/05`, `2013-6-5` and ISO timestamps (`2013-06-05T10:00:00Z`, the time dropped).
/// Never invents a day or month that the text does not give.
pub fn parse_date(text: &str) -> Option<String> {
    let t = strip_time_of_day(text.trim()).trim_end_matches(['.', ',']);
    let tokens: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-' || c == '.')
        .filter(|s| !s.is_empty())
        .collect();
    let mut year = None;
    let mut month = None;
    let mut day = None;
    let mut numbers = Vec::new();
    for tok in &tokens {
        if let Some(m) = month_number(tok) {
            if month.is_some() {
                return None;
            }
            month = Some(m);
        } else if let Ok(n) = tok
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse::<u32>()
        {
            if tok.len() == 4 && (1000..=2100).contains(&n) && year.is_none() {
                year = Some(n);
            } else {
                numbers.push(n);
            }
        } else {
            return None;
        }
    }
    let year = year?;
    match (month, numbers.as_slice()) {
        (Some(_), []) => {}
        (Some(_), [d]) => day = Some(*d),
        (None, []) => {}
        (None, [m]) => month = Some(*m),
        (None, [m, d]) if tokens.first().is_some_and(|f| f.len() == 4) => {
            month = Some(*m);
            day = Some(*d);
        }
        (None, [d, m]) => {
            month = Some(*m);
            day = Some(*d);
        }
        _ => return None,
    }
    format_date(year, month, day)
}

/// Drops a time of day after a numeric date: `2013-06-05T10:00:00+02:00`,
/// `2013-06-05 10:00:00`.
fn strip_time_of_day(text: &str) -> &str {
    let bytes = text.as_bytes();
    let starts_with_year = bytes.len() > 4 && bytes[..4].iter().all(u8::is_ascii_digit);
    if !starts_with_year {
        return text;
    }
    if let Some(t) = text.find('T') {
        if text[t + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            return &text[..t];
        }
    }
    if let Some(colon) = text.find(':') {
        if let Some(space) = text[..colon].rfind(' ') {
            return &text[..space];
        }
    }
    text
}

/// A day, month and year in numbers parted by dots, as European and JMIR pages print them
/// ("03.12.21", "3.12.2021"): ISO. A two-digit year below 50 is in this century, else the
/// last one.
pub fn parse_dotted_date(text: &str) -> Option<String> {
    let mut parts = text.trim().trim_end_matches('.').split('.');
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let number = |s: &str, lengths: &[usize]| {
        (lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (day, month, year) = (
        number(day, &[1, 2])?,
        number(month, &[1, 2])?,
        number(year, &[2, 4])?,
    );
    let year = match year {
        0..=49 => 2000 + year,
        50..=99 => 1900 + year,
        _ => year,
    };
    format_date(year, Some(month), Some(day))
}

fn format_date(year: u32, month: Option<u32>, day: Option<u32>) -> Option<String> {
    match (month, day) {
        (None, _) => Some(format!("{year:04}")),
        (Some(m), _) if !(1..=12).contains(&m) => None,
        (Some(m), None) => Some(format!("{year:04}-{m:02}")),
        (Some(_), Some(d)) if !(1..=31).contains(&d) => None,
        (Some(m), Some(d)) => Some(format!("{year:04}-{m:02}-{d:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            ("05 June 2013", Some("2013-06-05")),
            ("June 2013", Some("2013-06")),
            ("June 5, 2013", Some("2013-06-05")),
            ("2013-06-05", Some("2013-06-05")),
            ("2013/06", Some("2013-06")),
            ("2013", Some("2013")),
            ("5th Sept. 2013", Some("2013-09-05")),
            ("13 March 2013.", Some("2013-03-13")),
            ("next week", None),
            ("32 June 2013", None),
            ("2013/06/05", Some("2013-06-05")),
            ("2013-6-5", Some("2013-06-05")),
            ("2013-06-05T10:00:00Z", Some("2013-06-05")),
            ("2023-02-03T00:00:00+02:00", Some("2023-02-03")),
            ("2013-06-05 10:00:00", Some("2013-06-05")),
            ("2013-06", Some("2013-06")),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn dotted_dates() {
        let cases = [
            ("03.12.21", Some("2021-12-03")),
            ("3.12.2021", Some("2021-12-03")),
            ("21.02.99", Some("1999-02-21")),
            ("12.04.22.", Some("2022-04-12")),
            ("32.01.22", None),
            ("01.13.22", None),
            ("1.2", None),
            ("10.5555.34567", None),
            ("2021.12.03", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_dotted_date(text).as_deref(), want, "{text}");
        }
    }
}
