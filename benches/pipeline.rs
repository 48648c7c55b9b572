//! Criterion benchmarks: each pipeline stage and the whole pipeline on the seed pages in
//! `samples/`, plus record serialisation (what the batch writer adds per document).
//!
//! `cargo bench --bench pipeline` (add `-- --quick` for a short run).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use papersift::clean::clean_lines;
use papersift::decode::{self, Limits};
use papersift::extract::{Page, extract_fields};
use papersift::input::sniff_format;
use papersift::pipeline::{Options, extract_document};
use papersift::profiles::detect_profile;
use papersift::record::{Record, Source};
use papersift::segment::segment;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// The seed pages: every file in `samples/` that is not a gold file.
fn samples() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

fn empty_record(name: &str, bytes: &[u8]) -> Record {
    Record::empty(Source {
        path: name.to_owned(),
        format: "text".to_owned(),
        sha256: "0".repeat(64),
        bytes: bytes.len() as u64,
        site: None,
    })
}

fn stages(c: &mut Criterion) {
    let limits = Limits::default();
    for (name, bytes) in samples() {
        let format = sniff_format(&bytes, Some(Path::new(&name)));
        let document = decode::decode(&bytes, format, &limits).expect("a sample decodes");
        let lines = clean_lines(&document.text);
        let segments = segment(&lines);

        let mut group = c.benchmark_group("stage");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("sniff", &name), &bytes, |b, bytes| {
            b.iter(|| sniff_format(black_box(bytes), Some(Path::new("x.txt"))))
        });
        group.bench_with_input(BenchmarkId::new("decode", &name), &bytes, |b, bytes| {
            b.iter(|| decode::decode(black_box(bytes), format, &limits))
        });
        group.bench_with_input(BenchmarkId::new("clean", &name), &document, |b, doc| {
            b.iter(|| clean_lines(black_box(&doc.text)))
        });
        group.bench_with_input(BenchmarkId::new("segment", &name), &lines, |b, lines| {
            b.iter(|| segment(black_box(lines)))
        });
        group.bench_function(BenchmarkId::new("profile", &name), |b| {
            b.iter(|| detect_profile(black_box(&document), None, None))
        });
        group.bench_function(BenchmarkId::new("extract", &name), |b| {
            b.iter(|| {
                // Built per run: the page memoises what its extractors share.
                let page = Page::new(&lines, &segments, None);
                let mut record = empty_record(&name, &bytes);
                extract_fields(&mut record, black_box(&document), &page);
                record
            })
        });
        let record = extract_document(&name, &bytes, &Options::default());
        group.bench_function(BenchmarkId::new("serialize", &name), |b| {
            b.iter(|| serde_json::to_vec(black_box(&record)).unwrap())
        });
        // What the folder output writes per record.
        group.bench_function(BenchmarkId::new("serialize_pretty", &name), |b| {
            b.iter(|| papersift::output::record_json(black_box(&record)).unwrap())
        });
        group.finish();
    }
}

fn end_to_end(c: &mut Criterion) {
    let samples = samples();
    let total: u64 = samples.iter().map(|(_, b)| b.len() as u64).sum();
    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Elements(samples.len() as u64));
    group.bench_function("all_samples", |b| {
        b.iter(|| {
            for (name, bytes) in &samples {
                black_box(extract_document(name, bytes, &Options::default()));
            }
        })
    });
    group.throughput(Throughput::Bytes(total));
    group.bench_function("all_samples_bytes", |b| {
        b.iter(|| {
            for (name, bytes) in &samples {
                black_box(extract_document(name, bytes, &Options::default()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages, end_to_end);
criterion_main!(benches);
