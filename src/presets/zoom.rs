use crate::{Algorithm, Field, Scheme};
use super::{Parameter, Preset};

impl Scheme {
    /// [Zoom](https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events):
    /// `x-zm-signature: v0=<hex HMAC-SHA256 of "v0:{x-zm-request-timestamp}:{body}">`, keyed with
    /// the app's secret token; the timestamp must be within the tolerance. Deliveries are
    /// identified by what their signature covers (less its timestamp): Zoom sends no delivery id.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::zoom(), "zoom-token")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn zoom() -> Scheme {
        Scheme::hmac("zoom", Algorithm::Sha256, "x-zm-signature")
            .prefix("v0=")
            .timestamp_header("x-zm-request-timestamp")
            .signed(super::slack::v0_timestamp_body())
            .event_type(Field::json("event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "zoom",
        provider: "Zoom",
        docs: "https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events",
        parameter: Parameter::None,
        build: |_| Scheme::zoom(),
    },
];
