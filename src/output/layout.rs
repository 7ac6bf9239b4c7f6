//! Column widths for a table that has to fit a width: tokens (ids, dates, kinds, sections)
//! keep their natural width, prose wraps at word boundaries, and when the prose would be too
//! narrow to read the least important columns are hidden first.
//!
//! The text itself is wrapped here too, in time linear in its length (comfy-table only
//! draws what is already laid out), with a search highlight carried through the wrap.

use std::ops::Range;

use textwrap::core::display_width;
use textwrap::{Options, WordSplitter, WrapAlgorithm};

/// The narrowest a prose column may get before less important columns give way, for a
/// terminal of `width` columns: 20 characters, or a quarter of a wide terminal (at 120
/// columns a 20-character title beside four other columns would take six lines).
pub fn readable(width: Option<u16>) -> usize {
    width.map_or(0, |w| usize::from(w) / 4).max(20)
}

/// The narrowest the one column left beside the most important one may get before it is
/// hidden as well: a narrow terminal still shows some of the title.
const FLOOR: usize = 8;

pub use crate::record::Flow;

/// What the layout needs to know of a column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub flow: Flow,
    /// The widest line of the column, header included.
    pub natural: usize,
    /// 0 is the most important; the most important visible column is never hidden.
    pub rank: usize,
}

/// The borders a table is drawn with, and so what they cost in width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// `a ┆ b`: a rule between columns (and under the header), none around the table.
    Ruled,
    /// `a  b`: no borders, a space of padding each side.
    Plain,
}

impl Frame {
    /// The width the frame takes around `columns` columns.
    pub fn overhead(self, columns: usize) -> usize {
        match self {
            Frame::Ruled => (3 * columns).saturating_sub(3),
            Frame::Plain => 2 * columns,
        }
    }
}

/// The width of each column, or `None` for a column hidden to make room. With no `width`
/// every column keeps its natural width. `readable` is the narrowest a prose column may get
/// before less important columns are hidden (see [`readable`]).
pub fn fit(
    columns: &[Column],
    frame: Frame,
    width: Option<usize>,
    readable: usize,
) -> Vec<Option<usize>> {
    let natural = || columns.iter().map(|c| Some(c.natural)).collect();
    let Some(width) = width else {
        return natural();
    };
    let overhead = |visible: &[bool]| frame.overhead(visible.iter().filter(|v| **v).count());
    let sum = |visible: &[bool], f: &dyn Fn(&Column) -> usize| -> usize {
        columns
            .iter()
            .zip(visible)
            .filter(|(_, v)| **v)
            .map(|(c, _)| f(c))
            .sum()
    };
    let mut visible = vec![true; columns.len()];
    if overhead(&visible) + sum(&visible, &|c| c.natural) <= width {
        return natural();
    }
    let mut narrowest = readable;
    // Hide the least important column until what is left fits at its least readable width.
    loop {
        let least = |c: &Column| least_width(c, narrowest);
        if overhead(&visible) + sum(&visible, &least) <= width {
            break;
        }
        let Some(drop) = least_important(columns, &visible) else {
            break;
        };
        // The last column beside the most important one stays if it can have a few
        // characters: some of a title beats none.
        let last = visible.iter().filter(|v| **v).count() == 2;
        if last && columns[drop].flow != Flow::Token && narrowest > FLOOR {
            narrowest = FLOOR;
            continue;
        }
        visible[drop] = false;
    }
    let least = |c: &Column| least_width(c, narrowest);
    let tokens = sum(&visible, &|c| match c.flow {
        Flow::Token => c.natural,
        Flow::Wrap | Flow::Clip => 0,
    });
    let room = width.saturating_sub(overhead(&visible));
    if sum(&visible, &least) <= room {
        let mut widths = vec![None; columns.len()];
        // Wrapped columns take the spare width first (each line they gain is a line the
        // table saves); clipped ones, which stay on one line anyway, take what is left.
        let of = |flow: Flow| -> Vec<usize> {
            (0..columns.len())
                .filter(|&i| visible[i] && columns[i].flow == flow)
                .collect()
        };
        let (wraps, clips) = (of(Flow::Wrap), of(Flow::Clip));
        let mins =
            |these: &[usize]| -> Vec<usize> { these.iter().map(|&i| least(&columns[i])).collect() };
        let caps =
            |these: &[usize]| -> Vec<usize> { these.iter().map(|&i| columns[i].natural).collect() };
        let mut spare = room - tokens;
        let reserved: usize = mins(&clips).iter().sum();
        for (&i, w) in wraps
            .iter()
            .zip(share(spare - reserved, &mins(&wraps), &caps(&wraps)))
        {
            widths[i] = Some(w);
            spare -= w;
        }
        for (&i, w) in clips.iter().zip(share(spare, &mins(&clips), &caps(&clips))) {
            widths[i] = Some(w);
        }
        for i in (0..columns.len()).filter(|&i| visible[i] && columns[i].flow == Flow::Token) {
            widths[i] = Some(columns[i].natural);
        }
        return widths;
    }
    // Even the most important column does not fit (a very long id from a --data file):
    // everything left wraps, tokens too, rather than run past the edge.
    let shown: Vec<usize> = (0..columns.len()).filter(|&i| visible[i]).collect();
    let mins = vec![1; shown.len()];
    let caps: Vec<usize> = shown.iter().map(|&i| columns[i].natural.max(1)).collect();
    let mut widths = vec![None; columns.len()];
    for (&i, w) in shown.iter().zip(share(room, &mins, &caps)) {
        widths[i] = Some(w);
    }
    widths
}

