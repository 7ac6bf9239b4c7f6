//! -o never does what the shell's `>` would refuse or regret: the file standard output already
//! is, however it is spelled, is written through it; a file the user cannot write is
//! refused; owners are kept, setuid is not carried, hard links stay linked; a symlink planted
//! in a sticky directory is not followed; a killed run leaves nothing, and an interrupted
//! one exits 128 + the signal. The permission cases run gmg as `nobody` (setpriv) when the
//! tests run as root, and say so when they skip.
#![cfg(target_os = "linux")]

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{bin, gmg};

const MEMBERS_2016: &str = "acronym\nUNEP\nUNIDO\nWFP\n";
const ADDED: &str = "members --added 2016 --fields acronym -f csv";

/// `script` run by `sh` in `dir`, with `$GMG` the gmg binary.
fn shell(dir: &Path, script: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("GMG", bin())
        .env_remove("GMG_DATA")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// gmg as `nobody`, in `dir`.
fn nobody(dir: &Path) -> Command {
    let mut cmd = Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", &bin()])
        .current_dir(dir)
        .env_remove("GMG_DATA")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    cmd
}

/// Whether gmg can run as `nobody` in `dir` (the tests run as root, setpriv is there, and
/// nobody may run the binary); if not, says so.
fn can_run_as_nobody(test: &str, dir: &Path) -> bool {
    if !is_root() {
        eprintln!("{test}: skipped (needs root to run gmg as another user)");
        return false;
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    match nobody(dir).arg("--version").output() {
        Ok(out) if out.status.success() => true,
        Ok(out) => {
            eprintln!(
                "{test}: skipped (nobody cannot run {}: {})",
                bin(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
            false
        }
        Err(e) => {
            eprintln!("{test}: skipped (no setpriv: {e})");
            false
        }
    }
}

/// gmg as `nobody` in `dir`, with `ADDED` and then `args`.
fn run(dir: &Path, args: &[&str]) -> Output {
    nobody(dir)
        .args(ADDED.split(' '))
        .args(args)
        .output()
        .unwrap()
}

fn chown(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(uid)).unwrap();
}

#[test]
fn the_file_standard_output_is_appended_to_however_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.txt");
    std::os::unix::fs::symlink("/dev/stdout", dir.path().join("out.csv")).unwrap();
    fs::write(&log, "old\n").unwrap();
    fs::hard_link(&log, dir.path().join("alias.csv")).unwrap();
    let inode = fs::metadata(&log).unwrap().ino();
    let mut expected = String::from("old\n");
    for name in [
        "/dev/stdout",
        "//dev/stdout",
        "/dev/./stdout",
        "/dev/../dev/stdout",
        "/proc/self/fd/1",
        "out.csv",
        "alias.csv",
    ] {
        let out = shell(
            dir.path(),
            &format!("\"$GMG\" {ADDED} -o {name} >> log.txt"),
        );
        assert_ok(&out);
        expected.push_str(MEMBERS_2016);
        assert_eq!(fs::read_to_string(&log).unwrap(), expected, "-o {name}");
        assert_eq!(fs::metadata(&log).unwrap().ino(), inode, "-o {name}");
    }
    assert!(fs::symlink_metadata(dir.path().join("out.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
    // Written through standard output itself: what the shell writes before and after stays.
    let out = shell(
        dir.path(),
        &format!("{{ echo a; \"$GMG\" {ADDED} -o //dev/stdout; echo b; }} > log.txt"),
    );
    assert_ok(&out);
    assert_eq!(
        fs::read_to_string(&log).unwrap(),
        format!("a\n{MEMBERS_2016}b\n")
    );
    // Standard error, and a descriptor of the shell's.
    let out = shell(
        dir.path(),
        &format!("\"$GMG\" {ADDED} -o /dev/./stderr 2>> log.txt; \"$GMG\" {ADDED} -o /dev/fd/3 3>> log.txt"),
    );
    assert_ok(&out);
    assert_eq!(
        fs::read_to_string(&log).unwrap(),
        format!("a\n{MEMBERS_2016}b\n{MEMBERS_2016}{MEMBERS_2016}")
    );
    assert_eq!(fs::metadata(&log).unwrap().ino(), inode);
    assert_eq!(names(dir.path()), ["alias.csv", "log.txt", "out.csv"]);
}

#[test]
fn the_dataset_on_standard_input_is_never_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.ron");
    fs::copy(common::fixture("small.ron"), &data).unwrap();
    let before = fs::read(&data).unwrap();
    for output in ["data.ron", "/dev/stdin", "./data.ron"] {
        let out = shell(
            dir.path(),
            &format!("\"$GMG\" events --data - -f csv -o {output} < data.ron"),
        );
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("error: '--output {output}' is the dataset being read ('--data -'): writing it would destroy the dataset\n")
        );
        assert_eq!(fs::read(&data).unwrap(), before);
    }
    // Another file is written as usual, and a pipe on standard input is no file to protect.
    let out = shell(
        dir.path(),
        "\"$GMG\" members --data - -f csv --fields acronym -o out.csv < data.ron && cat data.ron | \"$GMG\" members --data - -f csv --fields acronym -o /dev/stdout",
    );
    assert_ok(&out);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "acronym\nFAO\nWFP\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out.csv")).unwrap(),
        "acronym\nFAO\nWFP\n"
    );
}

