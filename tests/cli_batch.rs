//! `papersift extract` as a batch tool, driven through the built binary: folder output,
//! JSON Lines, stdin streaming, failure records, exit codes, resume after `kill -9`,
//! Ctrl-C, and a quiet stderr when it is not a terminal.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// Harness

fn papersift() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_papersift"));
    command.stdin(Stdio::null());
    command
}

fn run(args: &[&str]) -> Output {
    papersift().args(args).output().expect("papersift runs")
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = papersift()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("papersift runs");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited with a code")
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("bad line {line:?}: {e}")))
        .collect()
}

fn path_of(record: &Value) -> String {
    record["source"]["path"].as_str().unwrap().to_owned()
}

/// A made-up article page; `n` varies the title, DOI and reference numbers.
fn page_text(n: usize) -> String {
    format!(
        "Skip to main content\n\
         Article | Open access | Published: {day} March 2019\n\
         Measured effects of synthetic condition {n} on growth rate\n\
         A. Author, B. Writer & C. Person{n}\n\
         Abstract\n\
         We report the measured effect of condition {n} on the growth of cultures. \
         Growth fell by {pct} percent.\n\
         Results\n\
         The effect held in {reps} replicates.\n\
         References\n\
         1. Smith J, Jones K. Growth under stress {n}. J Synth Biol 2011; 26: 941-51.\n\
         2. Doe A. A second cited work. Cell Rep 2015; 3: 12-19.\n\
         DOI: https://doi.org/10.5555/synthetic.{n}\n",
        day = n % 28 + 1,
        pct = n % 90 + 5,
        reps = n % 7 + 2,
    )
}

/// Writes `count` pages into `dir`, spread over a few sub-folders. Returns their paths
/// relative to `dir`.
fn write_pages(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|n| {
            let relative = PathBuf::from(format!("part{}/page{n:05}.txt", n % 4));
            let path = dir.join(&relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, page_text(n)).unwrap();
            relative
        })
        .collect()
}

