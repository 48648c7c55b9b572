//! Positioned words to lines in reading order.
//!
//! Words on one baseline become a line fragment; a fragment ends at a gap wide enough to be a
//! column gutter. Raised or lowered smaller fragments (superscripts, subscripts) join the line
//! they sit on. Fragments stacked closely above each other with overlapping x ranges form
//! blocks, and the blocks are put in reading order with Breuel's rules: a block comes before
//! another that it overlaps horizontally and sits above, and before one entirely to its right
//! unless something between them in height spans both (a full-width heading or figure). So a
//! two-column page reads the left column fully, then the right one.

use super::content::{PageText, Word};

/// One line of text with its box; y grows downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Largest font size on the line.
    pub size: f32,
    /// Index of the block the line belongs to, in reading order.
    pub block: usize,
}

/// Baselines closer than this (in font sizes) are one baseline.
const BASELINE_TOLERANCE: f32 = 0.3;
/// A gap wider than this (in font sizes) splits a baseline into fragments.
const FRAGMENT_GAP: f32 = 1.5;
/// A fragment this short (in characters) at the left joins its neighbour across any gap up
/// to [`LABEL_GAP`] (list bullets, reference numbers).
const LABEL_CHARS: usize = 4;
const LABEL_GAP: f32 = 5.0;
/// A gap wider than this (in font sizes) between words is a space.
const SPACE_GAP: f32 = 0.1;
/// Above this many blocks the quadratic ordering is skipped for a plain top-down sort.
const MAX_ORDERED_BLOCKS: usize = 400;

#[derive(Debug, Clone)]
struct Fragment {
    words: Vec<Word>,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

impl Fragment {
    fn new(word: Word) -> Self {
        Fragment {
            x0: word.x0,
            x1: word.x1,
            y: word.y,
            size: word.size,
            words: vec![word],
        }
    }

    fn push(&mut self, word: Word) {
        self.x0 = self.x0.min(word.x0);
        self.x1 = self.x1.max(word.x1);
        self.size = self.size.max(word.size);
        self.words.push(word);
    }

    fn top(&self) -> f32 {
        self.y - 0.8 * self.size
    }

    fn bottom(&self) -> f32 {
        self.y + 0.25 * self.size
    }

