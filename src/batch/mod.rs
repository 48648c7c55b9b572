//! Batch: a stream of inputs (a folder walk or standard input) extracted in parallel, each
//! record handed to a [`RecordSink`] as soon as it is done, and a [`Summary`] at the end.
//!
//! Memory stays flat in the number of inputs: inputs are pulled lazily from the walk or
//! the stream by the worker threads (rayon's `par_bridge`), each document's bytes live only
//! while it is extracted, and records are written and dropped as they finish. Records come
//! out in completion order, not input order; every record names its `source.path`.
//!
//! One bad document never stops the batch: an unreadable file, a file over the size limit
//! (refused from its metadata, never read into memory) or a panic in a stage all become a
//! record with `status: "failed"`. Only a sink that cannot write (disk full, closed pipe)
//! stops the batch, with an error.

pub mod stdin;
pub mod summary;
pub mod walk;

pub use stdin::{Separator, stream_inputs};
pub use summary::Summary;
pub use walk::{WalkOptions, count_inputs, walk_inputs};

use crate::pipeline::{Options, extract_document, fail};
use crate::record::{Problem, Record, Source, Status};
use rayon::iter::{ParallelBridge, ParallelIterator};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// One document to extract.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where the document is read from (unless `content` is given); written to
    /// `source.path`.
    pub path: PathBuf,
    /// Where its record goes under an output folder (`<relative>.json`).
    pub relative: PathBuf,
    /// The document itself, when it came inline (a JSON item on standard input).
    pub content: Option<Vec<u8>>,
    /// Why the input cannot be read at all (a walk error, a bad stdin item).
    pub error: Option<Problem>,
}

impl Input {
    /// A file to read.
    pub fn from_path(path: PathBuf, relative: PathBuf) -> Self {
        Input {
            path,
            relative,
            content: None,
            error: None,
        }
    }

    /// A document given inline under a name.
    pub fn from_content(name: PathBuf, relative: PathBuf, content: Vec<u8>) -> Self {
        Input {
            path: name,
            relative,
            content: Some(content),
            error: None,
        }
    }

    /// An input known to be unusable: it becomes a failed record.
    pub fn failed(label: PathBuf, problem: Problem) -> Self {
        Input {
            relative: label.clone(),
            path: label,
            content: None,
            error: Some(problem),
        }
    }

    /// The path as written into `source.path`.
    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

/// Why a batch could not run or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("{0}: no such file or folder")]
    MissingInput(PathBuf),
    #[error("bad glob {glob:?}: {reason}")]
    BadGlob { glob: String, reason: String },
    #[error("could not build the worker pool: {0}")]
    ThreadPool(String),
    #[error("writing records: {0}")]
    Write(#[from] io::Error),
}

/// Where finished records go. Called from several worker threads at once.
pub trait RecordSink: Sync {
    /// Whether `--resume` should skip this input: a record for it with this content hash
    /// and the current pipeline version already exists.
    fn is_done(&self, _input: &Input, _sha256: &str) -> bool {
        false
    }

    /// Writes one record. An error stops the batch.
    fn write(&self, input: &Input, record: &Record) -> io::Result<()>;