#[test]
fn a_file_the_user_cannot_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    if !can_run_as_nobody("a_file_the_user_cannot_write_is_refused", dir.path()) {
        return;
    }
    // The directory is nobody's to write; the file, theirs too, is read-only.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let file = dir.path().join("ro.csv");
    fs::write(&file, "old\n").unwrap();
    chown(&file, 65534);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let out = run(dir.path(), &["-o", "ro.csv"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write ro.csv: Permission denied (os error 13)\n"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(fs::read_to_string(&file).unwrap(), "old\n");
    assert_eq!(names(dir.path()), ["ro.csv"]);
}

#[test]
fn a_directory_the_user_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    if !can_run_as_nobody("a_directory_the_user_cannot_write", dir.path()) {
        return;
    }
    // root's directory, 0755: nobody may not create a file in it.
    let theirs = dir.path().join("theirs.csv");
    fs::write(&theirs, "old\n").unwrap();
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(dir.path(), &["-o", "theirs.csv"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write theirs.csv: Permission denied (os error 13)\n"
    );
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "old\n");
    let out = run(dir.path(), &["-o", "new.csv"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write new.csv: cannot create a file in .: Permission denied (os error 13)\n"
    );
    // A file anyone may write is written in place, as `>` would, and stays root's.
    let open = dir.path().join("open.csv");
    fs::write(&open, "old\n").unwrap();
    fs::set_permissions(&open, fs::Permissions::from_mode(0o666)).unwrap();
    let inode = fs::metadata(&open).unwrap().ino();
    let out = run(dir.path(), &["-o", "open.csv"]);
    assert_ok(&out);
    assert_eq!(fs::read_to_string(&open).unwrap(), MEMBERS_2016);
    let after = fs::metadata(&open).unwrap();
    assert_eq!((after.ino(), after.uid()), (inode, 0));
    // A failed run leaves it as it was (SQLite fails on the third row: abs of the smallest
    // integer overflows).
    let out = nobody(dir.path())
        .args([
            "sql",
            "select x, case when x = 3 then abs(-9223372036854775808) else 1 end as y from (select 1 as x union all select 2 union all select 3)",
            "-f",
            "csv",
            "-o",
            "open.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(fs::read_to_string(&open).unwrap(), MEMBERS_2016);
    assert_eq!(names(dir.path()), ["open.csv", "theirs.csv"]);
}

#[test]
fn setuid_and_setgid_are_not_carried_and_the_owner_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run.csv");
    fs::write(&file, "old\n").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o6755)).unwrap();
    let out = gmg()
        .args(ADDED.split(' '))
        .args(["-o", "run.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(fs::read_to_string(&file).unwrap(), MEMBERS_2016);
    assert_eq!(fs::metadata(&file).unwrap().mode() & 0o7777, 0o755);
    if !is_root() {
        eprintln!(
            "setuid_and_setgid_are_not_carried_and_the_owner_is_kept: owners skipped (not root)"
        );
        return;
    }
    // root replacing another user's file gives the new file that user's owner and group.
    let theirs = dir.path().join("theirs.csv");
    fs::write(&theirs, "old\n").unwrap();
    chown(&theirs, 65534);
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o4640)).unwrap();
    let inode = fs::metadata(&theirs).unwrap().ino();
    let out = gmg()
        .args(ADDED.split(' '))
        .args(["-o", "theirs.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(fs::read_to_string(&theirs).unwrap(), MEMBERS_2016);
    let after = fs::metadata(&theirs).unwrap();
    assert_ne!(after.ino(), inode, "replaced, not written in place");
    assert_eq!(
        (after.uid(), after.gid(), after.mode() & 0o7777),
        (65534, 65534, 0o640)
    );
}

#[test]
fn hard_links_are_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    fs::write(&a, "old\n").unwrap();
    fs::hard_link(&a, &b).unwrap();
    let inode = fs::metadata(&a).unwrap().ino();
    let out = gmg()
        .args(ADDED.split(' '))
        .args(["-o", "a.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_ok(&out);
    for name in [&a, &b] {
        assert_eq!(fs::read_to_string(name).unwrap(), MEMBERS_2016);
        let m = fs::metadata(name).unwrap();
        assert_eq!((m.ino(), m.nlink()), (inode, 2));
    }
    assert_eq!(names(dir.path()), ["a.csv", "b.csv"]);
}

#[test]
fn a_symlink_planted_in_a_sticky_directory_is_not_followed() {
    if !is_root() {
        eprintln!("a_symlink_planted_in_a_sticky_directory_is_not_followed: skipped (needs root to plant a link as another user)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o1777)).unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "secret\n").unwrap();
    let planted = dir.path().join("report.csv");
    std::os::unix::fs::symlink("victim.txt", &planted).unwrap();
    chown(&planted, 65534);
    let out = gmg()
        .args(ADDED.split(' '))
        .args(["-o", "report.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot write report.csv: the symlink report.csv is in ., a sticky directory anyone may write, and belongs to uid 65534, neither you nor the directory's owner; following it would write a file someone else chose\n"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(fs::read_to_string(&victim).unwrap(), "secret\n");
    // The user's own link, or the directory owner's, is followed.
    let own = dir.path().join("own.csv");
    std::os::unix::fs::symlink("victim.txt", &own).unwrap();
    let out = gmg()
        .args(ADDED.split(' '))
        .args(["-o", "own.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(fs::read_to_string(&victim).unwrap(), MEMBERS_2016);
    assert!(fs::symlink_metadata(&own).unwrap().file_type().is_symlink());
}

/// The file a running gmg has open in `dir` (its temporary file), by its descriptor's link.
fn open_in(pid: u32, dir: &Path) -> Option<(String, u64)> {
    let fds = fs::read_dir(format!("/proc/{pid}/fd")).ok()?;
    fds.filter_map(|fd| {
        let fd = fd.ok()?.path();
        let to = fs::read_link(&fd).ok()?;
        let size = fs::metadata(&fd).ok()?.len();
        to.starts_with(dir)
            .then(|| (to.display().to_string(), size))
    })
    .next()
}

/// Waits until the running `child` has a file open in `dir` of at least `size` bytes.
fn wait_for_file(child: &mut std::process::Child, dir: &Path, size: u64) -> String {
    let waited = Instant::now();
    loop {
        if let Some((name, len)) = open_in(child.id(), dir) {
            if len >= size {
                return name;
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("gmg ended ({status}) before it wrote {size} bytes");
        }
        assert!(
            waited.elapsed() < Duration::from_secs(60),
            "no file open in the directory"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_killed_run_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin())
        .args([
            "sql",
            "with recursive c(x) as (select 1 union all select x+1 from c limit 5000000) select x from c",
            "-f",
            "csv",
            "-o",
            "out.csv",
        ])
        .current_dir(dir.path())
        .env_remove("GMG_DATA")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let name = wait_for_file(&mut child, dir.path(), 1 << 20);
    child.kill().unwrap();
    child.wait().unwrap();
    // Unnamed temporary files (O_TMPFILE) are what makes this possible, where the file
    // system has them.
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::TMPFILE | OFlags::RDWR | OFlags::CLOEXEC;
    if rustix::fs::openat(
        rustix::fs::CWD,
        dir.path(),
        flags,
        Mode::from_raw_mode(0o600),
    )
    .is_err()
    {
        eprintln!(
            "a_killed_run_leaves_nothing_behind: skipped ({} has no unnamed temporary files)",
            dir.path().display()
        );
        return;
    }
    assert!(name.ends_with("(deleted)"), "{name}");
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn an_interrupted_run_exits_128_plus_the_signal() {
    let dir = tempfile::tempdir().unwrap();
    for (signal, code) in [("INT", 130), ("TERM", 143), ("HUP", 129)] {
        // gmg opens its output, then waits for the dataset on standard input.
        let mut child = Command::new(bin())
            .args(["events", "--data", "-", "-o", "out.csv"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        wait_for_file(&mut child, dir.path(), 0);
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let stdin = child.stdin.take();
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{signal}: {stderr}");
        assert_eq!(names(dir.path()), Vec::<String>::new(), "{signal}");
    }
}
