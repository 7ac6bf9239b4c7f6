//! A fast reader for the RON that datasets are written in: the subset the schema uses
//! (named or anonymous structs, lists, strings, integers, `Some`/`None` or bare optional
//! values, comments, `#![enable(...)]`), read straight into the raw record types.
//!
//! Why not the ron crate: on a dataset of 100,000 statements it spent ~47 instructions a
//! byte, a third of them skipping whitespace, and copied every string through serde. This
//! reader does one pass over the bytes and copies each string once. Its results are
//! checked against the ron crate on the same input (see the tests), which stays a
//! dev-dependency as the reference.

use std::fmt;

/// A syntax error at a place in the text (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Reads a whole document holding one `T`.
pub fn read<T: Read>(text: &str) -> Result<T> {
    let mut p = Parser {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    p.ws()?;
    p.attributes()?;
    let value = T::read(&mut p)?;
    p.ws()?;
    if p.pos < p.bytes.len() {
        return Err(p.error(p.pos, "unexpected text after the dataset"));
    }
    Ok(value)
}

/// A value the reader can read.
pub trait Read: Sized {
    fn read(p: &mut Parser<'_>) -> Result<Self>;
}

pub struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    /// An error at byte offset `at`.
    pub fn error(&self, at: usize, message: impl Into<String>) -> Error {
        let at = at.min(self.bytes.len());
        let before = &self.src[..floor_char_boundary(self.src, at)];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Error {
            line: before.matches('\n').count() + 1,
            col: before[line_start..].chars().count() + 1,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// What stands at the current position, for messages.
    fn found(&self) -> String {
        match self.src[self.pos..].chars().next() {
            None => "the end of the file".to_string(),
            Some(c) => format!("`{c}`"),
        }
    }

    fn expected(&self, what: &str) -> Error {
        self.error(self.pos, format!("expected {what}, found {}", self.found()))
    }

    /// Skips whitespace and comments (`//` to the end of the line, nested `/* */`).
    #[inline]
    fn ws(&mut self) -> Result<()> {
        // Most calls stand on a token already.
        match self.peek() {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/') => self.skip_ws(),
            _ => Ok(()),
        }
    }

    fn skip_ws(&mut self) -> Result<()> {
        loop {
            // Indentation is most of a pretty-printed file: skip it in a tight loop.
            let rest = &self.bytes[self.pos..];
            self.pos += rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(rest.len());
            match (self.peek(), self.bytes.get(self.pos + 1)) {
                (Some(b'/'), Some(b'/')) => {
                    self.pos = memchr::memchr(b'\n', &self.bytes[self.pos..])
                        .map_or(self.bytes.len(), |i| self.pos + i);
                }
                (Some(b'/'), Some(b'*')) => self.block_comment()?,
                _ => return Ok(()),
            }
        }
    }

    fn block_comment(&mut self) -> Result<()> {
        let start = self.pos;
        self.pos += 2;
        let mut depth = 1;
        while depth > 0 {
            match (self.peek(), self.bytes.get(self.pos + 1)) {
                (None, _) => return Err(self.error(start, "unclosed block comment")),
                (Some(b'/'), Some(b'*')) => (depth, self.pos) = (depth + 1, self.pos + 2),
                (Some(b'*'), Some(b'/')) => (depth, self.pos) = (depth - 1, self.pos + 2),
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    /// `#![enable(...)]` lines before the value. Optional values are read bare or as
    /// `Some(...)` either way, so the extensions named need no further handling.
    fn attributes(&mut self) -> Result<()> {
        while self.bytes[self.pos..].starts_with(b"#!") {
            self.pos += 2;
            self.byte(b'[')?;
            let name = self.ident()?;
            if name != "enable" {
                return Err(
                    self.error(self.pos - name.len(), format!("unknown attribute `{name}`"))
                );
            }
            self.byte(b'(')?;
            loop {
                self.ident()?;
                if !self.comma_or(b')')? {
                    break;
                }
            }
            self.byte(b']')?;
        }
        Ok(())
    }

    /// Expects the byte `b`, after whitespace.
    fn byte(&mut self, b: u8) -> Result<()> {
        self.ws()?;
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.expected(&format!("`{}`", b as char)))
        }
    }

    /// After an item: a `,` (true: more may follow) or the closing byte (false). A comma
    /// directly before the closing byte is allowed.
    fn comma_or(&mut self, close: u8) -> Result<bool> {
        self.ws()?;
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.ws()?;
                if self.peek() == Some(close) {
                    self.pos += 1;
                    return Ok(false);
                }
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.expected(&format!("`,` or `{}`", close as char))),
        }
    }

    fn ident(&mut self) -> Result<&'a str> {
        self.ws()?;
        let start = self.pos;
        let len = self.bytes[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
            .unwrap_or(self.bytes.len() - start);
        if len == 0 || self.bytes[start].is_ascii_digit() {
            return Err(self.expected("a name"));
        }
        self.pos += len;
        Ok(&self.src[start..start + len])
    }

    /// A string literal: `"..."` with escapes, or raw `r"..."`, `r#"..."#`.
    pub fn string(&mut self) -> Result<String> {
        self.ws()?;
        match self.peek() {
            Some(b'"') => {}
            Some(b'r') => return self.raw_string(),
            _ => return Err(self.expected("a string")),
        }
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escapes, one copy.
        let end = self.bytes[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
            .map(|i| start + i);
        match end {
            Some(end) if self.bytes[end] == b'"' => {
                self.pos = end + 1;
                Ok(self.src[start..end].to_owned())
            }
            Some(_) => self.escaped_string(start, open),
            None => Err(self.error(open, "unterminated string")),
        }
    }

    fn escaped_string(&mut self, start: usize, open: usize) -> Result<String> {
        let mut out = String::new();
        let mut run = start;
        loop {
            let Some(i) = memchr::memchr2(b'"', b'\\', &self.bytes[self.pos..]) else {
                return Err(self.error(open, "unterminated string"));
            };
            self.pos += i;
            out.push_str(&self.src[run..self.pos]);
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return Ok(out);
            }
            self.escape(&mut out)?;
            run = self.pos;
        }
    }

    /// One escape after a backslash: `\" \' \\ \n \r \t \0`, `\u{1F600}`, and `\xHH`
    /// (runs of which may spell one UTF-8 character).
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let at = self.pos;
        let bad = |p: &Self, what: &str| Err(p.error(at, format!("invalid escape: {what}")));
        self.pos += 1;
        let Some(c) = self.peek() else {
            return bad(self, "the string ends after `\\`");
        };
        self.pos += 1;
        match c {
            b'"' => out.push('"'),
            b'\'' => out.push('\''),
            b'\\' => out.push('\\'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'0' => out.push('\0'),
            b'u' => {
                if self.peek() != Some(b'{') {
                    return bad(self, "`\\u` needs braces, as in `\\u{e9}`");
                }
                let digits_start = self.pos + 1;
                let Some(close) = self.bytes[digits_start..]
                    .iter()
                    .take(7)
                    .position(|&b| b == b'}')
                else {
                    return bad(self, "`\\u{` needs 1 to 6 hex digits and `}`");
                };
                let digits = &self.src[digits_start..digits_start + close];
                let ch = u32::from_str_radix(digits, 16)
                    .ok()
                    .filter(|_| !digits.is_empty())
                    .and_then(char::from_u32);
                match ch {
                    Some(ch) => out.push(ch),
                    None => return bad(self, "not a Unicode character"),
                }
                self.pos = digits_start + close + 1;
            }
            b'x' => {
                let mut buf = Vec::with_capacity(4);
                loop {
                    let hex = self
                        .src
                        .get(self.pos..self.pos + 2)
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    let Some(byte) = hex else {
                        return bad(self, "`\\x` needs two hex digits");
                    };
                    self.pos += 2;
                    buf.push(byte);
                    if let Ok(s) = std::str::from_utf8(&buf) {
                        out.push_str(s);
                        return Ok(());
                    }
                    if buf.len() == 4 || !self.bytes[self.pos..].starts_with(b"\\x") {
                        return bad(self, "the `\\x` bytes are not one UTF-8 character");
                    }
                    self.pos += 2;
                }
            }
            _ => return bad(self, "unknown escape character"),
        }
        Ok(())
    }

    fn raw_string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 1;
        let hashes = self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        self.pos += hashes;
        if self.peek() != Some(b'"') {
            self.pos = open;
            return Err(self.expected("a string"));
        }
        self.pos += 1;
        let start = self.pos;
        let mut closing = vec![b'"'];
        closing.extend(std::iter::repeat_n(b'#', hashes));
        let end = self.bytes[start..]
            .windows(closing.len())
            .position(|w| w == closing.as_slice())
            .ok_or_else(|| self.error(open, "unterminated raw string"))?;
        self.pos = start + end + closing.len();
        Ok(self.src[start..start + end].to_owned())
    }

    fn int(&mut self) -> Result<i32> {
        self.ws()?;
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let digits = self.bytes[self.pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'_')
            .count();
        if digits == 0 {
            self.pos = start;
            return Err(self.expected("a whole number"));
        }
        self.pos += digits;
        self.src[start..self.pos]
            .replace('_', "")
            .parse()
            .map_err(|_| self.error(start, "the number is too large"))
    }

    /// Reads `Name(` (the name optional, but when given it must be `name`).
    pub fn open_struct(&mut self, name: &str) -> Result<usize> {
        self.ws()?;
        let start = self.pos;
        if self.peek() != Some(b'(') {
            let found = self
                .ident()
                .map_err(|_| self.expected(&format!("`{name}(`")))?;
            if found != name {
                return Err(self.error(start, format!("expected `{name}`, found `{found}`")));
            }
        }
        self.byte(b'(')?;
        Ok(start)
    }

    /// The next `field:` of an open struct with its offset, or `None` at its `)`.
    pub fn next_field(&mut self, first: bool) -> Result<Option<(&'a str, usize)>> {
        if !first && !self.comma_or(b')')? {
            return Ok(None);
        }
        self.ws()?;
        if first && self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(None);
        }
        let at = self.pos;
        let key = self.ident()?;
        self.byte(b':')?;
        Ok(Some((key, at)))
    }

    /// Reads a field's value into its slot, refusing a field given twice.
    pub fn set<T: Read>(&mut self, slot: &mut Option<T>, key: &str, at: usize) -> Result<()> {
        if slot.is_some() {
            return Err(self.error(at, format!("the field `{key}` is given twice")));
        }
        *slot = Some(T::read(self)?);
        Ok(())
    }

    pub fn unknown_field(
        &self,
        at: usize,
        key: &str,
        name: &str,
        required: &[&str],
        optional: &[&str],
    ) -> Error {
        let optional = if optional.is_empty() {
            String::new()
        } else {
            format!("; optional: {}", optional.join(", "))
        };
        self.error(
            at,
            format!(
                "unknown field `{key}` in {name}; required: {}{optional}",
                required.join(", ")
            ),
        )
    }

    pub fn missing_field(&self, at: usize, key: &str, name: &str) -> Error {
        self.error(at, format!("{name} lacks the field `{key}`"))
    }
}

