//! Any string through the reference parser: never panics, finds no empty identifier, and
//! every value it finds for the title or the journal occurs in the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|raw: &str| {
    let reference = papersift::parse_reference(raw);
    // The parser joins digit groups (`13 757–13 762`) and drops carets: compared without
    // whitespace and carets, a value occurs in the input unless the parser joined text
    // across an identifier it cut out (or made text up).
    let squeezed = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '^')
            .collect::<String>()
    };
    let input = squeezed(raw);
    let fields = [
        ("title", &reference.title),
        ("container", &reference.container_title),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            assert!(
                input.contains(&squeezed(value)),
                "{field} {value:?} not in {raw:?}"
            );
        }
    }
    // The schema wants no empty identifier.
    let ids = [&reference.doi, &reference.url, &reference.pmid, &reference.pmcid];
    assert!(
        ids.iter().all(|id| id.as_ref().is_none_or(|id| !id.is_empty())),
        "an empty identifier from {raw:?}"
    );
    let value = serde_json::to_value(&reference).expect("reference serialises");
    assert!(value.is_object());
});
