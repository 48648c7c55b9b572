//! Walking: files and folders given on the command line into a lazy stream of [`Input`]s.
//!
//! Folders are walked recursively (walkdir, in directory order: sorting would hold a whole
//! folder's entries in memory), hidden entries are skipped,
//! `--include` / `--exclude` globs are matched against the path relative to the folder
//! given, and files are recognised by extension or, failing that, by their first bytes
//! (HTML, PDF or readable text; images, archives and other binaries are left alone).
//! Nothing is collected: the walk yields one input at a time, so memory does not grow
//! with the number of files.

use super::{BatchError, Input};
use crate::input::{Format, has_input_extension, sniff_format};
use crate::record::Problem;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Which files a walk takes.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Follow symbolic links into folders and to files.
    pub follow_links: bool,
    /// Only files whose relative path matches one of these globs (all when empty).
    pub include: Vec<String>,
    /// Never files whose relative path matches one of these globs.
    pub exclude: Vec<String>,
    /// A folder never walked into (the output folder when it sits inside an input).
    pub skip_dir: Option<PathBuf>,
}

/// Extensions of files that are data of another kind: taken only when their bytes are
/// clearly HTML or PDF (a page saved under the wrong name), never as plain text.
const OTHER_DATA_EXTENSIONS: &[&str] = &[
    "json", "jsonl", "ndjson", "csv", "tsv", "xml", "css", "js", "mjs", "ts", "map", "svg", "png",
    "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "woff", "woff2", "ttf", "otf",
    "eot", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "exe", "dll", "so", "dylib",
    "o", "a", "class", "jar", "pyc", "wasm", "mp3", "mp4", "webm", "avi", "mov", "wav", "ogg",
    "flac", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "epub", "db", "sqlite", "bin", "dat",
    "tmp", "lock", "log", "rs", "py", "c", "h", "sh", "toml", "yaml", "yml", "ini", "cfg",
];

/// Bytes read to recognise a file without an input extension.
const SNIFF_BYTES: usize = 4096;

/// The compiled include/exclude filter.
#[derive(Debug, Clone)]
pub struct PathFilter {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl PathFilter {
    /// Compiles the globs; a bad glob is a usage error.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Self, BatchError> {
        let include = if include.is_empty() {
            None
        } else {
            Some(build_globset(include)?)
        };
        Ok(PathFilter {
            include,
            exclude: build_globset(exclude)?,
        })
    }

    /// Whether a relative path passes the filter. A glob without `/` also matches the file
    /// name alone, so `--include '*.html'` means what it says at any depth.
    pub fn accepts(&self, relative: &Path) -> bool {
        let name = relative.file_name().map(Path::new);
        let matches =
            |set: &GlobSet| set.is_match(relative) || name.is_some_and(|n| set.is_match(n));
        if matches(&self.exclude) {
            return false;
        }
        self.include.as_ref().is_none_or(matches)
    }
}

fn build_globset(globs: &[String]) -> Result<GlobSet, BatchError> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        let glob = Glob::new(glob).map_err(|err| BatchError::BadGlob {
            glob: glob.clone(),
            reason: err.kind().to_string(),
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|err| BatchError::BadGlob {
        glob: globs.join(" "),
        reason: err.to_string(),
    })
}

/// Checks that every root exists before the batch starts (a missing one is a usage error).
pub fn check_roots(roots: &[PathBuf]) -> Result<(), BatchError> {
    for root in roots {
        if std::fs::metadata(root).is_err() && std::fs::symlink_metadata(root).is_err() {
            return Err(BatchError::MissingInput(root.clone()));
        }
    }
    Ok(())
}

/// The inputs under the roots, lazily. Walk errors (an unreadable folder) come out as
/// inputs with an `error`, so they end as failed records rather than vanish.
pub fn walk_inputs(
    roots: Vec<PathBuf>,
    options: WalkOptions,
) -> Result<impl Iterator<Item = Input> + Send, BatchError> {
    let filter = PathFilter::new(&options.include, &options.exclude)?;
    let skip_dir = options
        .skip_dir
        .as_ref()
        .and_then(|dir| std::fs::canonicalize(dir).ok());
    let follow_links = options.follow_links;
    Ok(roots
        .into_iter()
        .flat_map(move |root| walk_root(root, follow_links, filter.clone(), skip_dir.clone())))
}

/// Counts what [`walk_inputs`] would yield (for a progress bar's total), without reading
/// more than the first bytes of files that have no input extension.
pub fn count_inputs(roots: Vec<PathBuf>, options: WalkOptions) -> Result<u64, BatchError> {
    Ok(walk_inputs(roots, options)?.count() as u64)
}

