//! Streaming inputs from a reader (standard input), for cluster engines that pipe work
//! through a process: Spark's `RDD.pipe`, Hadoop Streaming, GNU parallel.
//!
//! Each item is one line (or one NUL-terminated chunk with `-0`) and is either a path, or
//! a JSON object `{"path": "..."}` or `{"name": "...", "content": "..."}` carrying the page
//! itself. Items are read lazily, one at a time, so memory stays bounded however long the
//! stream is. A line that cannot be understood becomes an input with an error (and so a
//! failed record), never a stop.

use super::Input;
use crate::record::Problem;
use serde::Deserialize;
use std::io::BufRead;
use std::path::{Component, Path, PathBuf};

/// How items on the stream are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// One item per line (`\n`, a trailing `\r` is dropped).
    #[default]
    Newline,
    /// NUL-terminated items (`find -print0`, `xargs -0`), for paths holding newlines.
    Nul,
}

/// One JSON item on the stream.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonItem {
    path: Option<String>,
    name: Option<String>,
    content: Option<String>,
}

/// The inputs named or carried by a stream, lazily.
pub fn stream_inputs<R: BufRead + Send>(
    reader: R,
    separator: Separator,
) -> impl Iterator<Item = Input> + Send {
    let delimiter = match separator {
        Separator::Newline => b'\n',
        Separator::Nul => b'\0',
    };
    let mut reader = reader;
    let mut item_number = 0u64;
    let mut finished = false;
    std::iter::from_fn(move || {
        loop {
            if finished {
                return None;
            }
            let mut buf = Vec::new();
            match reader.read_until(delimiter, &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(err) => {
                    finished = true;
                    return Some(Input::failed(
                        PathBuf::from("<stdin>"),
                        Problem::new("input", "stdin_error", format!("reading stdin: {err}")),
                    ));
                }
            }
            item_number += 1;
            if buf.last() == Some(&delimiter) {
                buf.pop();
            }
            if separator == Separator::Newline && buf.last() == Some(&b'\r') {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_item(buf, item_number));
        }
    })
}

fn parse_item(buf: Vec<u8>, item_number: u64) -> Input {
    let starts_json = buf
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{');
    if !starts_json {
        return Input::from_path(
            path_from_bytes(buf.clone()),
            relative_path(&path_from_bytes(buf)),
        );
    }
    let label = PathBuf::from(format!("<stdin item {item_number}>"));
    let item: JsonItem = match serde_json::from_slice(&buf) {
        Ok(item) => item,
        Err(err) => {
            return Input::failed(
                label,
                Problem::new(
                    "input",
                    "bad_stdin_item",
                    format!("stdin item {item_number} is not a valid JSON item: {err}"),
                ),
            );
        }
    };
    match item {
        JsonItem {
            path: Some(path),
            content: None,
            name: None,
        } => {
            let path = PathBuf::from(path);
            let relative = relative_path(&path);
            Input::from_path(path, relative)
        }
        JsonItem {
            content: Some(content),
            name,
            path: None,
        } => {
            let name = PathBuf::from(name.unwrap_or_else(|| format!("stdin-{item_number}")));
            let relative = relative_path(&name);
            Input::from_content(name, relative, content.into_bytes())
        }
        _ => Input::failed(
            label,
            Problem::new(
                "input",
                "bad_stdin_item",
                format!(
                    "stdin item {item_number} must be {{\"path\": ...}} or {{\"name\": ..., \"content\": ...}}"
                ),
            ),
        ),
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// Where a streamed item's record goes under an output folder: its path without the root,
/// drive or `..` parts, so nothing is written outside the folder.
fn relative_path(path: &Path) -> PathBuf {
    let relative: PathBuf = path
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    if relative.as_os_str().is_empty() {
        PathBuf::from("unnamed")
    } else {
        relative
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(stream: &[u8], separator: Separator) -> Vec<Input> {
        stream_inputs(stream, separator).collect()
    }

    #[test]
    fn reads_each_item_form() {
        let stream = b"a/b.txt\r\n\n{\"path\": \"/x/c.html\"}\n{\"name\": \"n.txt\", \"content\": \"Hello\"}\n{\"bad\": 1}\n{not json\n";
        let got = items(stream, Separator::Newline);
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].path, Path::new("a/b.txt"));
        assert_eq!(got[1].path, Path::new("/x/c.html"));
        assert_eq!(got[1].relative, Path::new("x/c.html"));
        assert_eq!(got[2].content.as_deref(), Some(&b"Hello"[..]));
        assert_eq!(got[2].relative, Path::new("n.txt"));
        assert!(got[3].error.is_some());
        assert!(got[4].error.is_some());
    }

    #[test]
    fn nul_separated_paths_keep_newlines() {
        let got = items(b"a\nb.txt\0c.txt\0", Separator::Nul);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].path, Path::new("a\nb.txt"));
        assert_eq!(got[1].path, Path::new("c.txt"));
    }

    #[test]
    fn relative_paths_stay_inside_the_output_folder() {
        let cases = [
            ("../../etc/passwd", "etc/passwd"),
            ("/abs/x.txt", "abs/x.txt"),
            ("./a/./b.txt", "a/b.txt"),
            ("..", "unnamed"),
        ];
        for (path, want) in cases {
            assert_eq!(relative_path(Path::new(path)), Path::new(want), "{path}");
        }
    }
}
