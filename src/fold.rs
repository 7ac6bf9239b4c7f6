//! How text is folded for comparing: as search folds it, and names of entities. Shared with
//! the build script, which links the embedded dataset's names to members with it.

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

/// A name folded for comparing entities: as search folds it, with the British and American
/// spellings of "-isation" made one ("International Labour Organization" is the report's
/// "International Labour Organisation").
pub fn entity_key(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    fold(name.trim(), |c, _| folded.push(c));
    folded.replace("ization", "isation")
}
