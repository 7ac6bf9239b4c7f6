//! Where a dataset's text comes from, and reading it as a file from anyone may need: the
//! embedded text, a file, or standard input (`--data -`). A source that does not begin like
//! RON text (a NUL byte, binary noise, /dev/zero) is refused after its first 64 KiB, without
//! reading the rest; no source may be larger than [`MAX_BYTES`]; a UTF-8 byte order mark is
//! skipped, and text that is not UTF-8 is refused with the line and column of its first bad
//! byte.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::check::Problems;
use super::{EMBEDDED, EMBEDDED_NAME};

/// The largest dataset gmg reads: 2 GiB. A dataset of a million statements is 1.3 GB.
pub const MAX_BYTES: u64 = 2 << 30;

/// How much of a source is looked at before deciding that it is not RON text at all.
const SNIFF_BYTES: usize = 64 << 10;

/// Where a dataset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    /// `--data -`.
    Stdin,
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => f.write_str(EMBEDDED_NAME),
            Origin::Stdin => f.write_str("standard input"),
            Origin::File(path) => f.write_str(&crate::text::path(path)),
        }
    }
}

impl Origin {
    /// The origin `--data` (or `GMG_DATA`) names: none is the embedded dataset, `-` is
    /// standard input.
    pub fn from_option(path: Option<&Path>) -> Origin {
        match path {
            None => Origin::Embedded,
            Some(p) if p.as_os_str() == "-" => Origin::Stdin,
            Some(p) => Origin::File(p.to_path_buf()),
        }
    }
}

/// Reads the RON text of a dataset. A file's text is kept for the rest of the run (leaked,
/// which a command-line run can afford): the dataset borrows its strings from it rather
/// than copying each one, which makes loading a large file faster and smaller (see README:
/// Performance).
pub fn read(origin: &Origin) -> anyhow::Result<&'static str> {
    let bytes = match origin {
        Origin::Embedded => return Ok(EMBEDDED),
        Origin::Stdin => {
            let size = stdin_size();
            if size > MAX_BYTES {
                anyhow::bail!(
                    "cannot read dataset {origin}: it is {size} bytes, and gmg reads datasets of at most {MAX_BYTES} bytes (2 GiB)"
                );
            }
            read_from(io::stdin().lock(), size, MAX_BYTES, origin)?
        }
        Origin::File(path) => {
            let (file, size) = open(path)?;
            read_from(file, size, MAX_BYTES, origin)?
        }
    };
    Ok(text(bytes, origin)?.leak())
}

/// Opens a dataset file, with its size (0 when it has none, as a FIFO), or says plainly why
/// it cannot be read.
fn open(path: &Path) -> anyhow::Result<(File, u64)> {
    let failed = |cause: &dyn fmt::Display| {
        anyhow::anyhow!("cannot read dataset {}: {cause}", crate::text::path(path))
    };
    let metadata = std::fs::metadata(path).map_err(|e| failed(&cause(&e)))?;
    if metadata.is_dir() {
        return Err(failed(&"it is a directory"));
    }
    if metadata.is_file() && metadata.len() > MAX_BYTES {
        return Err(failed(&format!(
            "it is {} bytes, and gmg reads datasets of at most {MAX_BYTES} bytes (2 GiB)",
            metadata.len()
        )));
    }
    let file = File::open(path).map_err(|e| failed(&cause(&e)))?;
    Ok((
        file,
        if metadata.is_file() {
            metadata.len()
        } else {
            0
        },
    ))
}

