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