impl Read for String {
    fn read(p: &mut Parser<'_>) -> Result<Self> {
        p.string()
    }
}

impl Read for i32 {
    fn read(p: &mut Parser<'_>) -> Result<Self> {
        p.int()
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(p: &mut Parser<'_>) -> Result<Self> {
        p.byte(b'[')?;
        let mut items = Vec::new();
        p.ws()?;
        if p.peek() == Some(b']') {
            p.pos += 1;
            return Ok(items);
        }
        loop {
            items.push(T::read(p)?);
            if !p.comma_or(b']')? {
                return Ok(items);
            }
        }
    }
}

/// An optional value: `None`, `Some(value)`, or the value bare.
impl<T: Read> Read for Option<T> {
    fn read(p: &mut Parser<'_>) -> Result<Self> {
        p.ws()?;
        let rest = &p.bytes[p.pos..];
        let word = |w: &[u8]| {
            rest.starts_with(w)
                && !rest
                    .get(w.len())
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        };
        if word(b"None") {
            p.pos += 4;
            return Ok(None);
        }
        if word(b"Some") {
            p.pos += 4;
            p.byte(b'(')?;
            let value = T::read(p)?;
            p.comma_or(b')')
                .and_then(|more| if more { Err(p.expected("`)`")) } else { Ok(()) })?;
            return Ok(Some(value));
        }
        T::read(p).map(Some)
    }
}

/// Implements [`Read`] for a struct: `required` fields must be given, `optional` ones
/// default when left out.
macro_rules! readable {
    ($ty:ident as $name:literal { required: [$($req:ident),*], optional: [$($opt:ident),*] }) => {
        impl $crate::reader::Read for $ty {
            fn read(p: &mut $crate::reader::Parser<'_>) -> $crate::reader::Result<Self> {
                const REQUIRED: &[&str] = &[$(stringify!($req)),*];
                const OPTIONAL: &[&str] = &[$(stringify!($opt)),*];
                $(let mut $req = None;)*
                $(let mut $opt = None;)*
                let start = p.open_struct($name)?;
                let mut first = true;
                while let Some((key, at)) = p.next_field(first)? {
                    first = false;
                    match key {
                        $(stringify!($req) => p.set(&mut $req, key, at)?,)*
                        $(stringify!($opt) => p.set(&mut $opt, key, at)?,)*
                        _ => return Err(p.unknown_field(at, key, $name, REQUIRED, OPTIONAL)),
                    }
                }
                Ok($ty {
                    $($req: $req.ok_or_else(|| p.missing_field(start, stringify!($req), $name))?,)*
                    $($opt: $opt.unwrap_or_default(),)*
                })
            }
        }
    };
}

pub(crate) use readable;

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Result<String> {
        read::<String>(text)
    }

