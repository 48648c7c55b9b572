//! Field-level scoring of one [`Record`] against one [`Gold`], GROBID style.
//!
//! Every scored field gives true positives, false positives and false negatives, twice:
//! under *strict* matching (trimmed, whitespace collapsed) and *soft* matching (lower-cased,
//! punctuation and whitespace removed; [`crate::eval::normalize`]). For one value: equal is
//! a TP; different is one FP and one FN; gold filled and prediction empty is a FN; gold
//! empty and prediction filled is a FP; both empty is not counted. List fields count items:
//! keywords, affiliations and funding as multisets, article authors as an ordered list
//! (longest common subsequence of family names, so one missing author does not shift the
//! rest). References are aligned one-to-one first, then each aligned pair is scored field by
//! field (a reference's author list is one value, as in GROBID's citation evaluation).
//!
//! Only keys listed in the gold's `gold_fields` are scored. A per-reference sub-field is
//! scored only when at least one gold reference of the case has a value for it: meta-tag
//! gold often has no reference titles at all, and an absent source is not an absent value.

use super::gold::{Gold, GoldRefAuthor, GoldReference};
use crate::eval::normalize::{soft, strict};
use crate::extract::pages::expand_last_page;
use crate::record::{Record, Reference};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    #[serde(rename = "fn")]
    pub fn_: u32,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Whether anything was counted.
    pub fn is_empty(&self) -> bool {
        self.tp + self.fp + self.fn_ == 0
    }

    pub fn precision(&self) -> Option<f64> {
        let predicted = self.tp + self.fp;
        (predicted > 0).then(|| f64::from(self.tp) / f64::from(predicted))
    }

    pub fn recall(&self) -> Option<f64> {
        let expected = self.tp + self.fn_;
        (expected > 0).then(|| f64::from(self.tp) / f64::from(expected))
    }

    /// `2·TP / (2·TP + FP + FN)`; `None` when nothing was counted.
    pub fn f1(&self) -> Option<f64> {
        let denominator = 2 * self.tp + self.fp + self.fn_;
        (denominator > 0).then(|| f64::from(2 * self.tp) / f64::from(denominator))
    }
}

/// The two matching modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Strict,
    Soft,
}

const MODES: [Mode; 2] = [Mode::Strict, Mode::Soft];

/// Counts of one field under both modes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldScore {
    pub strict: Counts,
    pub soft: Counts,
}

impl FieldScore {
    pub fn add(&mut self, other: FieldScore) {
        self.strict.add(other.strict);
        self.soft.add(other.soft);
    }

    pub fn get(&self, mode: Mode) -> Counts {
        match mode {
            Mode::Strict => self.strict,
            Mode::Soft => self.soft,
        }
    }

    fn get_mut(&mut self, mode: Mode) -> &mut Counts {
        match mode {
            Mode::Strict => &mut self.strict,
            Mode::Soft => &mut self.soft,
        }
    }
}

/// One value that did not match: what the gold says and what the record says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Miss {
    pub field: String,
    pub gold: Option<String>,
    pub predicted: Option<String>,
    /// It matches under soft matching and misses only under strict matching.
    pub strict_only: bool,
}

/// A `boilerplate_must_be_absent` string found in a field of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoilerplateHit {
    pub text: String,
    /// JSON path of the field, e.g. `authors[2].name`.
    pub field: String,
}

/// The score of one record against its gold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseScore {
    /// Per field name (`title`, `dates.published`, `references.title`, ...).
    pub fields: BTreeMap<String, FieldScore>,
    pub misses: Vec<Miss>,
    pub boilerplate: Vec<BoilerplateHit>,
}

impl CaseScore {
    /// All fields added up.
    pub fn total(&self) -> FieldScore {
        let mut total = FieldScore::default();
        for score in self.fields.values() {
            total.add(*score);
        }
        total
    }
}

/// Labels a structured abstract may open with that `abstract_starts` leaves out (the
/// gold's abstract comes from the XML, whose section titles are markup); skipped before
/// the soft comparison only.
const LEADING_ABSTRACT_LABELS: &[&str] = &[
    "abstract",
    "summary",
    "background",
    "backgrounds",
    "objective",
    "objectives",
    "aim",
    "aims",
    "purpose",
    "introduction",
    "context",
];

/// Every `gold_fields` key the scorer understands.
pub const SCORED_GOLD_FIELDS: &[&str] = &[
    "title",
    "article_type",
    "journal",
    "journal_abbrev",
    "volume",
    "issue",
    "article_number",
    "first_page",
    "last_page",
    "year",
    "doi",
    "dates.received",
    "dates.revised",
    "dates.accepted",
    "dates.published",
    "keywords",
    "abstract_starts",
    "abstract_ends",
    "authors",
    "authors.affiliations",
    "authors.corresponding",
    "authors.orcid",
    "affiliations",
    "funding",
    "references_count",
    "references",
    "references.raw",
];

