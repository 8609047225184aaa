use crate::{Algorithm, Field, Scheme, SignatureFormat, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Mux](https://www.mux.com/docs/core/verify-webhook-signatures):
    /// `Mux-Signature: t=<timestamp>,v1=<hex>[,v1=<hex>...]`, hex HMAC-SHA256 of `"{t}.{body}"`,
    /// keyed with the webhook's signing secret. Any matching `v1` is accepted; other schemes are
    /// ignored. `t` is unix seconds; the window is 300 s, the SDK's default (Mux's docs leave it
    /// to you; the SDK rejects only old timestamps, this preset both directions). Deliveries are
    /// identified by what their signature covers (less its timestamp) (Mux does not document its body `id` as stable across
    /// retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::mux(), "SuperSecret123")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, muxinc/mux-node-sdk
    /// test/unit/webhooks/webhooks.spec.cjs):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::mux(), "SuperSecret123")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1565125728));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/mux")
    ///     .header("Content-Type", "application/json")
    ///     .header("Mux-Signature", "t=1565125718,v1=854ece4c22acef7c66b57d4e504153bc512595e8e9c772ece2a68150548c19a7")
    ///     .body(r#"{"test":"body"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mux() -> Scheme {
        Scheme::hmac("mux", Algorithm::Sha256, "Mux-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .signed_content(SignedContent::new().timestamp().text(".").body())
            .event_type(Field::json("type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "mux",
        provider: "Mux",
        category: Category::DeveloperTools,
        docs: "https://www.mux.com/docs/core/verify-webhook-signatures",
        parameter: Parameter::None,
        build: |_| Scheme::mux(),
    },
];
