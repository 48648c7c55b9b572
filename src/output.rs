//! Output: where records go. One pretty JSON file per input under a folder (written
//! atomically: a temporary file, then a rename), one JSON Lines stream (a file or stdout),
//! or a single pretty record on stdout. Each is a [`RecordSink`] for the batch runner, and
//! the folder and JSON Lines file sinks know which records exist already for `--resume`.
//!
//! Crash safety: a folder record is either absent or complete, since a reader only ever
//! sees the renamed file. A JSON Lines record is written with one `write` call ending in its
//! newline, so after a `kill -9` only the last line can be cut short; resuming drops that
//! line and appends after the last complete one.

use crate::batch::{Input, RecordSink};
use crate::record::{PIPELINE_VERSION, Record};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

/// A record as pretty JSON, byte for byte what `serde_json::to_vec_pretty` writes (two
/// spaces per level), with each line break and its indent written at once instead of one
/// level at a time (a record of a page with a long reference list has thousands of
/// lines).
pub fn record_json(record: &Record) -> io::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(json_size_hint(record));
    write_pretty_json(&mut json, record)?;
    Ok(json)
}

/// A guess at a record's JSON size, so the buffer is allocated once instead of doubling
/// (and copying) its way up: the references are most of a long record, each about a
/// kilobyte of pretty JSON around its raw string.
fn json_size_hint(record: &Record) -> usize {
    let references: usize = record
        .references
        .iter()
        .map(|r| 1024 + 2 * r.raw.len())
        .sum();
    16 * 1024 + references
}

#[cfg(test)]
fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> io::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(16 * 1024);
    write_pretty_json(&mut json, value)?;
    Ok(json)
}

fn write_pretty_json<T: serde::Serialize + ?Sized>(
    json: &mut Vec<u8>,
    value: &T,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(json, PrettyJson::default());
    value.serialize(&mut serializer).map_err(io::Error::other)
}

/// serde_json's `PrettyFormatter` with a two-space indent, writing `",\n"` or `"\n"` and
/// the indent of a line with one call.
#[derive(Default)]
struct PrettyJson {
    level: usize,
    has_value: bool,
}

