use crate::{Field, Scheme};
use super::{Parameter, Preset};

impl Scheme {
    /// [Okta](https://developer.okta.com/docs/concepts/event-hooks/) event hooks:
    /// `Authorization: <the value configured in the hook's authScheme>`, compared in constant
    /// time; the secret is that whole value, as configured (`Bearer …` included if you wrote it
    /// so). Nothing is signed: the header proves the sender, not the body, and a captured request
    /// replays as is. The one-time verification `GET` (`X-Okta-Verification-Challenge`, answered
    /// with `{"verification":"<value>"}`) is not verified here: answer it in your router.
    /// Deliveries are identified by the body's `eventId`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(Scheme::okta(), "0kta-shared-secret-value")?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn okta() -> Scheme {
        Scheme::token("okta", "Authorization").delivery_id(Field::json("eventId"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "okta",
        provider: "Okta",
        docs: "https://developer.okta.com/docs/concepts/event-hooks/",
        parameter: Parameter::None,
        build: |_| Scheme::okta(),
    },
];
