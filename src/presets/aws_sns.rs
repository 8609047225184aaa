use crate::{
    verify::signed_content::{DerivedPart, HeaderProblem, Sources},
    Field, Scheme, SignedContent,
};
use std::sync::Arc;
use super::{Category, Parameter, Preset};

impl Scheme {
    /// [AWS SNS](https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html)
    /// HTTP(S) subscriptions, `SignatureVersion` 1 (the topic default): the JSON message's
    /// `Signature` is a base64 RSA PKCS#1 v1.5 / SHA-1 signature of AWS's string to sign
    /// (`"Message\n{Message}\nMessageId\n{MessageId}\n…"`, see
    /// [`SignedContent::aws_sns_string_to_sign`]), checked with the certificate at
    /// `SigningCertURL`, configured as the key (PEM). **Not covered:** the certificate is
    /// trusted as configured (fetch it only from `https://sns.<region>.amazonaws.com/…pem`);
    /// any AWS account's topic verifies unless you list yours with [`Scheme::topic_arns`], as
    /// AWS advises; a signed field present with anything but a string is refused (it would be
    /// left out of the string to sign); there is no replay window (AWS documents none,
    /// and retries keep the original `Timestamp`); raw message delivery sends no signature and
    /// cannot be verified. A `SubscriptionConfirmation` verifies like a notification: confirm it
    /// by fetching its `SubscribeURL` in the handler. Deliveries are identified by `MessageId`,
    /// which retries keep. Needs the `rsa` and `json` features.
    ///
    /// ```no_run
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let certificate = std::fs::read_to_string("SimpleNotificationService.pem")?;
    /// let layer = VerifyWebhookLayer::new(Scheme::aws_sns(), certificate)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aws_sns() -> Scheme {
        sns(Scheme::rsa_sha1("aws_sns", "x-amz-sns-message-type"), "1")
    }

    /// [AWS SNS](https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html)
    /// for topics set to `SignatureVersion` 2: as [`Scheme::aws_sns`], with RSA / SHA-256.
    ///
    /// ```no_run
    /// use tower_webhook::{Scheme, VerifyWebhookLayer};
    ///
    /// let certificate = std::fs::read_to_string("SimpleNotificationService.pem")?;
    /// let layer = VerifyWebhookLayer::new(Scheme::aws_sns_v2(), certificate)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aws_sns_v2() -> Scheme {
        sns(
            Scheme::rsa_sha256("aws_sns_v2", "x-amz-sns-message-type"),
            "2",
        )
    }
}

fn sns(scheme: Scheme, signature_version: &'static str) -> Scheme {
    scheme
        .signature_in_json_body("Signature")
        .signed_content(SignedContent::new().aws_sns_string_to_sign(signature_version))
        .delivery_id(Field::json("MessageId"))
        .event_type(Field::json("Type"))
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "aws_sns",
        provider: "AWS SNS",
        category: Category::Infrastructure,
        docs: "https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html",
        parameter: Parameter::None,
        build: |_| Scheme::aws_sns(),
    },
    Preset {
        name: "aws_sns_v2",
        provider: "AWS SNS",
        category: Category::Infrastructure,
        docs: "https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html",
        parameter: Parameter::None,
        build: |_| Scheme::aws_sns_v2(),
    },
];

impl Scheme {
    /// Accepts only AWS SNS messages whose `TopicArn` is one of `arns`, as AWS advises: every
    /// AWS account can publish messages that AWS signs with the same certificate, so without
    /// it any topic's messages verify. Messages of another topic are refused as a signature
    /// mismatch. On a scheme that is not AWS SNS's, the scheme fails to build.
    ///
    /// ```
    /// use tower_webhook::Scheme;
    ///
    /// let scheme = Scheme::aws_sns().topic_arns(["arn:aws:sns:us-west-2:123456789012:MyTopic"]);
    /// ```
    #[must_use]
    pub fn topic_arns<I, A>(self, arns: I) -> Self
    where
        I: IntoIterator<Item = A>,
        A: Into<String>,
    {
        let rule = self
            .content
            .derived_part()
            .and_then(|rule| rule.as_any().downcast_ref::<StringToSign>());
        let Some(rule) = rule else {
            return self.refused("topic ARNs apply to AWS SNS schemes only");
        };
        let rule = StringToSign {
            signature_version: rule.signature_version,
            topics: Some(arns.into_iter().map(Into::into).collect()),
        };
        self.signed_content(SignedContent::new().derived(rule))
    }
}

