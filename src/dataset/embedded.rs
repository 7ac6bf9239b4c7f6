//! The embedded dataset in the form the build script prepared: `data/gmg2016.ron`, parsed
//! and checked at build time, stored as postcard bytes that startup decodes into the model
//! in microseconds (see README: Performance).

use anyhow::Context;

use crate::model::Dataset;

/// Written by `build.rs` from `data/gmg2016.ron`.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gmg2016.postcard"));

/// The embedded dataset.
pub fn dataset() -> anyhow::Result<Dataset> {
    // The bytes come from the same model types in the same build, so this fails only if the
    // build itself went wrong.
    postcard::from_bytes(BYTES).context("the embedded dataset is damaged; rebuild gmg")
}
