//! Extract: the segmented page into the fields of the [`Record`].
//!
//! Takes the cleaned lines and their segments (and, for HTML and PDF, the source's own
//! metadata) and fills the record. Each field is filled once: the source metadata cascade
//! runs first ([`meta`]), then the text extractors fill what is still empty, recording in
//! `provenance` where each value came from.

pub mod author_cards;
pub mod authors;
pub mod bibtex;
pub mod bounded;
pub mod dates;
pub mod funding;
pub mod header;
pub mod labels;
pub mod locator;
pub mod meta;
pub mod names;
pub mod pages;
pub mod reference;
pub mod references;
pub mod text;

use crate::clean::Line;
use crate::decode::Document;
use crate::extract::authors::Byline;
use crate::record::Record;
use crate::segment::{SectionKind, Segment};
use std::cell::OnceCell;

/// The page as the extractors see it: lines and the segments over them.
pub struct Page<'a> {
    pub lines: &'a [Line],
    pub segments: &'a [Segment],
    /// The article title as the document's own title gives it (the page's `<title>` or a
    /// PDF's metadata title with the site's name cut away), to find it in the text.
    pub title_hint: Option<String>,
    /// The byline of the header segment, found on first use: the header (for the title
    /// above it) and the authors both need it, and the search reads every header line.
    header_byline: OnceCell<Option<(usize, usize, Byline)>>,
}

impl<'a> Page<'a> {
    pub fn new(lines: &'a [Line], segments: &'a [Segment], title_hint: Option<String>) -> Self {
        Page {
            lines,
            segments,
            title_hint,
            header_byline: OnceCell::new(),
        }
    }

    /// The byline of the first header segment: where it starts and ends in that segment's
    /// lines, and its names ([`authors::find_byline`]).
    pub fn header_byline(&self) -> Option<&(usize, usize, Byline)> {
        self.header_byline
            .get_or_init(|| {
                self.first(SectionKind::Header)
                    .and_then(|header| authors::find_byline(self.lines_of(header)))
            })
            .as_ref()
    }

    /// Every segment of a kind, in page order.
    pub fn sections(&self, kind: SectionKind) -> impl Iterator<Item = &'a Segment> + 'a {
        self.segments.iter().filter(move |s| s.kind == kind)
    }

    /// The lines of a segment.
    pub fn lines_of(&self, segment: &Segment) -> &'a [Line] {
        &self.lines[segment.lines.clone()]
    }

    /// The first segment of a kind.
    pub fn first(&self, kind: SectionKind) -> Option<&'a Segment> {
        self.segments.iter().find(|s| s.kind == kind)
    }
}

/// Fills the record from the decoded document and its segmented lines.
pub fn extract_fields(record: &mut Record, document: &Document, page: &Page<'_>) {
    meta::fill_from_source_meta(record, &document.meta);
    let bibtex_entry = bibtex::fill_from_bibtex(record, page);
    header::extract_header(record, page);
    meta::bound_abstract_by_dom(record, &document.meta);
    authors::extract_authors(record, page);
    if let Some(entry) = &bibtex_entry {
        bibtex::merge_authors(record, entry);
    }
    meta::fill_journal_from_document_title(record, &document.meta);
    header::journal_title_from_abbrev(record);
    funding::extract_funding(record, page);
    references::extract_reference_list(record, page);
    references::extract_cited_by_and_related(record, page);
    header::extract_body(record, page);
}
