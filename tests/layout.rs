//! Tables a person can read in any terminal: tokens whole, prose wrapped, the least
//! important columns hidden (and said so) when the width is short; snapshots of every view
//! at 60, 80 and 120 columns.

mod common;

use common::{column, fixture_arg, gmg, json};
use proptest::prelude::*;
use textwrap::core::display_width;

/// `gmg ARGS` at `width` columns: (stdout, stderr).
fn at(width: usize, args: &[&str]) -> (String, String) {
    let out = gmg()
        .args(args)
        .env("COLUMNS", width.to_string())
        .output()
        .expect("gmg runs");
    assert!(out.status.success(), "gmg {args:?} at {width}: {out:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The widest line, in terminal columns.
fn widest(text: &str) -> usize {
    text.lines().map(display_width).max().unwrap_or(0)
}

/// What a person sees: standard output, then any note on standard error.
fn screen(width: usize, args: &[&str]) -> String {
    let (out, err) = at(width, args);
    if err.is_empty() {
        out
    } else {
        format!("{out}--- stderr ---\n{err}")
    }
}

const VIEWS: [(&str, &[&str]); 13] = [
    ("events", &["events"]),
    ("statements", &["statements"]),
    ("members", &["members"]),
    ("handover", &["handover"]),
    ("groups", &["groups"]),
    ("deliverables", &["deliverables"]),
    ("show_group", &["show", "wg-rights-gender"]),
    ("search", &["search", "migrant women"]),
    ("show_event", &["show", "msm-2016-06-30", "--context"]),
    ("show_member", &["show", "ohchr"]),
    ("timeline", &["timeline"]),
    ("read", &["read", "II.4"]),
    ("overview", &[]),
];

#[test]
fn every_view_at_60_80_and_120_columns() {
    for width in [60, 80, 120] {
        for (name, args) in VIEWS {
            let text = screen(width, args);
            assert!(widest(&text) <= width, "{name} at {width}:\n{text}");
            insta::assert_snapshot!(format!("{name}_{width}"), text);
        }
    }
}

#[test]
fn events_take_about_two_lines_a_record_at_80_columns() {
    let (out, err) = at(80, &["events"]);
    let records = column(&["events"], "id").len();
    // Two lines of header, then the records.
    let lines = out.lines().count() - 2;
    assert!(
        lines as f64 / records as f64 <= 2.25,
        "{lines} lines for {records} events"
    );
    assert_eq!(
        err,
        "note: end, kind, location and section hidden to fit 80 columns; see them with a\nwider terminal, --fields or -f csv\n"
    );
    assert!(out.starts_with("id                       ┆ start      ┆ title\n══"));
}

#[test]
fn piped_with_no_width_every_record_is_one_line() {
    let out = gmg().args(["events"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2 + column(&["events"], "id").len());
    assert!(out.stderr.is_empty());
}

#[test]
fn a_column_empty_in_every_row_is_left_out_of_the_table_only() {
    // No statement of March has a location.
    let (out, _) = at(200, &["statements", "--month", "3"]);
    assert!(
        out.starts_with("id  ┆ start      ┆ end        ┆ title"),
        "{out}"
    );
    assert!(!out.contains("location"));
    let csv = column(&["statements", "--month", "3"], "location");
    assert_eq!(csv, ["", "", "", "", ""]);
}

#[test]
fn fields_asked_for_are_hidden_last_first_when_they_cannot_fit() {
    let args = ["events", "--fields", "id,note,start", "--month", "2016-06"];
    let (out, err) = at(80, &args);
    assert!(out.starts_with("id                      ┆ note"), "{out}");
    assert!(out.lines().next().unwrap().ends_with("┆ start"), "{out}");
    assert!(widest(&out) <= 80);
    // The two events known only to the year 2016 may fall in June: said, not shown.
    assert_eq!(
        err,
        "note: 2 events known only to the month or year may fall in this period;\n--approximate includes them\n"
    );
    let (out, err) = at(40, &args);
    assert!(
        out.starts_with("id                      ┆ start\n"),
        "{out}"
    );
    assert_eq!(
        err,
        "note: note hidden to fit 40 columns; see\nit with a wider terminal, --fields or -f\ncsv\nnote: 2 events known only to the month\nor year may fall in this period;\n--approximate includes them\n"
    );
    // Prose keeps a narrow column beside the key rather than vanish: only quote goes.
    let (out, err) = at(40, &["events", "--fields", "title,quote,id"]);
    assert!(out.starts_with("title         ┆ id\n"), "{out}");
    assert!(widest(&out) <= 40);
    assert_eq!(
        err,
        "note: quote hidden to fit 40 columns;\nsee it with a wider terminal, --fields\nor -f csv\n"
    );
}

#[test]
fn links_in_a_card_are_in_date_order_and_cut_at_a_word_to_the_width() {
    let (out, _) = at(60, &["show", "ohchr"]);
    let links: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.contains("organised by this member"))
        .skip(1)
        .take(7)
        .collect();
    assert_eq!(
        links,
        [
            " gfmd-side-event-istanbul  2015        GFMD side event in…",
            " msm-geneva-2016-06        2016-06     Multi-stakeholder…",
            " msm-2016-06-30            2016-06-30  Protecting the…",
            " msm-2016-07-20            2016-07-20  Responding to…",
            " side-event-2016-09-20     2016-09-20  Side event during…",
            " gfmd-2016-ohchr-event     2016-12-11  Event during the…",
            " gcm-discussions                       Discussions with…",
        ]
    );
    // Piped with no width, nothing is cut.
    let piped = common::stdout(&["show", "ohchr"]);
    assert!(piped.contains("Multi-stakeholder meeting on the protection of the human rights of migrants in large movements\n"), "{piped}");
}

#[test]
fn a_match_is_highlighted_on_every_line_it_wraps_onto() {
    let out = gmg()
        .args([
            "search",
            "large movements of refugees and migrants",
            "--kind",
            "event",
            "--color",
            "always",
            "--fields",
            "id,snippet",
            "--limit",
            "1",
        ])
        .env("COLUMNS", "50")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(widest(&anstream::adapter::strip_str(&text).to_string()) <= 50);
    // Every line that opens a highlight closes it, so no colour runs into the rules.
    for line in text.lines().filter(|l| l.contains("\u{1b}[1;33m")) {
        let (_, after) = line.rsplit_once("\u{1b}[1;33m").unwrap();
        assert!(after.contains("\u{1b}[0m"), "{line:?}");
    }
    assert!(
        text.contains("\u{1b}[1;33mlarge movements of\u{1b}[0m"),
        "{text:?}"
    );
}

#[test]
fn a_word_longer_than_the_terminal_is_broken_and_nothing_overflows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    let small = std::fs::read_to_string(common::fixture("small.ron")).unwrap();
    let long = "w".repeat(5000);
    std::fs::write(
        &path,
        small.replace("GMG Strategic Retreat", &format!("GMG {long} Retreat")),
    )
    .unwrap();
    let path = path.display().to_string();
    let (out, _) = at(80, &["events", "--data", &path]);
    assert!(widest(&out) <= 80);
    assert!(out.contains("retreat "), "the id stays whole: {out}");
    let unbroken = out.replace(['┆', ' ', '\n'], "");
    assert!(unbroken.contains(&long));
}

/// The ids and the dates a listing has, from its csv.
fn ids_and_dates(args: &[&str]) -> (Vec<String>, Vec<String>) {
    let key = if args[0] == "members" {
        "acronym"
    } else {
        "id"
    };
    let ids = column(args, key);
    // A table shows a date as far as the report gives it: 2016, 2016-06 or 2016-06-30.
    // Statements are all dated to the day; events say how far.
    let dates = match args[0] {
        "statements" => column(args, "start"),
        "events" => {
            let both = [args, &["--fields", "start,precision"]].concat();
            let precision = column(&both, "precision");
            column(&both, "start")
                .into_iter()
                .zip(precision)
                .map(|(d, precision)| match precision.as_str() {
                    "year" => d[..4].to_string(),
                    "month" => d[..7].to_string(),
                    _ => d,
                })
                .collect()
        }
        _ => vec![],
    };
    let dates = dates.into_iter().filter(|d| !d.is_empty()).collect();
    (ids, dates)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// At any width from 40 to 200: no line wider than the terminal, every id whole, and
    /// every date whole wherever the date column is shown.
    #[test]
    fn listings_fit_any_width_with_tokens_whole(width in 40usize..=200, which in 0usize..5) {
        let args: &[&str] = [
            &["events"][..],
            &["statements"],
            &["members"],
            &["handover"],
            &["search", "gfmd", "--fields", "id,start,snippet"],
        ][which];
        let (out, _) = at(width, args);
        prop_assert!(widest(&out) <= width, "{args:?} at {width}:\n{out}");
        let listing = if args[0] == "search" { &["events", "--search", "gfmd"][..] } else { args };
        let (ids, dates) = ids_and_dates(listing);
        let cells: Vec<&str> = out.lines().flat_map(|l| l.split('┆')).map(str::trim).collect();
        for id in &ids {
            prop_assert!(cells.contains(&id.as_str()), "{id} not whole at {width}:\n{out}");
        }
        if out.lines().next().is_some_and(|h| h.contains("start")) {
            for date in &dates {
                prop_assert!(cells.contains(&date.as_str()), "{date} not whole at {width}");
            }
        }
    }
}

#[test]
fn search_finds_what_people_type() {
    let ids = |query: &str| -> Vec<String> {
        json(&["search", query, "--fields", "id"])
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    // The report prints ’ and –; people type ' and -.
    assert_eq!(ids("women's economic"), ids("women’s economic"));
    // The panel, its statement, and CSW 60, which quotes the statement in `also`.
    assert_eq!(
        ids("women's economic"),
        ["csw-60", "csw60-hlp-wee", "s04", "activity-1-3-csw"]
    );
    assert_eq!(ids("10-12 december"), ids("10–12 december"));
    assert!(!ids("10-12 december").is_empty());
    assert_eq!(ids("NEW   york"), ids("new york"));
    // The listings fold alike.
    assert_eq!(
        column(&["statements", "--search", "women's economic"], "id"),
        ["s04"]
    );
    // The snippet shows the text as the report prints it.
    let hits = json(&["search", "women's economic", "--fields", "snippet"]);
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("Women’s Economic"));
    let data = fixture_arg("small.ron");
    assert_eq!(
        column(&["events", "--data", &data, "--search", "new york"], "id"),
        ["retreat"]
    );
}

/// The small fixture with the retreat's title (or, `id`, its id) replaced by `text`.
fn with_retreat(field: &str, text: &str) -> tempfile::TempPath {
    let small = std::fs::read_to_string(common::fixture("small.ron")).unwrap();
    let replaced = match field {
        "id" => small.replacen("\"retreat\"", &format!("\"{text}\""), 1),
        _ => small.replacen(
            "title: \"GMG Strategic Retreat\"",
            &format!("title: \"{text}\""),
            1,
        ),
    };
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), replaced).unwrap();
    file.into_temp_path()
}