    fn char_count(&self, page: &PageText) -> usize {
        self.words
            .iter()
            .map(|w| page.word_text(w).chars().count())
            .sum()
    }
}

/// Builds the lines of a page in reading order.
pub fn build_lines(page: &PageText) -> Vec<Line> {
    let fragments = attach_scripts(baseline_fragments(page), page);
    let blocks = build_blocks(&fragments);
    let order = reading_order(&fragments, &blocks);
    let mut lines = Vec::with_capacity(fragments.len());
    for (rank, &b) in order.iter().enumerate() {
        for &f in &blocks[b].lines {
            let frag = &fragments[f];
            lines.push(Line {
                text: fragment_text(frag, page),
                x0: frag.x0,
                x1: frag.x1,
                y: frag.y,
                size: frag.size,
                block: rank,
            });
        }
    }
    lines
}

/// Groups words by baseline, then splits each baseline at gutter-wide gaps.
fn baseline_fragments(page: &PageText) -> Vec<Fragment> {
    let mut words = page.words.clone();
    words.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut fragments = Vec::new();
    let mut group: Vec<Word> = Vec::new();
    let flush = |group: &mut Vec<Word>, fragments: &mut Vec<Fragment>| {
        group.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut current: Option<Fragment> = None;
        for &word in group.iter() {
            if let Some(frag) = &mut current {
                let gap = word.x0 - frag.x1;
                if gap <= FRAGMENT_GAP * frag.size.min(word.size).max(1.0)
                    || (gap <= LABEL_GAP * word.size && frag.char_count(page) <= LABEL_CHARS)
                {
                    frag.push(word);
                    continue;
                }
            }
            fragments.extend(current.take());
            current = Some(Fragment::new(word));
        }
        fragments.extend(current);
        group.clear();
    };
    for word in words {
        if let Some(first) = group.first()
            && (word.y - first.y).abs() > BASELINE_TOLERANCE * first.size.min(word.size)
        {
            flush(&mut group, &mut fragments);
        }
        group.push(word);
    }
    flush(&mut group, &mut fragments);
    fragments
}

/// Moves superscript and subscript fragments into the line they sit on.
fn attach_scripts(mut fragments: Vec<Fragment>, page: &PageText) -> Vec<Fragment> {
    let _ = page;
    let mut merged_into: Vec<Option<usize>> = vec![None; fragments.len()];
    for i in 0..fragments.len() {
        let f = &fragments[i];
        let mut best: Option<(usize, f32)> = None;
        for (j, g) in fragments.iter().enumerate() {
            if i == j || merged_into[j].is_some() || f.size > 0.9 * g.size {
                continue;
            }
            let raise = g.y - f.y;
            let is_script = (raise > 0.1 * g.size && raise < 0.75 * g.size)
                || (-raise > 0.1 * g.size && -raise < 0.45 * g.size);
            if !is_script
                || f.x0 < g.x0 - 0.5 * g.size
                || f.x0 > g.x1 + 0.6 * g.size
                || f.x1 > g.x1 + 3.0 * g.size
            {
                continue;
            }
            if best.is_none_or(|(_, d)| raise.abs() < d) {
                best = Some((j, raise.abs()));
            }
        }
        if let Some((j, _)) = best {
            merged_into[i] = Some(j);
        }
    }
    for i in 0..fragments.len() {
        // Follow chains (a script of a script) to the line that stays.
        let mut target = merged_into[i];
        let mut hops = 0;
        while let Some(t) = target {
            match merged_into[t] {
                Some(next) if hops < 8 => {
                    target = Some(next);
                    hops += 1;
                }
                _ => break,
            }
        }
        if let Some(t) = target
            && t != i
            && merged_into[t].is_none()
        {
            let words = std::mem::take(&mut fragments[i].words);
            let (x0, x1) = (fragments[i].x0, fragments[i].x1);
            let g = &mut fragments[t];
            g.x0 = g.x0.min(x0);
            g.x1 = g.x1.max(x1);
            g.words.extend(words);
            g.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        }
    }
    fragments.retain(|f| !f.words.is_empty());
    fragments
}

/// The text of a fragment: words in x order, a space where the gap is wide enough.
fn fragment_text(frag: &Fragment, page: &PageText) -> String {
    let mut text = String::new();
    let mut prev: Option<&Word> = None;
    for w in &frag.words {
        if let Some(p) = prev
            && w.x0 - p.x1 > SPACE_GAP * p.size.min(w.size)
        {
            text.push(' ');
        }
        text.push_str(page.word_text(w));
        prev = Some(w);
    }
    text
}

#[derive(Debug)]
struct Block {
    lines: Vec<usize>,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
}

/// Stacks fragments into blocks: each joins the block whose last line sits just above it
/// and overlaps it horizontally.
fn build_blocks(fragments: &[Fragment]) -> Vec<Block> {
    let mut order: Vec<usize> = (0..fragments.len()).collect();
    order.sort_by(|&a, &b| {
        fragments[a]
            .y
            .total_cmp(&fragments[b].y)
            .then(fragments[a].x0.total_cmp(&fragments[b].x0))
    });
    let mut blocks: Vec<Block> = Vec::new();
    for &f in &order {
        let frag = &fragments[f];
        let mut joined = false;
        for block in blocks.iter_mut().rev() {
            let last = &fragments[*block.lines.last().unwrap_or(&f)];
            let step = frag.y - last.y;
            if step > 2.0 * last.size.max(frag.size) {
                continue;
            }
            let overlap = frag.x1.min(last.x1) - frag.x0.max(last.x0);
            let similar = frag.size <= last.size * 1.3 && last.size <= frag.size * 1.3;
            if step > 0.3 * last.size && overlap > 0.0 && similar {
                block.lines.push(f);
                block.x0 = block.x0.min(frag.x0);
                block.x1 = block.x1.max(frag.x1);
                block.bottom = block.bottom.max(frag.bottom());
                joined = true;
                break;
            }
        }
        if !joined {
            blocks.push(Block {
                lines: vec![f],
                x0: frag.x0,
                x1: frag.x1,
                top: frag.top(),
                bottom: frag.bottom(),
            });
        }
    }
    blocks
}

/// Orders blocks by Breuel's rules with a topological sort; ties go to the highest block.
fn reading_order(fragments: &[Fragment], blocks: &[Block]) -> Vec<usize> {
    let _ = fragments;
    let n = blocks.len();
    let mut by_top: Vec<usize> = (0..n).collect();
    by_top.sort_by(|&a, &b| {
        blocks[a]
            .top
            .total_cmp(&blocks[b].top)
            .then(blocks[a].x0.total_cmp(&blocks[b].x0))
    });
    if n > MAX_ORDERED_BLOCKS {
        return by_top;
    }
    let mut before = vec![false; n * n];
    let mut indegree = vec![0usize; n];
    for a in 0..n {
        for b in 0..n {
            if a != b && precedes(blocks, a, b) {
                before[a * n + b] = true;
                indegree[b] += 1;
            }
        }
    }
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let next = by_top
            .iter()
            .copied()
            .find(|&b| !done[b] && indegree[b] == 0)
            .or_else(|| by_top.iter().copied().find(|&b| !done[b]));
        let Some(next) = next else { break };
        done[next] = true;
        order.push(next);
        for b in 0..n {
            if before[next * n + b] && indegree[b] > 0 {
                indegree[b] -= 1;
            }
        }
    }
    order
}

fn x_overlap(a: &Block, b: &Block) -> bool {
    a.x1.min(b.x1) - a.x0.max(b.x0) > 0.0
}

