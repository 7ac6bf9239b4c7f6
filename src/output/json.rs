//! JSON (one array of objects) and NDJSON (one object per line) through serde_json, each row
//! written as it comes. Characters that could drive a terminal and that serde_json leaves as
//! they are (DEL, C1 controls, bidi controls) are written as `\uXXXX` escapes: the same
//! string to any JSON reader, and nothing raw on a screen.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use super::RowSource;
use crate::record::Cell;

pub fn render(
    names: &[&str],
    rows: &mut dyn RowSource,
    lines: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if lines {
        while let Some(cells) = rows.next()? {
            let mut json =
                serde_json::Serializer::with_formatter(&mut *out, Guarded(CompactFormatter));
            Object {
                names,
                cells: &cells,
            }
            .serialize(&mut json)?;
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    let mut json =
        serde_json::Serializer::with_formatter(&mut *out, Guarded(PrettyFormatter::new()));
    let mut array = json.serialize_seq(None)?;
    while let Some(cells) = rows.next()? {
        array.serialize_element(&Object {
            names,
            cells: &cells,
        })?;
    }
    SerializeSeq::end(array)?;
    out.write_all(b"\n")
}

/// One row as a JSON object, its columns in order.
struct Object<'a> {
    names: &'a [&'a str],
    cells: &'a [Cell<'a>],
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.names.len()))?;
        for (name, cell) in self.names.iter().zip(self.cells) {
            map.serialize_entry(name, cell)?;
        }
        map.end()
    }
}

/// A formatter that escapes, in strings, what [`crate::text::forbidden`] forbids and
/// serde_json does not escape itself; everything else is `F`'s.
struct Guarded<F>(F);

impl<F: Formatter> Formatter for Guarded<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if crate::text::first_forbidden(fragment).is_none() {
            return self.0.write_string_fragment(writer, fragment);
        }
        let mut rest = fragment;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| crate::text::forbidden(c))
        {
            self.0.write_string_fragment(writer, &rest[..at])?;
            // Every forbidden character is in the Basic Multilingual Plane.
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.write_string_fragment(writer, rest)
    }

    // The rest is `F`'s: the layout of arrays and objects (indentation, for pretty JSON).
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_could_drive_a_terminal_is_escaped_and_reads_back_the_same() {
        let text = "a\u{1b}[2J\u{7f}\u{9b}1m\u{202e}z\té\n";
        let mut out = Vec::new();
        let mut json = serde_json::Serializer::with_formatter(&mut out, Guarded(CompactFormatter));
        text.serialize(&mut json).unwrap();
        let written = String::from_utf8(out).unwrap();
        assert_eq!(written, "\"a\\u001b[2J\\u007f\\u009b1m\\u202ez\\té\\n\"");
        let back: String = serde_json::from_str(&written).unwrap();
        assert_eq!(back, text);
    }
}
