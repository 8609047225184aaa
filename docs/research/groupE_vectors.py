#!/usr/bin/env python3
"""groupE: handshake vectors (challenge/response) computed and cross-checked.

Run: python3 docs/research/groupE_vectors.py
Every value printed; published / third-party values are asserted.
"""
import base64
import hashlib
import hmac
import json
import urllib.parse


def hex_hmac256(key: str, msg: str) -> str:
    return hmac.new(key.encode(), msg.encode(), hashlib.sha256).hexdigest()


def b64_hmac256(key: str, msg: str) -> str:
    return base64.b64encode(hmac.new(key.encode(), msg.encode(), hashlib.sha256).digest()).decode()


# --- Zoom endpoint.url_validation ------------------------------------------
# Zoom's doc sample: plainToken "qgg8vlvZRS6UYooatFL8Aw", encryptedToken
# "23a89b634c017e5364a1c8d9c8ea909b60dd5599e2bb04bb1558d9c3a121faa5" -- the secret
# token behind that sample is NOT published, so it cannot be re-derived.
ZOOM_PLAIN = "qgg8vlvZRS6UYooatFL8Aw"
# Third-party cross-check: elastic/beats x-pack/filebeat/input/http_endpoint tests
# (CRCProvider "Zoom", CRCSecret "secretValueTest").
zoom_enc = hex_hmac256("secretValueTest", ZOOM_PLAIN)
print("zoom encryptedToken(secretValueTest) =", zoom_enc)
assert zoom_enc == "70c1f2e2e6ca2d39297490d1f9142c7d701415ea8e6151f6562a08fa657a40ff"
zoom_resp = json.dumps({"plainToken": ZOOM_PLAIN, "encryptedToken": zoom_enc}, separators=(",", ":"))
print("zoom response body =", zoom_resp)

# --- Twitter / X CRC --------------------------------------------------------
# Example inputs from Twitter DevRel gists (jcipriano, linked from the old
# Twitter "securing webhooks" guide). Expected output also appears as a gold
# vector in third-party tests (find_string hit, not official).
X_SECRET = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"
X_CRC = "9b4507b3-9040-4669-9ca3-6b94edb50553"
x_tok = "sha256=" + b64_hmac256(X_SECRET, X_CRC)
print("x response_token =", x_tok)
assert x_tok == "sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8="
print("x response body =", json.dumps({"response_token": x_tok}))

# --- Slack url_verification (no crypto in the answer; request itself is v0-signed)
slack_body = {"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
              "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
              "type": "url_verification"}
print("slack text/plain answer =", slack_body["challenge"])
print("slack json answer =", json.dumps({"challenge": slack_body["challenge"]}, separators=(",", ":")))
print("slack form answer =", "challenge=" + slack_body["challenge"])

# --- Meta hub.challenge (doc sample values) ---------------------------------
q = urllib.parse.parse_qs("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")
assert q["hub.mode"] == ["subscribe"]
print("meta answer (200, body) =", q["hub.challenge"][0])

# --- Microsoft Graph validationToken: answer = URL-DECODED token -------------
raw_query = "validationToken=Validation%3A%20Testing%20client%20application%20reachability%20for%20subscription%20Request-Id%3A%2025b6fa3a-0ab2-4a2f-8f6e-1d5c0e0b3a11"
tok = urllib.parse.parse_qs(raw_query)["validationToken"][0]
print("graph answer (200 text/plain) =", tok)
assert "%" not in tok and " " in tok

# --- Okta: echo header into JSON --------------------------------------------
print("okta answer =", json.dumps({"verification": "X0XxXxxXx0XXxxXxXXx0x0XXxxX0"}))

# --- Discord: PING -> PONG (interactions), type 0 -> 204 (webhook events) ---
print("discord interactions answer =", json.dumps({"type": 1}))

# --- WooCommerce activation ping: exact body -----------------------------
webhook_id = 42
print("woocommerce ping body =", f"webhook_id={webhook_id}")

# --- Xero ITR sample body (doc) -> sign with a made-up key to show shape ------
xero_body = '{"events":[],"lastEventSequence":0,"firstEventSequence":0,"entropy":"S0m3r4Nd0mt3xt"}'
print("xero sig(key='test-key') =", b64_hmac256("test-key", xero_body))
print("ALL OK")
