use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Segment](https://segment.com/docs/connections/destinations/catalog/webhooks/#authentication):
    /// `X-Signature: <hex HMAC-SHA1 of the raw body>`, keyed with the destination's shared
    /// secret. No timestamp is signed, so there is no replay window. Deliveries are identified by
    /// their signature; the body's `messageId` identifies the message. Batched Webhooks (Actions)
    /// requests are not covered: Segment signs only the first event of the batch, not the body
    /// sent.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::segment(), "segment-shared-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn segment() -> Scheme {
        Scheme::hmac("segment", Algorithm::Sha1, "X-Signature").event_type(Field::json("type"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "segment",
        provider: "Segment",
        category: Category::Infrastructure,
        docs: "https://segment.com/docs/connections/destinations/catalog/webhooks/#authentication",
        parameter: Parameter::None,
        build: |_| Scheme::segment(),
    },
];
