//! The bundled report as paragraphs, each with its section and the records whose quotes lie
//! in it: what `gmg read` prints and what the overview counts.
//!
//! A paragraph is a block of lines between blank lines, except that each item of a list
//! (`- …`, `1. …`) is a paragraph of its own. The report is a conversion of a printed
//! document: in a few places (II.2, III, Annex A, Annex B.1, B.4) a page break left a blank
//! line in the middle of a sentence, and the two halves are two paragraphs here, as the
//! bundled text has them. A quote that runs across such a break, or across any two
//! paragraphs (the World Bank's, which takes in the line before it), lies in both.

use super::quote::{citations, normalize};
use crate::model::{Dataset, Text};

/// One paragraph of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its place among the report's paragraphs, from 1; headings are counted too, so the
    /// number of a paragraph does not depend on what is shown.
    pub number: usize,
    /// The line of the report file it starts on, from 1.
    pub line: usize,
    /// The section it belongs to, as records name sections (`II.4`, `Annex B.3`), or one
    /// of the parts no record comes from: `Title` (the title page), `II` (the lead-in before
    /// II.1), `V` (the list of annexes).
    pub section: &'static str,
    /// A heading, a title or the running head of a page, rather than text of the report.
    /// Headings are shown but not counted: the overview's count and `--uncited` leave
    /// them out.
    pub heading: bool,
    /// The text as quotes are matched against it: markup dropped, whitespace folded.
    pub text: String,
    /// The records that quote it (main quote or an `also` source), in the order of
    /// [`citations`], each once.
    pub records: Vec<Text>,
}

