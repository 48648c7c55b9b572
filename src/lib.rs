//! papersift turns scraped journal article pages (text dumps, saved HTML, PDFs) into clean,
//! validated metadata records.
//!
//! The pipeline runs in stages, one module each: [`input`] sniffs the format, [`decode`]
//! turns bytes into text and source metadata, [`clean`] strips site chrome, [`segment`]
//! finds the parts of the page, [`extract`] fills the [`record::Record`], and [`validate`]
//! checks it against the JSON Schema. [`pipeline::extract_document`] runs them all.
//!
//! ```
//! use papersift::pipeline::{extract_document, Options};
//!
//! let page = "Skip to main content\n\
//!     DOI: https://doi.org/10.1038/xyz.2019.77\n\
//!     Abstract\n\
//!     We study things.\n\
//!     References\n\
//!     1. Bianchi G, Borgonovo G. Immunosuppressive cells. Histol Histopathol 2011; 26: 941–51.\n";
//! let record = extract_document("page.txt", page.as_bytes(), &Options::default());
//! assert_eq!(record.doi.as_deref(), Some("10.1038/xyz.2019.77"));
//! assert_eq!(record.references.len(), 1);
//! assert_eq!(record.references[0].page_last.as_deref(), Some("951"));
//! ```

pub mod batch;
pub mod clean;
pub mod csl;
pub mod decode;
pub mod eval;
pub mod extract;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod profiles;
pub mod record;
pub mod rules;
pub mod segment;
pub mod validate;

pub use extract::reference::parse_reference;
pub use pipeline::{Options, extract_document};
pub use record::Record;
