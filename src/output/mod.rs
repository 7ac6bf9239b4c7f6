//! Rendering rows in every format, a grid whole (`render`) or rows as they come (`stream`),
//! one renderer per format behind them, and writing them to standard output or (whole or not
//! at all) to a file.

mod delimited;
mod held;
mod json;
pub mod layout;
mod markdown;
mod sink;
pub mod svg;
mod table;
mod xlsx;

pub use crate::terminal::stderr_width;
use crate::terminal::width_decision;
pub use layout::Flow;
pub use sink::{same_file, Sink};
pub use svg::escape as escape_markup;
pub use table::{hidden_note, plain as plain_table, PlainColumn};

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::ops::Range;
use std::path::Path;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::cli::{ColorChoice, Format, OutputArgs};
use crate::exit::UsageError;
use crate::record::{Cell, Record};

/// How to render, resolved from the command line and the destination.
#[derive(Clone, Debug)]
pub struct Style {
    pub format: Format,
    pub header: bool,
    pub bom: bool,
    /// Defuse cells a spreadsheet would read as formulas (csv, tsv).
    pub csv_safe: bool,
    pub color: bool,
    /// The width to fit a table to; `None` lets it be as wide as its content.
    pub width: Option<u16>,
    /// The output is a terminal: control characters in text are escaped in every format
    /// (a query can make them; the data cannot hold them).
    pub terminal: bool,
}

/// What every format renders: rows of named columns, and how a table lays each column out.
/// Records (see [`Rows`]) and the results of a SQL query are grids alike.
pub trait Grid {
    /// What the rows are called, for the note when there are none ("events").
    fn plural(&self) -> &str;
    /// How many columns there are.
    fn columns(&self) -> usize;
    /// How many rows there are.
    fn rows(&self) -> usize;
    fn name(&self, column: usize) -> &str;
    fn cell(&self, row: usize, column: usize) -> Cell<'_>;
    /// How a table lays the column out.
    fn flow(&self, column: usize) -> Flow;
    /// The column's place in the order in which a narrow table hides columns (0 last).
    fn rank(&self, column: usize) -> usize;
    /// Whether the command line filters or sorts on the column: a table hides it only after
    /// every other column but the first.
    fn kept(&self, _column: usize) -> bool {
        false
    }
    /// How a table shows the cell, where that differs from its value (see `Record::shown`).
    fn shown(&self, _row: usize, _column: usize) -> Option<String> {
        None
    }
    /// The byte range of the cell's text to highlight on a terminal.
    fn highlight(&self, _row: usize, _column: usize) -> Option<Range<usize>> {
        None
    }
    /// Whether a table shows a column that is empty in every row: one the user chose by
    /// name (a query's select list), rather than one of a collection's fields.
    fn keeps_empty_columns(&self) -> bool {
        false
    }

    /// The row as a note names it ("event 'idm'", "row 3").
    fn label(&self, row: usize) -> String {
        format!("row {}", row + 1)
    }
}

/// Chosen fields of records: the rows every listing renders. The records and fields are
/// borrowed where the caller holds them, owned where the rows outlive it (the collections
/// `gmg export` writes whole).
pub struct Rows<'a, R> {
    pub records: Cow<'a, [&'a R]>,
    pub fields: Cow<'a, [usize]>,
    /// The fields the command line filters or sorts on (see [`Grid::kept`]).
    pub kept: &'a [usize],
}

impl<R: Record> Grid for Rows<'_, R> {
    fn plural(&self) -> &str {
        R::PLURAL
    }
    fn columns(&self) -> usize {
        self.fields.len()
    }
    fn rows(&self) -> usize {
        self.records.len()
    }
    fn name(&self, column: usize) -> &str {
        R::FIELDS[self.fields[column]]
    }
    fn cell(&self, row: usize, column: usize) -> Cell<'_> {
        self.records[row].cell(self.fields[column])
    }
    fn flow(&self, column: usize) -> Flow {
        R::flow(self.fields[column])
    }
    fn rank(&self, column: usize) -> usize {
        R::rank(self.fields[column])
    }
    fn kept(&self, column: usize) -> bool {
        self.kept.contains(&self.fields[column])
    }
    fn shown(&self, row: usize, column: usize) -> Option<String> {
        self.records[row].shown(self.fields[column])
    }
    fn highlight(&self, row: usize, column: usize) -> Option<Range<usize>> {
        self.records[row].highlight(self.fields[column])
    }
    fn label(&self, row: usize) -> String {
        format!(
            "{} '{}'",
            R::NOUN,
            crate::text::Echo(self.records[row].key())
        )
    }
}

