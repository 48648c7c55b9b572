//! Tests of `eval pages`: the field scorer on hand-made gold/record pairs, the corpus
//! runner on a made-up corpus in a temporary folder, the floors gate, and (when
//! `../shared/corpus` is present) every real gold file.
//!
//! All article data here is invented; nothing is copied from the corpus.

use papersift::eval::pages::gold::GoldRefAuthor;
use papersift::eval::pages::report::KindFloor;
use papersift::eval::pages::score::gold_ref_family;
use papersift::eval::pages::{
    Counts, EvalConfig, Floors, Gold, InputKind, SCORED_GOLD_FIELDS, evaluate_corpus, score_record,
};
use papersift::record::{Affiliation, Author, Funding, Record, RefAuthor, Reference, Source};
use std::path::{Path, PathBuf};

fn empty_record() -> Record {
    Record::empty(Source {
        path: "case/input.txt".to_owned(),
        format: "text".to_owned(),
        sha256: String::new(),
        bytes: 0,
        site: None,
    })
}

fn author(name: &str, family: &str) -> Author {
    Author {
        name: name.to_owned(),
        family: Some(family.to_owned()),
        ..Author::default()
    }
}

fn reference(family: &[&str], title: &str, year: i32, volume: &str, first: &str) -> Reference {
    Reference {
        authors: family
            .iter()
            .map(|f| RefAuthor {
                family: Some((*f).to_owned()),
                ..RefAuthor::default()
            })
            .collect(),
        title: Some(title.to_owned()),
        year: Some(year),
        volume: Some(volume.to_owned()),
        page_first: Some(first.to_owned()),
        ..Reference::from_raw(format!(
            "{} {title} {year} {volume} {first}",
            family.join(" ")
        ))
    }
}

const fn c(tp: u32, fp: u32, fn_: u32) -> Counts {
    Counts { tp, fp, fn_ }
}

/// (what it checks, gold JSON, how the record is filled, field, soft counts, strict counts)
type ScorerCase = (
    &'static str,
    &'static str,
    fn(&mut Record),
    &'static str,
    Counts,
    Counts,
);

