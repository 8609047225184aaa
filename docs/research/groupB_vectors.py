#!/usr/bin/env python3
"""groupB webhook test vectors.

Run:  python3 docs/research/groupB_vectors.py

Every value that is computed is printed.  Vectors copied from a provider's
documentation or official SDK test suite are re-derived and ASSERTED, to prove
they were copied byte-exactly.  Vectors marked "COMPUTED" have no published
counterpart: they follow the provider's document literally and exist so the
Rust crate has fixed values to test against.

Only the standard library is used (hmac, hashlib, base64).
"""

import base64
import hashlib
import hmac
import urllib.parse


def hmac_hex(key: bytes, msg: bytes, algo=hashlib.sha256) -> str:
    return hmac.new(key, msg, algo).hexdigest()


def hmac_b64(key: bytes, msg: bytes, algo=hashlib.sha256) -> str:
    return base64.b64encode(hmac.new(key, msg, algo).digest()).decode()


def section(title: str) -> None:
    print()
    print("=" * 78)
    print(title)
    print("=" * 78)


def show(label: str, value) -> None:
    if isinstance(value, bytes):
        print(f"  {label}: {value!r}")
    else:
        print(f"  {label}: {value}")


# ---------------------------------------------------------------------------
# 1. GitLab
# ---------------------------------------------------------------------------
section("gitlab (X-Gitlab-Token: plain token, constant-time compare)")
gl_token = "my-gitlab-secret-token"
gl_header = "my-gitlab-secret-token"
show("configured secret token", gl_token)
show("X-Gitlab-Token header", gl_header)
show("X-Gitlab-Event", "Push Hook")
show("Idempotency-Key (docs example)", "f5e5f430-f57b-4e6e-9fac-d9128cd7232f")
show("X-Gitlab-Event-UUID (docs example)", "13792a34-cac6-4fda-95a8-c58e00a3954e")
show("X-Gitlab-Webhook-UUID (docs example)", "02affd2d-2cba-4033-917d-ec22d5dc4b38")
assert hmac.compare_digest(gl_token.encode(), gl_header.encode())
assert not hmac.compare_digest(gl_token.encode(), b"my-gitlab-secret-tokeN")
print("  COMPUTED: token comparison ok")

section("gitlab_signing (GitLab signing token = Standard Webhooks v1)")
# Published reference vector of the Standard Webhooks spec, which GitLab's
# signing token follows (GitLab MR !230944).  Source:
#   standard-webhooks/standard-webhooks libraries/python/tests/test_webhooks.py
#   test_sign_function
SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SW_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SW_TS = "1614265330"
SW_BODY = b'{"test": 2432232314}'
SW_EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def standard_webhooks_sign(secret: str, msg_id: str, ts: str, body: bytes) -> str:
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    signed = msg_id.encode() + b"." + ts.encode() + b"." + body
    return "v1," + hmac_b64(key, signed)


got = standard_webhooks_sign(SW_SECRET, SW_ID, SW_TS, SW_BODY)
show("secret", SW_SECRET)
show("webhook-id", SW_ID)
show("webhook-timestamp", SW_TS)
show("body", SW_BODY)
show("signed content", SW_ID.encode() + b"." + SW_TS.encode() + b"." + SW_BODY)
show("webhook-signature", got)
assert got == SW_EXPECTED, got
print("  PUBLISHED (Standard Webhooks spec) vector re-verified")

# COMPUTED GitLab-shaped vector: webhook-id = Idempotency-Key (a UUID).
gl_sign_key_bytes = bytes(range(32))  # fixed 32-byte key
GL_SIGNING_TOKEN = "whsec_" + base64.b64encode(gl_sign_key_bytes).decode()
GL_ID = "f5e5f430-f57b-4e6e-9fac-d9128cd7232f"
GL_TS = "1767225600"  # 2026-01-01T00:00:00Z
GL_BODY = b'{"object_kind":"push","event_name":"push","ref":"refs/heads/main"}'
gl_sig = standard_webhooks_sign(GL_SIGNING_TOKEN, GL_ID, GL_TS, GL_BODY)
show("COMPUTED signing_token", GL_SIGNING_TOKEN)
show("COMPUTED webhook-id / Idempotency-Key", GL_ID)
show("COMPUTED webhook-timestamp", GL_TS)
show("COMPUTED body", GL_BODY)
show("COMPUTED webhook-signature", gl_sig)
assert gl_sig == "v1," + hmac_b64(gl_sign_key_bytes, GL_ID.encode() + b"." + GL_TS.encode() + b"." + GL_BODY)

