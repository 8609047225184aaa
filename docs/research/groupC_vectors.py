#!/usr/bin/env python3
"""groupC webhook signature vectors.

Run: python3 docs/research/groupC_vectors.py

For every provider this script
  * re-verifies the provider's own published vector (official SDK test / docs),
    asserting that our re-implementation reproduces it byte-for-byte, and/or
  * computes a deterministic vector following the provider's document literally
    (marked COMPUTED) where no published vector exists.

Only the Python standard library is used (hmac, hashlib, base64, json).
"""
import base64
import hashlib
import hmac
import json


def hmac_hex(alg, key: bytes, msg: bytes) -> str:
    return hmac.new(key, msg, alg).hexdigest()


def hmac_b64(alg, key: bytes, msg: bytes) -> str:
    return base64.b64encode(hmac.new(key, msg, alg).digest()).decode()


def b64url_nopad(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def show(provider, kind, **kv):
    print(f"== {provider} [{kind}]")
    for k, v in kv.items():
        print(f"   {k}: {v!r}")


# ---------------------------------------------------------------------------
# segment  (X-Signature = hex(HMAC-SHA1(sharedSecret, body)))  COMPUTED
# ---------------------------------------------------------------------------
def segment():
    secret = "abc123"  # same sharedSecret string the action-destinations test uses
    body = (b'{"version":1,"type":"track","userId":"019mr8mf4r","event":"Purchased an Item",'
            b'"properties":{"revenue":"39.95","shippingMethod":"2-day"},'
            b'"timestamp":"2012-12-02T00:30:08.276Z"}')
    sig = hmac_hex(hashlib.sha1, secret.encode(), body)
    assert len(sig) == 40
    show("segment", "COMPUTED", secret=secret, body=body.decode(), header_X_Signature=sig)


# ---------------------------------------------------------------------------
# box  (official vectors: box/box-node-sdk tests/lib/managers/webhooks-test.js)
# ---------------------------------------------------------------------------
def box():
    def sign(key: str, body: bytes, ts: str) -> str:
        return hmac_b64(hashlib.sha256, key.encode(), body + ts.encode())

    ts = "2020-01-01T00:00:00-07:00"
    pk, sk = "SamplePrimaryKey", "SampleSecondaryKey"
    body = (b'{"type":"webhook_event","webhook":{"id":"1234567890"},"trigger":"FILE.UPLOADED",'
            b'"source":{"id":"1234567890","type":"file","name":"Test.txt"}}')
    primary = "6TfeAW3A1PASkgboxxA5yqHNKOwFyMWuEXny/FPD5hI="
    secondary = "v+1CD1Jdo3muIcbpv5lxxgPglOqMfsNHPV899xWYydo="
    assert sign(pk, body, ts) == primary
    assert sign(sk, body, ts) == secondary
    show("box", "OFFICIAL", primary_key=pk, secondary_key=sk, box_delivery_timestamp=ts,
         body=body.decode(), box_signature_primary=primary, box_signature_secondary=secondary)

    # The remaining SDK vectors are for bodies the SDK re-serialises from a parsed
    # object (JSON.stringify + \uXXXX-escaping of U+007F..U+FFFF in lower-case hex
    # + "/" -> "\/", i.e. PHP json_encode style).  The bytes below are exactly the
    # bytes that get signed (= what Box puts on the wire).
    extra = [
        ("japanese",
         '{"webhook":{"id":"1234567890"},"trigger":"FILE.UPLOADED","source":{"id":"1234567890",'
         '"type":"file","name":"\\u30b9\\u30af\\u30ea\\u30fc\\u30f3\\u30b7\\u30e7\\u30c3\\u30c8 2020-08-05.txt"}}',
         "LV2uCu+5NJtIHrCXDYgZ0v/PP5THGRuegw3RtdnEyuE="),
        ("emoji",
         '{"webhook":{"id":"1234567890"},"trigger":"FILE.UPLOADED","source":{"id":"1234567890",'
         '"type":"file","name":"\\ud83d\\ude00 2020-08-05.txt"}}',
         "xF/SDZosX4le+v4A0Qn59sZhuD1RqY5KRUKzVMSbh0E="),
        ("url",
         '{"webhook":{"id":"1234567890"},"trigger":"FILE.UPLOADED","source":{"id":"1234567890",'
         '"type":"file","name":"Test.txt","shared_link":{"url":"https:\\/\\/app.test.com\\/s\\/test123"}}}',
         "+hKJH+wxkEBpkQRag11Ij1Wh4+7QrgUeRe0PPSoGWOI="),
        ("carriage_return",
         '{"webhook":{"id":"1234567890"},"trigger":"FILE.UPLOADED","source":{"id":"1234567890",'
         '"type":"file","name":"test \\r"}}',
         "SVkbKgy3dEEf2PbbzpNu2lDZS7zZ/aboU7HOZgBGrJk="),
    ]
    for name, b, expected in extra:
        bb = b.encode()
        assert bb.isascii()
        assert sign(pk, bb, ts) == expected, name
        show("box", f"OFFICIAL/{name}", primary_key=pk, box_delivery_timestamp=ts,
             signed_body=b, box_signature_primary=expected)


# ---------------------------------------------------------------------------
# jira  (X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>)  COMPUTED
# ---------------------------------------------------------------------------
def jira():
    secret = "jira-admin-webhook-secret"
    body = (b'{"timestamp":1714000000000,"webhookEvent":"jira:issue_created",'
            b'"issue":{"id":"10001","key":"TEST-1"}}')
    header = "sha256=" + hmac_hex(hashlib.sha256, secret.encode(), body)
    show("jira", "COMPUTED", secret=secret, body=body.decode(), header_X_Hub_Signature=header,
         header_X_Atlassian_Webhook_Identifier="(any, e.g. 'abc-123')")


# ---------------------------------------------------------------------------
# pagerduty  (official vector: PagerDuty/go-pagerduty webhookv3/webhookv3_test.go)
# ---------------------------------------------------------------------------
PD_SECRET = "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK"
PD_BODY = (
    '{"event":{"id":"01BWDWL3NYY7LUFPZCC28QUCMK","event_type":"incident.priority_updated",'
    '"resource_type":"incident","occurred_at":"2021-04-26T17:36:27.458Z","agent":{"html_url":'
    '"https://acme.pagerduty.com/users/PLH1HKV","id":"PLH1HKV","self":"https://api.pagerduty.com/users/PLH1HKV",'
    '"summary":"Tenex Engineer","type":"user_reference"},"client":null,"data":{"id":"PGR0VU2","type":"incident",'
    '"self":"https://api.pagerduty.com/incidents/PGR0VU2","html_url":"https://acme.pagerduty.com/incidents/PGR0VU2",'
    '"number":2,"status":"triggered","title":"A little bump in the road","service":{"html_url":'
    '"https://acme.pagerduty.com/services/PF9KMXH","id":"PF9KMXH","self":"https://api.pagerduty.com/services/PF9KMXH",'
    '"summary":"API Service","type":"service_reference"},"assignees":[{"html_url":'
    '"https://acme.pagerduty.com/users/PTUXL6G","id":"PTUXL6G","self":"https://api.pagerduty.com/users/PTUXL6G",'
    '"summary":"User 123","type":"user_reference"}],"escalation_policy":{"html_url":'
    '"https://acme.pagerduty.com/escalation_policies/PUS0KTE","id":"PUS0KTE","self":'
    '"https://api.pagerduty.com/escalation_policies/PUS0KTE","summary":"Default","type":'
    '"escalation_policy_reference"},"teams":[{"html_url":"https://acme.pagerduty.com/teams/PFCVPS0","id":"PFCVPS0",'
    '"self":"https://api.pagerduty.com/teams/PFCVPS0","summary":"Engineering","type":"team_reference"}],'
    '"priority":{"html_url":"https://acme.pagerduty.com/account/incident_priorities","id":"PSO75BM","self":'
    '"https://api.pagerduty.com/priorities/PSO75BM","summary":"P1","type":"priority_reference"},"urgency":"high",'
    '"conference_bridge":{"conference_number":1000,"conference_url":"https://example.com"},"resolve_reason":null}}}'
)


def pagerduty():
    body = PD_BODY.encode()
    assert len(body) == 1655
    valid = "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd"
    mismatch = "v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5"
    ours = "v1=" + hmac_hex(hashlib.sha256, PD_SECRET.encode(), body)
    assert ours == valid
    assert ours != mismatch
    # multi-signature header, comma separated (rotation); one valid entry suffices
    multi = mismatch + "," + valid
    assert any(hmac.compare_digest(s, ours) for s in multi.split(","))
    show("pagerduty", "OFFICIAL", secret=PD_SECRET, body_len=len(body),
         body_sha256=hashlib.sha256(body).hexdigest(), header_valid=valid,
         header_mismatch_must_fail=mismatch, header_multi_example=multi)


# ---------------------------------------------------------------------------
# Standard Webhooks / Svix core (used by polar, clerk, resend)
# ---------------------------------------------------------------------------
def stdwh_sign(key: bytes, msg_id: str, ts: int, body: bytes) -> str:
    to_sign = msg_id.encode() + b"." + str(ts).encode() + b"." + body
    return "v1," + hmac_b64(hashlib.sha256, key, to_sign)


def stdwh_key(secret: str) -> bytes:
    """Standard Webhooks / Svix: strip 'whsec_' and base64-decode the rest."""
    if secret.startswith("whsec_"):
        secret = secret[len("whsec_"):]
    return base64.b64decode(secret)


SVIX_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SVIX_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SVIX_TS = 1614265330
SVIX_BODY = b'{"test": 2432232314}'
SVIX_EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def svix_core():
    got = stdwh_sign(stdwh_key(SVIX_SECRET), SVIX_ID, SVIX_TS, SVIX_BODY)
    assert got == SVIX_EXPECTED, got
    # "invalid" vector from svix python tests: last base64 char changed
    assert got != "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="
    return got


def clerk():
    got = svix_core()
    show("clerk", "OFFICIAL (Svix SDK vector; Clerk delivers via Svix)", secret=SVIX_SECRET,
         svix_id=SVIX_ID, svix_timestamp=str(SVIX_TS), body=SVIX_BODY.decode(), svix_signature=got)
    body = b'{"data":{"id":"user_123","object":"user"},"object":"event","type":"user.created"}'
    sig = stdwh_sign(stdwh_key(SVIX_SECRET), "msg_2abcCLERK", 1700000000, body)
    # multiple signatures are space separated; only v1 entries count
    header = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + sig
    show("clerk", "COMPUTED", secret=SVIX_SECRET, svix_id="msg_2abcCLERK",
         svix_timestamp="1700000000", body=body.decode(), svix_signature=sig,
         svix_signature_multi_example=header)


def resend():
    got = svix_core()
    show("resend", "OFFICIAL (Svix SDK vector; same secret string as resend-node test)",
         secret=SVIX_SECRET, svix_id=SVIX_ID, svix_timestamp=str(SVIX_TS),
         body=SVIX_BODY.decode(), svix_signature=got)
    body = b'{"type":"email.sent","data":{"id":"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"}}'
    sig = stdwh_sign(stdwh_key(SVIX_SECRET), "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", 1700000000, body)
    show("resend", "COMPUTED", secret=SVIX_SECRET, svix_id="msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
         svix_timestamp="1700000000", body=body.decode(), svix_signature=sig)


# ---------------------------------------------------------------------------
# polar  (Standard Webhooks envelope; key derivation differs for legacy secrets)
# ---------------------------------------------------------------------------
def polar():
    # Legacy scheme (all secrets generated before 2026-09-08 per polarsource/polar
    # server/polar/webhook/constants.py WEBHOOK_STANDARD_SIGNATURE_CUTOFF):
    # HMAC key = UTF-8 bytes of the FULL secret string, including "whsec_".
    # (Server: StandardWebhook(base64.b64encode(secret.encode())); SDK does the same.)
    secret = "whsec_legacyPolarToken"  # string used in Polar's own server test
    msg_id, ts, body = "msg_1", 1700000000, b'{"foo":"bar"}'
    legacy = stdwh_sign(secret.encode("utf-8"), msg_id, ts, body)
    # identical to what polar_sdk.webhooks.validate_event does:
    via_sdk_path = stdwh_sign(base64.b64decode(base64.b64encode(secret.encode())), msg_id, ts, body)
    assert legacy == via_sdk_path
    # a naive Standard-Webhooks verifier (strip whsec_, b64-decode) gets a different key:
    naive_key = base64.b64decode("legacyPolarToken" + "==")
    assert stdwh_sign(naive_key, msg_id, ts, body) != legacy
    show("polar", "COMPUTED legacy (key = utf8(full secret))", secret=secret,
         webhook_id=msg_id, webhook_timestamp=str(ts), body=body.decode(), webhook_signature=legacy)

    # Published example secret format from Polar's API schema (EndpointSecret example)
    ex_secret = "whsec_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK"
    ex_sig = stdwh_sign(ex_secret.encode(), msg_id, ts, body)
    show("polar", "COMPUTED legacy with schema-example secret", secret=ex_secret,
         webhook_id=msg_id, webhook_timestamp=str(ts), body=body.decode(), webhook_signature=ex_sig)

    # New scheme (secret_generated_at >= 2026-09-08): spec-conformant,
    # secret = "whsec_" + base64(32 random bytes), key = base64-decode(remainder).
    key = bytes(range(32))
    new_secret = "whsec_" + base64.b64encode(key).decode()
    new_sig = stdwh_sign(stdwh_key(new_secret), msg_id, ts, body)
    show("polar", "COMPUTED standard (post-cutoff secrets)", secret=new_secret,
         webhook_id=msg_id, webhook_timestamp=str(ts), body=body.decode(), webhook_signature=new_sig)


# ---------------------------------------------------------------------------
# workos  (WorkOS-Signature: "t=<ms>, v1=<hex HMAC-SHA256(secret, t + '.' + body)>")
# ---------------------------------------------------------------------------
def workos():
    secret = "LJlTiC19GmCKWs8AE0IaOQcos"  # secret string from workos-ruby doc example
    t = "1626125972272"                   # ms timestamp from the same doc example
    body = b'{"id":"wh_123","data":{"id":"directory_user_01FAEAJCR3ZBZ30D8BD1924TVG","state":"active"},"event":"dsync.user.created"}'
    sig = hmac_hex(hashlib.sha256, secret.encode(), t.encode() + b"." + body)
    header = f"t={t}, v1={sig}"
    show("workos", "COMPUTED", secret=secret, body=body.decode(), header_WorkOS_Signature=header)


# ---------------------------------------------------------------------------
# sanity  (official vectors: sanity-io/webhook-toolkit test/signature.test.ts)
# sanity-webhook-signature: "t=<ms>,v1=<base64url-nopad HMAC-SHA256(secret, t + '.' + body)>"
# ---------------------------------------------------------------------------
def sanity():
    def enc(body: bytes, t: int, secret: str) -> str:
        mac = hmac.new(secret.encode(), str(t).encode() + b"." + body, hashlib.sha256).digest()
        return f"t={t},v1={b64url_nopad(mac)}"

    body1 = json.dumps({"_id": "resume"}, separators=(",", ":")).encode()
    assert body1 == b'{"_id":"resume"}'
    h1 = "t=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0"
    assert enc(body1, 1633519811129, "test") == h1
    # negative cases from the same test file
    assert enc(body1, 1633519811128, "test") != "t=1633519811128,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0"
    assert enc(b'{"_id":"structure"}', 1633519811129, "test") != h1
    show("sanity", "OFFICIAL", secret="test", body=body1.decode(), header=h1)

    body2 = b'{"title":"GROQ-Hooks are neat"}'
    h2 = "t=1633518820676,v1=e7C9h2sfbFfc4V7TEz7PSOp4IoNzl0UdVsBV-1wgdeA"
    assert enc(body2, 1633518820676, "try-me") == h2
    show("sanity", "OFFICIAL (encodeSignatureHeader)", secret="try-me", body=body2.decode(), header=h2)


# ---------------------------------------------------------------------------
# cal_com  (X-Cal-Signature-256 = hex(HMAC-SHA256(secret, body)))  COMPUTED
# ---------------------------------------------------------------------------
def cal_com():
    secret = "cal-webhook-secret"
    body = (b'{"triggerEvent":"BOOKING_CREATED","createdAt":"2023-05-24T09:30:00.538Z",'
            b'"payload":{"type":"30min","title":"30 Min Meeting between A and B"}}')
    sig = hmac_hex(hashlib.sha256, secret.encode(), body)
    show("cal_com", "COMPUTED", secret=secret, body=body.decode(), header_X_Cal_Signature_256=sig,
         header_X_Cal_Webhook_Version="2021-10-20",
         note="with no secret configured Cal.com sends the literal 'no-secret-provided'")


# ---------------------------------------------------------------------------
# heroku  (Heroku-Webhook-Hmac-SHA256 = base64(HMAC-SHA256(secret, body)))  COMPUTED
# ---------------------------------------------------------------------------
def heroku():
    secret = "12345"
    body = b'{"action":"update","resource":"build","data":{"status":"succeeded"}}'
    sig = hmac_b64(hashlib.sha256, secret.encode(), body)
    show("heroku", "COMPUTED", secret=secret, body=body.decode(), header_Heroku_Webhook_Hmac_SHA256=sig)


# ---------------------------------------------------------------------------
# netlify  (X-Webhook-Signature = compact JWS HS256; claims iss="netlify",
#           sha256=hex(SHA-256(body)); key = UTF-8 JWS secret)  COMPUTED
# ---------------------------------------------------------------------------
def netlify_sign(secret: str, body: bytes) -> str:
    hdr = b64url_nopad(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    claims = {"iss": "netlify", "sha256": hashlib.sha256(body).hexdigest()}
    pl = b64url_nopad(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{hdr}.{pl}".encode()
    sig = b64url_nopad(hmac.new(secret.encode(), signing_input, hashlib.sha256).digest())
    return f"{hdr}.{pl}.{sig}"


def netlify_verify(secret: str, body: bytes, token: str) -> bool:
    h, p, s = token.split(".")
    pad = lambda x: x + "=" * (-len(x) % 4)
    header = json.loads(base64.urlsafe_b64decode(pad(h)))
    if header.get("alg") != "HS256":
        return False
    exp = b64url_nopad(hmac.new(secret.encode(), f"{h}.{p}".encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(exp, s):
        return False
    claims = json.loads(base64.urlsafe_b64decode(pad(p)))
    return claims.get("iss") == "netlify" and hmac.compare_digest(
        claims.get("sha256", ""), hashlib.sha256(body).hexdigest())


def netlify():
    secret = "netlify-jws-secret"
    body = b'{"id":"5ebc34bf4fea0b01f02efa3a","site_id":"fa4dd95a-994e-4f89-8a7a-2d9e9fc36a32","state":"ready"}'
    tok = netlify_sign(secret, body)
    assert netlify_verify(secret, body, tok)
    assert not netlify_verify(secret, body + b" ", tok)
    assert not netlify_verify("wrong", body, tok)
    show("netlify", "COMPUTED", secret=secret, body=body.decode(),
         body_sha256_hex=hashlib.sha256(body).hexdigest(), header_X_Webhook_Signature=tok)


if __name__ == "__main__":
    segment()
    box()
    jira()
    pagerduty()
    polar()
    workos()
    sanity()
    clerk()
    resend()
    cal_com()
    heroku()
    netlify()
    print("ALL PUBLISHED VECTORS RE-VERIFIED OK")
