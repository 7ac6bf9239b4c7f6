//! Reading a dataset's RON text with the ron crate through serde. Each record is checked as
//! serde yields it, so a large file never holds its raw records and its model at once. A
//! syntax error keeps ron's line and column, in clearer words where ron's are terse, with the
//! record it stopped in. Shared with the build script.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

use super::check::{check, Checkable, Checked, Parsed, Problem, Problems};
use super::raw::RawReport;
use crate::model::{
    Accomplishment, Chair, Dataset, Deliverable, Entity, Event, Group, Handover, Member, Objective,
    Proposal, Statement,
};
use crate::text::Echo;

/// Parses and checks dataset text; `name` is how problems name the file. The dataset borrows
/// its text from `text` (see [`raw::Str`](super::raw::Str)), which is why it lives as long as
/// the program: the file's text is kept once it is read (see `dataset::load`).
pub fn parse(text: &'static str, name: &str) -> Result<Dataset, Problems> {
    let parsed = read(text, name)?;
    checked(parsed, text, name)
}

/// Reads dataset text into records each checked on its own.
pub fn read(text: &'static str, name: &str) -> Result<Parsed, Problems> {
    STOPPED_IN.set(None);
    let document: Document = ron::from_str(text).map_err(|e| Problems {
        origin: name.to_string(),
        list: vec![syntax(&e, text)],
    })?;
    Ok(Parsed {
        report: document.report,
        events: document.events.0,
        statements: document.statements.0,
        members: document.members.0,
        entities: document.entities.0,
        handover: document.handover.0,
        groups: document.groups.0,
        deliverables: document.deliverables.0,
        objectives: document.objectives.0,
        accomplishments: document.accomplishments.0,
        proposals: document.proposals.0,
        chairs: document.chairs.0,
    })
}

/// The checks across records, on records read from `text` and checked on their own.
pub fn checked(parsed: Parsed, text: &str, name: &str) -> Result<Dataset, Problems> {
    let counts = parsed.counts();
    check(parsed).map_err(|list| Problems {
        origin: name.to_string(),
        list: placed(list, text, &counts),
    })
}

