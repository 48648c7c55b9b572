//! One regression test per bug fixed, named after what it protects.

use papersift::pipeline::{Options, extract_document};

/// Pages that once crashed a stage (caught as `internal_error`) or came out failed.
#[test]
fn pages_that_once_panicked_extract_cleanly() {
    let cases: &[(&str, &str)] = &[
        // The reference parser subtracted past zero on a DOI-only line read as a citation.
        ("doi_only_header", "DOI: 10.1800/a.0"),
        // Funder names were cut inside a multi-byte character.
        (
            "funder_with_non_ascii_start",
            "Acknowledgements\nThis work was supported by th’e Fondation (grant 123456).\n",
        ),
        (
            "funder_prefix_boundary",
            "Funding\nby é Foundation grant 12345; and the Ünited Council (grant 99-77).\n",
        ),
    ];
    for (name, page) in cases {
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let crashed = record.errors.iter().any(|e| e.code == "internal_error");
        assert!(!crashed, "{name}: {:?}", record.errors);
    }
}

/// A dash after a space is punctuation: joining a reference broken after it keeps the space.
#[test]
fn spaced_dash_at_a_line_end_keeps_its_space() {
    let page = "References\n1. Ohgushi H, Tanaka Y. Tissue engineered ceramic artificial joint —\nex vivo osteogenic differentiation. Biomaterials 2005; 26: 4654–61.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert!(
        record.references[0].raw.contains("joint — ex vivo"),
        "{}",
        record.references[0].raw
    );
}

/// Numbered affiliations without a dot after the label ("1 Department ...") are split,
/// the last one included, and end at their country.
#[test]
fn numbered_affiliations_without_dots_split_and_end_at_their_country() {
    let page = "A Study of Invented Things\nMei Lindqvist1*, Dara Okafor2 and Jun Moreau1\nAuthor Affiliations\n1 Department of Invented Studies, University of Utopia, 1234 Utopia, Norway\n2 Institute of Examples, Example University, Lisbon,\nPortugal\nFor all author emails, please log on.\nAbstract\nWe invented things. They worked well.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let texts: Vec<&str> = record
        .affiliations
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        texts,
        vec![
            "Department of Invented Studies, University of Utopia, 1234 Utopia, Norway",
            "Institute of Examples, Example University, Lisbon, Portugal",
        ]
    );
    let ids: Vec<Vec<String>> = record
        .authors
        .iter()
        .map(|a| a.affiliations.clone())
        .collect();
    assert_eq!(ids, vec![vec!["1"], vec!["2"], vec!["1"]]);
}

/// Short lines of chrome before the first sentence and after the last one stay out of the
/// abstract; a structured abstract keeps all its parts.
#[test]
fn abstracts_end_at_chrome_after_their_last_sentence() {
    let cases: &[(&str, &str)] = &[
        (
            "Abstract\nAbstract Image\nWe measured invented things with an invented method across a\nrange of conditions. It worked well.\nExport citation and abstract BibTeX RIS\nPrevious article in issue\n",
            "We measured invented things with an invented method across a range of conditions. It worked well.",
        ),
        (
            "Abstract\nWe measured invented things with an invented method across a\nrange of conditions. It worked well.\nCitation: Lindqvist M, Okafor D (2019) An invented title. Invent J 14(4): e0104021.\n",
            "We measured invented things with an invented method across a range of conditions. It worked well.",
        ),
        (
            "Abstract\nWe measured invented things with an invented method across a\nrange of conditions. It worked well.\n© 2016 Author(s). All article content is licensed under an invented licence.\n",
            "We measured invented things with an invented method across a range of conditions. It worked well.",
        ),
        (
            "Abstract\nBackground\nInvented pain is common and costly in every invented place.\nMethods/Design\nWe will ask invented people many invented questions.\nDiscussion\nThe answers will guide invented trials.\nKeywords\nInvented; Pain\n",
            "Invented pain is common and costly in every invented place.\n\nWe will ask invented people many invented questions.\n\nThe answers will guide invented trials.",
        ),
    ];
    for (page, want) in cases {
        let page = format!("An Invented Title\nMei Lindqvist1 and Dara Okafor1\n{page}");
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.abstract_text.as_deref(), Some(*want), "{page}");
    }
}

/// Found by the `parse_reference` fuzz target: an identifier inside the text was cut out
/// and the title ran across the gap, so it held text the input never had.
#[test]
fn a_title_never_runs_across_a_removed_identifier() {
    let raw = "Y. Ic\u{3}\0\u{8}\0\0\0\0\0\0\0and Ic\u{3}\0\u{8}\0\0\0\0\0\0\0and ~pmid851979).55\u{15}5\u{15}";
    let squeezed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let reference = papersift::parse_reference(raw);
    if let Some(title) = &reference.title {
        assert!(squeezed(raw).contains(&squeezed(title)), "{title:?}");
    }
}

/// Found by the same fuzz target: a web address cut out after a comma let the title run on.
#[test]
fn a_title_never_runs_across_a_removed_web_address() {
    let raw = "%%%%%%%%%%%%%%%%%%%%%%%WWWW,WWW.L. Guo,%%%%%%%%%%%%%%%%";
    let squeezed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let reference = papersift::parse_reference(raw);
    if let Some(title) = &reference.title {
        assert!(squeezed(raw).contains(&squeezed(title)), "{title:?}");
    }
}

/// Found by the same fuzz target: an address label cut out right after a full stop
/// (`0.` then `url:`) let the title run across the gap.
#[test]
fn a_title_never_runs_across_a_cut_after_a_full_stop() {
    let raw = "]\"0.\u{c}\u{c}\u{c}\u{c}url:]f\u{c}\u{c}3d";
    let squeezed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let reference = papersift::parse_reference(raw);
    if let Some(title) = &reference.title {
        assert!(squeezed(raw).contains(&squeezed(title)), "{title:?}");
    }
}

/// Found by the same fuzz target: the full stop left where a web address was cut out sat
/// in a run the parser did not read as a sentence end (`$ . \0\0&.w`), so the title ran
/// across the cut. The parser now knows where the cuts are, and no field spans one.
#[test]
fn a_title_never_runs_across_a_cut_the_parser_reads_as_no_sentence_end() {
    let raw =
        "RR\u{c};\"\u{b}$www.\u{1}i;$ww\u{c};\"\u{b}$www.\u{1}iww \0\0&.w &`\"\0\0$`\"www.w &`\0";
    let squeezed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let reference = papersift::parse_reference(raw);
    if let Some(title) = &reference.title {
        assert!(squeezed(raw).contains(&squeezed(title)), "{title:?}");
    }
}

/// An identifier cut out of the middle of a title, a quoted title or a journal's name:
/// the text on either side of it is never read as one field (no value holds the full stop
/// the cut leaves), and a reference without such a cut reads as before.
#[test]
fn no_field_runs_across_an_identifier_cut_out() {
    // (reference, title wanted when there is a right answer)
    let cases: &[(&str, Option<&str>)] = &[
        (
            "Doe J, Roe http://x.example.org/a K. Salt wedges in rivers. Invented J 2011;26:1-9.",
            None,
        ),
        (
            "Doe J, Roe K. \"Salt wedges www.example.org/x in rivers\" Invented Journal 2011;26:1-9.",
            Some("Salt wedges"),
        ),
        (
            "Doe J, Roe K. Salt wedges in rivers. J. http://example.org/x Invented Phys. 26, 1 (2011).",
            Some("Salt wedges in rivers"),
        ),
        (
            "Doe J, Roe K. Salt wedges in rivers. Invented J 2011;26:1-9. doi:10.1000/abc.1",
            Some("Salt wedges in rivers"),
        ),
    ];
    let squeezed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (raw, title) in cases {
        let reference = papersift::parse_reference(raw);
        if title.is_some() {
            assert_eq!(reference.title.as_deref(), *title, "{raw}");
        }
        let input = squeezed(raw);
        let fields = [&reference.title, &reference.container_title];
        for value in fields.into_iter().flatten() {
            assert!(input.contains(&squeezed(value)), "{value:?} not in {raw:?}");
        }
    }
}

