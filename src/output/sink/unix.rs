//! The `-o` sink on Unix: which file a path leads to, whether the shell's `>` could write it,
//! and replacing it without leaving anything behind.
//!
//! - Symlinks are followed one by one, and only where the kernel's protected-symlinks rule
//!   would follow them: in a sticky, world-writable directory (/tmp), a link is followed only
//!   if it belongs to the user or to the directory's owner.
//! - A path that leads, by any spelling, to the file standard output or standard error
//!   already is (device and inode, as `fstat` sees the stream) is written through that
//!   stream. A path through a process's open descriptors (`/proc/PID/fd/N`, so `/dev/fd/N`)
//!   and anything that is not a regular file is opened and written as it is.
//! - An existing regular file is replaced only if the user may write it (`access(2)` with
//!   the effective ids, as `open` decides for `>`); the new file keeps its owner and group
//!   where the process may give them, and its permission bits less setuid, setgid and
//!   sticky. A file with other hard links, or in a directory that cannot be written, is
//!   written in place instead, as `>` would.
//! - The temporary file is unnamed where Linux allows it (O_TMPFILE, linked in only when
//!   complete), so even SIGKILL leaves nothing; elsewhere it is a named `.gmg-*.part` file
//!   that SIGINT, SIGTERM and SIGHUP remove. An interrupted run exits 128 + the signal.

use std::fs::{self, File, Metadata, OpenOptions, Permissions};
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use anyhow::Context;
use rustix::fs::{Access, AtFlags, Gid, Uid, CWD};
use tempfile::TempPath;

use super::Sink;

/// Opens `path` for writing (see the module's documentation for what it decides).
pub fn open(path: &Path) -> anyhow::Result<Sink> {
    let shown = crate::text::path(path);
    let failed = |what: &str| format!("cannot {what} {shown}");
    let found = resolve(path, &shown)?;
    // The kernel's own answer, through every link and spelling.
    let existing = match fs::metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == io::ErrorKind::NotFound && !found.through_descriptors => None,
        Err(e) => return Err(e).with_context(|| failed("write")),
    };
    if let Some(existing) = &existing {
        if existing.is_dir() {
            anyhow::bail!("cannot write {shown}: it is a directory");
        }
        for stream in [io::stdout().as_fd(), io::stderr().as_fd()] {
            if let Some(file) = same_as_stream(existing, stream) {
                return Ok(Sink::Direct { file, shown });
            }
        }
        if !existing.is_file() || found.through_descriptors {
            let file = OpenOptions::new()
                .append(true)
                .open(path)
                .with_context(|| failed("open"))?;
            return Ok(Sink::Direct { file, shown });
        }
    }
    let target = found.path;
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        anyhow::bail!(
            "cannot write {shown}: there is no directory {}",
            crate::text::path(dir)
        );
    }
    let dir_writable = rustix::fs::accessat(
        CWD,
        dir,
        Access::WRITE_OK | Access::EXEC_OK,
        AtFlags::EACCESS,
    )
    .map_err(io::Error::from);
    if let Some(existing) = &existing {
        rustix::fs::accessat(CWD, &target, Access::WRITE_OK, AtFlags::EACCESS)
            .map_err(io::Error::from)
            .with_context(|| failed("write"))?;
        if existing.nlink() > 1 || dir_writable.is_err() {
            // Not truncated yet: that waits until all the output is ready.
            let file = OpenOptions::new()
                .write(true)
                .open(&target)
                .with_context(|| failed("write"))?;
            handle_signals();
            return Ok(Sink::in_place(file, shown));
        }
    }
    dir_writable
        .with_context(|| format!("cannot create a file in {}", crate::text::path(dir)))
        .with_context(|| failed("write"))?;
    let temp = Temp::create(dir, target.clone(), existing.as_ref())
        .with_context(|| failed("create a temporary file beside"))?;
    Ok(Sink::Replace { temp, shown })
}

