//! Text as search and the name filters compare it: case, typographic quotes and dashes,
//! and runs of whitespace do not matter.

use std::ops::Range;

pub use crate::fold::entity_key;
use crate::fold::fold;
use crate::model::Group;

/// Search text, folded once: case, typographic quotes and dashes, and runs of whitespace do
/// not matter (see [`fold`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle(String);

impl Needle {
    pub fn new(text: &str) -> Needle {
        let mut folded = String::with_capacity(text.len());
        fold(text.trim(), |c, _| folded.push(c));
        Needle(folded)
    }

    /// The needle, folded.
    pub fn folded(&self) -> &str {
        &self.0
    }

    /// Whether `haystack` contains the needle, folded alike.
    pub fn found_in(&self, haystack: &str) -> bool {
        find(haystack, self).is_some()
    }

    /// Whether `value` equals the needle, folded alike.
    pub fn equals(&self, value: &str) -> bool {
        if value.is_ascii() && self.0.is_ascii() && !value.contains(char::is_whitespace) {
            return value.eq_ignore_ascii_case(&self.0);
        }
        let mut folded = String::with_capacity(value.len());
        fold(value.trim(), |c, _| folded.push(c));
        folded == self.0
    }
}

/// The byte range, in `haystack`, of the first match of `needle`, both folded alike.
pub fn find(haystack: &str, needle: &Needle) -> Option<Range<usize>> {
    let needle = needle.folded();
    if needle.is_empty() {
        return Some(0..0);
    }
    // ASCII text has nothing to fold but case and whitespace, and whitespace cannot matter
    // to a needle without a space.
    if haystack.is_ascii() && !needle.contains(' ') {
        let n = needle.len();
        if !needle.is_ascii() || n > haystack.len() {
            return None;
        }
        return haystack
            .as_bytes()
            .windows(n)
            .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
            .map(|i| i..i + n);
    }
    // Folding can change byte lengths, so keep where each folded byte came from.
    let mut folded = String::with_capacity(haystack.len());
    let mut origin = Vec::with_capacity(haystack.len());
    fold(haystack, |c, i| {
        folded.push(c);
        origin.resize(folded.len(), i);
    });
    let at = folded.find(needle)?;
    let last = origin[at + needle.len() - 1];
    let end = last + haystack[last..].chars().next().map_or(0, char::len_utf8);
    Some(origin[at]..end)
}

/// The ids of the groups `name` names: the one whose id it is (any case), else every group
/// whose name contains it (folded, as search folds).
pub fn group_ids<'a>(groups: &'a [Group], name: &str) -> Vec<&'a str> {
    let needle = Needle::new(name.trim());
    if let Some(g) = groups.iter().find(|g| needle.equals(&g.id)) {
        return vec![&*g.id];
    }
    groups
        .iter()
        .filter(|g| needle.found_in(&g.name))
        .map(|g| &*g.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(haystack: &str, needle: &str) -> Option<Range<usize>> {
        find(haystack, &Needle::new(needle))
    }

    #[test]
    fn case_insensitive_search_finds_unicode_too() {
        assert_eq!(at("The Xenophobia campaign", "xenophobia"), Some(4..14));
        assert!(Needle::new("ÉCOSOC").found_in("un écosoc session"));
        assert_eq!(at("Genève et Zürich", "zürich"), Some(11..18));
        assert_eq!(at("x İstanbul", "i̇stanbul"), Some(2..11));
        assert!(Needle::new("un women").equals("UN Women"));
        assert!(!Needle::new("un").equals("UN Women"));
    }

    #[test]
    fn search_folds_quotes_dashes_and_whitespace_both_ways() {
        let text = "UN Secretary-General’s High-Level Panel on Women’s Economic Empowerment";
        let range = at(text, "women's economic").unwrap();
        assert_eq!(&text[range], "Women’s Economic");
        assert_eq!(at(text, "WOMEN’S  ECONOMIC"), at(text, "women's economic"));
        assert_eq!(
            at("GFMD Summit, 10–12 December", "10-12 december"),
            Some(13..29)
        );
        assert_eq!(
            at("GFMD Summit, 10-12 December", "10–12 december"),
            Some(13..27)
        );
        assert_eq!(at("the “Friends of Migration”", "\"friends"), Some(4..14));
        assert_eq!(at("New\n  York", "new york"), Some(0..10));
        assert_eq!(at("New York", "new\tyork"), Some(0..8));
        assert_eq!(at("New York", "york city"), None);
        assert!(Needle::new(" Women’s  Economic ").equals("women's economic"));
    }
}
