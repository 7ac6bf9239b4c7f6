//! The dataset as one web page that needs nothing else: the overview, the year's chart,
//! every collection as a table, and the report's text with an anchor per paragraph, so that
//! each record's quote links to the passage it comes from and each passage to the records
//! that quote it.
//!
//! Every string from the data is escaped as it is written (`escape_markup`), ids in anchors
//! are reduced to letters, digits and `-._` (see [`anchor`]), and the page's
//! Content-Security-Policy lets only its own style and script run, by their hashes: a
//! `--data` file's `<script>` would be text even if an escape were missed. The page reads
//! without JavaScript; the script adds a filter box and sortable columns to each table.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use anyhow::Context;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::book::{self, Sheet};
use crate::commands::show::{Link, Linker};
use crate::commands::{overview, timeline};
use crate::dataset::{self, Annotated, Origin, REPORT};
use crate::model::{Dataset, Entities, Source};
use crate::output::layout::shorten;
use crate::output::{escape_markup as esc, Flow, Grid, Sink};
use crate::record::Cell;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The fields a record's last column shows in its own way: the sources (section, quote,
/// also) with their paragraphs, and the records it names (records) among its links.
const IN_DETAIL: [&str; 4] = ["section", "quote", "also", "records"];

/// How long a linked record's title may be in the links column.
const LINK_TITLE: usize = 90;

pub fn write(data: &Dataset, origin: &Origin, sink: Sink) -> anyhow::Result<()> {
    let mut chart = Vec::new();
    timeline::year_svg(data, &mut chart).context("cannot draw the timeline")?;
    let chart = String::from_utf8(chart).context("the timeline is not text")?;
    let mut page = String::new();
    write_page(&mut page, data, origin, &chart).context("cannot write the page")?;
    sink.write(|out| {
        out.write_all(page.as_bytes())?;
        out.flush()
    })
}

/// `id` as the anchor of its record: `r-` and the id, any byte but ASCII letters, digits,
/// `-` and `.` written `_XX` (so that no id can break out of an attribute or a URL, and two
/// ids never share an anchor).
pub fn anchor(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 2);
    out.push_str("r-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "_{b:02X}");
        }
    }
    out
}

/// A Content-Security-Policy source for an inline text: `'sha256-…'`.
fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn write_page(h: &mut String, data: &Dataset, origin: &Origin, chart: &str) -> fmt::Result {
    let r = &data.report;
    let annotated = dataset::annotate(REPORT, data);
    let links = Linker::new(data, &Entities::new(data));
    let sheets = book::sheets(data, &links);
    let version = env!("CARGO_PKG_VERSION");
    writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        h,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; base-uri 'none'; form-action 'none'\">",
        hash(STYLE),
        hash(SCRIPT)
    )?;
    writeln!(h, "<meta name=\"generator\" content=\"gmg {version}\">")?;
    writeln!(
        h,
        "<title>{} {} ({}): the facts, with their quotes</title>",
        esc(&r.title),
        r.year,
        esc(&r.chair)
    )?;
    writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>")?;

    writeln!(h, "<header>\n<h1>{} {}</h1>", esc(&r.title), r.year)?;
    writeln!(
        h,
        "<p class=\"lede\">{chair} as Chair of the Global Migration Group, {} to {}. Every record below names the section of the report it comes from and quotes it verbatim; each quote links to its paragraph in <a href=\"#report\">the report's text</a>, at the end of the page. An empty cell is a fact the report does not give.</p>",
        r.start,
        r.end,
        chair = esc(&r.chair)
    )?;
    write!(
        h,
        "<nav aria-label=\"Contents\"><ul><li><a href=\"#overview\">Overview</a></li><li><a href=\"#timeline\">Timeline</a></li>"
    )?;
    for sheet in &sheets {
        let plural = sheet.collection.plural();
        write!(
            h,
            "<li><a href=\"#{plural}\">{}</a></li>",
            title_case(sheet.grid.plural())
        )?;
    }
    writeln!(
        h,
        "<li><a href=\"#report\">The report</a></li></ul></nav>\n</header>\n<main>"
    )?;

    overview_section(h, data, &sheets, &annotated)?;
    writeln!(
        h,
        "<section id=\"timeline\">\n<h2>Timeline</h2>\n<figure>\n{}</figure>\n</section>",
        inline_svg(chart)
    )?;
    let places = places(&annotated);
    let records = links.records();
    for sheet in &sheets {
        records_section(h, sheet, &places, records)?;
    }
    report_section(h, &annotated, records)?;
    writeln!(h, "</main>")?;
    writeln!(
        h,
        "<footer><p>Written by gmg {version} from {}, drawn from {}. The report's text, quoted verbatim, is {}'s.</p></footer>",
        esc(&origin.to_string()),
        esc(&r.source),
        esc(&r.chair)
    )?;
    writeln!(h, "<script>{SCRIPT}</script>\n</body>\n</html>")
}