/// Found by the `any_pipeline` fuzz target: a web address labelled `URL:` came out as an
/// empty `url` (the label was taken for text glued to the address's end, and everything
/// from it cut off), and `https://doi.org/` with nothing after it as an empty DOI; the
/// record then failed the schema (no identifier may be empty).
#[test]
fn labelled_and_bare_resolver_addresses_give_no_empty_identifier() {
    // (reference, url wanted, doi wanted)
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        (
            "Doe J. Salt wedges. Invented Press; 2004. URL: http://example.org/n04-1001/",
            Some("http://example.org/n04-1001/"),
            None,
        ),
        (
            "Doe J. Salt wedges. Invented J 2011;26:1-9. https://doi.org/ 2011",
            Some("https://doi.org/"),
            None,
        ),
        (
            "Doe J. Salt wedges. Invented J 2011;26:1-9. URLhttps : //doi.org/10.1000/abc",
            None,
            Some("10.1000/abc"),
        ),
    ];
    for (raw, url, doi) in cases {
        let reference = papersift::parse_reference(raw);
        assert_eq!(reference.url.as_deref(), *url, "{raw}");
        assert_eq!(reference.doi.as_deref(), *doi, "{raw}");
        let page = format!("Salt Wedges in Invented Rivers\n\nReferences\n\n1. {raw}\n");
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let listed = record.references.first().map(|r| r.url.as_deref());
        assert_eq!(listed, Some(*url), "{raw}");
        let value = serde_json::to_value(&record).expect("a record serialises");
        let findings = papersift::validate::schema_findings(&value);
        assert!(findings.is_empty(), "{raw}: {findings:?}");
    }
}

/// Author cards (each name on its own, its notes below after a blank line) and an
/// `Authors` label between the title and the names, as text-browser dumps print them.
#[test]
fn author_cards_under_an_authors_label() {
    let page = "Research article\n\nSalt Wedges in Invented Tidal Rivers\n\nAuthors\n\n  • Dara A. Okafor,\n\n    Corresponding author\n     1. Institute of Invented Studies, Utopia\n\n    Search for more papers by this author\n  • Jun Moreau,\n\n     1. Invented Polytechnic, Atlantis\n    Search for more papers by this author\n\nAbstract\n\nWe measured invented things with an invented method across a range of conditions. The method worked well in every one of them.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        record.title.as_deref(),
        Some("Salt Wedges in Invented Tidal Rivers")
    );
    let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec!["Dara A. Okafor", "Jun Moreau"]);
}

/// A bare volume line is read with the issue line under it (breadcrumbs) or the journal's
/// name above it; a one-word menu entry above it is no journal.
#[test]
fn bare_volume_lines_read_with_their_neighbours() {
    // (lines above the title, journal, volume, issue)
    let cases: &[(&str, Option<&str>, &str, Option<&str>)] = &[
        (
            "Archive\nVolume 482\nIssue 7386\n",
            None,
            "482",
            Some("7386"),
        ),
        (
            "Invented Plant Letters\nVolume 7\n",
            Some("Invented Plant Letters"),
            "7",
            None,
        ),
    ];
    for (above, journal, volume, issue) in cases {
        let page = format!(
            "{above}\nSalt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.journal.title.as_deref(), *journal, "{page}");
        assert_eq!(record.volume.as_deref(), Some(*volume), "{page}");
        assert_eq!(record.issue.as_deref(), *issue, "{page}");
    }
}

/// Dates: a label on its own line with the date on the next, and a full date alone in the
/// header when no label names the publication date.
#[test]
fn dates_on_their_own_lines() {
    // (lines above the title, lines below the byline, published)
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "",
            "Received\n25 November 2011\nPublished online\n22 February 2012\n",
            Some("2012-02-22"),
        ),
        ("", "First Online:\n17 December 2014\n", Some("2014-12-17")),
        // The accepted manuscript's posting is no publication.
        (
            "",
            "Accepted author version posted online: 15 Apr 2013\nPublished online: 24 Apr 2013\n",
            Some("2013-04-24"),
        ),
        ("NEWS\n10 September 2020\n", "", Some("2020-09-10")),
        ("", "January 27, 2015\n", Some("2015-01-27")),
        // A month and year alone is too weak without a label.
        ("", "March 2015\n", None),
    ];
    for (above, below, published) in cases {
        let page = format!(
            "{above}Salt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\n{below}Abstract\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.dates.published.as_deref(), *published, "{page}");
    }
}

/// The page's own journal line: an abbreviated name is the abbreviation, a date before
/// the volume is no journal, and a numbered reference entry is another work.
#[test]
fn own_journal_lines() {
    // (lines above the title, journal, abbreviation, volume)
    type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let cases: &[Case] = &[
        (
            "Invented Materials Letters\nFebruary 2015, Volume 46, Issue 2, pp 549–555\n",
            Some("Invented Materials Letters"),
            None,
            Some("46"),
        ),
        (
            "J Invent Surg Soc. 2011 October; 81(4): 250–256.\n",
            None,
            Some("J Invent Surg Soc."),
            Some("81"),
        ),
        (
            "2N.-G. Okafor, J. Inv. Chem. Lett. 2013, 4, 2423.\n",
            None,
            None,
            None,
        ),
    ];
    for (above, journal, abbrev, volume) in cases {
        let page = format!(
            "{above}\nSalt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.journal.title.as_deref(), *journal, "{page}");
        assert_eq!(record.journal.abbrev.as_deref(), *abbrev, "{page}");
        assert_eq!(record.volume.as_deref(), *volume, "{page}");
    }
}

/// Bylines with job titles after each name ("assistant professor, epidemiologist1") link
/// their labels; the tabs printed above them ("Metrics", "Peer review") are no title.
#[test]
fn job_titles_in_a_byline_keep_labels_and_tabs_above_are_no_title() {
    let page = "A Study of Invented Things Done Well\nExample J 2020; 1 doi: 10.1234/ex.1 (Published 1 May 2020)\nArticle\n\nMetrics\nResponses\nPeer review\n1. Mei Lindqvist, assistant professor, epidemiologist1,\n2. Dara Okafor, professor1\n1. 1Department of Invented Studies, University of Utopia, Utopia, Norway\n1. Correspondence to: M Lindqvist mei{at}example.org\n\nAbstract\n\nWe invented things. They worked well. Then we wrote it down for all.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert!(
        record
            .title
            .as_deref()
            .is_none_or(|t| !t.contains("Metrics")),
        "{:?}",
        record.title
    );
    let authors: Vec<(&str, Vec<&str>)> = record
        .authors
        .iter()
        .map(|a| {
            let ids = a.affiliations.iter().map(String::as_str).collect();
            (a.name.as_str(), ids)
        })
        .collect();
    assert_eq!(
        authors,
        vec![("Mei Lindqvist", vec!["1"]), ("Dara Okafor", vec!["1"])]
    );
    assert_eq!(
        record.affiliations[0].text,
        "Department of Invented Studies, University of Utopia, Utopia, Norway"
    );
}

