//! Any bytes read as a text dump through the whole pipeline: never panics (the pipeline's
//! own catch_unwind is not counted on: a caught panic is recorded as `internal_error`,
//! which this target treats as a finding), and the record always validates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papersift::input::Format;
use papersift::pipeline::{Options, extract_document};

fuzz_target!(|data: &[u8]| {
    let options = Options {
        format: Some(Format::Text),
        ..Options::default()
    };
    let record = extract_document("fuzz.txt", data, &options);
    assert!(
        !record.errors.iter().any(|e| e.code == "internal_error"),
        "a stage panicked: {:?}",
        record.errors
    );
    let value = serde_json::to_value(&record).expect("record serialises");
    let findings = papersift::validate::schema_findings(&value);
    assert!(findings.is_empty(), "schema findings: {findings:?}");
});