/// What a landmark of the report does to the paragraph that starts with its text.
#[derive(Clone, Copy, Debug)]
enum Mark {
    /// A section's heading: it and what follows belong to the section.
    Opens(&'static str),
    /// A heading within a section, a title, or a page's running head.
    Heading,
    /// A paragraph that belongs to another section than the text around it: IV's
    /// footnote, printed after V; the endnotes, after Annex D.
    Enters(&'static str),
}

use Mark::{Enters, Heading, Opens};

/// The beginnings of the report's headings, and of the paragraphs that change section, in
/// the order they occur. Each is looked for only after the one before it, so that the
/// numbered lists inside sections ("1. Understanding large movements …") are not taken for
/// the numbered headings of II and Annex B, nor "Objective 1:" in III for Annex A's heading.
/// A unit test checks that every one is found.
const LANDMARKS: &[(&str, Mark)] = &[
    (
        "UN Women Chair's Report to the Global Migration Group",
        Heading,
    ),
    ("I. Introduction", Opens("I")),
    ("II. Key accomplishments", Opens("II")),
    (
        "1. Convened seven multi-stakeholder meetings",
        Opens("II.1"),
    ),
    (
        "2. Coordination of substantive GMG contributions",
        Opens("II.2"),
    ),
    ("3. Enhanced GMG engagement with the GFMD", Opens("II.3")),
    ("4. Greater GMG visibility", Opens("II.4")),
    ("5. Articulation of a possible role", Opens("II.5")),
    ("6. Expansion of the Group", Opens("II.6")),
    ("III. Workplan, objectives", Opens("III")),
    ("IV. Handover to UNU", Opens("IV")),
    ("From the ESCAP Chair:", Heading),
    ("From the IOM Chair:", Heading),
    ("From the ILO, World Bank and UN Women Chairs:", Heading),
    ("V. Annexes", Opens("V")),
    // The list of annexes is a table of contents: their titles.
    ("- A. Concept Note", Heading),
    ("- B. GMG Deliverables", Heading),
    ("- C. The role of the GMG", Heading),
    ("- D. Members of GMG", Heading),
    ("¹ Currently under finalization", Enters("IV")),
    ("Annex A: Concept Note", Opens("Annex A")),
    (
        "UN Women Chairmanship of the Global Migration Group January",
        Heading,
    ),
    ("Introduction", Heading),
    (
        "United Nations Entity for Gender Equality and the Empowerment",
        Heading,
    ),
    ("Objective 1: Ensuring that both men and women", Heading),
    ("1. GMG Working Group on Mainstreaming", Opens("Annex B.1")),
    ("ACTIVITIES REPORT (2015-2016)", Heading),
    ("Output 1: Greater institutional coherence", Heading),
    ("Output 2: Lessons learned", Heading),
    ("Output 3: An UNDAF Guidance", Heading),
    ("Output 4: Study on the economic impacts", Heading),
    ("Output 5: Contributions to the GFMD", Heading),
    (
        "2. GMG Working Group on Data and Research",
        Opens("Annex B.2"),
    ),
    ("ACTIVITIES REPORT (2015-2016)", Heading),
    ("Plans for 2017", Heading),
    (
        "3. GMG Working Group on Migration, Human Rights",
        Opens("Annex B.3"),
    ),
    ("ACTIVITIES REPORT (2015-2016)", Heading),
    (
        "4. GMG Task Force on Capacity Development",
        Opens("Annex B.4"),
    ),
    ("ACTIVITIES REPORT (2015-2016)", Heading),
    ("1. The annual convening of the Mayoral Forum", Heading),
    ("2. Implementation of the IOM-UNITAR online course", Heading),
    ("3. Implementation of JMDI course", Heading),
    ("4. The GMG Online inventory", Heading),
    (
        "5. GMG Task Force on Migration and Decent Work",
        Opens("Annex B.5"),
    ),
    ("ACTIVITIES REPORT (2015-2016)", Heading),
    ("Decent work and migration-related SDG targets", Heading),
    (
        "Engagement with the GFMD on migration and decent work",
        Heading,
    ),
    ("Principles and Guidelines on Fair Recruitment", Heading),
    ("Labour Migration Academy", Heading),
    (
        "Guidance tool on “Integrating the Migration-Decent Work Nexus",
        Heading,
    ),
    ("Promotion of migration and development linkages", Heading),
    ("Mapping of practices and modalities", Heading),
    ("Annex C: Report on the role", Opens("Annex C")),
    (
        "The role of the Global Migration Group in following-up",
        Heading,
    ),
    ("a. The GMG and the New York Declaration", Heading),
    ("b. Follow-up to the New York Declaration", Heading),
    ("i. Greater efficiency", Heading),
    ("ii. Informal report on progress", Heading),
    ("iii. Combatting Xenophobia", Heading),
    ("iv. Provision of technical inputs", Heading),
    ("v. Generating evidence", Heading),
    ("vi. Developing guidance for migrants", Heading),
    ("f. The way forward", Heading),
    ("Annex D: Members of GMG", Opens("Annex D")),
    ("ⁱ ", Enters("Endnote i")),
    ("ⁱⁱ ", Enters("Endnote ii")),
];

/// The section of what comes before the first section heading.
const TITLE: &str = "Title";

/// The report's paragraphs, in order, with their sections; no records yet.
pub fn paragraphs(report: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut landmarks = LANDMARKS.iter().peekable();
    let mut section = TITLE;
    for (line, raw) in blocks(report) {
        let text = normalize(&raw);
        if text.is_empty() {
            continue;
        }
        let mut own = section;
        let mut heading = false;
        if let Some((_, mark)) = landmarks.next_if(|(start, _)| text.starts_with(start)) {
            match *mark {
                Opens(s) => (section, own, heading) = (s, s, true),
                Heading => heading = true,
                Enters(s) => own = s,
            }
        }
        out.push(Paragraph {
            number: out.len() + 1,
            line,
            section: own,
            heading,
            text,
            records: Vec::new(),
        });
    }
    out
}

/// The paragraphs of `report` as raw text with their first lines: blocks between blank
/// lines, each list item a block of its own.
fn blocks(report: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut open = false;
    for (i, line) in report.lines().enumerate() {
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some((_, text)) if open && !is_item(line) => {
                text.push('\n');
                text.push_str(line);
            }
            _ => out.push((i + 1, line.to_string())),
        }
        open = true;
    }
    out
}

/// Whether a line starts an item of a list: `- `, `* `, `+ `, or a number (`1.`, `1.2.`,
/// `3)`) and a space, after any indentation.
fn is_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return true;
    }
    let digits = line
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.');
    let number = digits.count();
    let rest = &line[number..];
    number > 0
        && line.as_bytes()[0].is_ascii_digit()
        && (line[..number].ends_with('.') && rest.starts_with(' ') || rest.starts_with(") "))
}

/// The report's paragraphs, each with the records of `data` whose quotes lie in it.
pub struct Annotated {
    pub paragraphs: Vec<Paragraph>,
    /// How many quotes of the dataset are not in the report at all (a `--data` file drawn
    /// from another text; `gmg validate` lists them).
    pub not_found: usize,
    /// Where each quote lies, in the order of [`citations`]: the numbers of its paragraphs,
    /// none for a quote the report does not hold.
    pub located: Vec<Located>,
}

/// The paragraphs one quote of one record lies in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub id: Text,
    pub quote: Text,
    pub paragraphs: Vec<usize>,
}

impl Annotated {
    /// How many of the report's paragraphs, headings aside, some record quotes, and how
    /// many there are.
    pub fn coverage(&self) -> (usize, usize) {
        let text = self.paragraphs.iter().filter(|p| !p.heading);
        let total = text.clone().count();
        (text.filter(|p| !p.records.is_empty()).count(), total)
    }
}

