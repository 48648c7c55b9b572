//! The gold model of one page case (`gold.json`, see the corpus README's "Gold format").
//!
//! Only the keys the scorer reads are modelled; informational keys (`publisher`, `issn`,
//! `pmid`, notes, ...) are ignored. Values the format says are strings are also accepted as
//! numbers (and the year as a string), so a hand-edited gold file does not fail on `"34"`
//! versus `34`.

use serde::{Deserialize, Deserializer};
use std::path::Path;

/// The gold metadata of one article page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Gold {
    pub gold_from: Option<String>,
    /// The keys the gold source really covers; only these are scored.
    pub gold_fields: Vec<String>,
    pub publisher_site: Option<String>,
    pub case_id: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub article_type: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub journal: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub journal_abbrev: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub volume: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub issue: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub article_number: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub first_page: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub last_page: Option<String>,
    #[serde(deserialize_with = "lenient_year")]
    pub year: Option<i32>,
    #[serde(deserialize_with = "lenient_string")]
    pub doi: Option<String>,
    pub dates: GoldDates,
    #[serde(deserialize_with = "null_as_empty")]
    pub keywords: Vec<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub abstract_starts: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub abstract_ends: Option<String>,
    #[serde(deserialize_with = "null_as_empty")]
    pub authors: Vec<GoldAuthor>,
    #[serde(deserialize_with = "null_as_empty")]
    pub affiliations: Vec<GoldAffiliation>,
    #[serde(deserialize_with = "null_as_empty")]
    pub funding: Vec<GoldFunding>,
    pub references_count: Option<u32>,
    #[serde(deserialize_with = "null_as_empty")]
    pub references: Vec<GoldReference>,
    #[serde(deserialize_with = "null_as_empty")]
    pub boilerplate_must_be_absent: Vec<String>,
    /// Authors given as plain "First Last" strings were split at the last space, so a
    /// multi-word family name may be cut ("van der Berg" as "Berg").
    pub authors_name_split_guessed: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GoldDates {
    #[serde(deserialize_with = "lenient_string")]
    pub received: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub revised: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub accepted: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub published: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GoldAuthor {
    #[serde(deserialize_with = "lenient_string")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub given: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub family: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub orcid: Option<String>,
    /// Ids of entries in [`Gold::affiliations`].
    #[serde(deserialize_with = "lenient_string_list")]
    pub affiliations: Vec<String>,
    pub corresponding: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GoldAffiliation {
    #[serde(deserialize_with = "lenient_string")]
    pub id: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GoldFunding {
    pub funder: String,
    #[serde(deserialize_with = "lenient_string_list")]
    pub awards: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GoldReference {
    pub n: Option<u32>,
    #[serde(deserialize_with = "null_as_empty")]
    pub authors: Vec<GoldRefAuthor>,
    pub et_al: bool,
    #[serde(deserialize_with = "lenient_string")]
    pub title: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub journal: Option<String>,
    #[serde(deserialize_with = "lenient_year")]
    pub year: Option<i32>,
    #[serde(deserialize_with = "lenient_string")]
    pub volume: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub issue: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub first_page: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub last_page: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub doi: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub raw: Option<String>,
}

/// A reference author: structured (XML gold) or a display string (meta-tag gold, in
/// "Family Initials" or "Initials Family" order).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum GoldRefAuthor {
    Structured {
        #[serde(default)]
        family: Option<String>,
        #[serde(default)]
        given: Option<String>,
    },
    Display(String),
}

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: cannot read: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}: not a valid gold file: {error}")]
    Parse {
        path: String,
        error: serde_json::Error,
    },
}

impl Gold {
    /// Reads and parses one `gold.json`.
    pub fn load(path: &Path) -> Result<Gold, GoldError> {
        let bytes = std::fs::read(path).map_err(|error| GoldError::Read {
            path: path.display().to_string(),
            error,
        })?;
        Gold::parse(&bytes).map_err(|error| GoldError::Parse {
            path: path.display().to_string(),
            error,
        })
    }

    /// Parses gold JSON.
    pub fn parse(bytes: &[u8]) -> Result<Gold, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    /// Whether the gold source covers a key (`"title"`, `"dates.received"`, ...).
    pub fn covers(&self, key: &str) -> bool {
        self.gold_fields.iter().any(|k| k == key)
    }
}

/// A string, or a number written as its decimal form; empty strings are `None`.
fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| value_as_string(&v)))
}

fn lenient_year<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    use serde::de::Error;
    let value = Option::<serde_json::Value>::deserialize(d)?;
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .and_then(|y| i32::try_from(y).ok())
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("year {n} is not an integer"))),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| D::Error::custom(format!("year {s:?} is not an integer"))),
        Some(other) => Err(D::Error::custom(format!(
            "year must be a number, not {other}"
        ))),
    }
}

fn lenient_string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let value = Option::<Vec<serde_json::Value>>::deserialize(d)?;
    Ok(value
        .unwrap_or_default()
        .iter()
        .filter_map(value_as_string)
        .collect())
}

fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

fn value_as_string(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lenient_values_and_ignores_informational_keys() {
        let gold = Gold::parse(
            br#"{"gold_fields":["title","volume","year"],"title":"T","volume":34,
                "year":"2013","issue":"","issn":{"epub":"x"},"keywords":null,
                "authors":[{"name":"A B","family":"B","affiliations":[1,"2"]}],
                "references":[{"n":1,"authors":["Bianchi G",{"family":"Rossi","given":"M"}]}]}"#,
        )
        .unwrap();
        assert_eq!(gold.volume.as_deref(), Some("34"));
        assert_eq!(gold.year, Some(2013));
        assert_eq!(gold.issue, None);
        assert!(gold.keywords.is_empty());
        assert_eq!(gold.authors[0].affiliations, ["1", "2"]);
        assert!(matches!(
            gold.references[0].authors[0],
            GoldRefAuthor::Display(_)
        ));
        assert!(matches!(
            gold.references[0].authors[1],
            GoldRefAuthor::Structured { .. }
        ));
        assert!(gold.covers("volume") && !gold.covers("doi"));
    }

    #[test]
    fn refuses_a_year_that_is_not_a_number() {
        assert!(Gold::parse(br#"{"year":"two thousand"}"#).is_err());
    }
}
