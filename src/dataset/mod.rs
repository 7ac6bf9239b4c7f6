//! Loading a dataset: the embedded one (prepared at build time) or a `--data` file (read with
//! the ron crate and checked), collecting every problem rather than stopping at the first.
//!
//! - `raw`: the file's shape, as serde reads it;
//! - `check`: the checks, each record on its own as it is read, then across records;
//! - `parse`: RON text to a checked dataset, with syntax errors that name a place;
//! - `quote`: quotes against the report;
//! - `embedded`: the build-time form of `data/gmg2016.ron`, as Rust statics;
//! - `source`: reading a `--data` file or standard input, refusing what is not RON text;
//! - `paragraphs`: the report as paragraphs, each with the records that quote it.
//!
//! The first four are shared with the build script (`build.rs`), so the embedded data passes
//! exactly the checks a `--data` file does.

mod check;
pub mod embedded;
mod paragraphs;
mod parse;
mod quote;
mod raw;
mod source;

pub use check::{parse_iso_date, Problems};
pub use paragraphs::{annotate, Annotated, Paragraph};
pub use parse::parse;
pub use quote::{missing_quotes, passage};
pub use source::{read, Origin};

use crate::model::Dataset;

/// The embedded dataset's source text, for `gmg validate` (queries use the build-time form).
pub const EMBEDDED: &str = include_str!("../../data/gmg2016.ron");
/// The report the embedded dataset is drawn from, for quote checks and `show --context`.
pub const REPORT: &str = include_str!("../../data/source/gmg-chair-report-2016.md");
/// How the embedded dataset is named in messages.
pub const EMBEDDED_NAME: &str = "data/gmg2016.ron (embedded)";