/// What stands around a title on the page stays out of it: an article type or a badge
/// above it, a version note after it (and its version's badge before it), an issue date
/// before it.
#[test]
fn titles_without_their_surroundings() {
    let cases: &[(&str, &str)] = &[
        (
            "✚\nResearch Note\nSalt Wedges in Invented Tidal Rivers [v2; ref status: indexed, http://example.org/x]\n",
            "Salt Wedges in Invented Tidal Rivers",
        ),
        // A later version's badge before it.
        (
            "✚\nResearch Note\nRevised Salt Wedges in Invented Tidal Rivers [v2; ref status: indexed, http://example.org/x]\n",
            "Salt Wedges in Invented Tidal Rivers",
        ),
        (
            "March/April 2014 Salt Wedges in Invented Tidal Rivers\n",
            "Salt Wedges in Invented Tidal Rivers",
        ),
        // Status sentences and a lower-case badge above the title stay out of it; a title
        // may end on an abbreviation.
        (
            "The full text of this article is not available.\noa\nSalt Wedges in Invented Tidal Rivers\n",
            "Salt Wedges in Invented Tidal Rivers",
        ),
        (
            "No metrics data to plot.\nSalt Wedges in Invented\nRivers of Phoenix paludosa Roxb.\n",
            "Salt Wedges in Invented Rivers of Phoenix paludosa Roxb.",
        ),
        // The alternative text of a corresponding-author icon before the first name.
        (
            "Salt Wedges in Invented Tidal Rivers\ncorresponding\nauthor1\n",
            "Salt Wedges in Invented Tidal Rivers",
        ),
        // Text-browser super- and subscripts.
        (
            "Ca^2+ Waves over Fe[3]O[4] in Strain INV 1052^T\n",
            "Ca2+ Waves over Fe3O4 in Strain INV 1052T",
        ),
        // A standfirst between the title and the byline (news pages); the title wrapped
        // into short lines.
        (
            "10 September 2020\nSalt wedges: five\npriorities for\nrivers\nInvented rivers carry more salt than anyone thought\ninland. Here is how to measure it.\n",
            "Salt wedges: five priorities for rivers",
        ),
        (
            "Salt Wedges Have Moved Far Up\nthe Invented Rivers\nResearchers have found salt in rivers that ran fresh between 2000 and\n2019, and more that could turn salty soon.\n",
            "Salt Wedges Have Moved Far Up the Invented Rivers",
        ),
        // Empty pages between the title and the byline.
        (
            "Salt Wedges in Invented\nTidal Rivers\n\n\x0c\x0c\x0c",
            "Salt Wedges in Invented Tidal Rivers",
        ),
        // The journal line and tab rows between the title and the byline.
        (
            "Salt wedges in invented tidal\nrivers: a cohort\nstudy\nJ Invent 2016; 353 doi: http://dx.doi.org/10.1000/inv.i4821 (Published 24 May 2016) Cite this\nas: J Invent 2016;353:i4821\nArticle\nRelated content\nMetrics\nResponses\n",
            "Salt wedges in invented tidal rivers: a cohort study",
        ),
    ];
    for (above, want) in cases {
        let page = format!(
            "{above}Mei Lindqvist1 and Dara Okafor1\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.title.as_deref(), Some(*want), "{page}");
    }
}

/// "Journal | Letter": the journal's name before the bar, and the type after it wins over a
/// bare menu entry ("Research") further up.
#[test]
fn journal_and_type_from_a_bar_line() {
    let page = "Research\nArchive\nInvented Letters | Letter\nSalt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.journal.title.as_deref(), Some("Invented Letters"));
    assert_eq!(record.article_type.as_deref(), Some("Letter"));
}

/// A keyword list ends where its kind of line ends: wrapped plain lines are one list (a
/// keyword broken over the wrap stays whole), and a bullet after them (a "* Correspondence"
/// footnote) is no keyword; a bulleted list gives one keyword a bullet; the next label of
/// a definition list ("Copyright") ends the list.
#[test]
fn keyword_lists_end_where_their_kind_of_line_ends() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Keywords\nInvented things, Example\nmaterials, Testing\n* Correspondence: a@example.org\n1 Department of Examples, University of Utopia, Norway\n",
            &["Invented things", "Example materials", "Testing"],
        ),
        (
            "Keywords\n* Invented things\n* Example materials\n\nIntroduction\nWe invented things.\n",
            &["Invented things", "Example materials"],
        ),
        (
            "Keywords\nalpha; beta; gamma\n",
            &["alpha", "beta", "gamma"],
        ),
        // A definition list: the next label alone on its line ends the list.
        (
            "Keywords\n    Invented things, Testing\nCopyright\n    © 2015 Lindqvist et al.\n",
            &["Invented things", "Testing"],
        ),
    ];
    for (body, want) in cases {
        let page = format!(
            "A Study of Invented Things\nMei Lindqvist and Dara Okafor\nAbstract\nWe invented things. They worked well.\n{body}"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.keywords, *want, "{body}");
    }
}

/// The copyright line names the publisher, unless the authors hold the copyright: then the
/// licensee, if any, is the publisher.
#[test]
fn copyright_held_by_the_authors_names_no_publisher() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "© 2015 Lindqvist et al.; licensee Invented Central. This is an Open Access article.",
            Some("Invented Central"),
        ),
        (
            "© 2015 Lindqvist et al. This is an Open Access article.",
            None,
        ),
        (
            "© 2019 Invented Publishing Ltd",
            Some("Invented Publishing Ltd"),
        ),
        ("© 2019 The Authors. Open access.", None),
    ];
    for (line, want) in cases {
        let page = format!(
            "A Study of Invented Things\nMei Lindqvist and Dara Okafor\nAbstract\nWe invented things. They worked well.\n{line}\nIntroduction\nText.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.journal.publisher.as_deref(), *want, "{line}");
    }
}
/// Repository records print their fields after labels: "Title:" (run in, wrapped over
/// lines up to the next label) and "Authors:".
#[test]
fn labelled_title_and_authors() {
    let cases: &[(&str, &str)] = &[
        (
            // A line whose first bytes split a character is no label (and no panic).
            "Menüs\nTitle:SALT: Wedges in Invented\nTidal Rivers\nAuthors:Mei Lindqvist, Dara Okafor, Ruth Berg\nView PDF\n",
            "SALT: Wedges in Invented Tidal Rivers",
        ),
        (
            "Menu\nTitle: Salt Wedges in Invented Tidal Rivers\n\nAuthors: Mei Lindqvist, Dara Okafor, Ruth Berg\n",
            "Salt Wedges in Invented Tidal Rivers",
        ),
    ];
    for (header, title) in cases {
        let page = format!(
            "{header}Abstract:We measured invented things with an invented method. It worked well in every case.\nCite as: arXiv:0000.00000 [cs.CL]\n(or arXiv:0000.00000v2 [cs.CL] for this version)\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.title.as_deref(), Some(*title), "{page}");
        let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            ["Mei Lindqvist", "Dara Okafor", "Ruth Berg"],
            "{page}"
        );
    }
}

/// Names printed one under another after a blank line, their marks set apart on lines of
/// their own, are a byline; menu entries one per line (in capitals, or right under other
/// entries) are not.
#[test]
fn names_one_per_line_with_marks_apart() {
    let abstract_text = "Abstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let cases: &[(&str, &[&str])] = &[
        (
            "Open Access\n\nInvented Flows and Sheets\nin the Invented Dynamo\n\nMei K. Lindqvist\nDara W. Okafor\n\n*\n\n†\n\nRuth A. Berg\nPDF\nShare\n\n",
            &["Mei K. Lindqvist", "Dara W. Okafor", "Ruth A. Berg"],
        ),
        (
            "Invented Flows and Sheets in the Invented Dynamo\n\nMei Lindqvist\nDara Okafor\n\n",
            &["Mei Lindqvist", "Dara Okafor"],
        ),
        // A blank line between the names, the marks in superscript form.
        (
            "Invented Flows and Sheets in the Invented Dynamo\n\nMei K. Lindqvist ^*\n\nDara W. Okafor ^†\n\nRuth A. Berg\n\n  • ^Department of Invented Studies, University of Utopia\n\n",
            &["Mei K. Lindqvist", "Dara W. Okafor", "Ruth A. Berg"],
        ),
        (
            "Invented Flows and Sheets in the Invented Dynamo\nABOUT\n\nFIRST PAGE\nCITED BY\nSAVE ARTICLE\n\n",
            &[],
        ),
        (
            "Invented Flows and Sheets in the Invented Dynamo\nExport\nBibTeX\nDublin Core\nDC Terms\nEndNote\n\n",
            &[],
        ),
    ];
    for (header, want) in cases {
        let page = format!("{header}{abstract_text}");
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, *want, "{page}");
    }
}

/// A title wrapped after a word that needs the next line ("… Based on") goes on there,
/// even when that line reads like names ("Interface Evolution and Discrete Growth"); the
/// labels between the title and the names ("Authors", "Authors and affiliations") are no
/// part of the title.
#[test]
fn wrapped_title_lines_are_no_byline() {
    let page = "Invented Transactions A\nFebruary 2015, Volume 46, Issue 2, pp 549–555\n\nNon-equilibrium Invention and\nMicro Mechanism Based on\nInterface Evolution and Discrete Crystal\nGrowth\nAuthors\nAuthors and affiliations\nMei LindqvistEmail author\nDara Okafor\nCommunication\n\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        record.title.as_deref(),
        Some(
            "Non-equilibrium Invention and Micro Mechanism Based on Interface Evolution and Discrete Crystal Growth"
        )
    );
    let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Mei Lindqvist", "Dara Okafor"]);
}

/// A single author under a label ("By", "Authors") is a byline, and a control label run
/// into the names ("Author links open overlay panelMei Lin") is cut off them.
#[test]
fn single_labelled_authors() {
    let cases: &[&str] = &[
        "Invented Chemistry\nVolume 1, 15 November 2018, Pages 50-55\n\nBonding Without Invented Orbitals\nAuthor links open overlay panelMei Lindqvist\nShow more\n",
        "Invented Chemistry\n\nBonding Without Invented Orbitals\nAuthor links open overlay panel Mei Lindqvist\nShow more\n",
        "Bonding Without Invented Orbitals\nBy\nMei Lindqvist\n\n",
    ];
    for header in cases {
        let page = format!(
            "{header}Abstract\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Mei Lindqvist"], "{page}");
        assert_eq!(
            record.title.as_deref(),
            Some("Bonding Without Invented Orbitals"),
            "{page}"
        );
    }
}

