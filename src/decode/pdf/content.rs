//! Content streams to positioned words.
//!
//! Runs a page's content stream (and the Form XObjects it draws, recursively) through a small
//! interpreter that tracks the graphics and text state (`cm`, `q`/`Q`, `Tm`, `Td`, `TD`, `T*`,
//! `TL`, `Tc`, `Tw`, `Tz`, `Ts`, `Tf`) and, for every glyph, its position and advance from the
//! font's widths. Glyphs are glued into [`Word`]s as they come: a word ends at a space glyph,
//! at a gap wider than a fraction of the font size, or when the baseline moves.
//! Coordinates are in device space with y growing downwards, so sorting by y reads top down.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::{Font, deref};
use super::lexer::{Operand, for_each_operation};

/// A run of glyphs with no space in it, on one baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Word {
    /// Left edge.
    pub x0: f32,
    /// Right edge (end of the last glyph's advance).
    pub x1: f32,
    /// Baseline, y growing downwards.
    pub y: f32,
    /// Font size in device units.
    pub size: f32,
    /// Byte range of the word's text in [`PageText::text`].
    pub start: u32,
    pub end: u32,
    /// Where a space glyph after the word ends: a word that starts there is a new word even
    /// when the gap is tiny (thin spaces).
    pub space_end: Option<f32>,
}

/// The words of one page and the text they index into.
#[derive(Debug, Default)]
pub struct PageText {
    pub words: Vec<Word>,
    pub text: String,
    /// Runs of text drawn at an angle (margin stamps, turned table heads), in drawing order.
    pub rotated: Vec<String>,
}

impl PageText {
    pub fn word_text(&self, w: &Word) -> &str {
        &self.text[w.start as usize..w.end as usize]
    }
}

/// Fonts decoded once per document, by object id.
#[derive(Default)]
pub struct FontCache {
    fonts: HashMap<ObjectId, Rc<Font>>,
}

/// Gap (in font sizes) above which two glyphs on one baseline belong to different words.
const WORD_GAP: f32 = 0.15;
/// The steepest slant (horizontal shift per unit of height) of glyphs still read as
/// upright text: a synthetic italic's shear of about 12 degrees is 0.21.
const MAX_SLANT: f32 = 0.5;
/// Deepest nesting of Form XObjects followed.
const MAX_FORM_DEPTH: usize = 8;
/// Most operators run per page, against pathological content streams.
const MAX_OPERATIONS: usize = 4_000_000;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m1: &Matrix, m2: &Matrix) -> Matrix {
    [
        m1[0] * m2[0] + m1[1] * m2[2],
        m1[0] * m2[1] + m1[1] * m2[3],
        m1[2] * m2[0] + m1[3] * m2[2],
        m1[2] * m2[1] + m1[3] * m2[3],
        m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
        m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Rc<Font>>,
    font_size: f32,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> Self {
        GraphicsState {
            ctm,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            font_size: 0.0,
        }
    }
}

/// Extracts the words of one page.
pub fn page_words(
    doc: &Document,
    page_id: ObjectId,
    content: &[u8],
    fonts: &mut FontCache,
) -> PageText {
    let mut resources: Vec<&Dictionary> = Vec::new();
    if let Ok((inline, ids)) = doc.get_page_resources(page_id) {
        resources.extend(inline);
        resources.extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    }
    let mut run = Interpreter {
        doc,
        fonts,
        page: PageText::default(),
        current: None,
        operations: 0,
        forms: Vec::new(),
        last_glyph: (0.0, 0.0),
        pending_accent: None,
        rotated_end: (f32::NAN, f32::NAN),
        scratch: String::new(),
    };
    run.run(content, &resources, IDENTITY);
    run.flush_pending_accent(0.0);
    run.finish_word();
    run.page
}

struct Interpreter<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    page: PageText,
    current: Option<Word>,
    operations: usize,
    /// Form XObjects being run, against cycles.
    forms: Vec<ObjectId>,
    /// Left and right edge of the last glyph added to the current word.
    last_glyph: (f32, f32),
    /// A spacing accent waiting for the letter it is drawn over.
    pending_accent: Option<PendingAccent>,
    /// Where the last glyph of turned text ended.
    rotated_end: (f32, f32),
    /// Reused buffer for one glyph's text.
    scratch: String,
}

