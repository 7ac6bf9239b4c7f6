//! Reading a dataset's RON text with the ron crate through serde. Each record is checked as
//! serde yields it, so a large file never holds its raw records and its model at once. A
//! syntax error keeps ron's line and column, in clearer words where ron's are terse, with the
//! record it stopped in. Shared with the build script.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

use super::check::{check, Checkable, Checked, Parsed, Problems};
use super::raw::RawReport;
use crate::model::{Dataset, Deliverable, Entity, Event, Group, Handover, Member, Statement};
use crate::text::Echo;

/// Parses and checks dataset text; `name` is how problems name the file. The dataset borrows
/// its text from `text` (see [`raw::Str`](super::raw::Str)), which is why it lives as long as
/// the program: the file's text is kept once it is read (see `dataset::load`).
pub fn parse(text: &'static str, name: &str) -> Result<Dataset, Problems> {
    let parsed = read(text, name)?;
    checked(parsed, name)
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
    })
}

/// The checks across records, on records read and checked on their own.
pub fn checked(parsed: Parsed, name: &str) -> Result<Dataset, Problems> {
    check(parsed).map_err(|list| Problems {
        origin: name.to_string(),
        list,
    })
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