/// A how-to-cite label alone on its line ("Citer", "How to cite") gives the citation on
/// the lines below when it reads as one; a search form's "Citation" field does not.
#[test]
fn citation_under_a_label_alone() {
    let page = "Menu\nCitation\nSubject\nEnter search text / DOI\n\nArticle Dans Une Revue\n\nSalt wedges in invented rivers\n\nRésumé\nDes calculs récents sur des rivières inventées. Ils montrent des choses inventées.\n\nCiter\n\nMei Lindqvist. Salt wedges in invented rivers. Journal of Invented Physics, 1955, 16 (6), pp.444-445.\n\nExporter\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        record.journal.title.as_deref(),
        Some("Journal of Invented Physics")
    );
    assert_eq!(record.volume.as_deref(), Some("16"));
    assert_eq!(record.issue.as_deref(), Some("6"));
    assert_eq!(record.year, Some(1955));
    assert_eq!(
        record.title.as_deref(),
        Some("Salt wedges in invented rivers")
    );
}

/// "Cite this article" alone on its line, with the citation indented below it (a text
/// browser's dump of a definition list), fills the journal data; a citation below it of
/// another work (its DOI is not the article's) fills nothing.
#[test]
fn cite_this_article_label_alone() {
    let cases = [
        ("10.5555/invented.4886", Some(("Invented Biology", "6"))),
        ("10.5555/invented.9999", None),
    ];
    for (cited_doi, expected) in cases {
        let page = format!(
            "Salt wedges in invented rivers\n\nMei Lindqvist, Dara Okafor\n\nDOI\n    https://doi.org/10.5555/invented.4886\n\nCite this article\n    Lindqvist M, Okafor D. 2018. Salt wedges in invented rivers.\n    Invented Biology 6:e4886 https://doi.org/{cited_doi}\n\nAbstract\n\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let found = record
            .journal
            .title
            .as_deref()
            .zip(record.volume.as_deref());
        assert_eq!(found, expected, "{page}");
    }
}

/// A "Journal" label alone on its line names the journal on the next line that is not
/// blank, a subtitle between it and the volume line or not; a "Journal" label over a
/// sentence names no journal.
#[test]
fn journal_under_a_journal_label() {
    let cases = [
        (
            "Journal\n\nInvented Physics\nA Journal at the Interface of Invented Things\n",
            Some("Invented Physics"),
        ),
        ("Journal\nInvented Physics\n", Some("Invented Physics")),
        (
            "Journal\nWe thank the editors of this journal for their help.\n",
            None,
        ),
    ];
    for (banner, expected) in cases {
        let page = format!(
            "Publication Cover\n{banner}\nVolume 111, 2013 - Issue 9-11\n\nInvited Article\n\nSalt wedges in invented rivers\n\nMei Lindqvist & Dara Okafor\n\nAbstract\n\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.journal.title.as_deref(), expected, "{page}");
        assert_eq!(record.volume.as_deref(), Some("111"), "{page}");
    }
}

/// A manuscript's title page: the title, one author's name, and a date under it. The date
/// ends the byline (no author "November"), and one name over a date is a byline.
#[test]
fn a_single_author_over_a_date() {
    let cases: [(&str, &[&str]); 3] = [
        ("Mei Lindqvist\nNovember 2025", &["Mei Lindqvist"]),
        ("Mei Lindqvist\n6 June 2023", &["Mei Lindqvist"]),
        (
            "Mei Lindqvist, Dara Okafor\nNovember 2025",
            &["Mei Lindqvist", "Dara Okafor"],
        ),
    ];
    for (byline, want) in cases {
        let page = format!(
            " \n\n Salt wedges in invented rivers and the shape of their estuaries\n                 {}\n \n\nWe measured invented things with an invented method. It worked well in every case we tried.\n\nReference:   invented/006747\n\nPublished in:  https://doi.org/10.5555/invented.00642\n",
            byline.replace('\n', "\n                 ")
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, want, "{page}");
    }
}

/// A repository's page: one author's name printed twice (the name, a details toggle, the
/// author card) is a byline; a "Citer" heading over the citation gives the journal data and
/// the DOI out of its angle brackets.
#[test]
fn repository_page_single_author_and_citer_heading() {
    let page = "<html><body><h1>Salt wedges in invented rivers</h1><ul><li>Mei Lindqvist</li></ul><p>Show more details</p><p>Mei Lindqvist</p><ul><li>Fonction : Auteur</li></ul><h2>Résumé</h2><p>Des calculs récents sur des rivières inventées. Ils montrent des choses inventées avec soin.</p><h2>Citer</h2><p>Mei Lindqvist. Salt wedges in invented rivers. Journal of Invented Physics, 1955, 16 (6), pp.444-445. ⟨10.5555/invphys:01955001606044400⟩. ⟨inv-00235190⟩</p></body></html>";
    let record = extract_document("page.html", page.as_bytes(), &Options::default());
    let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Mei Lindqvist"]);
    assert_eq!(
        record.doi.as_deref(),
        Some("10.5555/invphys:01955001606044400")
    );
    assert_eq!(
        record.journal.title.as_deref(),
        Some("Journal of Invented Physics")
    );
    assert_eq!(record.volume.as_deref(), Some("16"));
}

/// An "Authors:" label glued to the first name of a list of bullets keeps that name.
#[test]
fn authors_label_glued_to_the_first_bullet() {
    let page = "<html><body><h1>Salt wedges in invented rivers</h1><ul><li>Authors:Mei Lindqvist,</li><li>Dara Okafor,</li><li>Ruth Berg</li></ul><h2>Abstract</h2><p>We measured invented things with an invented method. It worked well in every case.</p></body></html>";
    let record = extract_document("page.html", page.as_bytes(), &Options::default());
    let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Mei Lindqvist", "Dara Okafor", "Ruth Berg"]);
}

/// Authors named by the page's meta tags, which give no institutions, take the
/// affiliation links of their names in the printed byline.
#[test]
fn meta_authors_take_the_printed_affiliation_links() {
    let page = "<html><head><meta name=\"citation_title\" content=\"Salt wedges in invented rivers\"><meta name=\"citation_author\" content=\"Lindqvist, Mei\"><meta name=\"citation_author\" content=\"Okafor, Dara\"></head><body><h1>Salt wedges in invented rivers</h1><p>Mei Lindqvist<sup>1</sup>, Dara Okafor<sup>2</sup></p><p><sup>1</sup>Department of Invented Studies, University of Utopia, Utopia, Norway</p><p><sup>2</sup>Institute of Imaginary Rivers, Atlantis University, Atlantis, Chile</p><h2>Abstract</h2><p>We measured invented things with an invented method. It worked well in every case.</p></body></html>";
    let record = extract_document("page.html", page.as_bytes(), &Options::default());
    let links: Vec<(&str, Vec<&str>)> = record
        .authors
        .iter()
        .map(|a| {
            let texts = a
                .affiliations
                .iter()
                .filter_map(|id| record.affiliations.iter().find(|f| &f.id == id))
                .map(|f| f.text.split(',').next().unwrap_or(""))
                .collect();
            (a.family.as_deref().unwrap_or(""), texts)
        })
        .collect();
    assert_eq!(
        links,
        [
            ("Lindqvist", vec!["Department of Invented Studies"]),
            ("Okafor", vec!["Institute of Imaginary Rivers"])
        ]
    );
}

/// A page that tags only part of its reference list in `citation_reference` meta tags:
/// the printed list wins when the tags hold less than four fifths of it.
#[test]
fn a_partly_tagged_reference_list() {
    let printed: String = (1..=10)
        .map(|n| format!("<li>Lindqvist M, Okafor D ({}) Invented result number {n}. J Invented Stud {n}: {n}1–{n}9.</li>", 1990 + n))
        .collect();
    for (tagged, want) in [(5, 10), (9, 9)] {
        let tags: String = (1..=tagged)
            .map(|n| format!("<meta name=\"citation_reference\" content=\"citation_title=Invented result number {n}; citation_year={};\">", 1990 + n))
            .collect();
        let page = format!(
            "<html><head><meta name=\"citation_title\" content=\"Salt wedges\">{tags}</head><body><h1>Salt wedges</h1><h2>Abstract</h2><p>We measured invented things with an invented method. It worked well in every case.</p><h2>References</h2><ol>{printed}</ol></body></html>"
        );
        let record = extract_document("page.html", page.as_bytes(), &Options::default());
        assert_eq!(record.references.len(), want, "{tagged} tagged");
    }
}

/// A byline whose one name is a button that opens the author's card, after a screen
/// reader's label, under the title heading.
#[test]
fn a_single_author_as_a_button_in_the_byline() {
    let page = "<html><body><h1>Salt wedges in invented rivers</h1><div class=\"author-group\"><span class=\"sr-only\">Author links open overlay panel</span><button type=\"button\"><span class=\"given-name\">Mei</span> <span class=\"surname\">Lindqvist</span></button></div><h2>Abstract</h2><p>We measured invented things with an invented method. It worked well in every case.</p></body></html>";
    let record = extract_document("page.html", page.as_bytes(), &Options::default());
    let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Mei Lindqvist"]);
}

/// A text browser prints a page's table cells side by side: the DOI cut at its slash by
/// the next cell goes on at the start of the next line; the corresponding-author icon's
/// text between a name's comma and its label is a mark.
#[test]
fn text_browser_table_cells_and_icon_text() {
    let page = " Logo of invjournal\n Invented J Surg. 2009; 7: 9.\n Published online 2009 January 22. doi:  10.1234/             PMCID: PMC0000000\n 1477-0000-7-9\n Copyright © 2009 Lindqvist et al.\n Salt Wedges in Invented Tidal Rivers\n Mei Lindqvist,^corresponding author^1 Dara Okafor,^2 and Ruth Berg^1\n ^1Department of Invented Studies, University of Utopia, Utopia, Norway\n\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.doi.as_deref(), Some("10.1234/1477-0000-7-9"));
    assert_eq!(
        record.title.as_deref(),
        Some("Salt Wedges in Invented Tidal Rivers")
    );
    let names: Vec<(&str, bool)> = record
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.corresponding))
        .collect();
    assert_eq!(
        names,
        [
            ("Mei Lindqvist", true),
            ("Dara Okafor", false),
            ("Ruth Berg", false)
        ]
    );
}

