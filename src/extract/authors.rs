//! Authors and affiliations from the header byline and the "Author information" section.

use super::Page;
use crate::record::Record;

/// Fills authors and affiliations.
pub fn extract_authors(record: &mut Record, page: &Page<'_>) {
    let _ = (record, page);
}
