//! Synthetic datasets for benchmarks: `cargo run --release --example synth -- N [--json]`
//! writes a valid dataset with N statements, N events (each statement points at one),
//! N/10 members and N/10 handover items, spread over 2010-2025, with text of realistic
//! length. The same N always gives the same bytes. `--json` writes the same content as
//! JSON (for comparing with jq); RON is the default.
//!
//! Quotes are invented, so check such a file with `gmg validate FILE --no-quotes`.

use std::io::{self, BufWriter, Write};

const WORDS: &[&str] = &[
    "migration",
    "development",
    "refugees",
    "migrants",
    "global",
    "forum",
    "meeting",
    "rights",
    "human",
    "women",
    "girls",
    "gender",
    "labour",
    "mobility",
    "data",
    "policy",
    "regional",
    "national",
    "summit",
    "declaration",
    "compact",
    "coordination",
    "partnership",
    "workshop",
    "session",
    "commission",
    "statistics",
    "remittances",
    "inclusion",
    "protection",
    "crisis",
    "displacement",
    "integration",
    "xenophobia",
    "governance",
    "capacity",
    "diaspora",
    "recruitment",
    "decent",
    "work",
    "sustainable",
    "agenda",
    "implementation",
    "review",
    "follow-up",
    "dialogue",
    "high-level",
    "panel",
    "roundtable",
    "São Paulo",
    "Genève",
    "Secretary-General’s",
    "multi-stakeholder",
    "“large movements”",
];
const PLACES: &[&str] = &[
    "New York",
    "Geneva",
    "Dhaka, Bangladesh",
    "Bangkok",
    "Colombo",
    "Quito",
    "Manila",
    "Istanbul",
];
const KINDS: &[&str] = &[
    "meeting",
    "session",
    "side-event",
    "panel",
    "gfmd-workshop",
    "multi-stakeholder-meeting",
    "forum",
];
const SECTIONS: &[&str] = &["II.1", "II.3", "II.4", "Annex B.1", "Annex B.3", "Annex C"];

/// A small deterministic generator (xorshift64*), so no crate is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Words to `min` characters and up to `spread` more, sometimes with a quoted phrase.
    fn text(&mut self, min: usize, spread: usize) -> String {
        let chars = min + self.below(spread);
        let mut out = String::new();
        while out.len() < chars {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.pick(WORDS));
        }
        if self.below(8) == 0 {
            out.push_str(" \"as printed\"");
        }
        let mut first = out.chars();
        first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect())
            .unwrap_or_default()
    }
}

struct Date {
    year: i32,
    month: u32,
    day: u32,
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    fn plus_days(&self, n: u32) -> Date {
        let (mut year, mut month, mut day) = (self.year, self.month, self.day + n);
        while day > days_in(year, month) {
            day -= days_in(year, month);
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
            }
        }
        Date { year, month, day }
    }

    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A string literal: RON and JSON escape the same two characters here.