struct PendingAccent {
    accent: char,
    mark: char,
    x0: f32,
    x1: f32,
    y: f32,
}

/// The combining mark of a spacing accent glyph, or of a combining mark itself.
fn combining_mark(c: char) -> Option<char> {
    Some(match c {
        '\u{A8}' => '\u{308}',
        '\u{B4}' => '\u{301}',
        '\u{2C6}' => '\u{302}',
        '\u{2DC}' => '\u{303}',
        '\u{B8}' => '\u{327}',
        '\u{2C7}' => '\u{30C}',
        '\u{2DA}' => '\u{30A}',
        '\u{AF}' => '\u{304}',
        '\u{2D8}' => '\u{306}',
        '\u{2D9}' => '\u{307}',
        '\u{2DD}' => '\u{30B}',
        '\u{2DB}' => '\u{328}',
        '\u{300}'..='\u{36F}' => c,
        _ => return None,
    })
}

impl<'a> Interpreter<'a> {
    fn run(&mut self, content: &[u8], resources: &[&'a Dictionary], ctm: Matrix) {
        let mut gs = GraphicsState::new(ctm);
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for_each_operation(content, |operator, args, strings| {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return false;
            }
            let num = |i: usize| args.get(i).and_then(Operand::number).unwrap_or(0.0);
            let string = |o: &Operand| match *o {
                Operand::Str(a, b) => Some(&strings[a as usize..b as usize]),
                _ => None,
            };
            match operator {
                b"q" => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                b"cm" if args.len() == 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tc" => gs.char_spacing = num(0),
                b"Tw" => gs.word_spacing = num(0),
                b"Tz" => gs.horizontal_scale = num(0) / 100.0,
                b"TL" => gs.leading = num(0),
                b"Ts" => gs.rise = num(0),
                b"Tf" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        gs.font = self.font(resources, name);
                    }
                    gs.font_size = num(1);
                }
                b"Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -num(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" if args.len() == 6 => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(bytes) = args.first().and_then(string) {
                        self.show(&gs, &mut tm, bytes);
                    }
                }
                b"'" | b"\"" => {
                    if operator == b"\"" {
                        gs.word_spacing = num(0);
                        gs.char_spacing = num(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                    if let Some(bytes) = args.last().and_then(string) {
                        self.show(&gs, &mut tm, bytes);
                    }
                }
                b"TJ" => {
                    for item in args {
                        match item {
                            Operand::Str(..) => {
                                if let Some(bytes) = string(item) {
                                    self.show(&gs, &mut tm, bytes);
                                }
                            }
                            Operand::Number(adjust) => {
                                let dx = -adjust / 1000.0 * gs.font_size * gs.horizontal_scale;
                                tm[4] += dx * tm[0];
                                tm[5] += dx * tm[1];
                            }
                            _ => {}
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        self.form(resources, name, &gs.ctm);
                    }
                }
                _ => {}
            }
            true
        });
    }

    /// Looks a font up in the resources, decoding it once per document.
    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<Rc<Font>> {
        let doc = self.doc;
        for res in resources {
            let Some(fonts) = deref(doc, res.get(b"Font").ok()).and_then(|o| o.as_dict().ok())
            else {
                continue;
            };
            match fonts.get(name).ok()? {
                Object::Reference(id) => {
                    if let Some(font) = self.fonts.fonts.get(id) {
                        return Some(font.clone());
                    }
                    let dict = doc.get_dictionary(*id).ok()?;
                    let font = Rc::new(Font::from_dict(doc, dict));
                    self.fonts.fonts.insert(*id, font.clone());
                    return Some(font);
                }
                Object::Dictionary(dict) => return Some(Rc::new(Font::from_dict(doc, dict))),
                _ => return None,
            }
        }
        None
    }

