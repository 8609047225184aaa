use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Qiscus](https://support.qiscus.com/) Chat SDK:
    /// `QISCUS-SDK-SIGNATURE: <hex HMAC-SHA256 of the raw body>`, no prefix, keyed with the
    /// signature token generated in the SDK dashboard.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::qiscus(), "qiscus-token")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn qiscus() -> Scheme {
        Scheme::hmac("qiscus", Algorithm::Sha256, "QISCUS-SDK-SIGNATURE")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "qiscus",
        provider: "Qiscus",
        category: Category::Messaging,
        docs: "https://support.qiscus.com/",
        parameter: Parameter::None,
        build: |_| Scheme::qiscus(),
    },
];
