//! PDF fonts: character codes to Unicode text and glyph widths.
//!
//! A [`Font`] is built once per font dictionary (the caller caches it per document) and then
//! answers, per character code, the text it stands for and its advance width. Text comes from
//! the font's `/ToUnicode` CMap when it has one, else from its `/Encoding` (a base encoding
//! plus `/Differences` glyph names; a Type1 font naming no base encoding starts from the one
//! built into its embedded CFF program), else from the font's standard encoding. Fonts whose
//! codes are glyph ids (Type0 with Identity-H/V) and whose `/ToUnicode` map is missing or
//! tells nothing (codes mapped to themselves, or to control and private-use characters) take
//! the text of each glyph from the embedded font program ([`super::font_program`]) where it
//! has one, and keep the map's text elsewhere. Widths come from `/Widths` + `/FirstChar` for
//! simple fonts and `/W` + `/DW` for CID fonts.

use std::collections::HashMap;
use std::sync::LazyLock;

use lopdf::{Dictionary, Document, Object};

use super::font_program::{ProgramKind, builtin_encoding, cid_glyphs, glyph_texts, is_private_use};

/// One decoded font: how to split strings into codes, and per code its text and width.
#[derive(Debug, Default)]
pub struct Font {
    /// Codes are two bytes (Type0 fonts with a two-byte CMap such as Identity-H).
    pub two_byte: bool,
    to_unicode: Option<CMap>,
    /// Text per code from the embedded font program, read only when `to_unicode` is missing
    /// or useless; it wins over `to_unicode` where it has an answer.
    program: Option<CMap>,
    /// Text per one-byte code from the encoding, for simple fonts.
    simple: Option<Vec<Box<str>>>,
    widths: Widths,
    default_width: f32,
    /// Glyph space to text space (0.001 except for Type3 fonts).
    scale: f32,
}

#[derive(Debug, Default)]
enum Widths {
    #[default]
    None,
    Simple {
        first: u32,
        widths: Vec<f32>,
    },
    Cid(HashMap<u32, f32>),
    /// CID widths indexed by code when the codes are few and small; NaN where unknown.
    Dense(Vec<f32>),
}

/// Codes below this are looked up in flat tables instead of hash maps.
const DENSE_LIMIT: u32 = 8192;

