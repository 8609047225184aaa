//! Secrets and configuration: construction errors, and no secret or signature in any `Debug`,
//! `Display`, `tracing` output or response.

use crate::common::*;
use http::StatusCode;
use std::{
    io::Write,
    sync::{Arc, Mutex},
};
use tower_webhook::{ConfigError, RejectionLog, Scheme, Signer, Verifier, VerifyWebhookLayer};

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

/// A `tracing` writer that keeps everything written.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn rejections_log_and_answer_without_secret_or_signatures() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let wrong = "sha1=0123456789abcdef0123456789abcdef01234567";
    let mut responses = String::new();
    for value in [wrong, "sha1=zz", "", AMIO_SIGNATURE] {
        let layer = VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap();
        let request = post_with(&[("x-hub-signature", value.as_bytes())], "{\"tampered\":1}");
        let (status, body) = send(counting_app(layer, Calls::default()), request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        responses.push_str(&body);
    }
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("rejected webhook"),
        "nothing was logged: {logs}"
    );
    for text in [&logs, &responses] {
        assert!(!text.contains(AMIO_SECRET), "{text}");
        assert!(
            !text.contains(&wrong[5..]),
            "received signature leaked: {text}"
        );
        assert!(
            !text.contains(&AMIO_SIGNATURE[5..]),
            "a signature leaked: {text}"
        );
    }
    // The expected signature of the tampered body, computed independently, is nowhere either.
    let expected = {
        use hmac::{Hmac, KeyInit, Mac};
        let mut mac =
            <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(AMIO_SECRET.as_bytes()).unwrap();
        mac.update(b"{\"tampered\":1}");
        hex::encode(mac.finalize().into_bytes())
    };
    assert!(!logs.contains(&expected) && !responses.contains(&expected));
}

fn logs_at_info(run: impl FnOnce()) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, run);
    let logs = captured.0.lock().unwrap().clone();
    String::from_utf8(logs).unwrap()
}

#[test]
fn a_signature_mismatch_is_a_warning_visible_under_an_info_filter() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let logs = logs_at_info(|| {
        let layer = VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap();
        let request = post_with(&[("x-hub-signature", AMIO_SIGNATURE.as_bytes())], "{}");
        let (status, _) = runtime.block_on(send(counting_app(layer, Calls::default()), request));
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    });
    assert!(logs.contains("WARN"), "{logs}");
    assert!(logs.contains("signature_mismatch"), "{logs}");
}

#[test]
fn the_rejection_log_level_is_the_users_choice() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for (log, visible) in [
        (RejectionLog::At(tracing::Level::DEBUG), false),
        (RejectionLog::Off, false),
        (RejectionLog::At(tracing::Level::ERROR), true),
    ] {
        let logs = logs_at_info(|| {
            let layer = VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET)
                .unwrap()
                .log_rejections_at(log);
            let request = post_with(&[("x-hub-signature", AMIO_SIGNATURE.as_bytes())], "{}");
            runtime.block_on(send(counting_app(layer, Calls::default()), request));
        });
        assert_eq!(
            logs.contains("rejected webhook"),
            visible,
            "{log:?}: {logs}"
        );
    }
}