/// The scalar fields: gold key, field name, how to read gold and record, how to compare.
type ScalarReader = fn(&Gold, &Record) -> (Option<String>, Option<String>);

const SCALAR_FIELDS: &[(&str, ScalarReader, Comparator)] = &[
    ("title", |g, r| (g.title.clone(), r.title.clone()), text_eq),
    (
        "article_type",
        |g, r| (g.article_type.clone(), r.article_type.clone()),
        text_eq,
    ),
    (
        "journal",
        |g, r| (g.journal.clone(), r.journal.title.clone()),
        text_eq,
    ),
    (
        "journal_abbrev",
        |g, r| (g.journal_abbrev.clone(), r.journal.abbrev.clone()),
        text_eq,
    ),
    (
        "volume",
        |g, r| (g.volume.clone(), r.volume.clone()),
        text_eq,
    ),
    ("issue", |g, r| (g.issue.clone(), r.issue.clone()), text_eq),
    (
        "article_number",
        |g, r| (g.article_number.clone(), r.article_number.clone()),
        text_eq,
    ),
    (
        "first_page",
        |g, r| (g.first_page.clone(), r.page_first.clone()),
        text_eq,
    ),
    (
        "last_page",
        |g, r| {
            let gold = expanded_last_page(g.first_page.as_deref(), g.last_page.as_deref());
            (gold, r.page_last.clone())
        },
        text_eq,
    ),
    (
        "year",
        |g, r| (g.year.map(|y| y.to_string()), r.year.map(|y| y.to_string())),
        text_eq,
    ),
    ("doi", |g, r| (g.doi.clone(), r.doi.clone()), doi_eq),
    (
        "dates.received",
        |g, r| (g.dates.received.clone(), r.dates.received.clone()),
        date_eq,
    ),
    (
        "dates.revised",
        |g, r| (g.dates.revised.clone(), r.dates.revised.clone()),
        date_eq,
    ),
    (
        "dates.accepted",
        |g, r| (g.dates.accepted.clone(), r.dates.accepted.clone()),
        date_eq,
    ),
    (
        "dates.published",
        |g, r| (g.dates.published.clone(), r.dates.published.clone()),
        date_eq,
    ),
];

/// Scores a record against its gold, over the keys the gold covers.
pub fn score_record(gold: &Gold, record: &Record) -> CaseScore {
    let mut scorer = Scorer::default();
    for (key, read, equal) in SCALAR_FIELDS {
        if gold.covers(key) {
            let (g, p) = read(gold, record);
            scorer.scalar(key, g.as_deref(), p.as_deref(), *equal);
        }
    }
    if gold.covers("abstract_starts") || gold.covers("abstract_ends") {
        score_abstract(&mut scorer, gold, record);
    }
    if gold.covers("keywords") {
        scorer.multiset("keywords", &gold.keywords, &record.keywords);
    }
    if gold.covers("authors") {
        score_authors(&mut scorer, gold, record);
    }
    if gold.covers("affiliations") {
        let gold_texts: Vec<String> = gold.affiliations.iter().map(|a| a.text.clone()).collect();
        let predicted: Vec<String> = record.affiliations.iter().map(|a| a.text.clone()).collect();
        scorer.multiset("affiliations", &gold_texts, &predicted);
    }
    if gold.covers("funding") {
        let funders: Vec<String> = gold.funding.iter().map(|f| f.funder.clone()).collect();
        let predicted: Vec<String> = record.funding.iter().map(|f| f.funder.clone()).collect();
        scorer.multiset("funding.funder", &funders, &predicted);
        let awards: Vec<String> = gold.funding.iter().flat_map(|f| f.awards.clone()).collect();
        let predicted: Vec<String> = record
            .funding
            .iter()
            .flat_map(|f| f.award_ids.clone())
            .collect();
        scorer.multiset("funding.awards", &awards, &predicted);
    }
    if gold.covers("references_count") {
        let gold_count = gold
            .references_count
            .filter(|&n| n > 0)
            .map(|n| n.to_string());
        let predicted =
            (!record.references.is_empty()).then(|| record.references.len().to_string());
        scorer.scalar(
            "references_count",
            gold_count.as_deref(),
            predicted.as_deref(),
            text_eq,
        );
    }
    if gold.covers("references") || gold.covers("references.raw") {
        score_references(&mut scorer, gold, &record.references);
    }
    let mut score = CaseScore {
        fields: scorer.fields,
        misses: scorer.misses,
        boilerplate: Vec::new(),
    };
    score.boilerplate = find_boilerplate(&gold.boilerplate_must_be_absent, record);
    score
}

type Comparator = fn(Mode, &str, &str) -> bool;

fn text_eq(mode: Mode, a: &str, b: &str) -> bool {
    match mode {
        Mode::Strict => strict(a) == strict(b),
        Mode::Soft => soft(a) == soft(b),
    }
}

