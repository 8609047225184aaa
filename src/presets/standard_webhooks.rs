use crate::{Algorithm, Encoding, Field, Scheme, SecretFormat, SignatureFormat, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Standard Webhooks](https://www.standardwebhooks.com/) (Svix, Clerk, Resend, Liveblocks,
    /// ...): `webhook-signature: v1,<base64> [v1,<base64> ...]`, base64 HMAC-SHA256 of
    /// `"{webhook-id}.{webhook-timestamp}.{body}"`.
    ///
    /// The secret is `whsec_<base64>`; its decoded bytes are the key. Signatures of other
    /// versions (such as the asymmetric `v1a`, see [`Scheme::standard_webhooks_ed25519`]) and
    /// entries that are not valid base64 signatures are skipped; at least one `v1` must match.
    /// The `svix-id`, `svix-timestamp` and `svix-signature` headers that Svix-based providers
    /// (Clerk, Resend) send are read too. The timestamp must be within 300 s either way.
    /// Deliveries are identified by `webhook-id` (or `svix-id`), the same on every retry.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// // The specification's test vector.
    /// let verifier = Verifier::new(Scheme::standard_webhooks(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1614265330));
    /// let mut headers = HeaderMap::new();
    /// headers.insert("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek".parse()?);
    /// headers.insert("webhook-timestamp", "1614265330".parse()?);
    /// headers.insert("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=".parse()?);
    /// assert!(verifier.verify(&headers, br#"{"test": 2432232314}"#).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standard_webhooks() -> Scheme {
        standard("standard_webhooks", "webhook")
            .header_alias("webhook-id", "svix-id")
            .header_alias("webhook-timestamp", "svix-timestamp")
            .header_alias("webhook-signature", "svix-signature")
    }

    /// [Svix](https://docs.svix.com/receiving/verifying-payloads/how-manual): Standard Webhooks
    /// with the `svix-id`, `svix-timestamp` and `svix-signature` header names. Deliveries are
    /// identified by `svix-id`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::svix(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn svix() -> Scheme {
        standard("svix", "svix")
    }
}

/// Standard Webhooks under `name`, with `{header_prefix}-id`, `-timestamp` and `-signature`
/// headers, the `whsec_` key, the delivery id from `{header_prefix}-id` and the event type from
/// the body's `type`: the scheme Svix delivers for Clerk, Resend and others.
pub(super) fn standard(name: &'static str, header_prefix: &str) -> Scheme {
    Scheme::hmac(
        name,
        Algorithm::Sha256,
        &format!("{header_prefix}-signature"),
    )
    .format(SignatureFormat::list(' ', "v1,"))
    .encoding(Encoding::Base64)
    .secret_format(SecretFormat::Base64 { prefix: "whsec_" })
    .timestamp_header(&format!("{header_prefix}-timestamp"))
    .signed_content(
        SignedContent::new()
            .header(&format!("{header_prefix}-id"))
            .text(".")
            .timestamp()
            .text(".")
            .body(),
    )
    .delivery_id(Field::header(&format!("{header_prefix}-id")))
    .event_type(Field::json("type"))
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "standard_webhooks",
        provider: "Standard Webhooks",
        category: Category::Infrastructure,
        docs: "https://www.standardwebhooks.com/",
        parameter: Parameter::None,
        build: |_| Scheme::standard_webhooks(),
    },
    Preset {
        name: "svix",
        provider: "Svix",
        category: Category::Infrastructure,
        docs: "https://docs.svix.com/receiving/verifying-payloads/how-manual",
        parameter: Parameter::None,
        build: |_| Scheme::svix(),
    },
];
