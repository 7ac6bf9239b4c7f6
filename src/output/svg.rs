//! A grouped bar chart as SVG text, sized for a 16:9 slide and readable in black and white:
//! the first series is solid, the second hatched, and every bar carries its count.

use std::fmt::Write as _;
use std::io::{self, Write};

/// One group of bars (a month): its key (written on each bar, see [`Bars::key_name`]), the
/// label under it, and one count per series.
pub struct Group<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub counts: [i64; 2],
}

/// What the chart shows. Every text is escaped as it is written, whatever its origin.
pub struct Bars<'a> {
    pub title: &'a str,
    /// What a group's key is, a name of the code's own (letters and hyphens): each bar has
    /// `data-KEY_NAME="key"`, `data-series` and `data-count`, for a program to read.
    pub key_name: &'static str,
    /// What the chart says in words, for screen readers (`<desc>`).
    pub description: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    /// The series' names, for the legend and `data-series`.
    pub series: [&'a str; 2],
    pub groups: &'a [Group<'a>],
    /// Lines under the chart (notes, then the source), one line each.
    pub notes: &'a [String],
}

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 540.0;
const PLOT_LEFT: f64 = 100.0;
const PLOT_RIGHT: f64 = 930.0;
const PLOT_TOP: f64 = 110.0;
const PLOT_BOTTOM: f64 = 410.0;
const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\"";

/// Text safe inside an XML element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters, even escaped.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The step between y ticks (1, 2, 5, 10, 20, 50, …) that keeps them to at most 8, and the
/// top of the axis, a whole number of steps at or above `max`.
fn ticks(max: i64) -> (i64, i64) {
    let max = max.max(1);
    let mut scale = 1;
    loop {
        for step in [scale, 2 * scale, 5 * scale] {
            let steps = (max + step - 1) / step;
            if steps <= 8 {
                return (step, steps * step);
            }
        }
        scale *= 10;
    }
}

