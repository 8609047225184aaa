//! Prints the headers a provider would send for the body on standard input, for curl.
//!
//! ```sh
//! echo -n '{"event":"ping"}' | cargo run --example sign -- amio
//! cargo run --example sign -- message X-Message-Id=1234 < /dev/null
//! ```
//!
//! Secrets come from the same environment variables as the receiver.

mod support;

use http::{HeaderMap, HeaderName, HeaderValue};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let names: Vec<&str> = support::all_providers().iter().map(|p| p.name).collect();
    let Some(name) = args.next() else {
        eprintln!("usage: sign <provider> [Header=value ...] < body");
        eprintln!("providers: {}", names.join(", "));
        std::process::exit(2);
    };
    let providers = support::all_providers();
    let Some(provider) = providers.iter().find(|p| p.name == name) else {
        eprintln!("unknown provider {name:?}; one of: {}", names.join(", "));
        std::process::exit(2);
    };
    let mut extra = HeaderMap::new();
    for arg in args {
        let (key, value) = arg
            .split_once('=')
            .ok_or("headers are given as Name=value")?;
        extra.insert(
            HeaderName::from_bytes(key.as_bytes())?,
            HeaderValue::from_str(value)?,
        );
    }
    let mut body = Vec::new();
    std::io::stdin().read_to_end(&mut body)?;
    let signer = tower_webhook::Signer::new(provider.scheme.clone(), &provider.secret)?;
    let signed = signer.sign(&extra, &body)?;
    for (key, value) in extra.iter().chain(signed.iter()) {
        println!("{key}: {}", value.to_str()?);
    }
    Ok(())
}