/// Every file under `dir` (relative paths), hidden ones included.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    walk(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_path_buf())
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn json_name(relative: &Path) -> PathBuf {
    let mut name = relative.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

fn wait_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

fn kill_hard(child: &mut Child) {
    // `Child::kill` is SIGKILL on Unix: no handler runs, nothing is flushed.
    child.kill().unwrap();
    child.wait().unwrap();
}

// ---------------------------------------------------------------------------------------
// Walking, recognising inputs, output layout

#[test]
fn folder_output_mirrors_inputs_and_recognises_files_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let (page1, page2) = (page_text(1), page_text(2));
    let files: &[(&str, &[u8])] = &[
        ("a.txt", page1.as_bytes()),
        ("sub/deeper/b.md", page2.as_bytes()),
        (
            "saved-page",
            b"<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>",
        ),
        ("fulltext", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n"),
        ("README", b"Plain text notes\nwith two lines\n"),
        (
            "page.php",
            b"<html><head><meta name=\"citation_title\" content=\"T\"></head></html>",
        ),
        ("figure.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"),
        ("data.json", b"{\"not\": \"a page\"}"),
        ("archive.gz", b"\x1f\x8b\x08\0\0\0\0\0\0\x03"),
        (".hidden.txt", b"hidden page"),
        (".git/config.txt", b"hidden folder"),
    ];
    for (name, bytes) in files {
        let path = input.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let out = dir.path().join("out");
    let output = run(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(matches!(code(&output), 0 | 3), "{output:?}");
    assert!(output.stdout.is_empty(), "records go to files, not stdout");

    let want: BTreeSet<PathBuf> = [
        "a.txt.json",
        "sub/deeper/b.md.json",
        "saved-page.json",
        "fulltext.json",
        "README.json",
        "page.php.json",
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect();
    assert_eq!(
        files_under(&out),
        want,
        "no temporary files, no binaries, no hidden files"
    );
    for name in &want {
        let record: Value =
            serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap();
        assert!(path_of(&record).ends_with(name.to_str().unwrap().trim_end_matches(".json")));
    }
    let format_of = |name: &str| {
        let record: Value =
            serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap();
        record["source"]["format"].as_str().unwrap().to_owned()
    };
    assert_eq!(format_of("saved-page.json"), "html");
    assert_eq!(format_of("fulltext.json"), "pdf");
    assert_eq!(format_of("README.json"), "text");
}

#[test]
fn include_and_exclude_globs_filter_relative_paths() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["keep/a.txt", "keep/b.html", "drop/c.txt", "d.txt"] {
        let path = dir.path().join("in").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, page_text(0)).unwrap();
    }
    let input = dir.path().join("in");
    let output = run(&[
        "extract",
        input.to_str().unwrap(),
        "--jsonl",
        "-",
        "--include",
        "*.txt",
        "--exclude",
        "drop/**",
        "-q",
    ]);
    let mut names: Vec<String> = json_lines(&output.stdout).iter().map(path_of).collect();
    names.sort();
    let input_text = input.to_str().unwrap();
    assert_eq!(
        names,
        vec![
            format!("{input_text}/d.txt"),
            format!("{input_text}/keep/a.txt")
        ]
    );
}

#[test]
fn one_file_gives_pretty_json_and_several_give_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path(), 3);
    let one = dir.path().join("part0/page00000.txt");
    let output = run(&["extract", one.to_str().unwrap(), "-q"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("{\n"), "pretty JSON: {text:.40}");
    let record: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(path_of(&record), one.to_str().unwrap());

    let output = run(&["extract", dir.path().to_str().unwrap(), "-q"]);
    assert_eq!(json_lines(&output.stdout).len(), 3);

    let jsonl = dir.path().join("all.jsonl");
    let output = run(&[
        "extract",
        dir.path().join("part1").to_str().unwrap(),
        dir.path().join("part2").to_str().unwrap(),
        "--jsonl",
        jsonl.to_str().unwrap(),
        "-q",
    ]);
    assert!(output.stdout.is_empty());
    assert_eq!(json_lines(&std::fs::read(&jsonl).unwrap()).len(), 2);
}

// ---------------------------------------------------------------------------------------
// Bad input never loses data

#[test]
fn stdout_stays_valid_json_lines_when_documents_fail() {
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path(), 2);
    let bad: &[(&str, Vec<u8>)] = &[
        ("empty.txt", Vec::new()),
        ("junk.txt", (0..4096u32).map(|i| (i * 7 % 251) as u8).collect()),
        ("latin1.txt", b"Caf\xe9 cr\xe8me \xe0 la page\nAbstract\nText.\n".to_vec()),
        ("deep.html", {
            let mut html = b"<html><body>".to_vec();
            html.extend(std::iter::repeat_n(&b"<div>"[..], 5000).flatten());
            html.extend_from_slice(b"deep");
            html
        }),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".to_vec()),
        ("encrypted.pdf", b"%PDF-1.4\ntrailer\n<< /Encrypt 5 0 R /Root 1 0 R >>\n%%EOF\n".to_vec()),
        ("challenge.html", b"<html><head><title>Just a moment...</title></head><body>Checking your browser before accessing. Enable JavaScript and cookies to continue</body></html>".to_vec()),
    ];
    for (name, bytes) in bad {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let output = run(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--max-html-depth",
        "100",
    ]);
    let records = json_lines(&output.stdout);
    assert_eq!(records.len(), 2 + bad.len(), "one record per input");
    let by_name: BTreeMap<String, &Value> = records
        .iter()
        .map(|r| {
            (
                Path::new(&path_of(r))
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                r,
            )
        })
        .collect();
    for name in [
        "empty.txt",
        "junk.txt",
        "truncated.pdf",
        "encrypted.pdf",
        "challenge.html",
    ] {
        let record = by_name[name];
        assert_eq!(record["status"], "failed", "{name}: {record}");
        let errors = record["errors"].as_array().unwrap();
        assert!(!errors.is_empty(), "{name} says why");
        assert!(
            errors
                .iter()
                .all(|e| !e["message"].as_str().unwrap().is_empty())
        );
    }
    assert_eq!(by_name["empty.txt"]["errors"][0]["code"], "empty");
    assert_eq!(by_name["junk.txt"]["errors"][0]["code"], "binary");
    assert_ne!(
        by_name["latin1.txt"]["errors"]
            .get(0)
            .map(|e| e["code"].clone()),
        Some(Value::from("binary")),
        "legacy encodings are decoded, not refused"
    );
    for record in &records {
        let findings = papersift::validate::schema_findings(record);
        assert!(findings.is_empty(), "{}: {findings:?}", path_of(record));
    }
    assert_eq!(code(&output), 3, "some documents failed");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("failed: "),
        "the summary lists failures: {stderr}"
    );
}

