//! The HTML decoder and the source-metadata cascade over the dev corpus
//! (`../shared/corpus/pages/*/source.html`). Skips with a message when the corpus is absent.
//!
//! `cargo test --test html_corpus -- --ignored --nocapture` also prints per-field agreement
//! of the metadata cascade with each case's gold, and writes each page's Markdown to
//! `$HTML_CORPUS_DUMP` (a folder) when that variable is set.

use papersift::decode::{Limits, html::decode_html};
use papersift::extract::meta::fill_from_source_meta;
use papersift::record::{Record, Source};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus_pages() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pages");
    let Ok(entries) = std::fs::read_dir(&root) else {
        eprintln!(
            "skipping: corpus not found at {} (it lives beside the repository)",
            root.display()
        );
        return None;
    };
    let mut pages: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    Some(pages)
}

#[test]
fn every_corpus_page_decodes_with_text() {
    let Some(pages) = corpus_pages() else {
        return;
    };
    assert!(!pages.is_empty(), "no source.html found in the corpus");
    for page in &pages {
        let bytes = std::fs::read(page.join("source.html")).expect("readable");
        let doc = decode_html(&bytes, &Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        let words = doc.text.split_whitespace().count();
        assert!(words > 50, "{}: only {words} words of text", page.display());
        assert!(
            doc.text.lines().any(|l| l.starts_with("# ")),
            "{}: no title heading",
            page.display()
        );
    }
}

#[test]
fn bad_inputs_decode_or_fail_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bad-inputs");
    let Ok(entries) = std::fs::read_dir(&root) else {
        eprintln!("skipping: {} not found", root.display());
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        // Must not panic; errors are fine for empty or binary files.
        let _ =
            papersift::decode::decode(&bytes, papersift::input::Format::Html, &Limits::default());
    }
    let fragment = root.join("fragment-no-head-aip-1-4820389.html");
    if let Ok(bytes) = std::fs::read(&fragment) {
        let doc = decode_html(&bytes, &Limits::default()).expect("fragment decodes");
        assert!(doc.text.split_whitespace().count() > 100, "fragment text");
    }
}

