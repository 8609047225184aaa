use crate::{Field, Scheme, SignedContent, TimestampFormat};
use std::borrow::Cow;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [PayPal](https://developer.paypal.com/api/rest/webhooks/rest/): `PAYPAL-TRANSMISSION-SIG:
    /// <base64 RSA PKCS#1 v1.5 / SHA-256 signature>` of
    /// `"{PAYPAL-TRANSMISSION-ID}|{PAYPAL-TRANSMISSION-TIME}|{webhook id}|{crc32 of the body}"`
    /// (the CRC-32 in decimal), checked with the certificate PayPal serves at
    /// `PAYPAL-CERT-URL`, configured as the key (PEM, as served). `webhook_id` is the id of
    /// the webhook in PayPal's dashboard. `PAYPAL-TRANSMISSION-TIME` (RFC 3339) must be within
    /// 300 s: PayPal documents no window. **Not covered:** the certificate is trusted as
    /// configured (its URL, chain and expiry are not checked; fetch it from PayPal's own
    /// hosts), and `PAYPAL-AUTH-ALGO` is not read (only SHA256withRSA verifies). The body is
    /// signed only through its CRC-32, which anyone can match, so the event's `id` in the body
    /// is reported by [`Delivery`](crate::Delivery) but deduplication keys on the digest of what
    /// is signed (transmission id, webhook id, CRC-32): a retry that PayPal sends with a new
    /// transmission id is handled again, so make PayPal handlers idempotent on the event's `id`.
    ///
    /// ```no_run
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let certificate = std::fs::read_to_string("paypal-cert.pem")?;
    /// let layer = VerifyWebhookLayer::new(Scheme::paypal("4JH86294D6297924G"), certificate)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn paypal(webhook_id: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::rsa_sha256("paypal", "PAYPAL-TRANSMISSION-SIG")
            .timestamp_header("PAYPAL-TRANSMISSION-TIME")
            .timestamp_format(TimestampFormat::Rfc3339)
            .signed_content(
                SignedContent::new()
                    .header("PAYPAL-TRANSMISSION-ID")
                    .text("|")
                    .timestamp()
                    .text("|")
                    .constant("webhook id", webhook_id)
                    .text("|")
                    .body_crc32(),
            )
            .delivery_id(Field::json("id"))
            .event_type(Field::json("event_type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "paypal",
        provider: "PayPal",
        category: Category::Payments,
        docs: "https://developer.paypal.com/api/rest/webhooks/rest/",
        parameter: Parameter::WebhookId,
        build: |parameter| Scheme::paypal(parameter.to_owned()),
    },
];
