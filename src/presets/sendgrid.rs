use crate::{Scheme, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [SendGrid](https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features)
    /// (Event Webhook): `X-Twilio-Email-Event-Webhook-Signature: <base64 DER ECDSA P-256/SHA-256
    /// signature of "{X-Twilio-Email-Event-Webhook-Timestamp}{body}">` (no separator), checked
    /// with the "verification key" (base64 DER SubjectPublicKeyInfo, `MFkwEwYH…`, as SendGrid
    /// shows it). The timestamp is unix seconds; the window is 300 s: SendGrid documents none.
    /// The body's CRLF line endings are signed, so it must reach the verifier untouched. There is
    /// no delivery id header; deduplicate on each event's `sg_event_id`.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::sendgrid(),
    ///     "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
    /// );
    /// // Needs the `ecdsa` feature; without it, `ConfigError::FeatureDisabled` names it.
    /// # #[cfg(feature = "ecdsa")]
    /// # let _ = layer?;
    /// # #[cfg(not(feature = "ecdsa"))]
    /// # assert!(matches!(layer, Err(tower_webhook::ConfigError::FeatureDisabled { feature: "ecdsa" })));
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn sendgrid() -> Scheme {
        Scheme::ecdsa_p256("sendgrid", "X-Twilio-Email-Event-Webhook-Signature")
            .timestamp_header("X-Twilio-Email-Event-Webhook-Timestamp")
            .signed_content(SignedContent::new().timestamp().body())
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "sendgrid",
        provider: "SendGrid",
        category: Category::Email,
        docs: "https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features",
        parameter: Parameter::None,
        build: |_| Scheme::sendgrid(),
    },
];
