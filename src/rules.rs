//! Heuristics as data: boilerplate phrases, section headings, link-residue labels and
//! icon-font names. The tables are plain arrays; the few regexes are compiled once.

use crate::segment::SectionKind;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Whole lines that are site chrome on any site (compared case-insensitively).
const BOILERPLATE_LINES: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "jump to main content",
    "jump to navigation",
    "advertisement",
    "[image]",
    "view author publications",
    // Atypon's link under each author card (PNAS, Science, ACS, Taylor & Francis).
    "view all articles by this author",
    "search author on:pubmed google scholar",
    "you can also search for this author in pubmed google scholar",
    "download references",
    "download citation",
    "download pdf",
    "reprints and permissions",
    "rights and permissions",
    "metrics details",
    "get shareable link",
    "copy shareable link to clipboard",
    "share this article",
    "sorry, a shareable link is not currently available for this article.",
    "provided by the springer nature sharedit content-sharing initiative",
    "anyone you share the following link with will be able to read this",
    "content:",
    "access through your institution",
    "or",
    "sign in or create an account",
    "continue with google",
    "continue with orcid",
    "[image] continue with google",
    "[image] continue with orcid",
    "search",
    "log in",
    "menu",
    "close",
    "print",
    "share",
    "cite",
    "show authors",
    "full size image",
    "full size table",
    "back to top",
    "open in new tab",
    "view full text",
    "check for updates",
    "explore all metrics",
    "save article",
    "view saved research",
    "springer nature",
    "springer nature link",
    "aims and scope",
    "submit manuscript",
    // J-STAGE's pager above the title.
    "<< previous article | next article >>",
];

/// Link labels printed after each reference on many sites.
const LINK_RESIDUE_WORDS: &[&str] = &[
    "cas",
    "pubmed",
    "pubmed central",
    "google scholar",
    "article",
    "crossref",
    "web of science",
    "scopus",
    "math",
    "mathscinet",
    "ads",
    "isi",
    "medline",
    "doi",
    "full text",
    "view article",
    "pmc free article",
    "free full text",
    "[crossref]",
    "[pubmed]",
    "[google scholar]",
    "[cas]",
    "[green version]",
    "[pmc free article]",
    "[ref list]",
    // SciELO's link to each reference's record in its index.
    "[ links ]",
    "[links]",
    // (Its end, when a text browser wrapped it: "1993. [" / "Links ]".)
    "links ]",
    "links]",
    "pubmed/ncbi",
    "openurl",
    "abstract/free full text",
    "view record in scopus",
    "google preview",
    "worldcat",
    "chemport",
    "inspire",
    "zentralblatt math",
    "europe pmc",
    "search in google scholar",
    "publisher site",
    "find it",
    "pubmed abstract",
    "publisher full text",
    "biomed central full text",
    // ACM Digital Library and IEEE Xplore.
    "digital library",
    "cross ref",
    "show in context",
];

/// Icon-font ligature names that leak into pastes as words.
const ICON_WORDS: &[&str] = &[
    "zoom_out_map",
    "zoom_in",
    "format_quote",
    "arrow_forward",
    "arrow_back",
    "arrow_drop_down",
    "expand_more",
    "expand_less",
    "open_in_new",
    "file_download",
    "get_app",
    "picture_as_pdf",
    "share",
    "close",
    "menu",
    "search",
    "keyboard_arrow_down",
    "keyboard_arrow_right",
    "chevron_right",
    "launch",
    "mail_outline",
    "email",
    "print",
    "bookmark_border",
    "info_outline",
];

/// Section headings and the part of the page they open (compared case-insensitively,
/// after numbering such as `1.` or `II.` and a trailing colon are removed).
pub const SECTION_HEADINGS: &[(&str, SectionKind)] = &[
    ("abstract", SectionKind::Abstract),
    ("summary", SectionKind::Abstract),
    ("structured abstract", SectionKind::Abstract),
    ("graphical abstract", SectionKind::Abstract),
    // The abstract's heading on French, German and Spanish pages.
    ("résumé", SectionKind::Abstract),
    ("zusammenfassung", SectionKind::Abstract),
    ("resumen", SectionKind::Abstract),
    // SciELO's second abstract and its keywords in Portuguese or Spanish: the first
    // abstract and keyword list of a page stay the record's.
    ("resumo", SectionKind::Abstract),
    ("palavras-chave", SectionKind::Keywords),
    ("palabras clave", SectionKind::Keywords),
    ("palabras-clave", SectionKind::Keywords),
    ("references", SectionKind::References),
    ("reference", SectionKind::References),
    ("references and notes", SectionKind::References),
    ("notes and references", SectionKind::References),
    ("bibliography", SectionKind::References),
    ("literature cited", SectionKind::References),
    ("works cited", SectionKind::References),
    ("cited literature", SectionKind::References),
    ("acknowledgements", SectionKind::Acknowledgements),
    ("acknowledgments", SectionKind::Acknowledgements),
    ("acknowledgement", SectionKind::Acknowledgements),
    ("acknowledgment", SectionKind::Acknowledgements),
    ("funding", SectionKind::Funding),
    ("grant information", SectionKind::Funding),
    ("funding sources", SectionKind::Funding),
    ("sources of funding", SectionKind::Funding),
    ("financial disclosure", SectionKind::Funding),
    ("funding and acknowledgements", SectionKind::Funding),
    ("funding information", SectionKind::Funding),
    ("funding statement", SectionKind::Funding),
    ("financial support", SectionKind::Funding),
    // IEEE Xplore's list of funders under the abstract.
    ("funding agency", SectionKind::Funding),
    ("funding agencies", SectionKind::Funding),
    ("author information", SectionKind::AuthorInfo),
    ("authors and affiliations", SectionKind::AuthorInfo),
    ("affiliations", SectionKind::AuthorInfo),
    ("author affiliations", SectionKind::AuthorInfo),
    ("authors’ affiliations", SectionKind::AuthorInfo),
    ("authors' affiliations", SectionKind::AuthorInfo),
    ("authors & affiliations", SectionKind::AuthorInfo),
    ("author details", SectionKind::AuthorInfo),
    ("corresponding author", SectionKind::AuthorInfo),
    ("consortia", SectionKind::AuthorInfo),
    ("consortium", SectionKind::AuthorInfo),
    ("corresponding authors", SectionKind::AuthorInfo),
    // ACM DL's list of the authors with their affiliations, after "Funding Sources".
    ("contributors", SectionKind::AuthorInfo),
    ("about this article", SectionKind::ArticleInfo),
    ("article information", SectionKind::ArticleInfo),
    ("article info", SectionKind::ArticleInfo),
    ("publication history", SectionKind::ArticleInfo),
    // Atypon's information tab (SAGE, ACM) after the references: history, rights, authors.
    (
        "information, rights and permissions",
        SectionKind::ArticleInfo,
    ),
    ("information & contributors", SectionKind::ArticleInfo),
    // HighWire's side box with the article's citation, DOI and tools.
    ("this article", SectionKind::ArticleInfo),
    ("keywords", SectionKind::Keywords),
    ("key words", SectionKind::Keywords),
    ("author keywords", SectionKind::Keywords),
    ("author tags", SectionKind::Keywords),
    ("this article is cited by", SectionKind::CitedBy),
    ("cited by", SectionKind::CitedBy),
    ("citing articles", SectionKind::CitedBy),
    ("articles citing this article", SectionKind::CitedBy),
    (
        "similar content being viewed by others",
        SectionKind::Related,
    ),
    ("related articles", SectionKind::Related),
    ("recommended articles", SectionKind::Related),
    ("you may also like", SectionKind::Related),
    ("similar articles", SectionKind::Related),
    ("related content", SectionKind::Related),
    ("people also read", SectionKind::Related),
    ("people also looked at", SectionKind::Related),
    ("related research", SectionKind::Related),
    ("more like this", SectionKind::Related),
    ("recommended", SectionKind::Related),
    ("recommendations", SectionKind::Related),
    ("introduction", SectionKind::Body),
    ("background", SectionKind::Body),
    ("methods", SectionKind::Body),
    ("materials and methods", SectionKind::Body),
    ("experimental", SectionKind::Body),
    ("experimental section", SectionKind::Body),
    ("experimental procedures", SectionKind::Body),
    ("results", SectionKind::Body),
    ("results and discussion", SectionKind::Body),
    ("discussion", SectionKind::Body),
    ("conclusion", SectionKind::Body),
    ("conclusions", SectionKind::Body),
    ("main", SectionKind::Body),
    ("data availability", SectionKind::Body),
    ("data availability statement", SectionKind::Body),
    ("code availability", SectionKind::Body),
    ("supplementary information", SectionKind::Other),
    ("supplementary material", SectionKind::Other),
    // PNAS, PLOS, ACS and Wiley name their supplementary files so.
    ("supporting information", SectionKind::Other),
    ("additional information", SectionKind::Other),
    ("ethics declarations", SectionKind::Other),
    ("competing interests", SectionKind::Other),
    ("author contributions", SectionKind::Other),
    ("contributions", SectionKind::Other),
    ("conflict of interest", SectionKind::Other),
    ("conflicts of interest", SectionKind::Other),
    ("declaration of competing interest", SectionKind::Other),
    ("ethics statement", SectionKind::Other),
    ("footnotes", SectionKind::Other),
    ("notes", SectionKind::Other),
    ("abbreviations", SectionKind::Other),
    ("comments", SectionKind::Footer),
    ("rights and permissions", SectionKind::Other),
    ("powerpoint slides", SectionKind::Other),
    ("save article to kindle", SectionKind::Other),
    ("ccs concepts", SectionKind::Other),
    ("explore content", SectionKind::Footer),
    // Copernicus: the citation under the abstract, and the side boxes after the article.
    ("how to cite", SectionKind::Other),
    ("code and data availability", SectionKind::Body),
    ("review statement", SectionKind::Other),
    ("disclaimer", SectionKind::Other),
    ("special issue statement", SectionKind::Other),
    ("download & links", SectionKind::Footer),
    ("short summary", SectionKind::Other),
    ("cited articles", SectionKind::Other),
    ("about the journal", SectionKind::Footer),
    ("publish with us", SectionKind::Footer),
    ("quick links", SectionKind::Footer),
];