/// Dates: equal; under soft matching a prediction more precise than a partial gold date
/// also matches (`2009` and `2009-02-01`: meta tags often give only the year).
fn date_eq(mode: Mode, gold: &str, predicted: &str) -> bool {
    let (gold, predicted) = (strict(gold), strict(predicted));
    gold == predicted
        || (mode == Mode::Soft
            && predicted
                .strip_prefix(gold.as_str())
                .is_some_and(|rest| rest.starts_with('-')))
}

fn doi_eq(mode: Mode, a: &str, b: &str) -> bool {
    let (a, b) = (bare_doi(a).to_lowercase(), bare_doi(b).to_lowercase());
    match mode {
        Mode::Strict => a.trim() == b.trim(),
        Mode::Soft => soft(&a) == soft(&b),
    }
}

fn bare_doi(doi: &str) -> &str {
    let doi = doi.trim();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
        "DOI:",
    ] {
        if let Some(rest) = doi.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    doi
}

fn orcid_eq(mode: Mode, a: &str, b: &str) -> bool {
    let id = |s: &str| {
        s.trim()
            .trim_start_matches("https://orcid.org/")
            .trim_start_matches("http://orcid.org/")
            .to_uppercase()
    };
    text_eq(mode, &id(a), &id(b))
}

fn expanded_last_page(first: Option<&str>, last: Option<&str>) -> Option<String> {
    let last = last?.trim();
    Some(match first {
        Some(first) => expand_last_page(first.trim(), last),
        None => last.to_owned(),
    })
}

fn present(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.trim().is_empty())
}

#[derive(Default)]
struct Scorer {
    fields: BTreeMap<String, FieldScore>,
    misses: Vec<Miss>,
}

impl Scorer {
    fn counts(&mut self, field: &str, mode: Mode) -> &mut Counts {
        self.fields
            .entry(field.to_owned())
            .or_default()
            .get_mut(mode)
    }

    /// Makes the field show in the report even when nothing was counted for it.
    fn touch(&mut self, field: &str) {
        self.fields.entry(field.to_owned()).or_default();
    }

    /// Counts one gold/predicted pair; returns whether it matched under each mode.
    fn pair(
        &mut self,
        field: &str,
        gold: Option<&str>,
        predicted: Option<&str>,
        matches: impl Fn(Mode, &str, &str) -> bool,
    ) -> [bool; 2] {
        self.touch(field);
        let mut matched = [false; 2];
        for (i, mode) in MODES.into_iter().enumerate() {
            let counts = self.counts(field, mode);
            match (gold, predicted) {
                (None, None) => matched[i] = true,
                (Some(_), None) => counts.fn_ += 1,
                (None, Some(_)) => counts.fp += 1,
                (Some(g), Some(p)) if matches(mode, g, p) => {
                    counts.tp += 1;
                    matched[i] = true;
                }
                (Some(_), Some(_)) => {
                    counts.fp += 1;
                    counts.fn_ += 1;
                }
            }
        }
        matched
    }

    fn scalar(
        &mut self,
        field: &str,
        gold: Option<&str>,
        predicted: Option<&str>,
        matches: impl Fn(Mode, &str, &str) -> bool,
    ) {
        let (gold, predicted) = (present(gold), present(predicted));
        let [strict_ok, soft_ok] = self.pair(field, gold, predicted, matches);
        if !strict_ok {
            self.miss(
                field,
                gold.map(str::to_owned),
                predicted.map(str::to_owned),
                soft_ok,
            );
        }
    }

    fn miss(
        &mut self,
        field: &str,
        gold: Option<String>,
        predicted: Option<String>,
        soft_ok: bool,
    ) {
        self.misses.push(Miss {
            field: field.to_owned(),
            gold,
            predicted,
            strict_only: soft_ok,
        });
    }

    /// Items compared as multisets (order ignored, duplicates kept).
    fn multiset(&mut self, field: &str, gold: &[String], predicted: &[String]) {
        let gold: Vec<&str> = gold.iter().filter_map(|g| present(Some(g))).collect();
        let predicted: Vec<&str> = predicted.iter().filter_map(|p| present(Some(p))).collect();
        self.touch(field);
        let mut soft_ok = true;
        for mode in [Mode::Soft, Mode::Strict] {
            let (matched_gold, matched_pred) =
                match_multiset(&gold, &predicted, |g, p| text_eq(mode, g, p));
            let tp = matched_gold.iter().filter(|&&m| m).count() as u32;
            let counts = self.counts(field, mode);
            counts.tp += tp;
            counts.fp += predicted.len() as u32 - tp;
            counts.fn_ += gold.len() as u32 - tp;
            let all_matched = tp as usize == gold.len() && tp as usize == predicted.len();
            if mode == Mode::Soft {
                soft_ok = all_matched;
            }
            if !all_matched && (mode == Mode::Soft || soft_ok) {
                let unmatched = |items: &[&str], matched: &[bool]| {
                    let list: Vec<&str> = items
                        .iter()
                        .zip(matched)
                        .filter(|(_, m)| !**m)
                        .map(|(item, _)| *item)
                        .collect();
                    (!list.is_empty()).then(|| list.join(" | "))
                };
                let gold_missed = unmatched(&gold, &matched_gold);
                let pred_extra = unmatched(&predicted, &matched_pred);
                self.miss(field, gold_missed, pred_extra, soft_ok);
            }
        }
    }
}

