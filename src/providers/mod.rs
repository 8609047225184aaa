//! Presets: one constructor on [`Scheme`] per provider, one file per provider.
//!
//! | preset | header | signature | covers | window |
//! | --- | --- | --- | --- | --- |
//! | [`Scheme::amio`] | `X-Hub-Signature` | `sha1=` hex HMAC-SHA1 | body | – |
//! | [`Scheme::autify`] | `X-Autify-Signature` | `sha1=` hex HMAC-SHA1 | body | – |
//! | [`Scheme::qiscus`] | `QISCUS-SDK-SIGNATURE` | hex HMAC-SHA256 | body | – |
//! | [`Scheme::hubpay`] | `X-Hubpay-Hmac` (configurable) | hex HMAC-SHA256 | body | – |
//! | [`Scheme::message_signature`] | `X-Message-Signature` | hex HMAC-SHA256 | `{X-Message-Id}+{client id}`, **not the body** | – |

mod amio;
mod autify;
mod github;
mod hubpay;
mod message_signature;
mod qiscus;

#[cfg(doc)]
use crate::Scheme;
