#!/usr/bin/env bash
# NIK look-ups per second through the HTTP registry connector (mutual TLS, retries, circuit
# breaker, positive look-up cache) against the registry simulator, with a cold and a warm cache,
# in memory-cache and Redis-cache modes. One JVM runs both the simulator and the connector; Redis
# is the embedded one the tests use, on loopback. See bench/README.md.
#
# Usage: bench/run-registry-lookup-bench.sh [records] [threads] [warm-seconds] [memory|redis|both]
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS="${1:-20000}"
THREADS="${2:-8}"
SECONDS_WARM="${3:-15}"
CACHES="${4:-both}"
[ "$CACHES" = both ] && CACHES="memory redis"

CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -q -pl idp-server -am test-compile
./mvnw -q -pl idp-server -am dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP="idp-server/target/test-classes:idp-server/target/classes:keys/target/classes:$(cat "$CP_FILE")"

mkdir -p bench/results
REPORT="bench/results/registry-lookup-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
    echo "# registry look-up bench $(date -u +%FT%TZ) on $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# java: $(java -version 2>&1 | head -1)"
    echo "# code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- idp-server || echo ' (with uncommitted changes)')"
    for cache in $CACHES; do
        java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$CP" \
            id.satupintu.idp.registry.http.RegistryLookupBench "$RECORDS" "$THREADS" "$SECONDS_WARM" "$cache" \
            2> >(grep -v -E '^(SLF4J|[0-9:. ]+\[)' >&2)
        echo "# load after $cache: $(cut -d' ' -f1-3 /proc/loadavg)"
    done
} | tee "$REPORT"
echo "report: $REPORT"
