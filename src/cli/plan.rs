//! The arguments of the commands over the report's intentions: objectives, accomplishments,
//! proposals, Chairs, and the follow-through view (`gmg plan`).

use clap::{Args, ValueEnum};

use super::parse::parse_name;
use super::{DateArgs, OutputArgs, TextArgs};

#[derive(Debug, Args)]
pub struct ObjectivesArgs {
    /// Only the objectives, or only the planned activities
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
        ignore_case = true,
        help_heading = "Filters"
    )]
    pub kind: Option<ObjectiveKind>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// An objective of the Chair, or an activity planned under one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ObjectiveKind {
    Objective,
    Activity,
}

impl ObjectiveKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectiveKind::Objective => "objective",
            ObjectiveKind::Activity => "activity",
        }
    }
}

#[derive(Debug, Args)]
pub struct AccomplishmentsArgs {
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ProposalsArgs {
    /// Only entry points that answer paragraph N of the New York Declaration
    #[arg(long, value_name = "N", help_heading = "Filters")]
    pub paragraph: Option<u16>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ChairsArgs {
    #[command(flatten)]
    pub dates: DateArgs,
    /// Only Chairs of the GMG, or of the GFMD
    #[arg(
        long,
        value_name = "BODY",
        value_enum,
        ignore_case = true,
        help_heading = "Filters"
    )]
    pub body: Option<Body>,
    /// Only Chairs, troika members, or handovers
    #[arg(
        long,
        value_name = "ROLE",
        value_enum,
        ignore_case = true,
        help_heading = "Filters"
    )]
    pub role: Option<Role>,
    /// Only records that name the entity NAME (by acronym, name or another spelling)
    #[arg(long, value_name = "NAME", value_parser = parse_name, help_heading = "Filters")]
    pub entity: Option<String>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A body that has Chairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Body {
    Gmg,
    Gfmd,
}

impl Body {
    pub fn as_str(self) -> &'static str {
        match self {
            Body::Gmg => "GMG",
            Body::Gfmd => "GFMD",
        }
    }
}

/// What a Chair record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Role {
    Chair,
    Troika,
    Handover,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Troika => "troika",
            Role::Handover => "handover",
        }
    }
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}
