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
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://workos.com/docs/events/data-syncing/webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::workos(), "LJlTiC19GmCKWs8AE0IaOQcos")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1626125982));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/workos")
    ///     .header("Content-Type", "application/json")
    ///     .header("WorkOS-Signature", "t=1626125972272, v1=3bdd595fb64dfc7b2f769a77cac33b55d524d85e9440660d79d194518e7eac10")
    ///     .body(r#"{"id":"wh_123","data":{"id":"directory_user_01FAEAJCR3ZBZ30D8BD1924TVG","state":"active"},"event":"dsync.user.created"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
