//! Any bytes through the PDF decoder: an error or a document, never a panic or a hang.
//! Inputs are given the PDF header so the fuzzer spends its time past the magic bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papersift::decode::{Limits, pdf::decode_pdf};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if data.starts_with(b"%PDF-") {
        let _ = decode_pdf(data, &limits);
    } else {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend_from_slice(data);
        let _ = decode_pdf(&bytes, &limits);
    }
});