/// `gmg ARGS` piped with no COLUMNS: (stdout, stderr, seconds taken).
fn piped(args: &[&str]) -> (String, String, f64) {
    let started = std::time::Instant::now();
    let out = gmg().args(args).output().expect("gmg runs");
    let took = started.elapsed().as_secs_f64();
    assert!(out.status.success(), "gmg {args:?}: {out:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        took,
    )
}

#[test]
fn a_cell_too_wide_for_comfy_table_is_cut_with_a_note_and_stays_on_one_line() {
    // Words, which comfy-table re-wrapped in quadratic time: 300,000 columns took 101 s.
    let title = "word ".repeat(60_000);
    let data = with_retreat("title", title.trim_end());
    let data = data.to_str().unwrap();
    let (out, err, took) = piped(&["events", "--data", data]);
    assert!(took < 20.0, "{took:.1} s");
    assert_eq!(out.lines().count(), 2 + 2, "one line per record");
    let retreat = out.lines().find(|l| l.starts_with("retreat")).unwrap();
    let cell = retreat.split(" ┆ ").nth(4).unwrap();
    assert_eq!(cell.len(), 64_994 + "…".len());
    assert!(cell.ends_with("word word…"), "{}", &cell[cell.len() - 20..]);
    assert_eq!(
        err,
        "note: the title of event 'retreat' has a line of 299999 characters, cut to its first \
         64994 (a table cell holds at most 65000 bytes a line); see it whole with -f csv\n"
    );
    // Nothing is lost: another format has it whole.
    assert_eq!(
        column(&["events", "--data", data, "--fields", "title"], "title")[0],
        title.trim_end()
    );
    // At a width, the first 64,997 characters are wrapped, and the same note is given.
    let (out, err) = at(80, &["events", "--data", data, "--fields", "id,title"]);
    assert!(widest(&out) <= 80);
    // 14 words a line of the 70 columns left beside the id: 929 lines.
    assert_eq!(out.lines().count(), 2 + 929 + 1);
    assert!(err.starts_with("note: the title of event 'retreat' has a line of 299999"));
    // The card cuts it too, and says so at once.
    let (out, err, _) = piped(&["show", "retreat", "--data", data]);
    assert!(out.contains("word word…\n"));
    assert_eq!(
        err,
        "note: a line of 299999 characters is cut to its first 64994 (a table cell holds at \
         most 65000 bytes a line); see it whole with -f json\n"
    );
}

