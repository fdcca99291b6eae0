#!/usr/bin/env bash
# Prints the side-by-side table of docs/performance.md: the reference's measurements, single-threaded, one
# line per measurement "<name> TAB <elements> TAB <M elements per s>", the LeNet lines, then the ratios the
# performance goals are stated in. Builds what it needs first. Needs a JDK 17 and Maven on the path.
# Usage: benchmarks/quick.sh [--rounds N]   (more rounds: steadier best-of numbers on a busy machine)
#        benchmarks/quick.sh --sweep [--rounds N] [--repeats R] [--threads 1,2]
#          LeNet BER-sweep trials per second at each thread count, checking the results are identical
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests -Dmaven.javadoc.skip=true package -pl benchmarks -am >&2
if [[ "${1:-}" == "--sweep" ]]; then
    shift
    exec java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.mrfi.benchmarks.SweepScaling "$@"
fi
exec java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar dev.mrfi.benchmarks.QuickComparison "$@"
