//! Table-driven tests of `parse_reference` across citation styles and reference kinds.
//!
//! Eleven invented journal articles (one journal with a colon in its name) are rendered in each supported style (Vancouver, AMA,
//! Nature, Springer, Elsevier, APA, Harvard, Chicago, MLA, IEEE, ACS, physics) and must
//! parse back into the same fields. Hand-written tables cover the other kinds (books,
//! chapters, conference papers, theses, reports, web pages, preprints) and details (DOIs,
//! group authors, particles, page forms, year letters). Every reference here is invented.

use papersift::parse_reference;
use papersift::record::Reference;

struct Person {
    family: &'static str,
    /// Initials without dots, e.g. `MA`.
    initials: &'static str,
    given: &'static str,
}

struct Work {
    authors: &'static [Person],
    title: &'static str,
    journal: &'static str,
    /// Dotted ISO abbreviation.
    abbrev: &'static str,
    /// NLM abbreviation, no dots.
    nlm: &'static str,
    year: i32,
    volume: &'static str,
    issue: &'static str,
    first: &'static str,
    last: &'static str,
}

const fn p(family: &'static str, initials: &'static str, given: &'static str) -> Person {
    Person {
        family,
        initials,
        given,
    }
}

const WORKS: &[Work] = &[
    Work {
        authors: &[
            p("Moretti", "L", "Lucia"),
            p("Castellano", "P", "Paolo"),
            p("Ferri", "A", "Anna"),
        ],
        title: "Stromal signals in regenerating tissue: a review",
        journal: "Tissue Regeneration Reviews",
        abbrev: "Tissue Regen. Rev.",
        nlm: "Tissue Regen Rev",
        year: 2014,
        volume: "12",
        issue: "3",
        first: "311",
        last: "324",
    },
    Work {
        authors: &[p("Okafor", "N", "Nnamdi"), p("Lindqvist", "B", "Britta")],
        title: "Does soil carbon turnover slow under drought?",
        journal: "Plant and Soil",
        abbrev: "Plant Soil",
        nlm: "Plant Soil",
        year: 2016,
        volume: "402",
        issue: "1",
        first: "117",
        last: "130",
    },
    Work {
        authors: &[
            p("van der Berg", "J", "Johanna"),
            p("de Souza", "MA", "Marco"),
        ],
        title: "Coastal erosion in the North Sea after 2010",
        journal: "Journal of Coastal Studies",
        abbrev: "J. Coast. Stud.",
        nlm: "J Coast Stud",
        year: 2012,
        volume: "8",
        issue: "2",
        first: "45",
        last: "59",
    },
    Work {
        authors: &[
            p("Müller", "K", "Katrin"),
            p("Øster", "H", "Henrik"),
            p("Łukasik", "P", "Piotr"),
        ],
        title: "Heat tolerance in alpine beetles",
        journal: "Ecological Entomology",
        abbrev: "Ecol. Entomol.",
        nlm: "Ecol Entomol",
        year: 2018,
        volume: "43",
        issue: "5",
        first: "601",
        last: "612",
    },
    Work {
        authors: &[p("Nakamura", "H", "Hiroshi")],
        title: "Fishing villages and coastal memory",
        journal: "Journal of Maritime History",
        abbrev: "J. Marit. Hist.",
        nlm: "J Marit Hist",
        year: 2008,
        volume: "14",
        issue: "2",
        first: "33",
        last: "58",
    },
    Work {
        authors: &[p("Brennan", "SM", "Sarah"), p("Ortiz", "R", "Rafael")],
        title: "Attention and reading fluency in bilingual children",
        journal: "Journal of Child Language",
        abbrev: "J. Child Lang.",
        nlm: "J Child Lang",
        year: 2019,
        volume: "46",
        issue: "3",
        first: "512",
        last: "530",
    },
    Work {
        authors: &[
            p("Zare Mehrjardi", "M", "Mohammad"),
            p("Karimi", "S", "Sara"),
        ],
        title: "Three-dimensional imaging of fetal brain anomalies",
        journal: "Pediatric Radiology",
        abbrev: "Pediatr. Radiol.",
        nlm: "Pediatr Radiol",
        year: 2017,
        volume: "47",
        issue: "10",
        first: "1201",
        last: "1215",
    },
    Work {
        authors: &[
            p("Varga", "E", "Eszter"),
            p("Holm", "JP", "Jens"),
            p("Achebe", "C", "Chidi"),
            p("Silva", "T", "Tiago"),
        ],
        title: "Ligand effects in copper catalysis",
        journal: "Journal of Organic Chemistry",
        abbrev: "J. Org. Chem.",
        nlm: "J Org Chem",
        year: 2011,
        volume: "76",
        issue: "21",
        first: "8810",
        last: "8818",
    },
    Work {
        authors: &[p("Whitfield", "A", "Amelia")],
        title: "Trade credit in small firms",
        journal: "Journal of Small Business Finance",
        abbrev: "J. Small Bus. Finance",
        nlm: "J Small Bus Finance",
        year: 2012,
        volume: "21",
        issue: "2",
        first: "77",
        last: "95",
    },
    Work {
        authors: &[p("O'Neill", "D", "Declan"), p("Fitzgerald", "C", "Ciara")],
        title: "Rainfall variability and crop yields in the Sahel",
        journal: "Climate Research",
        abbrev: "Clim. Res.",
        nlm: "Clim Res",
        year: 2005,
        volume: "29",
        issue: "4",
        first: "1338",
        last: "1345",
    },
    // A journal whose name holds a colon, which `Place: Publisher` must not take.
    Work {
        authors: &[p("Almeida", "R", "Rita"), p("Brandt", "K", "Karin")],
        title: "Gender agreement in heritage speakers of Portuguese",
        journal: "Bilingualism: Language and Cognition",
        abbrev: "Biling.: Lang. Cogn.",
        nlm: "Biling Lang Cogn",
        year: 2013,
        volume: "16",
        issue: "3",
        first: "538",
        last: "557",
    },
];

/// `1338`, `1345` -> `1338–45`.
fn abbreviated(first: &str, last: &str) -> String {
    let common = first
        .bytes()
        .zip(last.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let keep = common.min(first.len().saturating_sub(1));
    format!("{first}–{}", &last[keep.min(last.len() - 1)..])
}

fn dotted(initials: &str) -> String {
    initials
        .chars()
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

fn join_last(names: &[String], sep: &str, last_sep: &str) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{}{last_sep}{}", names[..n - 1].join(sep), names[n - 1]),
    }
}

/// What a rendering keeps: some styles drop the issue or the title, or cut authors.
struct Expect {
    families: Vec<&'static str>,
    et_al: bool,
    title: Option<&'static str>,
    container: String,
    issue: Option<&'static str>,
}

type Style = fn(&Work) -> (String, Expect);

fn expect(w: &Work, container: &str, issue: bool) -> Expect {
    Expect {
        families: w.authors.iter().map(|a| a.family).collect(),
        et_al: false,
        title: Some(w.title),
        container: container.to_owned(),
        issue: issue.then_some(w.issue),
    }
}

fn vancouver(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{} {}", a.family, a.initials))
        .collect();
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "{}. {}{} {} {}; {}({}): {}.",
            names.join(", "),
            w.title,
            title_end,
            w.nlm,
            w.year,
            w.volume,
            w.issue,
            abbreviated(w.first, w.last)
        ),
        expect(w, w.nlm, true),
    )
}

fn ama(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{} {}", a.family, a.initials))
        .collect();
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "{}. {}{} {}. {};{}({}):{}-{}.",
            names.join(", "),
            w.title,
            title_end,
            w.nlm,
            w.year,
            w.volume,
            w.issue,
            w.first,
            w.last
        ),
        expect(w, w.nlm, true),
    )
}

fn nature(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{}, {}", a.family, dotted(a.initials)))
        .collect();
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "{} {}{} {} {}, {}–{} ({}).",
            join_last(&names, ", ", " & "),
            w.title,
            title_end,
            w.abbrev,
            w.volume,
            w.first,
            w.last,
            w.year
        ),
        expect(w, w.abbrev.trim_end_matches('.'), false),
    )
}

fn springer(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{} {}", a.family, a.initials))
        .collect();
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "{} ({}) {}{} {} {}:{}–{}",
            names.join(", "),
            w.year,
            w.title,
            title_end,
            w.nlm,
            w.volume,
            w.first,
            w.last
        ),
        expect(w, w.nlm, false),
    )
}

fn elsevier(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{} {}", dotted(a.initials).replace(' ', ""), a.family))
        .collect();
    (
        format!(
            "{}, {}, {} {} ({}) {}–{}.",
            names.join(", "),
            w.title,
            w.abbrev,
            w.volume,
            w.year,
            w.first,
            w.last
        ),
        expect(w, w.abbrev.trim_end_matches('.'), false),
    )
}

fn apa(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{}, {}", a.family, dotted(a.initials)))
        .collect();
    let authors = if names.len() > 1 {
        join_last(&names, ", ", ", & ")
    } else {
        names[0].clone()
    };
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "{} ({}). {}{} {}, {}({}), {}–{}. https://doi.org/10.5555/inv.{}.{}",
            authors,
            w.year,
            w.title,
            title_end,
            w.journal,
            w.volume,
            w.issue,
            w.first,
            w.last,
            w.year,
            w.first
        ),
        expect(w, w.journal, true),
    )
}

