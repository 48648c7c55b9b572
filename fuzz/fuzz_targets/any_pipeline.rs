//! Any bytes through the whole pipeline with the format sniffed, as `extract` reads files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papersift::pipeline::{Options, extract_document};

fuzz_target!(|data: &[u8]| {
    let record = extract_document("fuzz", data, &Options::default());
    assert!(
        !record.errors.iter().any(|e| e.code == "internal_error"),
        "a stage panicked: {:?}",
        record.errors
    );
    let value = serde_json::to_value(&record).expect("record serialises");
    let findings = papersift::validate::schema_findings(&value);
    assert!(findings.is_empty(), "schema findings: {findings:?}");
});
