use crate::Scheme;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Clerk](https://clerk.com/docs/webhooks/sync-data): Standard Webhooks
    /// delivered by Svix, `svix-signature: v1,<base64> [v1,<base64> ...]`, base64 HMAC-SHA256 of
    /// `"{svix-id}.{svix-timestamp}.{body}"`, keyed with the signing secret `whsec_<base64>`,
    /// whose decoded bytes are the key. The timestamp is `svix-timestamp` in seconds, within
    /// 300 s, the Svix libraries' tolerance. Only the `svix-*` header names are read, as Clerk's
    /// own helper does; deliveries are identified by `svix-id`.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::clerk(),
    ///     "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, svix/svix-webhooks go/webhook_test.go):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::clerk(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1614265340));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/clerk")
    ///     .header("Content-Type", "application/json")
    ///     .header("svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
    ///     .header("svix-timestamp", "1614265330")
    ///     .header("svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    ///     .body(r#"{"test": 2432232314}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clerk() -> Scheme {
        super::standard_webhooks::standard("clerk", "svix")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "clerk",
        provider: "Clerk",
        category: Category::Identity,
        docs: "https://clerk.com/docs/webhooks/sync-data",
        parameter: Parameter::None,
        build: |_| Scheme::clerk(),
    },
];