/// Loads and checks a dataset: the form every command but `validate` uses. The embedded
/// dataset was checked when gmg was built, and is built into the binary as it is.
pub fn load(origin: &Origin) -> anyhow::Result<Dataset> {
    if let Origin::Embedded = origin {
        return Ok(embedded::dataset());
    }
    let text = read(origin)?;
    let name = origin.to_string();
    Ok(parse(text, &name)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_time_form_is_the_file_parsed_at_run_time() {
        let built = embedded::dataset();
        let parsed = parse(EMBEDDED, EMBEDDED_NAME).unwrap();
        assert_eq!(built, parsed);
        assert!(missing_quotes(&parsed, REPORT, EMBEDDED).is_empty());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    use super::check::{check, Checkable, Parsed};
    use super::raw::*;
    use crate::model::{
        Accomplishment, Chair, Deliverable, Entity, Event, Group, Handover, Member, Objective,
        Proposal, Statement,
    };

    const SMALL: &str = include_str!("../../tests/fixtures/small.ron");

    /// The loader's way (each record checked as it is read) and the plain way (the whole
    /// file read by ron, then checked) must agree: same dataset, or same problems.
    fn the_plain_way(text: &'static str) -> Result<Dataset, Vec<String>> {
        let raw: RawDataset = ron::from_str(text).map_err(|e| vec![e.to_string()])?;
        let parsed = Parsed {
            report: raw.report,
            events: raw.events.into_iter().map(Event::check).collect(),
            statements: raw.statements.into_iter().map(Statement::check).collect(),
            members: raw.members.into_iter().map(Member::check).collect(),
            entities: raw.entities.into_iter().map(Entity::check).collect(),
            handover: raw.handover.into_iter().map(Handover::check).collect(),
            groups: raw.groups.into_iter().map(Group::check).collect(),
            objectives: raw.objectives.into_iter().map(Objective::check).collect(),
            accomplishments: (raw.accomplishments.into_iter())
                .map(Accomplishment::check)
                .collect(),
            proposals: raw.proposals.into_iter().map(Proposal::check).collect(),
            chairs: raw.chairs.into_iter().map(Chair::check).collect(),
            deliverables: raw
                .deliverables
                .into_iter()
                .map(Deliverable::check)
                .collect(),
        };
        let counts = parsed.counts();
        check(parsed).map_err(|list| super::parse::placed(list, text, &counts))
    }

    /// Text with what makes quoting hard: quotes, backslashes, newlines, tabs, unicode.
    fn text() -> impl Strategy<Value = Str<'static>> {
        prop_oneof![
            "[a-zA-Z0-9 ,.;:'\"\\\\\\n\\t\\r–’é😀#/*()\\[\\]{}=+@-]{0,40}",
            any::<String>(),
        ]
        .prop_map(Str::from)
    }

    /// Runs `f` on `text` kept as gmg keeps a file's text, then frees it, so that a long
    /// fuzzing run does not keep every input it tried. `f` may return only what holds no
    /// borrow of the text (a comparison, or problems, which are owned strings).
    fn with_kept<R>(text: String, f: impl FnOnce(&'static str) -> R) -> R {
        let kept: &'static mut str = Box::leak(text.into_boxed_str());
        let kept_ptr: *mut str = kept;
        let result = f(kept);
        // SAFETY: `kept_ptr` came from `Box::leak` and is freed once, here; every borrow of
        // it that `f` made ended when `f` returned (its result holds none, see above).
        drop(unsafe { Box::from_raw(kept_ptr) });
        result
    }

    /// Parses `text` as a gmg run does, and returns the problems if any.
    fn problems_of(text: String) -> Option<Problems> {
        with_kept(text, |kept| parse(kept, "f").err())
    }

    fn source() -> impl Strategy<Value = RawSource<'static>> {
        (text(), text()).prop_map(|(section, quote)| RawSource { section, quote })
    }

    fn event() -> impl Strategy<Value = RawEvent<'static>> {
        (
            (
                text(),
                proptest::option::of(text()),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            (
                text(),
                text(),
                proptest::option::of(text()),
                proptest::collection::vec(text(), 0..3),
            ),
            (
                text(),
                text(),
                proptest::collection::vec(source(), 0..2),
                proptest::option::of(text()),
            ),
        )
            .prop_map(
                |(
                    (id, start, end, precision),
                    (title, kind, location, organizers),
                    (section, quote, also, note),
                )| RawEvent {
                    id,
                    start,
                    end,
                    precision,
                    title,
                    kind,
                    location,
                    organizers,
                    group: None,
                    section,
                    quote,
                    also,
                    note,
                },
            )
    }

    fn member() -> impl Strategy<Value = RawMember<'static>> {
        (
            text(),
            text(),
            proptest::option::of(any::<i32>()),
            text(),
            text(),
            proptest::option::of(text()),
        )
            .prop_map(|(acronym, name, added, section, quote, note)| RawMember {
                acronym,
                name,
                aliases: vec![],
                added,
                section,
                quote,
                also: vec![],
                note,
            })
    }

    fn dataset() -> impl Strategy<Value = RawDataset<'static>> {
        (
            text(),
            any::<i32>(),
            proptest::collection::vec(event(), 0..3),
            proptest::collection::vec(member(), 0..3),
        )
            .prop_map(|(title, year, events, members)| RawDataset {
                report: RawReport {
                    title,
                    chair: "c".into(),
                    year,
                    start: "2016-01-01".into(),
                    end: "2016-12-31".into(),
                    source: "s".into(),
                },
                events,
                statements: vec![],
                members,
                entities: vec![],
                handover: vec![],
                groups: vec![],
                deliverables: vec![],
                objectives: vec![],
                accomplishments: vec![],
                proposals: vec![],
                chairs: vec![],
            })
    }

    /// A valid file with one random edit: a byte range deleted, duplicated or replaced.
    fn near_valid() -> impl Strategy<Value = String> {
        (0..SMALL.len(), 0..SMALL.len(), 0u8..3, any::<char>()).prop_map(|(a, b, how, c)| {
            let (a, b) = (a.min(b), a.max(b));
            let (a, b) = (floor(SMALL, a), floor(SMALL, b));
            match how {
                0 => format!("{}{}", &SMALL[..a], &SMALL[b..]),
                1 => format!("{}{}{}", &SMALL[..b], &SMALL[a..b], &SMALL[b..]),
                _ => format!("{}{c}{}", &SMALL[..a], &SMALL[a..]),
            }
        })
    }

    fn floor(s: &str, mut at: usize) -> usize {
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// Every problem names a place: line:column for syntax, the record for the rest.
    fn names_a_place(problems: &Problems) -> bool {
        !problems.list.is_empty()
            && problems.list.iter().all(|p| {
                let syntax = p
                    .split(':')
                    .take(2)
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                let record = [
                    "event '",
                    "statement '",
                    "member '",
                    "handover item '",
                    "report '",
                ]
                .iter()
                .any(|w| p.starts_with(w));
                syntax || record
            })
    }

    proptest! {
        #[test]
        fn checking_while_reading_agrees_with_checking_after(data in dataset()) {
            for text in [
                ron::ser::to_string(&data).unwrap(),
                ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::default()).unwrap(),
            ] {
                let (ours, plain) = with_kept(text, |kept| {
                    let ours = parse(kept, "f").map_err(|p| p.list);
                    let plain = the_plain_way(kept);
                    (ours == plain, format!("{ours:?}\n{plain:?}"))
                });
                prop_assert!(ours, "{}", plain);
            }
        }

        /// Where the loader says a record starts, ron reads that very record: problems are
        /// placed at their records, in compact and pretty text alike.
        #[test]
        fn every_record_is_found_where_it_starts(data in dataset()) {
            use serde::Deserialize;
            for text in [
                ron::ser::to_string(&data).unwrap(),
                ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::default()).unwrap(),
            ] {
                let starts = super::parse::record_starts(&text);
                let at = |noun: &str| starts.get(noun).cloned().unwrap_or_default();
                let read = |start: usize| ron::Deserializer::from_str(&text[start..]).unwrap();
                prop_assert_eq!(at("event").len(), data.events.len());
                for (&start, event) in at("event").iter().zip(&data.events) {
                    prop_assert_eq!(&RawEvent::deserialize(&mut read(start)).unwrap(), event);
                }
                prop_assert_eq!(at("member").len(), data.members.len());
                for (&start, member) in at("member").iter().zip(&data.members) {
                    prop_assert_eq!(&RawMember::deserialize(&mut read(start)).unwrap(), member);
                }
                let report = at("report");
                prop_assert_eq!(report.len(), 1);
                prop_assert_eq!(&RawReport::deserialize(&mut read(report[0])).unwrap(), &data.report);
            }
        }

        #[test]
        fn any_bytes_give_an_error_with_a_place(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = String::from_utf8_lossy(&bytes);
            if let Some(problems) = problems_of(text.to_string()) {
                prop_assert!(names_a_place(&problems), "{problems}");
            }
        }

        #[test]
        fn near_valid_files_never_panic_and_errors_name_a_place(text in near_valid()) {
            if let Some(problems) = problems_of(text) {
                prop_assert!(names_a_place(&problems), "{problems}");
            }
        }
    }

    /// A long run for finding crashes: `GMG_FUZZ_CASES=2000000 cargo test --release
    /// fuzz_the_loader -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn fuzz_the_loader() {
        let cases = std::env::var("GMG_FUZZ_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(1_000_000);
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        let started = std::time::Instant::now();
        let inputs = prop_oneof![
            near_valid(),
            proptest::collection::vec(any::<u8>(), 0..400)
                .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
        ];
        runner
            .run(&inputs, |text| {
                if let Some(problems) = problems_of(text) {
                    prop_assert!(names_a_place(&problems), "{problems}");
                }
                Ok(())
            })
            .unwrap();
        eprintln!(
            "fuzz_the_loader: {cases} inputs in {:.0?}",
            started.elapsed()
        );
    }
}
