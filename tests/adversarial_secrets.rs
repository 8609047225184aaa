//! Secrets and configuration: construction errors, and no secret or signature in any `Debug`,
//! `Display` or response (the `tracing` output is checked in `tests/logs.rs`).

use crate::common::*;
use tower_webhook::{ConfigError, Scheme, Signer, Verifier, VerifyWebhookLayer};

#[test]
fn empty_secret_is_a_construction_error() {
    assert_eq!(
        VerifyWebhookLayer::new(Scheme::amio(), "").unwrap_err(),
        ConfigError::EmptySecret
    );
    assert_eq!(
        VerifyWebhookLayer::new(Scheme::standard_webhooks(), "whsec_").unwrap_err(),
        ConfigError::EmptySecret
    );
}

#[test]
fn secret_with_trailing_newline_is_reported() {
    let error = VerifyWebhookLayer::new(Scheme::amio(), "WebhookSecret\n").unwrap_err();
    assert_eq!(error, ConfigError::SecretHasSurroundingWhitespace);
    assert!(error.to_string().contains("trailing newline"));
    assert!(!error.to_string().contains("WebhookSecret"));
}

#[test]
fn invalid_standard_webhooks_secret_is_reported() {
    let error =
        VerifyWebhookLayer::new(Scheme::standard_webhooks(), "whsec_not base64!").unwrap_err();
    assert!(matches!(error, ConfigError::InvalidSecretFormat { .. }));
}

#[test]
fn invalid_header_name_is_a_construction_error_not_a_panic() {
    let scheme = Scheme::hubpay().signature_header("x hub signature");
    assert!(matches!(
        VerifyWebhookLayer::new(scheme, "s").unwrap_err(),
        ConfigError::InvalidHeaderName { .. }
    ));
}

#[test]
fn debug_of_layer_verifier_signer_and_verified_hide_the_secret() {
    let secret = "WebhookSecret";
    let layer = VerifyWebhookLayer::new(Scheme::amio(), secret).unwrap();
    let verifier = Verifier::new(Scheme::amio(), secret).unwrap();
    let signer = Signer::new(Scheme::amio(), secret).unwrap();
    let mut headers = http::HeaderMap::new();
    headers.insert("x-hub-signature", AMIO_SIGNATURE.parse().unwrap());
    let verified = verifier.verify(&headers, AMIO_BODY.as_bytes()).unwrap();
    for text in [
        format!("{layer:?}"),
        format!("{verifier:?}"),
        format!("{signer:?}"),
        format!("{verified:?}"),
    ] {
        assert!(!text.contains(secret), "{text}");
        assert!(!text.contains(&AMIO_SIGNATURE[5..]), "{text}");
    }
}
