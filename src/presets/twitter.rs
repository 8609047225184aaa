use crate::{Algorithm, Encoding, Scheme};
use super::{Category, Parameter, Preset};
use base64::Engine as _;
use crate::handshake::{self, Answer, Handshake};

impl Scheme {
    /// [X (Twitter)](https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks)
    /// Account Activity webhooks: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the
    /// raw body>`, keyed with the app's consumer secret (API key secret). There is no timestamp,
    /// so nothing limits replays; there is no delivery id either. X signs the CRC answer
    /// (`GET ?crc_token=…`, see [`TwitterCrc`])
    /// with the same key and the same HMAC, so this scheme accepts only JSON object bodies
    /// ([`Scheme::json_object_body`]), which no CRC token the layer answers can be: no CRC
    /// answer is ever a delivery signature.
    /// **Not covered:** headers outside the signed content (such as the event type header) are
    /// not authenticated, and a repeated delivery is not detected unless the layer deduplicates.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::twitter(),
    ///     "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (computed with Python's `hmac` from
    /// <https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks>):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::twitter(), "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/twitter")
    ///     .header("Content-Type", "application/json")
    ///     .header("x-twitter-webhooks-signature", "sha256=UcccXobOE2mqpCXKFjLgQZLg6MPSAwg0pQWD13UvJwE=")
    ///     .body(r#"{"for_user_id":"2244994945","tweet_create_events":[{"id_str":"1"}]}"#)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn twitter() -> Scheme {
        Scheme::hmac("twitter", Algorithm::Sha256, "x-twitter-webhooks-signature")
            .prefix("sha256=")
            .encoding(Encoding::Base64)
            .json_object_body()
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "twitter",
        provider: "X (Twitter)",
        category: Category::Messaging,
        docs: "https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks",
        parameter: Parameter::None,
        build: |_| Scheme::twitter(),
    },
];

/// X's (Twitter) Account Activity CRC: a `GET ?crc_token=…` is answered 200 with
/// `{"response_token": "sha256=<base64 HMAC-SHA256 of the token under the consumer secret>"}`,
/// for tokens of 1 to 256 base64 characters (400 otherwise), and only with a scheme that accepts
/// JSON object bodies alone, as [`Scheme::twitter`] does (see
/// [answers under the delivery key](crate::handshake#answers-under-the-delivery-key)).
#[derive(Debug, Clone, Copy, Default)]
pub struct TwitterCrc;

impl Handshake for TwitterCrc {
    fn before(&self, request: &http::request::Parts, verifier: &crate::Verifier) -> Option<Answer> {
        if request.method != http::Method::GET {
            return None;
        }
        let token = handshake::query_param(request, "crc_token")?;
        // The answer is an HMAC under the delivery key: given only for tokens that no delivery
        // of the scheme can be.
        if !verifier.scheme().get_json_object_body() {
            return None;
        }
        if !handshake::is_token(&token, 256, b"+/=_-") {
            return Some(handshake::invalid_challenge());
        }
        let mac = verifier.handshake_mac(token.as_bytes())?;
        let encoded = base64::engine::general_purpose::STANDARD.encode(mac);
        Some(handshake::json(format!(r#"{{"response_token":"sha256={encoded}"}}"#)))
    }
}