/// Greedy one-to-one matching of equal items; returns which gold and which predicted
/// items found a partner.
fn match_multiset(
    gold: &[&str],
    predicted: &[&str],
    equal: impl Fn(&str, &str) -> bool,
) -> (Vec<bool>, Vec<bool>) {
    let mut used = vec![false; predicted.len()];
    let mut matched = vec![false; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = (0..predicted.len()).find(|&pi| !used[pi] && equal(g, predicted[pi])) {
            used[pi] = true;
            matched[gi] = true;
        }
    }
    (matched, used)
}

/// Longest common subsequence alignment: the matched `(gold, predicted)` index pairs, in
/// order.
fn align_ordered(
    gold_len: usize,
    predicted_len: usize,
    equal: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let width = predicted_len + 1;
    let mut table = vec![0u32; (gold_len + 1) * width];
    for g in (0..gold_len).rev() {
        for p in (0..predicted_len).rev() {
            table[g * width + p] = if equal(g, p) {
                table[(g + 1) * width + p + 1] + 1
            } else {
                table[(g + 1) * width + p].max(table[g * width + p + 1])
            };
        }
    }
    let (mut g, mut p) = (0, 0);
    let mut pairs = Vec::new();
    while g < gold_len && p < predicted_len {
        if equal(g, p) {
            pairs.push((g, p));
            g += 1;
            p += 1;
        } else if table[(g + 1) * width + p] >= table[g * width + p + 1] {
            g += 1;
        } else {
            p += 1;
        }
    }
    pairs
}

fn score_abstract(scorer: &mut Scorer, gold: &Gold, record: &Record) {
    let starts =
        present(gold.abstract_starts.as_deref()).filter(|_| gold.covers("abstract_starts"));
    let ends = present(gold.abstract_ends.as_deref()).filter(|_| gold.covers("abstract_ends"));
    let gold_view = match (starts, ends) {
        (None, None) => None,
        (s, e) => Some(format!("{} … {}", s.unwrap_or(""), e.unwrap_or(""))),
    };
    let predicted = present(record.abstract_text.as_deref());
    let matches = |mode: Mode, _: &str, text: &str| abstract_matches(mode, text, starts, ends);
    let [strict_ok, soft_ok] = scorer.pair("abstract", gold_view.as_deref(), predicted, matches);
    if !strict_ok {
        let shown = predicted.map(abbreviate_abstract);
        scorer.miss("abstract", gold_view, shown, soft_ok);
    }
}

/// Whether an abstract starts with `starts` and ends with `ends` after normalisation.
///
/// A gold end cut with an ellipsis (`"... method. Th..."`, from a truncated meta
/// description) only has to occur in the text. Under soft matching a leading label
/// (`Background`, `Abstract`) on either side is skipped.
pub fn abstract_matches(mode: Mode, text: &str, starts: Option<&str>, ends: Option<&str>) -> bool {
    let (ends, truncated) = match ends.map(strip_ellipsis) {
        Some((e, truncated)) => (Some(e), truncated),
        None => (None, false),
    };
    let norm = |s: &str| match mode {
        Mode::Strict => strict(s),
        Mode::Soft => soft(s),
    };
    let text = norm(text);
    let starts_ok = starts.is_none_or(|s| {
        let s = norm(s);
        match mode {
            Mode::Strict => text.starts_with(&s),
            Mode::Soft => {
                let (text_body, gold_body) = (skip_label(&text), skip_label(&s));
                [text.as_str(), text_body]
                    .iter()
                    .any(|t| t.starts_with(s.as_str()) || t.starts_with(gold_body))
            }
        }
    });
    let ends_ok = ends.is_none_or(|e| {
        let e = norm(e);
        if truncated {
            text.contains(&e)
        } else {
            text.ends_with(&e)
        }
    });
    starts_ok && ends_ok
}

/// A gold abstract end without its trailing ellipsis, and whether it had one.
fn strip_ellipsis(end: &str) -> (&str, bool) {
    let trimmed = end.trim_end();
    for ellipsis in ["...", "…"] {
        if let Some(cut) = trimmed.strip_suffix(ellipsis) {
            return (cut, true);
        }
    }
    (end, false)
}

