//! Adversarial timestamps through a router (Slack's scheme, Slack's documented vector).

use crate::common::*;
use http::StatusCode;
use std::time::{Duration, UNIX_EPOCH};
use tower_webhook::{Scheme, VerifyWebhookLayer};

const SECRET: &str = "8f742231b10e8888abcd99yyyzzz85a5";
const TS: u64 = 1_531_420_618;
const SIGNATURE: &str = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const BODY: &str = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

fn slack_at(now: u64) -> VerifyWebhookLayer {
    VerifyWebhookLayer::new(Scheme::slack(), SECRET)
        .unwrap()
        .clock(move || UNIX_EPOCH + Duration::from_secs(now))
}

async fn check(now: u64, timestamp: &str, status: StatusCode, code: Option<&str>) {
    let request = post_with(
        &[
            ("x-slack-request-timestamp", timestamp.as_bytes()),
            ("x-slack-signature", SIGNATURE.as_bytes()),
        ],
        BODY,
    );
    expect(slack_at(now), request, status, code).await;
}

#[tokio::test]
async fn at_the_past_edge_of_the_window() {
    check(TS + 300, "1531420618", StatusCode::OK, None).await;
}

#[tokio::test]
async fn at_the_future_edge_of_the_window() {
    check(TS - 300, "1531420618", StatusCode::OK, None).await;
}

#[tokio::test]
async fn one_second_past_the_past_edge() {
    check(
        TS + 301,
        "1531420618",
        StatusCode::UNAUTHORIZED,
        Some("timestamp_out_of_tolerance"),
    )
    .await;
}

#[tokio::test]
async fn one_second_past_the_future_edge() {
    check(
        TS - 301,
        "1531420618",
        StatusCode::UNAUTHORIZED,
        Some("timestamp_out_of_tolerance"),
    )
    .await;
}

#[tokio::test]
async fn negative() {
    check(
        TS,
        "-1531420618",
        StatusCode::UNAUTHORIZED,
        Some("malformed_timestamp"),
    )
    .await;
}

#[tokio::test]
async fn explicit_plus_sign() {
    check(
        TS,
        "+123",
        StatusCode::UNAUTHORIZED,
        Some("malformed_timestamp"),
    )
    .await;
}

#[tokio::test]
async fn inner_space() {
    // Surrounding whitespace is stripped by HTTP; a space inside is not.
    check(
        TS,
        "1531 420618",
        StatusCode::UNAUTHORIZED,
        Some("malformed_timestamp"),
    )
    .await;
}

#[tokio::test]
async fn exponent() {
    check(
        TS,
        "1e3",
        StatusCode::UNAUTHORIZED,
        Some("malformed_timestamp"),
    )
    .await;
}

#[tokio::test]
async fn i64_max() {
    check(
        TS,
        &i64::MAX.to_string(),
        StatusCode::UNAUTHORIZED,
        Some("timestamp_out_of_tolerance"),
    )
    .await;
}

#[tokio::test]
async fn beyond_i64_max() {
    check(
        TS,
        "9223372036854775808",
        StatusCode::UNAUTHORIZED,
        Some("malformed_timestamp"),
    )
    .await;
}

#[tokio::test]
async fn milliseconds() {
    check(
        TS,
        "1531420618000",
        StatusCode::UNAUTHORIZED,
        Some("timestamp_out_of_tolerance"),
    )
    .await;
}

#[tokio::test]
async fn missing_timestamp_header() {
    let request = post_with(&[("x-slack-signature", SIGNATURE.as_bytes())], BODY);
    expect(
        slack_at(TS),
        request,
        StatusCode::UNAUTHORIZED,
        Some("missing_header"),
    )
    .await;
}

#[tokio::test]
async fn timestamp_shifted_within_the_window_breaks_the_signature() {
    check(
        TS,
        "1531420619",
        StatusCode::UNAUTHORIZED,
        Some("signature_mismatch"),
    )
    .await;
}
