//! Output: records written as JSON files (atomically: temporary file, then rename) or as
//! JSON Lines.

use crate::record::Record;
use std::io::{self, Write};
use std::path::Path;

/// Writes a record as pretty JSON to `path`, atomically: a temporary file in the same
/// folder, flushed and synced, then renamed over the target.
pub fn write_record_atomically(path: &Path, record: &Record) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(record).map_err(io::Error::other)?;
    write_bytes_atomically(path, &json)
}

/// Writes bytes to `path` through a temporary file and a rename.
pub fn write_bytes_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "record".to_owned());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.write_all(b"\n")?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
