//! Text per glyph from an embedded font program, for fonts whose `/ToUnicode` map is missing
//! or useless.
//!
//! Takes the bytes of a `/FontFile2` (TrueType) or `/FontFile3` (bare CFF, or OpenType)
//! stream and gives, per glyph id, the text the font itself says the glyph stands for: the
//! smallest ordinary code point its Unicode `cmap` subtables map to it, else its `post` or
//! CFF charset glyph name read as an Adobe Glyph List name (`a`, `uni00E9`, `f_i`). CID-keyed
//! CFF fonts name no glyphs; [`cid_glyphs`] gives their CID to glyph id map, for OpenType
//! programs whose `cmap` tells what the glyphs are. Parsing is `ttf-parser`'s, which checks
//! every offset: a broken program gives fewer glyphs, never a panic.

use ttf_parser::{GlyphId, RawFace, Tag, cff, cmap, post};

use super::fonts::glyph_name_text;

/// Most glyph ids kept: a font has at most 65,535 glyphs.
const MAX_GLYPHS: usize = 65536;

/// The kind of an embedded font program, from the font descriptor key and stream subtype.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramKind {
    /// An sfnt container: `/FontFile2`, or `/FontFile3` of subtype `OpenType`.
    Sfnt,
    /// A bare CFF font: `/FontFile3` of subtype `Type1C` or `CIDFontType0C`.
    Cff,
}

/// Text per glyph id, `None` where the program does not say.
pub fn glyph_texts(kind: ProgramKind, bytes: &[u8]) -> Vec<Option<Box<str>>> {
    let mut texts = Vec::new();
    match kind {
        ProgramKind::Sfnt => {
            let Ok(face) = RawFace::parse(bytes, 0) else {
                return texts;
            };
            if let Some(table) = face
                .table(Tag::from_bytes(b"cmap"))
                .and_then(cmap::Table::parse)
            {
                add_cmap_texts(&table, &mut texts);
            }
            if let Some(table) = face
                .table(Tag::from_bytes(b"post"))
                .and_then(post::Table::parse)
            {
                let count = face
                    .table(Tag::from_bytes(b"maxp"))
                    .and_then(|maxp| maxp.get(4..6))
                    .map(|n| u16::from_be_bytes([n[0], n[1]]));
                add_names(&mut texts, |gid| table.glyph_name(gid), count);
            }
            if let Some(table) = face
                .table(Tag::from_bytes(b"CFF "))
                .and_then(cff::Table::parse)
            {
                add_names(
                    &mut texts,
                    |gid| table.glyph_name(gid),
                    Some(table.number_of_glyphs()),
                );
            }
        }
        ProgramKind::Cff => {
            if let Some(table) = cff::Table::parse(bytes) {
                add_names(
                    &mut texts,
                    |gid| table.glyph_name(gid),
                    Some(table.number_of_glyphs()),
                );
            }
        }
    }
    texts
}

/// The glyph id of each CID of a CID-keyed CFF font (bare, or the `CFF ` table of an sfnt),
/// 0 for CIDs it lacks; `None` when the font is not CID-keyed.
pub fn cid_glyphs(kind: ProgramKind, bytes: &[u8]) -> Option<Vec<u16>> {
    let table = match kind {
        ProgramKind::Cff => cff::Table::parse(bytes)?,
        ProgramKind::Sfnt => cff::Table::parse(
            RawFace::parse(bytes, 0)
                .ok()?
                .table(Tag::from_bytes(b"CFF "))?,
        )?,
    };
    table.glyph_cid(GlyphId(0))?;
    let mut gids = Vec::new();
    for gid in 0..table.number_of_glyphs() {
        if let Some(cid) = table.glyph_cid(GlyphId(gid)).map(usize::from) {
            if gids.len() <= cid {
                gids.resize(cid + 1, 0);
            }
            gids[cid] = gid;
        }
    }
    Some(gids)
}

/// The text per one-byte code of a bare name-keyed CFF font's built-in encoding (its own, or
/// the standard one), from the glyph names; `None` when the program cannot be read.
pub fn builtin_encoding(bytes: &[u8]) -> Option<Vec<Option<Box<str>>>> {
    let table = cff::Table::parse(bytes)?;
    let texts = (0..=255u8)
        .map(|code| {
            let gid = table.glyph_index(code).filter(|g| g.0 != 0)?;
            glyph_name_text(table.glyph_name(gid)?.as_bytes()).map(Box::from)
        })
        .collect();
    Some(texts)
}