/// Whether the file `-o` names is the dataset being read (`--data FILE`, or `--data -` and
/// the file on standard input): the same regular file, by device and inode. Writing to the
/// same terminal or pipe destroys nothing, and is not refused.
pub fn same_file(output: &Path, data: &Path) -> bool {
    let data = if data.as_os_str() == "-" {
        stream_metadata(io::stdin().as_fd())
    } else {
        fs::metadata(data).ok()
    };
    match (fs::metadata(output), data) {
        (Ok(a), Some(b)) => a.is_file() && b.is_file() && a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// The metadata of the file a standard stream is open on.
fn stream_metadata(stream: BorrowedFd<'_>) -> Option<Metadata> {
    File::from(stream.try_clone_to_owned().ok()?)
        .metadata()
        .ok()
}

/// The stream itself (a duplicate of its descriptor, sharing its offset and its append mode)
/// when it is open on the file `existing` describes.
fn same_as_stream(existing: &Metadata, stream: BorrowedFd<'_>) -> Option<File> {
    let open = stream_metadata(stream)?;
    if open.dev() != existing.dev() || open.ino() != existing.ino() {
        return None;
    }
    stream.try_clone_to_owned().ok().map(File::from)
}

/// Where a path leads once the symlinks of its last part are followed.
struct Resolved {
    /// The file to replace (the links that lead to it stay links).
    path: PathBuf,
    /// Reached through a process's open descriptors (`/proc/PID/fd/N`): a file someone has
    /// open, to be written as it is, not replaced.
    through_descriptors: bool,
}

/// `path` with the symlinks of its last part followed, each only where the kernel's
/// protected-symlinks rule would follow it. (The links of the directories on the way are
/// the kernel's to follow, and to protect.)
fn resolve(path: &Path, shown: &str) -> anyhow::Result<Resolved> {
    let euid = rustix::process::geteuid().as_raw();
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        let link = match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => m,
            _ => {
                return Ok(Resolved {
                    path,
                    through_descriptors: false,
                })
            }
        };
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let failed = || format!("cannot follow the link {}", crate::text::path(&path));
        let holder = fs::metadata(dir).with_context(failed)?;
        let sticky_and_shared = holder.mode() & 0o1002 == 0o1002;
        if sticky_and_shared && link.uid() != euid && link.uid() != holder.uid() {
            anyhow::bail!(
                "cannot write {shown}: the symlink {} is in {}, a sticky directory anyone may \
                 write, and belongs to uid {}, neither you nor the directory's owner; \
                 following it would write a file someone else chose",
                crate::text::path(&path),
                crate::text::path(dir),
                link.uid()
            );
        }
        if holds_descriptors(dir) {
            return Ok(Resolved {
                path,
                through_descriptors: true,
            });
        }
        let to = fs::read_link(&path).with_context(failed)?;
        path = if to.is_relative() { dir.join(to) } else { to };
    }
    anyhow::bail!("cannot follow the link {shown}: too many levels of symbolic links")
}

/// Whether `dir` is a process's table of open descriptors (`/proc/PID/fd`), whose links
/// are not paths but the open files themselves.
fn holds_descriptors(dir: &Path) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        const PROC_SUPER_MAGIC: i64 = 0x9fa0;
        let Ok(fs) = rustix::fs::statfs(dir) else {
            return false;
        };
        // f_type is an i64 here, an i32 or u32 on other architectures.
        #[allow(clippy::unnecessary_cast)]
        let f_type = fs.f_type as i64;
        f_type == PROC_SUPER_MAGIC
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        fs::canonicalize(dir)
            .is_ok_and(|dir| dir.starts_with("/proc") || dir == Path::new("/dev/fd"))
    }
}

/// A new file beside the one it replaces.
pub struct Temp {
    file: File,
    /// A named temporary file's name; `None` for an unnamed one (O_TMPFILE).
    name: Option<TempPath>,
    dir: PathBuf,
    target: PathBuf,
}

