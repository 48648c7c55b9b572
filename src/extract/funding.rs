//! Funding: funders and their grant numbers from acknowledgement and funding sections.

use super::Page;
use crate::record::Record;

/// Fills funding and acknowledgements.
pub fn extract_funding(record: &mut Record, page: &Page<'_>) {
    let _ = (record, page);
}
