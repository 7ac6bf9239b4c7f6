//! The documentation gmg carries: completions offer what gmg knows, the manual has every
//! command and option and reads well on a narrow page, and both survive closed pipes and
//! full disks.

mod common;

use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

use common::{gmg, process, stdout, COLLECTIONS};

/// Runs `gmg ARGS` with standard output on `file` (e.g. /dev/full).
fn into(args: &[&str], file: &str) -> std::process::Output {
    process()
        .args(args)
        .stdout(fs::OpenOptions::new().write(true).open(file).unwrap())
        .output()
        .unwrap()
}

#[test]
fn completions_and_help_into_a_closed_pipe_or_a_full_disk() {
    for args in [
        &["completions", "zsh"][..],
        &["completions", "bash"],
        &["man"],
        &["--help"],
        &["events", "--help"],
        &["--version"],
    ] {
        let full = into(args, "/dev/full");
        assert_eq!(full.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8(full.stderr).unwrap(),
            "error: cannot write to standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
        // A pipe whose reader has gone: quiet, success.
        let mut child = process()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "{args:?}");
    }
}

#[test]
fn completions_offer_what_gmg_knows() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        for value in [
            "multi-stakeholder-meeting",
            "organizers",
            "II.3",
            "ESCAP",
            "ndjson",
            "jan",
            "tf-capacity",
            "ITC-ILO",
            "in-progress",
            "working-group",
        ] {
            assert!(script.contains(value), "{shell}: {value}");
        }
        // bash splits its word list at spaces, so it offers one-word values only;
        // zsh and fish quote the others.
        let spaced = match shell {
            "zsh" => script.contains(r"UN\ Women") && script.contains(r"Annex\ B.1"),
            _ => script.contains("UN Women") && script.contains("Annex B.1"),
        };
        assert_eq!(spaced, shell != "bash", "{shell}: values with a space");
        // fish completes no positional values; bash and zsh offer the ids to `gmg show`.
        if shell != "fish" {
            assert!(script.contains("msm-2016-06-30"), "{shell}: ids");
        }
    }
    assert!(stdout(&["completions", "BASH"]).contains("_gmg"));
    // gmg sql refuses the options that shape rows, and help hides them: so does completion.
    let bash = stdout(&["completions", "bash"]);
    let sql = bash
        .split("gmg__subcmd__sql)")
        .nth(1)
        .and_then(|rest| rest.lines().find(|l| l.trim_start().starts_with("opts=")))
        .expect("bash completes gmg sql's options");
    assert_eq!(
        sql.trim(),
        r#"opts="-f -o -h --schema --format --output --no-header --bom --csv-safe --color --data --help""#
    );
    let fish = stdout(&["completions", "fish"]);
    let sql_lines: Vec<&str> = fish
        .lines()
        .filter(|l| l.contains("__fish_gmg_using_subcommand sql"))
        .collect();
    assert!(sql_lines.iter().any(|l| l.contains("-l schema")));
    for hidden in ["fields", "sort", "reverse", "limit"] {
        assert!(
            !sql_lines
                .iter()
                .any(|l| l.contains(&format!("-l {hidden} "))),
            "fish offers gmg sql --{hidden}"
        );
    }
}

/// Every long option of every command, from its --help.
fn long_options(command: &[&str]) -> Vec<String> {
    let help = stdout(&[command, &["--help"]].concat());
    help.split_whitespace()
        .filter_map(|w| w.strip_prefix("--"))
        .map(|w| {
            w.trim_end_matches([',', '.', ']', ')', ';'])
                .split(['=', '<', ' '])
                .next()
                .unwrap()
                .to_string()
        })
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .collect()
}