/// A volume line read as a citation gives no journal named "Volume".
#[test]
fn a_volume_label_is_no_journal() {
    let page = "Publisher\n\nInvented Chemistry\n\nVolume 1144, 15 November 2018, Pages 50-55\nInvented Chemistry\n\nBonding Without Invented Orbitals\nAuthor links open overlay panelMei Lindqvist\n\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_ne!(record.journal.title.as_deref(), Some("Volume"));
    assert_eq!(record.volume.as_deref(), Some("1144"));
}

/// A citation that gives the first page only, then a locator line with the range: the
/// last page comes from the range; the citation gives the journal's abbreviation.
#[test]
fn last_page_from_a_later_range() {
    let page = "Invented Transactions A\nFebruary 2015, Volume 46, Issue 2, pp 549–555\n\nSalt Wedges in Invented Tidal Rivers\nMei Lindqvist and Dara Okafor\nCite this article as:\nLindqvist, M. & Okafor, D. Invented Trans A (2015) 46: 549. doi:10.1234/inv-014-2711-5\n\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.page_first.as_deref(), Some("549"));
    assert_eq!(record.page_last.as_deref(), Some("555"));
    // The citation's journal abbreviation, before its year in parentheses.
    assert_eq!(record.journal.abbrev.as_deref(), Some("Invented Trans A"));
}

/// Without a byline that reads as one, the title is read under the article-type label:
/// wrapped lines go on in lower case, after a mid-phrase stop, or in title case; a date
/// between the label and the title is skipped and a longer standfirst is no part of it.
#[test]
fn titles_under_an_article_type_label() {
    let cases: &[(&str, &str)] = &[
        (
            "Review Article\n\nSalt wedges and tidal rivers: A\nreview\nMei Lindqvist Institute of Invented Studies, Utopia\n",
            "Salt wedges and tidal rivers: A review",
        ),
        (
            "Research Article\nResponse of Invented Tidal Rivers and Salt\nWedges to the Phases of the Moon\nMei Lindqvist\n",
            "Response of Invented Tidal Rivers and Salt Wedges to the Phases of the Moon",
        ),
        (
            "News\n10 September 2020\nMore than 100 invented rivers have\ndisappeared from the maps\nResearchers have identified dozens of invented rivers that went dry between\n2000 and 2019.\n",
            "More than 100 invented rivers have disappeared from the maps",
        ),
    ];
    for (page, want) in cases {
        let page = format!(
            "{page}\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.title.as_deref(), Some(*want), "{page}");
    }
}

/// A byline broken by blank lines mid-list ("Mei Lindqvist-Okafor" / "1, Robert Tanaka1
/// … & Mohini" / "Sain1"), and the authors' cards after the labelled affiliations ("Authors"
/// / a name / "View author publications" / "Search author on:") add no affiliation.
#[test]
fn byline_broken_by_blank_lines_and_author_cards_after_affiliations() {
    let page = "Journal of Invented Rivers\n\nArticle\n\nSalt Wedges in Invented Tidal Rivers\n\nMeira Lindqvist-Okafor\n\n1, Robert Tanaka1, Joydeep Mensah2 & Mohini\n\nSain1\n422 Accesses\n\nAbstract\n\nWe measured invented things with an invented method. It worked well in every case.\n\nAuthors and Affiliations\n1. Institute of Invented Studies, University of Utopia, Utopia, Atlantis\nMeira Lindqvist-Okafor, Robert Tanaka & Mohini Sain\n2. Invented Polytechnic, Lemuria, Atlantis\nJoydeep Mensah\nAuthors\nMeira Lindqvist-Okafor\nView author publications\nSearch author on:\nPubMed\n\nRobert Tanaka\nView author publications\nSearch author on:\nPubMed\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let authors: Vec<(&str, Vec<&str>)> = record
        .authors
        .iter()
        .map(|a| {
            let ids = a.affiliations.iter().map(String::as_str).collect();
            (a.name.as_str(), ids)
        })
        .collect();
    assert_eq!(
        authors,
        vec![
            ("Meira Lindqvist-Okafor", vec!["1"]),
            ("Robert Tanaka", vec!["1"]),
            ("Joydeep Mensah", vec!["2"]),
            ("Mohini Sain", vec!["1"]),
        ]
    );
    assert_eq!(record.affiliations.len(), 2, "{:?}", record.affiliations);
}

/// A single name over its author card's link is the byline; the article's prose under
/// the card holds no affiliation of it.
#[test]
fn a_single_name_over_its_author_card() {
    let page = "News\n10 September 2020\n\nMore than 100 invented rivers have\ndisappeared from the maps\n\nDiana Okafor\nSearch for this author in:\nPub Med\nGoogle Scholar\n\nInvented rivers are supposed to stay on the maps. But over the past\ntwo decades, 176 rivers have gone dry, says Mei Lin, a hydrologist at the\nInvented School of Rivers in Utopia, and a co-author of the study.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec!["Diana Okafor"]);
    // The prose under the card is the article: no affiliation in it.
    assert!(record.affiliations.is_empty(), "{:?}", record.affiliations);
}

/// PubMed Central's footer names the journal when the header does not.
#[test]
fn journal_from_an_archive_footer() {
    let page = "Salt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n\nArticles from Journal of Invented Rivers are provided here courtesy of\nInvented Press\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        record.journal.title.as_deref(),
        Some("Journal of Invented Rivers")
    );
}

/// A labelled page range on its own line in the header gives the pages.
#[test]
fn pages_from_a_labelled_range_line() {
    let page = "Salt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nPages 1092-1099\nReceived 23 Jan 2013\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let pages = (record.page_first.as_deref(), record.page_last.as_deref());
    assert_eq!(pages, (Some("1092"), Some("1099")));
}

/// A news page without an abstract: its standfirst, between title and byline, stands in.
#[test]
fn a_standfirst_stands_in_for_a_missing_abstract() {
    let page = "News\n10 September 2020\nSalt wedges: five\npriorities for\nrivers\nInvented rivers carry more salt than anyone thought\ninland. Here is how to measure it.\nBy Mei Lindqvist1, Dara Okafor2 & Jun Moreau1\n\nSince invented rivers were measured late last year, it has become apparent that\nthis kind of river will have huge implications.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        record.abstract_text.as_deref(),
        Some(
            "Invented rivers carry more salt than anyone thought inland. Here is how to measure it."
        )
    );
}