/// One row of a grid as a JSON object, its columns in order.
pub struct JsonRow<'a> {
    pub grid: &'a dyn Grid,
    pub row: usize,
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.grid.columns()))?;
        for c in 0..self.grid.columns() {
            map.serialize_entry(self.grid.name(c), &self.grid.cell(self.row, c))?;
        }
        map.end()
    }
}

/// Rows handed out one at a time, each gone before the next is asked for: a grid's, or a
/// query's as SQLite steps through them.
pub trait RowSource {
    /// The next row's cells, `None` after the last; an error stops the rows.
    fn next(&mut self) -> io::Result<Option<Vec<Cell<'_>>>>;
    /// Steps past the next row without reading it; `false` after the last.
    fn skip(&mut self) -> io::Result<bool> {
        Ok(self.next()?.is_some())
    }
}

/// Grids as the sheets of one Excel workbook, named as given (`gmg export FILE.xlsx`).
pub fn workbook(sheets: &[(&str, &dyn Grid)], out: &mut dyn Write) -> io::Result<()> {
    xlsx::book(sheets, out)
}

/// A grid's rows, as a source.
struct GridRows<'a> {
    grid: &'a dyn Grid,
    row: usize,
}

impl RowSource for GridRows<'_> {
    fn next(&mut self) -> io::Result<Option<Vec<Cell<'_>>>> {
        let (grid, row) = (self.grid, self.row);
        if row == grid.rows() {
            return Ok(None);
        }
        self.row += 1;
        Ok(Some(
            (0..grid.columns()).map(|c| grid.cell(row, c)).collect(),
        ))
    }
}

/// Renders a grid, all of it, in the style's format.
pub fn render(grid: &dyn Grid, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if style.format == Format::Table {
        return table::render(grid, style, out);
    }
    let names: Vec<&str> = (0..grid.columns()).map(|c| grid.name(c)).collect();
    if style.format == Format::Xlsx {
        // The workbook, unlike the stream, knows each date's precision from `shown`.
        let mut rows = GridRows { grid, row: 0 };
        return xlsx::render(
            &names,
            grid.plural(),
            &mut rows,
            &|r, c| grid.shown(r, c),
            out,
        );
    }
    stream(
        &names,
        grid.plural(),
        &mut GridRows { grid, row: 0 },
        style,
        out,
    )
}

/// Renders rows as they come, in bounded memory: every format but the table writes each row
/// before the next is asked for (so a closed pipe stops the source at once); a table, which
/// needs its rows to lay them out, holds a bounded number of them and counts the rest (see
/// `held`). `plural` is what the rows are called, for the table's notes.
pub fn stream(
    names: &[&str],
    plural: &str,
    rows: &mut dyn RowSource,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match style.format {
        Format::Table => held::render(names, plural, rows, style, out),
        Format::Csv => delimited::render(names, rows, style, b',', out),
        Format::Tsv => delimited::render(names, rows, style, b'\t', out),
        Format::Json => json::render(names, rows, false, out),
        Format::Ndjson => json::render(names, rows, true, out),
        Format::Markdown => markdown::render(names, rows, style, out),
        // A query's rows: dates by their `precision` column if they have one, else days.
        Format::Xlsx => xlsx::render(names, plural, rows, &|_, _| None, out),
        // `Destination::new` refuses svg, so rows never reach here in it.
        Format::Svg => Err(io::Error::other("svg draws a chart, not rows")),
    }
}