#[test]
fn files_over_the_size_limit_fail_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    // A sparse 200 MB file: cheap to make, and reading it whole would show in the time.
    let big = dir.path().join("huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    std::fs::write(dir.path().join("small.txt"), page_text(3)).unwrap();
    let output = run(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--max-bytes",
        "1M",
        "-q",
    ]);
    let records = json_lines(&output.stdout);
    assert_eq!(records.len(), 2);
    let huge = records
        .iter()
        .find(|r| path_of(r).ends_with("huge.txt"))
        .unwrap();
    assert_eq!(huge["status"], "failed");
    assert_eq!(huge["errors"][0]["code"], "too_large");
    assert_eq!(huge["source"]["bytes"], 200 * 1024 * 1024);
    assert!(papersift::validate::schema_findings(huge).is_empty());
    assert_eq!(code(&output), 3);
}

// ---------------------------------------------------------------------------------------
// Exit codes

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let empty_folder = dir.path().join("nothing");
    std::fs::create_dir(&empty_folder).unwrap();
    let a_file = dir.path().join("file.txt");
    std::fs::write(&a_file, page_text(1)).unwrap();
    let empty_file = dir.path().join("empty.txt");
    std::fs::write(&empty_file, b"").unwrap();
    let folder = empty_folder.to_str().unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&["extract", folder, "-q"], 0),
        (&["extract", empty_file.to_str().unwrap(), "-q"], 3),
        (
            &["extract", empty_file.to_str().unwrap(), "-q", "--exit-zero"],
            0,
        ),
        (&["extract", "/no/such/place", "-q"], 2),
        (&["extract", folder, "--include", "a[", "-q"], 2),
        (&["extract", folder, "--resume", "-q"], 2),
        (&["extract", folder, "--jobs", "lots"], 2),
        (&["extract", "-0", folder], 2),
        (&["extract"], 2),
        // The output folder cannot be created: a file is in the way.
        (
            &["extract", folder, "-o", a_file.to_str().unwrap(), "-q"],
            1,
        ),
    ];
    for (args, want) in cases {
        let output = run(args);
        assert_eq!(
            code(&output),
            *want,
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path(), 200);
    let mut child = papersift()
        .args(["extract", dir.path().to_str().unwrap(), "-q", "--jobs", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    assert!(serde_json::from_str::<Value>(&first).is_ok());
    assert_eq!(
        status.code(),
        Some(0),
        "like `papersift extract dir | head -1`"
    );
}

// ---------------------------------------------------------------------------------------
// stderr: progress and summary

#[test]
fn no_progress_bar_without_a_terminal_and_nothing_with_quiet() {
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path(), 20);
    let summary_file = dir.path().join("summary.json");
    let output = run(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--summary",
        summary_file.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "no bar drawn: {stderr:?}"
    );
    assert!(
        stderr.contains("20 processed"),
        "summary on stderr: {stderr}"
    );
    let summary: Value = serde_json::from_slice(&std::fs::read(&summary_file).unwrap()).unwrap();
    assert_eq!(summary["processed"], 20);
    assert_eq!(summary["by_format"]["text"], 20);
    let by_status: u64 = summary["by_status"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_status, 20);
    assert_eq!(
        summary["failures"].as_array().unwrap().len() as u64,
        summary["by_status"]["failed"].as_u64().unwrap_or(0)
    );
    assert!(summary["slowest"].as_array().unwrap().len() <= 10);

    let output = run(&["extract", dir.path().to_str().unwrap(), "-q"]);
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
}

// ---------------------------------------------------------------------------------------
// Streaming from stdin

#[test]
fn stdin_takes_paths_nul_separated_paths_and_json_items() {
    let dir = tempfile::tempdir().unwrap();
    let pages = write_pages(dir.path(), 3);
    let abs: Vec<String> = pages
        .iter()
        .map(|p| dir.path().join(p).to_string_lossy().into_owned())
        .collect();

    let by_lines = format!("{}\n{}\r\n\n{}\n", abs[0], abs[1], abs[2]);
    let output = run_with_stdin(&["extract", "--stdin", "-q"], by_lines.as_bytes());
    let got: BTreeSet<String> = json_lines(&output.stdout).iter().map(path_of).collect();
    assert_eq!(got, abs.iter().cloned().collect());

    let by_nul = format!("{}\0{}\0", abs[0], abs[1]);
    let output = run_with_stdin(&["extract", "--stdin", "-0", "-q"], by_nul.as_bytes());
    assert_eq!(json_lines(&output.stdout).len(), 2);

    let items = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"path": abs[2]}),
        serde_json::json!({"name": "inline/page.txt", "content": page_text(9)}),
        "{\"neither\": true}",
    );
    let output = run_with_stdin(&["extract", "--stdin", "-q"], items.as_bytes());
    let records = json_lines(&output.stdout);
    assert_eq!(records.len(), 3);
    let names: BTreeSet<String> = records.iter().map(path_of).collect();
    assert!(
        names.contains(&abs[2]) && names.contains("inline/page.txt"),
        "{names:?}"
    );
    let inline = records
        .iter()
        .find(|r| path_of(r) == "inline/page.txt")
        .unwrap();
    assert_eq!(inline["source"]["bytes"], page_text(9).len());
    let bad = records
        .iter()
        .find(|r| path_of(r).starts_with("<stdin"))
        .unwrap();
    assert_eq!(bad["status"], "failed");
    assert_eq!(bad["errors"][0]["code"], "bad_stdin_item");
    assert_eq!(code(&output), 3);
}