    /// Runs a Form XObject.
    fn form(&mut self, resources: &[&'a Dictionary], name: &[u8], ctm: &Matrix) {
        if self.forms.len() >= MAX_FORM_DEPTH {
            return;
        }
        let doc = self.doc;
        let Some(id) = resources.iter().find_map(|res| {
            let xobjects = deref(doc, res.get(b"XObject").ok())?.as_dict().ok()?;
            xobjects.get(name).ok()?.as_reference().ok()
        }) else {
            return;
        };
        if self.forms.contains(&id) {
            return;
        }
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let matrix = deref(doc, stream.dict.get(b"Matrix").ok())
            .and_then(|o| o.as_array().ok())
            .filter(|a| a.len() == 6)
            .map(|a| {
                let n = |i: usize| a[i].as_float().unwrap_or(0.0);
                [n(0), n(1), n(2), n(3), n(4), n(5)]
            })
            .unwrap_or(IDENTITY);
        let own = deref(doc, stream.dict.get(b"Resources").ok()).and_then(|o| o.as_dict().ok());
        let form_resources: Vec<&'a Dictionary> = match own {
            Some(dict) => std::iter::once(dict)
                .chain(resources.iter().copied())
                .collect(),
            None => resources.to_vec(),
        };
        let Ok(content) = stream.decompressed_content().or_else(|_| {
            if stream.dict.has(b"Filter") {
                Err(())
            } else {
                Ok(stream.content.clone())
            }
        }) else {
            return;
        };
        self.forms.push(id);
        self.run(&content, &form_resources, mul(&matrix, ctm));
        self.forms.pop();
    }

    /// Shows a string: one glyph per code, each placed and glued into words.
    fn show(&mut self, gs: &GraphicsState, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        let m = mul(tm, &gs.ctm);
        // Upright: a horizontal baseline read left to right, glyphs standing up; slanted
        // glyphs (a synthetic italic's shear) still stand on the baseline.
        let upright =
            m[0] > 0.0 && m[1].abs() <= 0.05 * m[0] && m[3] > 0.0 && m[2].abs() <= MAX_SLANT * m[3];
        let size = gs.font_size.abs() * (m[2] * m[2] + m[3] * m[3]).sqrt();
        let step = if font.two_byte { 2 } else { 1 };
        let mut dx = 0.0f32;
        for chunk in bytes.chunks(step) {
            if chunk.len() < step {
                break;
            }
            let code = if step == 2 {
                u32::from(chunk[0]) << 8 | u32::from(chunk[1])
            } else {
                u32::from(chunk[0])
            };
            let advance = font.width(code) * gs.font_size;
            let spacing = gs.char_spacing
                + if step == 1 && code == 32 {
                    gs.word_spacing
                } else {
                    0.0
                };
            if upright && size > 0.0 {
                let (x0, y0) = apply(&m, dx, gs.rise);
                let (x1, _) = apply(&m, dx + advance * gs.horizontal_scale, gs.rise);
                self.glyph(&font, code, x0, x1, -y0, size);
            } else if size > 0.0 {
                let start = apply(&m, dx, gs.rise);
                let end = apply(&m, dx + advance * gs.horizontal_scale, gs.rise);
                self.rotated_glyph(&font, code, start, end, size);
            }
            dx += (advance + spacing) * gs.horizontal_scale;
        }
        tm[4] += dx * tm[0];
        tm[5] += dx * tm[1];
    }

