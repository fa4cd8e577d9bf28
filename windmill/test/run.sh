#!/usr/bin/env bash
# Tests of the Windmill folder (windmill/), run by .ci/run after `./mvnw verify`:
#   wmill lint; schemas, lock hashes and a `wmill sync push --dry-run` with the real CLI against a fake Windmill
#   API on loopback; `deno check` of every script; `deno test` of each script's main and of the flow against the
#   packaged app (started here on a free port, DATA_DIR in a temp dir: offline sample prices, default config),
#   with windmill-client mocked through WM_MOCKED_API_FILE and the notification's SMTP server and webhook stood in
#   for on loopback (stand_ins.ts; the SMTP client and server name themselves after the host: --allow-sys=hostname).
# Needs: `npm ci --prefix windmill/test` (CLI, client, Deno) and target/quarkus-app/quarkus-run.jar. Builds nothing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WINDMILL="$(dirname "$HERE")"
ROOT="$(dirname "$WINDMILL")"
BIN="$HERE/node_modules/.bin"
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -x "$BIN/wmill" || ! -x "$BIN/deno" ]]; then
  echo "windmill/test/run.sh: tools missing; install them with: npm ci --prefix windmill/test" >&2
  exit 1
fi
if [[ ! -f "$JAR" ]]; then
  echo "windmill/test/run.sh: $JAR is missing; package the app first (./mvnw package)" >&2
  exit 1
fi

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

export WMILL_CONFIG_DIR="$WORK/wmill-config" # the CLI keeps its profiles here, not in the home directory
export DENO_NO_UPDATE_CHECK=1
export NO_COLOR=1
passed=0
failed=0

# check NAME COMMAND...: runs a check, shows its output only when it fails.
check() {
  local name="$1"
  shift
  if "$@" >"$WORK/check.log" 2>&1; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    sed 's/^/     /' "$WORK/check.log"
    failed=$((failed + 1))
  fi
}

# copy_folder DEST: the deployable part of windmill/ (what `wmill sync push` reads), without the tests.
copy_folder() {
  mkdir -p "$1" &&
    cp -r "$WINDMILL"/wmill.yaml "$WINDMILL"/wmill-lock.yaml "$WINDMILL"/rt.d.ts "$WINDMILL"/*.resource-type.yaml \
    "$WINDMILL"/f "$1"/
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# --- Windmill CLI --------------------------------------------------------------------------------------------
lint() { (cd "$WINDMILL" && "$BIN/wmill" lint --fail-on-warn); }
check "wmill lint" lint

node "$HERE/fake_windmill.mjs" >"$WORK/fake.port" &
PIDS+=($!)
for _ in $(seq 1 50); do [[ -s "$WORK/fake.port" ]] && break; sleep 0.1; done
FAKE=(--base-url "http://127.0.0.1:$(cat "$WORK/fake.port")" --workspace ci --token ci)

# Each check function chains with && : `set -e` does not apply inside `if`.
schemas() {
  copy_folder "$WORK/schemas" &&
    rm "$WORK/schemas/wmill-lock.yaml" "$WORK"/schemas/f/ai_trader/*.script.yaml &&
    (cd "$WORK/schemas" && "$BIN/wmill" generate-metadata --schema-only --skip-flows --yes "${FAKE[@]}") &&
    node "$HERE/cli_checks.mjs" schemas "$WINDMILL/f" "$WORK/schemas/f"
}
check "script schemas match wmill generate-metadata" schemas

lock_hashes() {
  copy_folder "$WORK/rehash" &&
    rm "$WORK/rehash/wmill-lock.yaml" &&
    (cd "$WORK/rehash" && "$BIN/wmill" generate-metadata rehash) &&
    node "$HERE/cli_checks.mjs" lock "$WINDMILL/wmill-lock.yaml" "$WORK/rehash/wmill-lock.yaml"
}
check "wmill-lock.yaml matches wmill generate-metadata rehash" lock_hashes

push_dry_run() {
  copy_folder "$WORK/push" &&
    (cd "$WORK/push" && "$BIN/wmill" sync push --dry-run "${FAKE[@]}") >"$WORK/push.log" 2>&1 &&
    node "$HERE/cli_checks.mjs" push "$WORK/push.log" "$WORK/push" ||
    { cat "$WORK/push.log"; return 1; }
}
check "wmill sync push --dry-run plans every file" push_dry_run

# --- Deno ----------------------------------------------------------------------------------------------------
deno_check() { "$BIN/deno" check --config "$HERE/deno.json" "$WINDMILL"/f/ai_trader/*.ts "$HERE"/*.ts; }
check "deno check" deno_check
deno_fmt() { "$BIN/deno" fmt --check --config "$HERE/deno.json" "$WINDMILL"/f/ai_trader/*.ts "$HERE"/*.ts "$HERE"/*.mjs; }
check "deno fmt --check" deno_fmt

# --- the packaged app ----------------------------------------------------------------------------------------
PORT="$(free_port)"
mkdir -p "$WORK/data"
(
  cd "$ROOT"
  unset ALPHAADVANTAGE_API_KEY CONFIG_OVERRIDE_PATH API_KEYS API_KEYS_FILE
  export DATA_DIR="$WORK/data" CONFIGS_DIR=configs DEFAULT_CONFIG_PATH=configs/default_config.json \
    MAX_SIMULATION_DAYS=30 MAX_CONCURRENT_JOBS=1 AUTO_DOWNLOAD_PRICE_DATA=false SCHEDULE_CRON=off
  exec "$JAVA" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -jar "$JAR"
) >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
ready=false
for _ in $(seq 1 240); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
  if curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then ready=true; break; fi
  sleep 0.5
done
if [[ "$ready" != true ]]; then
  echo "FAIL the packaged app did not start on port $PORT; its log:"
  tail -50 "$WORK/app.log"
  echo "windmill: $passed passed, $((failed + 1)) failed"
  exit 1
fi

cat >"$WORK/mocked_api.json" <<'EOF'
{
  "variables": {},
  "resources": {
    "f/ai_trader/current_job": {"job_id": null, "seeded_by": "run.sh"},
    "f/ai_trader/simulation_results": {"models": {}, "seeded_by": "run.sh"}
  }
}
EOF
set +e
(
  cd "$HERE"
  # Anything not in the mocked file would fall back to the real Windmill API: point it at a closed port.
  TRADER_URL="http://127.0.0.1:$PORT" REPORT_OUT="${REPORT_OUT:-}" WM_MOCKED_API_FILE="$WORK/mocked_api.json" \
    BASE_INTERNAL_URL="http://127.0.0.1:9" WM_WORKSPACE=ci WM_TOKEN=ci \
    "$BIN/deno" test --config "$HERE/deno.json" --allow-net=127.0.0.1 --allow-env --allow-read --allow-sys=hostname \
    ${REPORT_OUT:+--allow-write="$REPORT_OUT"} windmill_test.ts
) 2>&1 | tee "$WORK/deno.log"
deno_status=${PIPESTATUS[0]}
set -e
summary="$(sed 's/\x1b\[[0-9;]*m//g' "$WORK/deno.log" | grep -E '^(ok|FAILED) \| [0-9]+ passed' | tail -1 || true)"
if [[ "$summary" =~ ([0-9]+)\ passed.*\|\ ([0-9]+)\ failed ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
fi
if [[ $deno_status -ne 0 ]]; then
  [[ "$summary" =~ [1-9][0-9]*\ failed ]] || failed=$((failed + 1))
  echo "--- last lines of the app's log"
  tail -30 "$WORK/app.log"
fi

echo "windmill: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