/// The narrowest a column may get: a token's whole width, prose's `readable` characters
/// (or all of it, when shorter).
fn least_width(column: &Column, readable: usize) -> usize {
    match column.flow {
        Flow::Token => column.natural,
        Flow::Wrap | Flow::Clip => column.natural.min(readable),
    }
}

/// The visible column to hide next: the highest rank, the rightmost of equals; never the
/// most important visible column.
fn least_important(columns: &[Column], visible: &[bool]) -> Option<usize> {
    let shown: Vec<usize> = (0..columns.len()).filter(|&i| visible[i]).collect();
    if shown.len() < 2 {
        return None;
    }
    let keep = *shown.iter().min_by_key(|&&i| (columns[i].rank, i))?;
    shown
        .into_iter()
        .filter(|&i| i != keep)
        .max_by_key(|&i| (columns[i].rank, i))
}

/// Splits `room` between columns: each gets its minimum, then the rest is shared equally
/// among those still below their cap (water-filling). Columns get at least their minimum
/// even when `room` is smaller.
fn share(room: usize, mins: &[usize], caps: &[usize]) -> Vec<usize> {
    let mut widths = mins.to_vec();
    let mut left = room.saturating_sub(mins.iter().sum());
    let mut order: Vec<usize> = (0..mins.len()).collect();
    order.sort_by_key(|&i| caps[i].saturating_sub(mins[i]));
    for (n, &i) in order.iter().enumerate() {
        let fair = left / (order.len() - n);
        let give = fair.min(caps[i].saturating_sub(mins[i]));
        widths[i] += give;
        left -= give;
    }
    widths
}

/// The width of the widest line of `text`.
pub fn text_width(text: &str) -> usize {
    text.split('\n').map(display_width).max().unwrap_or(0)
}

/// `text` wrapped to `width` at spaces (a word longer than the width is broken), with the
/// byte range `mark` of the original text wrapped in `on`/`off` on every line it touches.
/// Each line is styled on its own, so no style runs into the table's borders.
pub fn wrap(text: &str, width: usize, mark: Option<(Range<usize>, &str, &str)>) -> String {
    let options = Options::new(width.max(1))
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(true)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1) + 8);
    let mut offset = 0;
    for (n, paragraph) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut from = 0;
        for (l, line) in textwrap::wrap(paragraph, &options).iter().enumerate() {
            if l > 0 {
                out.push('\n');
            }
            // Lines are pieces of the paragraph, in order: find where this one starts.
            let at = paragraph[from..].find(line.as_ref()).map(|i| from + i);
            match (at, &mark) {
                (Some(at), Some(mark)) => {
                    from = at + line.len();
                    push_marked(&mut out, line, offset + at, mark);
                }
                (Some(at), None) => {
                    from = at + line.len();
                    out.push_str(line);
                }
                (None, _) => out.push_str(line),
            }
        }
        offset += paragraph.len() + 1;
    }
    out
}

/// Appends `line`, which starts at byte `at` of the original text, styling the part of it
/// inside `mark`.
fn push_marked(
    out: &mut String,
    line: &str,
    at: usize,
    (range, on, off): &(Range<usize>, &str, &str),
) {
    let start = range.start.clamp(at, at + line.len()) - at;
    let end = range.end.clamp(at, at + line.len()) - at;
    if start >= end || !line.is_char_boundary(start) || !line.is_char_boundary(end) {
        out.push_str(line);
        return;
    }
    out.push_str(&line[..start]);
    out.push_str(on);
    out.push_str(&line[start..end]);
    out.push_str(off);
    out.push_str(&line[end..]);
}