impl Temp {
    /// Creates the temporary file in `dir` with the owner, group and permission bits of
    /// `existing` (setuid, setgid and sticky left off), or, for a new file, with 0666 less
    /// the umask, as open(2) makes any file.
    fn create(dir: &Path, target: PathBuf, existing: Option<&Metadata>) -> io::Result<Temp> {
        // In place before the temporary file exists, so that an interrupt at any moment
        // finds it to remove (it waits on this lock).
        let mut pending = pending();
        handle_signals();
        let (file, name) = match unnamed(dir) {
            Some(file) => (file, None),
            None => {
                let (file, name) = tempfile::Builder::new()
                    .prefix(".gmg-")
                    .suffix(".part")
                    .permissions(Permissions::from_mode(0o666))
                    .tempfile_in(dir)?
                    .into_parts();
                *pending = Some(name.to_path_buf());
                (file, Some(name))
            }
        };
        drop(pending);
        let temp = Temp {
            file,
            name,
            dir: dir.to_path_buf(),
            target,
        };
        if let Some(existing) = existing {
            keep_owner(&temp.file, existing)?;
            let mode = rustix::fs::Mode::from_raw_mode(existing.mode() & 0o777);
            rustix::fs::fchmod(&temp.file, mode)?;
        }
        Ok(temp)
    }

    /// The file to write the output to.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// Renames the complete file over the target. An unnamed file is first linked into its
    /// directory under a temporary name: Linux cannot link a file over another.
    pub fn persist(mut self) -> io::Result<()> {
        let mut pending = pending();
        let done = match self.name.take() {
            Some(name) => name.persist(&self.target).map_err(|e| e.error),
            None => {
                let open = format!("/proc/self/fd/{}", self.file.as_raw_fd());
                tempfile::Builder::new()
                    .prefix(".gmg-")
                    .suffix(".part")
                    .make_in(&self.dir, |name| {
                        rustix::fs::linkat(CWD, &open, CWD, name, AtFlags::SYMLINK_FOLLOW)
                            .map_err(io::Error::from)
                    })
                    .and_then(|linked| linked.persist(&self.target).map_err(|e| e.error))
            }
        };
        *pending = None;
        drop(pending);
        done
    }
}

impl Drop for Temp {
    /// A named temporary file not put into place is removed, and no longer pending.
    fn drop(&mut self) {
        let mut pending = pending();
        drop(self.name.take());
        *pending = None;
    }
}

/// An unnamed file in `dir` (Linux's O_TMPFILE), where the file system allows it and
/// /proc is there to link it by; `None` otherwise.
fn unnamed(dir: &Path) -> Option<File> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::TMPFILE | OFlags::RDWR | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(CWD, dir, flags, Mode::from_raw_mode(0o666)).ok()?;
        let file = File::from(fd);
        fs::metadata(format!("/proc/self/fd/{}", file.as_raw_fd())).ok()?;
        Some(file)
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        let _ = dir;
        None
    }
}

/// Gives `file` the owner and group of `existing`, or the group alone, or neither, as far as
/// the process may (only root may give a file away).
fn keep_owner(file: &File, existing: &Metadata) -> io::Result<()> {
    let (uid, gid) = (Uid::from_raw(existing.uid()), Gid::from_raw(existing.gid()));
    let refused = |e: rustix::io::Errno| {
        if e == rustix::io::Errno::PERM {
            Ok(())
        } else {
            Err(io::Error::from(e))
        }
    };
    match rustix::fs::fchown(file, Some(uid), Some(gid)) {
        Err(rustix::io::Errno::PERM) => rustix::fs::fchown(file, None, Some(gid)).or_else(refused),
        done => done.or_else(refused),
    }
}

/// The named temporary file being written or linked, for the signal handler to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

fn pending() -> MutexGuard<'static, Option<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// On SIGINT, SIGTERM or SIGHUP, removes the pending temporary file and exits 128 + the
/// signal's number, as a shell reports an interrupted command.
fn handle_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                if let Some(path) = pending().take() {
                    let _ = fs::remove_file(path);
                }
                std::process::exit(crate::exit::after_signal(signal));
            }
        });
    });
}
