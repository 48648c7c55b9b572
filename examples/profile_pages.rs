//! Runs the whole pipeline (extraction and the pretty JSON the folder output writes) on
//! pages in a loop, for instruction counts without the one-time costs (regex compilation,
//! thread start-up). The first pass warms everything up; the passes after it run inside
//! `measured_passes`, which callgrind can collect alone:
//!
//! ```text
//! cargo build --release --example profile_pages
//! valgrind --tool=callgrind --toggle-collect='*measured_passes*' \
//!     target/release/examples/profile_pages 10 samples/000_*.txt
//! ```
//!
//! The instructions per page are the collected total divided by passes times pages.

use papersift::pipeline::{Options, extract_document};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let passes: usize = match args.next().map(|n| n.parse()) {
        Some(Ok(passes)) => passes,
        _ => {
            eprintln!("usage: profile_pages <passes> <page>...");
            std::process::exit(2);
        }
    };
    let pages: Vec<(String, Vec<u8>)> = args
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|err| {
                eprintln!("{path}: {err}");
                std::process::exit(1);
            });
            (path, bytes)
        })
        .collect();
    let warm_up = run_pass(&pages);
    let measured = measured_passes(&pages, passes);
    println!(
        "{} pages, {passes} measured passes, {warm_up} + {measured} output bytes",
        pages.len()
    );
}

#[inline(never)]
fn measured_passes(pages: &[(String, Vec<u8>)], passes: usize) -> usize {
    (0..passes).map(|_| run_pass(pages)).sum()
}

fn run_pass(pages: &[(String, Vec<u8>)]) -> usize {
    let options = Options::default();
    pages
        .iter()
        .map(|(path, bytes)| {
            let record = extract_document(path, black_box(bytes), &options);
            papersift::output::record_json(&record)
                .expect("a record serialises")
                .len()
        })
        .sum()
}
