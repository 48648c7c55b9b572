//! A [`Record`] written as JSON by hand, byte for byte what `serde_json` writes from its
//! `Serialize` impl (pretty with a two-space indent, or compact), at a fraction of the
//! cost: keys are written as the literals they are instead of being escaped one byte at a
//! time, and a string is checked for bytes to escape eight bytes at a time. A long
//! reference list makes a record of thousands of keys and strings, and serde_json's
//! writer was a tenth of a text page's instructions.
//!
//! The `Serialize` impls stay the definition of the format: the tests compare this
//! writer's output with serde_json's for every sample page and for strings of every kind.

use crate::record::{
    Affiliation, Author, CitedBy, Dates, Funding, Journal, Metrics, Pipeline, Problem, Provenance,
    Record, RefAuthor, Reference, Related, Section, Source, Status,
};

/// Writes `record` as JSON into `out`: pretty (two spaces per level) or compact.
pub fn write_record(out: &mut Vec<u8>, record: &Record, pretty: bool) {
    let mut json = Json {
        out,
        pretty,
        level: 0,
        first: true,
    };
    record.write(&mut json);
}

/// The writer's state: where a value goes and how the line before it ends.
struct Json<'a> {
    out: &'a mut Vec<u8>,
    pretty: bool,
    level: usize,
    /// No member has been written yet in the open object or array.
    first: bool,
}

impl Json<'_> {
    /// Before a member: a comma after the one before, and in pretty output a line break
    /// and the indent.
    #[inline(always)]
    fn member_start(&mut self) {
        let first = std::mem::replace(&mut self.first, false);
        if self.pretty {
            self.line_start(first);
        } else if !first {
            self.out.push(b',');
        }
    }

    /// A comma (unless `first`), a line break and the indent, written with one copy.
    #[inline(always)]
    fn line_start(&mut self, first: bool) {
        /// A comma, a line break and 64 levels of indent: a line start is a slice of it.
        const LINE_STARTS: &[u8] = &{
            let mut bytes = [b' '; 2 + 2 * 64];
            bytes[0] = b',';
            bytes[1] = b'\n';
            bytes
        };
        let from = usize::from(first);
        match LINE_STARTS.get(from..2 + 2 * self.level) {
            Some(line_start) => self.out.extend_from_slice(line_start),
            None => {
                self.out.extend_from_slice(&LINE_STARTS[from..2]);
                for _ in 0..self.level {
                    self.out.extend_from_slice(b"  ");
                }
            }
        }
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.level += 1;
        self.first = true;
    }

    /// Closes an object or array (on a line of its own after any member, as serde_json
    /// writes it).
    fn close(&mut self, bracket: u8) {
        self.level -= 1;
        if self.pretty && !self.first {
            self.line_start(true);
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// An object member's key (a plain ASCII literal: nothing to escape) and separator.
    /// Inlined, so that each key is copied as the constant it is.
    #[inline(always)]
    fn key(&mut self, key: &str) {
        self.member_start();
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    fn string(&mut self, value: &str) {
        self.out.reserve(value.len() + 2);
        self.out.push(b'"');
        escape_into(self.out, value);
        self.out.push(b'"');
    }

    fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    fn bool(&mut self, value: bool) {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    fn number(&mut self, value: impl Into<i128>) {
        let mut digits = [0u8; 40];
        self.out
            .extend_from_slice(format_integer(value.into(), &mut digits));
    }

    #[inline(always)]
    fn field<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write(self);
    }

    fn object(&mut self, members: impl FnOnce(&mut Self)) {
        self.open(b'{');
        members(self);
        self.close(b'}');
    }
}

/// The decimal digits of `value`, written at the end of `buf`.
fn format_integer(value: i128, buf: &mut [u8; 40]) -> &[u8] {
    let negative = value < 0;
    let mut rest = value.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if negative {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

/// Whether any of the eight bytes of `word` is below 0x20, a `"` or a `\`: the bytes JSON
/// escapes. (Exact: the carries of the subtractions never cross a byte that matches.)
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    (below_space
        | has_zero(word ^ (ONES * u64::from(b'"')))
        | has_zero(word ^ (ONES * u64::from(b'\\'))))
        != 0
}

/// Appends `value` with JSON's escapes, as serde_json writes them.
fn escape_into(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    // Most strings hold nothing to escape: they are found so eight bytes at a time and
    // copied whole.
    let mut chunks = bytes.chunks_exact(8);
    let clean_words = chunks
        .by_ref()
        .take_while(|chunk| {
            let word = u64::from_le_bytes(<[u8; 8]>::try_from(*chunk).unwrap_or([0; 8]));
            !needs_escape(word)
        })
        .count();
    let mut start = clean_words * 8;
    if start == bytes.len() - bytes.len() % 8
        && !bytes[start..].iter().any(|&b| ESCAPES[usize::from(b)] != 0)
    {
        out.extend_from_slice(bytes);
        return;
    }
    out.extend_from_slice(&bytes[..start]);
    let mut run_start = start;
    while start < bytes.len() {
        let byte = bytes[start];
        let escape = ESCAPES[usize::from(byte)];
        if escape == 0 {
            start += 1;
            continue;
        }
        out.extend_from_slice(&bytes[run_start..start]);
        match escape {
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0xF)]);
            }
            short => out.extend_from_slice(&[b'\\', short]),
        }
        start += 1;
        run_start = start;
    }
    out.extend_from_slice(&bytes[run_start..]);
}