# ---------------------------------------------------------------------------
# 2. Telegram
# ---------------------------------------------------------------------------
section("telegram (X-Telegram-Bot-Api-Secret-Token: plain token)")
tg_secret = "tower_webhook-Secret_0123456789"
import re

assert re.fullmatch(r"[A-Za-z0-9_-]{1,256}", tg_secret)
show("secret_token passed to setWebhook", tg_secret)
show("X-Telegram-Bot-Api-Secret-Token header", tg_secret)
show("body", b'{"update_id":10000,"message":{"message_id":1,"date":1767225600,"chat":{"id":1,"type":"private"},"text":"hi"}}')
assert hmac.compare_digest(tg_secret.encode(), tg_secret.encode())
print("  COMPUTED: token comparison ok (no published vector; no signature exists)")

# ---------------------------------------------------------------------------
# 3. HubSpot
# ---------------------------------------------------------------------------
section("hubspot (v1 / v2: X-HubSpot-Signature hex SHA-256; v3: X-HubSpot-Signature-v3 base64 HMAC-SHA256)")
HS_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"


def hubspot_v1(secret: str, body: str) -> str:
    return hashlib.sha256((secret + body).encode("utf-8")).hexdigest()


def hubspot_v2(secret: str, method: str, uri: str, body: str) -> str:
    return hashlib.sha256((secret + method + uri + body).encode("utf-8")).hexdigest()


def hubspot_v3(secret: str, method: str, uri: str, body: str, timestamp: str) -> str:
    src = method + uri + body + timestamp
    return hmac_b64(secret.encode("utf-8"), src.encode("utf-8"))


# (a) HubSpot/hubspot-api-nodejs test/unit/signature.spec.ts  + HubSpot docs
#     (developers.hubspot.com/docs/faq/v1-request-validation)
hs_v1_body = ('[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,'
              '"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,'
              '"changeSource":"CRM","changeFlag":"NEW","appId":54321}]')
v = hubspot_v1(HS_SECRET, hs_v1_body)
show("v1 body", hs_v1_body)
show("v1 X-HubSpot-Signature", v)
assert v == "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de"
# (b) v2 GET, empty body (nodejs spec + docs v2 page)
v = hubspot_v2(HS_SECRET, "GET", "https://www.example.com/webhook_uri", "")
show("v2 GET X-HubSpot-Signature", v)
assert v == "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e"
# (c) v2 POST with body (nodejs spec)
v = hubspot_v2(HS_SECRET, "POST", "https://www.example.com/webhook_uri", '{"example_field":"example_value"}')
show("v2 POST X-HubSpot-Signature", v)
assert v == "9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900"
# (d) HubSpot/hubspot-api-python tests/spec/utils/test_signature.py (note the single quotes)
py_body = "{'example_field':'example_value'}"
v = hubspot_v1(HS_SECRET, py_body)
show("python v1", v)
assert v == "69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750"
v = hubspot_v2(HS_SECRET, "POST", "https://www.example.com/webhook_uri", py_body)
show("python v2", v)
assert v == "4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383"
v = hubspot_v3(HS_SECRET, "POST", "https://www.example.com/webhook_uri", py_body, "15000000")
show("python v3 source string", "POST" + "https://www.example.com/webhook_uri" + py_body + "15000000")
show("python v3 X-HubSpot-Signature-v3", v)
assert v == "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw="
print("  PUBLISHED vectors (docs + nodejs + python SDK tests) re-verified")

# COMPUTED v3 vector with a realistic ms timestamp, JSON body and a query string
hs_ts = "1767225600000"
hs_uri = "https://example.com/hubspot/webhook?portalId=62515"
hs_body = '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"attemptNumber":0}]'
v = hubspot_v3(HS_SECRET, "POST", hs_uri, hs_body, hs_ts)
show("COMPUTED v3 uri", hs_uri)
show("COMPUTED v3 body", hs_body)
show("COMPUTED v3 X-HubSpot-Request-Timestamp", hs_ts)
show("COMPUTED v3 X-HubSpot-Signature-v3", v)

# The docs' URI-decoding table for v3 (decode only these escapes; '?' delimiter untouched)
HS_DECODE = {"%3A": ":", "%2F": "/", "%3F": "?", "%40": "@", "%21": "!", "%24": "$",
             "%27": "'", "%28": "(", "%29": ")", "%2A": "*", "%2C": ",", "%3B": ";"}