/// Problems as messages, each after the line and column where its record starts in `text`
/// (`12:9: event 'x': …`), as a syntax error is placed. `counts` are how many records each
/// list was read with: where the records are is found only now that a problem needs it
/// (see [`record_starts`]), and a list found with another count gets no places rather than
/// wrong ones.
pub fn placed(problems: Vec<Problem>, text: &str, counts: &[(&'static str, usize)]) -> Vec<String> {
    let starts = record_starts(text);
    let start = |problem: &Problem| -> Option<usize> {
        let found = starts.get(problem.noun)?;
        let count = counts.iter().find(|(noun, _)| *noun == problem.noun)?.1;
        (found.len() == count).then(|| found.get(problem.index).copied())?
    };
    // Lines and columns in one pass over the text, however many problems there are.
    let mut order: Vec<(usize, usize)> = problems
        .iter()
        .enumerate()
        .filter_map(|(i, p)| start(p).map(|at| (at, i)))
        .collect();
    order.sort_unstable();
    let mut places = vec![None; problems.len()];
    let (mut line, mut col, mut from) = (1, 1, 0);
    for (at, i) in order {
        let passed = &text[from..at];
        match passed.rfind('\n') {
            Some(last) => {
                line += passed.bytes().filter(|&b| b == b'\n').count();
                col = passed[last + 1..].chars().count() + 1;
            }
            None => col += passed.chars().count(),
        }
        from = at;
        places[i] = Some((line, col));
    }
    problems
        .into_iter()
        .zip(places)
        .map(|(problem, place)| match place {
            Some((line, col)) => format!("{line}:{col}: {}", problem.message),
            None => problem.message,
        })
        .collect()
}

/// The lists of a dataset, by the field that holds them, and what one record is called.
const LISTS: [(&str, &str); 11] = [
    ("events", "event"),
    ("statements", "statement"),
    ("members", "member"),
    ("entities", "entity"),
    ("handover", "handover item"),
    ("groups", "group"),
    ("deliverables", "deliverable"),
    ("objectives", "objective"),
    ("accomplishments", "accomplishment"),
    ("proposals", "proposal"),
    ("chairs", "chair"),
];

/// Where each record starts in dataset text that ron has read (so valid RON): by its noun,
/// the byte offsets of the records of each list in order, and of the report. It follows the
/// text's nesting past strings (raw ones too), characters and comments: a record starts at
/// the first token after a top-level list's `[` or a `,` in it.
pub(super) fn record_starts(text: &str) -> HashMap<&'static str, Vec<usize>> {
    let bytes = text.as_bytes();
    let mut starts: HashMap<&'static str, Vec<usize>> = HashMap::new();
    let mut depth = 0usize;
    // The dataset's field whose value is being read, and the list being read (its noun).
    let mut field: Option<&str> = None;
    let mut name: Option<&str> = None;
    let mut list: Option<&'static str> = None;
    let mut expect_record = false;
    let mut i = 0;
    loop {
        i += blank_len(&text[i..]);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if expect_record && b != b']' {
            if let Some(noun) = list {
                starts.entry(noun).or_default().push(i);
            }
            expect_record = false;
        }
        match b {
            b'"' => i = string_end(bytes, i + 1),
            b'\'' => i = char_end(bytes, i + 1),
            b'r' | b'b' if raw_string(bytes, i).is_some() => {
                i = raw_string(bytes, i).unwrap_or(bytes.len());
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth == 1 {
                    field = None;
                } else if depth == 2 && b == b'[' {
                    list = LISTS
                        .iter()
                        .find(|(f, _)| Some(*f) == field)
                        .map(|(_, noun)| *noun);
                    expect_record = true;
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth < 2 {
                    list = None;
                    expect_record = false;
                }
                i += 1;
            }
            b',' => {
                expect_record = depth == 2 && list.is_some();
                i += 1;
            }
            b':' => {
                if depth == 1 {
                    field = name;
                    if field == Some("report") {
                        // The report is a record too: it starts at its value.
                        i += 1;
                        i += blank_len(&text[i..]);
                        starts.entry("report").or_default().push(i);
                        continue;
                    }
                }
                i += 1;
            }
            b if b == b'_' || b.is_ascii_alphabetic() => {
                let start = i;
                if bytes[i..].starts_with(b"r#") {
                    i += 2;
                }
                while bytes
                    .get(i)
                    .is_some_and(|&c| c == b'_' || c.is_ascii_alphanumeric())
                {
                    i += 1;
                }
                name = Some(text[start..i].trim_start_matches("r#"));
            }
            _ => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    starts
}

/// The offset just past the closing quote of a string whose text starts at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The offset just past a character literal whose text starts at `i`.
fn char_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'\'' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// When a raw string (`r"…"`, `r#"…"#`, `br"…"`) or a byte string (`b"…"`) starts at `i`,
/// the offset just past it.
fn raw_string(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
        if bytes.get(j) == Some(&b'"') {
            return Some(string_end(bytes, j + 1));
        }
    }
    if bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = bytes[j..].iter().take_while(|&&b| b == b'#').count();
    j += hashes;
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    let close: Vec<u8> = std::iter::once(b'"')
        .chain(std::iter::repeat_n(b'#', hashes))
        .collect();
    let body = j + 1;
    Some(
        bytes[body..]
            .windows(close.len())
            .position(|w| w == close.as_slice())
            .map_or(bytes.len(), |p| body + p + close.len()),
    )
}

/// The document as serde reads it: the report, then the lists, checked record by record.
#[derive(serde::Deserialize)]
#[serde(
    rename = "Dataset",
    deny_unknown_fields,
    bound(deserialize = "'de: 'static")
)]
struct Document {
    report: RawReport<'static>,
    #[serde(default)]
    events: CheckedList<Event>,
    #[serde(default)]
    statements: CheckedList<Statement>,
    #[serde(default)]
    members: CheckedList<Member>,
    #[serde(default)]
    entities: CheckedList<Entity>,
    #[serde(default)]
    handover: CheckedList<Handover>,
    #[serde(default)]
    groups: CheckedList<Group>,
    #[serde(default)]
    deliverables: CheckedList<Deliverable>,
    #[serde(default)]
    objectives: CheckedList<Objective>,
    #[serde(default)]
    accomplishments: CheckedList<Accomplishment>,
    #[serde(default)]
    proposals: CheckedList<Proposal>,
    #[serde(default)]
    chairs: CheckedList<Chair>,
}

/// A list whose records are checked one at a time, as they are read.
struct CheckedList<T>(Vec<Checked<T>>);

impl<T> Default for CheckedList<T> {
    fn default() -> Self {
        CheckedList(Vec::new())
    }
}

impl<'de, T> Deserialize<'de> for CheckedList<T>
where
    T: Checkable,
    T::Raw: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for ListVisitor<T>
where
    T: Checkable,
    T::Raw: Deserialize<'de>,
{
    type Value = CheckedList<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {} records", T::NOUN)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut records = Vec::new();
        loop {
            match seq.next_element::<T::Raw>() {
                Ok(Some(raw)) => records.push(T::check(raw)),
                Ok(None) => return Ok(CheckedList(records)),
                Err(e) => {
                    // Say which record the syntax error is in; the error itself goes on
                    // unchanged so its kind and place survive.
                    let after = records.last().map(|r| match r {
                        Ok(record) => record.id().to_string(),
                        Err(rejected) => rejected.id.clone(),
                    });
                    STOPPED_IN.set(Some(StoppedIn {
                        noun: T::NOUN,
                        number: records.len() + 1,
                        after,
                    }));
                    return Err(e);
                }
            }
        }
    }
}