/// Inverts the Unicode subtables: per glyph the smallest ordinary code point mapped to it, a
/// private-use one only when there is no other.
fn add_cmap_texts(table: &cmap::Table, texts: &mut Vec<Option<Box<str>>>) {
    let mut best: Vec<u32> = Vec::new();
    for subtable in table.subtables {
        if !subtable.is_unicode() {
            continue;
        }
        subtable.codepoints(|cp| {
            let Some(c) = char::from_u32(cp).filter(|c| !c.is_control()) else {
                return;
            };
            let Some(gid) = subtable.glyph_index(cp).map(|g| usize::from(g.0)) else {
                return;
            };
            // Glyph 0 is .notdef, which no text stands for.
            if gid == 0 || gid >= MAX_GLYPHS {
                return;
            }
            if best.len() <= gid {
                best.resize(gid + 1, u32::MAX);
            }
            let old = best[gid];
            let better = old == u32::MAX
                || is_private_use(old) && !is_private_use(c as u32)
                || is_private_use(old) == is_private_use(c as u32) && (c as u32) < old;
            if better {
                best[gid] = c as u32;
            }
        });
    }
    if texts.len() < best.len() {
        texts.resize(best.len(), None);
    }
    for (gid, cp) in best.into_iter().enumerate() {
        if let Some(c) = char::from_u32(cp) {
            texts[gid] = Some(c.encode_utf8(&mut [0; 4]).into());
        }
    }
}

/// Fills the glyphs still without text (or with only a private-use code point) from their
/// names. `count` bounds the glyph ids tried when known; otherwise they are tried until the
/// table has no name for one.
fn add_names<'a>(
    texts: &mut Vec<Option<Box<str>>>,
    name: impl Fn(GlyphId) -> Option<&'a str>,
    count: Option<u16>,
) {
    let last = count.map_or(u16::MAX, |n| n.saturating_sub(1));
    for gid in 1..=last {
        let Some(glyph_name) = name(GlyphId(gid)) else {
            if count.is_none() {
                break;
            }
            continue;
        };
        let slot = usize::from(gid);
        let known = texts.get(slot).and_then(Option::as_deref);
        if known.is_some_and(|t| !t.chars().all(|c| is_private_use(c as u32))) {
            continue;
        }
        if let Some(text) = glyph_name_text(glyph_name.as_bytes()) {
            if texts.len() <= slot {
                texts.resize(slot + 1, None);
            }
            texts[slot] = Some(text.into());
        }
    }
}

/// Private-use code points: a font's own, with no meaning outside it.
pub fn is_private_use(cp: u32) -> bool {
    (0xE000..=0xF8FF).contains(&cp) || cp >= 0xF0000
}

/// A TrueType font with no outlines, only what text recovery reads: a Windows Unicode `cmap`
/// (code point, glyph id), a `post` table naming some glyphs, and `maxp`.
#[cfg(test)]
pub(crate) fn tiny_truetype(cmap: &[(u16, u16)], names: &[(u16, &str)], glyphs: u16) -> Vec<u8> {
    fn u16s(out: &mut Vec<u8>, values: impl IntoIterator<Item = u16>) {
        for v in values {
            out.extend_from_slice(&v.to_be_bytes());
        }
    }
    let mut pairs = cmap.to_vec();
    pairs.sort_unstable();
    pairs.push((0xFFFF, 0));
    let segments = pairs.len() as u16;
    let mut format4 = Vec::new();
    u16s(
        &mut format4,
        [4, 16 + 8 * segments, 0, 2 * segments, 0, 0, 0],
    );
    u16s(&mut format4, pairs.iter().map(|p| p.0));
    u16s(&mut format4, [0]);
    u16s(&mut format4, pairs.iter().map(|p| p.0));
    u16s(&mut format4, pairs.iter().map(|p| p.1.wrapping_sub(p.0)));
    u16s(&mut format4, pairs.iter().map(|_| 0));
    let mut cmap_table = Vec::new();
    u16s(&mut cmap_table, [0, 1, 3, 1, 0, 12]);
    cmap_table.extend_from_slice(&format4);

    let mut post = vec![0, 2, 0, 0];
    post.resize(32, 0);
    u16s(&mut post, [glyphs]);
    let mut strings = Vec::new();
    for gid in 0..glyphs {
        match names.iter().position(|(g, _)| *g == gid) {
            Some(k) => u16s(&mut post, [258 + k as u16]),
            None => u16s(&mut post, [0]),
        }
    }
    for (_, name) in names {
        strings.push(name.len() as u8);
        strings.extend_from_slice(name.as_bytes());
    }
    post.extend_from_slice(&strings);

    let mut maxp = vec![0, 0, 0x50, 0];
    u16s(&mut maxp, [glyphs]);

    let tables: [(&[u8; 4], Vec<u8>); 3] =
        [(b"cmap", cmap_table), (b"maxp", maxp), (b"post", post)];
    let mut font = Vec::new();
    u16s(&mut font, [1, 0, tables.len() as u16, 32, 1, 16]);
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        font.extend_from_slice(*tag);
        font.extend_from_slice(&[0; 4]);
        font.extend_from_slice(&(offset as u32).to_be_bytes());
        font.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        font.extend_from_slice(data);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    font
}

