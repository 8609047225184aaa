use crate::{Algorithm, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Amio](https://docs.amio.io/docs/webhooks-security):
    /// `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the secret token from
    /// Amio's settings.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// // The vector Amio publishes.
    /// let verifier = Verifier::new(Scheme::amio(), "WebhookSecret")?;
    /// let body = r#"{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}"#;
    /// let mut headers = HeaderMap::new();
    /// headers.insert("X-Hub-Signature", "sha1=cb041d03489e961730cb6c7a6d1edf58ae88ef13".parse()?);
    /// assert!(verifier.verify(&headers, body.as_bytes()).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amio() -> Scheme {
        Scheme::hmac("amio", Algorithm::Sha1, "X-Hub-Signature").prefix("sha1=")
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "amio",
        provider: "Amio",
        category: Category::Messaging,
        docs: "https://docs.amio.io/docs/webhooks-security",
        parameter: Parameter::None,
        build: |_| Scheme::amio(),
    },
];
