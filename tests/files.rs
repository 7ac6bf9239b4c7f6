//! Files and streams as the Unix tools around gmg treat them: -o replaces a regular file
//! whole and writes anything else directly, keeps links and permissions and never overwrites
//! the dataset; --data reads standard input, skips a BOM, places bad UTF-8 and refuses binary
//! at once. (What -o refuses, hard links, owners, signals: `sink.rs`; completions and the
//! manual: `docs.rs`.)

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{bin, fails, fixture, fixture_arg, gmg, stdout};

const MEMBERS_2016: &str = "acronym\nUNEP\nUNIDO\nWFP\n";

/// `gmg ARGS` run by `sh` with `umask`, in `dir`.
fn with_umask(umask: &str, dir: &std::path::Path, args: &str) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec '{}' {args}", bin()))
        .current_dir(dir)
        .env_remove("GMG_DATA")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

const ADDED: &str = "members --added 2016 --fields acronym -f csv";

#[test]
fn a_symlink_is_followed_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.csv");
    fs::write(&target, "old\n").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    let out = with_umask("022", dir.path(), &format!("{ADDED} -o link.csv"));
    assert!(out.status.success(), "{out:?}");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&target).unwrap(), MEMBERS_2016);
    // A dangling link makes its target.
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink("made.csv", &dangling).unwrap();
    let out = with_umask("022", dir.path(), &format!("{ADDED} -o dangling.csv"));
    assert!(out.status.success(), "{out:?}");
    assert!(fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(dir.path().join("made.csv")).unwrap(),
        MEMBERS_2016
    );
}

#[test]
fn permissions_are_kept_or_follow_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("kept.csv");
    fs::write(&kept, "old\n").unwrap();
    fs::set_permissions(&kept, fs::Permissions::from_mode(0o664)).unwrap();
    let out = with_umask("077", dir.path(), &format!("{ADDED} -o kept.csv"));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
        0o664
    );
    assert_eq!(fs::read_to_string(&kept).unwrap(), MEMBERS_2016);
    for (umask, mode) in [("022", 0o644), ("027", 0o640), ("002", 0o664)] {
        let name = format!("new-{umask}.csv");
        let out = with_umask(umask, dir.path(), &format!("{ADDED} -o {name}"));
        assert!(out.status.success(), "{out:?}");
        let made = fs::metadata(dir.path().join(&name)).unwrap();
        assert_eq!(made.permissions().mode() & 0o777, mode, "umask {umask}");
    }
    // No temporary file is left behind.
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_fifo_is_written_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let out = gmg()
        .args([
            "members", "--added", "2016", "--fields", "acronym", "-f", "csv", "-o",
        ])
        .arg(&fifo)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(reader.join().unwrap(), MEMBERS_2016);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn dev_stdout_is_written_not_replaced() {
    let out = gmg()
        .args([
            "members",
            "--added",
            "2016",
            "--fields",
            "acronym",
            "-f",
            "csv",
            "-o",
            "/dev/stdout",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), MEMBERS_2016);
    assert!(fs::symlink_metadata("/dev/stdout")
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_file_under_dev_shm_is_replaced_whole() {
    // Only /dev/std*, /dev/fd/* and /proc/*/fd/* are written in place; a file in a
    // memory file system under /dev is an ordinary file, replaced at once by a rename.
    let Ok(dir) = tempfile::tempdir_in("/dev/shm") else {
        eprintln!("a_file_under_dev_shm_is_replaced_whole: skipped, no /dev/shm");
        return;
    };
    let path = dir.path().join("members.csv");
    fs::write(&path, "old\n").unwrap();
    let before = fs::metadata(&path).unwrap().ino();
    let target = path.display().to_string();
    let out = gmg()
        .args([
            "members", "--added", "2016", "--fields", "acronym", "-o", &target,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), MEMBERS_2016);
    assert_ne!(
        fs::metadata(&path).unwrap().ino(),
        before,
        "written in place"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a temporary file is left"
    );
}

#[test]
fn the_dataset_being_read_is_never_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.ron");
    fs::copy(fixture("small.ron"), &data).unwrap();
    let before = fs::read(&data).unwrap();
    let link = dir.path().join("alias.ron");
    std::os::unix::fs::symlink(&data, &link).unwrap();
    let (data_arg, link_arg) = (data.display().to_string(), link.display().to_string());
    for output in [&data_arg, &link_arg] {
        let stderr = fails(
            &["events", "--data", &data_arg, "-o", output, "-f", "csv"],
            2,
        );
        assert_eq!(
            stderr,
            format!("error: '--output {output}' is the dataset being read ('--data {data_arg}'): writing it would destroy the dataset\n")
        );
    }
    let out = gmg()
        .args(["statements", "-f", "json", "-o", &data_arg])
        .env("GMG_DATA", &link_arg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(fs::read(&data).unwrap(), before);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn standard_input_and_a_byte_order_mark() {
    let small = fs::read(fixture("small.ron")).unwrap();
    for text in [small.clone(), [b"\xEF\xBB\xBF".as_slice(), &small].concat()] {
        let out = gmg()
            .args(["--data", "-", "members", "--fields", "acronym", "-f", "csv"])
            .write_stdin(text)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            "acronym\nFAO\nWFP\n"
        );
    }
    // Standard input is named as such in problems.
    let out = gmg()
        .args(["--data", "-", "events"])
        .write_stdin("Dataset(report: 1)")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().starts_with(
        "error: 1 problem in standard input\n  standard input:1:17: expected a record"
    ));
}

#[test]
fn invalid_utf8_is_placed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    let small = fs::read_to_string(fixture("small.ron")).unwrap();
    let bytes = small
        .replacen("New York", "Gen\u{e8}ve", 1)
        .replace('\u{e8}', "\u{1}")
        .into_bytes()
        .into_iter()
        .map(|b| if b == 1 { 0xE8 } else { b })
        .collect::<Vec<u8>>();
    fs::write(&path, bytes).unwrap();
    let name = path.display().to_string();
    assert_eq!(
        fails(&["validate", &name], 1),
        format!("error: 1 problem in {name}\n  {name}:20:27: byte 0xE8 is not UTF-8; a dataset must be UTF-8 text\n")
    );
}