/// A coordinate to a tenth of a unit: finer than any screen or printer shows.
fn px(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Writes the chart: deterministic, the same input always gives the same bytes.
pub fn render(chart: &Bars, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(draw(chart).as_bytes())
}

fn draw(chart: &Bars) -> String {
    let mut s = String::new();
    let max = chart
        .groups
        .iter()
        .flat_map(|g| g.counts)
        .max()
        .unwrap_or(0);
    let (step, top) = ticks(max);
    let y = |n: i64| px(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * n as f64 / top as f64);

    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">"
    );
    let _ = writeln!(
        s,
        "<title id=\"chart-title\">{}</title>",
        escape(chart.title)
    );
    let _ = writeln!(
        s,
        "<desc id=\"chart-desc\">{}</desc>",
        escape(chart.description)
    );
    // The hatching that tells the second series from the first without colour.
    s.push_str(
        "<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">\
<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-width=\"2.5\"/></pattern></defs>\n",
    );
    let _ = writeln!(
        s,
        "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fff\"/>"
    );
    let _ = writeln!(
        s,
        // Centred, at a size that leaves room in any sans-serif font: a renderer's font may
        // be wider than the one the chart was looked at with.
        "<text x=\"{}\" y=\"44\" {FONT} font-size=\"22\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#000\">{}</text>",
        WIDTH / 2.0,
        escape(chart.title)
    );

    // Legend, top right: a swatch and a name per series.
    let swatches = [("#000", "#000"), ("url(#hatch)", "#000")];
    let mut x = PLOT_RIGHT - 330.0;
    for (name, (fill, stroke)) in chart.series.iter().zip(swatches) {
        let _ = writeln!(
            s,
            "<rect x=\"{x}\" y=\"66\" width=\"22\" height=\"22\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>\
<text x=\"{}\" y=\"84\" {FONT} font-size=\"18\" fill=\"#000\">{}</text>",
            x + 30.0,
            escape(name)
        );
        x += 160.0;
    }

    // Y axis: gridlines and integer ticks.
    let mut n = 0;
    while n <= top {
        let ty = y(n);
        let _ = writeln!(
            s,
            "<line x1=\"{PLOT_LEFT}\" y1=\"{ty}\" x2=\"{PLOT_RIGHT}\" y2=\"{ty}\" stroke=\"#bbb\" stroke-width=\"1\" stroke-dasharray=\"4 4\"/>\
<text x=\"{}\" y=\"{}\" {FONT} font-size=\"16\" text-anchor=\"end\" fill=\"#000\">{n}</text>",
            PLOT_LEFT - 10.0,
            ty + 5.0
        );
        n += step;
    }
    let mid = (PLOT_TOP + PLOT_BOTTOM) / 2.0;
    let _ = writeln!(
        s,
        "<text x=\"36\" y=\"{mid}\" {FONT} font-size=\"18\" text-anchor=\"middle\" fill=\"#000\" transform=\"rotate(-90 36 {mid})\">{}</text>",
        escape(chart.y_label)
    );

    // The bars, two per group, each with its count above it.
    let slot = (PLOT_RIGHT - PLOT_LEFT) / chart.groups.len().max(1) as f64;
    let bar = (slot * 0.34).floor();
    for (i, group) in chart.groups.iter().enumerate() {
        let left = PLOT_LEFT + slot * i as f64 + (slot - 2.0 * bar - 4.0) / 2.0;
        for (k, ((&count, name), (fill, _))) in group
            .counts
            .iter()
            .zip(chart.series)
            .zip(swatches)
            .enumerate()
        {
            let bx = px(left + k as f64 * (bar + 4.0));
            let top_y = y(count);
            let _ = writeln!(
                s,
                "<rect x=\"{bx}\" y=\"{top_y}\" width=\"{bar}\" height=\"{}\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"1.5\" data-{}=\"{}\" data-series=\"{}\" data-count=\"{count}\"/>\
<text x=\"{}\" y=\"{}\" {FONT} font-size=\"14\" text-anchor=\"middle\" fill=\"#000\">{count}</text>",
                px(PLOT_BOTTOM - top_y),
                chart.key_name,
                escape(group.key),
                escape(name),
                px(bx + bar / 2.0),
                px(top_y - 5.0)
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"16\" text-anchor=\"middle\" fill=\"#000\">{}</text>",
            px(PLOT_LEFT + slot * (i as f64 + 0.5)),
            PLOT_BOTTOM + 24.0,
            escape(group.label)
        );
    }
    // The axes themselves, over the bars' feet.
    let _ = writeln!(
        s,
        "<line x1=\"{PLOT_LEFT}\" y1=\"{PLOT_BOTTOM}\" x2=\"{PLOT_RIGHT}\" y2=\"{PLOT_BOTTOM}\" stroke=\"#000\" stroke-width=\"2\"/>\
<line x1=\"{PLOT_LEFT}\" y1=\"{PLOT_TOP}\" x2=\"{PLOT_LEFT}\" y2=\"{PLOT_BOTTOM}\" stroke=\"#000\" stroke-width=\"2\"/>"
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"18\" text-anchor=\"middle\" fill=\"#000\">{}</text>",
        (PLOT_LEFT + PLOT_RIGHT) / 2.0,
        PLOT_BOTTOM + 52.0,
        escape(chart.x_label)
    );

    // Notes and the source, under the chart.
    let mut ny = PLOT_BOTTOM + 86.0;
    for note in chart.notes {
        let _ = writeln!(
            s,
            "<text x=\"{PLOT_LEFT}\" y=\"{ny}\" {FONT} font-size=\"15\" fill=\"#000\">{}</text>",
            escape(note)
        );
        ny += 22.0;
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_whole_numbers_and_at_most_eight() {
        assert_eq!(ticks(0), (1, 1));
        assert_eq!(ticks(6), (1, 6));
        assert_eq!(ticks(8), (1, 8));
        assert_eq!(ticks(9), (2, 10));
        assert_eq!(ticks(17), (5, 20));
        assert_eq!(ticks(41), (10, 50));
        assert_eq!(ticks(120), (20, 120));
        assert_eq!(ticks(390), (50, 400));
    }

    #[test]
    fn text_cannot_leave_its_element() {
        assert_eq!(
            escape("a<b>&\"c\"'d'\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;\u{fffd}"
        );
    }
}
