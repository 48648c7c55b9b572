//! Person names: splitting a printed name into given and family parts.

/// Lower-case particles that belong to the family name (`van der Meulen`, `de Groot`).
pub const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "ter", "ten", "bin", "ibn", "al", "el", "st", "mac", "zu", "y",
];

/// Particles that belong to the family name even when capitalised ("Yann Le Gall").
const CAPITALISED_PARTICLES: &[&str] = &[
    "le", "la", "de", "du", "van", "von", "di", "da", "del", "della", "des", "ten", "ter",
];

/// Suffixes dropped from the family name.
const NAME_SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// Splits a name printed in natural order ("Yu-fang Shi", "Mary van der Berg",
/// "Julie A. Semon") into `(given, family)`. A name in "Family, Given" order is split at
/// the comma.
pub fn split_given_family(name: &str) -> (Option<String>, Option<String>) {
    let name = name.trim();
    if name.is_empty() {
        return (None, None);
    }
    if let Some((family, given)) = name.split_once(',') {
        let given = given.trim();
        if !given.is_empty() && !NAME_SUFFIXES.contains(&given.to_lowercase().as_str()) {
            return (Some(given.to_owned()), Some(family.trim().to_owned()));
        }
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1
        && NAME_SUFFIXES.contains(
            &words[words.len() - 1]
                .to_lowercase()
                .trim_end_matches(',')
                .trim(),
        )
    {
        words.pop();
    }
    if words.len() == 1 {
        return (None, Some(words[0].to_owned()));
    }
    let mut family_start = words.len() - 1;
    while family_start > 1 {
        let word = words[family_start - 1];
        let lower = word.to_lowercase();
        let particle = NAME_PARTICLES.contains(&lower.as_str())
            && (word.chars().next().is_some_and(char::is_lowercase)
                || CAPITALISED_PARTICLES.contains(&lower.as_str()));
        if !particle {
            break;
        }
        family_start -= 1;
    }
    (
        Some(words[..family_start].join(" ")),
        Some(words[family_start..].join(" ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names() {
        let cases = [
            ("Xin Wei", Some("Xin"), Some("Wei")),
            ("Yu-fang Shi", Some("Yu-fang"), Some("Shi")),
            ("Julie A. Semon", Some("Julie A."), Some("Semon")),
            (
                "Marjolein van der Meulen",
                Some("Marjolein"),
                Some("van der Meulen"),
            ),
            ("Wei, Xin", Some("Xin"), Some("Wei")),
            ("John Smith Jr.", Some("John"), Some("Smith")),
            ("Plato", None, Some("Plato")),
            ("Yann Le Gall", Some("Yann"), Some("Le Gall")),
        ];
        for (name, given, family) in cases {
            let (g, f) = split_given_family(name);
            assert_eq!((g.as_deref(), f.as_deref()), (given, family), "{name}");
        }
    }
}