/// The escape of each byte: 0 for none, `u` for `\u00XX`, else the letter after the `\`.
static ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// A value this writer can write.
trait WriteJson {
    fn write(&self, json: &mut Json<'_>);
}

impl WriteJson for str {
    fn write(&self, json: &mut Json<'_>) {
        json.string(self);
    }
}

impl WriteJson for String {
    fn write(&self, json: &mut Json<'_>) {
        json.string(self);
    }
}

impl WriteJson for bool {
    fn write(&self, json: &mut Json<'_>) {
        json.bool(*self);
    }
}

macro_rules! write_integers {
    ($($t:ty),*) => {$(
        impl WriteJson for $t {
            fn write(&self, json: &mut Json<'_>) {
                json.number(*self);
            }
        }
    )*};
}
write_integers!(i32, u32, u64);

impl WriteJson for usize {
    fn write(&self, json: &mut Json<'_>) {
        json.number(*self as u64);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write(&self, json: &mut Json<'_>) {
        match self {
            Some(value) => value.write(json),
            None => json.null(),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write(&self, json: &mut Json<'_>) {
        json.open(b'[');
        for item in self {
            json.member_start();
            item.write(json);
        }
        json.close(b']');
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write(&self, json: &mut Json<'_>) {
        self.as_slice().write(json);
    }
}

impl<T: WriteJson, const N: usize> WriteJson for [T; N] {
    fn write(&self, json: &mut Json<'_>) {
        self.as_slice().write(json);
    }
}

impl WriteJson for Status {
    fn write(&self, json: &mut Json<'_>) {
        json.string(match self {
            Status::Ok => "ok",
            Status::Partial => "partial",
            Status::Failed => "failed",
        });
    }
}

impl WriteJson for Record {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("schema_version", &self.schema_version);
            json.field("source", &self.source);
            json.field("status", &self.status);
            json.field("title", &self.title);
            json.field("article_type", &self.article_type);
            json.field("journal", &self.journal);
            json.field("volume", &self.volume);
            json.field("issue", &self.issue);
            json.field("article_number", &self.article_number);
            json.field("page_first", &self.page_first);
            json.field("page_last", &self.page_last);
            json.field("year", &self.year);
            json.field("dates", &self.dates);
            json.field("doi", &self.doi);
            json.field("url", &self.url);
            json.field("pmid", &self.pmid);
            json.field("pmcid", &self.pmcid);
            json.field("open_access", &self.open_access);
            json.field("abstract", &self.abstract_text);
            json.field("keywords", &self.keywords);
            json.field("authors", &self.authors);
            json.field("affiliations", &self.affiliations);
            json.field("funding", &self.funding);
            json.field("acknowledgements", &self.acknowledgements);
            json.field("references", &self.references);
            json.field("cited_by", &self.cited_by);
            json.field("related", &self.related);
            json.field("metrics", &self.metrics);
            json.field("full_text_available", &self.full_text_available);
            json.field("body", &self.body);
            json.field("warnings", &self.warnings);
            json.field("errors", &self.errors);
            json.field("pipeline", &self.pipeline);
            json.key("provenance");
            json.object(|json| {
                for (field, provenance) in &self.provenance {
                    json.member_start();
                    json.string(field);
                    json.out
                        .extend_from_slice(if json.pretty { b": " } else { b":" });
                    provenance.write(json);
                }
            });
        });
    }
}

impl WriteJson for Source {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("path", &self.path);
            json.field("format", &self.format);
            json.field("sha256", &self.sha256);
            json.field("bytes", &self.bytes);
            json.field("site", &self.site);
        });
    }
}

