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
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://segment.com/docs/connections/destinations/catalog/webhooks/#authentication>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::segment(), "abc123")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/segment")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Signature", "14204b25c4fb0f29082d3ea616dae0c61d0bb379")
    ///     .body(r#"{"version":1,"type":"track","userId":"019mr8mf4r","event":"Purchased an Item","properties":{"revenue":"39.95","shippingMethod":"2-day"},"timestamp":"2012-12-02T00:30:08.276Z"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
