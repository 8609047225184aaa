use crate::{Algorithm, Encoding, Scheme, SignedContent};
use std::borrow::Cow;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Mailchimp Transactional (Mandrill)](https://mandrill.zendesk.com/hc/en-us/articles/360039232513-How-to-Authenticate-Webhook-Requests):
    /// `X-Mandrill-Signature: <base64 HMAC-SHA1>` of the webhook URL followed by each POST
    /// parameter's name and value, sorted by name, keyed with the webhook's authentication key.
    /// `public_base_url` is the scheme and host (with any port and `user:pass@`) exactly as
    /// entered in Mandrill; the request's path and query follow it as received, so they must
    /// match the configured URL too (a trailing slash matters). No timestamp is signed, so there
    /// is no replay window. Mandrill's unsigned `HEAD` check when a webhook is added is not
    /// verified (safe methods pass by default): answer it with 200.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::mandrill("https://hooks.example.com"),
    ///     "hT2o5aFQm0_P4nYhZ8tKzQ",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://mandrill.zendesk.com/hc/en-us/articles/360039232513-How-to-Authenticate-Webhook-Requests>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::mandrill("https://example.com"), "hT2o5aFQm0_P4nYhZ8tKzQ")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/hooks/mandrill?tenant=42")
    ///     .header("Content-Type", "application/x-www-form-urlencoded")
    ///     .header("X-Mandrill-Signature", "2ZVlIrf6yMLDrJ4z78wC9noHe4U=")
    ///     .body(r#"mandrill_events=%5B%5D&b_extra=2&a_extra=1"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mandrill(public_base_url: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::hmac("mandrill", Algorithm::Sha1, "X-Mandrill-Signature")
            .encoding(Encoding::Base64)
            .signed_content(
                SignedContent::new()
                    .public_url(public_base_url)
                    .sorted_form_params(),
            )
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "mandrill",
        provider: "Mailchimp Transactional (Mandrill)",
        category: Category::Email,
        docs: "https://mandrill.zendesk.com/hc/en-us/articles/360039232513-How-to-Authenticate-Webhook-Requests",
        parameter: Parameter::PublicBaseUrl,
        build: |parameter| Scheme::mandrill(parameter.to_owned()),
    },
];
