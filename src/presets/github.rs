use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [GitHub](https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries):
    /// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. `X-GitHub-Delivery` is
    /// outside what GitHub signs: [`Delivery`](crate::Delivery) reports it, but deduplication
    /// keys on the digest of the signed body (each GitHub event has a body of its own, and a
    /// redelivery the same one), so a replayer who changes the id gets nothing handled again.
    ///
    /// The legacy SHA-1 header is never used as a fallback; choose
    /// [`Scheme::github_sha1`] explicitly if you must.
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// // The vector in GitHub's documentation.
    /// let verifier = Verifier::new(Scheme::github(), "It's a Secret to Everybody")?;
    /// let mut headers = HeaderMap::new();
    /// headers.insert(
    ///     "X-Hub-Signature-256",
    ///     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17".parse()?,
    /// );
    /// assert!(verifier.verify(&headers, b"Hello, World!").is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn github() -> Scheme {
        Scheme::hmac("github", Algorithm::Sha256, "X-Hub-Signature-256")
            .prefix("sha256=")
            .delivery_id(Field::header("X-GitHub-Delivery"))
            .event_type(Field::header("X-GitHub-Event"))
    }

    /// [GitHub](https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries)'s
    /// legacy `X-Hub-Signature: sha1=<hex HMAC-SHA1>`, only for receivers that cannot read the
    /// SHA-256 header. Prefer [`Scheme::github`]. Deliveries are deduplicated as there, on the
    /// digest of the signed body (`X-GitHub-Delivery` is not signed).
    /// No timestamp is signed, so there is no replay window: a captured delivery verifies again
    /// unless the layer deduplicates it.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::github_sha1(), "It's a Secret to Everybody")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn github_sha1() -> Scheme {
        Scheme::hmac("github_sha1", Algorithm::Sha1, "X-Hub-Signature")
            .prefix("sha1=")
            .delivery_id(Field::header("X-GitHub-Delivery"))
            .event_type(Field::header("X-GitHub-Event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "github",
        provider: "GitHub",
        category: Category::DeveloperTools,
        docs: "https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries",
        parameter: Parameter::None,
        build: |_| Scheme::github(),
    },
    Preset {
        name: "github_sha1",
        provider: "GitHub",
        category: Category::DeveloperTools,
        docs: "https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries",
        parameter: Parameter::None,
        build: |_| Scheme::github_sha1(),
    },
];