/// "handover items" → "Handover items".
fn title_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The chart as an element of the page: the SVG text without anything before its root.
fn inline_svg(chart: &str) -> &str {
    chart.find("<svg").map_or(chart, |at| &chart[at..])
}

fn overview_section(
    h: &mut String,
    data: &Dataset,
    sheets: &[Sheet<'_>],
    annotated: &Annotated,
) -> fmt::Result {
    writeln!(h, "<section id=\"overview\">\n<h2>Overview</h2>")?;
    writeln!(
        h,
        "<table class=\"counts\"><thead><tr><th>records</th><th>collection</th><th>what they are</th></tr></thead><tbody>"
    )?;
    for (n, noun, what) in overview::counts(data) {
        let target = sheets
            .iter()
            .find(|s| s.grid.plural() == noun)
            .map_or("overview", |s| s.collection.plural());
        writeln!(
            h,
            "<tr><td>{n}</td><td><a href=\"#{target}\">{}</a></td><td>{}</td></tr>",
            esc(noun),
            esc(&what)
        )?;
    }
    writeln!(h, "</tbody></table>")?;
    let (cited, total) = annotated.coverage();
    writeln!(
        h,
        "<p>Records quote {cited} of the report's {total} paragraphs (headings aside).</p>\n</section>"
    )
}

/// Where each quote of each record lies: paragraph numbers by (record id, quote).
fn places(annotated: &Annotated) -> HashMap<(&str, &str), &[usize]> {
    annotated
        .located
        .iter()
        .map(|l| ((&*l.id, &*l.quote), &l.paragraphs[..]))
        .collect()
}

/// A collection's table; `records` are every record by id, for the ids a note names.
fn records_section(
    h: &mut String,
    sheet: &Sheet<'_>,
    places: &HashMap<(&str, &str), &[usize]>,
    records: &HashMap<&str, Link<'_>>,
) -> fmt::Result {
    let grid = &*sheet.grid;
    let id = sheet.collection.plural();
    let plural = grid.plural();
    writeln!(
        h,
        "<section id=\"{id}\">\n<h2>{} <small>{}</small></h2>",
        title_case(plural),
        grid.rows()
    )?;
    if grid.rows() == 0 {
        return writeln!(
            h,
            "<p class=\"none\">This dataset has no {plural}.</p>\n</section>"
        );
    }
    let column = |name: &str| (0..grid.columns()).find(|&c| grid.name(c) == name);
    let (section, quote, also) = (column("section"), column("quote"), column("also"));
    // The key, then the listing's brief fields, as columns; the rest of a record in its
    // last column, with its sources and links.
    let columns: Vec<usize> = (0..grid.columns())
        .filter(|&c| c == 0 || sheet.brief.contains(&grid.name(c)))
        .filter(|&c| !IN_DETAIL.contains(&grid.name(c)))
        .collect();
    let rest: Vec<usize> = (0..grid.columns())
        .filter(|c| !columns.contains(c) && !IN_DETAIL.contains(&grid.name(*c)))
        .collect();
    write!(
        h,
        "<div class=\"scroll\"><table class=\"records\" data-plural=\"{}\"><thead><tr>",
        esc(plural)
    )?;
    for &c in &columns {
        write!(h, "<th scope=\"col\">{}</th>", esc(grid.name(c)))?;
    }
    writeln!(
        h,
        "<th scope=\"col\">source and details</th></tr></thead><tbody>"
    )?;
    for row in 0..grid.rows() {
        let key = sheet.keys[row];
        write!(h, "<tr id=\"{}\">", anchor(key))?;
        for &c in &columns {
            let name = esc(grid.name(c));
            let text = esc(&shown(grid, row, c));
            let class = match grid.flow(c) {
                Flow::Token => "token",
                Flow::Wrap | Flow::Clip => "wrap",
            };
            match grid.cell(row, c) {
                Cell::Date(date) => write!(
                    h,
                    "<td data-label=\"{name}\" class=\"{class}\" data-sort=\"{date}\">{text}</td>"
                )?,
                _ if c == 0 => write!(
                    h,
                    "<td data-label=\"{name}\" class=\"{class}\"><a href=\"#{}\">{text}</a></td>",
                    anchor(key)
                )?,
                _ => write!(h, "<td data-label=\"{name}\" class=\"{class}\">{text}</td>")?,
            }
        }
        let text_of = |c: Option<usize>| match c.map(|c| grid.cell(row, c)) {
            Some(Cell::Text(t)) => t.to_string(),
            _ => String::new(),
        };
        let mut sources = vec![Source {
            section: text_of(section).into(),
            quote: text_of(quote).into(),
        }];
        if let Some(Cell::Sources(more)) = also.map(|c| grid.cell(row, c)) {
            sources.extend(more.iter().cloned());
        }
        write!(h, "<td data-label=\"source\" class=\"detail\">")?;
        for s in &sources {
            let at = places.get(&(key, &*s.quote)).copied().unwrap_or(&[]);
            source(h, s, at)?;
        }
        for &c in rest.iter().filter(|&&c| !grid.cell(row, c).is_empty()) {
            write!(
                h,
                "<div class=\"field\"><span class=\"name\">{}:</span> ",
                esc(grid.name(c))
            )?;
            let text = shown(grid, row, c);
            if grid.name(c) == "note" {
                with_ids_linked(h, &text, records)?;
            } else {
                h.push_str(&esc(&text));
            }
            write!(h, "</div>")?;
        }
        links(h, &sheet.links[row])?;
        writeln!(h, "</td></tr>")?;
    }
    writeln!(h, "</tbody></table></div>\n</section>")
}

/// A cell as the listings' table shows it: a date to the report's precision.
fn shown(grid: &dyn Grid, row: usize, column: usize) -> String {
    grid.shown(row, column)
        .unwrap_or_else(|| grid.cell(row, column).to_string())
}

/// A note, escaped, with each word that is a record's id (`principals-2016-11-08`, `s12`)
/// a link to its row: notes name records by id. A word is a run of letters, digits and
/// `-_.`, less a full stop that ends a sentence.
fn with_ids_linked(h: &mut String, text: &str, records: &HashMap<&str, Link<'_>>) -> fmt::Result {
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(in_word).unwrap_or(rest.len());
        h.push_str(&esc(&rest[..start]));
        rest = &rest[start..];
        // At least one character: the one `find` stopped at.
        let len = rest.find(|c| !in_word(c)).unwrap_or(rest.len());
        let run = &rest[..len];
        let word = run.trim_end_matches('.');
        match records.get(word).filter(|_| !word.is_empty()) {
            Some(r) => write!(
                h,
                "<a href=\"#{}\" title=\"{}\">{}</a>{}",
                anchor(word),
                esc(&shorten(r.title, LINK_TITLE)),
                esc(word),
                &run[word.len()..]
            )?,
            None => h.push_str(&esc(run)),
        }
        rest = &rest[len..];
    }
    Ok(())
}