fn walk_root(
    root: PathBuf,
    follow_links: bool,
    filter: PathFilter,
    skip_dir: Option<PathBuf>,
) -> Box<dyn Iterator<Item = Input> + Send> {
    let is_file = std::fs::metadata(&root).is_ok_and(|m| m.is_file());
    if is_file {
        // A file named on the command line is always taken.
        let relative = root
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| root.clone());
        return Box::new(std::iter::once(Input::from_path(root, relative)));
    }
    let skip_relative = skip_dir.and_then(|skip| {
        let canonical_root = std::fs::canonicalize(&root).ok()?;
        skip.strip_prefix(&canonical_root)
            .ok()
            .map(Path::to_path_buf)
    });
    let walk_root = root.clone();
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(follow_links)
        .into_iter()
        .filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            if is_hidden_name(entry.file_name()) {
                return false;
            }
            match &skip_relative {
                Some(skip) if entry.file_type().is_dir() => {
                    entry.path().strip_prefix(&walk_root).ok() != Some(skip.as_path())
                }
                _ => true,
            }
        });
    Box::new(walker.filter_map(move |entry| match entry {
        Ok(entry) => {
            if !entry.file_type().is_file() {
                return None;
            }
            let relative = entry
                .path()
                .strip_prefix(&root)
                .unwrap_or(entry.path())
                .to_path_buf();
            if !filter.accepts(&relative) || !looks_like_input(entry.path()) {
                return None;
            }
            Some(Input::from_path(entry.into_path(), relative))
        }
        Err(err) => {
            let path = err
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| root.clone());
            // A dangling link is simply not a document; other errors are reported.
            if err
                .io_error()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
            {
                return None;
            }
            let message = format!("walking {}: {err}", root.display());
            Some(Input::failed(
                path,
                Problem::new("input", "unreadable", message),
            ))
        }
    }))
}

fn is_hidden_name(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Whether a file found in a folder is an input: by extension, else by its first bytes.
pub fn looks_like_input(path: &Path) -> bool {
    if has_input_extension(path) {
        return true;
    }
    let other_data = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        OTHER_DATA_EXTENSIONS
            .iter()
            .any(|o| o.eq_ignore_ascii_case(e))
    });
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let read =
        std::fs::File::open(path).and_then(|f| f.take(SNIFF_BYTES as u64).read_to_end(&mut head));
    if read.is_err() || head.is_empty() {
        return false;
    }
    match sniff_format(&head, None) {
        Format::Pdf | Format::Html => true,
        Format::Text => !other_data && looks_like_text(&head),
    }
}

/// Readable text: no NUL bytes, few control characters, and UTF-8 (a cut multi-byte
/// character at the end allowed) or mostly ASCII (a legacy single-byte encoding).
pub fn looks_like_text(head: &[u8]) -> bool {
    if head.contains(&0) {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 50 > head.len() {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(err) if err.error_len().is_none() => true,
        Err(_) => {
            let high = head.iter().filter(|b| !b.is_ascii()).count();
            high * 5 < head.len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_matches_relative_path_and_name() {
        let cases: &[(&[&str], &[&str], &str, bool)] = &[
            (&[], &[], "a/b.html", true),
            (&["*.html"], &[], "a/b.html", true),
            (&["*.html"], &[], "a/b.txt", false),
            (&["a/**"], &[], "a/b.txt", true),
            (&["a/**"], &[], "c/b.txt", false),
            (&[], &["*.pdf"], "x/y.pdf", false),
            (&[], &["drafts/**"], "drafts/y.txt", false),
            (&["*.txt"], &["skip*"], "skip-me.txt", false),
        ];
        for (include, exclude, path, want) in cases {
            let to_strings = |g: &[&str]| g.iter().map(|s| s.to_string()).collect::<Vec<_>>();
            let filter = PathFilter::new(&to_strings(include), &to_strings(exclude)).unwrap();
            assert_eq!(
                filter.accepts(Path::new(path)),
                *want,
                "{include:?} {exclude:?} {path}"
            );
        }
    }

    #[test]
    fn bad_glob_is_an_error() {
        assert!(PathFilter::new(&["a[".to_owned()], &[]).is_err());
    }

    #[test]
    fn text_sniffing() {
        let cases: &[(&[u8], bool)] = &[
            (b"Title of a paper\nAbstract\n", true),
            ("Caf\u{e9} na\u{ef}ve".as_bytes(), true),
            (b"caf\xe9 in latin-1 text", true),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", false),
            (b"\x1f\x8b\x08\0\0\0\0\0", false),
            (&[0xff; 64], false),
        ];
        for (bytes, want) in cases {
            assert_eq!(looks_like_text(bytes), *want, "{bytes:?}");
        }
    }
}
