//! What the layer writes to `tracing`: rejections at the right level and without a secret or a
//! signature, and the delivery's span around the handler.
//!
//! These tests install `tracing` subscribers for their own thread. `tracing` caches per callsite
//! whether anyone listens, process-wide, so a test on another thread without a subscriber can
//! make one of these miss an event; they run in a binary of their own, where every test
//! listens.

mod common;

use axum::{routing::post, Router};
use common::*;
use http::StatusCode;
use std::{
    io::Write,
    sync::{Arc, Mutex},
};
use tower::ServiceExt;
use tower_webhook::{dedup::MemoryStore, RejectionLog, Scheme, VerifyWebhookLayer};

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

/// What `run` writes to `tracing` at `level` and above, on this thread, without colours.
fn logs_at(level: tracing::Level, run: impl FnOnce()) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, run);
    let logs = captured.0.lock().unwrap().clone();
    String::from_utf8(logs).unwrap()
}

/// A runtime for the tests' requests, on this thread (where the subscriber is).
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

#[test]
fn rejections_log_and_answer_without_secret_or_signatures() {
    let runtime = runtime();
    let wrong = "sha1=0123456789abcdef0123456789abcdef01234567";
    let mut responses = String::new();
    let logs = logs_at(tracing::Level::TRACE, || {
        for value in [wrong, "sha1=zz", "", AMIO_SIGNATURE] {
            let layer = VerifyWebhookLayer::new(Scheme::amio(), AMIO_SECRET).unwrap();
            let request = post_with(&[("x-hub-signature", value.as_bytes())], "{\"tampered\":1}");
            let app = counting_app(layer, Calls::default());
            let (status, body) = runtime.block_on(send(app, request));
            assert_eq!(status, StatusCode::UNAUTHORIZED);
            responses.push_str(&body);
        }
    });
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

#[test]
fn a_signature_mismatch_is_a_warning_visible_under_an_info_filter() {
    let runtime = runtime();
    let logs = logs_at(tracing::Level::INFO, || {
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
    let runtime = runtime();
    for (log, visible) in [
        (RejectionLog::At(tracing::Level::DEBUG), false),
        (RejectionLog::Off, false),
        (RejectionLog::At(tracing::Level::ERROR), true),
    ] {
        let logs = logs_at(tracing::Level::INFO, || {
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

#[test]
fn the_handler_runs_inside_the_deliverys_span() {
    let runtime = runtime();
    let logs = logs_at(tracing::Level::INFO, || {
        // Deduplicating, the layer reads the whole delivery (the body's `type` too); without,
        // only what the headers carry goes on the span.
        let layer = VerifyWebhookLayer::new(Scheme::standard_webhooks(), STANDARD_WEBHOOKS_SECRET)
            .unwrap()
            .deduplicate(MemoryStore::new());
        let app = Router::new().route(
            "/hook",
            post(|| async {
                tracing::info!("handling");
                StatusCode::OK
            })
            .layer(layer),
        );
        let response = runtime.block_on(app.oneshot(standard_webhooks_delivery(
            "msg_span",
            r#"{"type":"user.created"}"#,
        )));
        assert_eq!(response.unwrap().status(), StatusCode::OK);
    });
    assert!(logs.contains("webhook{"), "{logs}");
    assert!(logs.contains("delivery_id=\"msg_span\""), "{logs}");
    assert!(logs.contains("event_type=\"user.created\""), "{logs}");
    assert!(logs.contains("scheme=\"standard_webhooks\""), "{logs}");
    assert!(logs.contains("handling"), "{logs}");
}
