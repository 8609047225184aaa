//! Provider presets: one constructor on [`Scheme`] per provider, each in its own file, and the
//! registry of them all by name ([`Preset`], [`Scheme::by_name`]).
//!
//! The preset table in PROVIDERS.md is generated from this registry (and checked against it by the
//! tests), with the origin of each preset's known-answer vector.
//!
//! ```
//! use tower_webhook::{presets::Preset, Scheme};
//!
//! // Config-driven apps pick a scheme by name.
//! let scheme = Scheme::by_name("stripe").expect("a preset");
//! assert_eq!(scheme.name(), "stripe");
//!
//! // URL-signed presets need the public base URL the provider calls.
//! let twilio = Preset::find("twilio").unwrap();
//! assert!(twilio.scheme().is_none());
//! let scheme = twilio.scheme_with("https://hooks.example.com");
//! assert_eq!(scheme.name(), "twilio");
//! ```

use crate::Scheme;

/// One preset: its registry name, its provider and the provider's verification document.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    name: &'static str,
    provider: &'static str,
    docs: &'static str,
    parameter: Parameter,
    build: fn(&str) -> Scheme,
}

/// What a preset needs besides the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Parameter {
    /// Nothing.
    None,
    /// The public base URL the provider calls (`https://hooks.example.com`), for presets that
    /// sign the URL.
    PublicBaseUrl,
    /// The client id the signature covers.
    ClientId,
    /// The webhook's id in the provider's dashboard, which the signature covers (PayPal).
    WebhookId,
}

impl Preset {
    /// Every preset, sorted by name.
    pub fn all() -> &'static [Preset] {
        registry::PRESETS
    }

    /// The preset registered as `name`, such as `"stripe"`.
    pub fn find(name: &str) -> Option<&'static Preset> {
        registry::PRESETS.iter().find(|preset| preset.name == name)
    }

    /// The registry name, which is also the scheme's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The provider's name, such as `"Stripe"`.
    pub fn provider(&self) -> &'static str {
        self.provider
    }

    /// The provider's verification document.
    pub fn docs(&self) -> &'static str {
        self.docs
    }

    /// What the preset needs besides the secret.
    pub fn parameter(&self) -> Parameter {
        self.parameter
    }

    /// The scheme, for presets that need no parameter.
    pub fn scheme(&self) -> Option<Scheme> {
        (self.parameter == Parameter::None).then(|| (self.build)(""))
    }

    /// The scheme with its parameter (ignored by presets that need none).
    pub fn scheme_with(&self, parameter: &str) -> Scheme {
        (self.build)(parameter)
    }
}

impl Scheme {
    /// The preset registered as `name`, for presets that need no parameter (see [`Preset`] for
    /// the others).
    pub fn by_name(name: &str) -> Option<Scheme> {
        Preset::find(name)?.scheme()
    }
}

mod airtable;
mod amio;
mod asana;
mod autify;
mod aws_sns;
mod bitbucket;
mod r#box;
mod cal_com;
mod calendly;
mod circleci;
mod clerk;
mod coinbase_commerce;
mod customerio;
mod discord;
mod docusign;
mod dropbox;
mod gitea;
mod github;
mod gitlab;
mod gogs;
mod helpscout;
mod heroku;
mod hubpay;
mod hubspot_v3;
mod intercom;
mod jira;
mod launchdarkly;
mod lemon_squeezy;
mod linear;
mod lob;
mod mandrill;
mod message_signature;
mod meta;
mod mux;
mod notion;
mod okta;
mod paddle;
mod pagerduty;
mod paypal;
mod persona;
mod polar;
mod qiscus;
mod razorpay;
mod recurly;
mod registry;
mod resend;
mod sanity;
mod segment;
mod sendgrid;
mod sentry;
mod shopify;
mod slack;
mod square;
mod squarespace;
mod standard_webhooks;
mod standard_webhooks_ed25519;
mod stripe;
mod telegram;
mod telnyx;
mod trello;
mod twilio;
mod twitch;
mod twitter;
mod typeform;
mod vercel;
mod webflow;
mod woocommerce;
mod workos;
mod xero;
mod zendesk;
mod zoom;