/// Text as a format writes it: on a terminal, control characters escaped (`\u{1b}`).
fn guarded(text: &str, terminal: bool) -> Cow<'_, str> {
    if terminal && crate::text::first_forbidden(text).is_some() {
        Cow::Owned(crate::text::escape_controls(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// Where output goes and how it is rendered, decided (and a file opened) before any data is
/// loaded, so usage errors come first.
pub struct Destination {
    sink: Sink,
    pub style: Style,
}

impl Destination {
    /// Resolves the format (explicit, else from `--output`'s extension, else `default`),
    /// colour and width, and opens the output. A chart format (svg) is refused: only a
    /// command that draws one opens its destination with [`Destination::chart`].
    pub fn new(args: &OutputArgs, default: Format) -> anyhow::Result<Destination> {
        Destination::open(args, default, false)
    }

    /// As [`Destination::new`], for a command that draws a chart: svg is accepted.
    pub fn chart(args: &OutputArgs, default: Format) -> anyhow::Result<Destination> {
        Destination::open(args, default, true)
    }

    fn open(args: &OutputArgs, default: Format, charts: bool) -> anyhow::Result<Destination> {
        let format = match (args.format, args.file()) {
            (Some(format), _) => format,
            (None, Some(path)) => format_of(path)?,
            (None, None) => default,
        };
        if format == Format::Svg && !charts {
            return Err(not_a_chart(args).into());
        }
        check_options(args, format)?;
        let terminal = args.file().is_none() && io::stdout().is_terminal();
        let color = use_color(args.color, terminal);
        let sink = Sink::open(args.file())?;
        if format == Format::Xlsx && sink.is_terminal() {
            return Err(UsageError::other(
                "xlsx is a binary file; write it with -o FILE.xlsx or redirect".to_string(),
            )
            .into());
        }
        Ok(Destination {
            style: Style {
                format,
                header: !args.no_header,
                bom: args.bom,
                csv_safe: args.csv_safe,
                color,
                width: table_width(terminal),
                // `-o /dev/tty` as well as standard output.
                terminal: sink.is_terminal(),
            },
            sink,
        })
    }

    /// Runs `write` against the destination (see [`Sink::write`]).
    pub fn write(
        self,
        write: impl FnOnce(&mut dyn Write, &Style) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        let style = self.style;
        self.sink.write(|out| write(out, &style))
    }
}

/// Options that do not go with the format: a usage error, not silently ignored.
fn check_options(args: &OutputArgs, format: Format) -> Result<(), UsageError> {
    let named = |format: Format| format!("--format {}", format.name());
    if format == Format::Markdown && args.no_header {
        return Err(UsageError::conflict(
            "--no-header",
            &named(format),
            "a markdown table needs its header row",
        ));
    }
    let delimited = matches!(format, Format::Csv | Format::Tsv);
    for (given, option) in [(args.bom, "--bom"), (args.csv_safe, "--csv-safe")] {
        if given && !delimited {
            return Err(UsageError::conflict(
                option,
                &named(format),
                "it applies to csv and tsv only",
            ));
        }
    }
    if args.no_header && !delimited && format != Format::Markdown {
        return Err(UsageError::conflict(
            "--no-header",
            &named(format),
            "only csv and tsv have a header row to leave out",
        ));
    }
    Ok(())
}

/// Svg asked of a command whose output is rows: names the option that asked (`--format`, or
/// `--output` by its extension) and the formats rows take.
fn not_a_chart(args: &OutputArgs) -> UsageError {
    const WHY: &str = "svg is a chart, and only gmg timeline draws one; this command takes table, csv, tsv, json, ndjson, markdown or xlsx";
    match (args.format, args.file()) {
        (None, Some(path)) => UsageError::new("--output", &path.display().to_string(), WHY),
        _ => UsageError::new("--format", "svg", WHY),
    }
}

fn format_of(path: &Path) -> Result<Format, UsageError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Format::from_extension(ext).ok_or_else(|| {
        UsageError::new(
            "--output",
            &path.display().to_string(),
            "cannot tell the format from the extension; use .csv .tsv .json .ndjson .md .txt .xlsx (.svg for gmg timeline), or give --format",
        )
    })
}

/// Whether to colour output that goes to a terminal (`terminal`) or not, by `--color` and
/// the environment (see [`color_decision`]).
pub fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    color_decision(choice, terminal, &ColorEnv::read())
}

/// What the environment says about colour, by the conventions other tools follow.
#[derive(Debug, Default, Clone, Copy)]
pub struct ColorEnv {
    /// `NO_COLOR` set and not empty (https://no-color.org).
    pub no_color: bool,
    /// `CLICOLOR_FORCE` set, not empty and not `0` (https://bixense.com/clicolors).
    pub force: bool,
    /// `CLICOLOR=0`.
    pub clicolor_off: bool,
    /// `TERM=dumb`: a terminal that cannot show colour.
    pub dumb: bool,
}

impl ColorEnv {
    pub fn read() -> ColorEnv {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        ColorEnv {
            no_color: var("NO_COLOR").is_some(),
            force: var("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
            clicolor_off: var("CLICOLOR").is_some_and(|v| v == "0"),
            dumb: var("TERM").is_some_and(|v| v == "dumb"),
        }
    }
}

/// `--color always` and `never` decide alone. With `auto`: no colour under `NO_COLOR`, colour
/// under `CLICOLOR_FORCE` (even piped), else colour on a terminal unless `CLICOLOR=0` or
/// `TERM=dumb`. The order is anstream's (and so clap's).
pub fn color_decision(choice: ColorChoice, terminal: bool, env: &ColorEnv) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if env.no_color => false,
        ColorChoice::Auto if env.force => true,
        ColorChoice::Auto => terminal && !env.clicolor_off && !env.dumb,
    }
}

