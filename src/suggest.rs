//! The nearest known names to a value that names nothing, for messages that say so ("did
//! you mean …"): those that start with it first, then by edit distance, each compared as
//! `key` folds it.

/// Up to `most` of `candidates` nearest to `wanted`, each once, nearest first; ties keep
/// the candidates' order.
pub fn nearest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    key: impl Fn(&str) -> String,
    most: usize,
) -> Vec<&'a str> {
    let wanted = key(wanted);
    let mut scored: Vec<(usize, usize, &str)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (order, candidate) in candidates.into_iter().enumerate() {
        let folded = key(candidate);
        if !seen.insert(candidate) {
            continue;
        }
        let score = if !wanted.is_empty() && folded.starts_with(&wanted) {
            0
        } else {
            1 + strsim::levenshtein(&folded, &wanted)
        };
        scored.push((score, order, candidate));
    }
    scored.sort();
    scored.into_iter().take(most).map(|(_, _, c)| c).collect()
}

/// `a, b or c` (`a` alone, `a or b`).
pub fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_come_first_then_the_closest_spellings() {
        let names = ["ESCAP", "FAO", "UNESCO", "ILO", "ESCAP"];
        let lower = |s: &str| s.to_lowercase();
        assert_eq!(nearest("escpa", names, lower, 2), ["ESCAP", "UNESCO"]);
        assert_eq!(nearest("un", names, lower, 1), ["UNESCO"]);
        assert_eq!(nearest("x", names, lower, 9).len(), 4);
        assert_eq!(or_list(&["a", "b", "c"]), "a, b or c");
        assert_eq!(or_list(&["a"]), "a");
    }
}
