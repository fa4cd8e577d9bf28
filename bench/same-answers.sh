#!/usr/bin/env bash
# bench/same-answers.sh OLD_JAR NEW_JAR: do two builds give a user the same answers? (docs/benchmarks.md)
# Runs the default config's enabled models (mocks, baselines) over 2025-10-01..2025-10-21 on two builds, one after
# the other, and compares byte for byte what a user sees: /results?detail=full per day, /reasoning?full=true per
# model-day (prompts, tool calls and results) and /performance, with ids and timestamps removed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${BENCH_OUT:-$(mktemp -d)}"
[[ $# -eq 2 ]] || { echo "usage: bench/same-answers.sh OLD_JAR NEW_JAR" >&2; exit 2; }
run() {
  local jar=$1 out=$2 port=$3
  rm -rf "$out" && mkdir -p "$out/data"
  env -u TEST_DATABASE_URL -u DATABASE_URL DATA_DIR="$out/data" CONFIGS_DIR="$ROOT/configs" API_PORT=$port \
    java -jar "$jar" > "$out/app.log" 2>&1 &
  local pid=$!
  for i in $(seq 1 60); do curl -sf localhost:$port/health >/dev/null 2>&1 && break; sleep 1; done
  job=$(curl -s -XPOST localhost:$port/simulate/trigger -H 'content-type: application/json' \
    -d '{"config_path":"configs/default_config.json","start_date":"2025-10-01","end_date":"2025-10-21"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])')
  for i in $(seq 1 120); do
    s=$(curl -s localhost:$port/simulate/status/$job | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [[ $s == completed || $s == partial || $s == failed ]] && break; sleep 1
  done
  echo "$jar: $s" >&2
  for d in $(curl -s localhost:$port/simulate/status/$job | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["date_range"]))'); do
    curl -s "localhost:$port/results?date=$d&detail=full" >> "$out/results.jsonl"; echo >> "$out/results.jsonl"
    for m in mock-trader mock-contrarian baseline-qqq baseline-equal; do
      curl -s "localhost:$port/reasoning?job_id=$job&date=$d&model=$m&full=true" >> "$out/reasoning.jsonl"; echo >> "$out/reasoning.jsonl"
    done
  done
  curl -s "localhost:$port/performance?start_date=2025-10-01&end_date=2025-10-21" > "$out/performance.json"
  kill $pid; wait $pid 2>/dev/null || true
  # ids and times differ between any two runs; everything else is compared as the server wrote it
  for f in results.jsonl reasoning.jsonl performance.json; do
    sed -E 's/"(job_id|id|timestamp|started_at|completed_at|created_at|generated_at)":("[^"]*"|[0-9]+)//g' \
      "$out/$f" > "$out/$f.same"
  done
}
run "$1" "$OUT/base" 18111
run "$2" "$OUT/new" 18112
differs=0
for f in results.jsonl.same reasoning.jsonl.same performance.json.same; do
  if cmp -s "$OUT/base/$f" "$OUT/new/$f"; then
    echo "$f: identical ($(wc -c < "$OUT/new/$f") bytes)"
  else
    differs=1
    echo "$f: DIFFERS"
    diff <(tr ',' '\n' < "$OUT/base/$f") <(tr ',' '\n' < "$OUT/new/$f") | head -20
  fi
done
exit $differs