impl PrettyJson {
    /// A comma, a line break and 64 levels of indent: a line start is a slice of it.
    const LINE_STARTS: &'static [u8] = {
        const LEN: usize = 2 + 2 * 64;
        let mut bytes = [b' '; LEN];
        bytes[0] = b',';
        bytes[1] = b'\n';
        &{ bytes }
    };

    /// A line break (after a comma unless `first`) and the indent of the current level.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        let indent = 2 * self.level;
        match Self::LINE_STARTS.get(from..2 + indent) {
            Some(line_start) => writer.write_all(line_start),
            None => {
                writer.write_all(&Self::LINE_STARTS[from..2])?;
                (0..self.level).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for PrettyJson {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(writer, true)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(writer, true)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes a record as pretty JSON to `path`, atomically: a temporary file in the same
/// folder, flushed and synced, then renamed over the target.
pub fn write_record_atomically(path: &Path, record: &Record) -> io::Result<()> {
    write_line_atomically(path, &record_line(record)?, true)
}

/// A record as pretty JSON with its final newline, as a record file holds it.
fn record_line(record: &Record) -> io::Result<Vec<u8>> {
    let mut json = record_json(record)?;
    json.push(b'\n');
    Ok(json)
}

/// Marks temporary files so a resumed run can clear those a killed run left behind.
const TEMP_MARK: &str = ".papersift-";

/// Writes bytes (and a final newline) to `path` through a temporary file and a rename.
/// The temporary name is unique per process and per call, so threads never share one.
/// With `sync`, the file is flushed to disk before the rename (survives power loss, not
/// only a killed process).
pub fn write_bytes_atomically(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let mut line = Vec::with_capacity(bytes.len() + 1);
    line.extend_from_slice(bytes);
    line.push(b'\n');
    write_line_atomically(path, &line, sync)
}

/// [`write_bytes_atomically`] for bytes that already end with their newline.
fn write_line_atomically(path: &Path, line: &[u8], sync: bool) -> io::Result<()> {
    static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);
    // One `getpid` call per process, not one per record.
    static PROCESS_ID: LazyLock<u32> = LazyLock::new(std::process::id);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "record".to_owned());
    let tmp = dir.join(format!(
        ".{file_name}{TEMP_MARK}{}-{}.tmp",
        *PROCESS_ID,
        NEXT_TEMP.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = match File::create(&tmp) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(dir)?;
                File::create(&tmp)?
            }
            Err(err) => return Err(err),
        };
        file.write_all(line)?;
        if sync {
            file.sync_all()?;
        }
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    written.inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// The fields of a written record that `--resume` compares.
#[derive(Debug, Deserialize)]
struct ResumeKey {
    source: ResumeSource,
    pipeline: ResumePipeline,
}

#[derive(Debug, Deserialize)]
struct ResumeSource {
    path: String,
    sha256: String,
}

#[derive(Debug, Deserialize)]
struct ResumePipeline {
    version: String,
}

/// One pretty JSON file per input: `<root>/<relative path>.json`.
#[derive(Debug)]
pub struct FolderSink {
    root: PathBuf,
    sync: bool,
}

impl FolderSink {
    /// A sink writing under `root` (created if missing). With `sync`, each record is synced
    /// to disk before it is renamed into place.
    pub fn new(root: PathBuf, sync: bool) -> io::Result<Self> {
        std::fs::create_dir_all(&root)?;
        Ok(FolderSink { root, sync })
    }

    /// Where an input's record goes.
    pub fn target(&self, input: &Input) -> PathBuf {
        let mut name = input.relative.as_os_str().to_owned();
        name.push(".json");
        self.root.join(name)
    }

    /// Removes temporary files a killed run of this program left under the folder.
    pub fn remove_stale_temp_files(&self) -> io::Result<u64> {
        let mut removed = 0;
        for entry in walkdir::WalkDir::new(&self.root).into_iter().flatten() {
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file()
                && name.starts_with('.')
                && name.contains(TEMP_MARK)
                && name.ends_with(".tmp")
            {
                std::fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

impl RecordSink for FolderSink {
    fn is_done(&self, input: &Input, sha256: &str) -> bool {
        let Ok(text) = std::fs::read(self.target(input)) else {
            return false;
        };
        serde_json::from_slice::<ResumeKey>(&text).is_ok_and(|key| {
            key.source.sha256 == sha256 && key.pipeline.version == PIPELINE_VERSION
        })
    }

    fn write(&self, input: &Input, record: &Record) -> io::Result<()> {
        write_line_atomically(&self.target(input), &record_line(record)?, self.sync)
    }
}

/// Records as JSON Lines, one line per record, on any writer.
pub struct JsonLinesSink<W: Write + Send> {
    out: Mutex<W>,
    /// Keys (path, content hash, pipeline version) of records already in the file.
    done: HashSet<u128>,
}

impl<W: Write + Send> JsonLinesSink<W> {
    /// A sink writing to `out` with nothing done yet.
    pub fn new(out: W) -> Self {
        JsonLinesSink {
            out: Mutex::new(out),
            done: HashSet::new(),
        }
    }

    /// How many records the resume index holds.
    pub fn resumed_records(&self) -> usize {
        self.done.len()
    }
}

impl JsonLinesSink<File> {
    /// A JSON Lines file. Without `resume` it is created or emptied. With `resume` the
    /// records already in it are indexed, a line cut short by a killed run is dropped, and
    /// new records are appended.
    pub fn open(path: &Path, resume: bool) -> io::Result<Self> {
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        if !resume {
            return Ok(JsonLinesSink::new(File::create(path)?));
        }
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        let (done, complete_len) = index_json_lines(BufReader::new(&mut file))?;
        file.set_len(complete_len)?;
        file.seek(SeekFrom::Start(complete_len))?;
        Ok(JsonLinesSink {
            out: Mutex::new(file),
            done,
        })
    }
}

/// Reads a JSON Lines file: the resume keys of its complete records and the length of its
/// complete lines (a last line without its newline was cut short and is not counted).
fn index_json_lines(mut reader: impl BufRead) -> io::Result<(HashSet<u128>, u64)> {
    let mut done = HashSet::new();
    let mut complete_len = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 || line.last() != Some(&b'\n') {
            break;
        }
        complete_len += n as u64;
        if let Ok(key) = serde_json::from_slice::<ResumeKey>(&line) {
            done.insert(resume_key(
                &key.source.path,
                &key.source.sha256,
                &key.pipeline.version,
            ));
        }
    }
    Ok((done, complete_len))
}

fn resume_key(path: &str, sha256: &str, version: &str) -> u128 {
    let mut hasher = Sha256::new();
    for part in [path, sha256, version] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    let digest = hasher.finalize();
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    u128::from_le_bytes(first)
}

impl<W: Write + Send> RecordSink for JsonLinesSink<W> {
    fn is_done(&self, input: &Input, sha256: &str) -> bool {
        !self.done.is_empty()
            && self
                .done
                .contains(&resume_key(&input.display_path(), sha256, PIPELINE_VERSION))
    }

    fn write(&self, _input: &Input, record: &Record) -> io::Result<()> {
        let mut line = Vec::with_capacity(json_size_hint(record));
        serde_json::to_writer(&mut line, record).map_err(io::Error::other)?;
        line.push(b'\n');
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        out.write_all(&line)?;
        out.flush()
    }

    fn finish(&self) -> io::Result<()> {
        self.out.lock().unwrap_or_else(|e| e.into_inner()).flush()
    }
}

/// One pretty-printed record on a writer (a single input on stdout).
pub struct PrettySink<W: Write + Send> {
    out: Mutex<W>,
}

impl<W: Write + Send> PrettySink<W> {
    pub fn new(out: W) -> Self {
        PrettySink {
            out: Mutex::new(out),
        }
    }
}

impl<W: Write + Send> RecordSink for PrettySink<W> {
    fn write(&self, _input: &Input, record: &Record) -> io::Result<()> {
        let json = record_line(record)?;
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        out.write_all(&json)?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_json_is_serde_json_pretty() {
        let deep = (0..70).fold(
            serde_json::json!({"a": [1, "x\n", null]}),
            |inner, i| serde_json::json!([i, {}, [], {"k": inner}]),
        );
        let values = [
            deep,
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"a": {}, "b": [[]], "c": [{"d": 1.5, "e": true}]}),
        ];
        for value in &values {
            assert_eq!(
                pretty_json(value).unwrap(),
                serde_json::to_vec_pretty(value).unwrap()
            );
        }
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let record = crate::pipeline::extract_document(
                &path.to_string_lossy(),
                &bytes,
                &crate::pipeline::Options::default(),
            );
            assert_eq!(
                record_json(&record).unwrap(),
                serde_json::to_vec_pretty(&record).unwrap(),
                "{}",
                path.display()
            );
        }
    }

    #[test]
    fn a_cut_last_line_is_not_counted() {
        let line = r#"{"source":{"path":"a.txt","sha256":"ab"},"pipeline":{"version":"1"}}"#;
        let cases: &[(String, usize, usize)] = &[
            (String::new(), 0, 0),
            (format!("{line}\n"), 1, line.len() + 1),
            (format!("{line}\n{}", &line[..20]), 1, line.len() + 1),
            (format!("{line}\nnot json\n"), 1, line.len() + 10),
        ];
        for (text, records, len) in cases {
            let (done, complete) = index_json_lines(text.as_bytes()).unwrap();
            assert_eq!(
                (done.len(), complete as usize),
                (*records, *len),
                "{text:?}"
            );
        }
    }

    fn record(path: &str, sha256: &str) -> Record {
        Record::empty(crate::record::Source {
            path: path.to_owned(),
            format: "text".to_owned(),
            sha256: sha256.to_owned(),
            bytes: 1,
            site: None,
        })
    }

    #[test]
    fn written_records_are_found_again_only_for_the_same_content() {
        let dir = tempfile::tempdir().unwrap();
        let input = Input::from_path("in/a.txt".into(), "a.txt".into());
        let (old, new) = ("a".repeat(64), "b".repeat(64));

        let folder = FolderSink::new(dir.path().join("out"), false).unwrap();
        assert!(!folder.is_done(&input, &old));
        folder.write(&input, &record("in/a.txt", &old)).unwrap();
        assert!(folder.is_done(&input, &old));
        assert!(!folder.is_done(&input, &new), "changed content is redone");

        let jsonl = dir.path().join("out.jsonl");
        let sink = JsonLinesSink::open(&jsonl, false).unwrap();
        sink.write(&input, &record("in/a.txt", &old)).unwrap();
        drop(sink);
        let resumed = JsonLinesSink::open(&jsonl, true).unwrap();
        assert_eq!(resumed.resumed_records(), 1);
        assert!(resumed.is_done(&input, &old));
        assert!(!resumed.is_done(&input, &new));
        let other = Input::from_path("in/b.txt".into(), "b.txt".into());
        assert!(
            !resumed.is_done(&other, &old),
            "same bytes under another path is redone"
        );
    }

    #[test]
    fn atomic_writes_leave_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/a.txt.json");
        write_bytes_atomically(&target, b"{}", false).unwrap();
        write_bytes_atomically(&target, b"{\"x\":1}", true).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"{\"x\":1}\n");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