/// The record a syntax error stopped in, noted on the way out of the list that held it.
struct StoppedIn {
    noun: &'static str,
    number: usize,
    after: Option<String>,
}

thread_local! {
    static STOPPED_IN: Cell<Option<StoppedIn>> = const { Cell::new(None) };
}

/// A syntax error as a problem: `LINE:COLUMN: what was wrong (in which record)`.
fn syntax(error: &ron::error::SpannedError, text: &str) -> String {
    let at = token_at(text, &error.span.start);
    let found = match error.code {
        ron::Error::ExpectedString
        | ron::Error::ExpectedInteger
        | ron::Error::ExpectedComma
        | ron::Error::ExpectedArray
        | ron::Error::ExpectedArrayEnd
        | ron::Error::ExpectedStructLike
        | ron::Error::ExpectedNamedStructLike(_)
        | ron::Error::ExpectedStructLikeEnd
        | ron::Error::ExpectedOption
        | ron::Error::ExpectedIdentifier => format!(", found {}", found_at(text, at.line, at.col)),
        _ => String::new(),
    };
    // A string that lost its closing quote swallows the next field's name and its opening
    // quote; what ron then trips over is the value after it.
    let unclosed = matches!(error.code, ron::Error::ExpectedComma)
        && before(text, at.line, at.col).trim_end().ends_with('"')
        && found_at(text, at.line, at.col).starts_with('`');
    let found = if unclosed {
        format!("{found}; is a string before it missing its closing `\"`?")
    } else {
        found
    };
    let place = match STOPPED_IN.take() {
        Some(StoppedIn {
            noun,
            number,
            after: Some(after),
        }) => format!(" (in {noun} {number}, the one after '{}')", Echo(&after)),
        Some(StoppedIn { noun, number, .. }) => format!(" (in {noun} {number})"),
        None => String::new(),
    };
    format!("{}:{}: {}{found}{place}", at.line, at.col, say(&error.code))
}

