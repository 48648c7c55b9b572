//! The reference list split into entries, and the "cited by" and "related" lists.

use super::Page;
use crate::record::Record;

/// Fills the references.
pub fn extract_reference_list(record: &mut Record, page: &Page<'_>) {
    let _ = (record, page);
}

/// Fills `cited_by` and `related`.
pub fn extract_cited_by_and_related(record: &mut Record, page: &Page<'_>) {
    let _ = (record, page);
}
