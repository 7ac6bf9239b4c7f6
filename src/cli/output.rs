//! The options every listing shares for its output: format, fields, order, limit,
//! destination, and what csv and tsv may add.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::parse::parse_limit;

#[derive(Debug, Args, Default, Clone)]
pub struct OutputArgs {
    /// Output format [default: from --output's extension, else table]
    #[arg(short, long, value_enum, ignore_case = true, help_heading = "Output")]
    pub format: Option<Format>,
    /// Print these fields, in this order (comma-separated)
    #[arg(
        long,
        value_name = "FIELDS",
        value_delimiter = ',',
        help_heading = "Output"
    )]
    pub fields: Option<Vec<String>>,
    /// Sort by FIELD; `date` is the start (due for deliverables, year for Chairs)
    /// [default: date, then id; members by acronym; handover in report order]
    #[arg(long, value_name = "FIELD", help_heading = "Output")]
    pub sort: Option<String>,
    /// Reverse the order
    #[arg(long, help_heading = "Output")]
    pub reverse: bool,
    /// Print at most N records
    #[arg(long, value_name = "N", value_parser = parse_limit, allow_hyphen_values = true, help_heading = "Output")]
    pub limit: Option<usize>,
    /// Write to FILE (whole or not at all) instead of standard output; `-` is standard output
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Leave out the header row (csv, tsv)
    #[arg(long, help_heading = "Output")]
    pub no_header: bool,
    /// Start csv/tsv with a UTF-8 byte order mark, for spreadsheet programs that need one
    #[arg(long, help_heading = "Output")]
    pub bom: bool,
    /// In csv/tsv, put ' before text cells that start with = + - @, a tab or a carriage
    /// return, so a spreadsheet cannot run them as formulas (this changes the data)
    #[arg(long, help_heading = "Output")]
    pub csv_safe: bool,
    /// When to colour the table (auto: on a terminal unless NO_COLOR, CLICOLOR=0 or
    /// TERM=dumb; CLICOLOR_FORCE colours a pipe too)
    #[arg(long, value_enum,
        ignore_case = true, value_name = "WHEN", default_value_t = ColorChoice::Auto, help_heading = "Output")]
    pub color: ColorChoice,
}

impl OutputArgs {
    /// The file `-o` names; `None` for standard output (no `-o`, or `-o -`).
    pub fn file(&self) -> Option<&std::path::Path> {
        self.output.as_deref().filter(|p| p.as_os_str() != "-")
    }

    /// The first option given that chooses, orders or limits rows (`--fields`, `--sort`,
    /// `--reverse`, `--limit`), for commands whose rows are not the user's to shape.
    pub fn shaping(&self) -> Option<&'static str> {
        [
            (self.fields.is_some(), "--fields"),
            (self.sort.is_some(), "--sort"),
            (self.reverse, "--reverse"),
            (self.limit.is_some(), "--limit"),
        ]
        .into_iter()
        .find_map(|(given, option)| given.then_some(option))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for reading in a terminal
    Table,
    /// Comma-separated values with a header row
    Csv,
    /// Tab-separated values with a header row
    Tsv,
    /// One JSON array of objects
    Json,
    /// One JSON object per line
    Ndjson,
    /// A markdown pipe table
    Markdown,
    /// An SVG chart (gmg timeline only)
    Svg,
    /// An Excel workbook (binary: to a file or a pipe, never a terminal)
    Xlsx,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Markdown => "markdown",
            Format::Svg => "svg",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "json" => Some(Format::Json),
            "ndjson" | "jsonl" => Some(Format::Ndjson),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Table),
            "svg" => Some(Format::Svg),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour on a terminal, by NO_COLOR, CLICOLOR_FORCE, CLICOLOR and TERM
    #[default]
    Auto,
    Always,
    Never,
}
