//! Provider presets: one constructor on [`Scheme`] per provider, in one file per provider (or
//! per family, named for it).
//!
//! | preset | header | signature | covers | window |
//! | --- | --- | --- | --- | --- |
//! | [`Scheme::amio`] | `X-Hub-Signature` | `sha1=` hex HMAC-SHA1 | body | – |
//! | [`Scheme::autify`] | `X-Autify-Signature` | `sha1=` hex HMAC-SHA1 | body | – |
//! | [`Scheme::qiscus`] | `QISCUS-SDK-SIGNATURE` | hex HMAC-SHA256 | body | – |
//! | [`Scheme::hubpay`] | `X-Hubpay-Hmac` (configurable) | hex HMAC-SHA256 | body | – |
//! | [`Scheme::message_signature`] | `X-Message-Signature` | hex HMAC-SHA256 | `{X-Message-Id}+{client id}`, **not the body** | – |
//! | [`Scheme::github`] | `X-Hub-Signature-256` | `sha256=` hex HMAC-SHA256 | body | – |
//! | [`Scheme::github_sha1`] | `X-Hub-Signature` | `sha1=` hex HMAC-SHA1 (legacy, explicit only) | body | – |
//! | [`Scheme::stripe`] | `Stripe-Signature` | `t=…,v1=<hex>` HMAC-SHA256, any `v1` | `{t}.{body}` | 300 s |
//! | [`Scheme::slack`] | `X-Slack-Signature` + `X-Slack-Request-Timestamp` | `v0=` hex HMAC-SHA256 | `v0:{ts}:{body}` | 300 s |
//! | [`Scheme::shopify`] | `X-Shopify-Hmac-Sha256` | base64 HMAC-SHA256 | body | – |
//! | [`Scheme::standard_webhooks`] / [`Scheme::svix`] | `webhook-*` / `svix-*` | `v1,<base64>` list, HMAC-SHA256, `whsec_` key | `{id}.{ts}.{body}` | 300 s |
//! | [`Scheme::twilio`] | `X-Twilio-Signature` | base64 HMAC-SHA1 | public URL + sorted form params | – |
//! | [`Scheme::linear`] | `Linear-Signature` | hex HMAC-SHA256 | body | – |
//! | [`Scheme::zoom`] | `x-zm-signature` + `x-zm-request-timestamp` | `v0=` hex HMAC-SHA256 | `v0:{ts}:{body}` | 300 s |
//! | [`Scheme::paddle`] | `Paddle-Signature` | `ts=…;h1=<hex>` HMAC-SHA256 | `{ts}:{body}` | 300 s |
//! | [`Scheme::calendly`] | `Calendly-Webhook-Signature` | `t=…,v1=<hex>` HMAC-SHA256 | `{t}.{body}` | 300 s |
//! | [`Scheme::typeform`] | `Typeform-Signature` | `sha256=` base64 HMAC-SHA256 | body | – |
//! | [`Scheme::woocommerce`] | `X-WC-Webhook-Signature` | base64 HMAC-SHA256 | body | – |
//! | [`Scheme::intercom`] | `X-Hub-Signature` | `sha1=` hex HMAC-SHA1 | body | – |
//! | [`Scheme::bitbucket`] | `X-Hub-Signature` | `sha256=` hex HMAC-SHA256 | body | – |
//! | [`Scheme::gitea`] | `X-Gitea-Signature` | hex HMAC-SHA256 | body | – |
//! | [`Scheme::sentry`] | `Sentry-Hook-Signature` | hex HMAC-SHA256 | body | – |
//! | [`Scheme::lemon_squeezy`] | `X-Signature` | hex HMAC-SHA256 | body | – |
//! | [`Scheme::meta`] | `X-Hub-Signature-256` | `sha256=` hex HMAC-SHA256 | body | – |

mod amio;
mod autify;
mod bitbucket;
mod calendly;
mod gitea;
mod github;
mod hubpay;
mod intercom;
mod lemon_squeezy;
mod linear;
mod message_signature;
mod meta;
mod paddle;
mod qiscus;
mod sentry;
mod shopify;
mod slack;
mod standard_webhooks;
mod stripe;
mod twilio;
mod typeform;
mod woocommerce;
mod zoom;

#[cfg(doc)]
use crate::Scheme;
