//! Compares `decode_pdf` with `pdftotext` over the dev corpus.
//!
//! For every `../shared/corpus/pages/*/print.pdf` and `publisher.pdf` it decodes the PDF,
//! and reports word F1 (multiset of whitespace-separated words) and line scores against
//! `print.txt` / `publisher.txt` (made by `pdftotext`): the share of reference lines found
//! (as a multiset) and the share found in order (longest common subsequence of lines), plus
//! the decode time. Usage:
//!
//!     cargo run --release --example pdf_text_diff [-- [--dump DIR] [case-substring...]]
//!
//! With `--dump DIR` each output is written to `DIR/<case>.<kind>.txt` for diffing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use papersift::decode::Limits;
use papersift::decode::pdf::decode_pdf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dump: Option<PathBuf> = None;
    let mut filters = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--dump" {
            dump = args.next().map(PathBuf::from);
        } else {
            filters.push(arg);
        }
    }
    if let Some(path) = std::env::var_os("PDF_META") {
        // PDF_META=path.pdf prints the document title and meta tags.
        let bytes = std::fs::read(&path).unwrap_or_default();
        match decode_pdf(&bytes, &Limits::default()) {
            Ok(doc) => println!(
                "title: {:?}\ntags: {:?}",
                doc.meta.document_title, doc.meta.tags
            ),
            Err(e) => println!("error: {e}"),
        }
        return;
    }
    if let Some(spec) = std::env::var_os("PDF_WORDS") {
        // PDF_WORDS=path.pdf:page:needle prints the words of a page near a needle.
        let spec = spec.to_string_lossy().into_owned();
        let mut parts = spec.splitn(3, ':');
        let (path, page, needle) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or("1"),
            parts.next().unwrap_or(""),
        );
        print_words(path, page.parse().unwrap_or(1), needle);
        return;
    }
    if let Some(spec) = std::env::var_os("PDF_LINES") {
        // PDF_LINES=path.pdf:page prints a page's lines with their block and box.
        let spec = spec.to_string_lossy().into_owned();
        let (path, page) = spec.rsplit_once(':').unwrap_or((&spec, "1"));
        print_lines(path, page.parse().unwrap_or(1));
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pages");
    if let Some(rounds) = std::env::var_os("PDF_BENCH") {
        // PDF_BENCH=N decodes every print.pdf N times and reports throughput only.
        let rounds: usize = rounds.to_string_lossy().parse().unwrap_or(1);
        let files: Vec<Vec<u8>> = std::fs::read_dir(&root)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter_map(|e| std::fs::read(e.path().join("print.pdf")).ok())
            .collect();
        let t = Instant::now();
        for _ in 0..rounds {
            for bytes in &files {
                let _ = decode_pdf(bytes, &Limits::default());
            }
        }
        let n = (rounds * files.len()) as f64;
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{n} decodes in {secs:.2} s wall: {:.1} PDFs/s, {:.2} ms each",
            n / secs,
            secs * 1000.0 / n
        );
        return;
    }
    let Ok(entries) = std::fs::read_dir(&root) else {
        eprintln!("corpus not found at {}; nothing to compare", root.display());
        return;
    };
    let mut cases: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    cases.sort();
    if let Some(dir) = &dump {
        let _ = std::fs::create_dir_all(dir);
    }
    let limits = Limits::default();
    let mut scores: HashMap<&str, Vec<(f64, f64, f64, f64)>> = HashMap::new();
    println!(
        "{:<44} {:<9} {:>6} {:>6} {:>6} {:>8} {:>5}",
        "case", "kind", "wordF1", "lines", "inord", "ms", "pages"
    );
    for case in &cases {
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        for kind in ["print", "publisher"] {
            let pdf = case.join(format!("{kind}.pdf"));
            let Ok(bytes) = std::fs::read(&pdf) else {
                continue;
            };
            let reference =
                std::fs::read_to_string(case.join(format!("{kind}.txt"))).unwrap_or_default();
            if std::env::var_os("PDF_TIME_LOAD").is_some() {
                time_phases(&name, kind, &bytes);
            }
            let t = Instant::now();
            let result = decode_pdf(&bytes, &limits);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            match result {
                Ok(doc) => {
                    let f1 = word_f1(&doc.text, &reference);
                    let (found, in_order) = line_scores(&doc.text, &reference);
                    let pages = doc.text.matches('\u{c}').count();
                    println!(
                        "{name:<44} {kind:<9} {f1:>6.3} {found:>6.3} {in_order:>6.3} {ms:>8.1} {pages:>5}"
                    );
                    scores
                        .entry(kind)
                        .or_default()
                        .push((f1, found, in_order, ms));
                    if let Some(dir) = &dump {
                        let _ = std::fs::write(dir.join(format!("{name}.{kind}.txt")), &doc.text);
                    }
                }
                Err(e) => {
                    println!("{name:<44} {kind:<9} FAILED {e} ({ms:.1} ms)");
                    scores.entry(kind).or_default().push((0.0, 0.0, 0.0, ms));
                }
            }
        }
    }
    for kind in ["print", "publisher"] {
        let Some(s) = scores.get(kind) else { continue };
        let n = s.len() as f64;
        let mean = |f: fn(&(f64, f64, f64, f64)) -> f64| s.iter().map(f).sum::<f64>() / n;
        let min =
            |f: fn(&(f64, f64, f64, f64)) -> f64| s.iter().map(f).fold(f64::INFINITY, f64::min);
        println!(
            "{kind}: n={} wordF1 mean {:.4} min {:.4} | lines mean {:.3} | in-order mean {:.3} | ms mean {:.1} max {:.1} total {:.0}",
            s.len(),
            mean(|x| x.0),
            min(|x| x.0),
            mean(|x| x.1),
            mean(|x| x.2),
            mean(|x| x.3),
            s.iter().map(|x| x.3).fold(0.0, f64::max),
            s.iter().map(|x| x.3).sum::<f64>(),
        );
    }
}