/// Where the token at `at` or after it starts. ron places an error where its parser stood,
/// which may be before the whitespace and comments that precede the token it stopped at
/// (`(\n\n  @@@` at 1:2); a message points at the token itself (3:3). `at` itself when no
/// token follows.
fn token_at(text: &str, at: &ron::error::Position) -> ron::error::Position {
    let line_start: usize = text
        .split('\n')
        .take(at.line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    let offset = (line_start + before(text, at.line, at.col).len()).min(text.len());
    let blank = blank_len(&text[offset..]);
    if offset + blank >= text.len() {
        return *at;
    }
    let skipped = &text[offset..offset + blank];
    match skipped.rfind('\n') {
        None => ron::error::Position {
            line: at.line,
            col: at.col + skipped.chars().count(),
        },
        Some(last) => ron::error::Position {
            line: at.line + skipped.matches('\n').count(),
            col: skipped[last + 1..].chars().count() + 1,
        },
    }
}

/// How many bytes of whitespace and comments (`// …` to the end of the line, `/* … */`
/// nested) `text` starts with. An unclosed comment counts as blank to the end.
fn blank_len(text: &str) -> usize {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if let Some(comment) = trimmed.strip_prefix("//") {
            rest = comment.find('\n').map_or("", |end| &comment[end..]);
        } else if trimmed.starts_with("/*") {
            let mut depth = 0usize;
            let mut i = 0;
            let bytes = trimmed.as_bytes();
            while i < bytes.len() {
                if bytes[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if bytes[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            rest = &trimmed[i.min(trimmed.len())..];
        } else {
            return text.len() - trimmed.len();
        }
    }
}

/// The text of line `line` before column `col` (1-based, in characters).
fn before(text: &str, line: usize, col: usize) -> &str {
    let l = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let end = l
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(l.len(), |(i, _)| i);
    &l[..end]
}

/// What stands at `line`:`col` (1-based, in characters) of `text`, past any whitespace, for
/// "found …" in messages.
fn found_at(text: &str, line: usize, col: usize) -> String {
    let l = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let rest = &l[before(text, line, col).len()..];
    let token: String = rest
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ')' | ']'))
        .take(20)
        .collect();
    match token.as_str() {
        "" => match rest.trim_start().chars().next() {
            Some(c) => format!("`{}`", Echo(&c.to_string())),
            None => "the end of the line".to_string(),
        },
        token => format!("`{}`", Echo(token)),
    }
}

/// What ron found wrong, in plain words where its own are terse.
fn say(code: &ron::Error) -> String {
    use ron::Error as E;
    let list = |names: &[&str]| names.join(", ");
    match code {
        E::ExpectedString => "expected a string in double quotes".to_string(),
        E::ExpectedStringEnd => "a string is not closed: expected a closing `\"`".to_string(),
        E::ExpectedInteger => "expected a whole number".to_string(),
        E::IntegerOutOfBounds => "the number is out of range".to_string(),
        E::ExpectedComma => "expected `,` between values".to_string(),
        E::ExpectedArray => "expected a list, opened with `[`".to_string(),
        E::ExpectedArrayEnd => "expected `,` or the `]` that closes the list".to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected a record, opened with `(` or `Name(`".to_string()
        }
        E::ExpectedStructLikeEnd => "expected `,` or the `)` that closes the record".to_string(),
        E::ExpectedOption => "expected an optional value: `Some(...)` or `None`, or the value \
             alone when the file starts with #![enable(implicit_some)]"
            .to_string(),
        E::ExpectedOptionEnd => "expected the `)` that closes `Some(`".to_string(),
        E::ExpectedIdentifier => "expected a field name".to_string(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}`, found `{}`", Echo(found))
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{}`{}; the fields are: {}",
            Echo(found),
            outer
                .as_deref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default(),
            list(expected)
        ),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("{outer} lacks the field `{field}`"),
            None => format!("the field `{field}` is missing"),
        },
        E::DuplicateStructField { field, .. } => format!("the field `{field}` is given twice"),
        E::NoSuchExtension(name) => format!(
            "no RON extension is named `{}`; the extensions are implicit_some, \
             unwrap_newtypes, unwrap_variant_newtypes and explicit_struct_names",
            Echo(name)
        ),
        E::Eof => "the file ends before the dataset does".to_string(),
        E::TrailingCharacters => "unexpected text after the dataset".to_string(),
        E::UnexpectedChar(c) => format!("unexpected character `{}`", Echo(&c.to_string())),
        E::UnclosedBlockComment => "a `/*` comment is not closed".to_string(),
        E::UnderscoreAtBeginning => "a number cannot start with `_`".to_string(),
        E::ExceededRecursionLimit => "values are nested too deeply".to_string(),
        E::Message(message) => Echo(message).to_string(),
        other => Echo(&other.to_string()).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `record_starts` as the text that starts there, cut at the first line end.
    fn starts(text: &str) -> Vec<(&'static str, Vec<&str>)> {
        let found = record_starts(text);
        let mut nouns: Vec<&&str> = found.keys().collect();
        nouns.sort();
        nouns
            .into_iter()
            .map(|noun| {
                let at = &found[*noun];
                let heads = at.iter().map(|&i| text[i..].lines().next().unwrap_or(""));
                (*noun, heads.collect())
            })
            .collect()
    }

    #[test]
    fn records_are_found_past_strings_comments_and_nesting() {
        let text = r##"#![enable(implicit_some)]
// events: [ Event( a comment that looks like records
Dataset(
    report: /* ( */ Report(title: "a [title", chair: r#"x")"]"#, year: 2016),
    events: [
        Event(id: "e1", title: "a \"quoted\", comma", organizers: ["x", "y"]),
        /* Event(id: "not one"), */ (id: "e2", note: r"raw ] , ("),
        Event(
            id: "e3",
        ),
    ],
    r#members: [(acronym: "M", also: [Source(section: "I", quote: "q")])],
    groups: [],
    handover: [ Handover(id: 'h'), ],
)"##;
        assert_eq!(
            starts(text),
            [
                (
                    "event",
                    vec![
                        "Event(id: \"e1\", title: \"a \\\"quoted\\\", comma\", organizers: [\"x\", \"y\"]),",
                        "(id: \"e2\", note: r\"raw ] , (\"),",
                        "Event(",
                    ]
                ),
                ("handover item", vec!["Handover(id: 'h'), ],"]),
                (
                    "member",
                    vec!["(acronym: \"M\", also: [Source(section: \"I\", quote: \"q\")])],"]
                ),
                (
                    "report",
                    vec!["Report(title: \"a [title\", chair: r#\"x\")\"]\"#, year: 2016),"]
                ),
            ]
        );
    }

    #[test]
    fn problems_are_placed_at_their_records_on_one_line_too() {
        let text =
            "(report: Report(title: \"t\"), events: [(id: \"a\"), (id: \"é\"), (id: \"c\")])";
        let problem = |noun, index| Problem {
            noun,
            index,
            message: format!("{noun} {index}"),
        };
        let counts = [("report", 1), ("event", 3)];
        assert_eq!(
            placed(
                vec![
                    problem("event", 2),
                    problem("report", 0),
                    problem("event", 1)
                ],
                text,
                &counts
            ),
            ["1:61: event 2", "1:10: report 0", "1:50: event 1"]
        );
        // A list found with another count than was read gets no places, not wrong ones.
        assert_eq!(
            placed(vec![problem("event", 0)], text, &[("event", 4)]),
            ["event 0"]
        );
    }
}
