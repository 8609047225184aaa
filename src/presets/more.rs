//! Providers whose scheme is a one-liner over the same building blocks.

use crate::{Algorithm, Encoding, Scheme, SignatureFormat, SignedContent};

impl Scheme {
    /// [Linear](https://linear.app/developers/webhooks#securing-webhooks):
    /// `Linear-Signature: <hex HMAC-SHA256 of the raw body>`. Linear's freshness check is a
    /// `webhookTimestamp` inside the JSON body; check it in the handler if you need it.
    pub fn linear() -> Scheme {
        Scheme::hmac("linear", Algorithm::Sha256, "Linear-Signature")
    }

    /// [Zoom](https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events):
    /// `x-zm-signature: v0=<hex HMAC-SHA256 of "v0:{x-zm-request-timestamp}:{body}">`, keyed with
    /// the app's secret token; the timestamp must be within the tolerance.
    pub fn zoom() -> Scheme {
        Scheme::hmac("zoom", Algorithm::Sha256, "x-zm-signature")
            .prefix("v0=")
            .timestamp_header("x-zm-request-timestamp")
            .signed(super::slack::v0_timestamp_body())
    }

    /// [Paddle Billing](https://developer.paddle.com/webhooks/signature-verification):
    /// `Paddle-Signature: ts=<timestamp>;h1=<hex>`, hex HMAC-SHA256 of `"{ts}:{body}"`, keyed with
    /// the notification destination's secret key; the timestamp must be within the tolerance.
    pub fn paddle() -> Scheme {
        Scheme::hmac("paddle", Algorithm::Sha256, "Paddle-Signature")
            .format(SignatureFormat::key_value(';', "ts", "h1"))
            .signed(SignedContent::new().timestamp().text(":").body())
    }

    /// [Calendly](https://developer.calendly.com/api-docs/4c305798a61d3-webhook-signatures):
    /// `Calendly-Webhook-Signature: t=<timestamp>,v1=<hex>`, hex HMAC-SHA256 of `"{t}.{body}"`,
    /// keyed with the webhook signing key; the timestamp must be within the tolerance.
    pub fn calendly() -> Scheme {
        Scheme::hmac("calendly", Algorithm::Sha256, "Calendly-Webhook-Signature")
            .format(SignatureFormat::key_value(',', "t", "v1"))
            .signed(SignedContent::new().timestamp().text(".").body())
    }

    /// [Typeform](https://www.typeform.com/developers/webhooks/secure-your-webhooks/):
    /// `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>`.
    pub fn typeform() -> Scheme {
        Scheme::hmac("typeform", Algorithm::Sha256, "Typeform-Signature")
            .prefix("sha256=")
            .encoding(Encoding::Base64)
    }

    /// [WooCommerce](https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks):
    /// `X-WC-Webhook-Signature: <base64 HMAC-SHA256 of the raw body>`.
    pub fn woocommerce() -> Scheme {
        Scheme::hmac("woocommerce", Algorithm::Sha256, "X-WC-Webhook-Signature")
            .encoding(Encoding::Base64)
    }

    /// [Intercom](https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications):
    /// `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed with the app's client
    /// secret.
    pub fn intercom() -> Scheme {
        Scheme::hmac("intercom", Algorithm::Sha1, "X-Hub-Signature").prefix("sha1=")
    }

    /// [Bitbucket Cloud](https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks):
    /// `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
    pub fn bitbucket() -> Scheme {
        Scheme::hmac("bitbucket", Algorithm::Sha256, "X-Hub-Signature").prefix("sha256=")
    }

    /// [Gitea and Forgejo](https://docs.gitea.com/usage/webhooks):
    /// `X-Gitea-Signature: <hex HMAC-SHA256 of the raw body>`.
    pub fn gitea() -> Scheme {
        Scheme::hmac("gitea", Algorithm::Sha256, "X-Gitea-Signature")
    }

    /// [Sentry integration platform](https://docs.sentry.io/organization/integrations/integration-platform/webhooks/):
    /// `Sentry-Hook-Signature: <hex HMAC-SHA256 of the raw body>`, keyed with the client secret.
    pub fn sentry() -> Scheme {
        Scheme::hmac("sentry", Algorithm::Sha256, "Sentry-Hook-Signature")
    }

    /// [Lemon Squeezy](https://docs.lemonsqueezy.com/help/webhooks/signing-requests):
    /// `X-Signature: <hex HMAC-SHA256 of the raw body>`.
    pub fn lemon_squeezy() -> Scheme {
        Scheme::hmac("lemon_squeezy", Algorithm::Sha256, "X-Signature")
    }

    /// [Meta (Facebook, Instagram, WhatsApp Cloud API)](https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads):
    /// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the app secret.
    pub fn meta() -> Scheme {
        Scheme::hmac("meta", Algorithm::Sha256, "X-Hub-Signature-256").prefix("sha256=")
    }
}
