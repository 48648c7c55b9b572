//! Any bytes through the HTML decoder: an error or a document, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papersift::decode::{Limits, html::decode_html};

fuzz_target!(|data: &[u8]| {
    let _ = decode_html(data, &Limits::default());
});
