//! The integration tests, in one binary (one link instead of one per file); each file is a
//! module named for what it tests. Run one with `cargo test --all-features --test integration
//! <module>::`.

mod common;
/// The demo's app and client, which the TCP and registration tests drive.
#[path = "../examples/support/mod.rs"]
mod support;

mod adversarial_body;
mod adversarial_headers;
mod adversarial_secrets;
mod adversarial_timestamps;
mod certificates;
mod dedup;
mod extractors;
mod handshakes;
mod known_answers;
mod placements;
mod presets;
mod properties;
mod redis;
mod registration;
mod schemes;
mod seeds;
mod tcp;
mod tenants;