/// Soft text without a leading structured-abstract label.
fn skip_label(soft_text: &str) -> &str {
    LEADING_ABSTRACT_LABELS
        .iter()
        .find_map(|label| soft_text.strip_prefix(label))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(soft_text)
}

fn abbreviate_abstract(text: &str) -> String {
    let text = strict(text);
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 140 {
        return text;
    }
    let head: String = chars[..70].iter().collect();
    let tail: String = chars[chars.len() - 50..].iter().collect();
    format!("{head} … {tail}")
}

/// The family name of a record author: `family`, else the last word of the name.
fn record_family(author: &crate::record::Author) -> String {
    author
        .family
        .clone()
        .or_else(|| author.name.split_whitespace().last().map(str::to_owned))
        .unwrap_or_default()
}

/// Whether a predicted family name matches a gold one. When the gold split names at the
/// last space, its family may be only the tail of a multi-word family name.
fn family_eq(mode: Mode, gold: &str, predicted: &str, gold_split_guessed: bool) -> bool {
    if text_eq(mode, gold, predicted) {
        return true;
    }
    gold_split_guessed && {
        let (g, p) = match mode {
            Mode::Strict => (strict(gold), strict(predicted)),
            Mode::Soft => (soft(gold), soft(predicted)),
        };
        !g.is_empty() && p.ends_with(&g) && (mode == Mode::Soft || p.ends_with(&format!(" {g}")))
    }
}

fn score_authors(scorer: &mut Scorer, gold: &Gold, record: &Record) {
    let gold_families: Vec<String> = gold
        .authors
        .iter()
        .map(|a| {
            a.family
                .clone()
                .or_else(|| {
                    a.name
                        .as_deref()
                        .and_then(|n| n.split_whitespace().last())
                        .map(str::to_owned)
                })
                .unwrap_or_default()
        })
        .collect();
    let predicted_families: Vec<String> = record.authors.iter().map(record_family).collect();
    let guessed = gold.authors_name_split_guessed;
    scorer.touch("authors");
    let mut soft_pairs = Vec::new();
    let mut soft_ok = true;
    for mode in [Mode::Soft, Mode::Strict] {
        let pairs = align_ordered(gold_families.len(), predicted_families.len(), |g, p| {
            family_eq(mode, &gold_families[g], &predicted_families[p], guessed)
        });
        let tp = pairs.len() as u32;
        let counts = scorer.counts("authors", mode);
        counts.tp += tp;
        counts.fp += predicted_families.len() as u32 - tp;
        counts.fn_ += gold_families.len() as u32 - tp;
        let all_matched =
            pairs.len() == gold_families.len() && pairs.len() == predicted_families.len();
        if mode == Mode::Soft {
            soft_ok = all_matched;
            soft_pairs = pairs;
        }
        if !all_matched && (mode == Mode::Soft || soft_ok) {
            let join = |names: &[String]| (!names.is_empty()).then(|| names.join("; "));
            scorer.miss(
                "authors",
                join(&gold_families),
                join(&predicted_families),
                soft_ok,
            );
        }
    }

    let gold_partner: BTreeMap<usize, usize> = soft_pairs.iter().copied().collect();
    let predicted_matched: HashSet<usize> = soft_pairs.iter().map(|&(_, p)| p).collect();

    if gold.covers("authors.affiliations") {
        let gold_affiliations = |i: usize| -> Vec<String> {
            gold.authors[i]
                .affiliations
                .iter()
                .filter_map(|id| {
                    gold.affiliations
                        .iter()
                        .find(|a| a.id.as_deref() == Some(id.as_str()))
                })
                .map(|a| a.text.clone())
                .collect()
        };
        let predicted_affiliations = |i: usize| -> Vec<String> {
            record.authors[i]
                .affiliations
                .iter()
                .filter_map(|id| record.affiliations.iter().find(|a| &a.id == id))
                .map(|a| a.text.clone())
                .collect()
        };
        scorer.touch("authors.affiliations");
        for (g, family) in gold_families.iter().enumerate() {
            let predicted = gold_partner
                .get(&g)
                .map(|&p| predicted_affiliations(p))
                .unwrap_or_default();
            let field = "authors.affiliations";
            let before = scorer.misses.len();
            scorer.multiset(field, &gold_affiliations(g), &predicted);
            label_new_misses(&mut scorer.misses[before..], family);
        }
        for p in (0..record.authors.len()).filter(|p| !predicted_matched.contains(p)) {
            let before = scorer.misses.len();
            scorer.multiset("authors.affiliations", &[], &predicted_affiliations(p));
            label_new_misses(&mut scorer.misses[before..], &predicted_families[p]);
        }
    }

    if gold.covers("authors.corresponding") {
        let flag = |on: bool| on.then_some("corresponding");
        for (g, author) in gold.authors.iter().enumerate() {
            let predicted = gold_partner
                .get(&g)
                .and_then(|&p| flag(record.authors[p].corresponding));
            let before = scorer.misses.len();
            scorer.scalar(
                "authors.corresponding",
                flag(author.corresponding),
                predicted,
                text_eq,
            );
            label_new_misses(&mut scorer.misses[before..], &gold_families[g]);
        }
        for p in (0..record.authors.len()).filter(|p| !predicted_matched.contains(p)) {
            let before = scorer.misses.len();
            scorer.scalar(
                "authors.corresponding",
                None,
                flag(record.authors[p].corresponding),
                text_eq,
            );
            label_new_misses(&mut scorer.misses[before..], &predicted_families[p]);
        }
    }

    if gold.covers("authors.orcid") {
        for (g, author) in gold.authors.iter().enumerate() {
            let predicted = gold_partner
                .get(&g)
                .and_then(|&p| record.authors[p].orcid.as_deref());
            let before = scorer.misses.len();
            scorer.scalar(
                "authors.orcid",
                author.orcid.as_deref(),
                predicted,
                orcid_eq,
            );
            label_new_misses(&mut scorer.misses[before..], &gold_families[g]);
        }
        for p in (0..record.authors.len()).filter(|p| !predicted_matched.contains(p)) {
            let before = scorer.misses.len();
            scorer.scalar(
                "authors.orcid",
                None,
                record.authors[p].orcid.as_deref(),
                orcid_eq,
            );
            label_new_misses(&mut scorer.misses[before..], &predicted_families[p]);
        }
    }
}