#[test]
fn binary_sources_are_refused_at_once_in_little_memory() {
    // Under a 400 MB address-space limit: reading all of /dev/zero would need more.
    for (source, problem) in [
        (
            "/dev/zero",
            "/dev/zero:1:1: a NUL byte: this is binary data, not a RON dataset",
        ),
        ("/dev/urandom", "is not UTF-8; a dataset must be UTF-8 text"),
    ] {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 409600; exec '{}' --data {source} events",
                bin()
            ))
            .env_remove("GMG_DATA")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A guard against hanging (reading all of /dev/zero would never end), not a timing.
        let waited = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if waited.elapsed() > Duration::from_secs(60) {
                child.kill().unwrap();
                panic!("{source}: still reading after a minute");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let stderr = common::stderr_of(&mut child);
        assert_eq!(status.code(), Some(1), "{source}: {stderr}");
        assert!(stderr.contains(problem), "{source}: {stderr}");
        // The place may vary for random bytes, but is always there.
        assert!(stderr.starts_with(&format!("error: 1 problem in {source}\n  {source}:")));
    }
}

#[test]
fn directories_missing_and_unreadable_files_are_named_with_the_cause() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().display().to_string();
    assert_eq!(
        fails(&["events", "--data", &name], 1),
        format!("error: cannot read dataset {name}: it is a directory\n")
    );
    assert_eq!(
        fails(&["events", "--data", "no/such.ron"], 1),
        "error: cannot read dataset no/such.ron: no such file or directory\n"
    );
    // A socket cannot be opened for reading, whoever runs the test (root included).
    let socket = dir.path().join("data.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let name = socket.display().to_string();
    assert_eq!(
        fails(&["events", "--data", &name], 1),
        format!("error: cannot read dataset {name}: No such device or address (os error 6)\n")
    );
}

#[test]
fn arguments_people_type() {
    // A negative month is a bad month, named as such, however it is written.
    for args in [&["events", "--month", "-1"][..], &["events", "--month=-1"]] {
        assert_eq!(
            fails(args, 2).lines().next().unwrap(),
            "error: invalid value '-1' for '--month <M>': expected 1-12 or a month name such as 'mar' (a month of the report's year), or YYYY-MM"
        );
    }
    // Values in any case.
    assert_eq!(
        stdout(&[
            "events",
            "--kind",
            "SUMMIT,Gfmd-Summit",
            "--fields",
            "ID",
            "-f",
            "Csv",
            "--year",
            "2016"
        ]),
        "id\nun-summit-2016-09-19\ngfmd-summit-2016\n"
    );
    // Options that do not apply to the format are refused, not ignored.
    for (option, format) in [
        ("--bom", "json"),
        ("--csv-safe", "table"),
        ("--csv-safe", "markdown"),
    ] {
        assert_eq!(
            fails(&["members", option, "-f", format], 2),
            format!("error: '{option}' cannot be used with '--format {format}': it applies to csv and tsv only\n")
        );
    }
    assert_eq!(
        fails(&["members", "--no-header", "-f", "json"], 2),
        "error: '--no-header' cannot be used with '--format json': only csv and tsv have a header row to leave out\n"
    );
    assert_eq!(
        fails(&["members", "--limit", "99999999999999999999999"], 2).lines().next().unwrap(),
        format!("error: invalid value '99999999999999999999999' for '--limit <N>': the number is too large: a limit is at most {}", usize::MAX)
    );
}

#[test]
fn validation_of_the_header_sections_and_ids_across_collections() {
    let small = fs::read_to_string(fixture("small.ron")).unwrap();
    let check = |from: &str, to: &str| -> Vec<String> {
        let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
        fs::write(file.path(), small.replacen(from, to, 1)).unwrap();
        let name = file.path().display().to_string();
        fails(&["validate", &name], 1)
            .lines()
            .skip(1)
            .map(|l| l.trim_start().strip_prefix(&name).unwrap().to_string())
            .collect()
    };
    assert_eq!(
        check("year: 2016", "year: 20160"),
        [":4:13: report 'Test report': year 20160 is not a plausible year for a report (expected 1945 to 2100)"]
    );
    assert_eq!(
        check("end: \"2016-12-31\"", "end: \"2015-12-31\""),
        [":4:13: report 'Test report': end 2015-12-31 is before start 2016-01-01"]
    );
    assert_eq!(
        check("section: \"II.3\"", "section: \"II.7\""),
        [":13:9: event 'retreat': section 'II.7' is not a section of the report; the sections are: I, II.1, II.2, II.3, II.4, II.5, II.6, III, IV, Annex A, Annex B.1, Annex B.2, Annex B.3, Annex B.4, Annex B.5, Annex C, Annex D, Endnote i, Endnote ii"]
    );
    assert_eq!(
        check("Handover(id: \"h1\"", "Handover(id: \"IDM\""),
        [":52:9: handover item 'IDM': id is also the id of an event; ids are unique across the dataset"]
    );
    assert_eq!(
        check("acronym: \"FAO\"", "acronym: \"st1\""),
        [":49:9: member 'st1': id is also the id of a statement; ids are unique across the dataset"]
    );
    // The embedded dataset passes.
    assert!(stdout(&["validate"]).starts_with("ok: "));
    let _ = fixture_arg("small.ron");
}