const SCORER_CASES: &[ScorerCase] = &[
    (
        "exact title",
        r#"{"gold_fields":["title"],"title":"Tidal Heating of Icy Moons"}"#,
        |r| r.title = Some("Tidal  Heating of Icy Moons ".into()),
        "title",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "title differing in case and punctuation matches soft only",
        r#"{"gold_fields":["title"],"title":"Tidal Heating of Icy Moons"}"#,
        |r| r.title = Some("Tidal heating of icy moons:".into()),
        "title",
        c(1, 0, 0),
        c(0, 1, 1),
    ),
    (
        "missing title is a false negative",
        r#"{"gold_fields":["title"],"title":"Tidal Heating of Icy Moons"}"#,
        |_| {},
        "title",
        c(0, 0, 1),
        c(0, 0, 1),
    ),
    (
        "wrong title is one false positive and one false negative",
        r#"{"gold_fields":["title"],"title":"Tidal Heating of Icy Moons"}"#,
        |r| r.title = Some("Skip to main content".into()),
        "title",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "extra value where the gold has none is a false positive",
        r#"{"gold_fields":["issue"],"issue":null}"#,
        |r| r.issue = Some("4".into()),
        "issue",
        c(0, 1, 0),
        c(0, 1, 0),
    ),
    (
        "both empty is not counted",
        r#"{"gold_fields":["issue"],"issue":null}"#,
        |_| {},
        "issue",
        c(0, 0, 0),
        c(0, 0, 0),
    ),
    (
        "DOI compares case-insensitively and without a resolver prefix",
        r#"{"gold_fields":["doi"],"doi":"10.5555/ABC.2020.17"}"#,
        |r| r.doi = Some("https://doi.org/10.5555/abc.2020.17".into()),
        "doi",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "journal is the record's journal title",
        r#"{"gold_fields":["journal"],"journal":"Journal of Invented Results"}"#,
        |r| r.journal.abbrev = Some("Journal of Invented Results".into()),
        "journal",
        c(0, 0, 1),
        c(0, 0, 1),
    ),
    (
        "journal_abbrev is the record's journal abbreviation",
        r#"{"gold_fields":["journal_abbrev"],"journal_abbrev":"J. Invent. Res."}"#,
        |r| r.journal.abbrev = Some("J Invent Res".into()),
        "journal_abbrev",
        c(1, 0, 0),
        c(0, 1, 1),
    ),
    (
        "an abbreviated gold last page is expanded before comparing",
        r#"{"gold_fields":["first_page","last_page"],"first_page":"1338","last_page":"45"}"#,
        |r| {
            r.page_first = Some("1338".into());
            r.page_last = Some("1345".into());
        },
        "last_page",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "year",
        r#"{"gold_fields":["year"],"year":2019}"#,
        |r| r.year = Some(2018),
        "year",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "dates are compared per kind of date",
        r#"{"gold_fields":["dates.received"],"dates":{"received":"2014-07-31","published":"2015-01-01"}}"#,
        |r| {
            r.dates.received = Some("2014-07-31".into());
            r.dates.published = Some("1999-01-01".into());
        },
        "dates.received",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "a more precise date matches a year-only gold date under soft matching",
        r#"{"gold_fields":["dates.published"],"dates":{"published":"2009"}}"#,
        |r| r.dates.published = Some("2009-02-01".into()),
        "dates.published",
        c(1, 0, 0),
        c(0, 1, 1),
    ),
    (
        "a less precise date does not match a full gold date",
        r#"{"gold_fields":["dates.published"],"dates":{"published":"2009-02-01"}}"#,
        |r| r.dates.published = Some("2009".into()),
        "dates.published",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "keywords are a set",
        r#"{"gold_fields":["keywords"],"keywords":["zebra","Yak","xerus"]}"#,
        |r| r.keywords = vec!["xerus".into(), "yak".into(), "walrus".into()],
        "keywords",
        c(2, 1, 1),
        c(1, 2, 2),
    ),
    (
        "abstract must start and end like the gold",
        r#"{"gold_fields":["abstract_starts","abstract_ends"],
            "abstract_starts":"We measured the tides","abstract_ends":"heats the ice shell."}"#,
        |r| {
            r.abstract_text = Some(
                "We measured the tides of two moons.\n\nTheir flexing heats the ice shell.".into(),
            )
        },
        "abstract",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "abstract with the wrong end",
        r#"{"gold_fields":["abstract_starts","abstract_ends"],
            "abstract_starts":"We measured the tides","abstract_ends":"heats the ice shell."}"#,
        |r| r.abstract_text = Some("We measured the tides. Cookie settings".into()),
        "abstract",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "a structured abstract's leading label is skipped under soft matching only",
        r#"{"gold_fields":["abstract_starts","abstract_ends"],
            "abstract_starts":"We measured the tides","abstract_ends":"heats the ice shell."}"#,
        |r| {
            r.abstract_text =
                Some("Background\nWe measured the tides; it heats the ice shell.".into())
        },
        "abstract",
        c(1, 0, 0),
        c(0, 1, 1),
    ),
    (
        "a gold end cut with an ellipsis only has to occur in the abstract",
        r#"{"gold_fields":["abstract_starts","abstract_ends"],
            "abstract_starts":"We measured the tides","abstract_ends":"of two moons. Th..."}"#,
        |r| {
            r.abstract_text =
                Some("We measured the tides of two moons. Their flexing heats the shell.".into())
        },
        "abstract",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "a label glued to the gold start is skipped under soft matching",
        r#"{"gold_fields":["abstract_starts"],"abstract_starts":"AbstractWe measured the tides"}"#,
        |r| r.abstract_text = Some("We measured the tides of two moons.".into()),
        "abstract",
        c(1, 0, 0),
        c(0, 1, 1),
    ),
    (
        "an abstract that only contains the gold start does not match",
        r#"{"gold_fields":["abstract_starts"],"abstract_starts":"We measured the tides"}"#,
        |r| r.abstract_text = Some("Cookie banner. We measured the tides of two moons.".into()),
        "abstract",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "a missing author costs one false negative, not a shift of the rest",
        r#"{"gold_fields":["authors"],"authors":[{"family":"Alder"},{"family":"Birch"},{"family":"Cedar"}]}"#,
        |r| r.authors = vec![author("A. Alder", "Alder"), author("C. Cedar", "Cedar")],
        "authors",
        c(2, 0, 1),
        c(2, 0, 1),
    ),
    (
        "authors are an ordered list",
        r#"{"gold_fields":["authors"],"authors":[{"family":"Alder"},{"family":"Birch"},{"family":"Cedar"}]}"#,
        |r| {
            r.authors = vec![
                author("C. Cedar", "Cedar"),
                author("B. Birch", "Birch"),
                author("A. Alder", "Alder"),
            ]
        },
        "authors",
        c(1, 2, 2),
        c(1, 2, 2),
    ),
    (
        "an author without a family name falls back to the last word of the name",
        r#"{"gold_fields":["authors"],"authors":[{"family":"Alder"}]}"#,
        |r| {
            r.authors = vec![Author {
                name: "Ann Alder".into(),
                ..Author::default()
            }]
        },
        "authors",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "a gold family guessed from the last word matches a longer family name",
        r#"{"gold_fields":["authors"],"authors_name_split_guessed":true,
            "authors":[{"name":"Mia van der Berg","family":"Berg"}]}"#,
        |r| r.authors = vec![author("Mia van der Berg", "van der Berg")],
        "authors",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "without the guess flag a longer family name is wrong",
        r#"{"gold_fields":["authors"],"authors":[{"name":"Mia van der Berg","family":"Berg"}]}"#,
        |r| r.authors = vec![author("Mia van der Berg", "van der Berg")],
        "authors",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "author affiliations compare by linked text, not by id",
        r#"{"gold_fields":["authors","authors.affiliations"],
            "authors":[{"family":"Alder","affiliations":[1,2]},{"family":"Birch","affiliations":[2]}],
            "affiliations":[{"id":1,"text":"Dept. of Ice, Univ. of Nowhere"},{"id":2,"text":"Tide Lab, Elsewhere"}]}"#,
        |r| {
            r.affiliations = vec![
                Affiliation {
                    id: "a".into(),
                    text: "Tide Lab, Elsewhere".into(),
                    ..Affiliation::default()
                },
                Affiliation {
                    id: "b".into(),
                    text: "Dept of Ice Univ of Nowhere".into(),
                    ..Affiliation::default()
                },
            ];
            let mut alder = author("A. Alder", "Alder");
            alder.affiliations = vec!["b".into()];
            let mut birch = author("B. Birch", "Birch");
            birch.affiliations = vec!["a".into(), "b".into()];
            r.authors = vec![alder, birch];
        },
        "authors.affiliations",
        c(2, 1, 1),
        c(1, 2, 2),
    ),
    (
        "corresponding flags of aligned authors",
        r#"{"gold_fields":["authors","authors.corresponding"],
            "authors":[{"family":"Alder","corresponding":true},{"family":"Birch"}]}"#,
        |r| {
            let mut birch = author("B. Birch", "Birch");
            birch.corresponding = true;
            r.authors = vec![author("A. Alder", "Alder"), birch];
        },
        "authors.corresponding",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "affiliations are a set of texts",
        r#"{"gold_fields":["affiliations"],
            "affiliations":[{"id":1,"text":"Dept. of Ice, Univ. of Nowhere"},{"id":2,"text":"Tide Lab, Elsewhere"}]}"#,
        |r| {
            r.affiliations = vec![Affiliation {
                id: "1".into(),
                text: "Tide Lab, Elsewhere".into(),
                ..Affiliation::default()
            }]
        },
        "affiliations",
        c(1, 0, 1),
        c(1, 0, 1),
    ),
    (
        "funders",
        r#"{"gold_fields":["funding"],"funding":[{"funder":"Invented Science Fund","awards":["ISF-12"]}]}"#,
        |r| {
            r.funding = vec![Funding {
                funder: "Invented Science Fund".into(),
                award_ids: vec!["ISF-12".into(), "ISF-99".into()],
                text: None,
            }]
        },
        "funding.funder",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "award ids",
        r#"{"gold_fields":["funding"],"funding":[{"funder":"Invented Science Fund","awards":["ISF-12"]}]}"#,
        |r| {
            r.funding = vec![Funding {
                funder: "Invented Science Fund".into(),
                award_ids: vec!["ISF-12".into(), "ISF-99".into()],
                text: None,
            }]
        },
        "funding.awards",
        c(1, 1, 0),
        c(1, 1, 0),
    ),
    (
        "reference count",
        r#"{"gold_fields":["references_count"],"references_count":3}"#,
        |r| r.references = vec![Reference::from_raw("x"), Reference::from_raw("y")],
        "references_count",
        c(0, 1, 1),
        c(0, 1, 1),
    ),
    (
        "references are aligned before their titles are compared",
        r#"{"gold_fields":["references"],"references":[
            {"n":1,"authors":["Alder A"],"title":"Ice shells","year":2001,"volume":"3","first_page":"10"},
            {"n":2,"authors":["B. Birch"],"title":"Tidal flexing","year":2002,"volume":"4","first_page":"20"}]}"#,
        |r| {
            r.references = vec![
                reference(&["Birch"], "Tidal Flexing.", 2002, "4", "20"),
                reference(&["Alder"], "Ice shells", 2001, "3", "10"),
                reference(&["Cedar"], "Unrelated", 1990, "9", "99"),
            ]
        },
        "references.title",
        c(2, 1, 0),
        c(1, 2, 1),
    ),
    (
        "reference authors from display strings in either name order",
        r#"{"gold_fields":["references"],"references":[
            {"n":1,"authors":["Alder A","B. C. Birch"],"title":"Ice shells","year":2001,"volume":"3","first_page":"10"}]}"#,
        |r| {
            r.references = vec![reference(
                &["Alder", "Birch"],
                "Ice shells",
                2001,
                "3",
                "10",
            )]
        },
        "references.authors",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
    (
        "a reference sub-field no gold reference has is not scored",
        r#"{"gold_fields":["references"],"references":[
            {"n":1,"authors":["Alder A"],"title":null,"year":2001,"volume":"3","first_page":"10"}]}"#,
        |r| r.references = vec![reference(&["Alder"], "Ice shells", 2001, "3", "10")],
        "references.title",
        c(0, 0, 0),
        c(0, 0, 0),
    ),
    (
        "an abbreviated gold reference last page is expanded",
        r#"{"gold_fields":["references"],"references":[
            {"n":1,"title":"Ice shells","year":2001,"volume":"3","first_page":"314","last_page":"7"}]}"#,
        |r| {
            let mut one = reference(&[], "Ice shells", 2001, "3", "314");
            one.page_last = Some("317".into());
            r.references = vec![one];
        },
        "references.last_page",
        c(1, 0, 0),
        c(1, 0, 0),
    ),
];

