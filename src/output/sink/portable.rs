//! The `-o` sink where there is no Unix: a regular file is replaced by a named temporary
//! file renamed over it; anything else is opened and written as it is. The checks of
//! `unix.rs` (owners, access(2), protected symlinks, standard output by inode) have no
//! equivalent here.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context;
use tempfile::TempPath;

use super::Sink;

/// Opens `path` for writing.
pub fn open(path: &Path) -> anyhow::Result<Sink> {
    let shown = crate::text::path(path);
    let failed = |what: &str| format!("cannot {what} {shown}");
    let existing = match fs::metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| failed("write")),
    };
    if let Some(existing) = &existing {
        if existing.is_dir() {
            anyhow::bail!("cannot write {shown}: it is a directory");
        }
        if !existing.is_file() {
            let file = OpenOptions::new()
                .append(true)
                .open(path)
                .with_context(|| failed("open"))?;
            return Ok(Sink::Direct { file, shown });
        }
        if existing.permissions().readonly() {
            anyhow::bail!("cannot write {shown}: it is read-only");
        }
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot write {shown}: there is no directory {}",
            crate::text::path(dir)
        );
    }
    let (file, name) = tempfile::Builder::new()
        .prefix(".gmg-")
        .suffix(".part")
        .tempfile_in(dir)
        .with_context(|| failed("create a temporary file beside"))?
        .into_parts();
    let temp = Temp {
        file,
        name,
        target: path.to_path_buf(),
    };
    Ok(Sink::Replace { temp, shown })
}

/// Whether the file `-o` names is the dataset being read (`--data FILE`), by its canonical
/// path.
pub fn same_file(output: &Path, data: &Path) -> bool {
    match (fs::canonicalize(output), fs::canonicalize(data)) {
        (Ok(a), Ok(b)) => a == b && fs::metadata(&a).is_ok_and(|m| m.is_file()),
        _ => false,
    }
}

/// A new file beside the one it replaces.
pub struct Temp {
    file: File,
    name: TempPath,
    target: PathBuf,
}

impl Temp {
    /// The file to write the output to.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// Renames the complete file over the target.
    pub fn persist(self) -> io::Result<()> {
        drop(self.file);
        self.name.persist(&self.target).map_err(|e| e.error)
    }
}