/// Run-in labels of the publication details that a page prints under the abstract with no
/// heading between (IEEE Xplore, ACM): the abstract ends at the first line opening with one
/// (compared case-insensitively).
pub const PUBLICATION_INFO_LABELS: &[&str] = &[
    "published in:",
    "page(s):",
    "date of publication:",
    "date of current version:",
    "inspec accession number:",
    // ACM's front matter after the abstract.
    "ccs concepts:",
    "acm reference format:",
];

/// Labels of the article-information list that a keyword list sits in, printed alone on
/// their line with the value below ("Keywords" / "a, b" / "Copyright" / "© 2015 ...").
pub const INFO_LABELS_ALONE: &[&str] = &[
    "abbreviations",
    "academic editor",
    "accepted",
    "article information",
    "citation",
    "copyright",
    "data availability",
    "doi",
    "editor",
    "funding",
    // Cambridge Core's panel under the keywords: "Type" / "Research Article",
    // "Information" / the citation.
    "information",
    "licence",
    "license",
    "published",
    "received",
    "subject areas",
    "subjects",
    "type",
];

/// Whether a line is an article-information label alone ("Copyright", "Licence:").
pub fn is_info_label_alone(text: &str) -> bool {
    let label = text.trim().trim_end_matches(':').trim_end();
    label.len() <= 20
        && INFO_LABELS_ALONE
            .iter()
            .any(|known| label.eq_ignore_ascii_case(known))
}

/// Headings inside a structured abstract; under "Abstract" they do not end it.
pub const STRUCTURED_ABSTRACT_LABELS: &[&str] = &[
    "background",
    "objective",
    "objectives",
    "aim",
    "aims",
    "purpose",
    "introduction",
    "methods",
    "method",
    "design",
    "setting",
    "participants",
    "interventions",
    "main outcome measures",
    "measurements",
    "results",
    "findings",
    "conclusion",
    "conclusions",
    "interpretation",
    "significance",
    "context",
    "evidence acquisition",
    "evidence synthesis",
    "limitations",
    "trial registration",
    "clinical trial registration",
    "systematic review registration",
    "materials and methods",
    "methods and results",
    "conclusions and relevance",
    "importance",
    "exposures",
    "main outcomes and measures",
    "observations",
    "relevance",
    "methods/design",
    "discussion",
    "case presentation",
    "study design",
    "results and discussion",
];

/// [`BOILERPLATE_LINES`] by byte length: a line is only compared with the few entries
/// of its own length, on its bytes as they are (the entries are lower-case ASCII).
static BOILERPLATE_BY_LENGTH: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let longest = BOILERPLATE_LINES.iter().map(|l| l.len()).max().unwrap_or(0);
    let mut table = vec![Vec::new(); longest + 1];
    for line in BOILERPLATE_LINES {
        table[line.len()].push(*line);
    }
    table
});

/// Whether `text` is a boilerplate line once lower-cased: ASCII text is compared ignoring
/// case, other text must already be lower-cased.
fn in_boilerplate_set(text: &str) -> bool {
    BOILERPLATE_BY_LENGTH
        .get(text.len())
        .is_some_and(|entries| entries.iter().any(|e| e.eq_ignore_ascii_case(text)))
}

static ICON_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| ICON_WORDS.iter().copied().collect());

/// "PowerPoint slide for Fig. 3", "Figure 2: ..." thumbnails and the like.
static BOILERPLATE_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(powerpoint slide for (fig|table)\.? ?\d+|(view|download) (full[- ]size|high[- ]res(olution)?) (image|figure)|cookies? (settings|policy|preferences))$")
        .expect("valid boilerplate regex")
});

/// The words [`BOILERPLATE_PATTERN`]'s alternatives open with: a lower-cased line that
/// starts with none of them is not searched.
const BOILERPLATE_PATTERN_STARTS: &[&str] = &["powerpoint", "view", "download", "cookie"];

/// Whether a whole cleaned line is site chrome.
pub fn is_boilerplate_line(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    if line.is_ascii() {
        // Every line of a page comes here: ASCII ones are compared ignoring case, with no
        // lower-cased copy (lower-casing ASCII keeps every byte's place, trimming and the
        // case-insensitive pattern alike).
        return in_boilerplate_set(crate::clean::trim(
            line.trim_end_matches([' ', '.'].as_slice()),
        )) || in_boilerplate_set(line)
            || BOILERPLATE_PATTERN_STARTS
                .iter()
                .any(|w| may_start_with_ignore_case(line.as_bytes(), w.as_bytes()))
                && BOILERPLATE_PATTERN.is_match(line);
    }
    if line.chars().any(keeps_lowercase_off_ascii) {
        return false;
    }
    is_lowercase_boilerplate(&line.to_lowercase())
}

/// Whether a character, lower-cased, leaves text that no ASCII boilerplate entry or
/// pattern can match: it is not ASCII, not trimmed away as white space, no digit (`\d` is
/// Unicode) and neither of the two signs that lower-case or fold to ASCII letters
/// (`K` Kelvin, `ſ` long s). Most non-ASCII lines hold one and skip the lower-cased copy.
fn keeps_lowercase_off_ascii(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace() && !c.is_numeric() && !matches!(c, '\u{212A}' | '\u{17F}')
}

fn is_lowercase_boilerplate(lower: &str) -> bool {
    in_boilerplate_set(lower.trim_end_matches([' ', '.'].as_slice()).trim())
        || in_boilerplate_set(lower)
        || BOILERPLATE_PATTERN_STARTS
            .iter()
            .any(|w| lower.starts_with(w))
            && BOILERPLATE_PATTERN.is_match(lower)
}

/// Phrases of account, access and search chrome: a line holding one is never part of a
/// title or byline.
const CHROME_PHRASES: &[&str] = &[
    "sign in",
    "log in",
    "login",
    "register",
    "institution:",
    "access provided",
    "access by",
    "search for",
    "advanced search",
    "my account",
    "subscribe",
    "cookies",
    "go mobile",
    // Author panels' toggles ("Show author details", "Hide author details").
    "author details",
];

/// Whether a short line is account, access or search chrome.
pub fn is_site_chrome(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let lower = line.to_lowercase();
    CHROME_PHRASES.iter().any(|p| lower.contains(p))
}

/// Whether a line consists only of reference link labels ("CAS PubMed Google Scholar").
pub fn is_link_residue(line: &str) -> bool {
    parse_link_residue(line, |_| {})
}