#[test]
fn field_scorer_counts_hand_made_cases() {
    let mut failures = Vec::new();
    for (what, gold_json, fill, field, soft, strict) in SCORER_CASES {
        let gold = Gold::parse(gold_json.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}"));
        let mut record = empty_record();
        fill(&mut record);
        let score = score_record(&gold, &record);
        let got = score.fields.get(*field).copied().unwrap_or_default();
        if got.soft != *soft || got.strict != *strict {
            failures.push(format!(
                "{what}: {field}: soft {:?} (want {soft:?}), strict {:?} (want {strict:?}); misses {:?}",
                got.soft, got.strict, score.misses
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn fields_outside_gold_fields_are_not_scored() {
    let gold =
        Gold::parse(br#"{"gold_fields":["doi"],"title":"Known but not covered","doi":null}"#)
            .unwrap();
    let mut record = empty_record();
    record.title = Some("Anything".into());
    let score = score_record(&gold, &record);
    assert!(!score.fields.contains_key("title"));
    assert!(score.fields.contains_key("doi"));
}

#[test]
fn misses_show_gold_and_prediction() {
    let gold = Gold::parse(br#"{"gold_fields":["title"],"title":"Tidal Heating"}"#).unwrap();
    let mut record = empty_record();
    record.title = Some("Cookie settings".into());
    let score = score_record(&gold, &record);
    assert_eq!(score.misses.len(), 1);
    assert_eq!(score.misses[0].gold.as_deref(), Some("Tidal Heating"));
    assert_eq!(
        score.misses[0].predicted.as_deref(),
        Some("Cookie settings")
    );
    assert!(!score.misses[0].strict_only);
}

#[test]
fn boilerplate_strings_are_found_in_any_content_field() {
    let gold = Gold::parse(
        br#"{"gold_fields":["title"],"title":"Ice","boilerplate_must_be_absent":["Accept all cookies"]}"#,
    )
    .unwrap();
    let mut record = empty_record();
    record.title = Some("Ice".into());
    record.authors = vec![author("Accept All Cookies", "Cookies")];
    record.source.path = "accept all cookies.html".into();
    let score = score_record(&gold, &record);
    let fields: Vec<&str> = score.boilerplate.iter().map(|h| h.field.as_str()).collect();
    assert_eq!(fields, ["authors[0].name"]);
}

#[test]
fn display_name_families_drop_initials() {
    let cases = [
        ("Bottino M C", "Bottino"),
        ("J. R. Vittengl", "Vittengl"),
        ("JW Lawton", "Lawton"),
        ("Chu T-M G", "Chu"),
        ("van Tulder MW", "van Tulder"),
        ("Smith, John", "Smith"),
        ("WHO", "WHO"),
    ];
    for (display, family) in cases {
        assert_eq!(
            gold_ref_family(&GoldRefAuthor::Display(display.into())),
            family,
            "{display}"
        );
    }
}

/// A tiny made-up corpus: one good case with a text dump and an HTML page, one with a
/// broken gold file.
fn write_corpus(dir: &Path) {
    let good = dir.join("inv-0001");
    std::fs::create_dir_all(&good).unwrap();
    std::fs::write(
        good.join("gold.json"),
        r#"{"gold_fields":["title","doi"],"title":"Tidal Heating of Icy Moons",
            "doi":"10.5555/inv.0001","boilerplate_must_be_absent":["Accept all cookies"]}"#,
    )
    .unwrap();
    std::fs::write(
        good.join("dump.txt"),
        "Tidal Heating of Icy Moons\n\nAbstract\nWe measured tides.\n\nhttps://doi.org/10.5555/inv.0001\n",
    )
    .unwrap();
    std::fs::write(
        good.join("source.html"),
        r#"<!DOCTYPE html><html><head><meta name="citation_title" content="Tidal Heating of Icy Moons">
<meta name="citation_doi" content="10.5555/inv.0001"></head>
<body><h1>Tidal Heating of Icy Moons</h1><p>DOI: 10.5555/inv.0001</p></body></html>"#,
    )
    .unwrap();
    let bad = dir.join("inv-0002");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("gold.json"), "{ not json").unwrap();
    std::fs::write(bad.join("dump.txt"), "Some page\n").unwrap();
    std::fs::create_dir_all(dir.join("no-gold-here")).unwrap();
}

#[test]
fn corpus_runner_scores_every_kind_and_survives_a_bad_case() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let report = evaluate_corpus(dir.path(), &EvalConfig::default(), &|_| {}).unwrap();
    assert_eq!(report.cases, 2);
    assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
    assert_eq!(report.failures[0].case, "inv-0002");
    let kinds: Vec<InputKind> = report.results.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [InputKind::Html, InputKind::HtmlNoMeta, InputKind::DumpTxt]
    );
    for result in &report.results {
        assert_eq!(result.publisher, "inv");
        for field in ["title", "doi"] {
            let score = result.score.fields[field];
            assert_eq!(
                score.soft.tp + score.soft.fn_,
                1,
                "{:?} {field}: the gold value is counted once",
                result.kind
            );
        }
    }
    let tables = report.render_tables(5);
    for needle in [
        "By input kind",
        "html-no-meta",
        "dump.txt",
        "By publisher",
        "inv-0002",
    ] {
        assert!(tables.contains(needle), "{needle} missing from:\n{tables}");
    }
    let only_dump = EvalConfig {
        kinds: vec![InputKind::DumpTxt],
        case_filters: vec!["0001".into()],
        ..EvalConfig::default()
    };
    let report = evaluate_corpus(dir.path(), &only_dump, &|_| {}).unwrap();
    assert_eq!(report.cases, 1);
    assert_eq!(report.results.len(), 1);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["by_kind"][0]["name"], "dump.txt");
}

#[test]
fn floors_gate_reports_kinds_below_their_floor() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let report = evaluate_corpus(dir.path(), &EvalConfig::default(), &|_| {}).unwrap();
    let dump_f1 = report
        .by_kind
        .iter()
        .find(|k| k.name == "dump.txt")
        .and_then(|k| k.soft_f1)
        .unwrap_or(0.0);

    let floors: Floors = serde_json::from_value(serde_json::json!({
        "kinds": {"dump.txt": 1.01_f64.min(dump_f1 + 0.5), "print.pdf": 0.5, "html": {"all": 0.0}}
    }))
    .unwrap();
    let (breaches, not_run) = report.check_floors(&floors);
    assert_eq!(not_run, ["print.pdf"]);
    assert_eq!(breaches.len(), 1, "{breaches:?}");
    assert_eq!(breaches[0].kind, "dump.txt");
    assert!(breaches[0].to_string().contains("below its floor"));

    let pinned = report.pinned_floors(0.02);
    let (breaches, not_run) = report.check_floors(&pinned);
    assert!(breaches.is_empty() && not_run.is_empty(), "{breaches:?}");
    for floor in pinned.kinds.values() {
        if let KindFloor::Groups { all: Some(v), .. } = floor {
            assert!(*v >= 0.0);
        }
    }
}

#[test]
fn floors_file_rejects_unknown_kinds_and_out_of_range_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("floors.json");
    std::fs::write(&path, r#"{"kinds":{"print.doc":0.1}}"#).unwrap();
    assert!(
        Floors::load(&path)
            .unwrap_err()
            .to_string()
            .contains("print.doc")
    );
    std::fs::write(&path, r#"{"kinds":{"html":1.5}}"#).unwrap();
    assert!(Floors::load(&path).is_err());
    std::fs::write(&path, r#"{"kinds":{"html":{"header":0.4}}}"#).unwrap();
    assert!(Floors::load(&path).is_ok());
}

#[test]
fn repository_floors_file_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("quality/pages-floors.json");
    let floors = Floors::load(&path).unwrap();
    assert!(!floors.kinds.is_empty());
}

fn corpus_pages() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pages");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} not found (the dev corpus sits beside the repository)",
            dir.display()
        );
        None
    }
}

