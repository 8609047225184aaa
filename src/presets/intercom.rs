use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Intercom](https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications):
    /// `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the app's client
    /// secret. Deliveries are identified by what their signature covers (less its timestamp) (Intercom does not document its
    /// notification `id` as stable across retries).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::intercom(), "intercom-secret")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::intercom(), "intercom-secret")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/intercom")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Hub-Signature", "sha1=19f28092a4e2bc13c6e4c0c3f9160f10dbd2fa2a")
    ///     .body(r#"{"id":"evt_1","type":"ping","data":{"n":1}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intercom() -> Scheme {
        Scheme::hmac("intercom", Algorithm::Sha1, "X-Hub-Signature")
            .prefix("sha1=")
            .event_type(Field::json("topic"))
            .attempt(Field::json("delivery_attempts"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "intercom",
        provider: "Intercom",
        category: Category::Messaging,
        docs: "https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications",
        parameter: Parameter::None,
        build: |_| Scheme::intercom(),
    },
];
