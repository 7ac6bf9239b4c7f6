//! A markdown pipe table: pipes, line breaks, HTML and inline markup in cells escaped, so
//! data can neither break the table nor become a link, an image or emphasis. A pipe table needs its header row, so `--no-header`
//! is refused for it (see `Destination::new`). Each row is written as it comes.

use std::io::{self, Write};

use super::{guarded, RowSource, Style};
use crate::record::{cell_text, Cell};

pub fn render(
    names: &[&str],
    rows: &mut dyn RowSource,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let names: Vec<String> = names
        .iter()
        .map(|n| escape(&guarded(n, style.terminal)))
        .collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(names.len()))?;
    let mut buf = String::new();
    while let Some(cells) = rows.next()? {
        out.write_all(b"|")?;
        for cell in &cells {
            let text = match cell {
                Cell::Text(t) => *t,
                other => {
                    cell_text(other, &mut buf);
                    buf.as_str()
                }
            };
            write!(out, " {} |", escape(&guarded(text, style.terminal)))?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Escapes what would break a pipe table cell or be read as markup, so that a cell shows
/// its text as it is: `<`, `>` and `&` as entities (no HTML), line breaks as the table's own
/// `<br>`, and a backslash before every character markdown (GitHub's included) reads as
/// inline markup: emphasis, code, links and images, strikethrough, math, and the `://` and
/// `www.` and `@` of its bare links.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let rest = &text[i..];
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '!' | '#' | '~' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            ':' if rest.starts_with("://") => out.push_str("\\:"),
            '.' if out.len() >= 3
                && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www") =>
            {
                out.push_str("\\.")
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_shown_as_text() {
        assert_eq!(
            escape("![x](http://e/x.png) [a](javascript:alert(1)) *b* _c_ `d` # e <f>"),
            "\\!\\[x\\]\\(http\\://e/x.png\\) \\[a\\]\\(javascript:alert\\(1\\)\\) \\*b\\* \\_c\\_ \\`d\\` \\# e &lt;f&gt;"
        );
        assert_eq!(
            escape("a|b\\c\nd ~~e~~ $f$"),
            "a\\|b\\\\c<br>d \\~\\~e\\~\\~ \\$f\\$"
        );
        assert_eq!(
            escape("see www.un.org or un@un.org"),
            "see www\\.un.org or un\\@un.org"
        );
        assert_eq!(
            escape("2016-02-25: Geneva, 1. point + more"),
            "2016-02-25: Geneva, 1. point + more"
        );
    }
}
