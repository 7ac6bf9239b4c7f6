//! `gmg timeline -f svg`: the chart counts what `-f csv` counts, is well-formed whatever the
//! data says, goes through `-o` like every format, and is refused by the listings.

mod common;

use std::collections::BTreeMap;

use common::{fails, fixture_arg, gmg, parse_delimited, stdout};

/// The value of `name="…"` in one tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Each bar's count by month and series, from the SVG's data attributes.
fn bars(svg: &str) -> BTreeMap<(String, String), String> {
    let mut bars = BTreeMap::new();
    for tag in svg.split('<').filter(|t| t.starts_with("rect ")) {
        if let (Some(month), Some(series), Some(count)) = (
            attribute(tag, "data-month"),
            attribute(tag, "data-series"),
            attribute(tag, "data-count"),
        ) {
            let old = bars.insert((month.into(), series.into()), count.into());
            assert!(old.is_none(), "two bars for {month} {series}");
        }
    }
    bars
}

/// `gmg timeline ARGS -f csv` as the same map.
fn csv_counts(args: &[&str]) -> BTreeMap<(String, String), String> {
    let all = [&["timeline"], args, &["-f", "csv"]].concat();
    let (header, rows) = parse_delimited(&stdout(&all), b',');
    assert_eq!(header, ["month", "events", "statements"]);
    let mut counts = BTreeMap::new();
    for row in rows {
        counts.insert((row[0].clone(), "events".into()), row[1].clone());
        counts.insert((row[0].clone(), "statements".into()), row[2].clone());
    }
    counts
}

fn svg(args: &[&str]) -> String {
    let all = [&["timeline"], args, &["-f", "svg"]].concat();
    stdout(&all)
}

/// Every `<` opens a tag that closes, in order: the text is well-formed as far as a chart
/// needs, and no text from the data opened an element of its own.
fn assert_well_formed(svg: &str) {
    let mut open: Vec<&str> = Vec::new();
    for part in svg.split('<').skip(1) {
        let tag = &part[..part.find('>').expect("every tag closes")];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "closing {name} out of order");
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().unwrap());
        }
        // Text between tags holds no raw '>' or unescaped '&'.
        let text = &part[part.find('>').unwrap() + 1..];
        assert!(!text.contains('>'), "raw > in text: {text}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| entity.starts_with(e)),
                "bare & in text: {text}"
            );
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}

#[test]
fn every_bar_counts_what_the_csv_counts() {
    for args in [
        &[][..],
        &["--kind", "gfmd-workshop,gfmd-meeting,gfmd-summit"],
        &["--year", "2017"],
        &["--search", "colombo"],
    ] {
        let chart = svg(args);
        let counts = bars(&chart);
        assert_eq!(counts.len(), 24, "{args:?}");
        assert_eq!(counts, csv_counts(args), "{args:?}");
        assert_well_formed(&chart);
    }
    let data = fixture_arg("small.ron");
    let args = ["--data", data.as_str()];
    assert_eq!(bars(&svg(&args)), csv_counts(&args));
}

#[test]
fn the_chart_has_its_title_labels_legend_note_and_source() {
    let chart = svg(&[]);
    assert!(chart.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 540\""));
    for text in [
        ">Events and statements of the GMG, month by month, 2016</text>",
        ">Month of 2016</text>",
        ">Events and statements</text>",
        ">events</text>",
        ">statements</text>",
        ">Jan</text>",
        ">Dec</text>",
        ">2 events and 0 statements of 2016 are known only to the year, so are in no month.</text>",
        &format!(
            ">Source: Chair&apos;s Report to the Global Migration Group, 2016 (UN Women); gmg {}</text>",
            env!("CARGO_PKG_VERSION")
        ),
    ] {
        assert!(chart.contains(text), "no {text}");
    }
    // Black and white: the statements are hatched, not told apart by colour.
    assert!(chart.contains("fill=\"url(#hatch)\""));
    // Deterministic.
    assert_eq!(chart, svg(&[]));
}

#[test]
fn text_from_the_data_cannot_break_the_xml() {
    // The chart's only text from the data is the report's title and Chair, in the source line.
    let small = std::fs::read_to_string(common::fixture("small.ron")).unwrap();
    let hostile = small
        .replacen(
            "title: \"Test report\"",
            r#"title: "</text><script>alert(1)</script> & \"x\" 'y' <!--""#,
            1,
        )
        .replacen("chair: \"UN Women\"", r#"chair: "]]> &amp; <a>""#, 1);
    assert_ne!(hostile, small);
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), hostile).unwrap();
    let data = file.path().display().to_string();
    let chart = svg(&["--data", &data]);
    assert_well_formed(&chart);
    assert!(!chart.contains("<script"));
    assert!(chart.contains(
        ">Source: &lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &apos;y&apos; &lt;!--, 2016 (]]&gt; &amp;amp; &lt;a&gt;); gmg"
    ));
}

#[test]
fn dash_o_svg_writes_the_chart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chart.SVG");
    gmg()
        .args(["timeline", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), svg(&[]));
}

#[test]
fn the_listings_refuse_svg() {
    assert_eq!(
        fails(&["events", "-f", "svg"], 2),
        "error: invalid value 'svg' for '--format': svg is a chart, and only gmg timeline draws one; this command takes table, csv, tsv, json, ndjson, markdown or xlsx\n"
    );
    assert_eq!(
        fails(&["members", "-o", "members.svg"], 2),
        "error: invalid value 'members.svg' for '--output': svg is a chart, and only gmg timeline draws one; this command takes table, csv, tsv, json, ndjson, markdown or xlsx\n"
    );
    assert!(!std::path::Path::new("members.svg").exists());
    // The chart's rows are not the user's to shape, in svg as in the text chart.
    assert!(fails(&["timeline", "-f", "svg", "--limit", "2"], 2)
        .starts_with("error: '--limit' shapes rows, and the chart has none"));
    assert!(fails(&["timeline", "-f", "svg", "--no-header"], 2)
        .starts_with("error: '--no-header' cannot be used with '--format svg'"));
}
