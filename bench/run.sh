#!/usr/bin/env bash
# Benchmarks the packaged app (docs/benchmarks.md): starts it as a separate process on a free port with a temporary
# DATA_DIR and CONFIGS_DIR, drives it over HTTP and prints the table.
#
#   bench/run.sh                 # full run (several minutes on 2 cores)
#   bench/run.sh --quick         # fewer repetitions, smaller seeding: a smoke test of the script
#   bench/run.sh --app PATH      # PATH (a baseline jar, or a native executable) and this build side by side, one
#                                #   column each, the builds taking turns run by run; repeatable
#   bench/run.sh --only engine   # only the engine's targets: start-up, idle RSS, throughput (1, 10, 50 models)
#   BENCH_KEEP=1 bench/run.sh    # keep the temporary folder (app logs, databases) for inspection
#
# Packages the app only when target/quarkus-app/quarkus-run.jar or its class-data sharing archive (app-cds.jsa, which
# the README's run line maps) is missing; this build is always measured.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f target/quarkus-app/quarkus-run.jar || ! -f target/quarkus-app/app-cds.jsa ]]; then
    echo "Packaging the app (./mvnw -B -q package -DskipTests)..." >&2
    ./mvnw -B -q package -DskipTests
fi

# The client reads the database's logical size with the app's own SQLite driver (read-only).
SQLITE_JAR=$(ls target/quarkus-app/lib/main/org.xerial.sqlite-jdbc-*.jar | head -1)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx512m -cp "$SQLITE_JAR" bench/Bench.java "$@"
