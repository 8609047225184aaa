use crate::{Algorithm, Encoding, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [DocuSign Connect](https://developers.docusign.com/platform/webhooks/connect/hmac/):
    /// `X-DocuSign-Signature-1: <base64 HMAC-SHA256 of the raw body>`, keyed with the Connect
    /// HMAC secret key used as text (it looks like base64 but is not decoded). With several keys
    /// active DocuSign sends one header per key (`X-DocuSign-Signature-2`, ...): headers `-1` to
    /// `-10` are read, each at most once, and any signature in any of them may match (configure
    /// every active key with [`with_secrets`](crate::VerifyWebhookLayer::with_secrets)). No
    /// timestamp is signed, so there is no replay window. DocuSign sends no delivery id, so
    /// deliveries are identified by what their signature covers (less its timestamp); the body's `event`, `data.envelopeId` and
    /// `generatedDateTime` identify the event.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::docusign(),
    ///     "Xq9r2mJ0k5wS4LbP8nC1vT7yZ3dF6hG0aE2uI4oK8s=",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn docusign() -> Scheme {
        Scheme::hmac("docusign", Algorithm::Sha256, "X-DocuSign-Signature-1")
            .encoding(Encoding::Base64)
            .also_signature_headers([
                "X-DocuSign-Signature-2",
                "X-DocuSign-Signature-3",
                "X-DocuSign-Signature-4",
                "X-DocuSign-Signature-5",
                "X-DocuSign-Signature-6",
                "X-DocuSign-Signature-7",
                "X-DocuSign-Signature-8",
                "X-DocuSign-Signature-9",
                "X-DocuSign-Signature-10",
            ])
            .event_type(Field::json("event"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "docusign",
        provider: "DocuSign Connect",
        category: Category::Productivity,
        docs: "https://developers.docusign.com/platform/webhooks/connect/hmac/",
        parameter: Parameter::None,
        build: |_| Scheme::docusign(),
    },
];
