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
