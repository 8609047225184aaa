use crate::{Algorithm, Scheme, SignatureFormat, SignedContent, TimestampFormat};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Recurly](https://docs.recurly.com/recurly-subscriptions/docs/signature-verification):
    /// `recurly-signature: <timestamp>,<hex>[,<hex>...]`, hex HMAC-SHA256 of
    /// `"{timestamp}.{body}"`, keyed with the webhook endpoint's secret key used as text. Any
    /// listed signature may match (Recurly sends several while a key rotates); an entry that is
    /// not hex is skipped. The timestamp is in milliseconds and must be within 300 s either way,
    /// the tolerance of Recurly's client libraries. Only JSON webhooks are signed (XML ones are
    /// not covered); delivery ids are not checked, deduplicate on the body's `id`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::recurly(),
    ///     "354fab5bd35f5a0d50845ee7e30165244468b13c2c343f104e4e730a59326d9d",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, recurly/recurly-client-ruby
    /// spec/recurly/webhooks_spec.rb):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::recurly(), "354fab5bd35f5a0d50845ee7e30165244468b13c2c343f104e4e730a59326d9d")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1663103935));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/recurly")
    ///     .header("Content-Type", "application/json")
    ///     .header("recurly-signature", "1663103925004,ad24699f3beaa24c9af2cc7ada3ce4c835da0090194241b9d3add83d27f14bc3")
    ///     .body(r#"{"id":"rjxwmwedwqug","object_type":"account","site_id":"qc326l1hl8k9","event_type":"created","event_time":"2022-09-13T21:18:40Z","account_code":"adfas23zzz14123"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recurly() -> Scheme {
        Scheme::hmac("recurly", Algorithm::Sha256, "recurly-signature")
            .format(SignatureFormat::timestamp_then_signatures(','))
            .timestamp_format(TimestampFormat::Milliseconds)
            .signed_content(SignedContent::new().timestamp().text(".").body())
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "recurly",
        provider: "Recurly",
        category: Category::Payments,
        docs: "https://docs.recurly.com/recurly-subscriptions/docs/signature-verification",
        parameter: Parameter::None,
        build: |_| Scheme::recurly(),
    },
];
