//! CSL-JSON: references written as Citation Style Language items.

use crate::record::Reference;
use serde_json::{Value, json};

/// One reference as a CSL-JSON item.
pub fn reference_to_csl(reference: &Reference, id: &str) -> Value {
    let mut item = serde_json::Map::new();
    item.insert("id".into(), json!(id));
    item.insert("type".into(), json!(reference.kind));
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
