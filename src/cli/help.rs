//! Help text, examples and shell-completion values, added to the derived command. The field
//! lists and kinds come from the record types and the model, so help cannot drift from them.

use std::ffi::OsStr;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::builder::{PossibleValue, TypedValueParser};
use clap::CommandFactory;

use super::parse::{parse_field, parse_name, parse_section};
use super::Cli;
use crate::dataset::embedded::{CHAIRS, GROUP_IDS, IDS, LEADS, MEMBER_KEYS, ORGANIZERS};
use crate::model::{
    Accomplishment, Chair, Deliverable, Event, Group, Handover, Member, Objective, Proposal,
    Statement, SECTIONS,
};
use crate::record::Record;

/// A value parser that checks values with `parse` and offers `values` to shell completion.
/// The values are a list of names gmg knows (fields, sections, ids), taken only when a
/// completion script is written.
#[derive(Clone)]
struct Offer<P> {
    parse: P,
    values: fn() -> Vec<&'static str>,
}

impl<P: TypedValueParser> TypedValueParser for Offer<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let words_only = WORDS_ONLY.load(Ordering::Relaxed);
        Some(Box::new(
            (self.values)()
                .into_iter()
                .filter(move |v| !(words_only && v.contains(' ')))
                .map(PossibleValue::new),
        ))
    }
}

/// Offer only values of one word: bash's completion splits a value at its spaces ("UN
/// Women" would be offered as "UN" and "Women").
static WORDS_ONLY: AtomicBool = AtomicBool::new(false);

/// Makes completion offer only one-word values (see [`WORDS_ONLY`]).
pub fn offer_words_only() {
    WORDS_ONLY.store(true, Ordering::Relaxed);
}

/// What completion offers for `--month`.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `--month` as it is, with the months offered to completion.
fn months(c: clap::Command) -> clap::Command {
    c.mut_arg("month", |a| {
        a.value_parser(Offer {
            parse: super::parse::parse_month,
            values: || MONTHS.to_vec(),
        })
        .hide_possible_values(true)
    })
}

/// Values checked by `parse`, with `values` offered to completion (Chairs, organisers,
/// sections, ids).
fn offering(
    parse: fn(&str) -> Result<String, String>,
    values: fn() -> Vec<&'static str>,
) -> Offer<impl TypedValueParser<Value = String>> {
    Offer { parse, values }
}

/// A field of `R`, in any case, given as its name (for `--sort`, `sort`, also `date`);
/// offered to completion.
fn field_of<R: Record + 'static>(sort: bool) -> Offer<impl TypedValueParser<Value = String>> {
    Offer {
        parse: move |name: &str| -> Result<String, String> {
            parse_field::<R>(name, sort).map(|i| R::FIELDS[i].to_string())
        },
        values: || R::FIELDS.to_vec(),
    }
}

/// `--fields` and `--sort` of a command that lists `R`.
pub fn fields_of<R: Record + 'static>(c: clap::Command) -> clap::Command {
    c.mut_arg("fields", |a| {
        a.value_parser(field_of::<R>(false))
            .hide_possible_values(true)
    })
    .mut_arg("sort", |a| {
        a.value_parser(field_of::<R>(true))
            .hide_possible_values(true)
    })
}

/// Offers `values` to completion for `arg`, without listing them in help; values are
/// checked by `parse`.
fn offer(
    c: clap::Command,
    arg: &str,
    parse: fn(&str) -> Result<String, String>,
    values: fn() -> Vec<&'static str>,
) -> clap::Command {
    c.mut_arg(arg, |a| {
        a.value_parser(offering(parse, values))
            .hide_possible_values(true)
    })
}

fn sections() -> Vec<&'static str> {
    let mut all = vec!["II", "Annex B"];
    all.extend(SECTIONS);
    all
}

/// Examples and the field list shown in each listing command's help.
fn listing_help<R: Record>(examples: &str) -> String {
    format!(
        "Examples:\n{examples}\nFields ({}): {}. The table shows {} unless --fields is given; csv, tsv, json and ndjson \
         show every field.",
        R::NOUN,
        R::FIELDS.join(", "),
        R::BRIEF.join(", "),
    )
}