#[test]
fn a_query_result_too_wide_is_cut_and_named_by_its_row() {
    let query = "select 1 as n, replace(hex(zeroblob(40000)), '00', 'ab ') as t";
    let (out, err, _) = piped(&["sql", query]);
    assert_eq!(out.lines().count(), 3);
    // A query's table holds values of at most 16 KiB (its rows are held in bounded memory),
    // so its cut comes before the layout's.
    assert!(out.ends_with("…\n"));
    assert_eq!(
        err,
        "note: values longer than 16 KiB are cut short (…) in the table; -f csv writes them \
         whole\n"
    );
}

#[test]
fn a_ten_megabyte_id_is_listed_in_linear_time() {
    // It took 102 s: comfy-table re-wrapped it into 154 lines, copying the rest each time.
    let id = "r".repeat(10_000_000);
    let data = with_retreat("id", &id);
    let (out, err, took) = piped(&["events", "--data", data.to_str().unwrap()]);
    assert!(took < 20.0, "{took:.1} s");
    assert_eq!(out.lines().count(), 2 + 2);
    let first = out.lines().nth(2).unwrap();
    assert!(first.starts_with(&format!("{}… ┆ 2016-02", &id[..64_997])));
    let echoed = format!("{}…", &id[..80]);
    assert_eq!(
        err,
        format!(
            "note: the id of event '{echoed}' has a line of 10000000 characters, cut to its \
             first 64997 (a table cell holds at most 65000 bytes a line); see it whole with -f csv\n"
        )
    );
}