fn harvard(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{}, {}", a.family, dotted(a.initials).replace(' ', "")))
        .collect();
    (
        format!(
            "{} ({}) '{}', {}, {}({}), pp. {}–{}.",
            join_last(&names, ", ", " and "),
            w.year,
            w.title,
            w.journal,
            w.volume,
            w.issue,
            w.first,
            w.last
        ),
        expect(w, w.journal, true),
    )
}

fn chicago(w: &Work) -> (String, Expect) {
    let mut names: Vec<String> = Vec::new();
    for (k, a) in w.authors.iter().enumerate() {
        names.push(if k == 0 {
            format!("{}, {}", a.family, a.given)
        } else {
            format!("{} {}", a.given, a.family)
        });
    }
    let authors = if names.len() == 2 {
        names.join(", and ")
    } else {
        join_last(&names, ", ", ", and ")
    };
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "{}. {}. \"{}{}\" {} {}, no. {} ({}): {}.",
            authors,
            w.year,
            w.title,
            title_end,
            w.journal,
            w.volume,
            w.issue,
            w.year,
            abbreviated(w.first, w.last)
        ),
        expect(w, w.journal, true),
    )
}

fn mla(w: &Work) -> (String, Expect) {
    let a0 = &w.authors[0];
    let (authors, families, et_al) = match w.authors.len() {
        1 => (
            format!("{}, {}", a0.family, a0.given),
            vec![a0.family],
            false,
        ),
        2 => {
            let a1 = &w.authors[1];
            (
                format!(
                    "{}, {}, and {} {}",
                    a0.family, a0.given, a1.given, a1.family
                ),
                vec![a0.family, a1.family],
                false,
            )
        }
        _ => (
            format!("{}, {}, et al", a0.family, a0.given),
            vec![a0.family],
            true,
        ),
    };
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    let mut e = expect(w, w.journal, true);
    e.families = families;
    e.et_al = et_al;
    (
        format!(
            "{}. \"{}{}\" {}, vol. {}, no. {}, {}, pp. {}–{}.",
            authors, w.title, title_end, w.journal, w.volume, w.issue, w.year, w.first, w.last
        ),
        e,
    )
}

fn ieee(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{} {}", dotted(a.initials), a.family))
        .collect();
    let authors = if names.len() == 2 {
        names.join(" and ")
    } else {
        join_last(&names, ", ", ", and ")
    };
    let title_end = if w.title.ends_with('?') { "" } else { "," };
    (
        format!(
            "[{}] {}, \"{}{}\" {}, vol. {}, no. {}, pp. {}–{}, {}.",
            w.first.len(),
            authors,
            w.title,
            title_end,
            w.abbrev,
            w.volume,
            w.issue,
            w.first,
            w.last,
            w.year
        ),
        expect(w, w.abbrev.trim_end_matches('.'), true),
    )
}

fn acs(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{}, {}", a.family, dotted(a.initials)))
        .collect();
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "({}) {} {}{} {} {}, {}, {}–{}.",
            w.volume.len() + 10,
            names.join("; "),
            w.title,
            title_end,
            w.abbrev,
            w.year,
            w.volume,
            w.first,
            w.last
        ),
        expect(w, w.abbrev.trim_end_matches('.'), false),
    )
}

fn physics(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{} {}", dotted(a.initials), a.family))
        .collect();
    let authors = if names.len() == 2 {
        names.join(" and ")
    } else {
        join_last(&names, ", ", ", and ")
    };
    let mut e = expect(w, w.abbrev.trim_end_matches('.'), false);
    e.title = None;
    (
        format!(
            "{}, {} {}, {} ({}).",
            authors, w.abbrev, w.volume, w.first, w.year
        ),
        e,
    )
}

/// Copernicus (EGU journals): `Family, I. I., Family, I., and Family, I.: Title, Abbrev.,
/// volume, first–last, doi, year.` (year last, colon after the author list).
fn copernicus(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{}, {}", a.family, dotted(a.initials)))
        .collect();
    let authors = if names.len() == 2 {
        format!("{} and {}", names[0], names[1])
    } else {
        join_last(&names, ", ", ", and ")
    };
    (
        format!(
            "{authors}: {}, {}, {}, {}–{}, https://doi.org/10.5555/inv.{}.{}, {}.",
            w.title, w.abbrev, w.volume, w.first, w.last, w.year, w.first, w.year
        ),
        expect(w, w.abbrev.trim_end_matches('.'), false),
    )
}

/// The ACM reference format: full names, the year after them, the journal's abbreviation,
/// then `volume, issue (year), pages.` and the DOI link.
fn acm(w: &Work) -> (String, Expect) {
    let names: Vec<String> = w
        .authors
        .iter()
        .map(|a| format!("{} {}", a.given, a.family))
        .collect();
    let authors = if names.len() == 2 {
        names.join(" and ")
    } else {
        join_last(&names, ", ", ", and ")
    };
    let title_end = if w.title.ends_with('?') { "" } else { "." };
    (
        format!(
            "{authors}. {}. {}{} {} {}, {} ({}), {}–{}. https://doi.org/10.5555/inv.{}.{}",
            w.year,
            w.title,
            title_end,
            w.abbrev,
            w.volume,
            w.issue,
            w.year,
            w.first,
            w.last,
            w.year,
            w.first
        ),
        expect(w, w.abbrev.trim_end_matches('.'), true),
    )
}