#[test]
fn stdin_records_stream_out_before_the_input_ends() {
    let dir = tempfile::tempdir().unwrap();
    let pages = write_pages(dir.path(), 1);
    let mut child = papersift()
        .args(["extract", "--stdin", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{}", dir.path().join(&pages[0]).display()).unwrap();
    stdin.flush().unwrap();
    // The record must arrive while stdin is still open.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(serde_json::from_str::<Value>(&line).is_ok(), "{line:?}");
    drop(stdin);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(rest.is_empty());
    child.wait().unwrap();
}

// ---------------------------------------------------------------------------------------
// Resume and interruption

const RESUME_PAGES: usize = 400;

fn check_folder_has_each_record_once(input: &Path, out: &Path, pages: &[PathBuf]) {
    let want: BTreeSet<PathBuf> = pages.iter().map(|p| json_name(p)).collect();
    assert_eq!(
        files_under(out),
        want,
        "every record once, no temporary files left"
    );
    for page in pages {
        let text = std::fs::read(out.join(json_name(page))).unwrap();
        let record: Value = serde_json::from_slice(&text).expect("record is complete JSON");
        assert_eq!(path_of(&record), input.join(page).to_string_lossy());
        let sha = record["source"]["sha256"].as_str().unwrap();
        assert_eq!(
            sha,
            papersift::batch::sha256_hex(&std::fs::read(input.join(page)).unwrap())
        );
    }
}

#[test]
fn resume_after_kill_writes_every_folder_record_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let pages = write_pages(&input, RESUME_PAGES);
    let out = dir.path().join("out");
    let args = [
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-q",
        "--jobs",
        "2",
    ];
    let mut child = papersift().args(args).spawn().unwrap();
    let started = wait_until(Duration::from_secs(60), || walk(&out).len() >= 10);
    kill_hard(&mut child);
    assert!(started, "the first run wrote records before it was killed");
    let first_run = walk(&out)
        .iter()
        .filter(|p| p.extension() == Some("json".as_ref()))
        .count();

    let summary_file = dir.path().join("summary.json");
    let output = papersift()
        .args(args)
        .args(["--resume", "--summary", summary_file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(matches!(code(&output), 0 | 3), "{output:?}");
    check_folder_has_each_record_once(&input, &out, &pages);
    let summary: Value = serde_json::from_slice(&std::fs::read(&summary_file).unwrap()).unwrap();
    assert_eq!(
        summary["skipped"], first_run as u64,
        "finished records are not redone"
    );
    assert_eq!(
        summary["processed"].as_u64().unwrap() + summary["skipped"].as_u64().unwrap(),
        RESUME_PAGES as u64
    );

    // An input that changed since its record was written is extracted again.
    std::fs::write(input.join(&pages[0]), page_text(999_999)).unwrap();
    let output = papersift()
        .args(args)
        .args(["--resume", "--summary", summary_file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(matches!(code(&output), 0 | 3));
    let summary: Value = serde_json::from_slice(&std::fs::read(&summary_file).unwrap()).unwrap();
    assert_eq!(summary["processed"], 1);
    check_folder_has_each_record_once(&input, &out, &pages);
}

#[test]
fn resume_after_kill_writes_every_json_lines_record_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let pages = write_pages(&input, RESUME_PAGES);
    let jsonl = dir.path().join("records.jsonl");
    let args = [
        "extract",
        input.to_str().unwrap(),
        "--jsonl",
        jsonl.to_str().unwrap(),
        "-q",
        "--jobs",
        "2",
    ];
    let mut child = papersift().args(args).spawn().unwrap();
    let started = wait_until(Duration::from_secs(60), || {
        std::fs::metadata(&jsonl).is_ok_and(|m| m.len() > 20_000)
    });
    kill_hard(&mut child);
    assert!(started);
    // Whatever the kill left, also cut the last line short as a crash mid-write would.
    let mut text = std::fs::read(&jsonl).unwrap();
    let complete_before = text.iter().filter(|&&b| b == b'\n').count();
    if text.last() == Some(&b'\n') {
        text.truncate(text.len() - 40);
    }
    std::fs::write(&jsonl, &text).unwrap();

    let output = papersift().args(args).arg("--resume").output().unwrap();
    assert!(matches!(code(&output), 0 | 3), "{output:?}");
    let records = json_lines(&std::fs::read(&jsonl).unwrap());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for record in &records {
        *seen.entry(path_of(record)).or_default() += 1;
    }
    let want: BTreeSet<String> = pages
        .iter()
        .map(|p| input.join(p).to_string_lossy().into_owned())
        .collect();
    assert_eq!(seen.keys().cloned().collect::<BTreeSet<_>>(), want);
    assert!(
        seen.values().all(|&n| n == 1),
        "duplicates: {:?}",
        seen.iter().filter(|(_, n)| **n > 1).collect::<Vec<_>>()
    );
    assert!(complete_before >= 2, "the first run had written records");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_with_valid_output_and_exit_130() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write_pages(&input, 1500);
    let jsonl = dir.path().join("records.jsonl");
    let mut child = papersift()
        .args([
            "extract",
            input.to_str().unwrap(),
            "--jsonl",
            jsonl.to_str().unwrap(),
            "--jobs",
            "1",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(wait_until(Duration::from_secs(60), || {
        std::fs::metadata(&jsonl).is_ok_and(|m| m.len() > 0)
    }));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "summary printed: {stderr}");
    let records = json_lines(&std::fs::read(&jsonl).unwrap());
    assert!(
        !records.is_empty() && records.len() < 1500,
        "{}",
        records.len()
    );
}

// ---------------------------------------------------------------------------------------
// The real bad inputs of the dev corpus

#[test]
fn real_bad_inputs_each_give_a_failed_record_with_a_reason() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bad-inputs");
    if !corpus.is_dir() {
        eprintln!("skipping: {} is absent", corpus.display());
        return;
    }
    let output = run(&[
        "extract",
        corpus.to_str().unwrap(),
        "--exclude",
        "*.md",
        "-q",
    ]);
    let records = json_lines(&output.stdout);
    let inputs = std::fs::read_dir(&corpus)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            !name.to_string_lossy().ends_with(".md")
        })
        .count();
    assert_eq!(records.len(), inputs, "one record per input");
    for record in &records {
        let path = path_of(record);
        assert!(
            papersift::validate::schema_findings(record).is_empty(),
            "{path}"
        );
        let name = Path::new(&path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // Pages that hold no article at all; the others (a truncated head, a body fragment,
        // a PDF under an .html name) may yield something.
        let unusable = ["empty.", "cloudflare-", "not-an-article-", "corrupt-"]
            .iter()
            .any(|prefix| name.starts_with(prefix));
        if unusable {
            assert_eq!(record["status"], "failed", "{name}");
        }
        if record["status"] == "failed" {
            let message = record["errors"][0]["message"].as_str().unwrap_or("");
            assert!(!message.is_empty(), "{name} says why it failed");
        }
    }
    assert_eq!(code(&output), 3);
}