impl Font {
    /// Builds a font from its dictionary. Never fails: what cannot be read is left out.
    pub fn from_dict(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name_of(doc, dict.get(b"Subtype").ok()).unwrap_or_default();
        let to_unicode = deref(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| {
                s.decompressed_content()
                    .ok()
                    .or_else(|| Some(s.content.clone()))
            })
            .map(|bytes| CMap::parse(&bytes))
            .filter(|cmap| !cmap.is_empty());
        if subtype == b"Type0" {
            return Font::composite(doc, dict, to_unicode);
        }
        let scale = if subtype == b"Type3" {
            deref(doc, dict.get(b"FontMatrix").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| o.as_float().ok())
                .filter(|v| v.is_finite() && *v != 0.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let first = deref(doc, dict.get(b"FirstChar").ok())
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0)
            .clamp(0, 255) as u32;
        let widths: Vec<f32> = deref(doc, dict.get(b"Widths").ok())
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .map(|o| {
                        deref(doc, Some(o))
                            .and_then(|o| o.as_float().ok())
                            .unwrap_or(0.0)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let descriptor =
            deref(doc, dict.get(b"FontDescriptor").ok()).and_then(|o| o.as_dict().ok());
        let missing = descriptor
            .and_then(|d| deref(doc, d.get(b"MissingWidth").ok()))
            .and_then(|o| o.as_float().ok())
            .filter(|w| *w > 0.0);
        let default_width = missing.unwrap_or(if widths.is_empty() { 550.0 } else { 0.0 });
        let base_font = name_of(doc, dict.get(b"BaseFont").ok()).unwrap_or_default();
        let symbolic = descriptor
            .and_then(|d| deref(doc, d.get(b"Flags").ok()))
            .and_then(|o| o.as_i64().ok())
            .is_some_and(|f| f & 4 != 0 && f & 32 == 0);
        // A Type1 font with no base encoding of its own uses the one built into its program;
        // read it from an embedded CFF program when no ToUnicode map speaks first.
        let builtin = descriptor
            .filter(|_| to_unicode.is_none() && matches!(&subtype[..], b"Type1" | b"MMType1"))
            .and_then(|d| deref(doc, d.get(b"FontFile3").ok()))
            .and_then(|o| o.as_stream().ok())
            .filter(|s| name_of(doc, s.dict.get(b"Subtype").ok()).as_deref() == Some(b"Type1C"));
        let simple = Some(simple_encoding(
            doc, dict, &subtype, base_font, symbolic, builtin,
        ));
        Font {
            two_byte: false,
            to_unicode,
            program: None,
            simple,
            widths: if widths.is_empty() {
                Widths::None
            } else {
                Widths::Simple { first, widths }
            },
            default_width,
            scale,
        }
    }

    fn composite(doc: &Document, dict: &Dictionary, to_unicode: Option<CMap>) -> Font {
        let encoding = name_of(doc, dict.get(b"Encoding").ok());
        // Identity-H/V and the UCS-2/UTF-16 CMaps are two bytes per code; so are nearly all
        // embedded CMaps met in practice.
        let two_byte = !matches!(encoding.as_deref(), Some(b"WinAnsiEncoding"));
        let descendant = deref(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| deref(doc, a.first()))
            .and_then(|o| o.as_dict().ok());
        let mut default_width = 1000.0;
        let mut widths = HashMap::new();
        if let Some(cid) = descendant {
            if let Some(dw) = deref(doc, cid.get(b"DW").ok()).and_then(|o| o.as_float().ok()) {
                default_width = dw;
            }
            if let Some(w) = deref(doc, cid.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
                parse_cid_widths(doc, w, &mut widths);
            }
        }
        // With Identity-H/V the codes are CIDs, which name glyphs, not characters: a missing
        // ToUnicode map, or one that gives the codes back as code points, leaves the font
        // program as the one thing that knows what each glyph stands for.
        let identity = matches!(encoding.as_deref(), Some(b"Identity-H" | b"Identity-V"));
        let program = descendant
            .filter(|_| identity && to_unicode.as_ref().is_none_or(CMap::looks_useless))
            .and_then(|cid| cid_program_texts(doc, cid));
        // Without a ToUnicode map, a UCS-2 style encoding still gives Unicode codes.
        let ucs2 = encoding.as_deref().is_some_and(|e| {
            e.starts_with(b"UniJIS-UCS2") || e.ends_with(b"UCS2-H") || e.ends_with(b"UTF16-H")
        });
        let to_unicode = to_unicode.or_else(|| ucs2.then(CMap::identity));
        Font {
            two_byte,
            to_unicode,
            program,
            simple: None,
            widths: dense_widths(widths),
            default_width,
            scale: 0.001,
        }
    }

    /// Appends the text a code stands for to `out`; false when the font does not say.
    pub fn push_text(&self, code: u32, out: &mut String) -> bool {
        if let Some(program) = &self.program
            && program.push_text(code, out)
        {
            return true;
        }
        if let Some(cmap) = &self.to_unicode
            && cmap.push_text(code, out)
        {
            return true;
        }
        match self.simple.as_ref().and_then(|s| s.get(code as usize)) {
            Some(text) if !text.is_empty() => {
                out.push_str(text);
                true
            }
            _ => false,
        }
    }

    /// The advance width of a code in text space units per unit of font size.
    pub fn width(&self, code: u32) -> f32 {
        let w = match &self.widths {
            Widths::None => self.default_width,
            Widths::Simple { first, widths } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(self.default_width),
            Widths::Cid(map) => map.get(&code).copied().unwrap_or(self.default_width),
            Widths::Dense(table) => match table.get(code as usize) {
                Some(w) if !w.is_nan() => *w,
                _ => self.default_width,
            },
        };
        w * self.scale
    }
}

/// Most bytes an embedded font program may inflate to.
const MAX_FONT_PROGRAM_BYTES: usize = 32 * 1024 * 1024;

/// Text per CID of a CIDFont read from its embedded font program. CIDs pick glyphs through
/// `/CIDToGIDMap` in a TrueType-based CIDFont and through the charset of a CID-keyed CFF
/// font; otherwise they are glyph ids.
fn cid_program_texts(doc: &Document, cid_font: &Dictionary) -> Option<CMap> {
    let descriptor =
        deref(doc, cid_font.get(b"FontDescriptor").ok()).and_then(|o| o.as_dict().ok())?;
    let (kind, stream) = [b"FontFile2".as_slice(), b"FontFile3"]
        .iter()
        .find_map(|key| {
            let stream = deref(doc, descriptor.get(key).ok())?.as_stream().ok()?;
            let kind = if *key == b"FontFile2"
                || name_of(doc, stream.dict.get(b"Subtype").ok()).as_deref() == Some(b"OpenType")
            {
                ProgramKind::Sfnt
            } else {
                ProgramKind::Cff
            };
            Some((kind, stream))
        })?;
    let bytes = stream_bytes(stream, MAX_FONT_PROGRAM_BYTES)?;
    let texts = glyph_texts(kind, &bytes);
    if texts.iter().all(Option::is_none) {
        return None;
    }
    let subtype = name_of(doc, cid_font.get(b"Subtype").ok()).unwrap_or_default();
    let glyph_of_cid: Option<Vec<u16>> = if subtype == b"CIDFontType0" {
        cid_glyphs(kind, &bytes)
    } else {
        deref(doc, cid_font.get(b"CIDToGIDMap").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| stream_bytes(s, 2 * 65536))
            .map(|map| {
                map.chunks_exact(2)
                    .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                    .collect()
            })
    };
    let mut chars = HashMap::new();
    match glyph_of_cid {
        Some(gids) => {
            for (cid, gid) in gids.into_iter().enumerate() {
                if let Some(Some(text)) = texts.get(usize::from(gid)) {
                    chars.insert(cid as u32, text.clone());
                }
            }
        }
        None => {
            for (gid, text) in texts.into_iter().enumerate() {
                if let Some(text) = text {
                    chars.insert(gid as u32, text);
                }
            }
        }
    }
    let cmap = CMap::from_chars(chars);
    (!cmap.is_empty()).then_some(cmap)
}

/// A stream's content, inflated (up to `limit` bytes) when it is filtered.
fn stream_bytes(stream: &lopdf::Stream, limit: usize) -> Option<std::borrow::Cow<'_, [u8]>> {
    use std::borrow::Cow;
    if stream.dict.get(b"Filter").is_err() {
        return Some(Cow::Borrowed(&stream.content));
    }
    stream
        .decompressed_content_with_limit(limit)
        .ok()
        .map(Cow::Owned)
}

fn dense_widths(map: HashMap<u32, f32>) -> Widths {
    let max = map.keys().copied().max().unwrap_or(0);
    if max >= DENSE_LIMIT {
        return Widths::Cid(map);
    }
    let mut table = vec![f32::NAN; max as usize + 1];
    for (code, w) in map {
        table[code as usize] = w;
    }
    Widths::Dense(table)
}

fn parse_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = deref(doc, w.get(i)).and_then(|o| o.as_i64().ok()) else {
            return;
        };
        match deref(doc, w.get(i + 1)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65536) {
                    if let Some(v) = deref(doc, Some(o)).and_then(|o| o.as_float().ok()) {
                        out.insert(first as u32 + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let Ok(last) = o.as_i64() else { return };
                let Some(v) = deref(doc, w.get(i + 2)).and_then(|o| o.as_float().ok()) else {
                    return;
                };
                if last >= first && last - first <= 65536 {
                    for c in first..=last {
                        out.insert(c as u32, v);
                    }
                }
                i += 3;
            }
            None => return,
        }
    }
}

/// Follows a reference to its object.
pub fn deref<'a>(doc: &'a Document, obj: Option<&'a Object>) -> Option<&'a Object> {
    match obj? {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn name_of(doc: &Document, obj: Option<&Object>) -> Option<Vec<u8>> {
    deref(doc, obj)
        .and_then(|o| o.as_name().ok())
        .map(<[u8]>::to_vec)
}

/// The text per one-byte code of a simple font: base encoding, then `/Differences`.
fn simple_encoding(
    doc: &Document,
    dict: &Dictionary,
    subtype: &[u8],
    base_font: Vec<u8>,
    symbolic: bool,
    program: Option<&lopdf::Stream>,
) -> Vec<Box<str>> {
    let encoding = deref(doc, dict.get(b"Encoding").ok());
    let base_name = match encoding {
        Some(Object::Name(n)) => Some(n.as_slice()),
        Some(Object::Dictionary(d)) => d.get(b"BaseEncoding").ok().and_then(|o| o.as_name().ok()),
        _ => None,
    };
    let base = match base_name {
        Some(b"WinAnsiEncoding") => BaseEncoding::WinAnsi,
        Some(b"MacRomanEncoding") => BaseEncoding::MacRoman,
        Some(b"StandardEncoding") => BaseEncoding::Standard,
        _ if subtype == b"TrueType" || symbolic && !base_font.ends_with(b"Symbol") => {
            BaseEncoding::WinAnsi
        }
        _ => BaseEncoding::Standard,
    };
    let mut table: Vec<Box<str>> = base_table(base).to_vec();
    if base_name.is_none()
        && let Some(builtin) = program
            .and_then(|s| stream_bytes(s, MAX_FONT_PROGRAM_BYTES))
            .and_then(|bytes| builtin_encoding(&bytes))
    {
        for (slot, text) in table.iter_mut().zip(builtin) {
            if let Some(text) = text {
                *slot = text;
            }
        }
    }
    if let Some(Object::Dictionary(d)) = encoding
        && let Some(diffs) = deref(doc, d.get(b"Differences").ok()).and_then(|o| o.as_array().ok())
    {
        let mut code: i64 = 0;
        for item in diffs {
            match item {
                Object::Integer(n) => code = *n,
                Object::Name(name) => {
                    if (0..256).contains(&code) {
                        table[code as usize] =
                            glyph_name_text(name).map(Box::from).unwrap_or_default();
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    table
}

#[derive(Clone, Copy)]
enum BaseEncoding {
    WinAnsi,
    MacRoman,
    Standard,
}

static WIN_ANSI: LazyLock<Vec<Box<str>>> =
    LazyLock::new(|| single_byte_table(encoding_rs::WINDOWS_1252));
static MAC_ROMAN: LazyLock<Vec<Box<str>>> =
    LazyLock::new(|| single_byte_table(encoding_rs::MACINTOSH));
static STANDARD: LazyLock<Vec<Box<str>>> = LazyLock::new(|| {
    let mut table: Vec<Box<str>> = (0..256u32)
        .map(|b| match b {
            0x20..=0x7e => char::from_u32(b)
                .map(|c| c.to_string().into())
                .unwrap_or_default(),
            _ => Box::from(""),
        })
        .collect();
    table[0x27] = "\u{2019}".into();
    table[0x60] = "\u{2018}".into();
    for (code, name) in STANDARD_HIGH {
        table[*code as usize] = glyph_name_text(name.as_bytes())
            .map(Box::from)
            .unwrap_or_default();
    }
    table
});

fn base_table(base: BaseEncoding) -> &'static [Box<str>] {
    match base {
        BaseEncoding::WinAnsi => &WIN_ANSI,
        BaseEncoding::MacRoman => &MAC_ROMAN,
        BaseEncoding::Standard => &STANDARD,
    }
}

fn single_byte_table(encoding: &'static encoding_rs::Encoding) -> Vec<Box<str>> {
    (0..=255u8)
        .map(|b| {
            let byte = [b];
            let (text, _) = encoding.decode_without_bom_handling(&byte);
            if text.chars().any(char::is_control) || text == "\u{FFFD}" {
                Box::from("")
            } else {
                Box::from(&*text)
            }
        })
        .collect()
}

/// StandardEncoding above 0x7E, by glyph name.
const STANDARD_HIGH: &[(u8, &str)] = &[
    (0xa1, "exclamdown"),
    (0xa2, "cent"),
    (0xa3, "sterling"),
    (0xa4, "fraction"),
    (0xa5, "yen"),
    (0xa6, "florin"),
    (0xa7, "section"),
    (0xa8, "currency"),
    (0xa9, "quotesingle"),
    (0xaa, "quotedblleft"),
    (0xab, "guillemotleft"),
    (0xac, "guilsinglleft"),
    (0xad, "guilsinglright"),
    (0xae, "fi"),
    (0xaf, "fl"),
    (0xb1, "endash"),
    (0xb2, "dagger"),
    (0xb3, "daggerdbl"),
    (0xb4, "periodcentered"),
    (0xb6, "paragraph"),
    (0xb7, "bullet"),
    (0xb8, "quotesinglbase"),
    (0xb9, "quotedblbase"),
    (0xba, "quotedblright"),
    (0xbb, "guillemotright"),
    (0xbc, "ellipsis"),
    (0xbd, "perthousand"),
    (0xbf, "questiondown"),
    (0xc1, "grave"),
    (0xc2, "acute"),
    (0xc3, "circumflex"),
    (0xc4, "tilde"),
    (0xc5, "macron"),
    (0xc6, "breve"),
    (0xc7, "dotaccent"),
    (0xc8, "dieresis"),
    (0xca, "ring"),
    (0xcb, "cedilla"),
    (0xcd, "hungarumlaut"),
    (0xce, "ogonek"),
    (0xcf, "caron"),
    (0xd0, "emdash"),
    (0xe1, "AE"),
    (0xe3, "ordfeminine"),
    (0xe8, "Lslash"),
    (0xe9, "Oslash"),
    (0xea, "OE"),
    (0xeb, "ordmasculine"),
    (0xf1, "ae"),
    (0xf5, "dotlessi"),
    (0xf8, "lslash"),
    (0xf9, "oslash"),
    (0xfa, "oe"),
    (0xfb, "germandbls"),
];

/// Glyph names that are not a letter plus an accent, with their text. Ligatures are given as
/// their letters.
static GLYPH_NAMES: LazyLock<HashMap<&'static [u8], &'static str>> = LazyLock::new(|| {
    const NAMES: &[(&str, &str)] = &[
        ("space", " "),
        ("nbspace", " "),
        ("exclam", "!"),
        ("quotedbl", "\""),
        ("numbersign", "#"),
        ("dollar", "$"),
        ("percent", "%"),
        ("ampersand", "&"),
        ("quotesingle", "'"),
        ("parenleft", "("),
        ("parenright", ")"),
        ("asterisk", "*"),
        ("plus", "+"),
        ("comma", ","),
        ("hyphen", "-"),
        ("period", "."),
        ("slash", "/"),
        ("zero", "0"),
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("colon", ":"),
        ("semicolon", ";"),
        ("less", "<"),
        ("equal", "="),
        ("greater", ">"),
        ("question", "?"),
        ("at", "@"),
        ("bracketleft", "["),
        ("backslash", "\\"),
        ("bracketright", "]"),
        ("asciicircum", "^"),
        ("underscore", "_"),
        ("grave", "`"),
        ("braceleft", "{"),
        ("bar", "|"),
        ("braceright", "}"),
        ("asciitilde", "~"),
        ("quoteleft", "\u{2018}"),
        ("quoteright", "\u{2019}"),
        ("quotedblleft", "\u{201C}"),
        ("quotedblright", "\u{201D}"),
        ("quotesinglbase", "\u{201A}"),
        ("quotedblbase", "\u{201E}"),
        ("guillemotleft", "\u{AB}"),
        ("guillemotright", "\u{BB}"),
        ("guilsinglleft", "\u{2039}"),
        ("guilsinglright", "\u{203A}"),
        ("endash", "\u{2013}"),
        ("emdash", "\u{2014}"),
        ("figuredash", "\u{2012}"),
        ("minus", "\u{2212}"),
        ("bullet", "\u{2022}"),
        ("ellipsis", "\u{2026}"),
        ("dagger", "\u{2020}"),
        ("daggerdbl", "\u{2021}"),
        ("periodcentered", "\u{B7}"),
        ("section", "\u{A7}"),
        ("paragraph", "\u{B6}"),
        ("copyright", "\u{A9}"),
        ("registered", "\u{AE}"),
        ("trademark", "\u{2122}"),
        ("degree", "\u{B0}"),
        ("plusminus", "\u{B1}"),
        ("multiply", "\u{D7}"),
        ("divide", "\u{F7}"),
        ("mu", "\u{B5}"),
        ("micro", "\u{B5}"),
        ("fi", "fi"),
        ("fl", "fl"),
        ("ff", "ff"),
        ("ffi", "ffi"),
        ("ffl", "ffl"),
        ("germandbls", "\u{DF}"),
        ("ae", "\u{E6}"),
        ("AE", "\u{C6}"),
        ("oe", "\u{153}"),
        ("OE", "\u{152}"),
        ("oslash", "\u{F8}"),
        ("Oslash", "\u{D8}"),
        ("lslash", "\u{142}"),
        ("Lslash", "\u{141}"),
        ("dotlessi", "\u{131}"),
        ("eth", "\u{F0}"),
        ("Eth", "\u{D0}"),
        ("thorn", "\u{FE}"),
        ("Thorn", "\u{DE}"),
        ("exclamdown", "\u{A1}"),
        ("questiondown", "\u{BF}"),
        ("cent", "\u{A2}"),
        ("sterling", "\u{A3}"),
        ("yen", "\u{A5}"),
        ("Euro", "\u{20AC}"),
        ("florin", "\u{192}"),
        ("fraction", "\u{2044}"),
        ("currency", "\u{A4}"),
        ("perthousand", "\u{2030}"),
        ("ordfeminine", "\u{AA}"),
        ("ordmasculine", "\u{BA}"),
        ("acute", "\u{B4}"),
        ("dieresis", "\u{A8}"),
        ("cedilla", "\u{B8}"),
        ("macron", "\u{AF}"),
        ("circumflex", "\u{2C6}"),
        ("tilde", "\u{2DC}"),
        ("caron", "\u{2C7}"),
        ("breve", "\u{2D8}"),
        ("ring", "\u{2DA}"),
        ("dotaccent", "\u{2D9}"),
        ("hungarumlaut", "\u{2DD}"),
        ("ogonek", "\u{2DB}"),
        ("logicalnot", "\u{AC}"),
        ("brokenbar", "\u{A6}"),
        ("onehalf", "\u{BD}"),
        ("onequarter", "\u{BC}"),
        ("threequarters", "\u{BE}"),
        ("onesuperior", "\u{B9}"),
        ("twosuperior", "\u{B2}"),
        ("threesuperior", "\u{B3}"),
        ("arrowright", "\u{2192}"),
        ("arrowleft", "\u{2190}"),
        ("lessequal", "\u{2264}"),
        ("greaterequal", "\u{2265}"),
        ("notequal", "\u{2260}"),
        ("approxequal", "\u{2248}"),
        ("infinity", "\u{221E}"),
        ("alpha", "\u{3B1}"),
        ("beta", "\u{3B2}"),
        ("gamma", "\u{3B3}"),
        ("delta", "\u{3B4}"),
        ("epsilon", "\u{3B5}"),
        ("zeta", "\u{3B6}"),
        ("eta", "\u{3B7}"),
        ("theta", "\u{3B8}"),
        ("iota", "\u{3B9}"),
        ("kappa", "\u{3BA}"),
        ("lambda", "\u{3BB}"),
        ("nu", "\u{3BD}"),
        ("xi", "\u{3BE}"),
        ("omicron", "\u{3BF}"),
        ("pi", "\u{3C0}"),
        ("rho", "\u{3C1}"),
        ("sigma", "\u{3C3}"),
        ("tau", "\u{3C4}"),
        ("upsilon", "\u{3C5}"),
        ("phi", "\u{3C6}"),
        ("chi", "\u{3C7}"),
        ("psi", "\u{3C8}"),
        ("omega", "\u{3C9}"),
        ("Gamma", "\u{393}"),
        ("Delta", "\u{394}"),
        ("Theta", "\u{398}"),
        ("Lambda", "\u{39B}"),
        ("Pi", "\u{3A0}"),
        ("Sigma", "\u{3A3}"),
        ("Phi", "\u{3A6}"),
        ("Psi", "\u{3A8}"),
        ("Omega", "\u{3A9}"),
    ];
    NAMES.iter().map(|(n, t)| (n.as_bytes(), *t)).collect()
});

/// Accent suffixes of glyph names (`eacute` = `e` + `acute`) and their combining marks.
const ACCENT_SUFFIXES: &[(&str, char)] = &[
    ("acute", '\u{301}'),
    ("grave", '\u{300}'),
    ("circumflex", '\u{302}'),
    ("dieresis", '\u{308}'),
    ("tilde", '\u{303}'),
    ("ring", '\u{30A}'),
    ("cedilla", '\u{327}'),
    ("caron", '\u{30C}'),
    ("macron", '\u{304}'),
    ("breve", '\u{306}'),
    ("ogonek", '\u{328}'),
    ("dotaccent", '\u{307}'),
    ("hungarumlaut", '\u{30B}'),
    ("commaaccent", '\u{326}'),
];

/// The text of a glyph name: the table, a letter plus accent, `uniXXXX`, `uXXXX[XX]`, or a
/// single character name. Owned only when composed; `None` for unknown names.
pub fn glyph_name_text(name: &[u8]) -> Option<std::borrow::Cow<'static, str>> {
    use std::borrow::Cow;
    let name = name.split(|&b| b == b'.').next().unwrap_or(name);
    if let Some(text) = GLYPH_NAMES.get(name) {
        return Some(Cow::Borrowed(text));
    }
    if name.len() == 1 && name[0].is_ascii_alphabetic() {
        return Some(Cow::Owned((name[0] as char).to_string()));
    }
    // A ligature named by its parts joined with underscores (`f_f_i`).
    if name.contains(&b'_') {
        let mut text = String::new();
        for part in name.split(|&b| b == b'_') {
            if part.is_empty() || part.contains(&b'_') {
                return None;
            }
            text.push_str(&glyph_name_text(part)?);
        }
        return Some(Cow::Owned(text));
    }
    let as_str = std::str::from_utf8(name).ok()?;
    if let Some(hex) = as_str.strip_prefix("uni")
        && hex.len() >= 4
        && hex.len() % 4 == 0
    {
        let units: Option<Vec<u16>> = (0..hex.len() / 4)
            .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).ok())
            .collect();
        let text: String = char::decode_utf16(units?).filter_map(Result::ok).collect();
        return (!text.is_empty()).then_some(Cow::Owned(text));
    }
    if let Some(hex) = as_str.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && let Ok(v) = u32::from_str_radix(hex, 16)
    {
        return char::from_u32(v).map(|c| Cow::Owned(c.to_string()));
    }
    for (suffix, mark) in ACCENT_SUFFIXES {
        if let Some(base) = as_str.strip_suffix(suffix)
            && base.len() == 1
            && let Some(c) = base.chars().next().filter(char::is_ascii_alphabetic)
        {
            let c = if c == 'i' && *suffix != "ogonek" {
                'i'
            } else {
                c
            };
            return unicode_normalization::char::compose(c, *mark)
                .map(|c| Cow::Owned(c.to_string()));
        }
    }
    None
}

/// A `/ToUnicode` CMap: codes to text. Small ranges are expanded into the map when parsed;
/// large ones are kept as ranges and computed on lookup.
#[derive(Debug, Default)]
pub struct CMap {
    chars: HashMap<u32, Box<str>>,
    /// `chars` as a flat table when every code is below [`DENSE_LIMIT`].
    dense: Vec<Option<Box<str>>>,
    /// Large ranges: first code, last code, the text of the first code (its last character
    /// counts up with the code).
    ranges: Vec<(u32, u32, Box<str>)>,
    identity: bool,
}

impl CMap {
    fn identity() -> CMap {
        CMap {
            identity: true,
            ..CMap::default()
        }
    }

    fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.dense.is_empty() && self.ranges.is_empty() && !self.identity
    }

    /// A map from codes to their texts, kept flat when the codes are small.
    fn from_chars(chars: HashMap<u32, Box<str>>) -> CMap {
        let mut cmap = CMap {
            chars,
            ..CMap::default()
        };
        cmap.make_dense();
        cmap
    }

    fn make_dense(&mut self) {
        let max = self.chars.keys().copied().max().unwrap_or(0);
        if !self.chars.is_empty() && max < DENSE_LIMIT {
            let mut dense = vec![None; max as usize + 1];
            for (code, text) in std::mem::take(&mut self.chars) {
                dense[code as usize] = Some(text);
            }
            self.dense = dense;
        }
    }

    /// Whether, for a font whose codes are glyph ids (Identity-H/V), this map tells nothing:
    /// at least four in five of its codes map to themselves as code points (a glyph id is no
    /// character code), or to control, private-use or non-characters.
    pub fn looks_useless(&self) -> bool {
        fn useless(code: u32, text: &str) -> bool {
            let mut chars = text.chars();
            let first = chars.next();
            let itself = first.is_some_and(|c| c as u32 == code) && chars.as_str().is_empty();
            itself
                || text.chars().any(|c| {
                    let cp = c as u32;
                    c.is_control()
                        || is_private_use(cp)
                        || (0xFDD0..=0xFDEF).contains(&cp)
                        || cp & 0xFFFE == 0xFFFE
                })
        }
        let mut total = 0u64;
        let mut bad = 0u64;
        let entries = self
            .dense
            .iter()
            .enumerate()
            .filter_map(|(code, text)| Some((code as u32, text.as_deref()?)))
            .chain(self.chars.iter().map(|(code, text)| (*code, &**text)));
        for (code, text) in entries {
            total += 1;
            bad += u64::from(useless(code, text));
        }
        for (lo, hi, text) in &self.ranges {
            let size = u64::from(hi - lo) + 1;
            total += size;
            if useless(*lo, text) {
                bad += size;
            }
        }
        total > 0 && bad * 5 >= total * 4
    }

    /// Appends the text for a code to `out`; false when the code is not mapped.
    pub fn push_text(&self, code: u32, out: &mut String) -> bool {
        if !self.dense.is_empty() {
            if let Some(Some(text)) = self.dense.get(code as usize) {
                out.push_str(text);
                return true;
            }
        } else if let Some(text) = self.chars.get(&code) {
            out.push_str(text);
            return true;
        }
        if let Some((lo, _, text)) = self
            .ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))
        {
            let mut chars = text.chars();
            let last = chars.next_back();
            out.push_str(chars.as_str());
            if let Some(c) = last.and_then(|c| char::from_u32(c as u32 + (code - lo))) {
                out.push(c);
            }
            return true;
        }
        if self.identity
            && let Some(c) = char::from_u32(code).filter(|c| !c.is_control())
        {
            out.push(c);
            return true;
        }
        false
    }

    /// Parses the `bfchar` and `bfrange` sections of a CMap stream; bad entries are skipped.
    pub fn parse(bytes: &[u8]) -> CMap {
        let tokens = tokenize(bytes);
        let mut cmap = CMap::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Keyword(k) if k == b"beginbfchar" => {
                    i += 1;
                    while i + 1 < tokens.len() {
                        match (&tokens[i], &tokens[i + 1]) {
                            (Token::Hex(src), Token::Hex(dst)) => {
                                if let Some(text) = utf16_text(dst) {
                                    cmap.chars.insert(code_of(src), text.into());
                                }
                                i += 2;
                            }
                            (Token::Hex(src), Token::Name(name)) => {
                                if let Some(text) = glyph_name_text(name) {
                                    cmap.chars.insert(code_of(src), text.into());
                                }
                                i += 2;
                            }
                            _ => break,
                        }
                    }
                }
                Token::Keyword(k) if k == b"beginbfrange" => {
                    i += 1;
                    while i + 2 < tokens.len() {
                        let (Token::Hex(lo), Token::Hex(hi)) = (&tokens[i], &tokens[i + 1]) else {
                            break;
                        };
                        let (lo, hi) = (code_of(lo), code_of(hi));
                        match &tokens[i + 2] {
                            Token::Hex(dst) => {
                                cmap.add_range(lo, hi, dst);
                                i += 3;
                            }
                            Token::ArrayStart => {
                                i += 3;
                                let mut code = lo;
                                while let Some(Token::Hex(dst)) = tokens.get(i) {
                                    if code <= hi
                                        && let Some(text) = utf16_text(dst)
                                    {
                                        cmap.chars.insert(code, text.into());
                                    }
                                    code = code.saturating_add(1);
                                    i += 1;
                                }
                                if matches!(tokens.get(i), Some(Token::ArrayEnd)) {
                                    i += 1;
                                }
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        cmap.make_dense();
        cmap
    }

    fn add_range(&mut self, lo: u32, hi: u32, dst: &[u8]) {
        if hi < lo || dst.len() < 2 {
            return;
        }
        let mut units: Vec<u16> = dst
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        if hi - lo <= 1024 {
            for code in lo..=hi {
                if let Ok(text) = String::from_utf16(&units) {
                    self.chars.insert(code, text.into());
                }
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(1);
                }
            }
        } else if let Ok(text) = String::from_utf16(&units) {
            self.ranges.push((lo, hi, text.into()));
        }
    }
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | b as u32)
}

fn utf16_text(bytes: &[u8]) -> Option<String> {
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]));
    let text: String = char::decode_utf16(units).filter_map(Result::ok).collect();
    (!text.is_empty()).then_some(text)
}

