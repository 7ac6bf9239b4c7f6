//! How text is folded for comparing: as search folds it, and names of entities. Shared with
//! the build script, which links the embedded dataset's names to members with it.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Text as search compares it, a character at a time with the byte offset it comes from:
/// lower case; ’ ‘ as ' and “ ” as "; en and em dashes (and the minus sign) as -; a run of
/// whitespace as one space.
pub fn fold(text: &str, mut emit: impl FnMut(char, usize)) {
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space {
                emit(' ', i);
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' => emit('\'', i),
            '\u{201C}' | '\u{201D}' | '\u{201F}' => emit('"', i),
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => emit('-', i),
            c if c.is_ascii() => emit(c.to_ascii_lowercase(), i),
            c => c.to_lowercase().for_each(|l| emit(l, i)),
        }
    }
}

/// A name folded for comparing entities, so that every spelling of one name is one key:
/// case, accents, spaces, hyphens, dots, quotes and dashes do not count (`UN Women`,
/// `un-women`, `UNWOMEN` and `U.N. Women` are `unwomen`); a leading "the" is dropped;
/// "United Nations" is "UN" (the report writes both); and the British and American
/// spellings of "-isation" are one ("International Labour Organization" is the report's
/// "International Labour Organisation").
pub fn entity_key(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    fold(name.trim(), |c, _| folded.push(c));
    let words = folded
        .strip_prefix("the ")
        .unwrap_or(&folded)
        .replace("united nations", "un");
    let mut key = String::with_capacity(words.len());
    for c in words.chars() {
        decompose_canonical(c, |d| {
            if d.is_alphanumeric() && !is_combining_mark(d) {
                key.push(d);
            }
        });
    }
    key.replace("ization", "isation")
}

#[cfg(test)]
mod tests {
    use super::entity_key;

    #[test]
    fn every_spelling_of_a_name_is_one_key() {
        let key = entity_key("UN Women");
        for spelling in [
            "un-women",
            "UNWOMEN",
            "U.N. Women",
            " un  women ",
            "UN–Women",
        ] {
            assert_eq!(entity_key(spelling), key, "{spelling}");
        }
        assert_eq!(entity_key("UNDESA"), entity_key("UN-DESA"));
        assert_eq!(entity_key("UN DESA"), entity_key("UNDESA"));
        assert_eq!(
            entity_key("the United Nations University"),
            entity_key("UN University")
        );
        assert_eq!(entity_key("Genève"), entity_key("geneve"));
        assert_eq!(
            entity_key("International Labour Organization"),
            entity_key("International Labour Organisation")
        );
        assert_ne!(entity_key("UNU"), entity_key("UN"));
        assert_eq!(entity_key("...---"), "");
    }
}