/// Prefixes the values of fresh misses with the author or reference they belong to.
fn label_new_misses(misses: &mut [Miss], label: &str) {
    for miss in misses {
        for value in [&mut miss.gold, &mut miss.predicted].into_iter().flatten() {
            *value = format!("[{label}] {value}");
        }
        if miss.gold.is_none() && miss.predicted.is_some() {
            miss.gold = Some(format!("[{label}] —"));
        }
    }
}

/// The sub-fields of a reference, with how each is read from gold and record.
type RefReader = fn(&GoldReference, &Reference) -> (Option<String>, Option<String>);

const REFERENCE_FIELDS: &[(&str, RefReader, Comparator)] = &[
    (
        "references.title",
        |g, r| (g.title.clone(), r.title.clone()),
        text_eq,
    ),
    (
        "references.journal",
        |g, r| (g.journal.clone(), r.container_title.clone()),
        text_eq,
    ),
    (
        "references.year",
        |g, r| (g.year.map(|y| y.to_string()), r.year.map(|y| y.to_string())),
        text_eq,
    ),
    (
        "references.volume",
        |g, r| (g.volume.clone(), r.volume.clone()),
        text_eq,
    ),
    (
        "references.issue",
        |g, r| (g.issue.clone(), r.issue.clone()),
        text_eq,
    ),
    (
        "references.first_page",
        |g, r| (g.first_page.clone(), r.page_first.clone()),
        text_eq,
    ),
    (
        "references.last_page",
        |g, r| {
            let gold = expanded_last_page(g.first_page.as_deref(), g.last_page.as_deref());
            (gold, r.page_last.clone())
        },
        text_eq,
    ),
    (
        "references.doi",
        |g, r| (g.doi.clone(), r.doi.clone()),
        doi_eq,
    ),
];

/// The family name carried by a gold reference author. Display strings drop their
/// initials ("Bottino M C", "J. R. Vittengl", "JW Lawton" give the remaining words).
pub fn gold_ref_family(author: &GoldRefAuthor) -> String {
    match author {
        GoldRefAuthor::Structured { family, given } => {
            family.clone().or_else(|| given.clone()).unwrap_or_default()
        }
        GoldRefAuthor::Display(name) => display_name_family(name),
    }
}

fn display_name_family(name: &str) -> String {
    if let Some((family, _)) = name.split_once(',') {
        return family.trim().to_owned();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !looks_like_initials(w))
        .collect();
    if kept.is_empty() {
        words
            .iter()
            .max_by_key(|w| w.chars().count())
            .map(|w| w.to_string())
            .unwrap_or_default()
    } else {
        kept.join(" ")
    }
}

fn looks_like_initials(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.iter().all(|c| c.is_uppercase())
        && (word.contains('.') || letters.len() <= 3)
}

fn reference_family(author: &crate::record::RefAuthor) -> String {
    author
        .family
        .clone()
        .or_else(|| author.literal.clone())
        .unwrap_or_default()
}

/// Whether two reference author lists name the same people in the same order. A display
/// string's family part may be only the tail of the printed family name ("Soest" for
/// "Van Soest"), as meta tags print it.
fn reference_authors_eq(mode: Mode, gold: &[GoldRefAuthor], predicted: &[String]) -> bool {
    gold.len() == predicted.len()
        && gold.iter().zip(predicted).all(|(g, p)| {
            let family = gold_ref_family(g);
            let display = matches!(g, GoldRefAuthor::Display(_));
            family_eq(mode, &family, p, display)
        })
}