/// The width a table may take: `COLUMNS` when set, else the terminal's (standard output's),
/// else unbounded (see [`width_decision`]).
pub fn table_width(terminal: bool) -> Option<u16> {
    let columns = std::env::var("COLUMNS").ok();
    let reported = if terminal {
        table::terminal_width()
    } else {
        None
    };
    width_decision(columns.as_deref(), terminal, reported)
}

/// "1 event", "2 events".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Writes a table without the trailing spaces comfy-table pads its last column with.
pub fn write_trimmed(out: &mut dyn Write, table: &comfy_table::Table) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, EventKind};
    use crate::record::Record;
    use proptest::prelude::*;

    fn event(title: String, note: String, organizers: Vec<String>) -> Event {
        Event {
            id: "e".into(),
            span: None,
            title: title.into(),
            kind: EventKind::Meeting,
            location: None,
            organizers: organizers.into_iter().map(Into::into).collect(),
            group: None,
            section: "II.1".into(),
            quote: "q".into(),
            also: Default::default(),
            note: Some(note.into()),
        }
    }

    #[test]
    fn colour_follows_the_flag_then_the_environment() {
        use ColorChoice::{Always, Auto, Never};
        let env = |no_color, force, clicolor_off, dumb| ColorEnv {
            no_color,
            force,
            clicolor_off,
            dumb,
        };
        let plain = ColorEnv::default();
        assert!(color_decision(Auto, true, &plain));
        assert!(!color_decision(Auto, false, &plain));
        // NO_COLOR wins over CLICOLOR_FORCE; --color over both.
        assert!(!color_decision(Auto, true, &env(true, false, false, false)));
        assert!(!color_decision(Auto, true, &env(true, true, false, false)));
        assert!(color_decision(
            Always,
            false,
            &env(true, false, false, true)
        ));
        // CLICOLOR_FORCE colours a pipe, and a dumb terminal.
        assert!(color_decision(Auto, false, &env(false, true, false, false)));
        assert!(color_decision(Auto, true, &env(false, true, false, true)));
        assert!(!color_decision(
            Never,
            true,
            &env(false, true, false, false)
        ));
        // TERM=dumb and CLICOLOR=0: no colour on a terminal.
        assert!(!color_decision(Auto, true, &env(false, false, false, true)));
        assert!(!color_decision(Auto, true, &env(false, false, true, false)));
    }

    fn style(format: Format) -> Style {
        Style {
            format,
            header: true,
            bom: false,
            csv_safe: false,
            color: false,
            width: None,
            terminal: false,
        }
    }

    proptest! {
        /// Whatever the text (quotes, commas, newlines, tabs, unicode, leading =+-@), a
        /// csv or tsv cell reads back exactly as written.
        #[test]
        fn text_survives_csv_and_tsv(title in "\\PC*|[=+@\t\r\n,\"-]{0,6}\\PC{0,10}", note in any::<String>()) {
            let e = event(title.clone(), note.clone(), vec![]);
            let fields = ["title", "note"].map(|f| Event::field_index(f).unwrap());
            for (format, delimiter) in [(Format::Csv, b','), (Format::Tsv, b'\t')] {
                let mut out = Vec::new();
                render(&Rows { records: (&[&e][..]).into(), fields: (&fields[..]).into(), kept: &[] }, &style(format), &mut out).unwrap();
                let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(out.as_slice());
                let row = reader.records().next().unwrap().unwrap();
                prop_assert_eq!(&row[0], title.as_str());
                prop_assert_eq!(&row[1], note.as_str());
            }
        }

        #[test]
        fn json_round_trips_text(title in any::<String>(), organizers in proptest::collection::vec(any::<String>(), 0..3)) {
            let e = event(title.clone(), String::new(), organizers.clone());
            let mut out = Vec::new();
            let fields = ["title", "organizers"].map(|f| Event::field_index(f).unwrap());
            render(&Rows { records: (&[&e][..]).into(), fields: (&fields[..]).into(), kept: &[] }, &style(Format::Ndjson), &mut out).unwrap();
            let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
            prop_assert_eq!(value["title"].as_str(), Some(title.as_str()));
            prop_assert_eq!(value["organizers"].clone(), serde_json::json!(organizers));
        }
    }
}