    /// Flushes whatever is buffered; called once at the end.
    fn finish(&self) -> io::Result<()> {
        Ok(())
    }
}

/// What happened to one input, for progress displays.
#[derive(Debug)]
pub enum Event<'a> {
    /// A record was written.
    Done { record: &'a Record, seconds: f64 },
    /// `--resume` found its record already written.
    Skipped { input: &'a Input },
}

/// How a batch runs.
#[derive(Debug, Clone, Default)]
pub struct BatchConfig {
    /// Extraction settings, limits included.
    pub options: Options,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Skip inputs whose record already exists ([`RecordSink::is_done`]).
    pub resume: bool,
}

/// Extracts every input and hands each record to the sink as it finishes.
///
/// Stops taking new inputs once `cancel` is set (documents in flight are finished and
/// written) and marks the summary interrupted. `on_event` is called for every input, from
/// worker threads.
pub fn run<I>(
    inputs: I,
    config: &BatchConfig,
    sink: &dyn RecordSink,
    cancel: &AtomicBool,
    on_event: &(dyn Fn(&Event<'_>) + Sync),
) -> Result<Summary, BatchError>
where
    I: Iterator<Item = Input> + Send,
{
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .thread_name(|i| format!("papersift-worker-{i}"))
        .build()
        .map_err(|err| BatchError::ThreadPool(err.to_string()))?;
    let summary = Mutex::new(Summary::default());
    let write_error: Mutex<Option<io::Error>> = Mutex::new(None);
    let stop = AtomicBool::new(false);

    pool.install(|| {
        inputs
            .take_while(|_| !cancel.load(Ordering::Relaxed) && !stop.load(Ordering::Relaxed))
            .par_bridge()
            .for_each(|input| {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                match process_input(&input, config, sink) {
                    Ok(Processed::Written(record, seconds)) => {
                        lock(&summary).add(&record, seconds);
                        on_event(&Event::Done {
                            record: &record,
                            seconds,
                        });
                    }
                    Ok(Processed::Skipped) => {
                        lock(&summary).skipped += 1;
                        on_event(&Event::Skipped { input: &input });
                    }
                    Err(err) => {
                        stop.store(true, Ordering::Relaxed);
                        lock(&write_error).get_or_insert(err);
                    }
                }
            });
    });

    if let Some(err) = write_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(BatchError::Write(err));
    }
    sink.finish()?;
    let mut summary = summary.into_inner().unwrap_or_else(|e| e.into_inner());
    summary.interrupted = cancel.load(Ordering::Relaxed);
    summary.finish(started.elapsed().as_secs_f64());
    Ok(summary)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

enum Processed {
    Written(Box<Record>, f64),
    Skipped,
}

/// Reads, extracts and writes one input.
fn process_input(
    input: &Input,
    config: &BatchConfig,
    sink: &dyn RecordSink,
) -> io::Result<Processed> {
    let started = Instant::now();
    let path = input.display_path();
    let record = match load(input, config.options.limits.max_bytes) {
        Loaded::Bytes(bytes) => {
            if config.resume && sink.is_done(input, &sha256_hex(&bytes)) {
                return Ok(Processed::Skipped);
            }
            extract_document(&path, &bytes, &config.options)
        }
        Loaded::TooLarge { bytes, sha256 } => {
            if config.resume && sink.is_done(input, &sha256) {
                return Ok(Processed::Skipped);
            }
            let mut record = Record::empty(source(&path, sha256, bytes));
            let err = crate::decode::DecodeError::TooLarge {
                bytes,
                limit: config.options.limits.max_bytes,
            };
            fail(&mut record, "input", err.code(), err.to_string());
            record
        }
        Loaded::Unusable(problem) => {
            let mut record = Record::empty(source(&path, sha256_hex(b""), 0));
            record.errors.push(problem);
            record.status = Status::Failed;
            record
        }
    };
    sink.write(input, &record)?;
    Ok(Processed::Written(
        Box::new(record),
        started.elapsed().as_secs_f64(),
    ))
}

enum Loaded<'a> {
    Bytes(Cow<'a, [u8]>),
    /// Over the size limit: never read into memory, only hashed in chunks.
    TooLarge {
        bytes: u64,
        sha256: String,
    },
    Unusable(Problem),
}

fn load(input: &Input, max_bytes: u64) -> Loaded<'_> {
    if let Some(problem) = &input.error {
        return Loaded::Unusable(problem.clone());
    }
    if let Some(content) = &input.content {
        if content.len() as u64 > max_bytes {
            return Loaded::TooLarge {
                bytes: content.len() as u64,
                sha256: sha256_hex(content),
            };
        }
        return Loaded::Bytes(Cow::Borrowed(content));
    }
    let unreadable = |err: io::Error| {
        Loaded::Unusable(Problem::new(
            "input",
            "unreadable",
            format!("cannot read {}: {err}", input.path.display()),
        ))
    };
    let file = match std::fs::File::open(&input.path) {
        Ok(file) => file,
        Err(err) => return unreadable(err),
    };
    let size = match file.metadata() {
        Ok(meta) if meta.is_dir() => {
            return unreadable(io::Error::other("it is a folder"));
        }
        Ok(meta) => meta.len(),
        Err(err) => return unreadable(err),
    };
    if size > max_bytes {
        return match hash_reader(file) {
            Ok(sha256) => Loaded::TooLarge {
                bytes: size,
                sha256,
            },
            Err(err) => unreadable(err),
        };
    }
    // The file may grow while it is read: never take more than one byte over the limit.
    let mut bytes = Vec::with_capacity(size as usize);
    if let Err(err) = file.take(max_bytes + 1).read_to_end(&mut bytes) {
        return unreadable(err);
    }
    if bytes.len() as u64 > max_bytes {
        return Loaded::TooLarge {
            bytes: bytes.len() as u64,
            sha256: sha256_hex(&bytes),
        };
    }
    Loaded::Bytes(Cow::Owned(bytes))
}

fn hash_reader(mut reader: impl Read) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// The lower-case hex SHA-256 of bytes, as in `source.sha256`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(digest.len() * 2);
    for byte in digest {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    out
}

fn source(path: &str, sha256: String, bytes: u64) -> Source {
    let format = crate::input::sniff_format(b"", Some(std::path::Path::new(path)));
    Source {
        path: path.to_owned(),
        format: format.as_str().to_owned(),
        sha256,
        bytes,
        site: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(Mutex<Vec<Record>>);

    impl RecordSink for Collect {
        fn write(&self, _input: &Input, record: &Record) -> io::Result<()> {
            self.0.lock().unwrap().push(record.clone());
            Ok(())
        }
    }

    fn run_inline(docs: &[(&str, &[u8])], config: &BatchConfig) -> (Summary, Vec<Record>) {
        let inputs: Vec<Input> = docs
            .iter()
            .map(|(name, bytes)| Input::from_content(name.into(), name.into(), bytes.to_vec()))
            .collect();
        let sink = Collect(Mutex::new(Vec::new()));
        let summary = run(
            inputs.into_iter(),
            config,
            &sink,
            &AtomicBool::new(false),
            &|_| {},
        )
        .unwrap();
        (summary, sink.0.into_inner().unwrap())
    }

    #[test]
    fn every_input_gives_one_record_and_failures_are_counted() {
        let docs: &[(&str, &[u8])] = &[
            ("a.txt", b"A title\nAbstract\nSome text.\n"),
            ("empty.txt", b""),
            ("junk.bin", b"\x00\x01\x02\x03\x04\x05\x06\x07"),
            ("big.txt", &[b'x'; 100]),
        ];
        let mut config = BatchConfig {
            jobs: 2,
            ..BatchConfig::default()
        };
        config.options.limits.max_bytes = 50;
        let (summary, records) = run_inline(docs, &config);
        assert_eq!(records.len(), docs.len());
        assert_eq!(summary.processed, docs.len() as u64);
        let failed_paths: Vec<&str> = summary.failures.iter().map(|f| f.path.as_str()).collect();
        for name in ["empty.txt", "junk.bin", "big.txt"] {
            assert!(
                failed_paths.contains(&name),
                "{name} should fail: {failed_paths:?}"
            );
        }
        let big = records.iter().find(|r| r.source.path == "big.txt").unwrap();
        assert_eq!(big.errors[0].code, "too_large");
        assert_eq!(big.source.bytes, 100);
        assert_eq!(big.source.sha256, sha256_hex(&[b'x'; 100]));
    }

    #[test]
    fn a_set_cancel_flag_takes_no_new_inputs() {
        let inputs = (0..100)
            .map(|i| Input::from_content(format!("{i}.txt").into(), "x".into(), b"text".to_vec()));
        let sink = Collect(Mutex::new(Vec::new()));
        let summary = run(
            inputs,
            &BatchConfig::default(),
            &sink,
            &AtomicBool::new(true),
            &|_| {},
        )
        .unwrap();
        assert!(summary.interrupted);
        assert_eq!(summary.processed, 0);
    }

    #[test]
    fn hex_matches_known_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