/// The normalised link labels of a residue line, or nothing when the line holds other text.
/// Labels are the names of record.md: `pubmed`, `pmc`, `cas`, `google_scholar`, `article`, `doi`.
pub fn link_residue_labels(line: &str) -> Vec<&'static str> {
    let mut labels = Vec::new();
    let residue = parse_link_residue(line, |label| {
        if !labels.contains(&label) {
            labels.push(label);
        }
    });
    if residue { labels } else { Vec::new() }
}

/// Reads a line made only of link labels, separated by spaces, commas or bars, or run
/// together ("OpenUrlCrossRefMedlineWeb of Science"), and gives the label of each word it
/// reads to `on_label` (a line only checked collects nothing). `false` when anything else
/// is there.
fn parse_link_residue(line: &str, mut on_label: impl FnMut(&'static str)) -> bool {
    // Most lines are prose: a line that starts with no label is turned away before the
    // lower-cased copy (lower-casing keeps ASCII lengths).
    let trimmed = crate::clean::trim(line).as_bytes();
    let ascii = line.is_ascii();
    if ascii && trimmed.len() > 160 {
        return false;
    }
    let Some(&first) = trimmed.first() else {
        return false;
    };
    // (A bracket may hold spaces before its label: "[ PubMed]".)
    if first.is_ascii()
        && !matches!(first, b'[' | b']')
        && !residue_words_starting_with(first.to_ascii_lowercase())
            .iter()
            .any(|w| may_start_with_ignore_case(trimmed, w.word.as_bytes()))
    {
        return false;
    }
    // An ASCII line is lower-cased on the stack.
    let mut buf = [0u8; 256];
    let lower = lowercase_in(line, &mut buf);
    let mut rest = lower.trim();
    if rest.is_empty() || rest.len() > 160 {
        return false;
    }
    // Only the labels with the text's first byte can start it.
    let candidates = |text: &str| {
        text.as_bytes()
            .first()
            .map_or(&[][..], |&b| residue_words_starting_with(b))
    };
    let starts_with_word = |text: &str| candidates(text).iter().any(|w| text.starts_with(w.word));
    while !rest.is_empty() {
        // A bracket opening a label that a text browser wrapped onto the next line
        // ("[CrossRef] [" / "Medline]").
        if rest == "[" {
            break;
        }
        // The bracket closing a label wrapped from the line above ("[ Links" / "]").
        if let Some(after) = rest.strip_prefix(']') {
            rest = after.trim_start_matches([' ', ',', '|']);
            continue;
        }
        // A label in brackets, which a text browser may wrap inside ("[ Medline]",
        // "[CrossRef ]"), or before the closing bracket ("[ Links" / "]").
        let bracketed = rest.strip_prefix('[').and_then(|inner| {
            let (inner, after) = inner.split_once(']').unwrap_or((inner, ""));
            let inner = inner.trim();
            let word = candidates(inner)
                .iter()
                .find(|w| w.word.trim_matches(['[', ']', ' ']) == inner)?;
            Some((word, after))
        });
        if let Some((word, after)) = bracketed {
            if let Some(label) = word.label {
                on_label(label);
            }
            rest = after.trim_start_matches([' ', ',', '|']);
            continue;
        }
        // Longest match first so that "pubmed central" wins over "pubmed".
        let Some(word) = candidates(rest)
            .iter()
            .filter(|w| {
                rest.starts_with(w.word) && {
                    let next = &rest[w.word.len()..];
                    next.is_empty()
                        || next.starts_with([' ', ',', '|', '[', ']'])
                        || starts_with_word(next)
                }
            })
            .max_by_key(|w| w.word.len())
        else {
            return false;
        };
        if let Some(label) = word.label {
            on_label(label);
        }
        // (A closing bracket after a label: the end of a wrapped one.)
        rest = rest[word.word.len()..].trim_start_matches([' ', ',', '|', ']']);
        // A label with its count of citing works: "Scopus (49)" (Cell Press).
        if let Some(count) = rest.strip_prefix('(') {
            let digits = count.bytes().take_while(u8::is_ascii_digit).count();
            if let Some(after) = count[digits..].strip_prefix(')').filter(|_| digits > 0) {
                rest = after.trim_start_matches([' ', ',', '|']);
            }
        }
    }
    true
}

/// A link label as printed, with its normalised name when it has one.
#[derive(Clone, Copy)]
struct ResidueWord {
    word: &'static str,
    label: Option<&'static str>,
}

/// The link labels that start with a byte, in table order: most lines are turned away on
/// their first letter, and a label is only compared with text that starts like it.
fn residue_words_starting_with(byte: u8) -> &'static [ResidueWord] {
    static BY_FIRST_BYTE: LazyLock<Vec<Vec<ResidueWord>>> = LazyLock::new(|| {
        let mut table = vec![Vec::new(); 256];
        for word in LINK_RESIDUE_WORDS {
            table[usize::from(word.as_bytes()[0])].push(ResidueWord {
                word,
                label: link_label(word),
            });
        }
        table
    });
    &BY_FIRST_BYTE[usize::from(byte)]
}

/// Whether `text` lower-cased may start with the ASCII `word`, judged on the ASCII bytes
/// before the first other one: those lower-case to one byte each, so a mismatch or an end
/// among them rules the word out; from a non-ASCII character on (`K` the Kelvin sign
/// lower-cases to `k`) it stays possible.
fn may_start_with_ignore_case(text: &[u8], word: &[u8]) -> bool {
    for (i, w) in word.iter().enumerate() {
        match text.get(i) {
            None => return false,
            Some(b) if !b.is_ascii() => return true,
            Some(b) if !b.eq_ignore_ascii_case(w) => return false,
            Some(_) => {}
        }
    }
    true
}

/// The printed form of a link label, for residue lines rebuilt from Markdown links.
pub fn residue_display(label: &str) -> &'static str {
    match label {
        "pubmed" => "PubMed",
        "pmc" => "PubMed Central",
        "cas" => "CAS",
        "google_scholar" => "Google Scholar",
        "article" => "Article",
        _ => "DOI",
    }
}

fn link_label(word: &str) -> Option<&'static str> {
    let w = word.trim_matches(['[', ']']);
    Some(match w {
        "pubmed" | "medline" | "pubmed/ncbi" | "pubmed abstract" => "pubmed",
        "pubmed central" | "pmc free article" => "pmc",
        "cas" => "cas",
        "google scholar" => "google_scholar",
        "article" | "full text" | "view article" | "free full text" | "publisher full text" => {
            "article"
        }
        "crossref" | "cross ref" | "doi" => "doi",
        _ => return None,
    })
}

/// Labels of page controls that text dumps run into the line they sit on, before the
/// content (ScienceDirect's byline button: "Author links open overlay panelMei Lin").
const GLUED_CONTROL_LABELS: &[&str] = &["Author links open overlay panel"];

/// Labels of page controls that text dumps run onto the end of the line before them
/// ("https://doi.org/10.1016/j.x.2018.10.004Get rights and content").
const TRAILING_CONTROL_LABELS: &[&str] = &[
    "Get rights and content",
    // Atypon's byline link after the last author ("Ayla DemirtaşView all authors and
    // affiliations"; the core design of PNAS and Science: "… FerrierAuthors Info &
    // Affiliations").
    "View all authors and affiliations",
    "Authors Info & Affiliations",
];

/// Control labels run onto a line's end that only count written exactly so, never the end
/// of a sentence: Atypon's byline link wrapped after its first words ("Ayla DemirtaşView
/// all" / "authors and affiliations"), IEEE Xplore's link after the byline ("Wei-Ting Lo
/// All Authors").
const TRAILING_CASED_CONTROL_LABELS: &[&str] = &["View all", "All Authors"];

/// Link labels that pages print inside a line of content, after each name of a byline
/// (ScienceDirect's "Lucian Doe^a^, ^bAuthor Vitae,"), and the alternative text of the
/// ORCID and e-mail icons linked before or after a name (HighWire's "View ORCID
/// ProfileAna Ruiz", SciELO's and De Gruyter's "Ana RuizORCID logo^I", JMIR's "Author
/// Orcid ImageAna Ruiz^1", De Gruyter's "Ana RuizEMAIL logo"): never content themselves.
const INLINE_LINK_LABELS: &[&str] = &[
    "Author Vitae",
    "View ORCID Profile",
    "ORCID logo",
    "Author Orcid Image",
    "EMAIL logo",
];