/// A record holding exactly what a gold says: scoring it must be perfect.
fn record_from_gold(gold: &Gold) -> Record {
    let mut r = empty_record();
    r.title = gold.title.clone();
    r.article_type = gold.article_type.clone();
    r.journal.title = gold.journal.clone();
    r.journal.abbrev = gold.journal_abbrev.clone();
    r.volume = gold.volume.clone();
    r.issue = gold.issue.clone();
    r.article_number = gold.article_number.clone();
    r.page_first = gold.first_page.clone();
    r.page_last = gold
        .last_page
        .as_deref()
        .map(|last| match &gold.first_page {
            Some(first) => papersift::extract::pages::expand_last_page(first, last),
            None => last.to_owned(),
        });
    r.year = gold.year;
    r.doi = gold.doi.clone();
    r.dates.received = gold.dates.received.clone();
    r.dates.revised = gold.dates.revised.clone();
    r.dates.accepted = gold.dates.accepted.clone();
    r.dates.published = gold.dates.published.clone();
    r.keywords = gold.keywords.clone();
    r.abstract_text = match (&gold.abstract_starts, &gold.abstract_ends) {
        (None, None) => None,
        (s, e) => Some(format!(
            "{} middle {}",
            s.as_deref().unwrap_or(""),
            e.as_deref().unwrap_or("")
        )),
    };
    r.affiliations = gold
        .affiliations
        .iter()
        .map(|a| Affiliation {
            id: format!("x{}", a.id.as_deref().unwrap_or("")),
            text: a.text.clone(),
            ..Affiliation::default()
        })
        .collect();
    r.authors = gold
        .authors
        .iter()
        .map(|a| Author {
            name: a.name.clone().unwrap_or_default(),
            given: a.given.clone(),
            family: a.family.clone(),
            orcid: a.orcid.clone(),
            affiliations: a.affiliations.iter().map(|id| format!("x{id}")).collect(),
            corresponding: a.corresponding,
            ..Author::default()
        })
        .collect();
    r.funding = gold
        .funding
        .iter()
        .map(|f| Funding {
            funder: f.funder.clone(),
            award_ids: f.awards.clone(),
            text: None,
        })
        .collect();
    r.references = gold
        .references
        .iter()
        .map(|g| Reference {
            number: g.n,
            authors: g
                .authors
                .iter()
                .map(|a| RefAuthor {
                    family: Some(gold_ref_family(a)),
                    ..RefAuthor::default()
                })
                .collect(),
            title: g.title.clone(),
            container_title: g.journal.clone(),
            year: g.year,
            volume: g.volume.clone(),
            issue: g.issue.clone(),
            page_first: g.first_page.clone(),
            page_last: g.last_page.as_deref().map(|last| match &g.first_page {
                Some(first) => papersift::extract::pages::expand_last_page(first, last),
                None => last.to_owned(),
            }),
            doi: g.doi.clone(),
            ..Reference::from_raw(
                g.raw
                    .clone()
                    .unwrap_or_else(|| format!("reference {:?}", g.n)),
            )
        })
        .collect();
    // The gold counts the visible list; a record of the gold's own list has that many.
    if let Some(count) = gold.references_count {
        while r.references.len() < count as usize {
            r.references.push(Reference::from_raw(format!(
                "filler {}",
                r.references.len()
            )));
        }
    }
    r
}