/// A printed news page: the title's lines run straight into the standfirst, with no blank
/// line between them; the standfirst still stands in for the abstract.
#[test]
fn a_standfirst_right_under_the_title_lines() {
    let page = "NEWS\n10 September 2020\n\nMore than 100 invented rivers have\ndisappeared from the maps\nResearchers have identified dozens of invented rivers that went dry between\n2000 and 2019, and hundreds more that could be at risk.\n\nMei Lindqvist\nSearch for this author in:\n\nSince invented rivers were measured late last year, it has become apparent that\nthis kind of river will have huge implications for everyone.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        record.title.as_deref(),
        Some("More than 100 invented rivers have disappeared from the maps")
    );
    assert_eq!(
        record.abstract_text.as_deref(),
        Some(
            "Researchers have identified dozens of invented rivers that went dry between 2000 and 2019, and hundreds more that could be at risk."
        )
    );
}

/// The journal's name a blank line above the volume line (a text browser's spacing) names
/// the journal; a share menu's last bullet above it does not.
#[test]
fn journal_above_a_volume_line_across_a_blank_line() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "Invented Theoretical Chemistry\n\nVolume 1144, 15 November 2018, Pages 50-55\n",
            Some("Invented Theoretical Chemistry"),
        ),
        (
            "  • Facebook\n  • Sina Weibo\n\nVolume 1144, 15 November 2018, Pages 50-55\n",
            None,
        ),
    ];
    for (above, want) in cases {
        let page = format!(
            "{above}\nSalt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(record.journal.title.as_deref(), *want, "{page}");
        assert_eq!(record.volume.as_deref(), Some("1144"), "{page}");
    }
}

/// A figure's DOI printed before the article's does not stand for the article.
#[test]
fn a_figure_doi_gives_way_to_the_articles() {
    let page = "Salt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nFigure 1: Salt at nine gauges. DOI: 10.7717/inv.4886/fig-1\nCite this article: Lindqvist M, Okafor D. 2018. Salt wedges. Invented Rivers 6:e4886 https://doi.org/10.7717/inv.4886\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.doi.as_deref(), Some("10.7717/inv.4886"));
}

/// A Vancouver citation line wrapped after its volume and issue gives the pages too.
#[test]
fn a_citation_line_wrapped_after_its_volume() {
    let page = "Salt Wedges in Invented Tidal Rivers\nMei Lindqvist1 and Dara Okafor1\nWorld J Invent Rivers. 2011 December 16; 3(12):\n241–247.                          PMCID: PMC0000000\nAbstract\nWe measured invented things with an invented method. It worked well in every case.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let got = (
        record.volume.as_deref(),
        record.issue.as_deref(),
        record.page_first.as_deref(),
        record.page_last.as_deref(),
    );
    assert_eq!(got, (Some("3"), Some("12"), Some("241"), Some("247")));
}

/// A news page: title, standfirst, one author over its card's links, and the story's own
/// DOI labelled under the body. The standfirst is the abstract, the card names the
/// author, and the labelled DOI is the page's.
#[test]
fn news_page_standfirst_author_card_and_closing_doi() {
    let page = "NEWS\n12 March 2021\n\nInvented sea snails learn to count\n\nResearchers have trained invented sea snails to count to four, and hundreds more could follow.\n\nLina Okafor\n\nSearch for this author in:\n\n  • Pub Med\n  • Google Scholar\n\nThe snails were kept in tanks for a year. They learned fast, says one of the team.\n\nThe team hopes to test more snails next year, and to publish the results soon after.\n\ndoi: https://doi.org/10.5555/news-2021-00042-x\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec!["Lina Okafor"]);
    assert_eq!(
        record.abstract_text.as_deref(),
        Some(
            "Researchers have trained invented sea snails to count to four, and hundreds more could follow."
        )
    );
    assert_eq!(record.doi.as_deref(), Some("10.5555/news-2021-00042-x"));
}

/// HighWire's side box ("This Article") holds the page's own DOI and its citation after
/// it, run on over two lines.
#[test]
fn highwire_citation_box_gives_doi_and_locator() {
    let page = "Invented Surface Studies\n\nA Study of Invented Grooves\n\nMei Lindqvist^a and Dara Okafor^b\n\n^aDepartment of Invented Studies, University of Utopia, Utopia, Norway\n^bInstitute of Examples, Example University, Lisbon, Portugal\n\nAbstract\n\nWe studied invented grooves. They worked well in every test we ran.\n\nReferences\n\n1. Moreau J. A first title. Invent. Lett. 12, 34 (2001).\n\n« Previous | Next Article » Table of Contents\n\nThis Article\n\n 1. doi: 10.5555/2.0281507inv Invent. Surf. Stud. 2015 volume 4,\n    issue 7, P272-P276\n\n 1. Abstract\n 2. Full Text\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.doi.as_deref(), Some("10.5555/2.0281507inv"));
    let locator = (
        record.volume.as_deref(),
        record.issue.as_deref(),
        record.page_first.as_deref(),
        record.page_last.as_deref(),
        record.year,
    );
    assert_eq!(
        locator,
        (Some("4"), Some("7"), Some("P272"), Some("P276"), Some(2015))
    );
}

/// An "Issue" label alone over the issue's locator, after the reference list's heading.
#[test]
fn issue_label_over_its_locator() {
    let page = "Invented Physics Letters\n\nA Study of Invented Phonons\n\nMei Lindqvist^1 and Dara Okafor^2\n\n^1Department of Invented Studies, University of Utopia, Utopia, Norway\n^2Institute of Examples, Example University, Lisbon, Portugal\n\nAbstract\n\nWe studied invented phonons. They travel faster one way than the other.\n\nReferences\n\nClick to Expand\n\nIssue\n\nVol. 122, Iss. 14 — 12 April 2019\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        (record.volume.as_deref(), record.issue.as_deref()),
        (Some("122"), Some("14"))
    );
}

/// A text dump that sets each affiliation's label alone on its line ("^1") and runs the
/// authors' e-mail addresses on after the address: the label ends the byline, the
/// affiliation is read whole up to the addresses, and each author gets their own address.
#[test]
fn labels_alone_under_a_byline_and_mail_addresses_after_affiliations() {
    let page = "A Study of Invented Willows\n\nMei Lindqvist ^1, Dara Okafor ^2 and Jun Moreau ^1,*\n^1\nInstitute of Invented Studies (IIS), Prov.le Utopia-North,\n73100 Utopia, Italy; E-Mails: mei.lindqvist@example.org (M.L.);\njun.moreau@example.org (J.M.)\n^2\nDepartment of Examples, University of Examples, Via Roma 1, 70125 Bari, Italy\n\nAbstract\n\nWe studied invented willows. They grew well in every test we ran.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let texts: Vec<&str> = record
        .affiliations
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        texts,
        vec![
            "Institute of Invented Studies (IIS), Prov.le Utopia-North, 73100 Utopia, Italy",
            "Department of Examples, University of Examples, Via Roma 1, 70125 Bari, Italy",
        ]
    );
    let links: Vec<(&str, Vec<&str>)> = record
        .authors
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.affiliations.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        links,
        vec![
            ("Mei Lindqvist", vec!["1"]),
            ("Dara Okafor", vec!["2"]),
            ("Jun Moreau", vec!["1"]),
        ]
    );
}

/// An issue box after the reference list ("Volume50, Issue7" / "July 2015" / "Pages
/// 528-531") gives the pages when its volume is the article's own.
#[test]
fn issue_box_gives_pages_under_the_own_volume() {
    let page = "Volume 50, Issue 7 Invented Research and Technology\n\nA Study of Invented Crystals\n\nMei Lindqvist^1 and Dara Okafor^2\n\n^1Department of Invented Studies, University of Utopia, Utopia, Norway\n^2Institute of Examples, Example University, Lisbon, Portugal\n\nAbstract\n\nWe grew invented crystals. They grew well in every test we ran.\n\nReferences\n\n1. Moreau J. A first title. Invent. Lett. 12, 34 (2001).\n\nPublication cover image\n\nVolume50, Issue7\n\nJuly 2015\n\nPages 528-531\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.volume.as_deref(), Some("50"));
    assert_eq!(
        (record.page_first.as_deref(), record.page_last.as_deref()),
        (Some("528"), Some("531"))
    );
    // Under another volume, the box is some other issue's.
    let other = page.replace("Volume50, Issue7", "Volume51, Issue2");
    let record = extract_document("page.txt", other.as_bytes(), &Options::default());
    assert_eq!(record.page_first, None);
}

