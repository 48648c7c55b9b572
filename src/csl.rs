//! CSL-JSON: references written as Citation Style Language items (CSL 1.0.2 variables:
//! `author`, `title`, `container-title`, `issued`, `volume`, `issue`, `page`, `number`,
//! `DOI`, `PMID`, `PMCID`, `URL`).

use crate::record::Reference;
use serde_json::{Value, json};

/// One reference as a CSL-JSON item.
pub fn reference_to_csl(reference: &Reference, id: &str) -> Value {
    let mut item = serde_json::Map::new();
    item.insert("id".into(), json!(id));
    item.insert("type".into(), json!(csl_type(&reference.kind)));
    let authors: Vec<Value> = reference
        .authors
        .iter()
        .map(|a| match &a.literal {
            Some(literal) => json!({ "literal": literal }),
            None => {
                let mut name = serde_json::Map::new();
                if let Some(family) = &a.family {
                    name.insert("family".into(), json!(family));
                }
                if let Some(given) = &a.given {
                    name.insert("given".into(), json!(given));
                }
                Value::Object(name)
            }
        })
        .collect();
    if !authors.is_empty() {
        item.insert("author".into(), Value::Array(authors));
    }
    let mut put = |key: &str, value: &Option<String>| {
        if let Some(v) = value {
            item.insert(key.into(), json!(v));
        }
    };
    put("title", &reference.title);
    put("container-title", &reference.container_title);
    put("volume", &reference.volume);
    put("issue", &reference.issue);
    put("number", &reference.article_number);
    put("DOI", &reference.doi);
    put("PMID", &reference.pmid);
    put("PMCID", &reference.pmcid);
    put("URL", &reference.url);
    let page = match (&reference.page_first, &reference.page_last) {
        (Some(first), Some(last)) => Some(format!("{first}-{last}")),
        (Some(first), None) => Some(first.clone()),
        _ => None,
    };
    put("page", &page);
    if let Some(year) = reference.year {
        item.insert("issued".into(), json!({ "date-parts": [[year]] }));
    }
    Value::Object(item)
}

/// The record's type as a CSL 1.0.2 type: `other` has no CSL counterpart, `document` is
/// CSL's catch-all.
fn csl_type(kind: &str) -> &str {
    match kind {
        "article-journal" | "book" | "chapter" | "paper-conference" | "thesis" | "report"
        | "webpage" | "dataset" | "software" => kind,
        _ => "document",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_reference;

    #[test]
    fn writes_csl_items() {
        let r = parse_reference(
            "Moretti L, Ferri A. Stromal signals. Tissue Regen Rev 2014; 12(3): 311–24. doi:10.5555/x.1",
        );
        let item = reference_to_csl(&r, "ref1");
        assert_eq!(item["id"], "ref1");
        assert_eq!(item["type"], "article-journal");
        assert_eq!(item["author"][0]["family"], "Moretti");
        assert_eq!(item["container-title"], "Tissue Regen Rev");
        assert_eq!(item["page"], "311-324");
        assert_eq!(item["issued"]["date-parts"][0][0], 2014);
        assert_eq!(item["DOI"], "10.5555/x.1");
        let other = reference_to_csl(&crate::record::Reference::from_raw("x"), "r2");
        assert_eq!(other["type"], "document");
        assert!(other.get("author").is_none());
    }
}
