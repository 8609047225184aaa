use crate::{Algorithm, Field, Scheme};
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [Coinbase Commerce](https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security):
    /// `X-CC-Webhook-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the shared secret
    /// from Settings → Notifications. There is no signed timestamp, so nothing limits replays;
    /// deliveries are identified by the body's `event.id`. The newer Coinbase Developer Platform
    /// webhooks use another scheme and are not covered.
    ///
    /// ```
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let layer = VerifyWebhookLayer::new(
    ///     Scheme::coinbase_commerce(),
    ///     "30291a20-0bd1-4267-9b0f-e6e7b123c0bf",
    /// )?;
    /// # Ok::<(), tower_webhook::ConfigError>(())
    /// ```
    ///
    /// A known answer (the provider's own example, coinbase/coinbase-commerce-python
    /// tests/test_webhook.py):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// let verifier = Verifier::new(Scheme::coinbase_commerce(), "30291a20-0bd1-4267-9b0f-e6e7b123c0bf")?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// // The example delivery (816 bytes).
    /// # let body = r#"{"id":1,"scheduled_for":"2017-01-31T20:50:02Z","attempt_number":1,"event":{"id":"24934862-d980-46cb-9402-43c81b0cdba6","type":"charge:created","api_version":"2018-03-22","created_at":"2017-01-31T20:49:02Z","data":{"code":"66BEOV2A","name":"The Sovereign Individual","description":"Mastering the Transition to the Information Age","hosted_url":"https://commerce.coinbase.com/charges/66BEOV2A","created_at":"2017-01-31T20:49:02Z","expires_at":"2017-01-31T21:04:02Z","timeline":[{"time":"2017-01-31T20:49:02Z","status":"NEW"}],"metadata":{},"pricing_type":"no_price","payments":[],"addresses":{"bitcoin":"0000000000000000000000000000000000","ethereum":"0x0000000000000000000000000000000000000000","litecoin":"3000000000000000000000000000000000","bitcoincash":"bitcoincash:000000000000000000000000000000000000000000"}}}}"#;
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/coinbase_commerce")
    ///     .header("Content-Type", "application/json")
    ///     .header("X-CC-Webhook-Signature", "8be7742c7d372f08a6a3224edadf18a22b65fa9e28f3f2de97376cdaa092590d")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coinbase_commerce() -> Scheme {
        Scheme::hmac(
            "coinbase_commerce",
            Algorithm::Sha256,
            "X-CC-Webhook-Signature",
        )
        .delivery_id(Field::json("event.id"))
        .event_type(Field::json("event.type"))
        .attempt(Field::json("attempt_number"))
    }
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "coinbase_commerce",
        provider: "Coinbase Commerce",
        category: Category::Payments,
        docs: "https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security",
        parameter: Parameter::None,
        build: |_| Scheme::coinbase_commerce(),
    },
];
