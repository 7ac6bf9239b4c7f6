//! Characters that must never reach a terminal from data or arguments: control characters
//! (which move the cursor, retitle the window, clear the screen) and bidi controls (which
//! reorder text on screen). The loader refuses them in data; messages escape them in the
//! values they echo.

use std::fmt;

/// Whether `c` may not appear in a dataset's text: a control character (Unicode category
/// Cc: U+0000–U+001F, U+007F–U+009F) other than newline and tab, or a bidi embedding,
/// override or isolate (U+202A–U+202E, U+2066–U+2069).
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first forbidden character of `text`, with its position counted in characters from 1.
pub fn first_forbidden(text: &str) -> Option<(usize, char)> {
    // Loading checks every string of a file: look at bytes, and decode only at a hit. In
    // UTF-8, C1 controls are C2 80..9F, bidi controls E2 80 AA..AE and E2 81 A6..A9. A
    // chunk is first tested as a whole, without branches, which the compiler vectorises;
    // only a chunk that may hold one is looked at byte by byte.
    const CHUNK: usize = 32;
    let bytes = text.as_bytes();
    let suspect = |b: u8| (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xE2);
    let mut start = 0;
    while start < bytes.len() {
        let end = (start + CHUNK).min(bytes.len());
        if bytes[start..end]
            .iter()
            .fold(false, |any, &b| any | suspect(b))
        {
            if let Some(at) = (start..end).find(|&i| forbidden_at(bytes, i)) {
                let c = text[at..].chars().next()?;
                return Some((text[..at].chars().count() + 1, c));
            }
        }
        start = end;
    }
    None
}

/// Whether a forbidden character starts at byte `i` (see [`first_forbidden`]).
fn forbidden_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' | b'\t' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    }
}

/// A short name for a forbidden character, for messages: `U+001B (escape)`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\u{7}' => " (bell)",
        '\u{8}' => " (backspace)",
        '\r' => " (carriage return)",
        '\u{1b}' => " (escape)",
        '\u{7f}' => " (delete)",
        '\u{9b}' => " (control sequence introducer)",
        c if is_bidi_control(c) => " (bidi control)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// How many characters of a value a message echoes before cutting it with "…".
pub const ECHO_CHARS: usize = 80;

/// How many characters of a path a message echoes: paths are longer, and need more of
/// themselves to be recognised.
pub const PATH_CHARS: usize = 400;

/// A value as a message echoes it: forbidden characters escaped (`\u{1b}`), newlines and
/// tabs as `\n` and `\t`, and cut to [`ECHO_CHARS`] characters with "…".
pub struct Echo<'a>(pub &'a str);

impl fmt::Display for Echo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escaped(self.0, ECHO_CHARS))
    }
}

/// A path as a message echoes it: as [`Echo`], cut at [`PATH_CHARS`].
pub fn path(path: &std::path::Path) -> String {
    escaped(&path.display().to_string(), PATH_CHARS)
}

/// `text` escaped as [`Echo`] describes, cut after `max` characters.
fn escaped(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 4));
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if forbidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A whole message made safe for a terminal: forbidden characters escaped, its own line
/// breaks kept. The last line of defence; values in messages are already [`Echo`]ed.
pub fn escape_controls(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        if forbidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_forbidden_but_newline_and_tab_are_not() {
        for c in [
            '\0', '\u{1b}', '\r', '\u{7}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}',
        ] {
            assert!(forbidden(c), "{c:?}");
        }
        for c in ['\n', '\t', ' ', 'é', '–', '’', '\u{200f}', '\u{2070}'] {
            assert!(!forbidden(c), "{c:?}");
        }
        assert_eq!(first_forbidden("plain text – with ‘quotes’\n"), None);
        assert_eq!(first_forbidden("ab\u{1b}]0;x\u{7}"), Some((3, '\u{1b}')));
        assert_eq!(first_forbidden("é\u{9b}2J"), Some((2, '\u{9b}')));
        assert_eq!(first_forbidden("left \u{2067}right"), Some((6, '\u{2067}')));
        // Past the first chunks, and after characters that only look suspect.
        let long = format!("{}’\u{a0}\u{1b}", "x".repeat(70));
        assert_eq!(first_forbidden(&long), Some((73, '\u{1b}')));
        assert_eq!(first_forbidden(&"’".repeat(40)), None);
        assert_eq!(describe('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe('\u{2066}'), "U+2066 (bidi control)");
    }

    #[test]
    fn echoed_values_are_escaped_and_cut() {
        assert_eq!(
            Echo("a\u{1b}[2Jb\r\n\t").to_string(),
            "a\\u{1b}[2Jb\\u{d}\\n\\t"
        );
        let long = "x".repeat(10_000_000);
        let shown = Echo(&long).to_string();
        assert_eq!(shown.chars().count(), ECHO_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(escape_controls("line\u{1b}\nnext"), "line\\u{1b}\nnext");
    }
}