/// Removes the inline link labels (`INLINE_LINK_LABELS`) from a line.
pub fn strip_inline_link_labels(line: &str) -> std::borrow::Cow<'_, str> {
    // Every line of a page comes here: one vectorised search for each word the labels
    // share, and nearly all lines are returned as they are.
    static VITAE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("Vitae"));
    static ORCID: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("ORCID "));
    static ORCID_IMAGE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("Orcid Image"));
    static EMAIL_LOGO: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("EMAIL logo"));
    let bytes = line.as_bytes();
    // HighWire's label wrapped by a text browser: "…, Henrike Oppermann, View ORCID" /
    // "ProfileSadia Rahman, …" (the rest glued to the next name).
    let wrapped_tail = line.ends_with(" View ORCID");
    let wrapped_head = line
        .strip_prefix("Profile")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    // The words' capitals first: most lines hold neither, and are passed after one scan.
    let labelled = || {
        memchr::memchr3(b'V', b'O', b'E', bytes).is_some()
            && (VITAE.find(bytes).is_some()
                || ORCID.find(bytes).is_some()
                || ORCID_IMAGE.find(bytes).is_some()
                || EMAIL_LOGO.find(bytes).is_some())
    };
    if !wrapped_tail && !wrapped_head && !labelled() {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut text = line.to_owned();
    if wrapped_tail {
        text.truncate(text.len() - " View ORCID".len());
    }
    if wrapped_head {
        text.replace_range(.."Profile".len(), "");
    }
    for label in INLINE_LINK_LABELS {
        text = text.replace(label, "");
    }
    std::borrow::Cow::Owned(text)
}

/// Splits a control label glued before a line's content: gives the label and the rest.
pub fn split_glued_control_label(line: &str) -> Option<(&str, &str)> {
    GLUED_CONTROL_LABELS.iter().find_map(|label| {
        let head = line.get(..label.len())?;
        let rest = line[label.len()..].trim_start();
        (head.eq_ignore_ascii_case(label) && !rest.is_empty()).then_some((head, rest))
    })
}

/// Splits a control label run onto a line's end: gives the content and the label.
pub fn split_trailing_control_label(line: &str) -> Option<(&str, &str)> {
    let split = |label: &str, cased: bool| {
        let at = line.len().checked_sub(label.len())?;
        let tail = line.get(at..)?;
        let content = line[..at].trim_end();
        let same = if cased {
            tail == label
        } else {
            tail.eq_ignore_ascii_case(label)
        };
        (same && !content.is_empty()).then_some((content, tail))
    };
    TRAILING_CONTROL_LABELS
        .iter()
        .find_map(|label| split(label, false))
        .or_else(|| {
            TRAILING_CASED_CONTROL_LABELS
                .iter()
                .find_map(|label| split(label, true))
        })
}

/// `text.to_lowercase()`, written into `buf` when the text is ASCII and fits: lines and
/// words are asked one by one, and most need no allocation then.
pub fn lowercase_in<'b>(text: &str, buf: &'b mut [u8]) -> std::borrow::Cow<'b, str> {
    match buf.get_mut(..text.len()) {
        Some(lower) if text.is_ascii() => {
            lower.copy_from_slice(text.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII bytes are valid UTF-8.
            std::borrow::Cow::Borrowed(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => std::borrow::Cow::Owned(text.to_lowercase()),
    }
}

/// Removes icon-font names that leaked in as words.
pub fn strip_icon_words(line: &str) -> std::borrow::Cow<'_, str> {
    // Vectorised scans: every line of a page comes here, and few hold an underscore.
    let one_word = memchr::memchr(b' ', line.as_bytes()).is_none();
    if !one_word && memchr::memchr(b'_', line.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(line);
    }
    if !line
        .split(' ')
        .any(|w| (one_word || w.contains('_')) && ICON_SET.contains(w))
    {
        return std::borrow::Cow::Borrowed(line);
    }
    let kept: Vec<&str> = line
        .split(' ')
        .filter(|w| !(w.contains('_') && ICON_SET.contains(w)))
        .collect();
    if kept.len() == 1 && ICON_SET.contains(kept[0]) && kept[0].contains('_') {
        return std::borrow::Cow::Owned(String::new());
    }
    std::borrow::Cow::Owned(kept.join(" "))
}

/// Article types as pages label them.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "Research Article",
    "Original Article",
    "Regular Article",
    "Invited Article",
    "Original Research",
    "Original Paper",
    "Research Paper",
    "Research",
    "Review",
    "Review Article",
    "Review Paper",
    "Invited Review",
    "Mini Review",
    "Mini-Review",
    "Systematic Review",
    "Meta-Analysis",
    "Letter",
    "Letter to the Editor",
    "Editorial",
    "Commentary",
    "Comment",
    "Perspective",
    "Perspectives",
    "Brief Communication",
    "Short Communication",
    "Rapid Communication",
    "Communication",
    "Correspondence",
    "Case Report",
    "Case Study",
    "News",
    "News & Views",
    "News and Views",
    "Opinion",
    "Viewpoint",
    "Technical Note",
    "Research Note",
    "Short Report",
    "Methods",
    "Protocol",
    "Study Protocol",
    "Data Descriptor",
    "Erratum",
    "Correction",
    "Retraction",
    "Book Review",
    "Conference Paper",
    "Feature",
    "Highlight",
    "Essay",
    "Report",
    "Research Letter",
    "Full Paper",
    "Paper",
    "Hypothesis and Theory",
    "Brief Research Report",
    "Data Report",
    "General Commentary",
    "Clinical Trial",
    "Policy Brief",
    "Technology and Code",
];

static ARTICLE_TYPE_MAP: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    ARTICLE_TYPES
        .iter()
        .map(|t| (t.to_lowercase(), *t))
        .collect()
});

/// The article type a header line states: the whole line ("Review"), or after a
/// journal name and a bar ("Nature | Letter"). Case is kept from the table.
/// Badges a page prints before an article's type on the same line.
const ARTICLE_BADGES: &[&str] = &[
    "Open Access",
    "Highly Accessed",
    "Free Access",
    "Full Access",
];

pub fn article_type(line: &str) -> Option<&'static str> {
    // "Research article Open access First published online March 14, 2021" (SAGE): the
    // type and its badges before the date's label.
    // Only a line a little longer than a type with its badges is searched.
    let line = match line.len() {
        0..=60 => line,
        61..=120 => ["First published", "Published online"]
            .iter()
            .find_map(|label| {
                let at = line.find(label).filter(|&at| at > 0)?;
                Some(line[..at].trim_end())
            })
            .unwrap_or(line),
        _ => return None,
    };
    if line.len() > 60 {
        return None;
    }
    let mut parts = line.rsplit('|');
    let mut candidate = parts.next().unwrap_or(line).trim();
    // "Research article | 12 Feb 2019" (Copernicus): the type before the date.
    if is_day_month_year(candidate) {
        candidate = parts.next()?.trim();
    } else if is_dated_locator(candidate) {
        // "Research Article | Biological Sciences | July 18, 2022" (PNAS), "Article |
        // Volume 41, Issue 7, 111634, November 15, 2022" (Cell Press): the type first,
        // the subject or the issue and the date after it.
        candidate = line.split('|').next().unwrap_or(line).trim();
    }
    // "TYPE Original Research" (a 2022+ Frontiers PDF's first line), "Type: Review".
    if let Some(rest) = candidate
        .strip_prefix("TYPE ")
        .or_else(|| candidate.strip_prefix("Type: "))
    {
        candidate = rest.trim_start();
    }
    // A badge printed after the type, glued to it or not ("Full PaperFREE ACCESS",
    // J-STAGE).
    if let Some(rest) = ARTICLE_BADGES.iter().find_map(|badge| {
        let at = candidate.len().checked_sub(badge.len())?;
        let tail = candidate.get(at..)?;
        tail.eq_ignore_ascii_case(badge)
            .then(|| candidate[..at].trim_end())
            .filter(|rest| !rest.is_empty())
    }) {
        candidate = rest;
    }
    // Badges printed before the type on its line ("Open Access Highly Accessed Study
    // protocol").
    while let Some(rest) = ARTICLE_BADGES.iter().find_map(|badge| {
        let head = candidate.get(..badge.len())?;
        let rest = candidate[badge.len()..].strip_prefix(' ')?;
        head.eq_ignore_ascii_case(badge)
            .then_some(rest.trim_start())
    }) {
        candidate = rest;
    }
    let first = candidate.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let lower = candidate.to_lowercase();
    ARTICLE_TYPE_MAP.get(&lower).copied().or_else(|| {
        // "ORIGINAL RESEARCH article", "Mini Review article": a type named before the
        // word (Frontiers' article header).
        let named = lower.strip_suffix(" article")?.trim_end();
        ARTICLE_TYPE_MAP.get(named).copied()
    })
}

