//! Any string through the reference parser: never panics, keeps the raw string, and every
//! value it finds for the title occurs in the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|raw: &str| {
    let reference = papersift::parse_reference(raw);
    let squeezed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let input = squeezed(raw);
    if let Some(title) = &reference.title {
        assert!(input.contains(&squeezed(title)), "title {title:?} not in {raw:?}");
    }
    let value = serde_json::to_value(&reference).expect("reference serialises");
    assert!(value.is_object());
});