/// How the date filters decide, for the help of every command that takes them. One
/// paragraph on one line: clap wraps it to the terminal (see the module's tests).
const PERIOD_RULES: &str = "\
    Dates: a bare month (--month 3, --month mar) is that month of the report's year (2016 \
    for the embedded data); YYYY-MM names any other month, and several months select their \
    union (--month 2,3). A record known to the day is in the period when its dates overlap \
    it: the statement of 29 February - 1 March 2016 is in both February and March. A record \
    known only to the month or the year is in the period only when that whole month or year \
    lies inside it: the February 2016 retreat is in --month 2 but not in --since 2016-02-15, \
    and an event of \"2016\" is in --year 2016 but not in --month 3. --approximate also takes \
    those that may fall in the period; the table says how many it left out. Undated records \
    match no date filter.";

/// The full command: help text computed from the record types, and the values completion
/// offers (field names, sections, Chairs, organisers and ids of the embedded dataset).
pub fn command() -> clap::Command {
    let listing = |c: clap::Command| offer(c, "section", parse_section, sections);
    let dated = |c: clap::Command| months(listing(c));
    let of_events = |c: clap::Command| {
        let c = offer(c, "organizer", parse_name, || ORGANIZERS.to_vec());
        offer(c, "group", parse_name, || GROUP_IDS.to_vec())
    };
    let mut root = Cli::command();
    if let Some(width) = crate::terminal::help_width() {
        root = root.term_width(usize::from(width));
    }
    root.mut_subcommand("events", |c| of_events(fields_of::<Event>(dated(c))))
        .mut_subcommand("statements", |c| fields_of::<Statement>(dated(c)))
        .mut_subcommand("members", |c| fields_of::<Member>(listing(c)))
        .mut_subcommand("handover", |c| {
            offer(fields_of::<Handover>(listing(c)), "chair", parse_name, || CHAIRS.to_vec())
        })
        .mut_subcommand("search", months)
        .mut_subcommand("timeline", |c| of_events(listing(c)))
        .mut_subcommand("read", listing)
        .mut_subcommand("groups", |c| {
            let c = offer(fields_of::<Group>(listing(c)), "chair", parse_name, || MEMBER_KEYS.to_vec());
            offer(c, "participant", parse_name, || MEMBER_KEYS.to_vec())
        })
        .mut_subcommand("deliverables", |c| {
            let c = offer(fields_of::<Deliverable>(dated(c)), "group", parse_name, || GROUP_IDS.to_vec());
            offer(c, "lead", parse_name, || LEADS.to_vec())
        })
        .mut_subcommand("show", |c| offer(c, "id", parse_name, || IDS.to_vec()))
        .mut_subcommand("objectives", |c| {
            fields_of::<Objective>(listing(c)).after_help(listing_help::<Objective>(
                "  gmg objectives --kind objective\n  gmg objectives --search remittances --fields id,title,records\n  gmg plan\n",
            ))
        })
        .mut_subcommand("accomplishments", |c| {
            fields_of::<Accomplishment>(listing(c)).after_help(listing_help::<Accomplishment>(
                "  gmg accomplishments\n  gmg show ii-4\n",
            ))
        })
        .mut_subcommand("proposals", |c| {
            fields_of::<Proposal>(listing(c)).after_help(listing_help::<Proposal>(
                "  gmg proposals\n  gmg proposals --paragraph 88 --fields number,title,text\n",
            ))
        })
        .mut_subcommand("chairs", |c| {
            let c = offer(fields_of::<Chair>(dated(c)), "entity", parse_name, || MEMBER_KEYS.to_vec());
            c.after_help(listing_help::<Chair>(
                "  gmg chairs --year 2017\n  gmg chairs --body gfmd\n  gmg chairs --entity \"UN University\"\n",
            ))
        })
        .mut_subcommand("plan", |c| {
            c.after_help(
                "Each objective and planned activity of the Chair (section III, Annex A), the records \
                 that carried it out by kind, and the handover items that carry it forward to the \
                 next Chair. An objective counts the records of the activities under it.\n\n\
                 Examples:\n  gmg plan\n  gmg plan -f csv --fields id,events,statements,deliverables,handover\n",
            )
        })
        .mut_subcommand("events", |c| {
            c.after_help(listing_help::<Event>(
                "  gmg events --month june\n  gmg events --month 2,3 --approximate\n  gmg events --kind multi-stakeholder-meeting -f csv > meetings.csv\n  gmg events --location geneva --year 2016\n  gmg events --organizer ilo --fields id,start,title,organizers\n",
            ) + "\n\n" + PERIOD_RULES + "\n\nNames: --organizer takes any spelling of an entity's name: its acronym, its full \
                 name or another spelling the report uses, in any case (ilo, \"International \
                 Labour Organization\", undesa); a name that is no entity's is refused with the \
                 nearest names.")
        })
        .mut_subcommand("statements", |c| {
            c.after_help(listing_help::<Statement>(
                "  gmg statements --month 3\n  gmg statements --since 2016-09 --format csv -o autumn.csv\n  gmg statements --search gfmd --fields start,title,event\n",
            ) + "\n\n" + PERIOD_RULES)
        })
        .mut_subcommand("members", |c| {
            c.after_help(listing_help::<Member>(
                "  gmg members --added 2016\n  gmg members --search united --format json\n",
            ))
        })
        .mut_subcommand("handover", |c| {
            c.after_help(listing_help::<Handover>(
                "  gmg handover --chair escap\n  gmg handover --chair \"international organisation for migration\"\n  gmg handover --search MAWP --format markdown\n",
            ) + "\n\nNames: --chair takes a Chair's acronym or, for a member, its full name, in any case.")
        })
        .mut_subcommand("groups", |c| {
            c.after_help(listing_help::<Group>(
                "  gmg groups\n  gmg groups --chair \"un women\"\n  gmg groups --participant unhcr --fields id,name,participants\n  gmg groups --kind task-force -f json\n",
            ) + "\n\nNames: --chair and --participant take a member's acronym or full name, in any \
                 case. Participants are the members the report names as taking part, co-chairs \
                 included.")
        })
        .mut_subcommand("deliverables", |c| {
            c.after_help(listing_help::<Deliverable>(
                "  gmg deliverables --lead \"un women\"\n  gmg deliverables --year 2017\n  gmg deliverables --group \"data and research\" --status in-progress\n  gmg deliverables --kind guidance,principles -f csv -o guidance.csv\n",
            ) + "\n\nStatus and due date are given only where the report states them. The date \
                 filters apply to the due date, with the rules below.\n\n" + PERIOD_RULES)
        })
        .mut_subcommand("search", |c| {
            c.after_help(
                "Examples:\n  gmg search xenophobia\n  gmg search geneva --kind event,statement\n  gmg search \"new york declaration\" --year 2016 -f csv\n\n\
                 Fields (match): kind, id, start, end, title, field, snippet, section. `field` is \
                 the field the snippet comes from. The table shows kind, id, start, title and \
                 snippet.\n\n\
                 Matching ignores case, and takes ’ as ', “ ” as \", – and — as -, and a run of \
                 spaces as one.\n\n"
                    .to_string() + PERIOD_RULES,
            )
        })
        .mut_subcommand("show", |c| {
            c.after_help(
                "Examples:\n  gmg show s12\n  gmg show msm-2016-06-30 --context\n  gmg show unhcr --format json\n\n\
                 Links: a statement's event; an event's statements and group; a member's events \
                 (as organiser), groups (as co-chair or participant), deliverables (as lead), and \
                 the statements and handover items that name it; a group's co-chairs, events and \
                 deliverables; a deliverable's group and leads; a handover item's Chairs, groups \
                 and deliverables; and the handover items that name a group or a deliverable.",
            )
        })
        .mut_subcommand("timeline", |c| {
            c.after_help(
                "Examples:\n  gmg timeline\n  gmg timeline --kind gfmd-workshop,gfmd-meeting,gfmd-summit\n  gmg timeline --year 2017 -f csv\n\n\
                 Fields (month): month, events, statements.\n\n\
                 --kind and --organizer select events, and the statements delivered at them. A \
                 month counts what `gmg events --month YYYY-MM` lists: a record known to the day \
                 in every month its dates overlap, one known to the month in that month. Records \
                 known only to the year are in no month; the chart says how many there are.",
            )
        })
        .mut_subcommand("read", |c| {
            c.after_help(
                "Examples:\n  gmg read II.4\n  gmg read --uncited\n  gmg read \"annex b\" --uncited -f csv -o to-check.csv\n  gmg read | less\n\n\
                 Fields (paragraph): section, number, kind, text, records, line. The text shows each paragraph beside its number, and the ids of the records that \
                 quote it under it. -f gives one row per paragraph; markdown shows section, number, \
                 text, records.\n\n\
                 Paragraphs are the blocks of the bundled report between blank lines, each item of \
                 a list on its own. number is a paragraph's place in the whole report, headings \
                 included; line is where it starts in data/source/gmg-chair-report-2016.md. kind \
                 is heading (a section's heading, a sub-heading, a title, a page's running head) \
                 or paragraph. Sections no record comes from: Title (the title page), II (the \
                 lead-in before II.1), V (the list of annexes).\n\n\
                 A record quotes a paragraph when one of its quotes (main or also) overlaps it, \
                 matched as gmg validate matches quotes (markup and spacing aside): a quote that \
                 runs across a page break lies in both halves. A quote the report holds twice lies \
                 where its record's section says. --uncited and the counts leave headings out. gmg \
                 show ID --context goes back from a record to its paragraphs.",
            )
        })
        .mut_subcommand("export", |c| {
            c.after_help(
                "Examples:\n  gmg export gmg.sqlite\n  sqlite3 gmg.sqlite \"select id from search where search match 'gender'\"\n  gmg export - --data my-copy.ron > my-copy.sqlite\n  gmg export gmg.xlsx\n  gmg export gmg.html\n\n\
                 The database has one table per collection, link tables for lists (organisers, \
                 Chairs, co-chairs, participants, leads, other passages) with foreign keys to the \
                 members and records they name, a full-text index (search) and views \
                 (statement_events, member_roles, deliverable_summary). `gmg sql --schema` prints \
                 it. The workbook has a sheet about itself, then a sheet per collection, every \
                 field, and a linked_<collection> column of ids per collection its records link \
                 to. The page holds the overview, the year's chart, a table per collection and \
                 the report's text, each quote linked to its paragraph; it needs nothing else to \
                 open. A file is replaced whole, or not at all, as with -o.",
            )
        })
        .mut_subcommand("sql", |c| {
            c.after_help(
                "Examples:\n  gmg sql \"select count(*) from statements\"\n  gmg sql \"select id, event_title, organizers from statement_events\" -f csv\n  gmg sql \"select role, record_id from member_roles where member = 'IOM'\"\n  gmg sql \"select kind, id from search where search match 'remittance*'\"\n  gmg sql --schema\n\n\
                 The query runs on the schema `gmg export` writes, in memory and read-only: a \
                 statement that would change data, or attach another database, fails with SQLite's \
                 message. One statement per run.",
            )
        })
        .mut_subcommand("completions", |c| {
            c.after_help("Examples:\n  gmg completions bash > ~/.local/share/bash-completion/completions/gmg\n  gmg completions zsh > ~/.zfunc/_gmg\n  gmg completions fish > ~/.config/fish/completions/gmg.fish")
        })
        .mut_subcommand("man", |c| {
            c.after_help("Examples:\n  gmg man > gmg.1 && man ./gmg.1\n  gmg man | gzip > /usr/local/share/man/man1/gmg.1.gz")
        })
        .mut_subcommand("validate", |c| {
            c.after_help("Examples:\n  gmg validate\n  gmg validate my-corrected-copy.ron\n  gmg validate synthetic.ron --no-quotes")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
    }
}
