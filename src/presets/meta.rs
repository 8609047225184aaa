use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [Meta (Facebook, Instagram, WhatsApp Cloud API)](https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads):
    /// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the app secret.
    /// Deliveries are identified by what their signature covers (less its timestamp): Meta sends no delivery id.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::meta(), "meta-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::meta(), "meta-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/meta")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Hub-Signature-256", "sha256=58601c9b76ec08d15d89358a3010b1b10b82ab913961946bdd6244573c0f5742")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn meta() -> Scheme {
        Scheme::hmac("meta", Algorithm::Sha256, "X-Hub-Signature-256")
            .prefix("sha256=")
            .event_type(Field::json("object"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "meta",
        provider: "Meta (Facebook, Instagram, WhatsApp Cloud API)",
        category: Category::Messaging,
        docs: "https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads",
        parameter: Parameter::None,
        build: |_| Scheme::meta(),
    },
];

/// Meta's (Facebook, Instagram, WhatsApp) subscription check: a `GET
/// ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` whose verify token equals this one
/// (compared in constant time) is answered 200 with the challenge; any other such `GET` 403.
#[derive(Clone)]
pub struct MetaSubscribe {
    verify_token: std::sync::Arc<str>,
}

impl MetaSubscribe {
    /// The check for `verify_token`, the token configured in the app dashboard.
    pub fn new(verify_token: impl Into<std::sync::Arc<str>>) -> Self {
        MetaSubscribe {
            verify_token: verify_token.into(),
        }
    }
}

impl std::fmt::Debug for MetaSubscribe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The verify token is a secret: never printed.
        f.debug_struct("MetaSubscribe").finish_non_exhaustive()
    }
}

impl Handshake for MetaSubscribe {
    fn before(&self, request: &http::request::Parts, _: &crate::Verifier) -> Option<Answer> {
        if request.method != http::Method::GET
            || handshake::query_param(request, "hub.mode").as_deref() != Some("subscribe")
        {
            return None;
        }
        let given = handshake::query_param(request, "hub.verify_token").unwrap_or_default();
        let equal: bool = subtle::ConstantTimeEq::ct_eq(given.as_bytes(), self.verify_token.as_bytes()).into();
        if !equal {
            return Some(handshake::verify_token_mismatch());
        }
        Some(handshake::reflect(handshake::query_param(request, "hub.challenge")))
    }
}