def hubspot_decode_uri(uri: str) -> str:
    return re.sub(r"%[0-9A-Fa-f]{2}", lambda m: HS_DECODE.get(m.group(0).upper(), m.group(0)), uri)


enc_uri = "https://example.com/hook?redirect=https%3A%2F%2Fa.example%2Fx&q=a%20b"
dec_uri = hubspot_decode_uri(enc_uri)
show("COMPUTED v3 received uri", enc_uri)
show("COMPUTED v3 uri after HubSpot decode table", dec_uri)
assert dec_uri == "https://example.com/hook?redirect=https://a.example/x&q=a%20b"
v = hubspot_v3(HS_SECRET, "POST", dec_uri, hs_body, hs_ts)
show("COMPUTED v3 signature over decoded uri", v)

# ---------------------------------------------------------------------------
# 4. Twitch EventSub
# ---------------------------------------------------------------------------
section("twitch (Twitch-Eventsub-Message-Signature: sha256=<hex HMAC-SHA256(id+timestamp+body)>)")
TW_SECRET = "s3cRe7-tower-webhook"  # 10..100 chars
assert 10 <= len(TW_SECRET) <= 100
TW_ID = "befa7b53-d79d-478f-86b9-120f112b044e"
TW_TS = "2026-01-01T00:00:00.123456789Z"  # RFC 3339 with nanoseconds, as sent
TW_BODY = (b'{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"enabled",'
           b'"type":"channel.follow","version":"2","cost":0,"condition":{"broadcaster_user_id":"1337",'
           b'"moderator_user_id":"1337"},"transport":{"method":"webhook","callback":"https://example.com/webhooks/callback"},'
           b'"created_at":"2026-01-01T00:00:00.000000000Z"},"event":{"user_id":"1234","user_login":"cool_user",'
           b'"user_name":"Cool_User","broadcaster_user_id":"1337","broadcaster_user_login":"cooler_user",'
           b'"broadcaster_user_name":"Cooler_User","followed_at":"2026-01-01T00:00:00.000000000Z"}}')
tw_sig = "sha256=" + hmac_hex(TW_SECRET.encode(), TW_ID.encode() + TW_TS.encode() + TW_BODY)
show("secret", TW_SECRET)
show("Twitch-Eventsub-Message-Id", TW_ID)
show("Twitch-Eventsub-Message-Timestamp", TW_TS)
show("body", TW_BODY)
show("COMPUTED Twitch-Eventsub-Message-Signature", tw_sig)

# webhook_callback_verification handshake (signed the same way)
TWV_ID = "e76c6bd4-55c9-4987-8304-da1588d8988b"
TWV_TS = "2026-01-01T00:00:01.000000001Z"
TWV_BODY = (b'{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4",'
            b'"status":"webhook_callback_verification_pending","type":"channel.follow","version":"2","cost":1,'
            b'"condition":{"broadcaster_user_id":"12826","moderator_user_id":"12826"},'
            b'"transport":{"method":"webhook","callback":"https://example.com/webhooks/callback"},'
            b'"created_at":"2026-01-01T00:00:00.000000000Z"}}')
twv_sig = "sha256=" + hmac_hex(TW_SECRET.encode(), TWV_ID.encode() + TWV_TS.encode() + TWV_BODY)
show("verification Twitch-Eventsub-Message-Type", "webhook_callback_verification")
show("verification Message-Id", TWV_ID)
show("verification Message-Timestamp", TWV_TS)
show("verification body", TWV_BODY)
show("COMPUTED verification signature", twv_sig)
show("expected response", "200, Content-Type: text/plain, body = pogchamp-kappa-360noscope-vohiyo")

# ---------------------------------------------------------------------------
# 5. Dropbox
# ---------------------------------------------------------------------------
section("dropbox (X-Dropbox-Signature: hex HMAC-SHA256(app secret, body))")
DB_SECRET = "dbx-app-secret-0123456789"
DB_BODY = b'{"list_folder": {"accounts": ["dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc"]}, "delta": {"users": [12345678]}}'
db_sig = hmac_hex(DB_SECRET.encode(), DB_BODY)
show("app secret", DB_SECRET)
show("body", DB_BODY)
show("COMPUTED X-Dropbox-Signature", db_sig)
# Third-party cross-check (NOT Dropbox-official): npm hapi-dropbox-webhooks@1.1.0 test/index.js
tp = hmac_hex(b"the_secret", b'{"delta": {"users": [12345]}}')
show("third-party (hapi-dropbox-webhooks test) signature", tp)
assert tp == "0a8c16b085420b960dc78664279fe09e936a2a01b1f91064869d9e77dfd64529"
show("handshake", "GET <url>?challenge=abc123 -> 200, body 'abc123', Content-Type: text/plain, X-Content-Type-Options: nosniff")