#[test]
fn every_corpus_gold_parses_and_uses_known_fields() {
    let Some(dir) = corpus_pages() else { return };
    let mut problems = Vec::new();
    let mut parsed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let case = entry.unwrap().path();
        let path = case.join("gold.json");
        if !path.is_file() {
            continue;
        }
        match Gold::load(&path) {
            Ok(gold) => {
                parsed += 1;
                if gold.gold_fields.is_empty() {
                    problems.push(format!("{}: empty gold_fields", path.display()));
                }
                for key in &gold.gold_fields {
                    if !SCORED_GOLD_FIELDS.contains(&key.as_str()) {
                        problems.push(format!(
                            "{}: gold field {key:?} is not scored",
                            path.display()
                        ));
                    }
                }
            }
            Err(err) => problems.push(err.to_string()),
        }
    }
    assert!(parsed > 0, "no gold.json under {}", dir.display());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_corpus_gold_scores_perfectly_against_itself_and_zero_against_nothing() {
    let Some(dir) = corpus_pages() else { return };
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path().join("gold.json");
        let Ok(gold) = Gold::load(&path) else {
            continue;
        };
        let perfect = score_record(&gold, &record_from_gold(&gold));
        for (field, score) in &perfect.fields {
            if score.soft.fp + score.soft.fn_ > 0 || score.strict.fp + score.strict.fn_ > 0 {
                problems.push(format!("{}: {field}: {score:?}", path.display()));
            }
        }
        let nothing = score_record(&gold, &empty_record());
        for (field, score) in &nothing.fields {
            if score.soft.tp + score.soft.fp > 0 {
                problems.push(format!(
                    "{}: empty record scores on {field}: {score:?}",
                    path.display()
                ));
            }
        }
        let counted: u32 = nothing.fields.values().map(|s| s.soft.fn_).sum();
        if counted == 0 {
            problems.push(format!("{}: nothing to score", path.display()));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

fn run_binary(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_papersift"))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run papersift")
}

#[test]
fn command_exits_3_below_a_floor_and_writes_the_json_report() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("pages");
    write_corpus(&corpus);
    let high = dir.path().join("high.json");
    // The made-up case has no references: nothing counted is a soft F1 of 0.
    std::fs::write(&high, r#"{"kinds":{"dump.txt":{"references":0.5}}}"#).unwrap();
    let low = dir.path().join("low.json");
    std::fs::write(&low, r#"{"kinds":{"dump.txt":0.0}}"#).unwrap();
    let json = dir.path().join("report.json");

    let os = |s: &str| std::ffi::OsString::from(s);
    let args = |floors: &Path| {
        vec![
            os("eval"),
            os("pages"),
            corpus.clone().into_os_string(),
            os("--case"),
            os("0001"),
            os("--kind"),
            os("dump.txt"),
            os("--floors"),
            floors.as_os_str().to_owned(),
            os("--json"),
            json.clone().into_os_string(),
        ]
    };
    let refs = |v: &[std::ffi::OsString]| {
        v.iter()
            .map(|s| s.as_os_str().to_owned())
            .collect::<Vec<_>>()
    };

    let high_args = refs(&args(&high));
    let output = run_binary(&high_args.iter().map(|s| s.as_os_str()).collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("BELOW FLOOR: dump.txt (references fields)"),
        "{stderr}"
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).expect("JSON report");
    assert_eq!(report["by_kind"][0]["name"], "dump.txt");
    assert_eq!(report["results"].as_array().map(Vec::len), Some(1));

    let low_args = refs(&args(&low));
    let output = run_binary(&low_args.iter().map(|s| s.as_os_str()).collect::<Vec<_>>());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("By input kind"), "{stdout}");

    let output = run_binary(&[
        os("eval").as_os_str(),
        os("pages").as_os_str(),
        corpus.as_os_str(),
        os("--kind").as_os_str(),
        os("print.doc").as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
}