/// The article type of a line that prints it before a bar and a date ("Technical note | 17
/// Mar 2021"): the page's own label of its article, where a bare type may be a menu entry.
pub fn dated_article_type(line: &str) -> Option<&'static str> {
    let (_, date) = line.rsplit_once('|')?;
    if is_day_month_year(date.trim()) {
        article_type(line)
    } else {
        None
    }
}

/// The part of a type line after its last bar that dates the article: a month's name and
/// a year ("July 18, 2022", "Volume 41, Issue 7, 111634, November 15, 2022").
fn is_dated_locator(text: &str) -> bool {
    let words = || {
        text.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let year =
        words().any(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)));
    year && words().any(|w| crate::extract::dates::month_number(w).is_some())
}

/// "12 Feb 2019", "3 July 2018": a day, a month's name and a year.
pub fn is_day_month_year(text: &str) -> bool {
    // Most lines start with no digit and are turned away before they are split.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut words = text.split(' ');
    let (Some(day), Some(month), Some(year), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && (3..=10).contains(&month.trim_end_matches('.').len())
        && month
            .trim_end_matches('.')
            .bytes()
            .all(|b| b.is_ascii_alphabetic())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// Copernicus (EGU) journals: abbreviation and full title. Their pages and PDFs print the
/// abbreviation on the citation line ("Atmos. Chem. Phys., 19, 1237–1259, 2019") and the
/// title, if at all, only in the site's header.
const COPERNICUS_JOURNALS: &[(&str, &str)] = &[
    ("Adv. Geosci.", "Advances in Geosciences"),
    ("Adv. Sci. Res.", "Advances in Science and Research"),
    (
        "Adv. Stat. Clim. Meteorol. Oceanogr.",
        "Advances in Statistical Climatology, Meteorology and Oceanography",
    ),
    ("Ann. Geophys.", "Annales Geophysicae"),
    ("Arch. Anim. Breed.", "Archives Animal Breeding"),
    ("Atmos. Chem. Phys.", "Atmospheric Chemistry and Physics"),
    ("Atmos. Meas. Tech.", "Atmospheric Measurement Techniques"),
    ("Biogeosciences", "Biogeosciences"),
    ("Clim. Past", "Climate of the Past"),
    (
        "Drink. Water Eng. Sci.",
        "Drinking Water Engineering and Science",
    ),
    ("E&G Quaternary Sci. J.", "E&G Quaternary Science Journal"),
    ("Earth Surf. Dynam.", "Earth Surface Dynamics"),
    ("Earth Syst. Dynam.", "Earth System Dynamics"),
    ("Earth Syst. Sci. Data", "Earth System Science Data"),
    ("Eur. J. Mineral.", "European Journal of Mineralogy"),
    ("Foss. Rec.", "Fossil Record"),
    ("Geochronology", "Geochronology"),
    ("Geogr. Helv.", "Geographica Helvetica"),
    (
        "Geosci. Instrum. Method. Data Syst.",
        "Geoscientific Instrumentation, Methods and Data Systems",
    ),
    ("Geosci. Commun.", "Geoscience Communication"),
    ("Geosci. Model Dev.", "Geoscientific Model Development"),
    ("Hist. Geo Space Sci.", "History of Geo- and Space Sciences"),
    (
        "Hydrol. Earth Syst. Sci.",
        "Hydrology and Earth System Sciences",
    ),
    ("J. Micropalaeontol.", "Journal of Micropalaeontology"),
    (
        "J. Sens. Sens. Syst.",
        "Journal of Sensors and Sensor Systems",
    ),
    ("Magn. Reson.", "Magnetic Resonance"),
    ("Mech. Sci.", "Mechanical Sciences"),
    (
        "Nat. Hazards Earth Syst. Sci.",
        "Natural Hazards and Earth System Sciences",
    ),
    (
        "Nonlin. Processes Geophys.",
        "Nonlinear Processes in Geophysics",
    ),
    ("Ocean Sci.", "Ocean Science"),
    (
        "Proc. IAHS",
        "Proceedings of the International Association of Hydrological Sciences",
    ),
    (
        "Saf. Nucl. Waste Dispos.",
        "Safety of Nuclear Waste Disposal",
    ),
    ("SOIL", "SOIL"),
    ("Solid Earth", "Solid Earth"),
    ("The Cryosphere", "The Cryosphere"),
    ("Weather Clim. Dynam.", "Weather and Climate Dynamics"),
    ("Web Ecol.", "Web Ecology"),
    ("Wind Energ. Sci.", "Wind Energy Science"),
];

/// The full title of a journal known by its abbreviation (`COPERNICUS_JOURNALS`;
/// compared without a closing full stop).
pub fn journal_title_of_abbrev(abbrev: &str) -> Option<Cow<'static, str>> {
    let key = abbrev.trim().trim_end_matches('.');
    let title_of = |key: &str| {
        COPERNICUS_JOURNALS
            .iter()
            .find(|(a, _)| a.trim_end_matches('.') == key)
            .map(|(_, title)| *title)
    };
    if let Some(title) = title_of(key) {
        return Some(Cow::Borrowed(title));
    }
    // A journal's discussion forum: "Atmos. Chem. Phys. Discuss." is "Atmospheric
    // Chemistry and Physics Discussions".
    let base = key.strip_suffix(" Discuss")?;
    title_of(base.trim_end_matches('.')).map(|title| Cow::Owned(format!("{title} Discussions")))
}

/// Words that show a comma-separated part of an affiliation is an organisation.
pub const INSTITUTION_WORDS: &[&str] = &[
    "university",
    "universität",
    "université",
    "universidad",
    "universidade",
    "università",
    "universiteit",
    "college",
    "institute",
    "institut",
    "instituto",
    "istituto",
    "hospital",
    "school",
    "academy",
    "center",
    "centre",
    "centro",
    "laboratory",
    "laboratories",
    "lab",
    "department",
    "dept",
    "division",
    "faculty",
    "clinic",
    "klinik",
    "foundation",
    "council",
    "ministry",
    "agency",
    "corporation",
    "inc",
    "ltd",
    "gmbh",
    "company",
    "museum",
    "observatory",
    "unit",
    "program",
    "programme",
    "service",
    "organisation",
    "organization",
    "society",
    "polytechnic",
    "consortium",
    "group",
    "station",
    "cnrs",
    "inserm",
    "nih",
    "csic",
];

/// Words that mark a department-level part of an affiliation.
pub const DEPARTMENT_WORDS: &[&str] = &[
    "department",
    "dept",
    "division",
    "laboratory",
    "lab",
    "unit",
    "section",
    "group",
    "program",
    "programme",
    "faculty",
    "chair",
    "team",
];

/// Starts of lines that annotate a byline name: affiliation, e-mail, roles, equal
/// contribution notes, close buttons of author pop-ups.
const BYLINE_ANNOTATIONS: &[&str] = &[
    "affiliation",
    "affiliations",
    "e-mail",
    "email",
    "e‐mail",
    "* e-mail",
    "* email",
    "roles",
    "contributed equally",
    "these authors contributed equally",
    "x",
    "×",
    "⨯",
    "orcid",
    "corresponding author",
    "find this author",
    "search for this author",
    "view orcid",
    "pub med",
    "pubmed",
    "google scholar",
    "nature.com",
    "search for articles by this author",
    "search for more papers by this author",
    "view further author information",
    "correspondence to",
    "correspondence",
    "present address",
    "current address",
    "deceased",
    "equal contribution",
    "http",
    "https",
];

/// Whether a line annotates the byline name above it rather than being a name.
pub fn is_byline_annotation(line: &str) -> bool {
    // Byline candidates come here line by line: a short ASCII line is lower-cased on the
    // stack, not the heap.
    let trimmed = line.trim();
    let mut buf = [0u8; 128];
    let lower = lowercase_in(trimmed, &mut buf);
    let lower = lower.trim_start_matches(['*', '†', '¤', ' ']);
    BYLINE_ANNOTATIONS.iter().any(|a| {
        let Some(rest) = lower.strip_prefix(a) else {
            return false;
        };
        // A close button ("X") is a line of its own; "X. Liao" is a name.
        let button = a.chars().count() == 1;
        rest.is_empty()
            || !button && rest.starts_with([':', ' ', '.'])
            || button && rest.starts_with(' ')
    })
}

/// Country names and the forms pages print them in.
pub const COUNTRIES: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahrain",
    "Bangladesh",
    "Belarus",
    "Belgium",
    "Benin",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chile",
    "China",
    "P. R. China",
    "PR China",
    "P.R. China",
    "People's Republic of China",
    "Colombia",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "Denmark",
    "Ecuador",
    "Egypt",
    "Estonia",
    "Ethiopia",
    "Finland",
    "France",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Guatemala",
    "Hong Kong",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Korea",
    "Republic of Korea",
    "South Korea",
    "Kuwait",
    "Latvia",
    "Lebanon",
    "Lithuania",
    "Luxembourg",
    "Macau",
    "Malawi",
    "Malaysia",
    "Mali",
    "Malta",
    "Mexico",
    "Moldova",
    "Mongolia",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Nepal",
    "Netherlands",
    "The Netherlands",
    "New Zealand",
    "Nigeria",
    "North Macedonia",
    "Norway",
    "Oman",
    "Pakistan",
    "Palestine",
    "Panama",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Russian Federation",
    "Rwanda",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "South Africa",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tanzania",
    "Thailand",
    "Tunisia",
    "Turkey",
    "Türkiye",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "UAE",
    "United Kingdom",
    "UK",
    "U.K.",
    "United States",
    "United States of America",
    "USA",
    "USSR",
    "U.S.A.",
    "US",
    "Uruguay",
    "Uzbekistan",
    "Venezuela",
    "Vietnam",
    "Viet Nam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
];