#[test]
fn the_manual_has_every_command_and_option() {
    let page = stdout(&["man"]);
    for section in [
        ".SH COMMANDS",
        ".SH FORMATS",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
        ".SH EXAMPLES",
        "GMG_DATA",
        "NO_COLOR",
        "COLUMNS",
    ] {
        assert!(page.contains(section), "{section}");
    }
    let others = [
        "plan",
        "search",
        "show",
        "timeline",
        "read",
        "validate",
        "export",
        "sql",
        "completions",
        "man",
    ];
    let commands: Vec<&str> = COLLECTIONS.into_iter().chain(others).collect();
    for &command in &commands {
        assert!(
            page.contains(&format!(".SS \"gmg {command}\"")),
            "{command}"
        );
        for option in long_options(&[command]) {
            assert!(
                page.contains(&format!("\\-\\-{}", option.replace('-', "\\-"))),
                "gmg {command} --{option}"
            );
        }
    }
    // One page per command, for `man gmg-events`.
    let dir = tempfile::tempdir().unwrap();
    let out = gmg()
        .args(["man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut pages: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    let mut expected: Vec<String> = commands.iter().map(|c| format!("gmg-{c}.1")).collect();
    expected.push("gmg.1".to_string());
    expected.sort();
    assert_eq!(pages, expected);
    let events = fs::read_to_string(dir.path().join("gmg-events.1")).unwrap();
    assert!(events.contains("\n.TH GMG-EVENTS 1 "), "{events}");
    for option in long_options(&["events"]) {
        assert!(
            events.contains(&format!("\\-\\-{}", option.replace('-', "\\-"))),
            "--{option}"
        );
    }
}

/// The manual as groff sets it on a page `width` columns wide; None without groff.
fn groff(width: usize) -> Option<String> {
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", &format!("-rLL={width}n")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(stdout(&["man"]).as_bytes())
        .unwrap();
    let out = groff.wait_with_output().unwrap();
    // Strip groff's overstrike bold and underline (c\bc, _\bc).
    let text = String::from_utf8_lossy(&out.stdout);
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    Some(plain)
}

#[test]
fn groff_keeps_example_lines_whole_and_within_the_page() {
    let Some(text) = groff(60) else {
        eprintln!(
            "groff_keeps_example_lines_whole_and_within_the_page: skipped, groff is not installed"
        );
        return;
    };
    // Even on a 60-column page the example stays on its own line, unfilled.
    assert!(
        text.lines().any(
            |l| l.trim() == "gmg events --kind multi-stakeholder-meeting -f csv > meetings.csv"
        ),
        "{text}"
    );
    // On an 80-column page no line runs past the edge.
    let text = groff(80).unwrap();
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}

/// `gmg ARGS` with `COLUMNS` set to `columns` (standard output is a pipe, so clap takes the
/// width from COLUMNS).
fn at_width(args: &[&str], columns: usize) -> String {
    let out = gmg()
        .args(args)
        .env("COLUMNS", columns.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "gmg {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Every help page: the top level's, each command's (long and short), and `gmg help CMD`.
fn help_pages() -> Vec<Vec<String>> {
    let top = at_width(&["--help"], 10_000);
    let commands: Vec<String> = top
        .split("Commands:")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() > 15, "{commands:?}");
    let mut pages = vec![vec!["--help".to_string()], vec!["-h".to_string()]];
    for c in commands {
        pages.push(vec![c.clone(), "--help".into()]);
        pages.push(vec![c.clone(), "-h".into()]);
        pages.push(vec!["help".into(), c]);
    }
    pages
}

#[test]
fn help_at_80_columns_fits_and_keeps_paragraphs_whole() {
    for page in help_pages() {
        let args: Vec<&str> = page.iter().map(String::as_str).collect();
        // At 80 columns, no line the terminal would have to wrap again.
        for line in at_width(&args, 80).lines() {
            let width = line.chars().count();
            assert!(width <= 80, "gmg {args:?}: {width} columns: {line}");
        }
        // Wide enough for any paragraph to be one line: a line of prose followed by more
        // prose at the same indentation ends a sentence, else the source broke a paragraph.
        let wide = at_width(&args, 10_000);
        let lines: Vec<&str> = wide.lines().collect();
        let indent = |l: &str| l.len() - l.trim_start().len();
        let prose = |l: &str| {
            let t = l.trim_start();
            !t.is_empty() && !t.starts_with(['-', '[']) && !t.starts_with("gmg ")
        };
        for pair in lines.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if prose(a) && prose(b) && indent(a) == indent(b) && (indent(a) == 0 || indent(a) >= 6)
            {
                assert!(
                    a.trim_end().ends_with(['.', ':']),
                    "gmg {args:?}: a paragraph broken after\n{a}\n{b}"
                );
            }
        }
    }
}

#[test]
fn the_manual_is_roff_into_a_pipe_and_formatted_on_a_terminal() {
    // Piped (or into a file), the roff as it is, whatever pager is set.
    let out = gmg()
        .arg("man")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("\n.TH gmg 1 "), "{page}");
    // On a terminal (script gives it one), as `man -l` formats it.
    let Ok(out) = Command::new("script")
        .args(["-qec", "\"$GMG\" man", "/dev/null"])
        .env("GMG", common::bin())
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
    else {
        eprintln!("skipped the terminal case: script is not installed");
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout);
    if Command::new("man").arg("--version").output().is_err() {
        // No man to format it: the roff, as into a pipe.
        assert!(shown.contains(".TH gmg 1"), "{shown}");
        return;
    }
    assert!(!shown.contains(".TH"), "{shown}");
    assert!(shown.contains("General Commands Manual"), "{shown}");
}

/// `line` split as a shell splits a simple command: words, '…' and "…" quoting.
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut any) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            (_, c) => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

#[test]
fn every_example_in_the_readme_is_what_gmg_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```\n$ gmg").skip(1) {
        let (command, rest) = block.split_once('\n').unwrap();
        let shown = rest.split("```").next().unwrap();
        let args = shell_words(command);
        if args.iter().any(|a| a == "|" || a == ">") {
            continue;
        }
        let out = common::gmg()
            .env("COLUMNS", "80")
            .args(&args)
            .output()
            .unwrap();
        // An example of an error shows what goes to standard error.
        let printed = if out.stdout.is_empty() {
            out.stderr
        } else {
            out.stdout
        };
        let printed = String::from_utf8(printed).unwrap();
        assert_eq!(
            printed.trim_end(),
            shown.trim_end(),
            "README: $ gmg{command}"
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} examples found");
}