impl WriteJson for Journal {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("title", &self.title);
            json.field("abbrev", &self.abbrev);
            json.field("issn_print", &self.issn_print);
            json.field("issn_electronic", &self.issn_electronic);
            json.field("publisher", &self.publisher);
        });
    }
}

impl WriteJson for Dates {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("received", &self.received);
            json.field("revised", &self.revised);
            json.field("accepted", &self.accepted);
            json.field("published", &self.published);
            json.field("issue", &self.issue);
        });
    }
}

impl WriteJson for Author {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("name", &self.name);
            json.field("given", &self.given);
            json.field("family", &self.family);
            json.field("orcid", &self.orcid);
            json.field("email", &self.email);
            json.field("affiliations", &self.affiliations);
            json.field("corresponding", &self.corresponding);
        });
    }
}

impl WriteJson for Affiliation {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("id", &self.id);
            json.field("text", &self.text);
            json.field("institution", &self.institution);
            json.field("department", &self.department);
            json.field("city", &self.city);
            json.field("postcode", &self.postcode);
            json.field("country", &self.country);
        });
    }
}

impl WriteJson for Funding {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("funder", &self.funder);
            json.field("award_ids", &self.award_ids);
            json.field("text", &self.text);
        });
    }
}

impl WriteJson for Reference {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("number", &self.number);
            json.field("raw", &self.raw);
            json.field("type", &self.kind);
            json.field("authors", &self.authors);
            json.field("et_al", &self.et_al);
            json.field("title", &self.title);
            json.field("container_title", &self.container_title);
            json.field("year", &self.year);
            json.field("volume", &self.volume);
            json.field("issue", &self.issue);
            json.field("page_first", &self.page_first);
            json.field("page_last", &self.page_last);
            json.field("article_number", &self.article_number);
            json.field("doi", &self.doi);
            json.field("pmid", &self.pmid);
            json.field("pmcid", &self.pmcid);
            json.field("url", &self.url);
            json.field("links", &self.links);
        });
    }
}

impl WriteJson for RefAuthor {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            for (key, value) in [
                ("family", &self.family),
                ("given", &self.given),
                ("literal", &self.literal),
            ] {
                if let Some(value) = value {
                    json.field(key, value);
                }
            }
        });
    }
}

impl WriteJson for CitedBy {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("title", &self.title);
            json.field("authors", &self.authors);
            json.field("container_title", &self.container_title);
            json.field("year", &self.year);
        });
    }
}

impl WriteJson for Related {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("title", &self.title);
            json.field("container_title", &self.container_title);
            json.field("date", &self.date);
        });
    }
}

impl WriteJson for Metrics {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("accesses", &self.accesses);
            json.field("citations", &self.citations);
            json.field("altmetric", &self.altmetric);
        });
    }
}

impl WriteJson for Section {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("heading", &self.heading);
            json.field("text", &self.text);
        });
    }
}

impl WriteJson for Problem {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("stage", &self.stage);
            json.field("code", &self.code);
            json.field("message", &self.message);
        });
    }
}

impl WriteJson for Pipeline {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("version", &self.version);
            json.field("profile", &self.profile);
        });
    }
}

