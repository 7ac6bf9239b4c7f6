//! Predicates over records, in domain terms (no command line here): a period, text
//! searches, sections, names of entities. Filters combine with AND.

mod period;
mod text;

pub use period::{Month, Period, PeriodSpec};
pub use text::{entity_key, find, group_ids, Needle};

use crate::record::{Cell, Record};

/// One test on a record.
#[derive(Clone, Debug)]
enum Test {
    /// Any text of any field contains the needle.
    Anywhere(Needle),
    /// The field's text contains the needle.
    Contains(usize, Needle),
    /// The field's text, or one item of its list, equals one of the needles.
    Equals(usize, Vec<Needle>),
    /// The field, or one item of it, is a spelling of the entity with these folded keys
    /// (see `model::Entities::keys_of`).
    Entity(usize, Vec<String>),
    /// The record comes from this section or a part of it ("II" matches "II.1"), or quotes
    /// it among its other passages (the second field, `also`, when the record has one).
    Section(usize, Option<usize>, Needle),
    Int(usize, i64),
}

/// All the tests a command asks for, for one record type.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    period: Option<Period>,
    tests: Vec<Test>,
}

impl Filter {
    /// Adds: the record is in the period (see [`Period::matches`]).
    pub fn within(mut self, period: Option<Period>) -> Filter {
        self.period = period;
        self
    }

    /// Adds: some field of the record contains `text` (folded, see [`Needle`]).
    pub fn search(mut self, text: Option<&str>) -> Filter {
        if let Some(text) = text {
            self.tests.push(Test::Anywhere(Needle::new(text)));
        }
        self
    }

    /// Adds: the record comes from `section` or a part of it.
    pub fn section<R: Record>(self, section: Option<&str>) -> Filter {
        let also = R::field_index("also");
        self.with::<R, _>("section", section, |f, v| {
            Test::Section(f, also, Needle::new(v))
        })
    }

    /// Adds: the field contains `value` (folded).
    pub fn contains<R: Record>(self, field: &str, value: Option<&str>) -> Filter {
        self.with::<R, _>(field, value, |f, v| Test::Contains(f, Needle::new(v)))
    }

    /// Adds: the field equals one of `values` (folded); nothing when `values` is empty.
    pub fn one_of<R: Record>(self, field: &str, values: &[&str]) -> Filter {
        let joined = (!values.is_empty()).then_some(values);
        self.with::<R, _>(field, joined, |f, vs| {
            Test::Equals(f, vs.iter().map(|v| Needle::new(v)).collect())
        })
    }

    /// Adds: the field, or an item of it, names the entity whose spellings fold to `keys`
    /// (see `model::Entities::keys_of`).
    pub fn entity<R: Record>(self, field: &str, keys: Option<Vec<String>>) -> Filter {
        self.with::<R, _>(field, keys, Test::Entity)
    }

    /// Adds: the integer field equals `value`.
    pub fn int<R: Record>(self, field: &str, value: Option<i64>) -> Filter {
        self.with::<R, _>(field, value, Test::Int)
    }

    fn with<R: Record, V>(
        mut self,
        field: &str,
        value: Option<V>,
        test: impl FnOnce(usize, V) -> Test,
    ) -> Filter {
        if let (Some(index), Some(value)) = (R::field_index(field), value) {
            self.tests.push(test(index, value));
        }
        self
    }

    /// The fields the tests look at (the date field for a period; not a search of every
    /// field): a table keeps them in sight, since the question is about them.
    pub fn fields<R: Record>(&self) -> Vec<usize> {
        let period = self.period.as_ref().and_then(|_| R::date_field());
        let tested = self.tests.iter().filter_map(|test| match test {
            Test::Anywhere(_) => None,
            Test::Contains(f, _)
            | Test::Equals(f, _)
            | Test::Entity(f, _)
            | Test::Section(f, _, _)
            | Test::Int(f, _) => Some(*f),
        });
        period.into_iter().chain(tested).collect()
    }

    pub fn matches<R: Record>(&self, record: &R) -> bool {
        self.period
            .as_ref()
            .is_none_or(|p| p.matches(record.span()))
            && self.tests.iter().all(|test| passes(test, record))
    }

    /// Whether the record passes every test but is left out of the period only because
    /// the report knows its date to the month or the year (see `--approximate`).
    pub fn only_approximately<R: Record>(&self, record: &R) -> bool {
        self.period
            .as_ref()
            .is_some_and(|p| p.only_approximately(record.span()))
            && self.tests.iter().all(|test| passes(test, record))
    }
}

/// Whether any text of the cell passes `test`.
fn any_text(cell: Cell<'_>, test: impl Fn(&str) -> bool) -> bool {
    let mut hit = false;
    cell.each_text(&mut |s| hit = hit || test(s));
    hit
}

fn passes<R: Record>(test: &Test, record: &R) -> bool {
    match test {
        Test::Anywhere(needle) => {
            R::searched().any(|f| any_text(record.cell(f), |s| needle.found_in(s)))
        }
        Test::Contains(f, needle) => any_text(record.cell(*f), |s| needle.found_in(s)),
        Test::Equals(f, needles) => {
            any_text(record.cell(*f), |s| needles.iter().any(|n| n.equals(s)))
        }
        Test::Entity(f, keys) => any_text(record.cell(*f), |s| {
            let key = text::entity_key(s);
            keys.contains(&key)
        }),
        Test::Section(f, also, needle) => {
            let within = |s: &str| section_within(s, needle.folded());
            let own = matches!(record.cell(*f), Cell::Text(s) if within(s));
            own || also.is_some_and(|a| match record.cell(a) {
                Cell::Sources(sources) => sources.iter().any(|s| within(&s.section)),
                _ => false,
            })
        }
        Test::Int(f, value) => record.cell(*f) == Cell::Int(*value),
    }
}

/// Whether `section` is `wanted` (lower case) or a part of it: "II.1" is within "ii",
/// "Annex B.3" within "annex b"; "II.1" is not within "i".
pub fn section_within(section: &str, wanted: &str) -> bool {
    let section = section.to_lowercase();
    match section.strip_prefix(wanted) {
        Some(rest) => {
            rest.is_empty() || rest.starts_with(['.', ' ']) || wanted.ends_with(['.', ' '])
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_match_whole_parts_only() {
        assert!(section_within("II.1", "ii"));
        assert!(section_within("II.1", "ii.1"));
        assert!(!section_within("II.1", "i"));
        assert!(section_within("Annex B.3", "annex b"));
        assert!(!section_within("Annex B.3", "annex b.33"));
        assert!(!section_within("III", "ii"));
        assert!(section_within("Endnote ii", "endnote"));
    }
}