static COUNTRY_SET: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| COUNTRIES.iter().map(|c| c.to_lowercase()).collect());

/// Whether a string is a country name as pages print them.
pub fn is_country(text: &str) -> bool {
    COUNTRY_SET.contains(&text.trim().trim_end_matches('.').to_lowercase())
        || COUNTRY_SET.contains(&text.trim().to_lowercase())
}

/// Words that never occur in a person's name on a byline.
pub const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "supplemental",
    "supplementary",
    "material",
    "materials",
    "citation",
    "citations",
    "export",
    "of",
    "and",
    "for",
    "in",
    "on",
    "at",
    "to",
    "journal",
    "acta",
    "review",
    "reviews",
    "science",
    "sciences",
    "nature",
    "research",
    "article",
    "articles",
    "letter",
    "university",
    "institute",
    "department",
    "hospital",
    "school",
    "center",
    "centre",
    "college",
    "laboratory",
    "published",
    "received",
    "accepted",
    "abstract",
    "introduction",
    "volume",
    "issue",
    "pages",
    "open",
    "access",
    "view",
    "download",
    "pdf",
    "search",
    "menu",
    "home",
    "journals",
    "log",
    "sign",
    "subscribe",
    "cite",
    "share",
    "metrics",
    "authors",
    "author",
    "information",
    "affiliations",
    "references",
    "advertisement",
    "cookies",
    "skip",
    "content",
    "explore",
    "about",
    "contact",
    "help",
    "news",
    "press",
    "editorial",
    "board",
    "submit",
    "manuscript",
    "cart",
    "login",
    "register",
    "save",
    "aims",
    "scope",
    "table",
    "figure",
    "figures",
    "fig",
    "paper",
    "papers",
    "media",
    "coverage",
    "comments",
    "vol",
    "society",
    "publishing",
    "publishers",
    "corporation",
    "press",
    "medicine",
    "biology",
    "chemistry",
    "physics",
    "international",
    "online",
    "print",
    "publication",
    "correspondence",
    "email",
    "orcid",
    "pubmed",
    "google",
    "scholar",
    "show",
    "all",
    "more",
    "less",
    "previous",
    "next",
    "with",
    "by",
    "from",
    "is",
    "are",
    "this",
    "that",
    "we",
    "our",
    "a",
    "an",
    "as",
    "be",
];

static NOT_NAME_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| NOT_NAME_WORDS.iter().copied().collect());

/// Whether a line stops inside a phrase: on a comma, a dash or `&`, or on a word such as
/// `of`, `and`, `the` (in a few languages) that needs the next line.
pub fn ends_mid_phrase(text: &str) -> bool {
    let text = text.trim_end();
    let last = text
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    text.ends_with([',', '-', '–', '&'])
        || matches!(
            last.as_str(),
            "of" | "and"
                | "for"
                | "the"
                | "in"
                | "on"
                | "de"
                | "du"
                | "des"
                | "la"
                | "di"
                | "et"
                | "und"
        )
}

/// Whether a lower-cased word can never be part of a person's name.
pub fn is_not_name_word(lower: &str) -> bool {
    NOT_NAME_SET.contains(lower)
}

/// Words that open an affiliation printed right after an author's name ("Mei Lin University
/// of Utopia, ..."), lower-cased.
pub const AFFILIATION_OPENERS: &[&str] = &[
    "university",
    "universität",
    "université",
    "universidad",
    "universidade",
    "università",
    "universiteit",
    "department",
    "departamento",
    "département",
    "dipartimento",
    "division",
    "institute",
    "institut",
    "instituto",
    "istituto",
    "laboratory",
    "laboratoire",
    "laboratorio",
    "school",
    "college",
    "faculty",
    "faculté",
    "facultad",
    "centre",
    "center",
    "centro",
    "hospital",
    "academy",
];

/// Words of the job titles some bylines print after each name ("Mei Lin, assistant
/// professor, epidemiologist1").
pub const ROLE_WORDS: &[&str] = &[
    "professor",
    "assistant",
    "associate",
    "adjunct",
    "emeritus",
    "visiting",
    "honorary",
    "lecturer",
    "reader",
    "researcher",
    "research",
    "fellow",
    "student",
    "candidate",
    "specialist",
    "consultant",
    "director",
    "head",
    "senior",
    "junior",
    "postdoctoral",
    "doctoral",
    "graduate",
    "physician",
    "surgeon",
    "nurse",
    "midwife",
    "scientist",
    "chair",
    "dean",
    "clinical",
    "principal",
    "chief",
    "general",
    "practitioner",
    "registrar",
    "trainee",
    "manager",
    "officer",
    "analyst",
    "editor",
    "programmer",
    "coordinator",
    "medical",
    "staff",
    "of",
    "and",
    "in",
];

/// Whether a byline item is a job title rather than a name: lower-case words, each a role
/// word or a profession ("epidemiologist", "statistician").
pub fn is_role(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && (ROLE_WORDS.contains(w) || w.ends_with("ist") || w.ends_with("ian"))
        })
        && !matches!(words[0], "of" | "and" | "in")
}

/// Academic degrees and post-nominal letters that medical and health journals print after
/// each author's name in the byline (JMIR: "Tamsin Aldridge-Kaur^1, PhD"; "Mei Lin, MD,
/// MPH"), compared without their periods ("Ph.D." is "PhD").
pub const DEGREES: &[&str] = &[
    "BA", "BDS", "BPharm", "BS", "BSc", "BSN", "DDS", "DMD", "DNP", "DO", "DPhil", "DPT", "DrPH",
    "DSc", "DVM", "EdD", "FACP", "FACS", "FRACP", "FRCP", "FRCPC", "FRCS", "JD", "LLM", "MA", "MB",
    "MBA", "MBBS", "MBChB", "MD", "MEd", "MPH", "MPhil", "MRCP", "MS", "MSc", "MSN", "MSW", "OT",
    "PharmD", "PhD", "PT", "RD", "RN", "ScD",
];

/// Whether a byline item is only degrees ("PhD", "M.D.", "MBBS MPH").
pub fn is_degree(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            let bare: String = w.chars().filter(|&c| c != '.').collect();
            DEGREES.contains(&bare.as_str())
        })
}

