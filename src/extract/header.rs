//! The page header and article information: title, type, journal, volume, pages, dates,
//! DOI, metrics, keywords, abstract, body sections.

use super::Page;
use crate::record::Record;

/// Fills title, article type, journal data, dates, DOI, metrics, keywords and abstract.
pub fn extract_header(record: &mut Record, page: &Page<'_>) {
    let _ = (record, page);
}

/// Fills the body sections.
pub fn extract_body(record: &mut Record, page: &Page<'_>) {
    let _ = (record, page);
}