#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Name(Vec<u8>),
    Keyword(Vec<u8>),
    ArrayStart,
    ArrayEnd,
}

/// Splits a CMap into the tokens the bf sections need (numbers and strings become keywords).
fn tokenize(bytes: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                i += 1;
                let mut out = Vec::new();
                let mut high: Option<u8> = None;
                while i < bytes.len() && bytes[i] != b'>' {
                    if let Some(v) = (bytes[i] as char).to_digit(16) {
                        match high.take() {
                            Some(h) => out.push(h << 4 | v as u8),
                            None => high = Some(v as u8),
                        }
                    }
                    i += 1;
                }
                if let Some(h) = high {
                    out.push(h << 4);
                }
                i += 1;
                tokens.push(Token::Hex(out));
            }
            b'[' => {
                tokens.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                tokens.push(Token::ArrayEnd);
                i += 1;
            }
            b'/' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && !is_delimiter(bytes[i]) {
                    i += 1;
                }
                tokens.push(Token::Name(bytes[start..i].to_vec()));
            }
            b'(' => {
                // Literal strings do not occur in bf sections; skip them, nesting included.
                let mut depth = 0;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < bytes.len() && !is_delimiter(bytes[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                } else {
                    tokens.push(Token::Keyword(bytes[start..i].to_vec()));
                }
            }
        }
    }
    tokens
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace()
        || matches!(
            b,
            b'<' | b'>' | b'[' | b']' | b'/' | b'(' | b')' | b'%' | b'{' | b'}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(cmap: &CMap, code: u32) -> Option<String> {
        let mut out = String::new();
        cmap.push_text(code, &mut out).then_some(out)
    }

    #[test]
    fn parses_cmap_sections() {
        let cmap = CMap::parse(
            b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              3 beginbfchar\n<0003> <0020>\n<0044> <FB01>\n<0050> <D835DC00>\nendbfchar\n\
              2 beginbfrange\n<0010> <0012> <0041>\n<0020> <0021> [<00E9> <00660066>]\nendbfrange\n\
              1 beginbfrange\n<1000> <FFFF> <4E00>\nendbfrange\nendcmap",
        );
        let cases: &[(u32, Option<&str>)] = &[
            (0x03, Some(" ")),
            (0x44, Some("\u{FB01}")),
            (0x50, Some("\u{1D400}")),
            (0x10, Some("A")),
            (0x12, Some("C")),
            (0x13, None),
            (0x20, Some("\u{E9}")),
            (0x21, Some("ff")),
            (0x1000, Some("\u{4E00}")),
            (0x1002, Some("\u{4E02}")),
            (0x0fff, None),
        ];
        for (code, want) in cases {
            assert_eq!(text_of(&cmap, *code).as_deref(), *want, "code {code:#x}");
        }
    }

    #[test]
    fn tells_useless_maps_for_glyph_id_codes() {
        let cases: &[(&str, bool)] = &[
            ("1 beginbfrange <0000> <FFFF> <0000> endbfrange", true),
            (
                "3 beginbfchar <00B7> <00B7> <00C4> <00C4> <00BA> <00BA> endbfchar",
                true,
            ),
            (
                "3 beginbfchar <0003> <E003> <0004> <E004> <0005> <0001> endbfchar",
                true,
            ),
            (
                "3 beginbfchar <0003> <0020> <0044> <0061> <0045> <0062> endbfchar",
                false,
            ),
            // One code of five that happens to map to itself is no sign.
            (
                "5 beginbfchar <0003> <0020> <0044> <0061> <0045> <0062> <0046> <0063>\n\
                 <0047> <0047> endbfchar",
                false,
            ),
            ("1 beginbfrange <0010> <0030> <0041> endbfrange", false),
            ("", false),
        ];
        for (text, want) in cases {
            assert_eq!(
                CMap::parse(text.as_bytes()).looks_useless(),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn parses_one_byte_cmap_with_comments() {
        let cmap =
            CMap::parse(b"% a comment <01> <0041>\n2 beginbfchar <01> <0042> <02> /fi endbfchar");
        assert_eq!(text_of(&cmap, 1).as_deref(), Some("B"));
        assert_eq!(text_of(&cmap, 2).as_deref(), Some("fi"));
        assert!(CMap::parse(b"garbage <<< [[ (unclosed").is_empty());
    }

    #[test]
    fn decodes_glyph_names() {
        let cases: &[(&str, Option<&str>)] = &[
            ("fi", Some("fi")),
            ("ffl", Some("ffl")),
            ("quoteright", Some("\u{2019}")),
            ("endash", Some("\u{2013}")),
            ("eacute", Some("\u{E9}")),
            ("Udieresis", Some("\u{DC}")),
            ("ccedilla", Some("\u{E7}")),
            ("scaron", Some("\u{161}")),
            ("uni00E9", Some("\u{E9}")),
            ("uni00660069", Some("fi")),
            ("u1D400", Some("\u{1D400}")),
            ("a", Some("a")),
            ("Q.sc", Some("Q")),
            ("three", Some("3")),
            ("bullet", Some("\u{2022}")),
            ("f_i", Some("fi")),
            ("f_f_l.alt", Some("ffl")),
            ("T_uni0068", Some("Th")),
            ("f__i", None),
            ("f_glyph7", None),
            ("glyph1234", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(glyph_name_text(name.as_bytes()).as_deref(), *want, "{name}");
        }
    }

    #[test]
    fn base_encodings_differ_where_they_should() {
        assert_eq!(&*base_table(BaseEncoding::WinAnsi)[0x93], "\u{201C}");
        assert_eq!(&*base_table(BaseEncoding::Standard)[0x27], "\u{2019}");
        assert_eq!(&*base_table(BaseEncoding::Standard)[0xAE], "fi");
        assert_eq!(&*base_table(BaseEncoding::MacRoman)[0x8E], "\u{E9}");
        assert_eq!(&*base_table(BaseEncoding::WinAnsi)[0x81], "");
    }
}
