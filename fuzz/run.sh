#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each) on stable Rust, without
# sanitizers, growing the committed corpus, then minimises it. Usage: fuzz/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in signature_header timestamp whole_request; do
  echo "== $target for ${seconds}s"
  cargo fuzz run -s none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=512 -print_final_stats=1 2>&1 \
    | grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss|==|SUMMARY|.*panicked)' || true
  cargo fuzz cmin -s none "$target" "corpus/$target" >/dev/null 2>&1 || true
done