/// Keys of a reference used to align gold and predicted references.
struct AlignKeys {
    doi: Option<String>,
    title: Option<String>,
    journal: Option<String>,
    year: Option<i32>,
    volume: Option<String>,
    first_page: Option<String>,
    first_family: Option<String>,
    words: HashSet<String>,
}

impl AlignKeys {
    fn of_gold(r: &GoldReference) -> Self {
        AlignKeys {
            doi: r.doi.as_deref().map(|d| soft(bare_doi(d))),
            title: r.title.as_deref().map(soft),
            journal: r.journal.as_deref().map(soft),
            year: r.year,
            volume: r.volume.as_deref().map(soft),
            first_page: r.first_page.as_deref().map(soft),
            first_family: r.authors.first().map(|a| soft(&gold_ref_family(a))),
            words: r.raw.as_deref().map(word_set).unwrap_or_default(),
        }
    }

    fn of_record(r: &Reference) -> Self {
        AlignKeys {
            doi: r.doi.as_deref().map(|d| soft(bare_doi(d))),
            title: r.title.as_deref().map(soft),
            journal: r.container_title.as_deref().map(soft),
            year: r.year,
            volume: r.volume.as_deref().map(soft),
            first_page: r.page_first.as_deref().map(soft),
            first_family: r.authors.first().map(|a| soft(&reference_family(a))),
            words: word_set(&r.raw),
        }
    }

    fn similarity(&self, other: &AlignKeys) -> u32 {
        fn same<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
            a.is_some() && a == b
        }
        let mut score = 0;
        score += 3 * u32::from(same(&self.doi, &other.doi));
        score += 2 * u32::from(same(&self.title, &other.title));
        score += u32::from(same(&self.journal, &other.journal));
        score += u32::from(same(&self.year, &other.year));
        score += u32::from(same(&self.volume, &other.volume));
        score += u32::from(same(&self.first_page, &other.first_page));
        score += u32::from(
            same(&self.first_family, &other.first_family)
                || matches!((&self.first_family, &other.first_family),
                    (Some(g), Some(p)) if !g.is_empty() && p.ends_with(g.as_str())),
        );
        if !self.words.is_empty() && !other.words.is_empty() {
            let shared = self.words.intersection(&other.words).count();
            let union = self.words.len() + other.words.len() - shared;
            if shared * 2 >= union {
                score += 2;
            }
        }
        score
    }
}

fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Pairs gold references with predicted ones, one to one: the most similar pairs first
/// (ties to the closer position); pairs agreeing on less than two keys stay apart.
fn align_references(gold: &[GoldReference], predicted: &[Reference]) -> Vec<Option<usize>> {
    const MIN_SIMILARITY: u32 = 2;
    let gold_keys: Vec<AlignKeys> = gold.iter().map(AlignKeys::of_gold).collect();
    let predicted_keys: Vec<AlignKeys> = predicted.iter().map(AlignKeys::of_record).collect();
    let mut candidates = Vec::new();
    for (g, gk) in gold_keys.iter().enumerate() {
        for (p, pk) in predicted_keys.iter().enumerate() {
            let similarity = gk.similarity(pk);
            if similarity >= MIN_SIMILARITY {
                candidates.push((similarity, g.abs_diff(p), g, p));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut partner = vec![None; gold.len()];
    let mut taken = vec![false; predicted.len()];
    for (_, _, g, p) in candidates {
        if partner[g].is_none() && !taken[p] {
            partner[g] = Some(p);
            taken[p] = true;
        }
    }
    partner
}

fn score_references(scorer: &mut Scorer, gold: &Gold, predicted: &[Reference]) {
    if gold.references.is_empty() {
        return;
    }
    let partner = align_references(&gold.references, predicted);
    let mut aligned = vec![false; predicted.len()];
    for p in partner.iter().flatten() {
        aligned[*p] = true;
    }
    let label = |g: usize| {
        gold.references[g]
            .n
            .map_or_else(|| format!("ref {}", g + 1), |n| format!("ref {n}"))
    };

    if gold.covers("references") {
        for (field, read, equal) in REFERENCE_FIELDS {
            let covered = gold
                .references
                .iter()
                .any(|g| present(read(g, &Reference::default()).0.as_deref()).is_some());
            if !covered {
                continue;
            }
            for (g, gold_ref) in gold.references.iter().enumerate() {
                let empty = Reference::default();
                let predicted_ref = partner[g].map_or(&empty, |p| &predicted[p]);
                let (gv, pv) = read(gold_ref, predicted_ref);
                let before = scorer.misses.len();
                scorer.scalar(field, gv.as_deref(), pv.as_deref(), *equal);
                label_new_misses(&mut scorer.misses[before..], &label(g));
            }
            let empty = GoldReference::default();
            for (p, predicted_ref) in predicted.iter().enumerate().filter(|(p, _)| !aligned[*p]) {
                let (_, pv) = read(&empty, predicted_ref);
                let before = scorer.misses.len();
                scorer.scalar(field, None, pv.as_deref(), *equal);
                label_new_misses(
                    &mut scorer.misses[before..],
                    &format!("unaligned {}", p + 1),
                );
            }
        }
        if gold.references.iter().any(|g| !g.authors.is_empty()) {
            score_reference_authors(scorer, gold, predicted, &partner, &aligned, &label);
        }
    }

    if gold.covers("references.raw") {
        let every_gold_has_raw = gold
            .references
            .iter()
            .all(|g| present(g.raw.as_deref()).is_some());
        for (g, gold_ref) in gold.references.iter().enumerate() {
            let Some(raw) = present(gold_ref.raw.as_deref()) else {
                continue;
            };
            let predicted_raw = partner[g].map(|p| predicted[p].raw.as_str());
            let before = scorer.misses.len();
            scorer.scalar("references.raw", Some(raw), predicted_raw, text_eq);
            label_new_misses(&mut scorer.misses[before..], &label(g));
        }
        if every_gold_has_raw {
            for (p, predicted_ref) in predicted.iter().enumerate().filter(|(p, _)| !aligned[*p]) {
                let before = scorer.misses.len();
                scorer.scalar("references.raw", None, Some(&predicted_ref.raw), text_eq);
                label_new_misses(
                    &mut scorer.misses[before..],
                    &format!("unaligned {}", p + 1),
                );
            }
        }
    }
}

fn score_reference_authors(
    scorer: &mut Scorer,
    gold: &Gold,
    predicted: &[Reference],
    partner: &[Option<usize>],
    aligned: &[bool],
    label: &dyn Fn(usize) -> String,
) {
    const FIELD: &str = "references.authors";
    let families =
        |r: &Reference| -> Vec<String> { r.authors.iter().map(reference_family).collect() };
    let shown_gold = |authors: &[GoldRefAuthor]| {
        (!authors.is_empty()).then(|| {
            authors
                .iter()
                .map(gold_ref_family)
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    for (g, gold_ref) in gold.references.iter().enumerate() {
        let predicted_families = partner[g]
            .map(|p| families(&predicted[p]))
            .unwrap_or_default();
        let gold_view = shown_gold(&gold_ref.authors);
        let predicted_view =
            (!predicted_families.is_empty()).then(|| predicted_families.join("; "));
        let authors = &gold_ref.authors;
        let [strict_ok, soft_ok] = scorer.pair(
            FIELD,
            gold_view.as_deref(),
            predicted_view.as_deref(),
            |mode, _, _| reference_authors_eq(mode, authors, &predicted_families),
        );
        if !strict_ok {
            let before = scorer.misses.len();
            scorer.miss(FIELD, gold_view, predicted_view, soft_ok);
            label_new_misses(&mut scorer.misses[before..], &label(g));
        }
    }
    for (p, predicted_ref) in predicted.iter().enumerate().filter(|(p, _)| !aligned[*p]) {
        let predicted_families = families(predicted_ref);
        if predicted_families.is_empty() {
            continue;
        }
        let before = scorer.misses.len();
        scorer.scalar(FIELD, None, Some(&predicted_families.join("; ")), text_eq);
        label_new_misses(
            &mut scorer.misses[before..],
            &format!("unaligned {}", p + 1),
        );
    }
}

/// Record keys that describe the run, not the article; boilerplate is not looked for there.
const NON_CONTENT_KEYS: &[&str] = &[
    "schema_version",
    "source",
    "status",
    "pipeline",
    "provenance",
    "warnings",
    "errors",
];

/// Every place where a must-be-absent string occurs in the record (case-insensitive).
pub fn find_boilerplate(needles: &[String], record: &Record) -> Vec<BoilerplateHit> {
    let needles: Vec<(String, &String)> = needles
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| (n.to_lowercase(), n))
        .collect();
    if needles.is_empty() {
        return Vec::new();
    }
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(record) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (key, value) in &fields {
        if !NON_CONTENT_KEYS.contains(&key.as_str()) {
            walk_strings(value, key.clone(), &mut |path, text| {
                let lower = text.to_lowercase();
                for (needle, original) in &needles {
                    if lower.contains(needle.as_str()) {
                        hits.push(BoilerplateHit {
                            text: (*original).clone(),
                            field: path.to_owned(),
                        });
                    }
                }
            });
        }
    }
    hits
}

fn walk_strings(value: &serde_json::Value, path: String, visit: &mut dyn FnMut(&str, &str)) {
    match value {
        serde_json::Value::String(s) => visit(&path, s),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_strings(item, format!("{path}[{i}]"), visit);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                walk_strings(item, format!("{path}.{key}"), visit);
            }
        }
        _ => {}
    }
}