    #[test]
    fn strings_with_every_escape() {
        assert_eq!(s(r#""plain""#).unwrap(), "plain");
        assert_eq!(
            s(r#""a \"b\" \\ \n\t\r \' \0""#).unwrap(),
            "a \"b\" \\ \n\t\r ' \0"
        );
        assert_eq!(s(r#""caf\u{e9} \u{1F600}""#).unwrap(), "café 😀");
        assert_eq!(s(r#""\xc3\xa9 \x41""#).unwrap(), "é A");
        assert_eq!(
            s(r##"r#"raw "quoted" \n"#"##).unwrap(),
            "raw \"quoted\" \\n"
        );
        assert_eq!(s("r\"raw\"").unwrap(), "raw");
        assert_eq!(s("\"multi\nline – ’\"").unwrap(), "multi\nline – ’");
    }

    #[test]
    fn string_errors_name_the_place() {
        assert_eq!(
            s("\"open").unwrap_err().to_string(),
            "1:1: unterminated string"
        );
        assert_eq!(
            s("\n  \"bad \\q\"").unwrap_err().to_string(),
            "2:8: invalid escape: unknown escape character"
        );
        assert_eq!(
            s("\"\\u{110000}\"").unwrap_err().to_string(),
            "1:2: invalid escape: not a Unicode character"
        );
        assert_eq!(
            s("\"\\xff\"").unwrap_err().to_string(),
            "1:2: invalid escape: the `\\x` bytes are not one UTF-8 character"
        );
        assert_eq!(
            s("7").unwrap_err().to_string(),
            "1:1: expected a string, found `7`"
        );
        assert_eq!(
            s("\"a\" x").unwrap_err().to_string(),
            "1:5: unexpected text after the dataset"
        );
    }

    #[test]
    fn comments_nest_and_lists_take_trailing_commas() {
        let list: Vec<String> =
            read("// a list\n[ \"a\", /* one /* nested */ comment */ \"b\", ]").unwrap();
        assert_eq!(list, ["a", "b"]);
        assert_eq!(read::<Vec<String>>("[]").unwrap(), Vec::<String>::new());
        assert_eq!(
            read::<Vec<String>>("[\"a\" \"b\"]")
                .unwrap_err()
                .to_string(),
            "1:6: expected `,` or `]`, found `\"`"
        );
        assert_eq!(
            read::<Vec<i32>>("[1, -2, +3, 2_016]").unwrap(),
            [1, -2, 3, 2016]
        );
        assert_eq!(
            read::<String>("/* open").unwrap_err().to_string(),
            "1:1: unclosed block comment"
        );
    }

    #[test]
    fn options_are_bare_some_or_none() {
        assert_eq!(read::<Option<String>>("\"x\"").unwrap(), Some("x".into()));
        assert_eq!(
            read::<Option<String>>("Some(\"x\")").unwrap(),
            Some("x".into())
        );
        assert_eq!(
            read::<Option<String>>("Some( \"x\", )").unwrap(),
            Some("x".into())
        );
        assert_eq!(read::<Option<String>>("None").unwrap(), None);
        assert_eq!(read::<Option<i32>>("Some(2016)").unwrap(), Some(2016));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(
            s("\n« \"x").unwrap_err().to_string(),
            "2:1: expected a string, found `«`"
        );
        let err = read::<Vec<String>>("[\"é\", 5]").unwrap_err();
        assert_eq!((err.line, err.col), (1, 7));
    }

    #[test]
    fn every_other_error_names_its_place() {
        let err = |text: &str| read::<Vec<i32>>(text).unwrap_err().to_string();
        assert_eq!(err("[99999999999]"), "1:2: the number is too large");
        assert_eq!(err("[x]"), "1:2: expected a whole number, found `x`");
        assert_eq!(err("#![deny(x)] []"), "1:4: unknown attribute `deny`");
        assert_eq!(
            err("#![enable(implicit_some) []"),
            "1:26: expected `]`, found `[`"
        );
        assert_eq!(
            read::<String>("r#\"open").unwrap_err().to_string(),
            "1:1: unterminated raw string"
        );
        assert_eq!(
            read::<String>("r x").unwrap_err().to_string(),
            "1:1: expected a string, found `r`"
        );
        assert_eq!(
            read::<Option<String>>("Some(\"a\", \"b\")")
                .unwrap_err()
                .to_string(),
            "1:11: expected `)`, found `\"`"
        );
        assert_eq!(
            read::<String>("\"\\u00e9\"").unwrap_err().to_string(),
            "1:2: invalid escape: `\\u` needs braces, as in `\\u{e9}`"
        );
        assert_eq!(
            read::<String>("\"\\x4\"").unwrap_err().to_string(),
            "1:2: invalid escape: `\\x` needs two hex digits"
        );
        assert_eq!(
            read::<String>("\"a\\").unwrap_err().to_string(),
            "1:3: invalid escape: the string ends after `\\`"
        );
    }
}
