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
    ///
    /// A known answer (the provider's own example, sendgrid/sendgrid-go
    /// helpers/eventwebhook/eventwebhook_test.go):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// # #[cfg(feature = "ecdsa")] {
    /// # let secret = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    /// let verifier = Verifier::new(Scheme::sendgrid(), secret)?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1600112512));
    /// // The example delivery (327 bytes).
    /// # let body = "[{\"email\":\"hello@world.com\",\"event\":\"dropped\",\"reason\":\"Bounced Address\",\"sg_event_id\":\"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA\",\"sg_message_id\":\"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\",\"smtp-id\":\"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>\",\"timestamp\":1600112492}]\r\n";
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/sendgrid")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Twilio-Email-Event-Webhook-Signature", "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=")
    ///     .header("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
