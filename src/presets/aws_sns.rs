use crate::{Field, Scheme, SignedContent};
use super::{Parameter, Preset};

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
        .signed(SignedContent::new().aws_sns_string_to_sign(signature_version))
        .delivery_id(Field::json("MessageId"))
        .event_type(Field::json("Type"))
}

/// This file's registry entries.
pub(super) const PRESETS: &[Preset] = &[
    Preset {
        name: "aws_sns",
        provider: "AWS SNS",
        docs: "https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html",
        parameter: Parameter::None,
        build: |_| Scheme::aws_sns(),
    },
    Preset {
        name: "aws_sns_v2",
        provider: "AWS SNS",
        docs: "https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html",
        parameter: Parameter::None,
        build: |_| Scheme::aws_sns_v2(),
    },
];