fn gold_str(gold: &Value, key: &str) -> Option<String> {
    match &gold[key] {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The page with every `<meta>` tag and JSON-LD block removed (the "HTML without meta"
/// evaluation mode): the visible text alone must carry title and authors.
fn strip_meta(html: &str) -> String {
    let meta = regex::Regex::new(r"(?is)<meta\b[^>]*>").unwrap();
    let json_ld =
        regex::Regex::new(r#"(?is)<script[^>]*application/ld\+json[^>]*>.*?</script>"#).unwrap();
    let html = meta.replace_all(html, "");
    json_ld.replace_all(&html, "").into_owned()
}

/// Without meta tags the title must still be the first `#` heading of the text.
#[test]
fn title_is_the_first_heading_without_meta_tags() {
    let Some(pages) = corpus_pages() else {
        return;
    };
    let mut checked = 0;
    let mut agreed = 0;
    let mut misses = Vec::new();
    for page in &pages {
        let Ok(gold_text) = std::fs::read_to_string(page.join("gold.json")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&gold_text).expect("gold json");
        let Some(title) = gold["title"].as_str() else {
            continue;
        };
        let html =
            String::from_utf8_lossy(&std::fs::read(page.join("source.html")).unwrap()).into_owned();
        let doc = decode_html(strip_meta(&html).as_bytes(), &Limits::default()).expect("decodes");
        let first = doc
            .text
            .lines()
            .find(|l| l.starts_with("# "))
            .unwrap_or("")
            .trim_start_matches("# ");
        checked += 1;
        if norm(first) == norm(title) {
            agreed += 1;
        } else {
            misses.push(format!("{}: {first:?}", page.display()));
        }
    }
    println!("title as first heading without meta: {agreed}/{checked}");
    for miss in &misses {
        println!("  {miss}");
    }
    // Floor: most pages print their title as the first heading.
    assert!(
        agreed * 10 >= checked * 8,
        "only {agreed}/{checked} titles: {misses:#?}"
    );
}

/// Per-field agreement of the metadata cascade with gold. Informational: prints a table.
#[test]
#[ignore = "prints a report; run with --ignored --nocapture"]
fn report_meta_agreement() {
    let Some(pages) = corpus_pages() else {
        return;
    };
    let dump_dir = std::env::var_os("HTML_CORPUS_DUMP").map(PathBuf::from);
    // field -> (scored, agreed)
    let mut totals: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for page in &pages {
        let case = page.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(page.join("source.html")).expect("readable");
        let doc = decode_html(&bytes, &Limits::default()).expect("decodes");
        if let Some(dir) = &dump_dir {
            std::fs::create_dir_all(dir).ok();
            std::fs::write(dir.join(format!("{case}.md")), &doc.text).ok();
        }
        let Ok(gold_text) = std::fs::read_to_string(page.join("gold.json")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&gold_text).expect("gold json");
        let fields: Vec<String> = gold["gold_fields"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let mut record = Record::empty(Source {
            path: case.clone(),
            format: "html".into(),
            sha256: String::new(),
            bytes: 0,
            site: None,
        });
        fill_from_source_meta(&mut record, &doc.meta);
        let got_family: Vec<String> = record
            .authors
            .iter()
            .map(|a| norm(a.family.as_deref().unwrap_or(&a.name)))
            .collect();
        let gold_family: Vec<String> = gold["authors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| norm(x["family"].as_str().unwrap_or("")))
                    .collect()
            })
            .unwrap_or_default();
        let got_affs = record.affiliations.len();
        let gold_affs = gold["affiliations"].as_array().map_or(0, Vec::len);
        let checks: Vec<(&str, Option<String>, Option<String>)> = vec![
            ("title", record.title.clone(), gold_str(&gold, "title")),
            ("doi", record.doi.clone(), gold_str(&gold, "doi")),
            (
                "journal",
                record.journal.title.clone(),
                gold_str(&gold, "journal"),
            ),
            ("volume", record.volume.clone(), gold_str(&gold, "volume")),
            ("issue", record.issue.clone(), gold_str(&gold, "issue")),
            (
                "first_page",
                record.page_first.clone(),
                gold_str(&gold, "first_page"),
            ),
            (
                "last_page",
                record.page_last.clone(),
                gold_str(&gold, "last_page"),
            ),
            (
                "year",
                record.year.map(|y| y.to_string()),
                gold_str(&gold, "year"),
            ),
            (
                "dates.published",
                record.dates.published.clone(),
                gold["dates"]["published"].as_str().map(str::to_owned),
            ),
            (
                "authors",
                Some(got_family.join(";")),
                Some(gold_family.join(";")),
            ),
            (
                "authors.affiliations",
                Some(got_affs.to_string()),
                Some(gold_affs.to_string()),
            ),
            (
                "abstract",
                record
                    .abstract_text
                    .as_deref()
                    .map(|a| norm(a).chars().take(40).collect()),
                gold_str(&gold, "abstract_starts").map(|a| norm(&a).chars().take(40).collect()),
            ),
        ];
        for (field, got, want) in checks {
            let scored_name = if field == "abstract" {
                "abstract_starts"
            } else {
                field
            };
            if !fields.iter().any(|f| f == scored_name) {
                continue;
            }
            let agree = match (&got, &want) {
                (Some(g), Some(w)) => norm(g) == norm(w),
                (None, None) => true,
                _ => false,
            };
            let entry = totals.entry(field).or_default();
            entry.0 += 1;
            if agree {
                entry.1 += 1;
            } else {
                println!("MISS {case} {field}: got {got:?} want {want:?}");
            }
        }
    }
    println!("\nfield                  agreed/scored");
    for (field, (scored, agreed)) in &totals {
        println!("{field:22} {agreed:3}/{scored:3}");
    }
}

/// How much of the gold a page's visible text carries once its meta tags are gone: author
/// family names on list lines, affiliation texts, abstract start, reference count.
/// Informational: prints a table.
#[test]
#[ignore = "prints a report; run with --ignored --nocapture"]
fn report_visible_fields_without_meta() {
    let Some(pages) = corpus_pages() else {
        return;
    };
    let (mut authors_total, mut authors_listed, mut authors_seen) = (0, 0, 0);
    let (mut affs_total, mut affs_seen) = (0, 0);
    let (mut abstracts_total, mut abstracts_seen) = (0, 0);
    for page in &pages {
        let Ok(gold_text) = std::fs::read_to_string(page.join("gold.json")) else {
            continue;
        };
        let gold: Value = serde_json::from_str(&gold_text).expect("gold json");
        let html =
            String::from_utf8_lossy(&std::fs::read(page.join("source.html")).unwrap()).into_owned();
        let doc = decode_html(strip_meta(&html).as_bytes(), &Limits::default()).expect("decodes");
        let text_norm = norm(&doc.text);
        let list_lines: Vec<String> = doc
            .text
            .lines()
            .filter(|l| l.starts_with("• ") || l.starts_with("○ "))
            .map(norm)
            .collect();
        let case = page.file_name().unwrap().to_string_lossy().to_string();
        let mut unlisted = Vec::new();
        for author in gold["authors"].as_array().into_iter().flatten() {
            let family = norm(author["family"].as_str().unwrap_or(""));
            if family.is_empty() {
                continue;
            }
            authors_total += 1;
            if text_norm.contains(&family) {
                authors_seen += 1;
            }
            if list_lines.iter().any(|l| l.contains(&family)) {
                authors_listed += 1;
            } else {
                unlisted.push(family);
            }
        }
        if !unlisted.is_empty() {
            println!("{case}: authors not on list lines: {}", unlisted.join(", "));
        }
        for aff in gold["affiliations"].as_array().into_iter().flatten() {
            let text: String = norm(aff["text"].as_str().unwrap_or(""))
                .chars()
                .take(30)
                .collect();
            if text.is_empty() {
                continue;
            }
            affs_total += 1;
            if text_norm.contains(&text) {
                affs_seen += 1;
            } else {
                println!("{case}: affiliation not in text: {text}");
            }
        }
        if let Some(start) = gold["abstract_starts"].as_str() {
            let start: String = norm(start).chars().take(40).collect();
            abstracts_total += 1;
            if text_norm.contains(&start) {
                abstracts_seen += 1;
            } else {
                println!("{case}: abstract start not in text");
            }
        }
    }
    println!("\nwithout meta tags, in the visible text:");
    println!("author family names present     {authors_seen}/{authors_total}");
    println!("author family names on • lines  {authors_listed}/{authors_total}");
    println!("affiliation texts present       {affs_seen}/{affs_total}");
    println!("abstract starts present         {abstracts_seen}/{abstracts_total}");
}
