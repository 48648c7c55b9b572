//! Value normalisation for matching: strict (trimmed) and soft (lower-cased, every
//! punctuation character and whitespace removed, as GROBID's `removeFullPunct`).

/// GROBID's `fullPunctuations` plus whitespace.
const FULL_PUNCTUATION: &str = "(（[ •*,:;;?？.!/)）-−–‐«»„\"“”‘’'`$#@]*♦♥♣♠　";

/// Trims whitespace and surrounding `. , ; :` and quotes, collapses inner whitespace.
pub fn strict(value: &str) -> String {
    let trimmed = value
        .trim()
        .trim_matches(|c: char| ".,;:\"'“”‘’«»„".contains(c) || c.is_whitespace());
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-cased with punctuation and whitespace removed.
pub fn soft(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !FULL_PUNCTUATION.contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(strict("  Title here. "), "Title here");
        assert_eq!(soft("Phys. Rev. D"), "physrevd");
        assert_eq!(soft("J. Biol. Chem."), soft("J Biol Chem"));
    }
}