/// A breadcrumb trail on one line names the volume and issue; a publication date broken
/// before its year is read across the break.
#[test]
fn breadcrumb_trail_and_a_date_broken_before_its_year() {
    let page = "Home > Publishers > Invented Publishing > Invented Photonics > Volume 1, Issue 2 >\n\nA Study of Invented Resonance\n\nMei Lindqvist^1 and Dara Okafor^2\n\n^1Department of Invented Studies, University of Utopia, Utopia, Norway\n^2Institute of Examples, Example University, Lisbon, Portugal\n\nReceived 25 November 2015 Accepted 09 February 2016 Published online 02 May\n2016\n\nAbstract\n\nWe built an invented resonance spectrometer. It worked well in every test we ran.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(
        (record.volume.as_deref(), record.issue.as_deref()),
        (Some("1"), Some("2"))
    );
    assert_eq!(record.dates.published.as_deref(), Some("2016-05-02"));
}

/// A preprint's version history: the version shown was published on the last revision's
/// date, and the work's year is its first version's.
#[test]
fn preprint_version_history_gives_published_date_and_year() {
    let cases = [
        (
            "[Submitted on 11 Oct 2018 (v1), last revised 24 May 2019 (this version, v2)]",
            "2019-05-24",
            2018,
        ),
        ("[Submitted on 3 Feb 2021]", "2021-02-03", 2021),
    ];
    for (history, published, year) in cases {
        let page = format!(
            "Computer Science > Computation and Language\n\n{history}\n\nInvented Transformers for Language Understanding\n\nMei Lindqvist, Dara Okafor\n\nAbstract: We invent a language model. It works well on every test we ran.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(
            record.dates.published.as_deref(),
            Some(published),
            "{history}"
        );
        assert_eq!(record.year, Some(year), "{history}");
    }
}

/// A labelled citation wrapped before its page, the page opening the line of the
/// article's DOI.
#[test]
fn labelled_citation_wrapped_before_its_page() {
    let page = "A Study of Invented Thermometers\n\nMei Lindqvist and Dara Okafor\n\nInvented Metrology, Volume 12, Number 4 Citation M Lindqvist et al 1976 Invented Metrology 12\n143 DOI 10.5555/0026-1394/12/4/002\n\nAbstract\n\nWe built invented thermometers. They worked well in every test we ran.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.doi.as_deref(), Some("10.5555/0026-1394/12/4/002"));
    assert_eq!(
        (record.page_first.as_deref(), record.year),
        (Some("143"), Some(1976))
    );
}

/// A manuscript's page: the published version's DOI under a "Published in:" label. (Its
/// month and year under the byline stay unread: alone and unlabelled, too weak a date.)
#[test]
fn manuscript_published_version_doi() {
    let page = "Invented Attractors in the Evolution of Grammar\nLina Okafor\nNovember 2025\n\nThe theory of invented grammar changes models directions and outcomes of change.\n\nPublished in:\n\n2023. Invented Linguistics 70: 195-218\nhttps://doi.org/10.5555/2062.2023.00642\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.doi.as_deref(), Some("10.5555/2062.2023.00642"));
}

/// A working paper's page: the abstract, without a heading, right under the byline's
/// metadata lines, with more of the page after it; printed, with the share menu's items
/// one a line above it, a page break inside a sentence and a heading right under it.
#[test]
fn unheaded_abstract_under_byline_metadata() {
    let paragraph = "We evaluate an invented firm's unusual, worker-centered solution to the agency problem:\nenabling employees to reduce the cost of effort rather than pushing them with rewards.\nWe randomize the roll-out of the intervention among invented employees and follow them\nfor two years. We find that performance increases because the low performers leave.\n";
    let printed = "We evaluate an invented firm's unusual, worker-centered solution to the agency problem:\nenabling employees to reduce the cost of effort rather than pushing them with rewards.\nWe randomize the roll-out of the intervention among invented employees and follow them\n\n\u{c}for two years. We find that performance increases because the low performers leave.\nAcknowledgements and Disclosures\n";
    let pages = [
        format!(
            "Meaning in Invented Work\n\nMei Lindqvist, Dara Okafor & Jun Moreau\nShare\nWorking Paper 12345\nDOI 10.5555/w12345\nIssue Date May 2025\n\n{paragraph}\nDownload Citation\nTopics\nLabor Studies\n"
        ),
        format!(
            "Meaning in Invented Work\nMei Lindqvist, Dara Okafor & Jun Moreau\nX\nFacebook\nWorking Paper 12345\nDOI 10.5555/w12345\nIssue Date May 2025\n\nBluesky\n\nEmail\n\nLink\n\n{printed}Citation and Citation Data\nCopy Citation\nLindqvist, Okafor and Moreau, \"Meaning in Invented Work,\" Invented Working Paper 12345 (2025).\nTopics\nLabor Studies\n"
        ),
    ];
    for page in pages {
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let abstract_text = record.abstract_text.as_deref().unwrap_or("");
        assert!(
            abstract_text.starts_with("We evaluate an invented firm's")
                && abstract_text.ends_with("low performers leave."),
            "{abstract_text}\n{page}"
        );
    }
}

/// An article located by its number alone gets it as its first page too, as its HTML's
/// `citation_firstpage` gives it; a printed page range stays as printed.
#[test]
fn article_number_is_the_first_page_without_a_range() {
    let cases = [
        ("Invented Letters 6:e4886", Some("e4886"), Some("e4886")),
        ("Invented Letters 6, 112–118 (2018)", None, Some("112")),
    ];
    for (locator, article_number, page_first) in cases {
        let page = format!(
            "A Study of Invented Things\n\nMei Lindqvist and Dara Okafor\n\nCite this article: Lindqvist M, Okafor D. 2018 A study of invented things. {locator}\nhttps://doi.org/10.5555/inv.4886\n\nAbstract\n\nWe invented things. They worked well in every test we ran, and in the field.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(
            (
                record.article_number.as_deref(),
                record.page_first.as_deref()
            ),
            (article_number, page_first),
            "{locator}"
        );
    }
}

/// A journal's acronym in the article's citation is expanded from its full title wrapped
/// over two lines at the top of the page; a one-word title is its own abbreviation.
#[test]
fn journal_title_from_acronym_and_one_word_abbreviation() {
    let cases = [
        (
            "International Journal of Invented\nMicrobiology\n\n",
            "This Article\nPublished online ahead of print June 7, 2013, doi: 10.5555/ijim.0.048827-0 IJIM\nNovember 2013 vol. 63 no. 11 4141-4148",
            "International Journal of Invented Microbiology",
            None,
        ),
        (
            "",
            "This Article\nPublished online ahead of print June 7, 2013, doi: 10.5555/ijim.0.048827-0 Metabolica\nNovember 2013 vol. 63 no. 11 4141-4148",
            "Metabolica",
            Some("Metabolica"),
        ),
    ];
    for (top, citation, title, abbrev) in cases {
        let page = format!(
            "{top}A Study of Invented Microbes\n\nMei Lindqvist and Dara Okafor\n\n{citation}\n\nAbstract\n\nWe invented microbes. They grew well in every test we ran, and in the field.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(
            (
                record.journal.title.as_deref(),
                record.journal.abbrev.as_deref()
            ),
            (Some(title), abbrev),
            "{citation}"
        );
    }
}

/// A journal's issue box after the reference list ("Invented Society Open Science: 3 (6)")
/// gives the issue and the journal's full title when it is the article's own volume and
/// journal; a cited article's box-like line does not.
#[test]
fn issue_box_after_the_references() {
    let cases = [
        (
            "Invented Society Open Science: 3 (6)",
            Some("6"),
            Some("Invented Society Open Science"),
        ),
        ("Invented Society Open Science: 4 (6)", None, None),
        ("Journal of Other Studies: 3 (6)", None, None),
    ];
    for (issue_box, issue, journal) in cases {
        let page = format!(
            "A Study of Invented Things\n\nMei Lindqvist and Dara Okafor\n\nCite this article: Lindqvist M, Okafor D. 2016 A study of invented things. Inv. Soc. open sci. 3: 160123.\n\nAbstract\n\nWe invented things. They worked well in every test we ran, and in the field too.\n\nReferences\n\n1. Doe J. 2001 A thing. Invent. Lett. 3, 1-2.\n\nJune, 2016\n\n{issue_box}\n\n  • Table of Contents\n  • About the Cover\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(
            (record.issue.as_deref(), record.journal.title.as_deref()),
            (issue, journal),
            "{issue_box}"
        );
        assert_eq!(record.volume.as_deref(), Some("3"), "{issue_box}");
    }
}