/// What went wrong, in the words people use.
fn cause(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

/// Reads a source whole, unless its first bytes show it is not a RON text, or it is larger
/// than `max` bytes ([`MAX_BYTES`]), which is found while reading: no more than `max + 1`
/// bytes are ever read, and the text is never copied to a larger buffer, which would hold
/// its old and its new room at once (a buffer grown by doubling held up to twice a stream).
/// `size` is the size a file says it has: it is read into that much room at once. A stream
/// (`size` 0) is read into room for `max + 1` bytes, reserved as address space only: the
/// kernel gives memory to the pages read into, no more. Where that much cannot be reserved
/// (a 32-bit system, a strict memory limit) it is read in chunks (see [`in_chunks`]).
fn read_from(
    mut source: impl Read,
    size: u64,
    max: u64,
    origin: &Origin,
) -> anyhow::Result<Vec<u8>> {
    let failed = |e: io::Error| anyhow::anyhow!("cannot read dataset {origin}: {}", cause(&e));
    let room = if size > 0 {
        size.min(max) as usize + 1
    } else {
        SNIFF_BYTES
    };
    let mut bytes = Vec::with_capacity(room);
    (&mut source)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    let complete = bytes.len() < SNIFF_BYTES;
    sniff(&bytes, complete, origin)?;
    if complete {
        return Ok(bytes);
    }
    let mut rest = source.take((max + 1).saturating_sub(bytes.len() as u64));
    let reserved = size > 0
        || usize::try_from(max + 1)
            .is_ok_and(|all| bytes.try_reserve_exact(all - bytes.len()).is_ok());
    let bytes = if reserved {
        rest.read_to_end(&mut bytes).map_err(failed)?;
        bytes
    } else {
        in_chunks(bytes, &mut rest).map_err(failed)?
    };
    if bytes.len() as u64 > max {
        anyhow::bail!(
            "cannot read dataset {origin}: it is larger than {}, the most gmg reads",
            in_bytes(max)
        );
    }
    Ok(bytes)
}

/// `first` and the rest of a stream, read in chunks of [`CHUNK_BYTES`] and then moved into
/// one buffer of their size, each chunk freed as it moves: the peak is the stream's size
/// and a chunk, where a buffer grown by doubling copied itself.
fn in_chunks(first: Vec<u8>, rest: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut total = first.len();
    let mut chunks = vec![first];
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_BYTES);
        let read = rest.take(CHUNK_BYTES as u64).read_to_end(&mut chunk)?;
        if read == 0 {
            break;
        }
        total += read;
        chunks.push(chunk);
    }
    if chunks.len() == 1 {
        return Ok(chunks.swap_remove(0));
    }
    let mut bytes = Vec::with_capacity(total);
    for chunk in chunks {
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// A limit in words: "2147483648 bytes (2 GiB)".
fn in_bytes(max: u64) -> String {
    if max >= 1 << 30 && max % (1 << 30) == 0 {
        format!("{max} bytes ({} GiB)", max >> 30)
    } else {
        format!("{max} bytes")
    }
}

/// How much of a stream is read at a time where its room cannot be reserved (see
/// [`in_chunks`]).
const CHUNK_BYTES: usize = 8 << 20;

/// The size of standard input when it is a file (`gmg --data - < file`), else 0.
fn stdin_size() -> u64 {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let metadata = io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .map(File::from)
            .and_then(|file| file.metadata());
        if let Ok(metadata) = metadata {
            if metadata.is_file() {
                return metadata.len();
            }
        }
    }
    0
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Refuses, from its first bytes, a source that cannot be a RON dataset: one that holds a
/// NUL byte or is not UTF-8 there, or whose first token cannot begin RON text.
fn sniff(bytes: &[u8], complete: bool, origin: &Origin) -> Result<(), Problems> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // A character cut at the end of the first 64 KiB is not an error.
    let valid = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) if !complete && e.error_len().is_none() => {
            std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => return Err(not_utf8(body, e.valid_up_to(), origin)),
    };
    if let Some(nul) = valid.find('\0') {
        let (line, col) = place(&valid[..nul]);
        return Err(problem(
            origin,
            format!("{line}:{col}: a NUL byte: this is binary data, not a RON dataset"),
        ));
    }
    let start = valid.trim_start();
    let begins_like_ron = start.is_empty()
        || start.starts_with(['(', '#', '/'])
        || start.starts_with(|c: char| c.is_ascii_alphabetic());
    if !begins_like_ron {
        let (line, col) = place(&valid[..valid.len() - start.len()]);
        let first = start.chars().next().map(String::from).unwrap_or_default();
        return Err(problem(
            origin,
            format!(
                "{line}:{col}: expected a RON dataset (`Dataset(`, `(` or `#![enable(…)]`), found `{}`",
                crate::text::Echo(&first)
            ),
        ));
    }
    Ok(())
}

/// The text of a source: its bytes as UTF-8, with a byte order mark dropped.
fn text(mut bytes: Vec<u8>, origin: &Origin) -> Result<String, Problems> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        not_utf8(e.as_bytes(), at, origin)
    })
}

/// The problem of text that stops being UTF-8 at byte `at`.
fn not_utf8(bytes: &[u8], at: usize, origin: &Origin) -> Problems {
    let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let (line, col) = place(before);
    problem(
        origin,
        format!(
            "{line}:{col}: byte 0x{:02X} is not UTF-8; a dataset must be UTF-8 text",
            bytes[at]
        ),
    )
}