/// Visible-DOM cues for the article's own citation data: (`attribute:token`, record field).
/// The attribute is `itemprop`, `class`, `id` or `data-test`; tokens are compared
/// case-insensitively, and a class token also matches as a BEM element
/// (`app-article-masthead__journal-title`). Fields are record fields, plus `pages` (a
/// page range), `locator` (a "Volume 31, Issue 4"-style line), `year`, and
/// `journal.title@title` (the element's `title` attribute, as `<abbr title=...>` gives).
/// Inside a reference list or a related-articles block these describe other works, so
/// [`DOM_FOREIGN_CONTAINERS`] rules those out.
pub const DOM_CUES: &[(&str, &str)] = &[
    // schema.org microdata
    ("itemprop:volumeNumber", "volume"),
    ("itemprop:issueNumber", "issue"),
    ("itemprop:pageStart", "page_first"),
    ("itemprop:pageEnd", "page_last"),
    ("itemprop:datePublished", "dates.published"),
    // the article's title
    ("itemprop:headline", "title"),
    ("class:hlFld-Title", "title"),
    ("class:citation__title", "title"),
    ("class:c-article-title", "title"),
    ("class:svTitle", "title"),
    // journal title
    ("class:journal-title", "journal.title"),
    ("class:journalTitle", "journal.title"),
    ("class:publication-title", "journal.title"),
    ("id:journalTitle", "journal.title"),
    ("class:acknowledgment-journal-title", "journal.title"),
    ("class:slug-jnl-abbrev", "journal.title@title"),
    ("class:slug-jnl-abbrev", "journal.abbrev"),
    // volume, issue, pages
    ("class:slug-vol", "volume"),
    ("class:citation-volume", "volume"),
    ("class:self-citation-volume", "volume"),
    ("class:ArticleCitation_Volume", "volume"),
    ("data-test:journal-volume", "volume"),
    ("class:slug-issue", "issue"),
    ("class:citation-issue", "issue"),
    ("class:ArticleCitation_Issue", "issue"),
    ("class:slug-pages", "pages"),
    ("class:citation-flpages", "pages"),
    ("class:page-range", "pages"),
    ("class:contentItemPageRange", "pages"),
    ("class:volume-issue", "locator"),
    ("class:volIssue", "locator"),
    // dates
    ("class:epub-date", "dates.published"),
    ("class:pub-date-value", "dates.published"),
    ("class:slug-pub-date", "year"),
    ("class:ArticleCitation_Year", "year"),
    ("data-test:article-publication-year", "year"),
    // the abstract: bounds the text's abstract, stands in when the text finds none
    ("itemprop:description", "abstract"),
    ("class:abstract", "abstract"),
    ("class:articleabstract", "abstract"),
    ("class:article-abstract", "abstract"),
    ("class:abstract-content", "abstract"),
    ("class:abstractSection", "abstract"),
    ("id:abstract", "abstract"),
    ("id:Abs1", "abstract"),
];

/// Labels the visible page prints before the article's own citation data in a label /
/// value pair (`<dt>Volume:</dt><dd>12</dd>`, `<td>Published:</td><td>3 May 2011</td>`,
/// `<div class="label">Published</div><div class="value">...`): (`label:text`, field).
/// The text is compared lower-case without a trailing colon; the value is the label's next
/// element sibling.
pub const DOM_LABELS: &[(&str, &str)] = &[
    ("label:published", "dates.published"),
    ("label:published online", "dates.published"),
    ("label:date published", "dates.published"),
    ("label:first published", "dates.published"),
    ("label:publication date", "dates.published"),
    ("label:journal", "journal.title"),
    ("label:journal name", "journal.title"),
    ("label:volume", "volume"),
    ("label:issue", "issue"),
    ("label:pages", "pages"),
];

/// Openings of a short element that prints the publication date in its own text
/// ("Published online 2011 December 16.", "First published on the web 26th September
/// 2016"), compared lower-case.
pub const DOM_PUBLISHED_OPENINGS: &[&str] =
    &["published online", "first published", "published on"];

/// Elements that print a label of a label / value pair (besides any with a `label` class).
pub const DOM_LABEL_ELEMENTS: &[&str] = &["dt", "th", "td", "h4", "h5", "h6"];

/// Class / id fragments of blocks whose citation data is another work's: reference lists,
/// "cited by" and related-article lists.
pub const DOM_FOREIGN_CONTAINERS: &[&str] = &[
    "reference",
    "ref-list",
    "reflist",
    "bibliograph",
    "cited",
    "citing",
    "related",
    "recommend",
    "similar",
];