fn check_style(name: &str, style: Style) {
    let mut failures = Vec::new();
    for w in WORKS {
        // `Zare Mehrjardi, Mohammad, and Sara Karimi` reads the same as a list of three
        // natural-order names; Chicago, MLA and ACM cannot tell them apart without a lexicon.
        let compound_first = w.authors[0].family.contains(' ')
            && w.authors[0].family.starts_with(char::is_uppercase);
        if compound_first && matches!(name, "chicago" | "mla" | "acm") {
            continue;
        }
        let (raw, e) = style(w);
        let r = parse_reference(&raw);
        let families: Vec<&str> = r
            .authors
            .iter()
            .filter_map(|a| a.family.as_deref())
            .collect();
        let last = if name == "physics" {
            None
        } else {
            Some(w.last)
        };
        let got = (
            families,
            r.et_al,
            r.title.as_deref(),
            r.container_title.as_deref(),
            r.year,
            r.volume.as_deref(),
            r.issue.as_deref(),
            r.page_first.as_deref(),
            r.page_last.as_deref(),
        );
        let want = (
            e.families.clone(),
            e.et_al,
            e.title.map(|t| t.trim_end_matches('?')),
            Some(e.container.as_str()),
            Some(w.year),
            Some(w.volume),
            e.issue,
            Some(w.first),
            last,
        );
        let got_title_plain = got.2.map(|t| t.trim_end_matches('?'));
        if (
            got.0.clone(),
            got.1,
            got_title_plain,
            got.3,
            got.4,
            got.5,
            got.6,
            got.7,
            got.8,
        ) != want
        {
            failures.push(format!("{name}: {raw}\n   got: {got:?}\n  want: {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn copernicus_style() {
    check_style("copernicus", copernicus);
}

/// Copernicus prints the genre of a preprint, data set or code in brackets after its
/// source, and the page count of a book, thesis or report before the year.
#[test]
fn copernicus_kinds() {
    check_cases(&[
        Case {
            raw: "Okafor, D. A. and Berg, T.: Invented nitrate yields from limonene, Atmos. Chem. Phys. Discuss. [preprint], https://doi.org/10.5555/inv-2018-0412, 2018.",
            kind: "article-journal",
            families: &["Okafor", "Berg"],
            title: Some("Invented nitrate yields from limonene"),
            container: Some("Atmos. Chem. Phys. Discuss."),
            year: Some(2018),
            pages: None,
        },
        Case {
            raw: "Lindqvist, M., Berg, T., and Saarinen, H.: Invented lake platform data, 2016–2017, Invented University data repository [data set], https://doi.org/10.5555/inv-data.4471, 2018.",
            kind: "other",
            families: &["Lindqvist", "Berg", "Saarinen"],
            title: Some("Invented lake platform data, 2016–2017"),
            container: None,
            year: Some(2018),
            pages: None,
        },
        Case {
            raw: "Asante, K. and Montoya, R.: InventPIV v1.2: invented image velocimetry, Zenodo [code], https://doi.org/10.5555/zenodo.inv.12, 2020b.",
            kind: "other",
            families: &["Asante", "Montoya"],
            title: Some("InventPIV v1.2: invented image velocimetry"),
            container: None,
            year: Some(2020),
            pages: None,
        },
        Case {
            raw: "Ivarsson, P.: Invented chemistry of dinitrogen pentoxide, 2nd edn., Nordgren Academic Press, Uppsala, Sweden, 412 pp., 2010.",
            kind: "book",
            families: &["Ivarsson"],
            title: Some("Invented chemistry of dinitrogen pentoxide"),
            container: None,
            year: Some(2010),
            pages: None,
        },
        Case {
            raw: "Pereira-Lind, A.: Invented nitrogen budgets of boreal forests, PhD thesis, University of Kestrel Bay, Kestrel Bay, Canada, 188 pp., 2011.",
            kind: "thesis",
            families: &["Pereira-Lind"],
            title: Some("Invented nitrogen budgets of boreal forests"),
            container: None,
            year: Some(2011),
            pages: None,
        },
        Case {
            raw: "Invented Environment Agency: Air quality in invented cities, available at: https://www.example.org/aq.pdf (last access: 12 May 2020), 2019.",
            kind: "webpage",
            families: &["Invented Environment Agency"],
            title: Some("Air quality in invented cities"),
            container: None,
            year: Some(2019),
            pages: None,
        },
        Case {
            raw: "Wielgosz, T.: Invented flow under ice, PhD thesis, Polytechnic of Lesser Invented, Wisłowice, Poland, 204 pp., 2015.",
            kind: "thesis",
            families: &["Wielgosz"],
            title: Some("Invented flow under ice"),
            container: None,
            year: Some(2015),
            pages: None,
        },
        Case {
            raw: "Invented Agency: Hydrometric winter operations manual, Report HWO-2018-03, Invermoor, UK, 84 pp., 2018.",
            kind: "report",
            families: &["Invented Agency"],
            title: Some("Hydrometric winter operations manual"),
            container: None,
            year: Some(2018),
            pages: None,
        },
        Case {
            raw: "Kowal, B. and Roux, C.: Invented cold-region hydrometry: a survey, Tech. rep., European Invented Hydrometry Network, Brussels, Belgium, 62 pp., 2019.",
            kind: "report",
            families: &["Kowal", "Roux"],
            title: Some("Invented cold-region hydrometry: a survey"),
            container: None,
            year: Some(2019),
            pages: None,
        },
        Case {
            raw: "Holm, P., Abara, S., and Berg, T.: Invented glacier melt, in review, 2020.",
            // Nothing names a container: the kind stays the parser's guess for a titled work.
            kind: "book",
            families: &["Holm", "Abara", "Berg"],
            title: Some("Invented glacier melt"),
            container: None,
            year: Some(2020),
            pages: None,
        },
        Case {
            raw: "IPCC: Invented Climate Change 2013: The Physical Science Basis, edited by: Stocker, T. F. and Qin, D., Invented University Press, Cambridge, UK, 1535 pp., 2013.",
            kind: "book",
            families: &["IPCC"],
            title: Some("Invented Climate Change 2013: The Physical Science Basis"),
            container: None,
            year: Some(2013),
            pages: None,
        },
        Case {
            raw: "Wexford, A. S. and Ng, L.: Invented organic nitrates in transport models, Geosci. Model Dev., 10, 4155–4174, https://doi.org/10.5555/inv-10-4155, 2017.",
            kind: "article-journal",
            families: &["Wexford", "Ng"],
            title: Some("Invented organic nitrates in transport models"),
            container: Some("Geosci. Model Dev"),
            year: Some(2017),
            pages: Some(("4155", Some("4174"))),
        },
        Case {
            raw: "Rautio, K. and Holm, P.: Invented fog over lakes, Remote Sens. Environ., 186, 322–335, 2016.",
            kind: "article-journal",
            families: &["Rautio", "Holm"],
            title: Some("Invented fog over lakes"),
            container: Some("Remote Sens. Environ"),
            year: Some(2016),
            pages: Some(("322", Some("335"))),
        },
    ]);
}

#[test]
fn vancouver_style() {
    check_style("vancouver", vancouver);
}
#[test]
fn ama_style() {
    check_style("ama", ama);
}
#[test]
fn nature_style() {
    check_style("nature", nature);
}
#[test]
fn springer_style() {
    check_style("springer", springer);
}
#[test]
fn elsevier_style() {
    check_style("elsevier", elsevier);
}
#[test]
fn apa_style() {
    check_style("apa", apa);
}
#[test]
fn harvard_style() {
    check_style("harvard", harvard);
}
#[test]
fn chicago_style() {
    check_style("chicago", chicago);
}
#[test]
fn mla_style() {
    check_style("mla", mla);
}
#[test]
fn ieee_style() {
    check_style("ieee", ieee);
}
#[test]
fn acs_style() {
    check_style("acs", acs);
}
#[test]
fn physics_style() {
    check_style("physics", physics);
}
#[test]
fn acm_style() {
    check_style("acm", acm);
}

#[test]
fn apa_dois_are_read() {
    for w in WORKS {
        let (raw, _) = apa(w);
        let r = parse_reference(&raw);
        assert_eq!(
            r.doi,
            Some(format!("10.5555/inv.{}.{}", w.year, w.first)),
            "{raw}"
        );
        assert_eq!(r.kind, "article-journal", "{raw}");
    }
}

/// Expected fields of a hand-written case; `None` means "must be empty".
struct Case {
    raw: &'static str,
    kind: &'static str,
    families: &'static [&'static str],
    title: Option<&'static str>,
    container: Option<&'static str>,
    year: Option<i32>,
    pages: Option<(&'static str, Option<&'static str>)>,
}

fn check_cases(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let r: Reference = parse_reference(c.raw);
        let families: Vec<&str> = r
            .authors
            .iter()
            .filter_map(|a| a.family.as_deref().or(a.literal.as_deref()))
            .collect();
        let got = (
            r.kind.as_str(),
            families,
            r.title.as_deref(),
            r.container_title.as_deref(),
            r.year,
            r.page_first.as_deref().map(|f| (f, r.page_last.as_deref())),
        );
        let want = (
            c.kind,
            c.families.to_vec(),
            c.title,
            c.container,
            c.year,
            c.pages,
        );
        if got != want {
            failures.push(format!("{}\n   got: {got:?}\n  want: {want:?}", c.raw));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reference_kinds() {
    check_cases(&[
        Case {
            raw: "Lindgren P (2009) Soil fungi in boreal forests. In: Abbott R, Chen Y (eds) Methods in Soil Ecology. Springer, Berlin, pp 101–118",
            kind: "chapter",
            families: &["Lindgren"],
            title: Some("Soil fungi in boreal forests"),
            container: Some("Methods in Soil Ecology"),
            year: Some(2009),
            pages: Some(("101", Some("118"))),
        },
        // ACM: the book before its editors, who end with the mark and a full stop.
        Case {
            raw: "Priya Ramaswamy. 2019. Energy harvesting for building sensors. In Energy-Aware Embedded Systems, Lena Vogt and Tariq Hussain (Eds.). Springer Invented, Cham, 45–78.",
            kind: "chapter",
            families: &["Ramaswamy"],
            title: Some("Energy harvesting for building sensors"),
            container: Some("Energy-Aware Embedded Systems"),
            year: Some(2019),
            pages: Some(("45", Some("78"))),
        },
        Case {
            raw: "Tan, W. (2004). Grammar of tone. In M. Reyes & K. Owusu (Eds.), Handbook of phonology (pp. 211–240). Oxford University Press.",
            kind: "chapter",
            families: &["Tan"],
            title: Some("Grammar of tone"),
            container: Some("Handbook of phonology"),
            year: Some(2004),
            pages: Some(("211", Some("240"))),
        },
        Case {
            raw: "Kessler, Anna. The Salt Roads of Europe. Chicago: Lakeshore Press, 1999.",
            kind: "book",
            families: &["Kessler"],
            title: Some("The Salt Roads of Europe"),
            container: None,
            year: Some(1999),
            pages: None,
        },
        Case {
            raw: "Okoye, F. (2011). Water tables and wells. London: Routledge.",
            kind: "book",
            families: &["Okoye"],
            title: Some("Water tables and wells"),
            container: None,
            year: Some(2011),
            pages: None,
        },
        Case {
            raw: "R. Dahl and S. Iyer, \"Low-latency scheduling for edge clusters,\" in Proc. IEEE Int. Conf. Cloud Eng., 2019, pp. 44–52.",
            kind: "paper-conference",
            families: &["Dahl", "Iyer"],
            title: Some("Low-latency scheduling for edge clusters"),
            container: Some("Proc. IEEE Int. Conf. Cloud Eng"),
            year: Some(2019),
            pages: Some(("44", Some("52"))),
        },
        Case {
            raw: "Farouk, D. (2015). Informal credit in rural Egypt (Doctoral dissertation). University of Leeds.",
            kind: "thesis",
            families: &["Farouk"],
            title: Some("Informal credit in rural Egypt"),
            container: None,
            year: Some(2015),
            pages: None,
        },
        Case {
            raw: "World Health Organization. Global report on road safety. Geneva: WHO; 2018.",
            kind: "report",
            families: &["World Health Organization"],
            title: Some("Global report on road safety"),
            container: None,
            year: Some(2018),
            pages: None,
        },
        Case {
            raw: "Ibarra J, Soto M. Mapping hospital beds in Chile [Internet]. 2020 [cited 2021 Mar 3]. Available from: https://example.org/beds",
            kind: "webpage",
            families: &["Ibarra", "Soto"],
            title: Some("Mapping hospital beds in Chile"),
            container: None,
            year: Some(2020),
            pages: None,
        },
        Case {
            raw: "Quist, H. & Lam, V. Sparse attention for long documents. Preprint at https://arxiv.org/abs/2101.01234 (2021).",
            kind: "other",
            families: &["Quist", "Lam"],
            title: Some("Sparse attention for long documents"),
            container: None,
            year: Some(2021),
            pages: None,
        },
        Case {
            raw: "Marsh, T. (2017). Storm surge statistics for the German Bight (Technical Report TR-2017-04). Bremen: Institute for Coastal Research.",
            kind: "report",
            families: &["Marsh"],
            title: Some("Storm surge statistics for the German Bight"),
            container: None,
            year: Some(2017),
            pages: None,
        },
    ]);
}

#[test]
fn reference_details() {
    check_cases(&[
        Case {
            raw: "12. Rossi G, Bianco F, et al. Heart failure in 2020: what changed? Eur Heart J 2021; 42: e941.",
            kind: "article-journal",
            families: &["Rossi", "Bianco"],
            title: Some("Heart failure in 2020: what changed?"),
            container: Some("Eur Heart J"),
            year: Some(2021),
            pages: Some(("e941", None)),
        },
        Case {
            raw: "Petrov AN, In't Veld PJ. Ice nucleation on clay minerals. J Chem Phys 2015a; 142: 1338–45.",
            kind: "article-journal",
            families: &["Petrov", "In't Veld"],
            title: Some("Ice nucleation on clay minerals"),
            container: Some("J Chem Phys"),
            year: Some(2015),
            pages: Some(("1338", Some("1345"))),
        },
        Case {
            raw: "Sørensen, J., & García-López, M. (in press). Fjord sediments. Marine Geology, 401, 12-19.",
            kind: "article-journal",
            families: &["Sørensen", "García-López"],
            title: Some("Fjord sediments"),
            container: Some("Marine Geology"),
            year: None,
            pages: Some(("12", Some("19"))),
        },
        Case {
            raw: "[3] Y. Chen, K. de Vries, and L. Nguyen, \"Graph coloring in 3 rounds?,\" J. Algorithms, vol. 9, pp. 100-7, 1999.",
            kind: "article-journal",
            families: &["Chen", "de Vries", "Nguyen"],
            title: Some("Graph coloring in 3 rounds?"),
            container: Some("J. Algorithms"),
            year: Some(1999),
            pages: Some(("100", Some("107"))),
        },
        Case {
            raw: "Haddad S, Novak J. Bile acids and the gut. Gastroenterology 2008; (10): 3–6. doi: 10.5555/gastro.2008.10 PMID: 18765432",
            kind: "article-journal",
            families: &["Haddad", "Novak"],
            title: Some("Bile acids and the gut"),
            container: Some("Gastroenterology"),
            year: Some(2008),
            pages: Some(("3", Some("6"))),
        },
    ]);
    let r = parse_reference(
        "Haddad S, Novak J. Bile acids and the gut. Gastroenterology 2008; (10): 3–6. doi: 10.5555/gastro.2008.10 PMID: 18765432",
    );
    assert_eq!(r.doi.as_deref(), Some("10.5555/gastro.2008.10"));
    assert_eq!(r.pmid.as_deref(), Some("18765432"));
    assert_eq!((r.volume, r.issue.as_deref()), (None, Some("10")));
    let r = parse_reference(
        "12. Rossi G, Bianco F, et al. Heart failure in 2020: what changed? Eur Heart J 2021; 42: e941.",
    );
    assert!(r.et_al);
    assert_eq!(r.article_number.as_deref(), Some("e941"));
}

/// The seed page's 108 Vancouver references (our own sample): rendering the parsed fields
/// back in the seed's layout must give the raw string, so every field is right.
#[test]
fn seed_vancouver_references_round_trip() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/seed-references.txt"
    );
    let text = std::fs::read_to_string(path).expect("tests/data/seed-references.txt");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 108);
    let mut failures = Vec::new();
    for raw in &lines {
        let r = parse_reference(raw);
        let names: Vec<String> = r
            .authors
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    a.family.as_deref().unwrap_or("?"),
                    a.given.as_deref().unwrap_or("?")
                )
            })
            .collect();
        let authors = if r.et_al {
            format!("{}, et al.", names.join(", "))
        } else {
            format!("{} .", names.join(", "))
        };
        let title = r.title.clone().unwrap_or_default();
        let title_end = if title.ends_with(['?', '!']) { "" } else { "." };
        let volume = match (&r.volume, &r.issue) {
            (Some(v), None) => v.clone(),
            (None, Some(i)) => format!("({i})"),
            (Some(v), Some(i)) => format!("{v}({i})"),
            (None, None) => String::new(),
        };
        let pages = match (&r.page_first, &r.page_last) {
            (Some(f), Some(l)) => format!("{f}–{l}"),
            (Some(f), None) => f.clone(),
            _ => String::new(),
        };
        let rendered = format!(
            "{authors} {title}{title_end} {} {}; {volume}: {pages}.",
            r.container_title.as_deref().unwrap_or("?"),
            r.year.map(|y| y.to_string()).unwrap_or_default()
        );
        // The raw strings print last pages abbreviated; compare with them expanded.
        let expanded = expand_pages_in(raw);
        if rendered != expanded || r.kind != "article-journal" {
            failures.push(format!("{raw}\n  rendered: {rendered} ({})", r.kind));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 108 wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `…; 26: 941–51.` -> `…; 26: 941–951.` using the library's own page expansion.
fn expand_pages_in(raw: &str) -> String {
    let Some(colon) = raw.rfind(": ") else {
        return raw.to_owned();
    };
    let (head, tail) = raw.split_at(colon + 2);
    let pages = tail.trim_end_matches('.');
    match papersift::extract::pages::parse_page_range(pages) {
        Some(range) => match range.last {
            Some(last) => format!("{head}{}–{last}.", range.first),
            None => format!("{head}{}.", range.first),
        },
        None => raw.to_owned(),
    }
}

#[test]
fn group_authors_end_at_their_sentence() {
    check_cases(&[
        // A group author ends the list: capitalised title words after it are no names.
        Case {
            raw: "Global Council for Ocean Health/International Institute for Reef Science. Coral, Sponge, Mangrove Habitat and Climate: a Regional Outlook. Expert Synthesis Report (GCOH, 2021).",
            kind: "report",
            families: &["Global Council for Ocean Health/International Institute for Reef Science"],
            title: Some("Coral, Sponge, Mangrove Habitat and Climate: a Regional Outlook"),
            container: None,
            year: Some(2021),
            pages: None,
        },
        // `Collaborators` and kin make a group, not a family name.
        Case {
            raw: "Seagrass Mapping Collaborators. Regional loss of seagrass meadows since 1990: a systematic analysis. Mar Ecol Rev 12, 101–109 (2021).",
            kind: "article-journal",
            families: &["Seagrass Mapping Collaborators"],
            title: Some("Regional loss of seagrass meadows since 1990: a systematic analysis"),
            container: Some("Mar Ecol Rev"),
            year: Some(2021),
            pages: Some(("101", Some("109"))),
        },
        // A group credited after the persons (`et al.` or `;`) is one more author.
        Case {
            raw: "Okafor RN, Lindqvist P, Brandt DA, et al. TIDE-2 Steering Committee and Investigators. Tidal energy capture in shallow estuaries. MEJ2014;21:301-12.",
            kind: "article-journal",
            families: &[
                "Okafor",
                "Lindqvist",
                "Brandt",
                "TIDE-2 Steering Committee and Investigators",
            ],
            title: Some("Tidal energy capture in shallow estuaries"),
            container: Some("MEJ"),
            year: Some(2014),
            pages: Some(("301", Some("312"))),
        },
        Case {
            raw: "Okafor RN, Lindqvist P; REEF Study Group. Coral cover after bleaching. Mar Ecol Rev 2019;12:44-51.",
            kind: "article-journal",
            families: &["Okafor", "Lindqvist", "REEF Study Group"],
            title: Some("Coral cover after bleaching"),
            container: Some("Mar Ecol Rev"),
            year: Some(2019),
            pages: Some(("44", Some("51"))),
        },
        // A capitalised title with an organisation word is still the title.
        Case {
            raw: "Okafor RN, Lindqvist P, et al. Harbour Board Reports in Practice. Mar Ecol Rev 2019;12:44-51.",
            kind: "article-journal",
            families: &["Okafor", "Lindqvist"],
            title: Some("Harbour Board Reports in Practice"),
            container: Some("Mar Ecol Rev"),
            year: Some(2019),
            pages: Some(("44", Some("51"))),
        },
        // Nature-style chapter without its own title: `in Book (eds …) pages (Publisher, year)`.
        Case {
            raw: "Ruiz, A. B., Holm, K. & Sato, M. in Field Methods in Limnology: A Practical Guide (eds Berg, L. C. et al.) 201–219 (Harbour Press, 2004).",
            kind: "chapter",
            families: &["Ruiz", "Holm", "Sato"],
            title: None,
            container: Some("Field Methods in Limnology: A Practical Guide"),
            year: Some(2004),
            pages: Some(("201", Some("219"))),
        },
    ]);
}

/// Journal header lines: the date between journal and volume stays out of the journal.
#[test]
fn journal_header_locators() {
    type Row = (
        &'static str,
        &'static str,
        i32,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );
    let rows: &[Row] = &[
        (
            "Ann Coast Res. 2015 March; 22(3): 140–151.",
            "Ann Coast Res",
            2015,
            "22",
            "3",
            "140",
            "151",
        ),
        (
            "Hale R, Moss T. Drift of sediment plumes. Ann Coast Res. 2015 Mar 4; 22(3): 140–151.",
            "Ann Coast Res",
            2015,
            "22",
            "3",
            "140",
            "151",
        ),
        (
            "J. Mar. Chem. B, 2003, 47 (9), pp 1201–1209",
            "J. Mar. Chem. B",
            2003,
            "47",
            "9",
            "1201",
            "1209",
        ),
        (
            "Lakes 2016, 8(2), 310-322; doi:10.5555/lakes8020310",
            "Lakes",
            2016,
            "8",
            "2",
            "310",
            "322",
        ),
    ];
    let mut failures = Vec::new();
    for &(raw, container, year, volume, issue, first, last) in rows {
        let r = parse_reference(raw);
        let got = (
            r.container_title.as_deref(),
            r.year,
            r.volume.as_deref(),
            r.issue.as_deref(),
            r.page_first.as_deref(),
            r.page_last.as_deref(),
        );
        let want = (
            Some(container),
            Some(year),
            Some(volume),
            Some(issue),
            Some(first),
            Some(last),
        );
        if got != want {
            failures.push(format!("{raw}\n   got: {got:?}\n  want: {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// PDF extraction glues sentence ends to the next sentence: `Title.JHEP`, `title .Rev .Mod`.
#[test]
fn glued_sentence_ends_split_title_and_journal() {
    check_cases(&[
        Case {
            raw: "Holm, K. and Sato, M.: Spectral flows of layered crystals.JHEP 1304 ,022 ( 2013).",
            kind: "article-journal",
            families: &["Holm", "Sato"],
            title: Some("Spectral flows of layered crystals"),
            container: Some("JHEP"),
            year: Some(2013),
            pages: Some(("022", None)),
        },
        Case {
            raw: "K. Holm. Ordering of spins in disordered lattices .Rev .Mod .Phys .,81 :101-140, May 2009 .",
            kind: "article-journal",
            families: &["Holm"],
            title: Some("Ordering of spins in disordered lattices"),
            container: Some("Rev .Mod .Phys"),
            year: Some(2009),
            pages: Some(("101", Some("140"))),
        },
    ]);
}

/// Acronyms that end a title, and titles that start with `In`.
#[test]
fn title_ends_and_leading_in() {
    check_cases(&[
        Case {
            raw: "Lund, P. K. and Okafor, N. Dating of lake cores using OSL. Journal of Quaternary Methods, 14(2) 201-215, March 2008.",
            kind: "article-journal",
            families: &["Lund", "Okafor"],
            title: Some("Dating of lake cores using OSL"),
            container: Some("Journal of Quaternary Methods"),
            year: Some(2008),
            pages: Some(("201", Some("215"))),
        },
        // A version number ends the title; an abbreviated journal opens after a full stop.
        Case {
            raw: "Okafor RN, Brandt DA. 2013 TIDEKIT: tools for estuary models version 6.0. Mar. Biol. Eng. 30, 2725–2729.",
            kind: "article-journal",
            families: &["Okafor", "Brandt"],
            title: Some("TIDEKIT: tools for estuary models version 6.0"),
            container: Some("Mar. Biol. Eng"),
            year: Some(2013),
            pages: Some(("2725", Some("2729"))),
        },
        Case {
            raw: "Okafor RN. 2011 Salt wedges in tidal rivers. Semin. Hydrol. 23, 106–112.",
            kind: "article-journal",
            families: &["Okafor"],
            title: Some("Salt wedges in tidal rivers"),
            container: Some("Semin. Hydrol"),
            year: Some(2011),
            pages: Some(("106", Some("112"))),
        },
        Case {
            raw: "Kessler, A. In Search of Lost Rivers. Chicago: Lakeshore Press, 2001.",
            kind: "book",
            families: &["Kessler"],
            title: Some("In Search of Lost Rivers"),
            container: None,
            year: Some(2001),
            pages: None,
        },
    ]);
}

/// `Title, Proc. of …` / `Title, IEEE Transactions on …`: the serial starts at the comma.
#[test]
fn comma_before_serial_name_ends_title() {
    check_cases(&[
        Case {
            raw: "R. Dahl, S. Iyer, Adaptive caching for sensor meshes, Proc. of Int. Mesh Conf., Oslo, October, 2003.",
            kind: "paper-conference",
            families: &["Dahl", "Iyer"],
            title: Some("Adaptive caching for sensor meshes"),
            container: Some("Proc. of Int. Mesh Conf"),
            year: Some(2003),
            pages: None,
        },
        Case {
            raw: "Lund, P., Okafor, N., Spectral coding for optical meshes, IEEE Transactions on Photonic Networks, 12(4), 301-310, 2006.",
            kind: "article-journal",
            families: &["Lund", "Okafor"],
            title: Some("Spectral coding for optical meshes"),
            container: Some("IEEE Transactions on Photonic Networks"),
            year: Some(2006),
            pages: Some(("301", Some("310"))),
        },
    ]);
}

/// Physics author-year lines from PDFs: no separator before a journal printed `Eur .Phys .J`.
#[test]
fn spaced_journal_abbreviations_end_title() {
    check_cases(&[Case {
        raw: "Holm K P et al 2014 Shell-model estimates of decay widths in light nuclei Eur .Phys .J .A 50 1 -12",
        kind: "article-journal",
        families: &["Holm"],
        title: Some("Shell-model estimates of decay widths in light nuclei"),
        container: Some("Eur .Phys .J .A"),
        year: Some(2014),
        pages: Some(("1", Some("12"))),
    }]);
}

/// Genre notes are no containers; special-issue themes are no part of a journal's name; a
/// title word ending in `ol` before `In` ends the title.
#[test]
fn genre_notes_and_special_issues() {
    check_cases(&[
        Case {
            raw: "C. Dahl and K. Holm. Lease Handling in Mesh Caches. Technical Report TR9712, University of Tallinn, 1997.",
            kind: "report",
            families: &["Dahl", "Holm"],
            title: Some("Lease Handling in Mesh Caches"),
            container: None,
            year: Some(1997),
            pages: None,
        },
        Case {
            raw: "C. Dahl and K. Holm. Lease Renewal in Mesh Caches. Technical Report 97-12, University of Tallinn, 1997.",
            kind: "report",
            families: &["Dahl", "Holm"],
            title: Some("Lease Renewal in Mesh Caches"),
            container: None,
            year: Some(1997),
            pages: None,
        },
        Case {
            raw: "A. Lund and N. Okafor, \"Scheduling in sensor meshes\", IEEE Transactions on Embedded Systems: Special Issue on Wireless Control, 14(2), 1999.",
            kind: "article-journal",
            families: &["Lund", "Okafor"],
            title: Some("Scheduling in sensor meshes"),
            container: Some("IEEE Transactions on Embedded Systems"),
            year: Some(1999),
            pages: None,
        },
        Case {
            raw: "K. Holm and P. Lund. A Lightweight Commit Protocol. In Proceedings of the Workshop on Mesh Storage, pages 12-19, Oslo, 1995.",
            kind: "paper-conference",
            families: &["Holm", "Lund"],
            title: Some("A Lightweight Commit Protocol"),
            container: Some("Proceedings of the Workshop on Mesh Storage"),
            year: Some(1995),
            pages: Some(("12", Some("19"))),
        },
    ]);
}

/// Wikipedia-style `(Month Year)` after the authors is the date, not part of the title.
#[test]
fn month_year_after_authors() {
    check_cases(&[Case {
        raw: "Holm, Karin; Lund, Per (March 2004). \"Caching in sensor meshes\". Journal of Mesh Computing 7 (2). doi:10.5555/jmc.2004.7",
        kind: "article-journal",
        families: &["Holm", "Lund"],
        title: Some("Caching in sensor meshes"),
        container: Some("Journal of Mesh Computing"),
        year: Some(2004),
        pages: None,
    }]);
}

/// Book and newspaper details that are not locators: editions, page counts, dates,
/// ditto marks, imprints, ISBNs, translators and media.
#[test]
fn book_and_newspaper_details() {
    check_cases(&[
        Case {
            raw: "Halvorsen, Ingrid. The Quiet Harbour Towns. 3rd ed. Boston: Tidewater Press, 2004.",
            kind: "book",
            families: &["Halvorsen"],
            title: Some("The Quiet Harbour Towns"),
            container: None,
            year: Some(2004),
            pages: None,
        },
        Case {
            raw: "Peter J. Lindqvist, Rivers of Clay: A Natural History, New York: Penguin, 1988. 368 pp.",
            kind: "book",
            families: &["Lindqvist"],
            title: Some("Rivers of Clay: A Natural History"),
            container: None,
            year: Some(1988),
            pages: None,
        },
        Case {
            raw: "Mbeki, Sipho. \"Harbour Dues Rise Again.\" Coastal Herald, May 28, 2013.",
            kind: "article-journal",
            families: &["Mbeki"],
            title: Some("Harbour Dues Rise Again"),
            container: Some("Coastal Herald"),
            year: Some(2013),
            pages: None,
        },
        Case {
            raw: "———. 1836. Letters from the Northern Shore. Edinburgh: R. Falconer.",
            kind: "book",
            families: &[],
            title: Some("Letters from the Northern Shore"),
            container: None,
            year: Some(1836),
            pages: None,
        },
        Case {
            raw: "Dunmore, K. (2001). Lattice Methods Explained. Norvik Press. ISBN 0-123-45678-X.",
            kind: "book",
            families: &["Dunmore"],
            title: Some("Lattice Methods Explained"),
            container: None,
            year: Some(2001),
            pages: None,
        },
        Case {
            raw: "Oduya, Grace. The Lantern Keepers, rev. ed. (London: Marrow, 1991), 39.",
            kind: "book",
            families: &["Oduya"],
            title: Some("The Lantern Keepers"),
            container: None,
            year: Some(1991),
            pages: Some(("39", None)),
        },
        Case {
            raw: "Varga, Lukas. The Glass Orchard, trans. Ellen Moss (New York: Fennel and Daughters, 1972), 230.",
            kind: "book",
            families: &["Varga"],
            title: Some("The Glass Orchard"),
            container: None,
            year: Some(1972),
            pages: Some(("230", None)),
        },
        Case {
            raw: "Ruiz, P. (Director). (2003). Salt and silence [Motion picture]. Spain: Faro Films.",
            kind: "book",
            families: &["Ruiz"],
            title: Some("Salt and silence"),
            container: None,
            year: Some(2003),
            pages: None,
        },
    ]);
    // Volumes: none of these numbers is one.
    for raw in [
        "Mbeki, Sipho. \"Harbour Dues Rise Again.\" Coastal Herald, May 28, 2013.",
        "Amos, Ruth. \"The Tide Tables.\" Evening Courier, 15 March 1985, 3.",
        "Peter J. Lindqvist, Rivers of Clay, New York: Penguin, 1988. 368 pp.",
        "Brun, A. Les jardins de sel. Paris : Éditions du Phare, 2013. 218 p.",
        "Kato, H. The 4th Workshop on Tidal Flats. Kobe: Umi, 2010.",
    ] {
        assert_eq!(parse_reference(raw).volume, None, "{raw}");
    }
}

/// Locator shapes of humanities and European journals: Roman volumes, `n°` issues,
/// seasons and month ranges in brackets, a volume before a labelled page range.
#[test]
fn humanities_locators() {
    type Want = (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[(&str, Want)] = &[
        (
            "Ashdown, Clara. \"Salt Marsh Ledgers.\" Quarterly Review of Tides, XLIII (January-February, 1965), pp. 49-62.",
            (
                Some("Quarterly Review of Tides"),
                Some("XLIII"),
                None,
                Some("49"),
                Some("62"),
            ),
        ),
        (
            "Pell, Anna, ‘Harbour Lights’, Sea & Shore XIV:4 (1994), 409-418.",
            (
                Some("Sea & Shore"),
                Some("XIV"),
                Some("4"),
                Some("409"),
                Some("418"),
            ),
        ),
        (
            "Fournier, G. Les phares du Nord. Revue des Côtes, mai 2014, n°58. p. 11-19.",
            (
                Some("Revue des Côtes"),
                None,
                Some("58"),
                Some("11"),
                Some("19"),
            ),
        ),
        (
            "Mbatha, Joy. \"Quiet Ports.\" Harbour Letters 22 (spring 2000): 5–24.",
            (
                Some("Harbour Letters"),
                Some("22"),
                None,
                Some("5"),
                Some("24"),
            ),
        ),
        (
            "Ovalle, R., On the shape of tides, Journal of Coastal Logic 7 pp. 35-50 (1988).",
            (
                Some("Journal of Coastal Logic"),
                Some("7"),
                None,
                Some("35"),
                Some("50"),
            ),
        ),
        (
            "Ngata, T. 2006. Reef names. In L. Moana (ed.), Handbook of the Pacific, vol. VI (391–394). Auckland: Reef Press.",
            (
                Some("Handbook of the Pacific"),
                Some("VI"),
                None,
                Some("391"),
                Some("394"),
            ),
        ),
        (
            "A. Ferro, Lattice tides, Phys. Rev. D85 (2012) 094025.",
            (Some("Phys. Rev. D"), Some("85"), None, Some("094025"), None),
        ),
        (
            "B. Lunde, Tidal torsion, Commun. Math. Phys.337 ( 2015)429.",
            (
                Some("Commun. Math. Phys"),
                Some("337"),
                None,
                Some("429"),
                None,
            ),
        ),
    ];
    let mut failures = Vec::new();
    for (raw, want) in cases {
        let r = parse_reference(raw);
        let got = (
            r.container_title.as_deref(),
            r.volume.as_deref(),
            r.issue.as_deref(),
            r.page_first.as_deref(),
            r.page_last.as_deref(),
        );
        if got != *want {
            failures.push(format!("{raw}\n   got: {got:?}\n  want: {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where the author list of a book ends: after a ditto mark nobody is named, a particle
/// may follow inverted given names, a title does not start with an article-led "name",
/// and a translator's note follows a title.
#[test]
fn author_lists_before_book_titles() {
    check_cases(&[
        Case {
            raw: "———. Winter Harbours. Translated by Mara Quill. London: Fenwick, 1961.",
            kind: "book",
            families: &[],
            title: Some("Winter Harbours"),
            container: None,
            year: Some(1961),
            pages: None,
        },
        Case {
            raw: "Salgado, Inês de. Os Faróis. Lisboa: Atlântica, 1990.",
            kind: "book",
            families: &["Salgado"],
            title: Some("Os Faróis"),
            container: None,
            year: Some(1990),
            pages: None,
        },
        Case {
            raw: "Hugo Brandt, Der Leuchtturm, trans. Ann Rowe (London: Pellow, 1938), 12.",
            kind: "book",
            families: &["Brandt"],
            title: Some("Der Leuchtturm"),
            container: None,
            year: Some(1938),
            pages: Some(("12", None)),
        },
        Case {
            raw: "Mira Osei, Ivo Lange, The Salt Trade, Boston: Harbor Press, 2001.",
            kind: "book",
            families: &["Osei", "Lange"],
            title: Some("The Salt Trade"),
            container: None,
            year: Some(2001),
            pages: None,
        },
    ]);
}

/// A lone acronym before the year is the venue; a year closing an unquoted title (or its
/// dropped place/publisher trailer) is the date, not part of the title.
#[test]
fn venues_and_title_years() {
    check_cases(&[
        Case {
            raw: "K. Ward and L. Osei. Sparse tidal grids. JCTS, 2015.",
            kind: "article-journal",
            families: &["Ward", "Osei"],
            title: Some("Sparse tidal grids"),
            container: Some("JCTS"),
            year: Some(2015),
            pages: None,
        },
        Case {
            raw: "Brandvold, E. The Lantern Atlas, 1976, Boston: Wharf Press.",
            kind: "book",
            families: &["Brandvold"],
            title: Some("The Lantern Atlas"),
            container: None,
            year: Some(1976),
            pages: None,
        },
    ]);
}

/// A span of years in a title is no page range (unless a locator mark precedes it), and
/// the pages of a chapter in a numbered series follow the series name.
#[test]
fn year_spans_and_series_volumes() {
    check_cases(&[
        Case {
            raw: "Lund, Edvin. A History of the Northern Lighthouses, 1815-1909. Bergen: Kystverk Press, 1931.",
            kind: "book",
            families: &["Lund"],
            title: Some("A History of the Northern Lighthouses, 1815-1909"),
            container: None,
            year: Some(1931),
            pages: None,
        },
        Case {
            raw: "T. Amsel. Tidal automata. In R. Berg, editor, Logic of Harbours, volume 412 of Lecture Notes in Coastal Science, pages 56-66. Springer, 1995.",
            kind: "chapter",
            families: &["Amsel"],
            title: Some("Tidal automata"),
            container: Some("Logic of Harbours"),
            year: Some(1995),
            pages: Some(("56", Some("66"))),
        },
        Case {
            raw: "Okoro A. Blood counts in divers. Blood 2010;115:1995-2003.",
            kind: "article-journal",
            families: &["Okoro"],
            title: Some("Blood counts in divers"),
            container: Some("Blood"),
            year: Some(2010),
            pages: Some(("1995", Some("2003"))),
        },
    ]);
}

/// A bracketed original year, the APA 7 ellipsis before the last author, a journal
/// followed by `in press`, and a journal after the title's last sentence.
#[test]
fn years_ellipses_and_statuses() {
    check_cases(&[
        Case {
            raw: "Forde, E. M. Salt Houses. New York: Wharf Classics, 2003 [1910].",
            kind: "book",
            families: &["Forde"],
            title: Some("Salt Houses"),
            container: None,
            year: Some(2003),
            pages: None,
        },
        Case {
            raw: "Lee, A., Park, B., Ortiz, C., ... Zhou, D. (2004). Tidal stress in harbour seals. Marine Mammal Letters, 6, 249-267.",
            kind: "article-journal",
            families: &["Lee", "Park", "Ortiz", "Zhou"],
            title: Some("Tidal stress in harbour seals"),
            container: Some("Marine Mammal Letters"),
            year: Some(2004),
            pages: Some(("249", Some("267"))),
        },
        Case {
            raw: "Amadi, J. (1995). Causal effects of tides. Journal of Coastal Statistics, in press.",
            kind: "article-journal",
            families: &["Amadi"],
            title: Some("Causal effects of tides"),
            container: Some("Journal of Coastal Statistics"),
            year: Some(1995),
            pages: None,
        },
        Case {
            raw: "R. Lund and K. Mori. Synthesis of harbour models using graphs. Harbour Transactions on Database Systems, 19(3) 450-491, 1994.",
            kind: "article-journal",
            families: &["Lund", "Mori"],
            title: Some("Synthesis of harbour models using graphs"),
            container: Some("Harbour Transactions on Database Systems"),
            year: Some(1994),
            pages: Some(("450", Some("491"))),
        },
    ]);
}

/// `Am Soil J2016;402` (BMJ print): the `J` of a journal glued to the year.
#[test]
fn glued_journal_letter_and_year() {
    check_cases(&[Case {
        raw: "Okafor N, Lindqvist B. Soil carbon under drought. Am Soil J2016;402:117-30.",
        kind: "article-journal",
        families: &["Okafor", "Lindqvist"],
        title: Some("Soil carbon under drought"),
        container: Some("Am Soil J"),
        year: Some(2016),
        pages: Some(("117", Some("130"))),
    }]);
}

/// `… volatile VOCs. Trends Leaf Sci.`: a plural acronym is no run of initials.
#[test]
fn plural_acronym_ends_title() {
    check_cases(&[Case {
        raw: "Brandt, K.L.; Mori, T. Leaf emission of volatile VOCs. Trends Leaf Sci. 2011, 16, 201–209.",
        kind: "article-journal",
        families: &["Brandt", "Mori"],
        title: Some("Leaf emission of volatile VOCs"),
        container: Some("Trends Leaf Sci"),
        year: Some(2011),
        pages: Some(("201", Some("209"))),
    }]);
}

/// `Conti, D. NMR profiling`: an undotted capital run after a dotted initial opens the title.
#[test]
fn acronym_after_dotted_initial_opens_title() {
    check_cases(&[Case {
        raw: "Rossi, L.; Conti, D. NMR profiling of invented oils: a case study. Talanta 2012, 81, 100–108.",
        kind: "article-journal",
        families: &["Rossi", "Conti"],
        title: Some("NMR profiling of invented oils: a case study"),
        container: Some("Talanta"),
        year: Some(2012),
        pages: Some(("100", Some("108"))),
    }]);
}

/// `Int. Biodeterior. Biodegrad.`, `Microchem. J.`: abbreviations up to the locators are the journal's name, not a publisher's sentence.
#[test]
fn abbreviated_journal_tail_stays_in_journal() {
    check_cases(&[
        Case {
            raw: "Kowal, J.L. Fungal strategies for invented acids. Int. Biodeterior. Biodegrad. 1995, 35, 213–224.",
            kind: "article-journal",
            families: &["Kowal"],
            title: Some("Fungal strategies for invented acids"),
            container: Some("Int. Biodeterior. Biodegrad"),
            year: Some(1995),
            pages: Some(("213", Some("224"))),
        },
        Case {
            raw: "Ando, M. Some headspace profiles of invented spores. Microchem. J. 2013, 104, 11–19.",
            kind: "article-journal",
            families: &["Ando"],
            title: Some("Some headspace profiles of invented spores"),
            container: Some("Microchem. J"),
            year: Some(2013),
            pages: Some(("11", Some("19"))),
        },
        Case {
            raw: "Lund AF, Berg A. 2006 Invented receptors in snails. Invert. Surviv. J. 3, 105–113.",
            kind: "article-journal",
            families: &["Lund", "Berg"],
            title: Some("Invented receptors in snails"),
            container: Some("Invert. Surviv. J"),
            year: Some(2006),
            pages: Some(("105", Some("113"))),
        },
    ]);
}

/// `Croft CM+4 more.` (a web page that folds a long author list): the count of hidden
/// authors reads as `et al.`, and the entry still parses.
#[test]
fn hidden_author_count_is_et_al() {
    let cases: &[(&str, &[&str], bool, &str)] = &[
        (
            "Lund RI, Berg MQ, Croft CM+4 more. 2009. An invented suppressor of growth. Journal of Invented Chemistry 283:100-109",
            &["Lund", "Berg", "Croft"],
            true,
            "An invented suppressor of growth",
        ),
        (
            "Lund RI, Berg MQ, Croft CM +12 more. 2009. An invented suppressor of growth. Journal of Invented Chemistry 283:100-109",
            &["Lund", "Berg", "Croft"],
            true,
            "An invented suppressor of growth",
        ),
        (
            "Lund RI, Berg MQ. 2009. One more invented suppressor of growth. Journal of Invented Chemistry 283:100-109",
            &["Lund", "Berg"],
            false,
            "One more invented suppressor of growth",
        ),
    ];
    for (raw, families, et_al, title) in cases {
        let r = parse_reference(raw);
        let got: Vec<&str> = r
            .authors
            .iter()
            .filter_map(|a| a.family.as_deref())
            .collect();
        assert_eq!(&got, families, "{raw}");
        assert_eq!(r.et_al, *et_al, "{raw}");
        assert_eq!(r.title.as_deref(), Some(*title), "{raw}");
        assert_eq!(r.volume.as_deref(), Some("283"), "{raw}");
    }
}

/// `Weaver J 3rd.,`: an ordinal suffix after the initials ends the name.
#[test]
fn ordinal_name_suffix() {
    check_cases(&[Case {
        raw: "Weaver J 3rd., Bauer F. 2007 Invented domain shuffling. FEBS J. 274, 100–110.",
        kind: "article-journal",
        families: &["Weaver", "Bauer"],
        title: Some("Invented domain shuffling"),
        container: Some("FEBS J"),
        year: Some(2007),
        pages: Some(("100", Some("110"))),
    }]);
}

/// BMC style: a group ended by the colon that ends the author list, alone or after persons; a name with nothing after it is a title.
#[test]
fn colon_ended_group_authors() {
    check_cases(&[
        Case {
            raw: "Ostrander AD, Pike V, Editorial Board, Invented Review Group: 2010 updated method guidelines for invented reviews. Spine 2010, 35:100-110.",
            kind: "article-journal",
            families: &[
                "Ostrander",
                "Pike",
                "Editorial Board, Invented Review Group",
            ],
            title: Some("2010 updated method guidelines for invented reviews"),
            container: Some("Spine"),
            year: Some(2010),
            pages: Some(("100", Some("110"))),
        },
        Case {
            raw: "Northern Institute for Health Data: Health care in Atlantis, 2012: a focus on invented seniors. Ottawa; 2012.",
            kind: "book",
            families: &["Northern Institute for Health Data"],
            title: Some("Health care in Atlantis, 2012: a focus on invented seniors"),
            container: None,
            year: Some(2012),
            pages: None,
        },
        Case {
            raw: "K. Lund and J. Berg, Parallel Program Design: A Primer, Invented Press, 1990.",
            kind: "book",
            families: &["Lund", "Berg"],
            title: Some("Parallel Program Design: A Primer"),
            container: None,
            year: Some(1990),
            pages: None,
        },
        Case {
            raw: "Invented Browser [http://example.org/browser/ webcite]",
            kind: "webpage",
            families: &[],
            title: Some("Invented Browser"),
            container: None,
            year: None,
            pages: None,
        },
    ]);
}

/// `Spine (Phila Pa 1976) 2011`: an NLM qualifier with a year other than the work's is part of the journal.
#[test]
fn dated_journal_qualifier() {
    check_cases(&[Case {
        raw: "Pike V, Ostrander AD: Invented guidelines for reviews. Spine (Phila Pa 1976) 2011, 36:100-110.",
        kind: "article-journal",
        families: &["Pike", "Ostrander"],
        title: Some("Invented guidelines for reviews"),
        container: Some("Spine (Phila Pa 1976)"),
        year: Some(2011),
        pages: Some(("100", Some("110"))),
    }]);
}

/// Nature's untitled entries: `J.` before an abbreviated word opens the journal, and a run of abbreviations is no title.
#[test]
fn untitled_nature_entries_keep_the_whole_journal() {
    check_cases(&[
        Case {
            raw: "Okafor, N. R. & Lind, B. E. J. Invent. Clin. Stud. 75, 475–488 (2007).",
            kind: "article-journal",
            families: &["Okafor", "Lind"],
            title: None,
            container: Some("J. Invent. Clin. Stud"),
            year: Some(2007),
            pages: Some(("475", Some("488"))),
        },
        Case {
            raw: "Mori, K. & Brandt, M. D. Int. J. Invent-Comp. Stud. 52, 701–717 (2000).",
            kind: "article-journal",
            families: &["Mori", "Brandt"],
            title: None,
            container: Some("Int. J. Invent-Comp. Stud"),
            year: Some(2000),
            pages: Some(("701", Some("717"))),
        },
        Case {
            raw: "Lind, A. J. Tidal stress in invented seals. J. Invent. Stud. 4, 25–29 (1920).",
            kind: "article-journal",
            families: &["Lind"],
            title: Some("Tidal stress in invented seals"),
            container: Some("J. Invent. Stud"),
            year: Some(1920),
            pages: Some(("25", Some("29"))),
        },
    ]);
}

/// `(1999) J Invent Sci Mater Med 10:697–701` (Springer, no title): capitalised words mostly cut short are the journal.
#[test]
fn undotted_nlm_journal_without_title() {
    check_cases(&[
        Case {
            raw: "Wallis KE, Hale RG (1999) J Invent Sci Mater Med 10:697–701",
            kind: "article-journal",
            families: &["Wallis", "Hale"],
            title: None,
            container: Some("J Invent Sci Mater Med"),
            year: Some(1999),
            pages: Some(("697", Some("701"))),
        },
        Case {
            raw: "Wallis KE, Hale RG (1999) Tidal stress in invented seals 10:697–701",
            kind: "article-journal",
            families: &["Wallis", "Hale"],
            title: Some("Tidal stress in invented seals"),
            container: None,
            year: Some(1999),
            pages: Some(("697", Some("701"))),
        },
    ]);
}

/// `Invent Eng Mater 284–286:553–556`: a range before the colon and the pages is the volume.
#[test]
fn volume_range_before_colon_and_pages() {
    check_cases(&[
        Case {
            raw: "Lind XY, Fan HS (2005) Invent Eng Mater 284–286:553–556",
            kind: "article-journal",
            families: &["Lind", "Fan"],
            title: None,
            container: Some("Invent Eng Mater"),
            year: Some(2005),
            pages: Some(("553", Some("556"))),
        },
        Case {
            raw: "Lind XY, Fan HS (2005) Invented materials. Invent Eng Mater 284:553–556",
            kind: "article-journal",
            families: &["Lind", "Fan"],
            title: Some("Invented materials"),
            container: Some("Invent Eng Mater"),
            year: Some(2005),
            pages: Some(("553", Some("556"))),
        },
    ]);
}

/// `Search and Share Chemistry. Available online: URL`: what reads as names but has nothing after it is the title.
#[test]
fn names_with_nothing_after_are_the_title() {
    check_cases(&[
        Case {
            raw: "Invented Spectra Search and Share Chemistry. Available online: http://example.org/spectra (accessed on 10 October 2014).",
            kind: "webpage",
            families: &[],
            title: Some("Invented Spectra Search and Share Chemistry"),
            container: None,
            year: None,
            pages: None,
        },
        Case {
            raw: "Lund Fungi Culture Collection ITEM. Available online: http://example.org/collection (accessed on 3 May 2015).",
            kind: "webpage",
            families: &[],
            title: Some("Lund Fungi Culture Collection ITEM"),
            container: None,
            year: None,
            pages: None,
        },
    ]);
}

/// ACS and MDPI books: `Title; Editors, Eds.; Publisher: City, Year` and `Title; Publisher: City, Year`; a chapter's book before its editors.
#[test]
fn acs_books_end_their_title_at_the_semicolon() {
    check_cases(&[
        Case {
            raw: "Lund, S. Invented Calibration; Berg, H., Mori, T., Eds.; Invented Press: New York, NY, USA, 1990.",
            kind: "book",
            families: &["Lund"],
            title: Some("Invented Calibration"),
            container: None,
            year: Some(1990),
            pages: None,
        },
        Case {
            raw: "Lind, J.C.; Okafor, J.K. The Handbook of Invented Metabolites; Invented Press: Amsterdam, The Netherlands, 2007.",
            kind: "book",
            families: &["Lind", "Okafor"],
            title: Some("The Handbook of Invented Metabolites"),
            container: None,
            year: Some(2007),
            pages: None,
        },
        Case {
            raw: "Hale, J. Some Invented Chapter. In Big Invented Book; Doe, A., Ed.; Invented Press: New York, 2001; pp. 1–20.",
            kind: "chapter",
            families: &["Hale"],
            title: Some("Some Invented Chapter"),
            container: Some("Big Invented Book"),
            year: Some(2001),
            pages: Some(("1", Some("20"))),
        },
    ]);
}

/// Supplements keep their mark: `Suppl 44:69` is the volume, `19(Suppl 1)` and
/// `116 Suppl 2:S45` the issue; `2004, Suppl 44` still opens the locators.
#[test]
fn supplements_keep_their_mark() {
    type Want<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let cases: &[(&str, Want)] = &[
        (
            "Lund A, Berg G: Invented core sets for back pain. J Invent Med 2004, Suppl 44:69-74.",
            ("J Invent Med", Some("Suppl 44"), None, Some("69")),
        ),
        (
            "Mori I, Hale S: Invented elements of education. J Invent Care 2005, 19(Suppl 1):8-20.",
            ("J Invent Care", Some("19"), Some("Suppl 1"), Some("8")),
        ),
        (
            "Okafor J. Invented title here. Invent Blood. 2010;116 Suppl 2:S45-50.",
            ("Invent Blood", Some("116"), Some("Suppl 2"), Some("S45")),
        ),
    ];
    for (raw, (container, volume, issue, first)) in cases {
        let r = parse_reference(raw);
        let got = (
            r.container_title.as_deref().unwrap_or(""),
            r.volume.as_deref(),
            r.issue.as_deref(),
            r.page_first.as_deref(),
        );
        assert_eq!(got, (*container, *volume, *issue, *first), "{raw}");
    }
}

/// `98, 13 757–13 762` (Royal Society): page numbers printed in groups of three digits.
#[test]
fn page_numbers_in_digit_groups() {
    check_cases(&[
        Case {
            raw: "Lund A, Berg K. 2001 Invented recombination. Proc. Invent. Acad. USA 98, 13 757–13 762.",
            kind: "article-journal",
            families: &["Lund", "Berg"],
            title: Some("Invented recombination"),
            container: Some("Proc. Invent. Acad. USA"),
            year: Some(2001),
            pages: Some(("13757", Some("13762"))),
        },
        Case {
            raw: "Lund A, Berg K. 2001 Invented recombination. Invent. J. 98 (2001) 12 345-67.",
            kind: "article-journal",
            families: &["Lund", "Berg"],
            title: Some("Invented recombination"),
            container: Some("Invent. J"),
            year: Some(2001),
            pages: Some(("345", Some("367"))),
        },
    ]);
}

/// `Ca^2+` (text dumps mark superscripts with a caret): the mark is dropped.
#[test]
fn superscript_caret_is_dropped() {
    check_cases(&[Case {
        raw: "Lund A, Berg K. 2007. Ca^2+ signalling in invented embryos. Invented Physiology 34:897-904",
        kind: "article-journal",
        families: &["Lund", "Berg"],
        title: Some("Ca2+ signalling in invented embryos"),
        container: Some("Invented Physiology"),
        year: Some(2007),
        pages: Some(("897", Some("904"))),
    }]);
}

/// `…, Linden S, Kostan , de Bie R:` (Vancouver): a family name printed without initials between two persons.
#[test]
fn family_name_without_initials_inside_a_list() {
    check_cases(&[
        Case {
            raw: "Lund A, Berg G, van der Linden S, Kostan , de Bie R: Invented core sets for back pain. J Invent Med 2004, 44:69-74.",
            kind: "article-journal",
            families: &["Lund", "Berg", "van der Linden", "Kostan", "de Bie"],
            title: Some("Invented core sets for back pain"),
            container: Some("J Invent Med"),
            year: Some(2004),
            pages: Some(("69", Some("74"))),
        },
        Case {
            raw: "Lund A, Berg G. Invented core sets, Kostan and others. J Invent Med 2004, 44:69-74.",
            kind: "article-journal",
            families: &["Lund", "Berg"],
            title: Some("Invented core sets, Kostan and others"),
            container: Some("J Invent Med"),
            year: Some(2004),
            pages: Some(("69", Some("74"))),
        },
    ]);
}

/// Frontiers and other title-case styles: a capitalised title word with a dot is the
/// title's end when a word that only opens a journal's name follows (`Front.`, `Proc.`).
#[test]
fn title_case_titles_end_before_a_journal_opener() {
    check_cases(&[
        Case {
            raw: "Lindqvist M, Okafor DA and Moreau J (2019) Seasonal Shifts in Biofilm Communities Reveal a Cold-Adapted Guild. Front. Microbiol. 10:1234. doi: 10.5555/inv.2019.01234",
            kind: "article-journal",
            families: &["Lindqvist", "Okafor", "Moreau"],
            title: Some("Seasonal Shifts in Biofilm Communities Reveal a Cold-Adapted Guild"),
            container: Some("Front. Microbiol"),
            year: Some(2019),
            pages: Some(("1234", None)),
        },
        Case {
            raw: "Okafor, N., and Lindqvist, B. (2016). Lateral Gene Flow Among Invented Soil Bacteria. Proc. Natl. Acad. Sci. U.S.A. 113, 4410–4415.",
            kind: "article-journal",
            families: &["Okafor", "Lindqvist"],
            title: Some("Lateral Gene Flow Among Invented Soil Bacteria"),
            container: Some("Proc. Natl. Acad. Sci. U.S.A"),
            year: Some(2016),
            pages: Some(("4410", Some("4415"))),
        },
    ]);
}

/// Vancouver with one author: a title whose second word is `and` is no second author.
#[test]
fn one_vancouver_author_before_a_title_with_and() {
    check_cases(&[Case {
        raw: "Nakamura R. Costs and outcomes of nurse-led care in rural Invented Land. J Rural Invent Health. (2011) 59:296–306. doi: 10.5555/j.2011.0296",
        kind: "article-journal",
        families: &["Nakamura"],
        title: Some("Costs and outcomes of nurse-led care in rural Invented Land"),
        container: Some("J Rural Invent Health"),
        year: Some(2011),
        pages: Some(("296", Some("306"))),
    }]);
}

/// Frontiers' chapters: `“Title,” in Book, eds A. B. and C. D. (Place: Publisher), pages`.
#[test]
fn frontiers_chapters_name_the_book_before_its_editors() {
    check_cases(&[Case {
        raw: "Brekke, T., and Solvang, I. (2014). “Nitrogen cycling in invented lakes,” in Invented Waters, eds A. Ruud and P. Hallin (Tromsø: Northline Press), 113–140.",
        kind: "chapter",
        families: &["Brekke", "Solvang"],
        title: Some("Nitrogen cycling in invented lakes"),
        container: Some("Invented Waters"),
        year: Some(2014),
        pages: Some(("113", Some("140"))),
    }]);
}

/// Oxford journals' article locators after the volume (`95:fiz021`, `47:gkz123`): the
/// volume and the locator, not part of the journal's name.
#[test]
fn manuscript_locators_after_the_volume() {
    check_cases(&[
        Case {
            raw: "Tanaka, Y., and Berglund, O. (2019). Seasonal networks in invented lake plankton. FEMS Invent. Ecol. 95:fiz021. doi: 10.5555/femsie/fiz021",
            kind: "article-journal",
            families: &["Tanaka", "Berglund"],
            title: Some("Seasonal networks in invented lake plankton"),
            container: Some("FEMS Invent. Ecol"),
            year: Some(2019),
            pages: Some(("fiz021", None)),
        },
        Case {
            raw: "Tanaka Y. Seasonal networks in invented lake plankton. Nucleic Invent Res. (2020) 48:gkaa123. doi: 10.5555/x",
            kind: "article-journal",
            families: &["Tanaka"],
            title: Some("Seasonal networks in invented lake plankton"),
            container: Some("Nucleic Invent Res"),
            year: Some(2020),
            pages: Some(("gkaa123", None)),
        },
    ]);
}