fn lit(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// One record as (field, value literal) pairs; `None` values are left out.
type Fields = Vec<(&'static str, Option<String>)>;

struct Writer<W: Write> {
    out: W,
    json: bool,
}

impl<W: Write> Writer<W> {
    fn record(&mut self, name: &str, fields: &Fields, last: bool) -> io::Result<()> {
        let present: Vec<&(&str, Option<String>)> =
            fields.iter().filter(|(_, v)| v.is_some()).collect();
        if self.json {
            write!(self.out, "    {{")?;
            for (i, (k, v)) in present.iter().enumerate() {
                let sep = if i == 0 { "" } else { ", " };
                write!(self.out, "{sep}\"{k}\": {}", v.as_deref().unwrap_or("null"))?;
            }
            writeln!(self.out, "}}{}", if last { "" } else { "," })
        } else {
            writeln!(self.out, "        {name}(")?;
            for (k, v) in present {
                writeln!(
                    self.out,
                    "            {k}: {},",
                    v.as_deref().unwrap_or_default()
                )?;
            }
            writeln!(self.out, "        ),")
        }
    }

    fn open(&mut self, collection: &str) -> io::Result<()> {
        if self.json {
            writeln!(self.out, "  \"{collection}\": [")
        } else {
            writeln!(self.out, "    {collection}: [")
        }
    }

    fn close(&mut self, last: bool) -> io::Result<()> {
        if self.json {
            writeln!(self.out, "  ]{}", if last { "" } else { "," })
        } else {
            writeln!(self.out, "    ],")
        }
    }
}

/// An event's title; the first one starts with a word of `long_word` characters when asked
/// (the benchmark's case for laying out text that cannot be wrapped at spaces).
fn title(rng: &mut Rng, i: usize, long_word: usize) -> String {
    let text = rng.text(40, 80);
    if i == 0 && long_word > 0 {
        format!("{} {text}", "w".repeat(long_word))
    } else {
        text
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")
    )
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = match args.first().and_then(|a| a.parse().ok()) {
        Some(n) if n > 0 => n,
        _ => {
            eprintln!("usage: synth N [--json] [--long-word L]   (N: how many statements and events, at least 1; L: a word of L characters starts the first event's title)");
            std::process::exit(2);
        }
    };
    let json = args.iter().any(|a| a == "--json");
    let long_word: usize = args
        .iter()
        .position(|a| a == "--long-word")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(0);
    let stdout = io::stdout();
    let mut w = Writer {
        out: BufWriter::with_capacity(1 << 20, stdout.lock()),
        json,
    };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n as u64);

    if json {
        writeln!(w.out, "{{")?;
        writeln!(w.out, "  \"report\": {{\"title\": \"Synthetic report\", \"chair\": \"Synth\", \"year\": 2016, \"start\": \"2016-01-01\", \"end\": \"2016-12-31\", \"source\": \"examples/synth.rs\"}},")?;
    } else {
        writeln!(w.out, "#![enable(implicit_some)]\n// Synthetic dataset: {n} statements. Generated by examples/synth.rs.\nDataset(")?;
        writeln!(w.out, "    report: Report(title: \"Synthetic report\", chair: \"Synth\", year: 2016, start: \"2016-01-01\", end: \"2016-12-31\", source: \"examples/synth.rs\"),")?;
    }

    // Events: most known to the day, some to the month or the year.
    let mut spans = Vec::with_capacity(n);
    w.open("events")?;
    for i in 0..n {
        let year = 2010 + rng.below(16) as i32;
        let month = 1 + rng.below(12) as u32;
        let (start, end, precision) = match rng.below(20) {
            0 => (
                Date {
                    year,
                    month: 1,
                    day: 1,
                },
                Date {
                    year,
                    month: 12,
                    day: 31,
                },
                "year",
            ),
            1 | 2 => (
                Date {
                    year,
                    month,
                    day: 1,
                },
                Date {
                    year,
                    month,
                    day: days_in(year, month),
                },
                "month",
            ),
            _ => {
                let start = Date {
                    year,
                    month,
                    day: 1 + rng.below(days_in(year, month) as usize) as u32,
                };
                let end = start.plus_days(rng.below(4) as u32);
                (start, end, "day")
            }
        };
        let organizers: Vec<String> = (0..rng.below(3))
            .map(|_| format!("ORG{}", rng.below(n / 10 + 1)))
            .collect();
        let fields: Fields = vec![
            ("id", Some(lit(&format!("e{i:07}")))),
            ("start", Some(lit(&start.iso()))),
            ("end", Some(lit(&end.iso()))),
            ("precision", Some(lit(precision))),
            ("title", Some(lit(&title(&mut rng, i, long_word)))),
            ("kind", Some(lit(rng.pick(KINDS)))),
            (
                "location",
                (rng.below(3) > 0).then(|| lit(rng.pick(PLACES))),
            ),
            (
                "organizers",
                (!organizers.is_empty()).then(|| list(&organizers)),
            ),
            ("section", Some(lit(rng.pick(SECTIONS)))),
            ("quote", Some(lit(&rng.text(80, 220)))),
            ("note", (rng.below(4) == 0).then(|| lit(&rng.text(60, 120)))),
        ];
        w.record("Event", &fields, i + 1 == n)?;
        // A statement at an event known only to the month or year gets a day inside it.
        let day = if precision == "day" {
            None
        } else {
            Some(start.plus_days(rng.below(28) as u32))
        };
        spans.push((start, end, day));
    }
    w.close(false)?;

    // Statements: each within its event.
    w.open("statements")?;
    for i in 0..n {
        let event = rng.below(n);
        let (start, end) = match &spans[event] {
            (_, _, Some(day)) => (day, day),
            (start, end, None) => (start, end),
        };
        let fields: Fields = vec![
            ("id", Some(lit(&format!("s{i:07}")))),
            ("start", Some(lit(&start.iso()))),
            ("end", Some(lit(&end.iso()))),
            ("title", Some(lit(&rng.text(40, 100)))),
            ("event", Some(lit(&format!("e{event:07}")))),
            (
                "location",
                (rng.below(2) == 0).then(|| lit(rng.pick(PLACES))),
            ),
            ("section", Some(lit(rng.pick(SECTIONS)))),
            ("quote", Some(lit(&rng.text(80, 200)))),
            ("note", (rng.below(5) == 0).then(|| lit(&rng.text(60, 100)))),
        ];
        w.record("Statement", &fields, i + 1 == n)?;
    }
    w.close(false)?;

    let members = (n / 10).max(1);
    w.open("members")?;
    for i in 0..members {
        let fields: Fields = vec![
            ("acronym", Some(lit(&format!("ORG{i}")))),
            // Distinct, as every entity's names must be (two members may not share one).
            (
                "name",
                Some(lit(&format!("Member {i:07} {}", rng.text(30, 40)))),
            ),
            (
                "added",
                (rng.below(5) == 0).then(|| (2006 + rng.below(12)).to_string()),
            ),
            ("section", Some(lit("Annex D"))),
            ("quote", Some(lit(&rng.text(30, 40)))),
        ];
        w.record("Member", &fields, i + 1 == members)?;
    }
    w.close(false)?;

    w.open("handover")?;
    for i in 0..members {
        let chairs: Vec<String> = (0..1 + rng.below(3))
            .map(|_| format!("ORG{}", rng.below(members)))
            .collect();
        let text = rng.text(80, 200);
        let fields: Fields = vec![
            ("id", Some(lit(&format!("h{i:07}")))),
            ("chairs", Some(list(&chairs))),
            ("text", Some(lit(&text))),
            ("section", Some(lit("IV"))),
            ("quote", Some(lit(&text))),
        ];
        w.record("Handover", &fields, i + 1 == members)?;
    }
    w.close(true)?;
    writeln!(w.out, "{}", if json { "}" } else { ")" })?;
    w.out.flush()
}