impl WriteJson for Provenance {
    fn write(&self, json: &mut Json<'_>) {
        json.object(|json| {
            json.field("source", &self.source);
            if let Some(span) = &self.span {
                json.field("span", span);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;
    use std::path::Path;

    fn assert_as_serde_json(record: &Record, what: &str) {
        let mut pretty = Vec::new();
        write_record(&mut pretty, record, true);
        assert_eq!(
            String::from_utf8_lossy(&pretty),
            String::from_utf8_lossy(&serde_json::to_vec_pretty(record).unwrap()),
            "pretty: {what}"
        );
        let mut compact = Vec::new();
        write_record(&mut compact, record, false);
        assert_eq!(
            String::from_utf8_lossy(&compact),
            String::from_utf8_lossy(&serde_json::to_vec(record).unwrap()),
            "compact: {what}"
        );
    }

    #[test]
    fn sample_records_are_written_as_serde_json_writes_them() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let record = crate::pipeline::extract_document(
                &path.to_string_lossy(),
                &bytes,
                &crate::pipeline::Options::default(),
            );
            assert_as_serde_json(&record, &path.to_string_lossy());
        }
    }

    #[test]
    fn every_field_and_escape_is_written_as_serde_json_writes_it() {
        let controls: String = (0u8..0x20).map(char::from).collect();
        let strings = [
            String::new(),
            "plain".to_owned(),
            "exactly8".to_owned(),
            "sixteen bytes ok".to_owned(),
            controls.clone(),
            format!("a\"b\\c{controls}\u{7f}é—“x”"),
            format!("{}\"", "y".repeat(23)),
            format!("{}\n{}", "z".repeat(8), "w".repeat(9)),
            "tab\there, ü and \u{2028} line separator".to_owned(),
        ];
        for (i, text) in strings.iter().enumerate() {
            let mut record = Record::empty(Source {
                path: text.clone(),
                format: "text".to_owned(),
                sha256: "ab".to_owned(),
                bytes: u64::MAX,
                site: Some(text.clone()),
            });
            record.status = [Status::Ok, Status::Partial, Status::Failed][i % 3];
            record.title = Some(text.clone());
            record.year = Some(-(i as i32) * 1000);
            record.open_access = Some(i % 2 == 0);
            record.keywords = vec![text.clone(), "k".to_owned()];
            record.authors = vec![Author {
                name: text.clone(),
                affiliations: vec!["1".to_owned()],
                corresponding: true,
                ..Author::default()
            }];
            record.affiliations = vec![Affiliation {
                id: "1".to_owned(),
                text: text.clone(),
                country: Some(text.clone()),
                ..Affiliation::default()
            }];
            record.funding = vec![Funding {
                funder: text.clone(),
                award_ids: vec![],
                text: None,
            }];
            record.references = vec![Reference {
                number: Some(u32::MAX),
                raw: text.clone(),
                authors: vec![
                    RefAuthor {
                        family: Some(text.clone()),
                        given: Some("G".to_owned()),
                        literal: None,
                    },
                    RefAuthor {
                        literal: Some(text.clone()),
                        ..RefAuthor::default()
                    },
                    RefAuthor::default(),
                ],
                et_al: true,
                links: vec!["pubmed".to_owned()],
                ..Reference::default()
            }];
            record.cited_by = vec![CitedBy {
                title: text.clone(),
                authors: vec![text.clone()],
                container_title: None,
                year: Some(2001),
            }];
            record.related = vec![Related::default()];
            record.metrics.accesses = Some(83_000);
            record.body = vec![Section {
                heading: None,
                text: text.clone(),
            }];
            record.warnings = vec![Problem::new("a", "b", text.as_str())];
            record.provenance.insert(
                text.clone(),
                Provenance {
                    source: "text".to_owned(),
                    span: Some([0, usize::MAX]),
                },
            );
            record.provenance.insert(
                "title".to_owned(),
                Provenance {
                    source: text.clone(),
                    span: None,
                },
            );
            assert_as_serde_json(&record, &format!("{text:?}"));
        }
    }

    #[test]
    fn the_eight_byte_check_finds_every_byte_to_escape() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b'a'; 8];
                word[at] = byte;
                assert_eq!(
                    needs_escape(u64::from_le_bytes(word)),
                    ESCAPES[usize::from(byte)] != 0,
                    "byte {byte:#x} at {at}"
                );
            }
        }
    }
}
