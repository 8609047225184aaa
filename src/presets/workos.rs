use crate::{Algorithm, Field, Scheme, SignatureFormat, SignedContent, TimestampFormat};
use std::time::Duration;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [WorkOS](https://workos.com/docs/events/data-syncing/webhooks):
    /// `WorkOS-Signature: t=<timestamp>, v1=<hex>`, hex HMAC-SHA256 of `"{t}.{body}"`, keyed
    /// with the endpoint's webhook secret. `t` is in milliseconds and must be within 180 s, the
    /// default of WorkOS's SDKs, in either direction. Deliveries are identified by the body's
    /// `id` (WorkOS sends no id header).
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::workos(), "LJlTiC19GmCKWs8AE0IaOQcos")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn workos() -> Scheme {
        Scheme::hmac("workos", Algorithm::Sha256, "WorkOS-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .timestamp_format(TimestampFormat::Milliseconds)
            .signed_content(SignedContent::new().timestamp().text(".").body())
            .tolerance(Duration::from_secs(180))
            .delivery_id(Field::json("id"))
            .event_type(Field::json("event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "workos",
        provider: "WorkOS",
        category: Category::Identity,
        docs: "https://workos.com/docs/events/data-syncing/webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::workos(),
    },
];
