//! Provider presets: one constructor on [`Scheme`] per provider, each in its own file, and the
//! registry of them all by name ([`Preset`], [`Scheme::by_name`]).
//!
//! The preset table in PROVIDERS.md is generated from this registry (and checked against it by the
//! tests), with the origin of each preset's known-answer vector. A provider lives in one file
//! here: its constructor, whose doc gives the provider's link, window, what is not covered and a
//! known-answer doctest, and its registry entries (`PRESETS`); the registry is assembled from
//! those at first use, sorted by name.
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
//!
//! # Presets by kind of provider
//!
#![doc = include_str!("index.md")]

use crate::Scheme;
use std::sync::LazyLock;

/// One preset: its registry name, its provider and the provider's verification document.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    name: &'static str,
    provider: &'static str,
    category: Category,
    docs: &'static str,
    parameter: Parameter,
    build: fn(&str) -> Scheme,
}

/// What kind of provider a preset is for, so the presets can be browsed by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Category {
    /// Payments, billing and accounting.
    Payments,
    /// Shops and websites.
    Commerce,
    /// Source control, CI, deployment, monitoring and other developer tools.
    DeveloperTools,
    /// Chat, messaging, voice, video and customer support.
    Messaging,
    /// Email and mail delivery.
    Email,
    /// Work management, documents, forms, scheduling and CRM.
    Productivity,
    /// Identity and authentication.
    Identity,
    /// Cloud infrastructure, data pipelines and the provider-neutral standards.
    Infrastructure,
}

impl Category {
    /// Every category, in the order the docs list them.
    pub const ALL: [Category; 8] = [
        Category::Payments,
        Category::Commerce,
        Category::DeveloperTools,
        Category::Messaging,
        Category::Email,
        Category::Productivity,
        Category::Identity,
        Category::Infrastructure,
    ];

    /// A heading for the category, such as `"Payments and billing"`.
    pub fn title(self) -> &'static str {
        match self {
            Category::Payments => "Payments and billing",
            Category::Commerce => "Commerce and websites",
            Category::DeveloperTools => "Developer tools",
            Category::Messaging => "Messaging and support",
            Category::Email => "Email",
            Category::Productivity => "Productivity",
            Category::Identity => "Identity",
            Category::Infrastructure => "Infrastructure and standards",
        }
    }
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
        &REGISTRY
    }

    /// The preset registered as `name`, such as `"stripe"`.
    pub fn find(name: &str) -> Option<&'static Preset> {
        let at = REGISTRY
            .binary_search_by(|preset| preset.name.cmp(name))
            .ok()?;
        Some(&REGISTRY[at])
    }

    /// The registry name, which is also the scheme's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The provider's name, such as `"Stripe"`.
    pub fn provider(&self) -> &'static str {
        self.provider
    }

    /// What kind of provider it is.
    pub fn category(&self) -> Category {
        self.category
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

/// Each provider's endpoint check, implemented beside its preset; re-exported by
/// [`handshake`](crate::handshake).
pub(crate) mod handshakes {
    pub use super::asana::{AsanaHookSecret, OnSecret};
    #[cfg(feature = "json")]
    pub use super::discord::DiscordPing;
    pub use super::dropbox::DropboxChallenge;
    pub use super::meta::MetaSubscribe;
    pub use super::microsoft_graph::MicrosoftGraphValidation;
    pub use super::okta::OktaVerification;
    #[cfg(feature = "json")]
    pub use super::slack::SlackUrlVerification;
    pub use super::trello::TrelloHead;
    #[cfg(feature = "json")]
    pub use super::twitch::TwitchEventSub;
    pub use super::twitter::TwitterCrc;
    pub use super::woocommerce::WooCommercePing;
    #[cfg(feature = "json")]
    pub use super::zoom::ZoomUrlValidation;
}

/// Declares each preset file's module, and the registry of all their `PRESETS`, sorted by name.
/// Adding a provider is one file (its constructor, doc and `PRESETS` entry) and one name here.
macro_rules! presets {
    ($($file:ident),* $(,)?) => {
        $(mod $file;)*

        static REGISTRY: LazyLock<Vec<Preset>> = LazyLock::new(|| {
            let mut all = [$($file::PRESETS),*].concat();
            all.sort_by_key(|preset| preset.name);
            all
        });
    };
}

presets![
    airtable,
    amio,
    asana,
    autify,
    aws_sns,
    bitbucket,
    r#box,
    cal_com,
    calendly,
    circleci,
    clerk,
    coinbase_commerce,
    customerio,
    discord,
    docusign,
    dropbox,
    gitea,
    github,
    gitlab,
    gogs,
    helpscout,
    heroku,
    hubpay,
    hubspot_v3,
    intercom,
    jira,
    launchdarkly,
    lemon_squeezy,
    linear,
    lob,
    mandrill,
    message_signature,
    meta,
    microsoft_graph,
    mux,
    notion,
    okta,
    paddle,
    pagerduty,
    paypal,
    persona,
    polar,
    qiscus,
    razorpay,
    recurly,
    resend,
    sanity,
    segment,
    sendgrid,
    sentry,
    shopify,
    slack,
    square,
    squarespace,
    standard_webhooks,
    standard_webhooks_ed25519,
    stripe,
    telegram,
    telnyx,
    trello,
    twilio,
    twitch,
    twitter,
    typeform,
    vercel,
    webflow,
    woocommerce,
    workos,
    xero,
    zendesk,
    zoom,
];
