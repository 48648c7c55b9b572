//! HTML decoding with `scraper`: the visible DOM as light Markdown text, plus the head's
//! meta tags and JSON-LD blocks.

use super::{DecodeError, Document, Limits};

/// Decodes an HTML page.
pub fn decode_html(bytes: &[u8], _limits: &Limits) -> Result<Document, DecodeError> {
    // Placeholder until the DOM walker lands: the text decoder keeps the page readable.
    super::text::decode_text(bytes)
}
