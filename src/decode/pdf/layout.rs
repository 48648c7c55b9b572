//! Positioned words to lines in reading order.
//!
//! Words on one baseline become a line fragment; a fragment ends at a gap wide enough to be a
//! column gutter. Raised or lowered smaller fragments (superscripts, subscripts) join the line
//! they sit on. Fragments stacked closely above each other with overlapping x ranges form
//! blocks, and the blocks are put in reading order with Breuel's rules: a block comes before
//! another that it overlaps horizontally and sits above, and before one entirely to its right
//! unless something between them in height spans both (a full-width heading or figure). So a
//! two-column page reads the left column fully, then the right one.

use std::ops::Range;

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
/// Gutter search: bin width (device units), the fewest baselines with a gap there, and the
/// narrowest gap (in font sizes) that counts.
const GUTTER_BIN: f32 = 2.0;
const GUTTER_MIN_LINES: usize = 5;
const GUTTER_MIN_GAP: f32 = 0.6;
/// A gap also splits a baseline when this many of the baselines within
/// [`LOCAL_GUTTER_REACH`] above or below have a wide gap at the same place.
const LOCAL_GUTTER_LINES: usize = 2;
const LOCAL_GUTTER_REACH: usize = 3;
/// The widest stretched space (in font sizes) of a justified line, and the farthest line
/// pitch (in font sizes) at which the lines around it are looked for.
const JUSTIFIED_GAP: f32 = 4.0;
const JUSTIFIED_PITCH: f32 = 1.7;
/// The widest gap (in font sizes) across which a lone fragment ends its neighbour's line.
const TAIL_GAP: f32 = 3.0;
/// How far above or below (in font sizes) lines count as next to that fragment: a loose
/// line pitch of a web page.
const TAIL_REACH: f32 = 2.5;
/// A gap wider than this (in font sizes) before words alone at their height ends a line.
const LONE_TAIL_GAP: f32 = 0.9;
/// A gap wider than this (in font sizes) between words is a space.
const SPACE_GAP: f32 = 0.1;
/// An empty band across the page this many median font sizes high splits it into zones
/// read one after another.
const ZONE_GAP: f32 = 2.5;
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
    let fragments: Vec<Fragment> = baseline_fragments(page)
        .into_iter()
        .filter(|f| !f.words.is_empty())
        .collect();
    let blocks = build_blocks(&fragments);
    let order = reading_order(&fragments, &blocks);
    let mut lines = Vec::with_capacity(fragments.len());
    for (rank, &b) in order.iter().enumerate() {
        for &f in &blocks[b].lines {
            let frag = &fragments[f];
            let split = match nested_list_split(frag, page) {
                n if n == frag.words.len() => lone_tail_split(frag, f, &fragments, page),
                n => n,
            };
            for words in [&frag.words[..split], &frag.words[split..]] {
                let (Some(first), Some(last)) = (words.first(), words.last()) else {
                    continue;
                };
                lines.push(Line {
                    text: words_text(words, page),
                    x0: first.x0,
                    x1: last.x1,
                    y: frag.y,
                    size: frag.size,
                    block: rank,
                });
            }
        }
    }
    lines
}

