//! Every PDF of the dev corpus decodes without panicking, and the bad inputs fail with the
//! right `DecodeError`. Skips with a message when `../shared/corpus` is absent.

use std::path::{Path, PathBuf};

use papersift::decode::pdf::decode_pdf;
use papersift::decode::{DecodeError, Limits};

fn corpus() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if root.is_dir() {
        Some(root)
    } else {
        eprintln!("skipping: corpus not found at {}", root.display());
        None
    }
}

#[test]
fn every_corpus_pdf_decodes_with_text() {
    let Some(root) = corpus() else { return };
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("pages"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        checked += 1;
        match decode_pdf(&bytes, &Limits::default()) {
            Ok(doc) => {
                let words = doc.text.split_whitespace().count();
                if words < 50 {
                    failures.push(format!("{}: only {words} words", path.display()));
                }
                if doc.text.contains(['\u{FB01}', '\u{FB02}', '\u{FB00}']) {
                    failures.push(format!(
                        "{}: ligature glyphs left in the text",
                        path.display()
                    ));
                }
            }
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(checked > 0, "no PDFs found under the corpus");
    assert!(
        failures.is_empty(),
        "{} of {checked} PDFs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Most lines holding only a list number ("27.") a publisher's PDF may decode to: a
/// numbered reference list keeps each number on its reference's first line, in either
/// column. (A page number wrapped alone, "849.", looks the same; a few are allowed.)
const MAX_LONE_NUMBERS: usize = 2;

#[test]
fn reference_numbers_stay_with_their_references_in_publisher_pdfs() {
    let Some(root) = corpus() else { return };
    let mut failures = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("pages"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "publisher.pdf")
    {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let Ok(doc) = decode_pdf(&bytes, &Limits::default()) else {
            continue;
        };
        let lone = doc
            .text
            .lines()
            .filter(|l| {
                let digits = l.trim().trim_end_matches('.');
                l.trim().ends_with('.')
                    && (1..=3).contains(&digits.len())
                    && digits.bytes().all(|b| b.is_ascii_digit())
            })
            .count();
        if lone > MAX_LONE_NUMBERS {
            failures.push(format!("{}: {lone} lone numbers", entry.path().display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_inputs_give_the_right_error() {
    let Some(root) = corpus() else { return };
    let bad = root.join("bad-inputs");
    type Expect = fn(&DecodeError) -> bool;
    let cases: &[(&str, Expect)] = &[
        ("corrupt-ijsem-052902-0.pdf", |e| {
            matches!(e, DecodeError::CorruptPdf(_) | DecodeError::NoText)
        }),
        ("empty.pdf", |e| matches!(e, DecodeError::CorruptPdf(_))),
        ("empty.html", |e| matches!(e, DecodeError::CorruptPdf(_))),
        ("cloudflare-acs-acscombsci-5b00087.html", |e| {
            matches!(e, DecodeError::CorruptPdf(_))
        }),
    ];
    for (name, expected) in cases {
        let Ok(bytes) = std::fs::read(bad.join(name)) else {
            eprintln!("skipping {name}: not present");
            continue;
        };
        match decode_pdf(&bytes, &Limits::default()) {
            Ok(doc) => panic!(
                "{name}: decoded to {} bytes of text, expected an error",
                doc.text.len()
            ),
            Err(e) => assert!(expected(&e), "{name}: unexpected error {e:?}"),
        }
    }
}

#[test]
fn pdf_bytes_named_html_and_the_challenge_print_decode() {
    let Some(root) = corpus() else { return };
    for name in [
        "binary-pdf-named-as.html",
        "cloudflare-acs-acscombsci-5b00087.print.pdf",
    ] {
        let Ok(bytes) = std::fs::read(root.join("bad-inputs").join(name)) else {
            continue;
        };
        let doc = decode_pdf(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!doc.text.trim().is_empty(), "{name}: no text");
    }
}

#[test]
fn a_tiny_time_limit_times_out() {
    let Some(root) = corpus() else { return };
    let Some(path) = walkdir::WalkDir::new(root.join("pages"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .find(|p| p.file_name().is_some_and(|n| n == "print.pdf"))
    else {
        return;
    };
    let bytes = std::fs::read(&path).expect("readable");
    let limits = Limits {
        max_seconds: 0.0,
        ..Limits::default()
    };
    assert_eq!(
        decode_pdf(&bytes, &limits).err(),
        Some(DecodeError::Timeout(0.0))
    );
}

#[test]
fn truncated_and_damaged_pdfs_fail_cleanly() {
    let Some(root) = corpus() else { return };
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(root.join("pages"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.file_name().is_some_and(|n| n == "publisher.pdf"))
        .collect();
    paths.sort();
    for path in paths.iter().take(4) {
        let bytes = std::fs::read(path).expect("readable");
        for share in [0.1, 0.5, 0.9] {
            let cut = (bytes.len() as f64 * share) as usize;
            // Any outcome but a panic or a hang is fine; most cuts still read some pages.
            let _ = decode_pdf(&bytes[..cut], &Limits::default());
        }
        let mut flipped = bytes.clone();
        for i in (1000..flipped.len()).step_by(997) {
            flipped[i] ^= 0x5a;
        }
        let _ = decode_pdf(&flipped, &Limits::default());
    }
}