/// The journal's masthead above the title, marked as the page's own journal by a link to
/// it, by repeating an item of the publisher's menu of journals, by the footer or by the
/// breadcrumb trail; a plain line above the title that is none of these is no journal.
#[test]
fn journal_masthead_above_the_title() {
    let cases = [
        (
            "Advanced Invented Interfaces\nExplore this journal >\n\n",
            "",
            Some("Advanced Invented Interfaces"),
        ),
        (
            "  • Invented Letters\n  • The Journal of Invented Chemistry A\n  • The Journal of Invented Chemistry B\n\nThe Journal of Invented Chemistry A\nAdvanced Search\n\n",
            "",
            Some("The Journal of Invented Chemistry A"),
        ),
        (
            "Invented Review X\n\n",
            "Invented Review X™ is a trademark of the Invented Physical Society.\n",
            Some("Invented Review X"),
        ),
        (
            "",
            "Journal of The Invented Society is an official publication of The Invented Society.\n",
            Some("Journal of The Invented Society"),
        ),
        // Printed without its list marks.
        (
            "Invented Letters\nThe Journal of Invented Chemistry A\nThe Journal of Invented Chemistry B\nInvented Symposium Series\nThe Journal of Invented Chemistry A\nAdvanced Search\n\n",
            "",
            Some("The Journal of Invented Chemistry A"),
        ),
        ("Invented Review X\n\n", "", None),
        // A menu's one-word section repeated.
        (
            "Open Calls\nResearch\nEXPLORE Research\nHome\nResearch\nWorking Papers\n\n",
            "",
            None,
        ),
        // A breadcrumb trail: the journal after "Home".
        (
            " 1. Home\n 2. Journal of Invented Polymers\n 3. Article\n\n",
            "",
            Some("Journal of Invented Polymers"),
        ),
        (
            "  • Home\n  • Archive\n  • Letters on Invented Things\n\n",
            "",
            Some("Letters on Invented Things"),
        ),
        // A trail of sections, no journal in it.
        (" 1. Home\n 2. Research\n 3. Article\n\n", "", None),
    ];
    for (masthead, footer, journal) in cases {
        let page = format!(
            "{masthead}A Study of Invented Things\n\nMei Lindqvist and Dara Okafor\n\nAbstract\n\nWe invented things. They worked well in every test we ran, and in the field too.\n\nIntroduction\n\nThings are invented every day, and some of them work.\n\n{footer}"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        assert_eq!(
            record.journal.title.as_deref(),
            journal,
            "{masthead}{footer}"
        );
    }
}

/// A sentence wrapped so that its last word stands alone ("… also supported the" /
/// "results.") neither opens a section nor reads as a structured abstract's label.
#[test]
fn wrapped_sentence_end_that_reads_like_a_heading() {
    for last_word in ["results.", "conclusions.", "methods."] {
        let page = format!(
            "A Study of Invented Things\n\nMei Lindqvist and Dara Okafor\n\nAbstract\n\nWe invented things and measured them in every way we could think of, twice.\nThe ion release and the pH measurement after immersing them also supported the\n{last_word}\n\nIntroduction\n\nThings are invented every day, and some of them work.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let abstract_text = record.abstract_text.as_deref().unwrap_or("");
        assert!(
            abstract_text.ends_with(&format!("supported the {last_word}")),
            "{abstract_text}"
        );
    }
}

/// A "* Corresponding author: <name>" note under the whole byline marks the author it
/// names, not the last name above it; a bare note under one name marks that name.
#[test]
fn corresponding_note_under_the_byline_marks_the_named_author() {
    let cases = [
        (
            "Mei Lindqvist12*, Dara Okafor3 and Lise Berg6\n* Corresponding author: Mei Lindqvist mei.lindqvist@example.org",
            vec![true, false, false],
        ),
        (
            "Mei Lindqvist1 and Dara Okafor2\nCorresponding author",
            vec![false, true],
        ),
    ];
    for (byline, expected) in cases {
        let page = format!(
            "A Study of Invented Things in Care\n\n{byline}\n\nAbstract\n\nWe invented things. They worked well in every test we ran, and in the field too.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let marks: Vec<bool> = record.authors.iter().map(|a| a.corresponding).collect();
        assert_eq!(marks, expected, "{byline}");
    }
}

/// A publisher's PDF prints the article's DOI and how to cite it right after the last
/// reference, with no heading: the DOI is the article's, and the block no reference.
#[test]
fn citation_block_after_the_last_reference() {
    let page = "A Study of Invented Things\nMei Lindqvist1* and Dara Okafor2\n\nAbstract\nWe invented things. They worked well in every test we ran, and in the field too.\n\nReferences\n1. Doe J, Roe R: A first invented study. Invent Lett 2001, 3:1-2.\n2. Poe P: A second invented study of the\nsame things. Invent Rev 2006, 2:200-12.\ndoi:10.5555/1752-2897-4-1\nCite this article as: Lindqvist et al.: A study of invented things.\nJournal of Invented Outcomes 2010 4:1.\n\nPublish with Invented Central and every\nscientist can read your work free of charge\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.doi.as_deref(), Some("10.5555/1752-2897-4-1"));
    assert_eq!(record.references.len(), 2);
    let last = &record.references[1].raw;
    assert!(last.ends_with("2006, 2:200-12."), "{last}");
}

/// The copyright notice printed right after the last reference is no part of it.
#[test]
fn copyright_notice_after_the_last_reference() {
    let page = "A Study of Invented Things\nMei Lindqvist1* and Dara Okafor2\n\nAbstract\nWe invented things. They worked well in every test we ran, and in the field too.\n\nReferences\n1. Doe, J.; Roe, R. A first invented study. Invent. Lett. 2001, 3, 1-2.\n2. Poe, P. A second invented study. Invent. Rev. 2006, 2, 200-212.\n\n© 2014 by the authors; licensee Invented Publishing, Basel, Switzerland. This article is an\nopen access article distributed under the terms of the Invented License.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    assert_eq!(record.references.len(), 2);
    let last = &record.references[1].raw;
    assert!(last.ends_with("2006, 2, 200-212."), "{last}");
}

/// A publisher's PDF as text may print the affiliations' labels as a column of their own
/// above the texts: each text gets its label, in order, a text broken over lines once.
#[test]
fn affiliation_labels_printed_as_a_column() {
    let page = "A Study of Invented Things\nMei Lindqvist 1, Dara Okafor 2,* and Jun Moreau 3\n1\n\n2\n\n3\n\nInvented Institute of Botany (IIB), Garden Road 5, 73100 Utopia,\nNorway; E-Mail: mei@example.org\nDepartment of Examples, University of Lisbon, 1000-001 Lisbon, Portugal\nInstitute of Invented Studies, Via Roma 12, 70125 Bari, Italy\n\n* Author to whom correspondence should be addressed; E-Mail: dara@example.org.\n\nAbstract: We invented things. They worked well in every test we ran, and in the field too.\n";
    let record = extract_document("page.txt", page.as_bytes(), &Options::default());
    let affiliations: Vec<(&str, &str)> = record
        .affiliations
        .iter()
        .map(|a| (a.id.as_str(), a.country.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        affiliations,
        vec![("1", "Norway"), ("2", "Portugal"), ("3", "Italy")]
    );
    let labels: Vec<Vec<String>> = record
        .authors
        .iter()
        .map(|a| a.affiliations.clone())
        .collect();
    assert_eq!(labels, vec![vec!["1"], vec!["2"], vec!["3"]]);
}

/// A byline without affiliation labels over a list of as many unlabelled affiliations,
/// one per name: each name's, in order; a list of another length links nothing.
#[test]
fn unlabelled_affiliation_list_one_per_name() {
    let list = "  • Department of Invented Sciences, Invented University, 4 Ivy Lane, Utopia, New Jersey 08544, USA\n  • Institute of Examples, Example University, Parks Road, Oxford, OX1 3PU, United Kingdom\n";
    let cases = [
        (
            "Mei Lindqvist *\n\nDara Okafor †\n\n",
            vec![vec!["1"], vec!["2"]],
        ),
        (
            "Mei Lindqvist *\n\nDara Okafor †\n\nJun Moreau\n\n",
            vec![vec![], vec![], vec![]],
        ),
    ];
    for (byline, expected) in cases {
        let page = format!(
            "A Study of Invented Things\n\n{byline}{list}\nAbstract\n\nWe invented things. They worked well in every test we ran, and in the field too.\n"
        );
        let record = extract_document("page.txt", page.as_bytes(), &Options::default());
        let links: Vec<Vec<String>> = record
            .authors
            .iter()
            .map(|a| a.affiliations.clone())
            .collect();
        assert_eq!(links, expected, "{byline}");
    }
}
