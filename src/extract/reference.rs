//! One reference string into its fields (authors, title, container, year, volume, issue,
//! pages, identifiers).

use crate::record::Reference;

/// Parses one reference string. Never fails: what it cannot read stays empty.
pub fn parse_reference(raw: &str) -> Reference {
    Reference::from_raw(raw.trim())
}
