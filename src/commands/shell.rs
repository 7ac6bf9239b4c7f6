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
    let mut cmd = super::command();
    // clap_complete panics when its writer fails: it writes to memory, which cannot.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "gmg", &mut script);
    Sink::open(None)?.write(|out| out.write_all(&script))
}