impl SignedContent {
    /// Appends AWS SNS's "string to sign", built from the JSON message's fields in AWS's order
    /// (`Message`, `MessageId`, `Subject` if present, `Timestamp`, `TopicArn`, `Type` for a
    /// notification; `Message`, `MessageId`, `SubscribeURL`, `Timestamp`, `Token`, `TopicArn`,
    /// `Type` for subscription messages), each as `"{key}\n{value}\n"`. A message whose
    /// `SignatureVersion` is not `signature_version` does not verify, nor one where any of those
    /// fields is present but not a string (it would be left out of the string to sign, so it
    /// could be added to a captured message). Needs the `json` feature.
    #[must_use]
    pub fn aws_sns_string_to_sign(self, signature_version: &'static str) -> Self {
        self.derived(StringToSign {
            signature_version,
            topics: None,
        })
    }
}

/// AWS SNS's string to sign, and the topics whose messages verify (any when `None`).
#[derive(Debug)]
struct StringToSign {
    signature_version: &'static str,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    topics: Option<Arc<[String]>>,
}

/// Every field AWS SNS signs, in one message type or another.
const SIGNED_FIELDS: &[&str] = &[
    "Message",
    "MessageId",
    "Subject",
    "SubscribeURL",
    "Timestamp",
    "Token",
    "TopicArn",
    "Type",
];

impl DerivedPart for StringToSign {
    fn label(&self) -> &'static str {
        "{SNS string to sign}"
    }

    #[cfg(feature = "json")]
    fn feed(&self, sources: &Sources<'_>, sink: &mut dyn FnMut(&[u8])) -> Result<(), HeaderProblem> {
        let message = sources.body_json().ok_or(HeaderProblem::NotAsSigned)?;
        if message["SignatureVersion"].as_str() != Some(self.signature_version) {
            return Err(HeaderProblem::NotAsSigned);
        }
        if let Some(topics) = &self.topics {
            let topic = message["TopicArn"].as_str();
            if !topics.iter().any(|allowed| Some(allowed.as_str()) == topic) {
                return Err(HeaderProblem::NotAsSigned);
            }
        }
        let keys: &[&str] = match message["Type"].as_str() {
            Some("Notification") => &["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
            Some("SubscriptionConfirmation" | "UnsubscribeConfirmation") => &[
                "Message",
                "MessageId",
                "SubscribeURL",
                "Timestamp",
                "Token",
                "TopicArn",
                "Type",
            ],
            _ => return Err(HeaderProblem::NotAsSigned),
        };
        for key in keys {
            match message.get(*key) {
                None => {}
                Some(serde_json::Value::String(value)) => {
                    sink(key.as_bytes());
                    sink(b"\n");
                    sink(value.as_bytes());
                    sink(b"\n");
                }
                // Left out of the string to sign, it could be added to a captured message.
                Some(_) => return Err(HeaderProblem::NotAsSigned),
            }
        }
        Ok(())
    }

    #[cfg(not(feature = "json"))]
    fn feed(&self, _: &Sources<'_>, _: &mut dyn FnMut(&[u8])) -> Result<(), HeaderProblem> {
        Err(HeaderProblem::NotAsSigned)
    }

    fn signs_json_field(&self, path: &str) -> bool {
        SIGNED_FIELDS.contains(&path)
    }

    fn missing_feature(&self) -> Option<&'static str> {
        (!cfg!(feature = "json")).then_some("json")
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Without `json` the scheme's body checks could not run, so it is refused when built.
#[cfg(all(test, not(feature = "json"), feature = "rsa"))]
mod without_json {
    use crate::{ConfigError, Scheme, Verifier};

    #[test]
    fn is_refused_naming_the_feature() {
        assert!(matches!(
            Verifier::new(Scheme::aws_sns(), "-----BEGIN CERTIFICATE-----"),
            Err(ConfigError::FeatureDisabled { feature: "json" })
        ));
    }
}
