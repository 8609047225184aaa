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
    ///
    /// A known answer (the provider's own example, aws/aws-php-sns-message-validator
    /// tests/FunctionalValidationsTest.php (real AWS-signed messages)):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// # #[cfg(feature = "rsa")] {
    /// # let secret = "-----BEGIN CERTIFICATE-----\nMIIF1zCCBL+gAwIBAgIQB9pYWG3Mi7xej22g9pobJTANBgkqhkiG9w0BAQsFADBG\nMQswCQYDVQQGEwJVUzEPMA0GA1UEChMGQW1hem9uMRUwEwYDVQQLEwxTZXJ2ZXIg\nQ0EgMUIxDzANBgNVBAMTBkFtYXpvbjAeFw0yMTA5MDcwMDAwMDBaFw0yMjA4MTcy\nMzU5NTlaMBwxGjAYBgNVBAMTEXNucy5hbWF6b25hd3MuY29tMIIBIjANBgkqhkiG\n9w0BAQEFAAOCAQ8AMIIBCgKCAQEAutFqueT3XgP13udzxE6UpbdjOtVO5DwoMpSM\niDNMnGzF1TYH5/R2LPUOBeTB0SkKnR4kpNcUZhicpGD4aKciz/GEZ6wu65xncfT9\nH/KBOQwoXYTuClHwp6fYpGzcGFaFoEYMnijL/o4qmTSd+ukglQUgKpsDw4ofw6rU\nm2CttJo+GQSNQ9NfGR1h/0J+zsApkeSYrXRx5wNlu87z8os1C/6PBrUHwt3xXeaf\nXzfwut8aRRYsS8BySOA9DAgLfNHlfdQCjKPXKrG/ussgReyWD6n/HH+j7Uha3xos\nTzQqJifcxlTq6MxWdPR6fDaJNvqw6DOE7UjUNxHguXHlVfxhlQIDAQABo4IC6TCC\nAuUwHwYDVR0jBBgwFoAUWaRmBlKge5WSPKOUByeWdFv5PdAwHQYDVR0OBBYEFAqz\nC+vyouneE7mWWLbi9i0UsWUbMBwGA1UdEQQVMBOCEXNucy5hbWF6b25hd3MuY29t\nMA4GA1UdDwEB/wQEAwIFoDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIw\nOwYDVR0fBDQwMjAwoC6gLIYqaHR0cDovL2NybC5zY2ExYi5hbWF6b250cnVzdC5j\nb20vc2NhMWIuY3JsMBMGA1UdIAQMMAowCAYGZ4EMAQIBMHUGCCsGAQUFBwEBBGkw\nZzAtBggrBgEFBQcwAYYhaHR0cDovL29jc3Auc2NhMWIuYW1hem9udHJ1c3QuY29t\nMDYGCCsGAQUFBzAChipodHRwOi8vY3J0LnNjYTFiLmFtYXpvbnRydXN0LmNvbS9z\nY2ExYi5jcnQwDAYDVR0TAQH/BAIwADCCAX0GCisGAQQB1nkCBAIEggFtBIIBaQFn\nAHYAKXm+8J45OSHwVnOfY6V35b5XfZxgCvj5TV0mXCVdx4QAAAF7vfDVkQAABAMA\nRzBFAiEA2XfHuy36aqRFiaL8c3md2mH451go8707+fRE0pEdSRACIE/g5FXTUXUZ\nPFcmOhm9TZ+uMY1i4CIQ/CKVWln6C3t+AHYAUaOw9f0BeZxWbbg3eI8MpHrMGyfL\n956IQpoN/tSLBeUAAAF7vfDVjAAABAMARzBFAiBF1MhhFP0+FQt3daDFfMYoWwnr\nmuTInrjNpwfzlvQBugIhAPYadFzr+LaxSJoiZEbEHBvTts7bT0M3eCQONA2O7w6n\nAHUAQcjKsd8iRkoQxqE6CUKHXk4xixsD6+tLx2jwkGKWBvYAAAF7vfDVdAAABAMA\nRjBEAiAtPapmFAuA71ih4NoSd5hJelzAltNQpxDMcDfDyHyU8gIgWxmaa6+2KbBu\n9xdv379zvnJACFR7jc+4asl08Dn4aagwDQYJKoZIhvcNAQELBQADggEBAA54QX0u\noFWXfMmv02CGZv4NWo5TapyeeixQ2kKpZHRdVZjxZrw+hoF6HD7P3kGjH8ztyJll\ntDxB0qgMltbPhQdScwhA6iTgoaBYqEUC/VHKd4PmmPT6yIsM36NBZVmkGlzl5uNo\n/dBgBaG0SsVJnhr5zro3c2quC7n6fVGEZhf/UgQwRnnvThnvbNKguglDMq4uEqv8\nnjKyleht+glkcmXO0m9qLKt6BOS0amy6U2GlAwRn0Wx02ndJtnRCSC6kPuRWK/SQ\nFEjB7gCK4hdKaAOuWdZpI55vF6ifOeM8toC3g7ofO8qLTnJupAG+ZitY5J3cvHWr\nHqOUdKigPDHYLRo=\n-----END CERTIFICATE-----\n";
    /// let verifier = Verifier::new(Scheme::aws_sns(), secret)?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// // The example delivery (1006 bytes).
    /// # let body = "{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : \"792cda85-518f-5dd3-9163-81d851212f3a\",\n  \"TopicArn\" : \"arn:aws:sns:us-east-2:295079676684:publish-and-verify-892f85fe-4836-424d-8188-ab85bef0f362\",\n  \"Message\" : \"Hello world\",\n  \"Timestamp\" : \"2022-07-28T21:23:58.317Z\",\n  \"SignatureVersion\" : \"1\",\n  \"Signature\" : \"ghtf+deOBAzHJJZ6s6CdRLfTQAlcGzq9naoFM1wi0CJiq//uVRuZnamrkWNF0fhouMFvuLVRwcz8PZLUMSfnmd5VpdTKpTyiKmy1qJAZXma0w+yi7G+I33hD1Jyk1Nbym2n0kqp3fVu2aoooiN2ZeLAT2bH0/BtjLSfN1yAOKNoprco4qV9gGUZinXJdj9a1YdNhDR2jKi33ldlsVtEXAtiaDklGEk7DgRKX38GerBPiLg3FdtgY6KC7cdeGpU/dGK+4hjc83Ive1HoFkAwqhpgInM2sMytBosoiXfCmOKmU4xeGD0gHDNZTlJUJQDlzw8Eag0H9f/5zXF9d3uy0YQ==\",\n  \"SigningCertURL\" : \"https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem\",\n  \"UnsubscribeURL\" : \"https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-2:295079676684:publish-and-verify-892f85fe-4836-424d-8188-ab85bef0f362:2296bc94-7992-4be1-b15f-b97229b5c1d8\"\n}";
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/aws_sns")
    ///     .header("Content-Type", "text/plain; charset=UTF-8")
    ///     .header("x-amz-sns-message-type", "Notification")
    ///     .header("x-amz-sns-message-id", "792cda85-518f-5dd3-9163-81d851212f3a")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # }
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
    ///
    /// A known answer (the provider's own example, aws/aws-php-sns-message-validator
    /// tests/FunctionalValidationsTest.php (real AWS-signed messages)):
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use tower_webhook::{Scheme, Verifier};
    ///
    /// # #[cfg(feature = "rsa")] {
    /// # let secret = "-----BEGIN CERTIFICATE-----\nMIIF1zCCBL+gAwIBAgIQB9pYWG3Mi7xej22g9pobJTANBgkqhkiG9w0BAQsFADBG\nMQswCQYDVQQGEwJVUzEPMA0GA1UEChMGQW1hem9uMRUwEwYDVQQLEwxTZXJ2ZXIg\nQ0EgMUIxDzANBgNVBAMTBkFtYXpvbjAeFw0yMTA5MDcwMDAwMDBaFw0yMjA4MTcy\nMzU5NTlaMBwxGjAYBgNVBAMTEXNucy5hbWF6b25hd3MuY29tMIIBIjANBgkqhkiG\n9w0BAQEFAAOCAQ8AMIIBCgKCAQEAutFqueT3XgP13udzxE6UpbdjOtVO5DwoMpSM\niDNMnGzF1TYH5/R2LPUOBeTB0SkKnR4kpNcUZhicpGD4aKciz/GEZ6wu65xncfT9\nH/KBOQwoXYTuClHwp6fYpGzcGFaFoEYMnijL/o4qmTSd+ukglQUgKpsDw4ofw6rU\nm2CttJo+GQSNQ9NfGR1h/0J+zsApkeSYrXRx5wNlu87z8os1C/6PBrUHwt3xXeaf\nXzfwut8aRRYsS8BySOA9DAgLfNHlfdQCjKPXKrG/ussgReyWD6n/HH+j7Uha3xos\nTzQqJifcxlTq6MxWdPR6fDaJNvqw6DOE7UjUNxHguXHlVfxhlQIDAQABo4IC6TCC\nAuUwHwYDVR0jBBgwFoAUWaRmBlKge5WSPKOUByeWdFv5PdAwHQYDVR0OBBYEFAqz\nC+vyouneE7mWWLbi9i0UsWUbMBwGA1UdEQQVMBOCEXNucy5hbWF6b25hd3MuY29t\nMA4GA1UdDwEB/wQEAwIFoDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIw\nOwYDVR0fBDQwMjAwoC6gLIYqaHR0cDovL2NybC5zY2ExYi5hbWF6b250cnVzdC5j\nb20vc2NhMWIuY3JsMBMGA1UdIAQMMAowCAYGZ4EMAQIBMHUGCCsGAQUFBwEBBGkw\nZzAtBggrBgEFBQcwAYYhaHR0cDovL29jc3Auc2NhMWIuYW1hem9udHJ1c3QuY29t\nMDYGCCsGAQUFBzAChipodHRwOi8vY3J0LnNjYTFiLmFtYXpvbnRydXN0LmNvbS9z\nY2ExYi5jcnQwDAYDVR0TAQH/BAIwADCCAX0GCisGAQQB1nkCBAIEggFtBIIBaQFn\nAHYAKXm+8J45OSHwVnOfY6V35b5XfZxgCvj5TV0mXCVdx4QAAAF7vfDVkQAABAMA\nRzBFAiEA2XfHuy36aqRFiaL8c3md2mH451go8707+fRE0pEdSRACIE/g5FXTUXUZ\nPFcmOhm9TZ+uMY1i4CIQ/CKVWln6C3t+AHYAUaOw9f0BeZxWbbg3eI8MpHrMGyfL\n956IQpoN/tSLBeUAAAF7vfDVjAAABAMARzBFAiBF1MhhFP0+FQt3daDFfMYoWwnr\nmuTInrjNpwfzlvQBugIhAPYadFzr+LaxSJoiZEbEHBvTts7bT0M3eCQONA2O7w6n\nAHUAQcjKsd8iRkoQxqE6CUKHXk4xixsD6+tLx2jwkGKWBvYAAAF7vfDVdAAABAMA\nRjBEAiAtPapmFAuA71ih4NoSd5hJelzAltNQpxDMcDfDyHyU8gIgWxmaa6+2KbBu\n9xdv379zvnJACFR7jc+4asl08Dn4aagwDQYJKoZIhvcNAQELBQADggEBAA54QX0u\noFWXfMmv02CGZv4NWo5TapyeeixQ2kKpZHRdVZjxZrw+hoF6HD7P3kGjH8ztyJll\ntDxB0qgMltbPhQdScwhA6iTgoaBYqEUC/VHKd4PmmPT6yIsM36NBZVmkGlzl5uNo\n/dBgBaG0SsVJnhr5zro3c2quC7n6fVGEZhf/UgQwRnnvThnvbNKguglDMq4uEqv8\nnjKyleht+glkcmXO0m9qLKt6BOS0amy6U2GlAwRn0Wx02ndJtnRCSC6kPuRWK/SQ\nFEjB7gCK4hdKaAOuWdZpI55vF6ifOeM8toC3g7ofO8qLTnJupAG+ZitY5J3cvHWr\nHqOUdKigPDHYLRo=\n-----END CERTIFICATE-----\n";
    /// let verifier = Verifier::new(Scheme::aws_sns_v2(), secret)?
    ///     .clock(|| UNIX_EPOCH + Duration::from_secs(1700000000));
    /// // The example delivery (997 bytes).
    /// # let body = "{\n  \"Type\": \"Notification\",\n  \"MessageId\": \"17dea24b-55c2-540b-8362-f916557af765\",\n  \"TopicArn\": \"arn:aws:sns:us-east-2:295079676684:publish-and-verify-62674b1d-4295-426b-88e7-5fb75652a04e\",\n  \"Message\": \"Hello world\",\n  \"Timestamp\": \"2022-07-28T21:24:08.324Z\",\n  \"SignatureVersion\": \"2\",\n  \"Signature\": \"CXVqp9PfZAL+4JHS3Zxo1PFbQsvnOjvmYhtIf17TWpwc+iIVas8kZ8GopuzVzVMdatE7rCl/O4P91Zp05Dwz8lk8dLhfp8gSu3Njlzxlyrmzo9x3va3Jb7zFnedgS2GKnZWHGBdwTXho+TosNUE+3e10OMSlwN5XGDwX7+R3WL+rn+AXmFAqp3alg27sYa55h1dLE9cGszGPjScPdtF3BmZsUDMx9wSdNKsCk+vSvE8yBjnCmUl7laSFj3LzPVrlSwgNYCF3kYnNAkah7NplK4SFhJYLwS0HCVCQJKa8rVbQLf9cBTu60U402mrgy0bN8xWoyimzbYbrOMJjalqkUg==\",\n  \"SigningCertURL\": \"https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem\",\n  \"UnsubscribeURL\": \"https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-2:295079676684:publish-and-verify-62674b1d-4295-426b-88e7-5fb75652a04e:ad7d16e3-0a7c-46aa-b23e-ffaf02250cbe\"\n}";
    /// let request = http::Request::builder()
    ///     .method("POST")
    ///     .uri("/webhooks/aws_sns_v2")
    ///     .header("Content-Type", "text/plain; charset=UTF-8")
    ///     .header("x-amz-sns-message-type", "Notification")
    ///     .header("x-amz-sns-message-id", "17dea24b-55c2-540b-8362-f916557af765")
    ///     .body(body)?;
    /// assert!(verifier.verify_request(&request).is_ok());
    /// # }
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
