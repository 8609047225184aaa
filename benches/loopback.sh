#!/usr/bin/env bash
# Requests per second over loopback for a verified route and an unverified route returning the
# same bytes, 1 KiB bodies, with wrk (installed from Debian's packages if missing).
# The two routes alternate for `rounds` rounds and the median of each is reported, so a passing
# disturbance on this 2-core machine does not land on one route only.
# Usage: benches/loopback.sh [seconds=10] [connections=64] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-64}"
rounds="${3:-3}"
if ! command -v wrk >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
cargo build -q --release -p tower-webhook-harness --bin bench_server
port=3917
PORT=$port ./target/release/bench_server >/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1

body=$(python3 -c 'print("a" * 1024, end="")')
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "It's a Secret to Everybody" | awk '{print $2}')"
script=$(mktemp)
cat > "$script" <<LUA
wrk.method = "POST"
wrk.body = string.rep("a", 1024)
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Hub-Signature-256"] = "$signature"
LUA

run() {
  wrk -t1 -c"$connections" -d"${seconds}s" -s "$script" "http://127.0.0.1:$port$1" \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "NON-2XX " $0 > "/dev/stderr"}'
}
run /plain >/dev/null # warm-up
plain=()
verified=()
for _ in $(seq "$rounds"); do
  plain+=("$(run /plain)")
  verified+=("$(run /verified)")
done
echo "loopback, 1 KiB bodies, $connections connections, ${seconds}s per run, $rounds alternating rounds"
echo "(wrk -t1; server: 2 tokio workers; req/s of each round, then the median)"
python3 - "${plain[*]}" "${verified[*]}" <<'PY'
import statistics, sys
plain, verified = ([float(x) for x in arg.split()] for arg in sys.argv[1:])
p, v = statistics.median(plain), statistics.median(verified)
print(f"  unverified route: {' '.join(f'{x:.0f}' for x in plain)} -> {p:.0f} req/s")
print(f"  verified route:   {' '.join(f'{x:.0f}' for x in verified)} -> {v:.0f} req/s")
print(f"  ratio verified/unverified: {v / p:.3f}")
PY
