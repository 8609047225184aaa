use crate::{Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [GitLab](https://docs.gitlab.com/user/project/integrations/webhooks/):
    /// `X-Gitlab-Token: <the webhook's secret token>`, compared in constant time. Nothing is
    /// signed: the token proves the sender, not the body, and a captured request replays as is.
    /// Deliveries are identified by `Idempotency-Key` (GitLab 17.4+, stable across retries; older
    /// GitLab sends none, so its deliveries are not deduplicated): as trustworthy as the rest of
    /// a token-authenticated request, no more. GitLab disables a
    /// hook that keeps getting 4xx answers. For GitLab's newer HMAC signing token, use
    /// [`Scheme::standard_webhooks`].
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::gitlab(), "glwh-secret-token-0123456789")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python: python token comparison following
    /// <https://docs.gitlab.com/user/project/integrations/webhooks/>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::gitlab(), "my-gitlab-secret-token")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/gitlab")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-Gitlab-Event", "Push Hook")
    ///     .header("X-Gitlab-Token", "my-gitlab-secret-token")
    ///     .header("Idempotency-Key", "f5e5f430-f57b-4e6e-9fac-d9128cd7232f")
    ///     .body(r#"{"object_kind":"push","event_name":"push","ref":"refs/heads/main"}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gitlab() -> Scheme {
        Scheme::token("gitlab", "X-Gitlab-Token")
            .delivery_id(Field::header("Idempotency-Key"))
            .event_type(Field::header("X-Gitlab-Event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "gitlab",
        provider: "GitLab",
        category: Category::DeveloperTools,
        docs: "https://docs.gitlab.com/user/project/integrations/webhooks/",
        parameter: Parameter::None,
        build: |_| Scheme::gitlab(),
    },
];
