//! Adversarial signature headers: each case a named test; the handler never runs on a rejection.

use crate::common::*;
use http::StatusCode;
use tower_webhook::{Scheme, VerifyWebhookLayer};

const HEX: &str = "cb041d03489e961730cb6c7a6d1edf58ae88ef13"; // Amio's published tag

fn amio() -> VerifyWebhookLayer {
    VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap()
}

async fn rejected(value: &[u8], code: &str) {
    let request = post_with(&[("x-hub-signature", value)], AMIO_BODY);
    expect(amio(), request, StatusCode::UNAUTHORIZED, Some(code)).await;
}

async fn accepted(value: &[u8]) {
    let request = post_with(&[("x-hub-signature", value)], AMIO_BODY);
    expect(amio(), request, StatusCode::OK, None).await;
}

#[tokio::test]
async fn missing_header() {
    let request = post_with(&[], AMIO_BODY);
    expect(
        amio(),
        request,
        StatusCode::UNAUTHORIZED,
        Some("missing_signature"),
    )
    .await;
}

#[tokio::test]
async fn empty_value() {
    rejected(b"", "malformed_signature").await;
}

#[tokio::test]
async fn prefix_only() {
    rejected(b"sha1=", "malformed_signature").await;
}

#[tokio::test]
async fn truncated_to_one_byte() {
    rejected(
        format!("sha1={}", &HEX[..2]).as_bytes(),
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn truncated_by_one_byte() {
    rejected(
        format!("sha1={}", &HEX[..38]).as_bytes(),
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn one_byte_too_long() {
    rejected(format!("sha1={HEX}00").as_bytes(), "malformed_signature").await;
}

#[tokio::test]
async fn odd_length_hex() {
    rejected(
        format!("sha1={}", &HEX[..39]).as_bytes(),
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn non_hex_characters() {
    rejected(
        format!("sha1={}zz", &HEX[..38]).as_bytes(),
        "malformed_signature",
    )
    .await;
}

#[tokio::test]
async fn base64_where_hex_is_expected() {
    // The same 20 bytes, base64-encoded (python3: base64.b64encode(bytes.fromhex(HEX))).
    rejected(b"sha1=ywQdA0ielhcwy2x6bR7fWK6I7xM=", "malformed_signature").await;
}

#[tokio::test]
async fn value_of_64_kib_is_rejected_without_decoding() {
    let huge = format!("sha1={}", "a".repeat(64 * 1024));
    let request = post_with(&[("x-hub-signature", huge.as_bytes())], AMIO_BODY);
    let body = expect(
        amio(),
        request,
        StatusCode::UNAUTHORIZED,
        Some("malformed_signature"),
    )
    .await;
    assert!(body.contains("longer than any signature"), "{body}");
}

#[tokio::test]
async fn byte_0xff_in_value() {
    let mut value = format!("sha1={HEX}").into_bytes();
    value[7] = 0xFF;
    rejected(&value, "malformed_signature").await;
}

#[tokio::test]
async fn surrounding_whitespace_is_ignored_as_http_defines() {
    // RFC 9110 §5.5: leading and trailing spaces and tabs are not part of a field value.
    accepted(format!(" \tsha1={HEX} \t").as_bytes()).await;
}

#[tokio::test]
async fn inner_whitespace_is_malformed() {
    rejected(format!("sha1= {HEX}").as_bytes(), "malformed_signature").await;
}

#[tokio::test]
async fn wrong_prefix() {
    rejected(format!("sha256={HEX}").as_bytes(), "malformed_signature").await;
    rejected(format!("SHA1={HEX}").as_bytes(), "malformed_signature").await;
}

#[tokio::test]
async fn sha1_tag_on_a_sha256_route() {
    let layer = VerifyWebhookLayer::new(Scheme::github(), AMIO_SECRET).unwrap();
    let request = post_with(
        &[("x-hub-signature-256", format!("sha256={HEX}").as_bytes())],
        AMIO_BODY,
    );
    expect(
        layer,
        request,
        StatusCode::UNAUTHORIZED,
        Some("malformed_signature"),
    )
    .await;
}

#[tokio::test]
async fn duplicate_headers_valid_then_invalid() {
    let request = post_with(
        &[
            ("x-hub-signature", AMIO_SIGNATURE.as_bytes()),
            ("x-hub-signature", b"sha1=00"),
        ],
        AMIO_BODY,
    );
    expect(
        amio(),
        request,
        StatusCode::UNAUTHORIZED,
        Some("duplicate_signature"),
    )
    .await;
}

#[tokio::test]
async fn duplicate_headers_invalid_then_valid() {
    let request = post_with(
        &[
            ("x-hub-signature", b"sha1=00"),
            ("x-hub-signature", AMIO_SIGNATURE.as_bytes()),
        ],
        AMIO_BODY,
    );
    expect(
        amio(),
        request,
        StatusCode::UNAUTHORIZED,
        Some("duplicate_signature"),
    )
    .await;
}

#[tokio::test]
async fn duplicate_headers_valid_twice() {
    let request = post_with(
        &[
            ("x-hub-signature", AMIO_SIGNATURE.as_bytes()),
            ("x-hub-signature", AMIO_SIGNATURE.as_bytes()),
        ],
        AMIO_BODY,
    );
    expect(
        amio(),
        request,
        StatusCode::UNAUTHORIZED,
        Some("duplicate_signature"),
    )
    .await;
}

#[tokio::test]
async fn header_name_in_any_case() {
    for name in ["X-HUB-SIGNATURE", "x-hub-signature", "X-Hub-Signature"] {
        let request = post_with(&[(name, AMIO_SIGNATURE.as_bytes())], AMIO_BODY);
        expect(amio(), request, StatusCode::OK, None).await;
    }
    let shouting = VerifyWebhookLayer::new(
        Scheme::hmac("amio", tower_webhook::Algorithm::Sha1, "X-HUB-SIGNATURE").prefix("sha1="),
        AMIO_SECRET,
    )
    .unwrap();
    let request = post_with(&[("x-hub-signature", AMIO_SIGNATURE.as_bytes())], AMIO_BODY);
    expect(shouting, request, StatusCode::OK, None).await;
}

#[tokio::test]
async fn empty_v1_in_a_standard_webhooks_list() {
    // CVE-2024-21491: the svix crate accepted "v1,". Here it is malformed.
    let layer = VerifyWebhookLayer::new(
        Scheme::standard_webhooks(),
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    )
    .unwrap()
    .clock(|| std::time::UNIX_EPOCH + std::time::Duration::from_secs(1614265330));
    let request = post_with(
        &[
            ("webhook-id", b"msg_p5jXN8AQM9LWM0D4loKWxJek"),
            ("webhook-timestamp", b"1614265330"),
            ("webhook-signature", b"v1,"),
        ],
        r#"{"test": 2432232314}"#,
    );
    expect(
        layer,
        request,
        StatusCode::UNAUTHORIZED,
        Some("malformed_signature"),
    )
    .await;
}
