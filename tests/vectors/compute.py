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
