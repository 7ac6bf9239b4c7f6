//! Better tips for command lines clap refuses, where the question is plain but the spelling
//! is not: an option another command has for the same question (`gmg members --year 2016`
//! means `--added`), or a bare month or year (`gmg statements march`).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::parse::{parse_month, parse_year};

/// Options that ask the same kind of question of different collections, the likeliest
/// first.
const ALIKE: &[&[&str]] = &[
    &["--year", "--month", "--since", "--until", "--added"],
    &["--organizer", "--chair", "--lead", "--participant"],
    &["--location", "--search"],
];

/// `error` with a tip that fits the question where we know one: clap's own suggestion goes
/// by spelling alone. `args` is the command line, program name first.
pub fn refine(mut error: clap::Error, args: &[OsString]) -> clap::Error {
    if error.kind() != ErrorKind::UnknownArgument {
        return error;
    }
    let Some(ContextValue::String(arg)) = error.get(ContextKind::InvalidArg).cloned() else {
        return error;
    };
    let command = super::command();
    let Some(sub) = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find_map(|a| command.find_subcommand(a))
    else {
        return error;
    };
    let has = |option: &str| {
        sub.get_arguments().any(|a| {
            a.get_long()
                .is_some_and(|l| option.strip_prefix("--") == Some(l))
        })
    };
    let name = sub.get_name();
    if arg.starts_with("--") {
        let option = arg.split('=').next().unwrap_or_default();
        let alike = ALIKE
            .iter()
            .filter(|group| group.contains(&option))
            .flat_map(|group| group.iter())
            .find(|o| **o != option && has(o));
        if let Some(alike) = alike {
            error.insert(
                ContextKind::SuggestedArg,
                ContextValue::String(alike.to_string()),
            );
            // clap's usage line shows the option it suggested; show the command's own.
            let usage = sub.clone().bin_name(format!("gmg {name}")).render_usage();
            error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
        }
        return error;
    }
    let tip = if has("--month") && parse_month(&arg).is_ok() {
        Some(format!(
            "months go with --month: 'gmg {name} --month {arg}'"
        ))
    } else if has("--year") && parse_year(&arg).is_ok() {
        Some(format!("years go with --year: 'gmg {name} --year {arg}'"))
    } else if has("--added") && parse_year(&arg).is_ok() {
        Some(format!(
            "years of admission go with --added: 'gmg {name} --added {arg}'"
        ))
    } else if has("--search") {
        Some(format!(
            "to look for text, use --search: 'gmg {name} --search {arg}'"
        ))
    } else {
        None
    };
    if let Some(tip) = tip {
        error.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![tip.into()]),
        );
    }
    error
}