/// The line and column (from 1, in characters) just after `before`.
fn place(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

fn problem(origin: &Origin, message: String) -> Problems {
    Problems {
        origin: origin.to_string(),
        list: vec![message],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(bytes: &[u8], complete: bool) -> Result<(), String> {
        sniff(bytes, complete, &Origin::Stdin).map_err(|p| p.list.join("\n"))
    }

    #[test]
    fn ron_text_passes_and_binary_does_not() {
        assert_eq!(
            sniffed(b"#![enable(implicit_some)]\nDataset(", true),
            Ok(())
        );
        assert_eq!(sniffed(b"\xEF\xBB\xBF  // a comment\n(", true), Ok(()));
        assert_eq!(sniffed(b"", true), Ok(()));
        assert_eq!(
            sniffed(&[0; 64], false),
            Err("1:1: a NUL byte: this is binary data, not a RON dataset".to_string())
        );
        assert_eq!(
            sniffed(b"\n  \xFF\xFE", false),
            Err("2:3: byte 0xFF is not UTF-8; a dataset must be UTF-8 text".to_string())
        );
        assert_eq!(
            sniffed(b"{\"report\": 1}", true),
            Err(
                "1:1: expected a RON dataset (`Dataset(`, `(` or `#![enable(…)]`), found `{`"
                    .to_string()
            )
        );
        // A character cut by the end of the first 64 KiB is fine when more follows.
        assert_eq!(sniffed("(é".as_bytes().split_at(2).0, false), Ok(()));
    }

    /// An endless stream of RON-looking text, handed out a little at a time as a pipe does,
    /// that counts what was read of it.
    struct Endless {
        read: u64,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(4096);
            buf[..n].fill(b' ');
            if self.read == 0 {
                buf[0] = b'(';
            }
            self.read += n as u64;
            Ok(n)
        }
    }

    #[test]
    fn the_limit_is_found_while_reading_a_stream() {
        let max = 3 * CHUNK_BYTES as u64 + 12_345;
        let mut endless = Endless { read: 0 };
        let error = read_from(&mut endless, 0, max, &Origin::Stdin).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("cannot read dataset standard input: it is larger than {max} bytes, the most gmg reads")
        );
        // One byte past the limit, and not a byte more, was read.
        assert_eq!(endless.read, max + 1);
        // A file that says it is small but grows while it is read is stopped alike.
        let mut endless = Endless { read: 0 };
        assert!(read_from(&mut endless, 100, max, &Origin::Stdin).is_err());
        assert_eq!(endless.read, max + 1);
        assert_eq!(in_bytes(MAX_BYTES), "2147483648 bytes (2 GiB)");
    }

    /// A reader that hands out at most 5,000 bytes at a time, as a pipe does.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(5000).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_stream_is_read_whole_into_one_buffer_never_grown() {
        let text: Vec<u8> = std::iter::once(b'(')
            .chain(std::iter::repeat_n(b' ', 2 * CHUNK_BYTES + 777))
            .chain(*b")")
            .collect();
        // Into room reserved for the most it may hold: the buffer never moves.
        let bytes = read_from(Trickle(&text), 0, MAX_BYTES, &Origin::Stdin).unwrap();
        assert!(bytes == text);
        assert_eq!(bytes.capacity() as u64, MAX_BYTES + 1);
        // In chunks, where that room cannot be had: one buffer of the stream's size.
        let (first, rest) = text.split_at(SNIFF_BYTES);
        let bytes = in_chunks(first.to_vec(), &mut Trickle(rest)).unwrap();
        assert!(bytes == text);
        assert_eq!(
            bytes.capacity(),
            text.len(),
            "no room beyond the stream's size"
        );
        // A file is read into room of the size it says it has (and a byte to see its end).
        let bytes = read_from(Trickle(&text), text.len() as u64, MAX_BYTES, &Origin::Stdin);
        assert_eq!(bytes.unwrap().capacity(), text.len() + 1);
    }

    #[test]
    fn the_bom_is_dropped_and_bad_utf8_is_placed() {
        assert_eq!(
            text(b"\xEF\xBB\xBF(x)".to_vec(), &Origin::Stdin).unwrap(),
            "(x)"
        );
        let bad = text(b"(\n  a: \"\xC3(\"".to_vec(), &Origin::Stdin).unwrap_err();
        assert_eq!(
            bad.list,
            ["2:7: byte 0xC3 is not UTF-8; a dataset must be UTF-8 text"]
        );
    }
}