fn precedes(blocks: &[Block], a: usize, b: usize) -> bool {
    let (ba, bb) = (&blocks[a], &blocks[b]);
    if x_overlap(ba, bb) {
        return (ba.top + ba.bottom) < (bb.top + bb.bottom);
    }
    if ba.x1 <= bb.x0 {
        let lo = ba.top.min(bb.top);
        let hi = ba.bottom.max(bb.bottom);
        return !blocks.iter().enumerate().any(|(c, bc)| {
            c != a && c != b && {
                let mid = (bc.top + bc.bottom) / 2.0;
                mid > lo && mid < hi && x_overlap(bc, ba) && x_overlap(bc, bb)
            }
        });
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page from `(text, x0, baseline, size)` words; each glyph is `0.5 * size` wide.
    fn page(words: &[(&str, f32, f32, f32)]) -> PageText {
        let mut page = PageText::default();
        for (text, x0, y, size) in words {
            let start = page.text.len() as u32;
            page.text.push_str(text);
            page.words.push(Word {
                x0: *x0,
                x1: x0 + text.chars().count() as f32 * 0.5 * size,
                y: *y,
                size: *size,
                start,
                end: page.text.len() as u32,
            });
        }
        page
    }

    fn texts(words: &[(&str, f32, f32, f32)]) -> Vec<String> {
        build_lines(&page(words))
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    /// A case name, its words as `(text, x0, baseline, size)`, and the lines wanted.
    type LineCase<'a> = (&'a str, &'a [(&'a str, f32, f32, f32)], &'a [&'a str]);

    #[test]
    fn builds_lines() {
        let cases: &[LineCase] = &[
            (
                "words on one baseline, spaced",
                &[("Hello", 10.0, 100.0, 10.0), ("world", 38.0, 100.5, 10.0)],
                &["Hello world"],
            ),
            (
                "touching words glue",
                &[("Hel", 10.0, 100.0, 10.0), ("lo", 25.0, 100.0, 10.0)],
                &["Hello"],
            ),
            (
                "lines top to bottom",
                &[("second", 10.0, 120.0, 10.0), ("first", 10.0, 100.0, 10.0)],
                &["first", "second"],
            ),
            (
                "superscript joins its line",
                &[
                    ("Xin", 10.0, 100.0, 10.0),
                    ("Wei", 28.0, 100.0, 10.0),
                    ("1", 43.0, 96.0, 6.0),
                    ("Next", 10.0, 114.0, 10.0),
                ],
                &["Xin Wei1", "Next"],
            ),
            (
                "subscript joins its line",
                &[
                    ("H", 10.0, 100.0, 10.0),
                    ("2", 15.0, 102.5, 6.0),
                    ("O", 18.0, 100.0, 10.0),
                ],
                &["H2O"],
            ),
            (
                "list bullet stays with its item",
                &[
                    ("•", 10.0, 100.0, 10.0),
                    ("item", 40.0, 100.0, 10.0),
                    ("•", 10.0, 114.0, 10.0),
                    ("two", 40.0, 114.0, 10.0),
                ],
                &["• item", "• two"],
            ),
        ];
        for (name, words, want) in cases {
            assert_eq!(texts(words), *want, "{name}");
        }
    }

    #[test]
    fn reads_left_column_before_right() {
        // Two columns on a shared baseline grid under a full-width title; a full-width
        // footnote under both.
        let mut words = vec![("A title across both columns of the page", 10.0, 50.0, 14.0)];
        for i in 0..5 {
            let y = 100.0 + 12.0 * i as f32;
            words.push((
                ["left0", "left1", "left2", "left3", "left4"][i],
                10.0,
                y,
                10.0,
            ));
            words.push((
                ["right0", "right1", "right2", "right3", "right4"][i],
                200.0,
                y,
                10.0,
            ));
        }
        words.push((
            "A footnote under both columns of the page that is long",
            10.0,
            200.0,
            10.0,
        ));
        let got = texts(&words);
        let want = [
            "A title across both columns of the page",
            "left0",
            "left1",
            "left2",
            "left3",
            "left4",
            "right0",
            "right1",
            "right2",
            "right3",
            "right4",
            "A footnote under both columns of the page that is long",
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn full_width_block_between_columns_splits_them() {
        let mut words = Vec::new();
        for (i, y) in [100.0, 112.0].iter().enumerate() {
            words.push((["a1", "a2"][i], 10.0, *y, 10.0));
            words.push((["b1", "b2"][i], 200.0, *y, 10.0));
        }
        words.push((
            "Figure 1. A caption that spans the whole width of the page",
            10.0,
            150.0,
            10.0,
        ));
        for (i, y) in [200.0, 212.0].iter().enumerate() {
            words.push((["c1", "c2"][i], 10.0, *y, 10.0));
            words.push((["d1", "d2"][i], 200.0, *y, 10.0));
        }
        let got = texts(&words);
        let want = [
            "a1",
            "a2",
            "b1",
            "b2",
            "Figure 1. A caption that spans the whole width of the page",
            "c1",
            "c2",
            "d1",
            "d2",
        ];
        assert_eq!(got, want);
    }
}
