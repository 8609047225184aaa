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
    ///
    /// A known answer (the provider's own example, HubSpot/hubspot-api-python
    /// tests/spec/utils/test_signature.py (test_get_signature__v3)):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::hubspot_v3("https://www.example.com"), "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(15010));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhook_uri")
    ///     .header("Content-Type", "text/plain")
    ///     .header("X-HubSpot-Signature-v3", "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=")
    ///     .header("X-HubSpot-Request-Timestamp", "15000000")
    ///     .body(r#"{'example_field':'example_value'}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
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