/// F1 over the multisets of whitespace-separated words.
fn word_f1(got: &str, want: &str) -> f64 {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    let mut want_n = 0i64;
    for w in want.split_whitespace() {
        *counts.entry(w).or_default() += 1;
        want_n += 1;
    }
    let mut got_n = 0i64;
    let mut common = 0i64;
    for w in got.split_whitespace() {
        got_n += 1;
        if let Some(c) = counts.get_mut(w)
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    if got_n == 0 || want_n == 0 {
        return if got_n == want_n { 1.0 } else { 0.0 };
    }
    let p = common as f64 / got_n as f64;
    let r = common as f64 / want_n as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn norm_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Share of reference lines present in the output, and share matched in order (LCS).
fn line_scores(got: &str, want: &str) -> (f64, f64) {
    let got = norm_lines(got);
    let want = norm_lines(want);
    if want.is_empty() {
        return (1.0, 1.0);
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for l in &got {
        *counts.entry(l).or_default() += 1;
    }
    let mut found = 0;
    for l in &want {
        if let Some(c) = counts.get_mut(l.as_str())
            && *c > 0
        {
            *c -= 1;
            found += 1;
        }
    }
    let lcs = if got.len().saturating_mul(want.len()) <= 40_000_000 {
        let mut prev = vec![0u32; got.len() + 1];
        let mut cur = vec![0u32; got.len() + 1];
        for w in &want {
            for (j, g) in got.iter().enumerate() {
                cur[j + 1] = if w == g {
                    prev[j] + 1
                } else {
                    cur[j].max(prev[j + 1])
                };
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[got.len()] as f64
    } else {
        f64::NAN
    };
    (found as f64 / want.len() as f64, lcs / want.len() as f64)
}

/// Times the phases of decoding one PDF (load, content streams, words, lines).
fn time_phases(name: &str, kind: &str, bytes: &[u8]) {
    use papersift::decode::pdf::{content, layout};
    let t = Instant::now();
    let Ok(doc) = lopdf::Document::load_mem(bytes) else {
        return;
    };
    let load = t.elapsed().as_secs_f64() * 1000.0;
    let (mut streams, mut words, mut lines) = (0.0, 0.0, 0.0);
    let mut fonts = content::FontCache::default();
    for (_, id) in doc.get_pages() {
        let t = Instant::now();
        let data = doc.get_page_content(id);
        streams += t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let page = content::page_words(&doc, id, &data, &mut fonts);
        words += t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let _ = layout::build_lines(&page);
        lines += t.elapsed().as_secs_f64() * 1000.0;
    }
    eprintln!(
        "{name} {kind}: load {load:.1} ms, streams {streams:.1}, words {words:.1}, lines {lines:.1}"
    );
}

fn print_lines(path: &str, page_no: u32) {
    use papersift::decode::pdf::{content, layout};
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let Ok(doc) = lopdf::Document::load_mem(&bytes) else {
        return;
    };
    let Some(&id) = doc.get_pages().get(&page_no) else {
        return;
    };
    let data = doc.get_page_content(id);
    let page = content::page_words(&doc, id, &data, &mut content::FontCache::default());
    for line in layout::build_lines(&page) {
        println!(
            "b{:<4} {:>7.1} {:>7.1} y {:>7.1} s {:>5.2} {}",
            line.block, line.x0, line.x1, line.y, line.size, line.text
        );
    }
}

fn print_words(path: &str, page_no: u32, needle: &str) {
    use papersift::decode::pdf::content;
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let Ok(doc) = lopdf::Document::load_mem(&bytes) else {
        return;
    };
    let Some(&id) = doc.get_pages().get(&page_no) else {
        return;
    };
    let data = doc.get_page_content(id);
    let page = content::page_words(&doc, id, &data, &mut content::FontCache::default());
    let hits: Vec<usize> = (0..page.words.len())
        .filter(|&i| page.word_text(&page.words[i]).contains(needle))
        .collect();
    for &h in hits.iter().take(3) {
        for w in &page.words[h.saturating_sub(3)..(h + 6).min(page.words.len())] {
            println!(
                "{:>8.2} {:>8.2} y {:>8.2} size {:>5.2} {:?}",
                w.x0,
                w.x1,
                w.y,
                w.size,
                page.word_text(w)
            );
        }
        println!("--");
    }
}