/// Groups words by baseline, moves superscripts and subscripts to the baseline they belong
/// to, then splits each baseline into fragments at gutter-wide gaps. Words drawn over
/// others (overprinted or hidden text) go to a fragment of their own.
fn baseline_fragments(page: &PageText) -> Vec<Fragment> {
    let mut words = page.words.clone();
    words.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<Word>> = Vec::new();
    for word in words {
        match groups.last_mut() {
            Some(group)
                if (word.y - group[0].y).abs()
                    <= BASELINE_TOLERANCE * group[0].size.min(word.size) =>
            {
                group.push(word)
            }
            _ => groups.push(vec![word]),
        }
    }
    for group in &mut groups {
        group.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    attach_scripts(&mut groups);
    let gutters = find_gutters(&groups, page);
    let crosses_gutter = |x0: f32, x1: f32| gutters.iter().any(|&g| x0 < g && g < x1);
    // Wide gaps per baseline, for gutters shared by a few neighbouring baselines only
    // (two-column text under a figure whose labels hide the page-wide gutter).
    let wide_gaps: Vec<Vec<(f32, f32)>> = groups
        .iter()
        .map(|g| {
            g.windows(2)
                .filter(|w| w[1].x0 - w[0].x1 >= GUTTER_MIN_GAP * w[0].size)
                .map(|w| (w[0].x1, w[1].x0))
                .collect()
        })
        .collect();
    // The column on the right of a gutter starts at the same x on every line, unlike the
    // words after the wide spaces of justified text.
    let local_gutter = |i: usize, x0: f32, x1: f32, size: f32| {
        let mid = (x0 + x1) / 2.0;
        let lo = i.saturating_sub(LOCAL_GUTTER_REACH);
        let hi = (i + LOCAL_GUTTER_REACH + 1).min(groups.len());
        (lo..hi)
            .filter(|&j| {
                j != i
                    && wide_gaps[j]
                        .iter()
                        .any(|&(a, b)| a < mid && mid < b && (b - x1).abs() <= 0.2 * size)
            })
            .count()
            >= LOCAL_GUTTER_LINES
    };
    let mut fragments: Vec<Fragment> = Vec::new();
    let mut spans: Vec<Range<usize>> = Vec::with_capacity(groups.len());
    for (gi, group) in groups.iter().enumerate() {
        let first_fragment = fragments.len();
        for &word in group {
            let limit = FRAGMENT_GAP * word.size.max(1.0);
            let mut target: Option<usize> = None;
            for (k, frag) in fragments[first_fragment..].iter().enumerate() {
                let gap = word.x0 - frag.x1;
                let gutter = gap >= GUTTER_MIN_GAP * word.size
                    && (crosses_gutter(frag.x1, word.x0)
                        || (frag.char_count(page) > LABEL_CHARS
                            && local_gutter(gi, frag.x1, word.x0, word.size)));
                // A label starts its column: nothing before it on the baseline, or a column
                // gutter between it and what is (a numbered item in the right column).
                let starts_column =
                    || k == 0 || crosses_gutter(fragments[first_fragment + k - 1].x1, frag.x0);
                let fits = gap >= -0.3 * word.size
                    && !gutter
                    && (gap <= limit.min(FRAGMENT_GAP * frag.size.max(1.0))
                        || (gap <= LABEL_GAP * word.size
                            && frag.char_count(page) <= LABEL_CHARS
                            && starts_column()));
                if fits && target.is_none_or(|t| fragments[first_fragment + t].x1 < frag.x1) {
                    target = Some(k);
                }
            }
            match target {
                Some(k) => fragments[first_fragment + k].push(word),
                None => fragments.push(Fragment::new(word)),
            }
        }
        spans.push(first_fragment..fragments.len());
    }
    join_justified_gaps(&mut fragments, &spans, &crosses_gutter);
    join_line_tails(&mut fragments, &spans, crosses_gutter);
    fragments
}

/// Joins fragments of one baseline split by a gap of up to [`JUSTIFIED_GAP`] font sizes
/// when the lines just above and below both run across it: the stretched spaces of a
/// justified line with few words ("analgesic,3    ameliorative,4    antioxidant    and"),
/// not a gap between columns, which the lines around would share.
fn join_justified_gaps(
    fragments: &mut [Fragment],
    spans: &[Range<usize>],
    crosses_gutter: &impl Fn(f32, f32) -> bool,
) {
    join_neighbours(fragments, spans, |fragments, gi, l, r| {
        let size = l.size.max(r.size);
        let gap = r.x0 - l.x1;
        let spanned = |above: bool| {
            let lo = gi.saturating_sub(LOCAL_GUTTER_REACH);
            let hi = (gi + LOCAL_GUTTER_REACH + 1).min(spans.len());
            (lo..hi).filter(|&g| g != gi).any(|g| {
                fragments[spans[g].clone()].iter().any(|o| {
                    let step = if above { l.y - o.y } else { o.y - l.y };
                    step > BASELINE_TOLERANCE * size
                        && step <= JUSTIFIED_PITCH * size
                        && o.size <= size * 1.3
                        && size <= o.size * 1.3
                        && o.x0 <= l.x1
                        && o.x1 >= r.x0
                })
            })
        };
        gap > 0.0
            && gap <= JUSTIFIED_GAP * size
            && l.size <= r.size * 1.3
            && r.size <= l.size * 1.3
            && !crosses_gutter(l.x1, r.x0)
            && spanned(true)
            && spanned(false)
    });
}

/// Joins each fragment to the one after it on its baseline (`spans` holds each baseline's
/// fragments, left to right) where `fits(fragments, baseline, left, right)`; a fragment
/// joined on goes on taking the ones after it.
fn join_neighbours(
    fragments: &mut [Fragment],
    spans: &[Range<usize>],
    fits: impl Fn(&[Fragment], usize, &Fragment, &Fragment) -> bool,
) {
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (gi, span) in spans.iter().enumerate() {
        let mut left = span.start;
        for right in span.start + 1..span.end {
            if fits(fragments, gi, &fragments[left], &fragments[right]) {
                joins.push((left, right));
            } else {
                left = right;
            }
        }
    }
    for (left, right) in joins {
        let words = std::mem::take(&mut fragments[right].words);
        for word in words {
            fragments[left].push(word);
        }
    }
}

/// Joins to a fragment the one after it on its baseline across a gap of up to
/// [`TAIL_GAP`] when that one stands alone (nothing within [`TAIL_REACH`] above or below
/// it) while the
/// fragment's own text wraps to a line below starting at its left edge: one line of a
/// paragraph with a blank inside (an icon drawn without text after a name), not two
/// columns, whose right column would go on below. The layout then reads it right after
/// its line, where [`lone_tail_split`] gives it a line of its own.
fn join_line_tails(
    fragments: &mut [Fragment],
    spans: &[Range<usize>],
    crosses_gutter: impl Fn(f32, f32) -> bool,
) {
    let near =
        |fragments: &[Fragment], gi: usize, f: &Fragment, test: &dyn Fn(&Fragment) -> bool| {
            let lo = gi.saturating_sub(LOCAL_GUTTER_REACH);
            let hi = (gi + LOCAL_GUTTER_REACH + 1).min(spans.len());
            (lo..hi).filter(|&g| g != gi).any(|g| {
                fragments[spans[g].clone()]
                    .iter()
                    .any(|o| (o.y - f.y).abs() <= TAIL_REACH * f.size.max(o.size) && test(o))
            })
        };
    join_neighbours(fragments, spans, |fragments, gi, l, r| {
        let gap = r.x0 - l.x1;
        gap > 0.0
            && gap <= TAIL_GAP * l.size.max(r.size)
            && !crosses_gutter(l.x1, r.x0)
            && l.size <= r.size * 1.3
            && r.size <= l.size * 1.3
            && !near(fragments, gi, r, &|o| o.x1.min(r.x1) > o.x0.max(r.x0))
            && near(fragments, gi, l, &|o| {
                o.y > l.y && (o.x0 - l.x0).abs() <= 0.5 * l.size
            })
    });
}

/// Finds column gutters: x positions that many baselines leave empty with a wide gap while
/// few cover them with a word. Only the middle of the text width is searched, where the
/// gutters of two- and three-column pages lie. Labels that start their column (the
/// numbers of a reference list in the right column) stand in the gutter's way without
/// ending it: a stretch empty but for them joins the gutter on its left to the gap between
/// labels and items on its right, which is no gutter of its own. Returns the gutters'
/// centres.
fn find_gutters(groups: &[Vec<Word>], page: &PageText) -> Vec<f32> {
    let (mut left, mut right) = (f32::INFINITY, f32::NEG_INFINITY);
    for w in groups.iter().flatten() {
        left = left.min(w.x0);
        right = right.max(w.x1);
    }
    let width = right - left;
    if width.is_nan() || width <= 0.0 || groups.len() < GUTTER_MIN_LINES {
        return Vec::new();
    }
    let bins = ((width / GUTTER_BIN) as usize).clamp(1, 4000);
    let bin_of =
        |x: f32| (((x - left) / width) * bins as f32).clamp(0.0, bins as f32 - 1.0) as usize;
    let mut gaps = vec![0u32; bins];
    let mut covers = vec![0u32; bins];
    let mut label_covers = vec![0u32; bins];
    for group in groups {
        for (k, w) in group.iter().enumerate() {
            let wide_gap_after = group
                .get(k + 1)
                .filter(|next| next.x0 - w.x1 >= GUTTER_MIN_GAP * w.size);
            let starts_column = k == 0 || w.x0 - group[k - 1].x1 >= GUTTER_MIN_GAP * w.size;
            let label = starts_column
                && wide_gap_after.is_some()
                && page.word_text(w).chars().count() <= LABEL_CHARS;
            for c in &mut covers[bin_of(w.x0)..=bin_of(w.x1)] {
                *c += 1;
            }
            if label {
                for c in &mut label_covers[bin_of(w.x0)..=bin_of(w.x1)] {
                    *c += 1;
                }
            }
            if let Some(next) = wide_gap_after {
                let (a, b) = (bin_of(w.x1) + 1, bin_of(next.x0));
                if a < b {
                    for g in &mut gaps[a..b] {
                        *g += 1;
                    }
                }
            }
        }
    }
    let is_gutter = |i: usize| gaps[i] as usize >= GUTTER_MIN_LINES && gaps[i] >= covers[i];
    let only_labels = |i: usize| covers[i] > 0 && covers[i] == label_covers[i];
    let mut centres = Vec::new();
    let (lo, hi) = (bins / 4, bins * 3 / 4);
    let mut i = lo;
    while i < hi {
        if is_gutter(i) {
            let start = i;
            while i < hi && is_gutter(i) {
                i += 1;
            }
            centres.push(left + (start + i) as f32 / 2.0 / bins as f32 * width);
            // Labels right of the gutter, then the gap before their items: skip both.
            let mut j = i;
            while j < hi && only_labels(j) {
                j += 1;
            }
            if j > i {
                i = j;
                while i < hi && is_gutter(i) {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    centres
}

/// Moves each small raised or lowered word next to a word of a nearby baseline group into
/// that group (superscripts and subscripts), so "Wei" + "1" stay one line.
fn attach_scripts(groups: &mut [Vec<Word>]) {
    let sizes: Vec<f32> = groups.iter().map(|g| sizes_max(g)).collect();
    // (group, index in it, target group, target baseline)
    let mut moves: Vec<(usize, usize, usize, f32)> = Vec::new();
    for i in 0..groups.len() {
        for (k, w) in groups[i].iter().enumerate() {
            // The nearest baseline, up or down, of a larger word the script touches: the
            // word's own, not its group's (a group can hold two columns whose baselines
            // differ by a little, and a script raised from the one may sit just under the
            // other).
            let mut best: Option<(usize, f32, f32)> = None;
            for j in i.saturating_sub(4)..(i + 5).min(groups.len()) {
                if j == i || w.size > 0.9 * sizes[j] {
                    continue;
                }
                for g in &groups[j] {
                    let size = g.size;
                    if w.size > 0.9 * size {
                        continue;
                    }
                    let raise = g.y - w.y;
                    let is_script = (raise > 0.1 * size && raise < 0.75 * size)
                        || (-raise > 0.1 * size && -raise < 0.45 * size);
                    let after = w.x0 - g.x1;
                    let before = g.x0 - w.x1;
                    let adjacent = (-0.5 * size..=1.0 * size).contains(&after)
                        || (-0.5 * size..=1.0 * size).contains(&before);
                    if is_script && adjacent && best.is_none_or(|(_, _, d)| raise.abs() < d) {
                        best = Some((j, g.y, raise.abs()));
                    }
                }
            }
            if let Some((j, y, _)) = best {
                moves.push((i, k, j, y));
            }
        }
    }
    if moves.is_empty() {
        return;
    }
    let mut touched = Vec::new();
    for &(i, k, j, y) in moves.iter().rev() {
        let mut word = groups[i].remove(k);
        word.y = y;
        groups[j].push(word);
        touched.push(j);
    }
    touched.sort_unstable();
    touched.dedup();
    for j in touched {
        groups[j].sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
}

/// Where a fragment that starts with a label splits in two lines: before a numbered list
/// marker across a wide gap after the label. That is an outer list item whose first line
/// holds only a nested list's first item (a printed web page's reference whose authors are
/// a list), and the outer number goes on a line of its own, as on the other items whose
/// number is followed by a back-link: "12." over "1. Author A,". The label and the item
/// stay one fragment for the layout. Returns `words.len()` when there is no split.
fn nested_list_split(frag: &Fragment, page: &PageText) -> usize {
    let mut label_chars = 0;
    for (i, pair) in frag.words.windows(2).enumerate() {
        label_chars += page.word_text(&pair[0]).chars().count();
        if label_chars > LABEL_CHARS {
            break;
        }
        if pair[1].x0 - pair[0].x1 > FRAGMENT_GAP * pair[0].size.max(pair[1].size)
            && is_list_marker(page.word_text(&pair[1]))
        {
            return i + 1;
        }
    }
    frag.words.len()
}

/// Where a line splits before a lone tail: words after a gap of more than
/// [`LONE_TAIL_GAP`] font sizes with no other line just above or below them (within
/// [`TAIL_REACH`]), after more than a label's worth of text. On a printed web page that is
/// another element beside a short line ("Volume 3, Issue 4" then a link; a section label
/// then a date), which `pdftotext` gives a line of its own; justified text has lines above
/// and below its wide spaces. The tail goes on the next line, so the order is unchanged.
/// Returns `frag.words.len()` when there is no split.
fn lone_tail_split(
    frag: &Fragment,
    index: usize,
    fragments: &[Fragment],
    page: &PageText,
) -> usize {
    let mut head_chars = 0;
    for (i, pair) in frag.words.windows(2).enumerate() {
        head_chars += page.word_text(&pair[0]).chars().count();
        let size = pair[0].size.max(pair[1].size);
        if head_chars <= LABEL_CHARS || pair[1].x0 - pair[0].x1 <= LONE_TAIL_GAP * size {
            continue;
        }
        let (x0, x1) = (pair[1].x0, frag.x1);
        let alone = !fragments.iter().enumerate().any(|(k, o)| {
            k != index
                && !o.words.is_empty()
                && (o.y - frag.y).abs() <= TAIL_REACH * size
                && o.x1.min(x1) > o.x0.max(x0)
        });
        if alone {
            return i + 1;
        }
    }
    frag.words.len()
}

/// A numbered list item's marker: up to three digits and a `.` or `)` ("12.", "3)").
fn is_list_marker(text: &str) -> bool {
    let digits = text.trim_end_matches(['.', ')']);
    text.len() == digits.len() + 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

fn sizes_max(group: &[Word]) -> f32 {
    group.iter().map(|w| w.size).fold(0.0, f32::max)
}

/// The text of words in x order, a space where the gap is wide enough.
fn words_text(words: &[Word], page: &PageText) -> String {
    let mut text = String::new();
    let mut prev: Option<&Word> = None;
    for w in words {
        if let Some(p) = prev
            && (w.x0 - p.x1 > SPACE_GAP * p.size.min(w.size)
                || p.space_end.is_some_and(|end| w.x0 >= end - 0.05 * p.size))
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
/// Zones (see [`block_zones`]) come first: every block of a zone precedes those below it.
fn reading_order(fragments: &[Fragment], blocks: &[Block]) -> Vec<usize> {
    let zones = block_zones(fragments, blocks);
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
    let mut by_mid: Vec<(f32, usize)> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| ((b.top + b.bottom) / 2.0, i))
        .collect();
    by_mid.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut before = vec![false; n * n];
    let mut indegree = vec![0usize; n];
    for a in 0..n {
        for b in 0..n {
            let before_it = match zones[a].cmp(&zones[b]) {
                std::cmp::Ordering::Equal => precedes(blocks, &by_mid, a, b),
                other => other.is_lt(),
            };
            if a != b && before_it {
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

/// The zone of each block: how many empty bands across the whole page lie above it. A band
/// is a gap in the text at least [`ZONE_GAP`] times the page's median font size high that
/// no fragment reaches into, so no block crosses it. Columns above such a gap end there,
/// and the ones below it start afresh (a page whose body ends in two columns over a
/// two-column reference list, columns under a figure without text), which Breuel's rules
/// alone would read as one column down the whole page, then the next.
fn block_zones(fragments: &[Fragment], blocks: &[Block]) -> Vec<usize> {
    let mut spans: Vec<(f32, f32)> = fragments.iter().map(|f| (f.top(), f.bottom())).collect();
    let mut sizes: Vec<f32> = fragments.iter().map(|f| f.size).collect();
    sizes.sort_by(f32::total_cmp);
    let Some(&size) = sizes.get(sizes.len() / 2) else {
        return vec![0; blocks.len()];
    };
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The top of the text under each band, top down.
    let mut band_ends: Vec<f32> = Vec::new();
    let mut reach = f32::NEG_INFINITY;
    for (top, bottom) in spans {
        if reach.is_finite() && top - reach >= ZONE_GAP * size {
            band_ends.push(top);
        }
        reach = reach.max(bottom);
    }
    blocks
        .iter()
        .map(|b| band_ends.partition_point(|&end| end <= b.top))
        .collect()
}

fn x_overlap(a: &Block, b: &Block) -> bool {
    a.x1.min(b.x1) - a.x0.max(b.x0) > 0.0
}

/// Breuel's rules; `by_mid` holds the blocks' vertical centres, sorted, to find the blocks
/// between two others quickly.
fn precedes(blocks: &[Block], by_mid: &[(f32, usize)], a: usize, b: usize) -> bool {
    let (ba, bb) = (&blocks[a], &blocks[b]);
    if x_overlap(ba, bb) {
        return (ba.top + ba.bottom) < (bb.top + bb.bottom);
    }
    if ba.x1 <= bb.x0 {
        let lo = ba.top.min(bb.top);
        let hi = ba.bottom.max(bb.bottom);
        let start = by_mid.partition_point(|&(mid, _)| mid <= lo);
        return !by_mid[start..]
            .iter()
            .take_while(|&&(mid, _)| mid < hi)
            .any(|&(_, c)| {
                c != a && c != b && x_overlap(&blocks[c], ba) && x_overlap(&blocks[c], bb)
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
                space_end: None,
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
                    ("Mei", 10.0, 100.0, 10.0),
                    ("Lin", 28.0, 100.0, 10.0),
                    ("1", 43.0, 96.0, 6.0),
                    ("Next", 10.0, 114.0, 10.0),
                ],
                &["Mei Lin1", "Next"],
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
            (
                "reference number stays with its text across a wide gap",
                &[
                    ("[7]", 10.0, 100.0, 10.0),
                    ("Author", 45.0, 100.0, 10.0),
                    ("A.", 78.0, 100.0, 10.0),
                ],
                &["[7] Author A."],
            ),
            (
                "a lone tail after a blank follows its line, before the line wrapping below",
                &[
                    ("Ann", 10.0, 100.0, 10.0),
                    ("Lee", 30.0, 100.0, 10.0),
                    ("and", 70.0, 100.0, 10.0),
                    ("Bo", 90.0, 100.0, 10.0),
                    ("Linda", 10.0, 114.0, 10.0),
                ],
                &["Ann Lee", "and Bo", "Linda"],
            ),
            (
                "a right column going on below stays apart",
                &[
                    ("Ann", 10.0, 100.0, 10.0),
                    ("Lee", 30.0, 100.0, 10.0),
                    ("and", 70.0, 100.0, 10.0),
                    ("Bo", 90.0, 100.0, 10.0),
                    ("Linda", 10.0, 114.0, 10.0),
                    ("more", 70.0, 114.0, 10.0),
                ],
                &["Ann Lee", "Linda", "and Bo", "more"],
            ),
            (
                "words alone beside a short line after a wide gap end it",
                &[
                    ("Label", 10.0, 100.0, 10.0),
                    ("Issue", 10.0, 114.0, 10.0),
                    ("4", 38.0, 114.0, 10.0),
                    ("Link", 55.0, 114.0, 10.0),
                    ("Next", 10.0, 128.0, 10.0),
                ],
                &["Label", "Issue 4", "Link", "Next"],
            ),
            (
                "a wide space with text above and below stays in its line",
                &[
                    ("some", 10.0, 100.0, 10.0),
                    ("words", 35.0, 100.0, 10.0),
                    ("Issue", 10.0, 114.0, 10.0),
                    ("4", 38.0, 114.0, 10.0),
                    ("Link", 55.0, 114.0, 10.0),
                    ("more", 10.0, 128.0, 10.0),
                    ("text", 35.0, 128.0, 10.0),
                    ("here", 58.0, 128.0, 10.0),
                ],
                &["some words", "Issue 4 Link", "more text here"],
            ),
            (
                "outer list number stays apart from a nested list's first marker",
                &[
                    ("12.", 10.0, 100.0, 10.0),
                    ("1.", 45.0, 100.0, 10.0),
                    ("Author", 57.0, 100.0, 10.0),
                    ("A,", 90.0, 100.0, 10.0),
                    ("2.", 45.0, 114.0, 10.0),
                    ("Writer", 57.0, 114.0, 10.0),
                    ("B", 90.0, 114.0, 10.0),
                ],
                &["12.", "1. Author A,", "2. Writer B"],
            ),
        ];
        for (name, words, want) in cases {
            assert_eq!(texts(words), *want, "{name}");
        }
    }

    #[test]
    fn a_space_glyph_breaks_words_only_when_the_next_word_starts_after_it() {
        // "16" then a thin space glyph ending at 21, then ":" at 21 (a word break); "methy"
        // then a space glyph whose width runs past the next word's start (no break).
        let mut p = page(&[
            ("16", 10.0, 100.0, 10.0),
            (":", 21.0, 100.0, 10.0),
            ("methy", 10.0, 120.0, 10.0),
            ("lammonium", 35.0, 120.0, 10.0),
        ]);
        p.words[0].space_end = Some(21.0);
        p.words[2].space_end = Some(37.5);
        let got: Vec<String> = build_lines(&p).into_iter().map(|l| l.text).collect();
        assert_eq!(got, ["16 :", "methylammonium"]);
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
    fn narrow_gutter_shared_by_many_lines_splits_columns() {
        // A gutter of 1.2 font sizes: narrower than a fragment gap, found by its alignment.
        let names: Vec<[String; 6]> = (0..10)
            .map(|i| ["La", "Lb", "Lc", "Ra", "Rb", "Rc"].map(|w| format!("{w}{i}")))
            .collect();
        let mut words = Vec::new();
        for (i, row) in names.iter().enumerate() {
            let y = 100.0 + 12.0 * i as f32;
            for (k, x) in [10.0, 28.0, 46.0, 73.0, 91.0, 109.0]
                .into_iter()
                .enumerate()
            {
                words.push((row[k].as_str(), x, y, 10.0));
            }
        }
        let got = texts(&words);
        let mut want: Vec<String> = names
            .iter()
            .map(|r| format!("{} {} {}", r[0], r[1], r[2]))
            .collect();
        want.extend(names.iter().map(|r| format!("{} {} {}", r[3], r[4], r[5])));
        assert_eq!(got, want);
    }

    /// Two columns of `rows` lines each, from `top`, words named `<prefix>L<i>` and
    /// `<prefix>R<i>`, as `(text, x0, baseline, size)`.
    fn two_columns(prefix: &str, top: f32, rows: usize) -> Vec<(String, f32, f32, f32)> {
        let mut words = Vec::new();
        for i in 0..rows {
            let y = top + 12.0 * i as f32;
            words.push((format!("{prefix}L{i} left column text"), 10.0, y, 10.0));
            words.push((format!("{prefix}R{i} right column text"), 200.0, y, 10.0));
        }
        words
    }

    fn owned_texts(words: &[(String, f32, f32, f32)]) -> Vec<String> {
        let borrowed: Vec<(&str, f32, f32, f32)> = words
            .iter()
            .map(|(t, x, y, s)| (t.as_str(), *x, *y, *s))
            .collect();
        texts(&borrowed)
    }

    #[test]
    fn an_empty_band_across_the_page_ends_the_columns_above_it() {
        // Body text in two columns, then after a gap of four lines across both columns a
        // two-column reference list: the body's right column comes before the list.
        let mut words = two_columns("body", 100.0, 6);
        words.extend(two_columns("refs", 220.0, 3));
        let got = owned_texts(&words);
        let prefixes: Vec<&str> = got.iter().filter_map(|l| l.split(' ').next()).collect();
        let want = [
            "bodyL0", "bodyL1", "bodyL2", "bodyL3", "bodyL4", "bodyL5", "bodyR0", "bodyR1",
            "bodyR2", "bodyR3", "bodyR4", "bodyR5", "refsL0", "refsL1", "refsL2", "refsR0",
            "refsR1", "refsR2",
        ];
        assert_eq!(prefixes, want);
    }

    #[test]
    fn a_paragraph_gap_in_both_columns_does_not_end_them() {
        // One blank line at the same height in both columns (paragraph breaks that happen to
        // line up) is no band: each column is still read whole.
        let mut words = two_columns("a", 100.0, 4);
        words.extend(two_columns("b", 160.0, 4));
        let got = owned_texts(&words);
        let prefixes: Vec<&str> = got.iter().filter_map(|l| l.split(' ').next()).collect();
        let want = [
            "aL0", "aL1", "aL2", "aL3", "bL0", "bL1", "bL2", "bL3", "aR0", "aR1", "aR2", "aR3",
            "bR0", "bR1", "bR2", "bR3",
        ];
        assert_eq!(prefixes, want);
    }

    #[test]
    fn a_number_starting_the_right_column_stays_with_its_item() {
        // Reference lists in two columns: the right column's "7." is followed by a gap
        // wider than a fragment gap, and is not the first fragment on its baseline.
        let mut words = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 12.0 * i as f32;
            words.push(("Left column reference text", 10.0, y, 10.0));
            words.push(("Right", 232.0, y, 10.0));
            words.push(("column", 262.0, y, 10.0));
        }
        words.push(("7.", 200.0, 124.0, 10.0));
        let got = texts(&words);
        assert!(got.contains(&"7. Right column".to_owned()), "{got:?}");
    }

    #[test]
    fn numbers_of_a_right_column_list_are_no_gutter_of_their_own() {
        // Left column text beside a numbered list: the gap between the numbers and the
        // items, empty on every line, is not a second gutter.
        let labels: Vec<String> = (1..=8).map(|i| format!("{i}.")).collect();
        let mut words = Vec::new();
        for (i, label) in labels.iter().enumerate() {
            let y = 100.0 + 12.0 * i as f32;
            words.push(("Left column body text here", 10.0, y, 10.0));
            words.push((label.as_str(), 200.0, y, 10.0));
            words.push(("Item", 218.0, y, 10.0));
            words.push(("text that runs on and on", 243.0, y, 10.0));
        }
        let got = texts(&words);
        for label in &labels {
            let want = format!("{label} Item text that runs on and on");
            assert!(got.contains(&want), "{label}: {got:?}");
        }
    }

    #[test]
    fn a_justified_line_with_few_words_stays_one_line() {
        let words = [
            (
                "genus Phoenix is reported to have diuretic,",
                10.0,
                100.0,
                10.0,
            ),
            ("analgesic,", 10.0, 112.0, 10.0),
            ("ameliorative,", 80.0, 112.0, 10.0),
            ("and", 160.0, 112.0, 10.0),
            ("antimutagenic activities. Previous work", 10.0, 124.0, 10.0),
        ];
        let got = texts(&words);
        assert_eq!(
            got,
            [
                "genus Phoenix is reported to have diuretic,",
                "analgesic, ameliorative, and",
                "antimutagenic activities. Previous work",
            ]
        );
    }

    #[test]
    fn a_superscript_joins_its_own_line_when_the_other_column_sits_a_little_lower() {
        // Right column baselines 2.6 units above the left column's, so each baseline group
        // holds one line of each. The degree sign raised from "−97" sits just under "in" of
        // the right column's line above, and nearer the left column's baseline than its own
        // line's group's.
        let words = [
            ("fields were chosen", 200.0, 97.4, 10.0),
            ("in", 292.0, 97.4, 10.0),
            ("Left column words here", 10.0, 100.0, 10.0),
            ("∘", 292.0, 104.42, 7.0),
            ("lat and −97", 237.0, 108.8, 10.0),
            ("2", 298.0, 108.8, 10.0),
            ("Left column words more", 10.0, 111.4, 10.0),
        ];
        let got = texts(&words);
        assert!(got.contains(&"lat and −97∘ 2".to_owned()), "{got:?}");
        assert!(got.contains(&"fields were chosen in".to_owned()), "{got:?}");
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
