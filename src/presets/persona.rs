use crate::{Algorithm, Field, Scheme, SignatureFormat, SignedContent};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Persona](https://docs.withpersona.com/docs/webhooks-best-practices#checking-signatures):
    /// `Persona-Signature: t=<timestamp>,v1=<hex>`, hex HMAC-SHA256 of `"{t}.{body}"`, keyed with
    /// the whole webhook secret (`wbhsec_...`, prefix included). `t` is in seconds, within 300 s:
    /// Persona documents none. During a secret rotation Persona sends two `t=..,v1=..` groups
    /// separated by a space; that layout is not supported: only the last group's `v1` is read
    /// (with the first group's `t`), so only the secret that signs it verifies until the rotation
    /// ends. Deliveries are identified by what their signature covers (less its timestamp) (Persona does not document its body
    /// `data.id` as stable across retries).
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::persona(),
    ///     "wbhsec_1f0a7c2e-4a5b-4c3d-9e8f-0123456789ab",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://docs.withpersona.com/docs/webhooks-best-practices#checking-signatures>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::persona(), "wbhsec_1f0a7c2e-4a5b-4c3d-9e8f-0123456789ab")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/persona")
    ///     .header("Content-Type", "application/json")
    ///     .header("Persona-Signature", "t=1700000000,v1=db711837a032bf1c19649c858332d71c4653229a9d0ea79c5bd49e4211f86782")
    ///     .body(r#"{"data":{"type":"event","id":"evt_AbCdEf123","attributes":{"name":"inquiry.completed","payload":{"data":{"type":"inquiry","id":"inq_123"}},"created-at":"2023-11-14T22:13:20.000Z"}}}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn persona() -> Scheme {
        Scheme::hmac("persona", Algorithm::Sha256, "Persona-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .signed_content(SignedContent::new().timestamp().text(".").body())
            .event_type(Field::json("data.attributes.name"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "persona",
        provider: "Persona",
        category: Category::Identity,
        docs: "https://docs.withpersona.com/docs/webhooks-best-practices#checking-signatures",
        parameter: Parameter::None,
        build: |_| Scheme::persona(),
    },
];