# ---------------------------------------------------------------------------
# 6. Trello
# ---------------------------------------------------------------------------
section("trello (X-Trello-Webhook: base64 HMAC-SHA1(app secret, body + callbackURL))")
TR_SECRET = "trello-oauth1-application-secret-0123456789abcdef"
TR_CALLBACK = "https://example.com/trello/webhook?board=1"
TR_BODY = (b'{"action":{"id":"5f1b2c3d4e5f6a7b8c9d0e1f","type":"updateCard","date":"2026-01-01T00:00:00.000Z"},'
           b'"model":{"id":"4d5ea62fd76aa1136000000c","name":"Board"}}')
tr_sig = hmac_b64(TR_SECRET.encode(), TR_BODY + TR_CALLBACK.encode(), hashlib.sha1)
show("application secret", TR_SECRET)
show("callbackURL (exactly as registered)", TR_CALLBACK)
show("body", TR_BODY)
show("COMPUTED X-Trello-Webhook", tr_sig)
# Non-ASCII caveat: Trello's docs say the signed string is treated as a Node
# "binary" string: each UTF-16 code unit truncated to its low 8 bits.
TR_BODY_U = '{"action":{"type":"commentCard","data":{"text":"a\u2013b \u00e9"}}}'


def trello_binary(s: str) -> bytes:
    # Node Buffer.from(jsString, "binary"): every UTF-16 code unit -> its low byte
    u16 = s.encode("utf-16-le")
    return bytes(u16[i] for i in range(0, len(u16), 2))


utf8_sig = hmac_b64(TR_SECRET.encode(), (TR_BODY_U + TR_CALLBACK).encode("utf-8"), hashlib.sha1)
bin_sig = hmac_b64(TR_SECRET.encode(), trello_binary(TR_BODY_U + TR_CALLBACK), hashlib.sha1)
show("non-ASCII body (str)", TR_BODY_U)
show("COMPUTED signature if signed as UTF-8", utf8_sig)
show("COMPUTED signature if signed as Node 'binary' (low byte)", bin_sig)
assert trello_binary("\u2013") == bytes([0x13])  # the docs' en-dash example -> [19]
assert trello_binary("\U0001F600") == bytes([0x3D, 0x00])  # astral char = 2 code units (D83D DE00)

# ---------------------------------------------------------------------------
# 7. Vercel
# ---------------------------------------------------------------------------
section("vercel (x-vercel-signature: hex HMAC-SHA1(secret, raw body))")
VC_SECRET = "vercel-integration-client-secret-0123"
VC_BODY = (b'{"id":"evt_Ab12Cd34Ef56","type":"deployment.created","createdAt":1767225600000,'
           b'"region":"iad1","payload":{"deployment":{"id":"dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ"}}}')
vc_sig = hmac_hex(VC_SECRET.encode(), VC_BODY, hashlib.sha1)
show("secret", VC_SECRET)
show("body", VC_BODY)
show("COMPUTED x-vercel-signature", vc_sig)

# ---------------------------------------------------------------------------
# 8. Asana
# ---------------------------------------------------------------------------
section("asana (X-Hook-Signature: hex HMAC-SHA256(X-Hook-Secret, body))")
# The secret is the one in Asana's own "Establish a webhook" example.
AS_SECRET = "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81"
AS_BODY = (b'{"events":[{"user":{"gid":"1516","resource_type":"user"},"created_at":"2026-01-01T00:00:00.000Z",'
           b'"action":"changed","resource":{"gid":"1337","resource_type":"task"},'
           b'"parent":null,"change":{"field":"name","action":"changed"}}]}')
as_sig = hmac_hex(AS_SECRET.encode(), AS_BODY)
show("X-Hook-Secret (from Asana docs handshake example)", AS_SECRET)
show("body", AS_BODY)
show("COMPUTED X-Hook-Signature", as_sig)
AS_HEARTBEAT = b'{"events":[]}'
show("heartbeat body", AS_HEARTBEAT)
show("COMPUTED heartbeat X-Hook-Signature", hmac_hex(AS_SECRET.encode(), AS_HEARTBEAT))

