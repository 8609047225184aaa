#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tower_webhook_fuzz::signature_header(data));
