//! Known-answer vectors for every preset, from `tests/vectors/providers.json`: the providers'
//! own published vectors and SDK fixtures where they exist, otherwise values computed by
//! Python (`hmac`, `cryptography`) following each provider's document literally. The generator,
//! `tests/vectors/providers.py`, re-checks every published vector before writing it, and each
//! case names its source. Nothing here is produced by this crate's own signer.

use base64::Engine as _;
use serde::Deserialize;
use std::time::{Duration, UNIX_EPOCH};
use tower_webhook::{presets::Preset, Verifier};

#[derive(Debug, Deserialize)]
struct Case {
    preset: String,
    case: String,
    secret: String,
    parameter: Option<String>,
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
    body_base64: Option<String>,
    now: u64,
    expect: String,
    source: String,
}

fn cases() -> Vec<Case> {
    let text = include_str!("vectors/providers.json");
    serde_json::from_str(text).expect("tests/vectors/providers.json is valid")
}

fn request(case: &Case) -> http::Request<Vec<u8>> {
    let body = match (&case.body, &case.body_base64) {
        (Some(text), _) => text.clone().into_bytes(),
        (None, Some(encoded)) => base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .expect("body_base64 is base64"),
        (None, None) => Vec::new(),
    };
    let mut builder = http::Request::builder()
        .method(case.method.as_str())
        .uri(case.path.as_str());
    for (name, value) in &case.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder.body(body).expect("a valid request")
}

/// The verdict for one case: `"valid"` or the error code.
fn verdict(case: &Case) -> String {
    let Some(preset) = Preset::find(&case.preset) else {
        return "no such preset".to_owned();
    };
    let scheme = preset.scheme_with(case.parameter.as_deref().unwrap_or(""));
    let now = case.now;
    let verifier = match Verifier::new(scheme, &case.secret) {
        Ok(verifier) => verifier.clock(move || UNIX_EPOCH + Duration::from_secs(now)),
        Err(error) => return format!("config error: {error}"),
    };
    match verifier.verify_request(&request(case)) {
        Ok(verified) => {
            assert_eq!(verified.scheme(), case.preset);
            "valid".to_owned()
        }
        Err(error) => error.code().to_owned(),
    }
}

#[test]
fn every_case_gets_its_expected_verdict() {
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let got = verdict(case);
        if got != case.expect {
            failures.push(format!(
                "{} / {}: expected {}, got {} ({})",
                case.preset, case.case, case.expect, got, case.source
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_preset_has_a_valid_and_a_rejected_case() {
    let cases = cases();
    let mut missing = Vec::new();
    for preset in Preset::all() {
        let of_preset = || cases.iter().filter(|case| case.preset == preset.name());
        if !of_preset().any(|case| case.expect == "valid") {
            missing.push(format!("{}: no valid case", preset.name()));
        }
        if !of_preset().any(|case| case.expect != "valid") {
            missing.push(format!("{}: no rejected case", preset.name()));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
