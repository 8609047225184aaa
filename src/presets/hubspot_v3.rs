use crate::{Algorithm, Encoding, Scheme, SignedContent, TimestampFormat};
use std::borrow::Cow;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [HubSpot](https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation)
    /// (v3): `X-HubSpot-Signature-v3: <base64 HMAC-SHA256 of "{method}{URL}{body}{timestamp}">`
    /// (no separators), keyed with the app's client secret. The URL is `base_url` (scheme, host
    /// and any port, from configuration) followed by the request's path and query, with
    /// `%3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B` decoded first, as HubSpot does (other
    /// escapes such as `%20` stay). `X-HubSpot-Request-Timestamp` is unix
    /// milliseconds; the window is 300 s (HubSpot: reject if older than 5 minutes). The legacy
    /// v1/v2 `X-HubSpot-Signature` is ignored; deduplicate on each event's `eventId`.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::hubspot_v3("https://hooks.example.com"),
    ///     "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    pub fn hubspot_v3(base_url: impl Into<Cow<'static, str>>) -> Scheme {
        Scheme::hmac("hubspot_v3", Algorithm::Sha256, "X-HubSpot-Signature-v3")
            .encoding(Encoding::Base64)
            .timestamp_header("X-HubSpot-Request-Timestamp")
            .timestamp_format(TimestampFormat::Milliseconds)
            .signed_content(
                SignedContent::new()
                    .method()
                    .public_url_unescaping(base_url, b":/?@!$'()*,;")
                    .body()
                    .timestamp(),
            )
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "hubspot_v3",
        provider: "HubSpot",
        category: Category::Productivity,
        docs: "https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation",
        parameter: Parameter::PublicBaseUrl,
        build: |parameter| Scheme::hubspot_v3(parameter.to_owned()),
    },
];
