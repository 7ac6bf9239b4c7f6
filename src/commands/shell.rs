//! `gmg completions SHELL`: a completion script generated from the command line itself, with
//! the values gmg knows (field names, kinds, sections, Chairs, organisers, formats and the
//! embedded dataset's ids; see `cli::help`). It goes through the same output path as the data
//! commands: a closed pipe ends quietly, a full disk is an error.

use crate::cli::{offer_words_only, CompletionsArgs};
use crate::output::Sink;

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<()> {
    if args.shell == clap_complete::Shell::Bash {
        offer_words_only();
    }
    let mut cmd = without_hidden(super::command());
    // clap_complete panics when its writer fails: it writes to memory, which cannot.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "gmg", &mut script);
    Sink::open(None)?.write(|out| out.write_all(&script))
}

/// The command line with the options help hides taken out of the subcommands that hide
/// some (`gmg sql`'s `--fields`, `--sort`, `--reverse`, `--limit`, which it refuses):
/// clap_complete offers hidden options too.
fn without_hidden(cmd: clap::Command) -> clap::Command {
    let hiding: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| s.get_arguments().any(|a| a.is_hide_set()))
        .map(|s| s.get_name().to_string())
        .collect();
    hiding.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sub| {
            let mut visible = clap::Command::new(sub.get_name().to_string());
            if let Some(about) = sub.get_about() {
                visible = visible.about(about.clone());
            }
            for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
                visible = visible.arg(arg.clone());
            }
            visible
        })
    })
}