    /// Adds one glyph's text to the current word, or ends it and starts another.
    fn glyph(&mut self, font: &Font, code: u32, x0: f32, x1: f32, y: f32, size: f32) {
        let text = &mut self.page.text;
        let before = text.len();
        let mapped = font.push_text(code, text);
        if !mapped {
            if !font.two_byte && code == 32 {
                self.finish_word();
            }
            return;
        }
        let added = &text[before..];
        if added.chars().all(|c| c.is_whitespace() || c.is_control()) {
            let had_space = added.chars().any(char::is_whitespace);
            text.truncate(before);
            self.flush_pending_accent(size);
            if had_space {
                if let Some(word) = &mut self.current
                    && x1 > x0
                {
                    word.space_end = Some(x1);
                }
                self.finish_word();
            }
            return;
        }
        if added.chars().any(needs_normalizing) {
            let fixed = normalize_glyph_text(added);
            text.truncate(before);
            text.push_str(&fixed);
        }
        let mut chars = text[before..].chars();
        let single = chars.next().filter(|_| chars.as_str().is_empty());
        if let Some((accent, mark)) = single.and_then(|c| combining_mark(c).map(|m| (c, m))) {
            text.truncate(before);
            // An accent drawn over the glyph before it joins that glyph ("u" + "¨" = "ü");
            // otherwise it waits for the glyph it is drawn over next.
            let centre = (x0 + x1) / 2.0;
            if let Some(word) = &mut self.current
                && (y - word.y).abs() <= 0.6 * size
                && centre >= self.last_glyph.0 - 0.1 * size
                && centre <= self.last_glyph.1 + 0.1 * size
                && let Some(base) = text.chars().next_back()
                && let Some(composed) = unicode_normalization::char::compose(base, mark)
            {
                text.pop();
                text.push(composed);
                word.end = text.len() as u32;
                return;
            }
            self.pending_accent = Some(PendingAccent {
                accent,
                mark,
                x0,
                x1,
                y,
            });
            return;
        }
        let mut before = before;
        if let Some(pending) = self.pending_accent.take() {
            let centre = (pending.x0 + pending.x1) / 2.0;
            let over = centre >= x0 - 0.1 * size
                && centre <= x1 + 0.1 * size
                && (pending.y - y).abs() <= 0.6 * size;
            let base = text[before..].chars().next();
            match base
                .filter(|_| over)
                .and_then(|b| unicode_normalization::char::compose(b, pending.mark))
            {
                Some(composed) => {
                    let base_len = base.map_or(0, char::len_utf8);
                    text.replace_range(
                        before..before + base_len,
                        composed.encode_utf8(&mut [0; 4]),
                    );
                }
                None => {
                    // Not an accent over a letter after all: place it as a glyph of its own.
                    let saved = text[before..].to_owned();
                    text.truncate(before);
                    text.push(pending.accent);
                    self.join(before, pending.x0, pending.x1, pending.y, size);
                    before = self.page.text.len();
                    self.page.text.push_str(&saved);
                }
            }
        }
        self.join(before, x0, x1, y, size);
    }

    /// Adds a glyph of turned text to the current rotated run, or starts a new run when it
    /// does not continue where the last glyph ended.
    fn rotated_glyph(
        &mut self,
        font: &Font,
        code: u32,
        start: (f32, f32),
        end: (f32, f32),
        size: f32,
    ) {
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        font.push_text(code, &mut text);
        let is_space = text.chars().all(char::is_whitespace);
        let distance = (start.0 - self.rotated_end.0).hypot(start.1 - self.rotated_end.1);
        let runs = &mut self.page.rotated;
        match runs.last_mut() {
            Some(run) if distance <= size => {
                if (is_space || distance > WORD_GAP * size)
                    && !run.ends_with(' ')
                    && !run.is_empty()
                {
                    run.push(' ');
                }
            }
            _ => runs.push(String::new()),
        }
        if let Some(run) = runs.last_mut()
            && !is_space
        {
            if text.chars().any(needs_normalizing) {
                run.push_str(&normalize_glyph_text(&text));
            } else {
                run.push_str(&text);
            }
        }
        self.rotated_end = end;
        self.scratch = text;
    }

    /// Places a waiting accent that no letter came under as a glyph of its own.
    fn flush_pending_accent(&mut self, size: f32) {
        if let Some(pending) = self.pending_accent.take() {
            let before = self.page.text.len();
            self.page.text.push(pending.accent);
            self.join(before, pending.x0, pending.x1, pending.y, size);
        }
    }

    /// Adds the glyph text at `before..` to the current word, or ends it and starts another.
    fn join(&mut self, before: usize, x0: f32, x1: f32, y: f32, size: f32) {
        self.last_glyph = (x0, x1);
        let end = self.page.text.len() as u32;
        if let Some(word) = &mut self.current {
            let gap = x0 - word.x1;
            let ref_size = word.size.min(size);
            let same_line = (y - word.y).abs() <= 0.2 * ref_size;
            let similar_size = size <= word.size * 1.25 && word.size <= size * 1.25;
            if same_line && similar_size && gap <= WORD_GAP * ref_size && gap >= -0.6 * ref_size {
                word.x1 = word.x1.max(x1);
                word.end = end;
                return;
            }
        }
        self.finish_word();
        self.current = Some(Word {
            x0,
            x1: x1.max(x0),
            y,
            size,
            start: before as u32,
            end,
            space_end: None,
        });
    }

    fn finish_word(&mut self) {
        if let Some(word) = self.current.take()
            && word.end > word.start
        {
            self.page.words.push(word);
        }
    }
}

fn needs_normalizing(c: char) -> bool {
    matches!(c, '\u{FB00}'..='\u{FB06}') || (c.is_control() && c != '\t')
}

/// Ligatures to their letters; control characters dropped.
fn normalize_glyph_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