/// Names of platforms, archives and page kinds that `<title>` strings carry beside the
/// article's title and journal (compared case-insensitively): never a journal's name.
pub const SITE_NAMES: &[&str] = &[
    "ACL Anthology",
    "ACS Publications",
    "Archive ouverte HAL",
    "arXiv",
    "bioRxiv",
    "Europe PMC",
    "Europe PubMed Central",
    "Free Full-Text",
    "Full Text",
    "Full-Text",
    "Google Scholar",
    "HAL",
    "HTML",
    "IOPscience",
    "JSTOR",
    "medRxiv",
    "Nature Research",
    "NBER",
    "PMC",
    "Project Euclid",
    "PubMed",
    "PubMed Central",
    "ResearchGate",
    "RSC Publishing",
    "ScienceDirect",
    "Semantic Scholar",
    "Springer",
    "Springer Nature Link",
    "SpringerLink",
    "Taylor & Francis Online",
    "UKPMC Article",
    "USENIX",
    "Wiley Online Library",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_search_and_panel_controls_are_site_chrome() {
        let cases = [
            ("Access provided by Invented University", true),
            ("Show author details", true),
            ("Hide author details", true),
            ("Advanced Search Citation Search", true),
            ("Who pays for the canal? Water fees and trust", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_site_chrome(line), want, "{line}");
        }
    }

    #[test]
    fn boilerplate_lines() {
        let cases = [
            ("Skip to main content", true),
            ("  SKIP TO MAIN CONTENT. ", true),
            ("PowerPoint slide for Fig. 3", true),
            ("Download high-res image", true),
            ("Cookie settings", true),
            // Non-ASCII text is lower-cased first: white space and the Kelvin sign.
            ("Skip to main content\u{a0}", true),
            ("S\u{212A}ip to main content", true),
            ("PowerPoint slide for Fig. \u{663}", true),
            ("Cookieſ policy", true),
            ("Skip to main contént", false),
            ("Skip to the main content of this page", false),
            ("<< Previous article | Next article >>", true),
            ("View all articles by this author", true),
            ("View all articles by this author and others", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_boilerplate_line(line), want, "{line}");
        }
    }

    /// The premise of the non-ASCII shortcut: such a character lower-cases to text that
    /// holds another one, which no ASCII entry or pattern matches.
    #[test]
    fn characters_kept_off_ascii_stay_off_when_lower_cased() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if keeps_lowercase_off_ascii(c) {
                assert!(c.to_lowercase().any(keeps_lowercase_off_ascii), "{c:?}");
            }
        }
    }

    #[test]
    fn byline_annotations() {
        let cases = [
            ("Corresponding Author", true),
            ("E-mail: mei@example.org", true),
            ("Affiliation: Institute of Examples", true),
            ("X", true),
            ("⨯", true),
            ("View further author information", true),
            // An initial is no close button.
            ("X. Liao,", false),
            ("Mei Lin", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_byline_annotation(line), want, "{line}");
        }
    }

    #[test]
    fn control_labels_run_onto_a_line() {
        let cases = [
            (
                "https://doi.org/10.5555/x.2018.004Get rights and content",
                Some((
                    "https://doi.org/10.5555/x.2018.004",
                    "Get rights and content",
                )),
            ),
            (
                "Tomasz Brzezicki, Ayla DemirtaşView all authors and affiliations",
                Some((
                    "Tomasz Brzezicki, Ayla Demirtaş",
                    "View all authors and affiliations",
                )),
            ),
            ("View all authors and affiliations", None),
            (
                "Petra Hrdličková, and Malcolm J. Ferrier EmailAuthors Info & Affiliations",
                Some((
                    "Petra Hrdličková, and Malcolm J. Ferrier Email",
                    "Authors Info & Affiliations",
                )),
            ),
            (
                "Tomasz Brzezicki, Ayla DemirtaşView all",
                Some(("Tomasz Brzezicki, Ayla Demirtaş", "View all")),
            ),
            ("so we view all", None),
            (
                "; Chiara Benedetti ; Wei-Ting Lo All Authors",
                Some(("; Chiara Benedetti ; Wei-Ting Lo", "All Authors")),
            ),
            ("The final text was approved by all authors", None),
            ("Mei Lin, Jun Park", None),
        ];
        for (line, want) in cases {
            assert_eq!(split_trailing_control_label(line), want, "{line}");
        }
    }

    #[test]
    fn link_residue_lines() {
        let cases: &[(&str, &[&str])] = &[
            (
                "CAS PubMed Google Scholar",
                &["cas", "pubmed", "google_scholar"],
            ),
            (
                "CAS PubMed PubMed Central Google Scholar",
                &["cas", "pubmed", "pmc", "google_scholar"],
            ),
            (
                "Article CAS Google Scholar",
                &["article", "cas", "google_scholar"],
            ),
            ("[Google Scholar] [CrossRef]", &["google_scholar", "doi"]),
            ("Google Scholar of the world", &[]),
            ("OpenUrlCrossRefMedlineWeb of Science", &["doi", "pubmed"]),
            (
                "View Article PubMed/NCBI Google Scholar",
                &["article", "pubmed", "google_scholar"],
            ),
            ("Articles of note", &[]),
            ("Cell Stem Cell 2008; 2:", &[]),
            (
                "Digital LibraryCross RefGoogle Scholar",
                &["doi", "google_scholar"],
            ),
            (
                "Show in Context CrossRef Google Scholar",
                &["doi", "google_scholar"],
            ),
            (
                "[FREE Full text] [CrossRef] [Medline]",
                &["article", "doi", "pubmed"],
            ),
            (
                "Crossref Scopus (49) PubMed Google Scholar",
                &["doi", "pubmed", "google_scholar"],
            ),
            (
                "[FREE Full text] [ CrossRef] [Medline ]",
                &["article", "doi", "pubmed"],
            ),
            ("[ Links ]", &[]),
            // Wrapped inside a bracket by a text browser.
            ("[FREE Full text] [CrossRef] [", &["article", "doi"]),
            ("Medline]", &["pubmed"]),
            ("[ PubMed]", &["pubmed"]),
            ("[ Medline", &["pubmed"]),
            ("[Figure 2]", &[]),
            ("Scopus (49 citations in 2020)", &[]),
            ("Scopus () PubMed", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(link_residue_labels(line), *want, "{line}");
        }
        // Residue without a label of record.md's.
        let residue_or_not = [
            ("[ Links ]", true),
            ("[ Links", true),
            ("]", true),
            ("[", true),
            ("[ Links of the world", false),
            ("[Figure 2]", false),
            ("Scopus (49 citations in 2020)", false),
            ("Scopus () PubMed", false),
        ];
        for (line, residue) in residue_or_not {
            assert_eq!(is_link_residue(line), residue, "{line}");
        }
    }

    #[test]
    fn icon_words_are_removed() {
        assert_eq!(strip_icon_words("zoom_out_map Figure 1"), "Figure 1");
        assert_eq!(strip_icon_words("format_quote"), "");
        assert_eq!(strip_icon_words("the search for"), "the search for");
    }

    #[test]
    fn article_types_after_badges() {
        let cases = [
            ("Research Article", Some("Research Article")),
            (
                "Open Access Highly Accessed Study protocol",
                Some("Study Protocol"),
            ),
            ("Full Access Original Paper", Some("Original Paper")),
            ("Full PaperFREE ACCESS", Some("Full Paper")),
            ("Review Open Access", Some("Review")),
            // The date's label after the type and its badges (SAGE).
            (
                "Research article Open access First published online March 14, 2021",
                Some("Research Article"),
            ),
            ("First published online March 14, 2021", None),
            ("Open Access", None),
            ("research article", None),
            // A type named before the word "article" (Frontiers' header).
            ("ORIGINAL RESEARCH article", Some("Original Research")),
            ("SYSTEMATIC REVIEW article", Some("Systematic Review")),
            (
                "Hypothesis and Theory article",
                Some("Hypothesis and Theory"),
            ),
            ("Related article", None),
            ("TYPE Original Research", Some("Original Research")),
            ("Type: Review", Some("Review")),
            ("TYPE", None),
            ("article", None),
        ];
        for (line, expected) in cases {
            assert_eq!(article_type(line), expected, "{line}");
        }
    }

    #[test]
    fn article_types_before_a_date() {
        // (line, article_type, dated_article_type)
        let cases = [
            (
                "Research article | 12 Feb 2019",
                Some("Research Article"),
                Some("Research Article"),
            ),
            (
                "Technical note | 3 July 2021",
                Some("Technical Note"),
                Some("Technical Note"),
            ),
            ("Invented Letters | Letter", Some("Letter"), None),
            ("Research article", Some("Research Article"), None),
            ("Articles | 12 Feb 2019", None, None),
            ("12 Feb 2019", None, None),
            // The type first, then the subject or the issue, then the date.
            (
                "Research Article|Biological Sciences|July 18, 2022",
                Some("Research Article"),
                None,
            ),
            (
                "Article|Volume 41, Issue 7, 111634, November 15, 2022",
                Some("Article"),
                None,
            ),
            ("Home | News | March 2022", None, None),
        ];
        for (line, plain, dated) in cases {
            assert_eq!(article_type(line), plain, "{line}");
            assert_eq!(dated_article_type(line), dated, "{line}");
        }
    }

    #[test]
    fn copernicus_journal_titles_from_abbreviations() {
        let cases = [
            (
                "Atmos. Chem. Phys.",
                Some("Atmospheric Chemistry and Physics"),
            ),
            (
                "Atmos. Chem. Phys",
                Some("Atmospheric Chemistry and Physics"),
            ),
            ("The Cryosphere", Some("The Cryosphere")),
            (
                "Geosci. Model Dev.",
                Some("Geoscientific Model Development"),
            ),
            (
                "Atmos. Chem. Phys. Discuss.",
                Some("Atmospheric Chemistry and Physics Discussions"),
            ),
            ("J. Invented Chem. Discuss.", None),
            ("J. Invented Chem.", None),
        ];
        for (abbrev, title) in cases {
            assert_eq!(
                journal_title_of_abbrev(abbrev).as_deref(),
                title,
                "{abbrev}"
            );
        }
    }

    #[test]
    fn inline_link_labels_are_removed() {
        let cases = [
            ("Lina Okafor^a^, ^bAuthor Vitae,", "Lina Okafor^a^, ^b,"),
            ("Lina Okaforb Author Vitae", "Lina Okaforb "),
            (
                "View ORCID ProfileLina Okafor, Mei Lin, View ORCID ProfileAna Ruiz",
                "Lina Okafor, Mei Lin, Ana Ruiz",
            ),
            (
                "Lina OkaforORCID logo^I^*; Mei Lin^II",
                "Lina Okafor^I^*; Mei Lin^II",
            ),
            // JMIR's ORCID icon before each name, De Gruyter's icons after it.
            ("Author Orcid ImageLina Okafor^1, PhD", "Lina Okafor^1, PhD"),
            ("Lina OkaforORCID logoEMAIL logo", "Lina Okafor"),
            ("Send an EMAIL to the editor", "Send an EMAIL to the editor"),
            // The label wrapped by a text browser.
            ("Lina Okafor, Mei Lin, View ORCID", "Lina Okafor, Mei Lin,"),
            ("ProfileAna Ruiz, Jun Park", "Ana Ruiz, Jun Park"),
            ("Profile of an invented cell", "Profile of an invented cell"),
            (
                "An ORCID iD identifies a researcher",
                "An ORCID iD identifies a researcher",
            ),
            (
                "Curriculum vitae of the author",
                "Curriculum vitae of the author",
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(strip_inline_link_labels(line), expected);
        }
    }

    #[test]
    fn link_residue_prefilter_keeps_non_ascii_lines() {
        assert_eq!(
            link_residue_labels("PubMed  Google Scholar PubMed"),
            vec!["pubmed", "google_scholar"]
        );
        // The Kelvin sign lower-cases to an ASCII `k`; a non-ASCII line is not turned away
        // on its first letter alone.
        assert!(may_start_with_ignore_case("\u{212A}x".as_bytes(), b"kx"));
        assert!(may_start_with_ignore_case(
            "Crossref – ".as_bytes(),
            b"crossref"
        ));
        assert!(!may_start_with_ignore_case(
            "Smith – 2001".as_bytes(),
            b"scopus"
        ));
        assert!(!may_start_with_ignore_case(b"Do", b"doi"));
        assert!(!is_link_residue("Smith J – Title"));
        assert!(link_residue_labels("Smith J – Title").is_empty());
        assert!(is_link_residue("OpenUrlCrossRefMedlineWeb of Science"));
        assert_eq!(
            link_residue_labels("CrossRef | Google Scholar\u{a0}"),
            vec!["doi", "google_scholar"]
        );
    }
}
