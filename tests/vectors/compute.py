#!/usr/bin/env python3
"""Recomputes the known-answer constants in tests/seed_vectors.rs with Python's hmac module,
an implementation independent of this crate. Run: python3 tests/vectors/compute.py"""
import base64
import hashlib
import hmac

AMIO_BODY = b'{"event":"messages_delivered","timestamp":"2018-03-01T11:54:14.886Z","data":{"channel":{"id":"viber_service_messages_test","type":"viber"},"contact":{"phone_number":"+420606123456"},"messages":[{"id":"151990525359991"}]}}'
AUTIFY_BODY = b'{"event":"test_plan_result","status":"passed"}'
QISCUS_BODY = b'{"payload":{"from":{"id":140220,"name":"Qiscus Demo"}},"type":"post_comment_mobile"}'
HUBPAY_BODY = b'{"eventType":"PAYMENT_COMPLETED","id":"cfd86c98-d7e9-4465-8aa0-e0614ccdeeed"}'

def hexmac(key, msg, algo):
    return hmac.new(key, msg, algo).hexdigest()

print("amio   ", "sha1=" + hexmac(b"WebhookSecret", AMIO_BODY, hashlib.sha1))
print("amio256", hexmac(b"WebhookSecret", AMIO_BODY, hashlib.sha256))
print("autify ", "sha1=" + hexmac(b"b2f82af62f9980f6b01e1cd7e716230d0a063f58", AUTIFY_BODY, hashlib.sha1))
print("qiscus ", hexmac(b"qiscus-token", QISCUS_BODY, hashlib.sha256))
print("hubpay ", hexmac(b"f7b3ca9275d949d9b74f7f1b", HUBPAY_BODY, hashlib.sha256))
print("message", hexmac(b"clientSecret", b"1234+clientId", hashlib.sha256))
print("github ", "sha256=" + hexmac(b"It's a Secret to Everybody", b"Hello, World!", hashlib.sha256))

# --- tests/provider_vectors.rs (issue: popular providers) ---
EVENT = b'{"id":"evt_1","type":"ping","data":{"n":1}}'
TS = b"1700000000"
def b64mac(key, msg, algo):
    return base64.b64encode(hmac.new(key, msg, algo).digest()).decode()
print("stripe      ", "t=1700000000,v1=" + hexmac(b"whsec_stripe_test", TS + b"." + EVENT, hashlib.sha256))
print("shopify     ", b64mac(b"shopify-secret", EVENT, hashlib.sha256))
print("zoom        ", "v0=" + hexmac(b"zoom-token", b"v0:" + TS + b":" + EVENT, hashlib.sha256))
print("paddle      ", "ts=1700000000;h1=" + hexmac(b"pdl_ntfset_secret", TS + b":" + EVENT, hashlib.sha256))
print("calendly    ", "t=1700000000,v1=" + hexmac(b"calendly-key", TS + b"." + EVENT, hashlib.sha256))
print("typeform    ", "sha256=" + b64mac(b"typeform-secret", EVENT, hashlib.sha256))
print("woocommerce ", b64mac(b"wc-secret", EVENT, hashlib.sha256))
print("intercom    ", "sha1=" + hexmac(b"intercom-secret", EVENT, hashlib.sha1))
print("bitbucket   ", "sha256=" + hexmac(b"bitbucket-secret", EVENT, hashlib.sha256))
print("gitea       ", hexmac(b"gitea-secret", EVENT, hashlib.sha256))
print("sentry      ", hexmac(b"sentry-secret", EVENT, hashlib.sha256))
print("lemon       ", hexmac(b"lemon-secret", EVENT, hashlib.sha256))
print("meta        ", "sha256=" + hexmac(b"meta-secret", EVENT, hashlib.sha256))
print("linear      ", hexmac(b"linear-secret", EVENT, hashlib.sha256))
svix_key = base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
print("svix        ", "v1," + b64mac(svix_key, b"msg_1." + TS + b"." + EVENT, hashlib.sha256))
