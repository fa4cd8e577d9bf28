#!/usr/bin/env bash
# Scale-out benchmark (docs/benchmarks.md): job wall time and throughput on one SQLite instance and on 1, 2 and 3
# instances of the packaged app sharing PostgreSQL. Needs TEST_DATABASE_URL=postgres://user:password@host:port/db of a
# role that may create databases (.ci/run sets one up; see docs/deployment.md).
#
#   TEST_DATABASE_URL=postgres://aitrader_ci:aitrader_ci@127.0.0.1:5432/aitrader_ci bench/scale-out.sh
#   REPEATS=3 bench/scale-out.sh      # more repetitions (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TEST_DATABASE_URL:?set TEST_DATABASE_URL (see the header of this script)}"
./mvnw -B -ntp verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ScaleOutBenchmark \
    -Drepeats="${REPEATS:-2}" 2>&1 | sed -n '/^| database/,/^\[/p' | grep '^|'
