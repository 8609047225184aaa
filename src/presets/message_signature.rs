use crate::{Algorithm, Scheme, SignedContent};
use std::borrow::Cow;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// The provider that sends `X-Message-Signature: <hex HMAC-SHA256>` over
    /// `"{X-Message-Id}+{clientId}"` (a literal `+` between the two), keyed with the client
    /// secret. The provider has no public page: this follows its "Webhook Signature" document,
    /// as given to the project.
    ///
    /// **The body is not signed.** The layer verifies this scheme from the headers alone,
    /// without reading the body, and passes the body on as it came: treat it as untrusted input
    /// ([`Verified::covers_body`](crate::Verified::covers_body) is `false`, and
    /// [`VerifiedWebhook`](crate::VerifiedWebhook) refuses to vouch for it). The signature proves
    /// the message id came from someone holding the secret; it does not stop a replay of the same
    /// id with another body, so deduplicate on `X-Message-Id`.
    ///
    /// ```
    /// use http::HeaderMap;
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// // HMAC-SHA256("clientSecret", "1234+clientId"), computed with `openssl dgst -hmac`.
    /// let verifier = Verifier::new(Scheme::message_signature("clientId"), "clientSecret")?;
    /// let mut headers = HeaderMap::new();
    /// headers.insert("X-Message-Id", "1234".parse()?);
    /// headers.insert(
    ///     "X-Message-Signature",
    ///     "df87c741d50086aded0ed6d853659eb29ba9aa6c46899bf86601fc11d53f43a1".parse()?,
    /// );
    /// let verified = verifier.verify(&headers, b"any body at all")?;
    /// assert!(!verified.covers_body());
    /// assert_eq!(verified.signed_content(), "{x-message-id}+{client id}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message_signature(client_id: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::hmac(
            "message_signature",
            Algorithm::Sha256,
            "X-Message-Signature",
        )
        .signed_content(
            SignedContent::new()
                .header("X-Message-Id")
                .text("+")
                .constant("client id", client_id),
        )
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "message_signature",
        provider: "X-Message-Signature provider",
        category: Category::Messaging,
        docs: "",
        parameter: Parameter::ClientId,
        build: |parameter| Scheme::message_signature(parameter.to_owned()),
    },
];