# ---------------------------------------------------------------------------
# 9. Notion
# ---------------------------------------------------------------------------
section("notion (X-Notion-Signature: sha256=<hex HMAC-SHA256(verification_token, body)>)")
# Inputs of the "Locked-down fixture" in makenotion/notion-sdk-js test/webhooks.test.ts
# (the SDK computes the expected value at run time; the literal below is ours).
NO_TOKEN = "fixed-verification-token"
NO_BODY = b'{"id":"fixed-evt","type":"page.created"}'
no_sig = "sha256=" + hmac_hex(NO_TOKEN.encode(), NO_BODY)
show("verification_token", NO_TOKEN)
show("body", NO_BODY)
show("COMPUTED X-Notion-Signature", no_sig)
NO_TOKEN2 = "secret_abc123_verification_token"
NO_HS_BODY = b'{"verification_token":"secret_abc123_verification_token"}'
show("handshake body", NO_HS_BODY)
show("COMPUTED handshake signature (per notion-sdk-js README)", "sha256=" + hmac_hex(NO_TOKEN2.encode(), NO_HS_BODY))

# ---------------------------------------------------------------------------
# 10. Airtable
# ---------------------------------------------------------------------------
section("airtable (X-Airtable-Content-MAC: hmac-sha256=<hex HMAC-SHA256(base64decode(macSecretBase64), body)>)")
AT_MAC_SECRET_B64 = base64.b64encode(bytes(range(64, 96))).decode()
AT_BODY = b'{"base":{"id":"app00000000000000"},"webhook":{"id":"ach00000000000000"},"timestamp":"2022-02-01T21:25:05.663Z"}'
at_sig = "hmac-sha256=" + hmac_hex(base64.b64decode(AT_MAC_SECRET_B64), AT_BODY)
show("macSecretBase64", AT_MAC_SECRET_B64)
show("body (docs example notification)", AT_BODY)
show("COMPUTED X-Airtable-Content-MAC", at_sig)
wrong = "hmac-sha256=" + hmac_hex(AT_MAC_SECRET_B64.encode(), AT_BODY)
show("WRONG (key not base64-decoded) for contrast", wrong)
assert wrong != at_sig

# ---------------------------------------------------------------------------
# 11. Webflow
# ---------------------------------------------------------------------------
section("webflow (x-webflow-signature: hex HMAC-SHA256(secret, timestamp + ':' + body))")
WF_SECRET = "webflow-webhook-secret-0123456789"
WF_TS = "1767225600000"  # ms
WF_BODY = (b'{"triggerType":"form_submission","payload":{"name":"Contact Us","siteId":"65427cf400e02b306eaa049c",'
           b'"data":{"First Name":"Zaphod","email":"zaphod@heartofgold.ai"},"submittedAt":"2026-01-01T00:00:00.000Z",'
           b'"id":"6321ca84df3949bfc6752327"}}')
wf_sig = hmac_hex(WF_SECRET.encode(), WF_TS.encode() + b":" + WF_BODY)
show("secret", WF_SECRET)
show("x-webflow-timestamp", WF_TS)
show("body", WF_BODY)
show("COMPUTED x-webflow-signature", wf_sig)
show("docs example headers (NOT reproducible: body+secret unpublished)",
     "X-Webflow-Timestamp 1663849649733 / X-Webflow-Signature db37faac5680c551e1860d6cf88c261565c25bdf0c8275d5d71f24ee079bb7ca")

# ---------------------------------------------------------------------------
# 12. DocuSign Connect
# ---------------------------------------------------------------------------
section("docusign (X-DocuSign-Signature-1..N: base64 HMAC-SHA256(key as UTF-8, body))")
DS_KEYS = ["Xq9r2mJ0k5wS4LbP8nC1vT7yZ3dF6hG0aE2uI4oK8s=", "second-connect-hmac-key/Rotated+1="]
DS_BODY = (b'{"event":"envelope-completed","apiVersion":"v2.1","uri":"/restapi/v2.1/accounts/abc/envelopes/def",'
           b'"retryCount":0,"configurationId":10000,"generatedDateTime":"2026-01-01T00:00:00.0000000Z",'
           b'"data":{"accountId":"abc","userId":"ghi","envelopeId":"def"}}')
show("body", DS_BODY)
for i, k in enumerate(DS_KEYS, 1):
    show(f"key {i} (used as its UTF-8 bytes, NOT base64-decoded)", k)
    show(f"COMPUTED X-DocuSign-Signature-{i}", hmac_b64(k.encode("utf-8"), DS_BODY))
show("x-authorization-digest", "HMACSHA256")

print()
print("All published vectors re-verified; all computed vectors printed.")