/// One passage a record quotes: its section, the paragraphs it lies in, and the quote.
fn source(h: &mut String, s: &Source, paragraphs: &[usize]) -> fmt::Result {
    write!(h, "<div class=\"source\">{}", esc(&s.section))?;
    if paragraphs.is_empty() {
        write!(
            h,
            " <span class=\"none\">(not found in the report's text)</span>"
        )?;
    }
    for n in paragraphs {
        write!(h, " <a class=\"cite\" href=\"#p{n}\">¶{n}</a>")?;
    }
    write!(h, ": <q>{}</q></div>", esc(&s.quote))
}

fn links(h: &mut String, links: &[Link<'_>]) -> fmt::Result {
    if links.is_empty() {
        return Ok(());
    }
    write!(h, "<ul class=\"links\">")?;
    for l in links {
        write!(
            h,
            "<li><span class=\"rel\">{}:</span> <a href=\"#{}\">{}</a> <span class=\"kind\">{} {}</span></li>",
            esc(l.relation),
            anchor(l.id),
            esc(&shorten(l.title, LINK_TITLE)),
            l.kind.as_str(),
            esc(l.id)
        )?;
    }
    write!(h, "</ul>")
}

/// The report's paragraphs, each with the records that quote it, by kind and id (with the
/// title on hover); `records` are those the page has rows for (an entity the data
/// describes outside the collections is named without a link).
fn report_section(
    h: &mut String,
    annotated: &Annotated,
    records: &HashMap<&str, Link<'_>>,
) -> fmt::Result {
    writeln!(
        h,
        "<section id=\"report\" class=\"report\">\n<h2>The report</h2>\n<p>The text of the report as gmg reads it (markup dropped), one anchor per paragraph (¶). Under each paragraph, the records that quote it.</p>"
    )?;
    for p in &annotated.paragraphs {
        let n = p.number;
        let tag = if p.heading { "h3" } else { "p" };
        write!(
            h,
            "<{tag} class=\"para\" id=\"p{n}\" data-section=\"{}\"><a class=\"n\" href=\"#p{n}\">¶{n}</a>{}",
            esc(p.section),
            esc(&p.text)
        )?;
        if !p.records.is_empty() {
            write!(h, "<span class=\"by\">Quoted by ")?;
            for (i, id) in p.records.iter().enumerate() {
                let sep = if i > 0 { ", " } else { "" };
                match records.get(&**id) {
                    Some(r) => write!(
                        h,
                        "{sep}{} <a href=\"#{}\" title=\"{}\">{}</a>",
                        r.kind.as_str(),
                        anchor(id),
                        esc(&shorten(r.title, LINK_TITLE)),
                        esc(id)
                    )?,
                    None => write!(h, "{sep}{}", esc(id))?,
                }
            }
            write!(h, "</span>")?;
        }
        writeln!(h, "</{tag}>")?;
    }
    writeln!(h, "</section>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_links_the_ids_it_names_and_nothing_else() {
        let data = crate::dataset::embedded::dataset();
        let linker = Linker::new(&data, &Entities::new(&data));
        let records = linker.records();
        let mut h = String::new();
        let note = "As s12. Not s12x, nor \"<s13>\"; ... ..s14.. and idm-2016: IOM, end.";
        with_ids_linked(&mut h, note, records).unwrap();
        let link = |id: &str| {
            format!(
                "<a href=\"#r-{id}\" title=\"{}\">{id}</a>",
                esc(&shorten(records[id].title, LINK_TITLE))
            )
        };
        assert_eq!(
            h,
            format!(
                "As {}. Not s12x, nor &quot;&lt;{}&gt;&quot;; ... ..s14.. and {}: {}, end.",
                link("s12"),
                link("s13"),
                link("idm-2016"),
                link("IOM")
            )
        );
        // Dots alone, or nothing, end.
        for text in ["", ".", "...", "a.", ". ."] {
            let mut h = String::new();
            with_ids_linked(&mut h, text, records).unwrap();
            assert_eq!(h, esc(text));
        }
    }
}
