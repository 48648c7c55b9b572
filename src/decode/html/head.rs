//! The page's out-of-band metadata: `<meta>` pairs, JSON-LD blocks, `<title>` and the
//! canonical URL, gathered into a [`SourceMeta`].
//!
//! Reads every element of the parsed tree in creation order (no recursion), so meta tags
//! that sloppy pages put in the body are found too.

use super::markup::attribute;
use crate::decode::SourceMeta;
use scraper::{Html, Node};

/// Gathers the source metadata of a parsed page.
pub fn collect_source_meta(html: &Html) -> SourceMeta {
    let mut meta = SourceMeta::default();
    let mut og_url = None;
    let mut cues = super::cues::CueCache::default();
    for node in html.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        super::cues::collect_dom_values(node, element, &mut cues, &mut meta.dom);
        match element.name() {
            "meta" => {
                let key = attribute(element, "name")
                    .or_else(|| attribute(element, "property"))
                    .or_else(|| attribute(element, "itemprop"));
                let (Some(key), Some(content)) = (key, attribute(element, "content")) else {
                    continue;
                };
                let key = key.trim().to_ascii_lowercase();
                let content = if key == "dc.creator" {
                    creator_name(content)
                } else {
                    collapse_whitespace(content)
                };
                if key.is_empty() || content.is_empty() {
                    continue;
                }
                if key == "og:url" && og_url.is_none() {
                    og_url = Some(content.clone());
                }
                meta.tags.push((key, content));
            }
            "script" => {
                let is_json_ld = attribute(element, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_json_ld {
                    let text: String = node
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| &**t))
                        .collect();
                    push_json_ld(&mut meta.json_ld, &text);
                }
            }
            "title" if meta.document_title.is_none() => {
                // An SVG <title> is a tooltip, not the page's title.
                let in_svg = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| e.name() == "svg" || e.name() == "math")
                });
                if !in_svg {
                    let text: String = node
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| &**t))
                        .collect();
                    let text = collapse_whitespace(&text);
                    if !text.is_empty() {
                        meta.document_title = Some(text);
                    }
                }
            }
            "link" if meta.canonical_url.is_none() => {
                let is_canonical = attribute(element, "rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if is_canonical {
                    if let Some(href) = attribute(element, "href").map(str::trim) {
                        if !href.is_empty() {
                            meta.canonical_url = Some(href.to_owned());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if meta.canonical_url.is_none() {
        meta.canonical_url = og_url;
    }
    meta
}

/// Parses one JSON-LD block; arrays and `@graph` lists are flattened into their items.
fn push_json_ld(out: &mut Vec<serde_json::Value>, text: &str) {
    let text = text.trim();
    let text = text
        .strip_prefix("<!--")
        .and_then(|t| t.strip_suffix("-->"))
        .unwrap_or(text)
        .trim();
    let text = text
        .strip_prefix("//<![CDATA[")
        .and_then(|t| t.strip_suffix("//]]>"))
        .unwrap_or(text)
        .trim();
    if text.is_empty() {
        return;
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    // Flatten with an explicit work list: a hostile page could nest @graph deeply.
    let mut work = vec![value];
    let mut budget = 10_000usize;
    while let Some(value) = work.pop() {
        budget = budget.saturating_sub(1);
        if budget == 0 {
            break;
        }
        match value {
            serde_json::Value::Array(items) => work.extend(items.into_iter().rev()),
            serde_json::Value::Object(mut map) => match map.remove("@graph") {
                Some(graph) => {
                    if map.keys().any(|k| k != "@context") {
                        out.push(serde_json::Value::Object(map));
                    }
                    work.push(graph);
                }
                None => out.push(serde_json::Value::Object(map)),
            },
            _ => {}
        }
    }
}

/// Trims and folds runs of whitespace to one space.
/// A `dc.Creator` name with its spaces collapsed, except the wide gap Atypon sets between
/// the given names and the family name ("Tomás  Echeverría Ruiz"), kept as two spaces for
/// the name to be split there.
fn creator_name(text: &str) -> String {
    match text.trim().split_once("  ") {
        Some((given, family))
            if !given.trim().is_empty()
                && !family.trim().is_empty()
                && !family.trim().contains("  ") =>
        {
            format!(
                "{}  {}",
                collapse_whitespace(given),
                collapse_whitespace(family)
            )
        }
        _ => collapse_whitespace(text),
    }
}

pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathers_meta_json_ld_title_and_canonical() {
        let page = r#"<html><head><title> A  study </title>
            <meta name="Citation_Title" content="A study of things">
            <meta property="og:url" content="https://example.org/og">
            <meta name="dc.creator" content="Lin, Mei">
            <meta name="empty" content="  ">
            <link rel="canonical" href="https://example.org/a">
            <script type="application/ld+json">{"@context":"https://schema.org",
              "@graph":[{"@type":"ScholarlyArticle","name":"X"},{"@type":"WebSite"}]}</script>
            <script type="application/ld+json">[{"@type":"Person"}]</script>
            <script type="application/ld+json">{broken</script>
            </head><body><svg><title>icon</title></svg><meta itemprop="position" content="1"></body></html>"#;
        let meta = collect_source_meta(&Html::parse_document(page));
        assert_eq!(
            meta.tags,
            vec![
                ("citation_title".to_owned(), "A study of things".to_owned()),
                ("og:url".to_owned(), "https://example.org/og".to_owned()),
                ("dc.creator".to_owned(), "Lin, Mei".to_owned()),
                ("position".to_owned(), "1".to_owned()),
            ]
        );
        assert_eq!(meta.document_title.as_deref(), Some("A study"));
        assert_eq!(meta.canonical_url.as_deref(), Some("https://example.org/a"));
        let types: Vec<&str> = meta
            .json_ld
            .iter()
            .filter_map(|v| v["@type"].as_str())
            .collect();
        assert_eq!(types, ["ScholarlyArticle", "WebSite", "Person"]);
    }

    #[test]
    fn creator_names_keep_their_one_wide_gap() {
        let cases = [
            ("Tomás  Echeverría Ruiz", "Tomás  Echeverría Ruiz"),
            (" Jean-Paul    Malrieu ", "Jean-Paul  Malrieu"),
            ("Mei  Lin   Okafor", "Mei Lin Okafor"),
            ("Lin, Mei", "Lin, Mei"),
        ];
        for (content, want) in cases {
            let page = format!(
                r#"<html><head><meta name="dc.Creator" content="{content}"><meta name="dc.Title" content="A  title"></head></html>"#
            );
            let meta = collect_source_meta(&Html::parse_document(&page));
            assert_eq!(meta.tags[0].1, want, "{content}");
            assert_eq!(meta.tags[1].1, "A title");
        }
    }

    #[test]
    fn og_url_stands_in_for_a_missing_canonical() {
        let meta = collect_source_meta(&Html::parse_document(
            r#"<meta property="og:url" content="https://example.org/og">"#,
        ));
        assert_eq!(
            meta.canonical_url.as_deref(),
            Some("https://example.org/og")
        );
    }
}