#[test]
fn piped_a_line_break_in_a_text_is_a_space_so_a_record_stays_one_line() {
    let data = with_retreat("title", "GMG Strategic\\nRetreat");
    let data = data.to_str().unwrap();
    let (out, err, _) = piped(&["events", "--data", data]);
    assert_eq!(out.lines().count(), 2 + 2, "{out}");
    assert!(out.contains("┆ GMG Strategic Retreat "), "{out}");
    assert!(err.is_empty());
    // On a terminal, the line break is kept.
    let (out, _) = at(120, &["events", "--data", data, "--fields", "id,title"]);
    assert!(
        out.contains("retreat ┆ GMG Strategic\n        ┆ Retreat\n"),
        "{out}"
    );
    // Other formats keep the text as it is.
    assert_eq!(
        column(&["events", "--data", data, "--fields", "title"], "title")[0],
        "GMG Strategic\nRetreat"
    );
}

/// The header row of a table (its first line), as column names.
fn header(text: &str) -> Vec<String> {
    text.lines()
        .next()
        .unwrap_or_default()
        .split('┆')
        .map(|c| c.trim().to_string())
        .collect()
}

#[test]
fn a_column_the_command_line_filters_or_sorts_on_is_never_hidden() {
    for (width, args, column) in [
        (80, &["deliverables", "--lead", "iom"][..], "lead"),
        (60, &["deliverables", "--lead", "iom"], "lead"),
        (60, &["deliverables", "--year", "2017"], "due"),
        (80, &["deliverables", "--year", "2017"], "due"),
        (80, &["events", "--location", "geneva"], "location"),
        (60, &["statements", "--location", "new york"], "location"),
        (60, &["deliverables", "--sort", "status"], "status"),
        (60, &["members", "--added", "2016"], "added"),
    ] {
        let (text, _) = at(width, args);
        let header = header(&text);
        assert!(
            header.contains(&column.to_string()),
            "{width} {args:?}: {header:?}"
        );
        assert!(widest(&text) <= width, "{width} {args:?}\n{text}");
    }
}

#[test]
fn a_column_empty_in_most_rows_gives_way_to_a_filled_one() {
    // Few statements give a location; every one a section.
    let (text, note) = at(80, &["statements"]);
    let header = header(&text);
    assert!(header.contains(&"section".to_string()), "{header:?}");
    assert!(!header.contains(&"location".to_string()), "{header:?}");
    assert!(note.contains("location hidden"), "{note}");
}
