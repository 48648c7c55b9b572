//! Regexes with one long bounded repetition of a Unicode class, like a journal name of
//! "1 to 90 letters, digits, dots or spaces" (`[\p{L}\d. ]{1,90}?`), made cheap to build
//! and to run without changing what they match.
//!
//! The regex engine copies the class once per repetition: 90 copies of `\p{L}` make an
//! NFA of tens of thousands of states, which takes 30 to 40 ms to compile and is too big
//! for the lazy DFA, so every search falls back to the bounded backtracker (clearing a
//! visited set of up to 256 KB per call). [`BoundedGroup`] compiles the pattern twice:
//! `fast` with the repetition unbounded (`+?`), `exact` with the bound. `fast` is small,
//! quick to build and runs on the lazy DFA; `exact` is built only for the rare text where
//! `fast` reads the group longer than the bound.
//!
//! Why this gives the same captures: the repetition is lazy and occurs once in the
//! pattern. Both regexes try the same start positions and, at each, the same repetition
//! counts in the same order, and report the first that lets the rest of the pattern
//! match. Every match of `exact` is a match of `fast`, so where `fast` finds none neither
//! does `exact`; where `fast`'s match uses a count within the bound, `exact` tried exactly
//! the same alternatives before it and stops at the same one.
//!
//! When the pattern opens with the group and the group's repetition is the first choice
//! the pattern makes (`[\p{Lu}][\w ]{1,80}?...`, unanchored), a match of `fast` whose
//! group is too long also says that `exact` has no match at that start: `fast` took the
//! smallest count that works there, and `exact` may only use smaller ones. The search
//! then goes on with `fast` from the next character and `exact` is not needed (a
//! citation whose title runs into the journal's abbreviation takes a few such steps).

use regex::{Captures, Regex};
use std::sync::OnceLock;

/// A pattern with one lazily repeated group whose repetition has an upper bound.
pub struct BoundedGroup {
    /// The whole pattern, given the group's pattern.
    pattern: fn(&str) -> String,
    /// The group with its bounded repetition, e.g. `(?P<journal>[\p{Lu}][\p{L} ]{1,90}?)`.
    exact_group: &'static str,
    /// The same group with the repetition unbounded, e.g. `(?P<journal>[\p{Lu}][\p{L} ]+?)`.
    fast_group: &'static str,
    /// The group's name in both.
    name: &'static str,
    /// The most characters the bounded group can match.
    max_chars: usize,
    /// Whether the pattern opens with the group, whose repetition is its first choice.
    leading: bool,
    fast: OnceLock<Regex>,
    exact: OnceLock<Regex>,
}

impl BoundedGroup {
    pub const fn new(
        pattern: fn(&str) -> String,
        exact_group: &'static str,
        fast_group: &'static str,
        name: &'static str,
        max_chars: usize,
    ) -> BoundedGroup {
        BoundedGroup {
            pattern,
            exact_group,
            fast_group,
            name,
            max_chars,
            leading: false,
            fast: OnceLock::new(),
            exact: OnceLock::new(),
        }
    }

    /// Like [`BoundedGroup::new`], for a pattern that opens with the group and whose
    /// first choice is the group's repetition: see the module documentation.
    pub const fn leading(
        pattern: fn(&str) -> String,
        exact_group: &'static str,
        fast_group: &'static str,
        name: &'static str,
        max_chars: usize,
    ) -> BoundedGroup {
        let mut group = BoundedGroup::new(pattern, exact_group, fast_group, name, max_chars);
        group.leading = true;
        group
    }

    /// What `Regex::captures` gives for the pattern with the bounded group.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let fast = self.fast.get_or_init(|| self.compile(self.fast_group));
        let mut from = 0;
        loop {
            let caps = fast.captures_at(text, from)?;
            let group_chars = caps
                .name(self.name)
                .map_or(0, |m| m.as_str().chars().count());
            if group_chars <= self.max_chars {
                return Some(caps);
            }
            if !self.leading {
                let exact = self.exact.get_or_init(|| self.compile(self.exact_group));
                return exact.captures(text);
            }
            let start = caps.get(0).map_or(from, |m| m.start());
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }

    /// Whether the pattern with the bounded group matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.captures(text).is_some()
    }

    fn compile(&self, group: &str) -> Regex {
        let pattern = (self.pattern)(group);
        Regex::new(&pattern).unwrap_or_else(|e| panic!("invalid pattern {pattern}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SHORT_NAME: BoundedGroup = BoundedGroup::new(
        |name| format!(r"(?:^|: ){name} (?P<n>\d+)"),
        r"(?P<name>\p{Lu}[\p{L} ]{1,5}?)",
        r"(?P<name>\p{Lu}[\p{L} ]+?)",
        "name",
        6,
    );

    static CITATION: BoundedGroup = BoundedGroup::leading(
        |abbrev| format!(r"{abbrev}\s+(?P<volume>\d+), (?P<pages>\d+)"),
        r"(?P<abbrev>\p{Lu}[\w. ]{1,12}?)",
        r"(?P<abbrev>\p{Lu}[\w. ]+?)",
        "abbrev",
        13,
    );

    #[test]
    fn leading_group_same_captures_as_the_bounded_pattern() {
        let exact =
            Regex::new(r"(?P<abbrev>\p{Lu}[\w. ]{1,12}?)\s+(?P<volume>\d+), (?P<pages>\d+)")
                .unwrap();
        for text in [
            "Nat Phys 3, 12",
            "A long title of Some Paper. Nat Phys 3, 12",
            "A long title of some paper. Nat Phys 3, 12",
            "a long title of some paper nat phys 3, 12",
            "Über Étude Ünd Ärger Öl Ça 3, 12",
            "Title. Abbreviation Longer Than Bound 3, 12",
            "Short 1, 2 and Another Short 3, 4",
            "no match",
        ] {
            let want = exact
                .captures(text)
                .map(|c| (c[0].to_owned(), c[1].to_owned()));
            let got = CITATION
                .captures(text)
                .map(|c| (c[0].to_owned(), c[1].to_owned()));
            assert_eq!(got, want, "{text}");
        }
        assert!(
            CITATION.exact.get().is_none(),
            "the bounded pattern was built"
        );
    }

    #[test]
    fn same_captures_as_the_bounded_pattern() {
        let exact = Regex::new(r"(?:^|: )(?P<name>\p{Lu}[\p{L} ]{1,5}?) (?P<n>\d+)").unwrap();
        for text in [
            "Nature 12",
            "Ab 1",
            "A 1",
            "Abcdefgh 12",
            "Abcdefgh ijk: Short 7",
            "Abcdefghijk: Long name 7",
            "Abcdefgh 1: Ab 2",
            "Été 3",
            "Nature Phys 12 and Nature 4",
            "no match here",
        ] {
            let want = exact
                .captures(text)
                .map(|c| (c[0].to_owned(), c[1].to_owned()));
            let got = SHORT_NAME
                .captures(text)
                .map(|c| (c[0].to_owned(), c[1].to_owned()));
            assert_eq!(got, want, "{text}");
            assert_eq!(SHORT_NAME.is_match(text), exact.is_match(text), "{text}");
        }
    }
}
