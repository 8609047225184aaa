//! Describing a provider that has no preset, and checking it against a value computed elsewhere:
//! `cargo run --example custom_scheme`.
//!
//! Acme signs `"{X-Acme-Delivery}.{body}"` with HMAC-SHA512 and sends
//! `X-Acme-Signature: v1=<base64>`. The expected value below comes from Python, not from this
//! crate:
//!
//! ```sh
//! python3 -c 'import hmac,base64; print(base64.b64encode(hmac.new(b"s3cr3t", b"42.{\"ok\":true}", "sha512").digest()).decode())'
//! ```

use http::HeaderMap;
use tower_webhook::{Algorithm, Encoding, Scheme, SignedContent, Verifier};

fn acme() -> Scheme {
    Scheme::hmac("acme", Algorithm::Sha512, "X-Acme-Signature")
        .prefix("v1=")
        .encoding(Encoding::Base64)
        .signed_content(
            SignedContent::new()
                .header("X-Acme-Delivery")
                .text(".")
                .body(),
        )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verifier = Verifier::new(acme(), "s3cr3t")?;
    let body = br#"{"ok":true}"#;
    let mut headers = HeaderMap::new();
    headers.insert("x-acme-delivery", "42".parse()?);
    headers.insert(
        "x-acme-signature",
        format!("v1={PYTHON_SIGNATURE}").parse()?,
    );

    let verified = verifier.verify(&headers, body)?;
    println!(
        "accepted: {} signed {}",
        verified.scheme(),
        verified.signed_content()
    );

    headers.insert("x-acme-delivery", "43".parse()?);
    let error = verifier.verify(&headers, body).unwrap_err();
    println!("another delivery id: {} ({})", error.code(), error);
    Ok(())
}

const PYTHON_SIGNATURE: &str =
    "QfBGFfBnW16FCXARRfWWy4m04Ydk+Pe1g2Pw+IMfUUEhSVj4lMYK/gUH3ASOVqY25JADdDry9KNkCRndScMsUA==";