/// Running text (not a table) wrapped to `width` when there is one; as it is when not.
pub fn fill(text: &str, width: Option<u16>) -> String {
    match width {
        Some(width) => wrap(text, usize::from(width), None),
        None => text.to_string(),
    }
}

/// `text` on one line of at most `width` columns: cut at a word boundary with "…" when it
/// is longer (or at the width, for a first word that is longer by itself).
pub fn shorten(text: &str, width: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if display_width(&flat) <= width {
        return flat;
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut cut = 0;
    let mut last_space = None;
    for (i, c) in flat.char_indices() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        if c == ' ' {
            last_space = Some(i);
        }
        used += w;
        cut = i + c.len_utf8();
    }
    let end = last_space.filter(|&s| s > 0).unwrap_or(cut);
    format!("{}…", flat[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(natural: usize, rank: usize) -> Column {
        Column {
            flow: Flow::Token,
            natural,
            rank,
        }
    }

    fn prose(natural: usize, rank: usize) -> Column {
        Column {
            flow: Flow::Wrap,
            natural,
            rank,
        }
    }

    #[test]
    fn what_fits_keeps_its_natural_width() {
        let columns = [token(10, 0), prose(30, 1)];
        assert_eq!(
            fit(&columns, Frame::Ruled, Some(80), 30),
            [Some(10), Some(30)]
        );
        assert_eq!(fit(&columns, Frame::Ruled, None, 30), [Some(10), Some(30)]);
    }

    #[test]
    fn prose_takes_the_free_width_and_tokens_keep_theirs() {
        // 3 ruled columns: 6 of rules; 80 - 6 - 24 - 10 = 40 for the title.
        let columns = [token(24, 0), token(10, 2), prose(180, 1)];
        assert_eq!(
            fit(&columns, Frame::Ruled, Some(80), 30),
            [Some(24), Some(10), Some(40)]
        );
    }

    #[test]
    fn the_least_important_columns_give_way_until_prose_is_readable() {
        // id, start, end, kind, title, section.
        let columns = [
            token(24, 0),
            token(10, 2),
            token(10, 4),
            token(25, 3),
            prose(180, 1),
            token(9, 5),
        ];
        assert_eq!(
            fit(&columns, Frame::Ruled, Some(80), 30),
            [Some(24), Some(10), None, None, Some(40), None]
        );
        assert_eq!(
            fit(&columns, Frame::Ruled, Some(60), 30),
            [Some(24), None, None, None, Some(33), None]
        );
        // At 40 the title keeps the 13 characters left beside the id.
        assert_eq!(
            fit(&columns, Frame::Ruled, Some(40), 30),
            [Some(24), None, None, None, Some(13), None]
        );
        // Below a few characters, it goes too.
        assert_eq!(
            fit(&columns, Frame::Ruled, Some(32), 30),
            [Some(24), None, None, None, None, None]
        );
        assert_eq!(readable(Some(60)), 20);
        assert_eq!(readable(Some(120)), 30);
        assert_eq!(readable(None), 20);
    }

    #[test]
    fn an_id_wider_than_the_terminal_wraps_rather_than_overflows() {
        let columns = [token(200, 0), prose(50, 1)];
        let widths = fit(&columns, Frame::Ruled, Some(80), 30);
        assert_eq!(widths, [Some(80), None]);
    }

    #[test]
    fn spare_width_is_shared_up_to_each_columns_need() {
        assert_eq!(share(50, &[20, 10], &[22, 100]), [22, 28]);
        assert_eq!(share(10, &[20, 10], &[22, 100]), [20, 10]);
    }

    #[test]
    fn wrapping_keeps_words_and_marks_every_line_of_a_match() {
        assert_eq!(wrap("one two three", 7, None), "one two\nthree");
        assert_eq!(wrap("abcdefghij", 4, None), "abcd\nefgh\nij");
        assert_eq!(wrap("a\nb c", 1, None), "a\nb\nc");
        let text = "see the large movements here";
        let at = text.find("large movements").unwrap();
        assert_eq!(
            wrap(text, 13, Some((at..at + 15, "<", ">"))),
            "see the <large>\n<movements>\nhere"
        );
        assert_eq!(
            wrap("a Women’s b", 20, Some((2..11, "<", ">"))),
            "a <Women’s> b"
        );
    }

    #[test]
    fn shortening_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(shorten("short title", 20), "short title");
        assert_eq!(shorten("a rather long title here", 15), "a rather long…");
        assert_eq!(shorten("abcdefghijklmnop", 6), "abcde…");
        assert_eq!(shorten("two\nlines", 20), "two lines");
    }
}
