//! Properties of the whole pipeline on generated input (proptest; case counts are kept
//! small so `cargo test` stays fast — the fuzz targets in `fuzz/` go deeper):
//! - any bytes, in any format, give a record that validates against the schema;
//! - extraction never invents text: the title, DOI and author names of a record read from
//!   a text page occur in that page;
//! - the reference parser never joins text across an identifier it cut out: the title and
//!   journal it finds occur in the reference.

use papersift::input::Format;
use papersift::pipeline::{Options, extract_document};
use papersift::record::Status;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use unicode_normalization::UnicodeNormalization;

fn assert_valid(record: &papersift::Record) -> Result<(), TestCaseError> {
    let value = serde_json::to_value(record).expect("a record serialises");
    let findings = papersift::validate::schema_findings(&value);
    prop_assert!(findings.is_empty(), "schema findings: {findings:?}");
    prop_assert!(
        !record.errors.iter().any(|e| e.code == "internal_error"),
        "a stage panicked: {:?}",
        record.errors
    );
    prop_assert_eq!(record.status == Status::Failed, !record.errors.is_empty());
    Ok(())
}

/// Lines that look like parts of an article page, so generated pages reach the extractors.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Abstract".to_owned()),
        Just("References".to_owned()),
        Just("Skip to main content".to_owned()),
        Just("Article | Open access | Published: 12 March 2019".to_owned()),
        "[A-Z][a-z]{2,9}( [a-z]{2,9}){2,9}",
        "[A-Z]\\. [A-Z][a-z]{2,9}(, [A-Z]\\. [A-Z][a-z]{2,9}){0,3}( & [A-Z]\\. [A-Z][a-z]{2,9})?",
        "DOI: (https://doi.org/)?10\\.[0-9]{4,5}/[a-z0-9.]{3,12}",
        "[0-9]{1,2}\\. [A-Z][a-z]+ [A-Z]{1,2}, [A-Z][a-z]+ [A-Z]\\. [A-Z][a-z ]{5,30}\\. [A-Z][a-z]+ [0-9]{4}; [0-9]{1,3}: [0-9]{1,4}[–-][0-9]{1,4}\\.",
        "Received: [0-9]{1,2} (January|June|October) 20[0-2][0-9]",
        "[\\PC]{0,60}",
    ]
}

/// Pieces of a reference: words, initials, numbers, punctuation, and identifiers (which
/// the parser cuts out) anywhere among them.
fn reference_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{1,9}",
        "[a-z]{1,9}",
        "[A-Z]\\.",
        "(19|20)[0-9]{2}",
        "[0-9]{1,3}(-[0-9]{1,3})?",
        "[.,;:()\"'“”]",
        Just("https://example.org/a/b".to_owned()),
        Just("www.example.com".to_owned()),
        Just("doi:10.1000/xyz.1".to_owned()),
        Just("PMID: 12345678".to_owned()),
        Just("arXiv:1234.56789".to_owned()),
    ]
}

fn reference() -> impl Strategy<Value = String> {
    prop::collection::vec((reference_piece(), prop::bool::weighted(0.8)), 1..40).prop_map(
        |pieces| {
            let mut text = String::new();
            for (piece, spaced) in pieces {
                if spaced && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&piece);
            }
            text
        },
    )
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(page_line(), 0..40).prop_map(|lines| lines.join("\n"))
}

/// Text as the "does it occur in the input" check compares it: Unicode-normalised, lower
/// case, letters and digits only (lines may be rejoined, hyphenation repaired and Markdown
/// emphasis or link brackets removed; none of that invents a letter).
fn squeeze(text: &str) -> String {
    text.nfkc()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A fixed seed keeps `cargo test` repeatable; set `PROPTEST_CASES` or `PROPTEST_RNG_SEED`
/// to explore further (for example `PROPTEST_CASES=20000 cargo test --test properties`).
fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    let exploring = ["PROPTEST_CASES", "PROPTEST_RNG_SEED"]
        .iter()
        .any(|name| std::env::var_os(name).is_some());
    if exploring {
        base
    } else {
        ProptestConfig {
            cases: 64,
            rng_seed: RngSeed::Fixed(0x5eed_f00d),
            ..base
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_give_a_valid_record(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
        format in prop::sample::select(vec![None, Some(Format::Text), Some(Format::Html), Some(Format::Pdf)]),
    ) {
        let options = Options { format, ..Options::default() };
        let record = extract_document("prop.bin", &bytes, &options);
        assert_valid(&record)?;
        prop_assert_eq!(record.source.bytes, bytes.len() as u64);
    }

    #[test]
    fn html_shaped_bytes_give_a_valid_record(
        body in page(),
        title in "[\\PC]{0,40}",
        depth in 0usize..64,
    ) {
        let html = format!(
            "<!DOCTYPE html><html><head><title>{title}</title><meta name=\"citation_title\" content=\"{title}\"></head><body>{}{}{}</body></html>",
            "<div>".repeat(depth),
            body.replace('\n', "<br>\n"),
            "</div>".repeat(depth),
        );
        let record = extract_document("prop.html", html.as_bytes(), &Options::default());
        assert_valid(&record)?;
    }

    #[test]
    fn text_extraction_invents_nothing(text in page()) {
        let record = extract_document("prop.txt", text.as_bytes(), &Options::default());
        assert_valid(&record)?;
        let input = squeeze(&text);
        let mut found: Vec<(&str, &str)> = Vec::new();
        if let Some(title) = &record.title {
            found.push(("title", title));
        }
        if let Some(doi) = &record.doi {
            found.push(("doi", doi));
        }
        for author in &record.authors {
            found.push(("author", &author.name));
        }
        for (field, value) in found {
            prop_assert!(
                input.contains(&squeeze(value)),
                "{field} {value:?} does not occur in the input {text:?}"
            );
        }
    }

    #[test]
    fn reference_fields_never_span_a_cut_identifier(raw in reference()) {
        let reference = papersift::parse_reference(&raw);
        // The parser joins digit groups (`13 757–13 762`) and drops carets: compared
        // without spaces and carets, a value occurs in the input unless it joined text
        // across a cut (the full stop left there is no part of the input).
        let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '^').collect::<String>();
        let input = squeezed(&raw);
        let fields = [("title", &reference.title), ("container", &reference.container_title)];
        for (field, value) in fields {
            if let Some(value) = value {
                prop_assert!(
                    input.contains(&squeezed(value)),
                    "{field} {value:?} does not occur in {raw:?}"
                );
            }
        }
    }
}
