//! Prints the cleaned lines of a page with their kinds and segments, and the byline found
//! in the header: a look at what the extractors see. `cargo run --example show_segments -- page.txt`

use papersift::clean::clean_lines;
use papersift::decode::{Limits, decode};
use papersift::extract::authors::find_byline;
use papersift::input::sniff_format;
use papersift::segment::{SectionKind, segment};
use std::path::Path;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show_segments <page>");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).expect("readable page");
    let format = sniff_format(&bytes, Some(Path::new(&path)));
    let document = match decode(&bytes, format, &Limits::default()) {
        Ok(document) => document,
        Err(err) => {
            eprintln!("{path}: {err}");
            std::process::exit(1);
        }
    };
    let lines = clean_lines(&document.text);
    for seg in segment(&lines) {
        println!("=== {:?} {:?}", seg.kind, seg.heading);
        if seg.kind == SectionKind::Header {
            let header = &lines[seg.lines.clone()];
            if let Some((start, end, byline)) = find_byline(header) {
                let names: Vec<&str> = byline.names.iter().map(|n| n.name.as_str()).collect();
                println!("--- byline on lines {start}..{end} of the header: {names:?}");
            }
        }
        for line in &lines[seg.lines.clone()] {
            if !line.is_blank() {
                println!("{:>14} | {}", format!("{:?}", line.kind), line.text);
            }
        }
    }
}