/// Marks every paragraph of `report` with the records of `data` whose quotes lie in it. A
/// quote lies in a paragraph when its text, matched as `gmg validate` matches quotes (markup
/// and whitespace aside), overlaps the paragraph's. A quote the report holds more than once
/// lies where its record's section is, or everywhere when none of its places is in that
/// section.
pub fn annotate(report: &str, data: &Dataset) -> Annotated {
    let mut paragraphs = paragraphs(report);
    // The report's text as one string, with where each paragraph starts in it: quotes may
    // run from one paragraph into the next.
    let mut starts = Vec::with_capacity(paragraphs.len());
    let mut full = String::with_capacity(report.len());
    for p in &paragraphs {
        if !full.is_empty() {
            full.push(' ');
        }
        starts.push(full.len());
        full.push_str(&p.text);
    }
    // The paragraphs from the one holding byte `at` to the one holding byte `end - 1`.
    let covering = |at: usize, end: usize| {
        let first = starts.partition_point(|&s| s <= at).saturating_sub(1);
        let last = starts.partition_point(|&s| s < end).saturating_sub(1);
        first..=last
    };
    let mut not_found = 0;
    let mut located = Vec::new();
    // The records each paragraph lists already, by paragraph index: each once.
    let mut listed = std::collections::HashSet::new();
    for c in citations(data) {
        let mut numbers = Vec::new();
        let quote = normalize(c.quote);
        let places: Vec<_> = if quote.is_empty() {
            Vec::new()
        } else {
            full.match_indices(&quote)
                .map(|(at, q)| covering(at, at + q.len()))
                .collect()
        };
        if places.is_empty() {
            not_found += 1;
            located.push(Located {
                id: Text::from(c.id.to_string()),
                quote: Text::from(c.quote.to_string()),
                paragraphs: numbers,
            });
            continue;
        }
        let in_section = |r: &std::ops::RangeInclusive<usize>| {
            paragraphs[r.clone()].iter().any(|p| p.section == c.section)
        };
        let (own, elsewhere): (Vec<_>, Vec<_>) = places.into_iter().partition(in_section);
        for place in if own.is_empty() { elsewhere } else { own } {
            for (i, p) in place.clone().zip(&mut paragraphs[place]) {
                if listed.insert((i, c.id)) {
                    p.records.push(Text::from(c.id.to_string()));
                }
                numbers.push(p.number);
            }
        }
        located.push(Located {
            id: Text::from(c.id.to_string()),
            quote: Text::from(c.quote.to_string()),
            paragraphs: numbers,
        });
    }
    Annotated {
        paragraphs,
        not_found,
        located,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::REPORT;
    use crate::model::SECTIONS;

    #[test]
    fn every_landmark_is_found_in_order() {
        let paragraphs = paragraphs(REPORT);
        let mut from = 0;
        for (start, _) in LANDMARKS {
            let at = paragraphs[from..]
                .iter()
                .position(|p| p.text.starts_with(start))
                .unwrap_or_else(|| panic!("not found after paragraph {from}: {start}"));
            from += at + 1;
        }
        // paragraphs() found them all too: a heading for every heading landmark.
        let headings = LANDMARKS
            .iter()
            .filter(|(_, m)| matches!(m, Opens(_) | Heading))
            .count();
        assert_eq!(paragraphs.iter().filter(|p| p.heading).count(), headings);
        assert_eq!(paragraphs.last().map(|p| p.section), Some("Endnote ii"));
        // Every section of the model has paragraphs, and every paragraph a known section.
        for section in SECTIONS {
            assert!(paragraphs.iter().any(|p| p.section == section), "{section}");
        }
        for p in &paragraphs {
            assert!(
                SECTIONS.contains(&p.section) || ["Title", "II", "V"].contains(&p.section),
                "{p:?}"
            );
        }
    }

    #[test]
    fn the_paragraphs_joined_are_the_report_as_quotes_are_matched() {
        let joined: Vec<String> = paragraphs(REPORT).into_iter().map(|p| p.text).collect();
        assert_eq!(joined.join(" "), normalize(REPORT));
    }

    #[test]
    fn list_items_are_paragraphs_and_so_are_the_halves_of_a_page_break() {
        let text = "Lead-in:\n\n- one\n - two\n1. three\n10) four\n\nA sentence\ncontinued\n\ncut by\n\na break";
        let texts: Vec<String> = paragraphs(text).into_iter().map(|p| p.text).collect();
        assert_eq!(
            texts,
            [
                "Lead-in:",
                "- one",
                "- two",
                "1. three",
                "10) four",
                "A sentence continued",
                "cut by",
                "a break"
            ]
        );
        assert!(!is_item("2016 is a strategic year"));
        assert!(!is_item("*Kyrgyzstan has"));
        assert!(is_item("- 1.1. Mainstreaming"));
        assert!(!is_item("3.1 International"));
    }

    #[test]
    fn every_quote_of_the_embedded_dataset_lies_in_some_paragraph() {
        let data = crate::dataset::embedded::dataset();
        let annotated = annotate(REPORT, &data);
        assert_eq!(annotated.not_found, 0);
        let (cited, total) = annotated.coverage();
        assert!(0 < cited && cited < total, "{cited} of {total}");
    }
}