/// A bare name-keyed CFF font with empty glyphs named by `sids` (glyph 1 on; standard
/// strings below 391, then `strings` in order), and a built-in encoding giving glyph 1 on the
/// codes in `codes` when there are any.
#[cfg(test)]
pub(crate) fn tiny_cff(sids: &[u16], strings: &[&str], codes: &[u8]) -> Vec<u8> {
    fn index(items: &[&[u8]]) -> Vec<u8> {
        let mut out = (items.len() as u16).to_be_bytes().to_vec();
        if items.is_empty() {
            return out;
        }
        out.push(4);
        let mut offset = 1u32;
        out.extend_from_slice(&offset.to_be_bytes());
        for item in items {
            offset += item.len() as u32;
            out.extend_from_slice(&offset.to_be_bytes());
        }
        for item in items {
            out.extend_from_slice(item);
        }
        out
    }
    let names = index(&[b"Tiny"]);
    let strings: Vec<&[u8]> = strings.iter().map(|s| s.as_bytes()).collect();
    let strings = index(&strings);
    let globals = index(&[]);
    let endchar: &[u8] = &[14];
    let glyphs: Vec<&[u8]> = vec![endchar; sids.len() + 1];
    let char_strings = index(&glyphs);
    let mut charset = vec![0];
    for sid in sids {
        charset.extend_from_slice(&sid.to_be_bytes());
    }
    let mut encoding = Vec::new();
    if !codes.is_empty() {
        encoding.extend_from_slice(&[0, codes.len() as u8]);
        encoding.extend_from_slice(codes);
    }
    // The Top DICT holds five-byte offsets, each with a one-byte operator.
    let entries = if codes.is_empty() { 2 } else { 3 };
    let top_len = index(&[&vec![0; 6 * entries]]).len();
    let charset_at = 4 + names.len() + top_len + strings.len() + globals.len();
    let encoding_at = charset_at + charset.len();
    let char_strings_at = encoding_at + encoding.len();
    let mut top = Vec::new();
    let mut offsets = vec![(charset_at, 15u8), (char_strings_at, 17)];
    if !codes.is_empty() {
        offsets.push((encoding_at, 16));
    }
    for (offset, operator) in offsets {
        top.push(29);
        top.extend_from_slice(&(offset as i32).to_be_bytes());
        top.push(operator);
    }
    let mut font = vec![1, 0, 4, 4];
    font.extend_from_slice(&names);
    font.extend_from_slice(&index(&[&top]));
    font.extend_from_slice(&strings);
    font.extend_from_slice(&globals);
    font.extend_from_slice(&charset);
    font.extend_from_slice(&encoding);
    font.extend_from_slice(&char_strings);
    font
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(texts: &[Option<Box<str>>], gid: usize) -> Option<&str> {
        texts.get(gid).and_then(Option::as_deref)
    }

    #[test]
    fn reads_glyph_texts_from_cmap_then_post_names() {
        let font = tiny_truetype(
            &[
                (0x61, 3),
                (0xA0, 4),
                (0x20, 4),
                (0xE000, 5),
                (0x78, 5),
                (0xE001, 6),
                (0x0007, 7),
            ],
            &[(6, "uni00E9"), (8, "f_i"), (9, "glyph9"), (3, "b")],
            10,
        );
        let texts = glyph_texts(ProgramKind::Sfnt, &font);
        let cases: &[(usize, Option<&str>)] = &[
            (0, None),
            (3, Some("a")),      // the cmap wins over the post name
            (4, Some(" ")),      // the smallest code point
            (5, Some("x")),      // an ordinary code point over a private-use one
            (6, Some("\u{E9}")), // private use only: the glyph name instead
            (7, None),           // control characters are no text
            (8, Some("fi")),     // post name only
            (9, None),           // a name that says nothing
            (10, None),          // past the last glyph
        ];
        for (gid, want) in cases {
            assert_eq!(text(&texts, *gid), *want, "glyph {gid}");
        }
    }

    #[test]
    fn reads_glyph_texts_from_cff_charset_names() {
        // SIDs 1, 66 and 67 are the standard strings "space", "a" and "b".
        let font = tiny_cff(&[66, 391, 1, 392, 67], &["f_f", "glyph5"], &[]);
        let texts = glyph_texts(ProgramKind::Cff, &font);
        let cases: &[(usize, Option<&str>)] = &[
            (0, None),
            (1, Some("a")),
            (2, Some("ff")),
            (3, Some(" ")),
            (4, None),
            (5, Some("b")),
            (6, None),
        ];
        for (gid, want) in cases {
            assert_eq!(text(&texts, *gid), *want, "glyph {gid}");
        }
        for len in 0..font.len() {
            let _ = glyph_texts(ProgramKind::Cff, &font[..len]);
        }
    }

    #[test]
    fn broken_programs_give_nothing_and_never_panic() {
        let font = tiny_truetype(&[(0x61, 3), (0x62, 4)], &[(5, "c")], 6);
        for len in 0..font.len() {
            let _ = glyph_texts(ProgramKind::Sfnt, &font[..len]);
            let _ = glyph_texts(ProgramKind::Cff, &font[..len]);
        }
        let mut flipped = font.clone();
        for i in 0..flipped.len() {
            flipped[i] ^= 0xFF;
            let _ = glyph_texts(ProgramKind::Sfnt, &flipped);
            flipped[i] ^= 0xFF;
        }
        assert!(glyph_texts(ProgramKind::Sfnt, b"not a font").is_empty());
        assert!(glyph_texts(ProgramKind::Cff, b"not a font").is_empty());
    }
}
