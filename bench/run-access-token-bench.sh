#!/usr/bin/env bash
# AccessTokenVerifier.verify throughput (ops/s) with a warm JWKS cache, per algorithm (RS256 2048,
# PS256 2048, ES256), one thread and all cores, with the benchmark JVM's CPU time per operation
# beside each figure. JMH project: bench/sdk-jmh (not a module of the root pom). See bench/README.md.
#
# Usage: bench/run-access-token-bench.sh [--threads "1 2"] [--algorithms RS256,PS256,ES256]
#                                        [--quick] [--skip-build] [--java PATH]
# Default run: 6 trials of ~9 s (1 fork, 3 x 1 s warm-up, 5 x 1 s measured), about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS="1 $(nproc)"
ALGORITHMS="RS256,PS256,ES256"
JMH_TIMING=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
SKIP_BUILD=false
JAVA=java
while [ $# -gt 0 ]; do
    case "$1" in
        --threads) THREADS="$2"; shift 2 ;;
        --algorithms) ALGORITHMS="$2"; shift 2 ;;
        --quick) JMH_TIMING=(-f 1 -wi 1 -w 1s -i 2 -r 1s); shift ;;
        --skip-build) SKIP_BUILD=true; shift ;;
        --java) JAVA="$2"; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (--help)" >&2; exit 2 ;;
    esac
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
JMH_PROJECT=bench/sdk-jmh
if [ "$SKIP_BUILD" = false ]; then
    # the core jar stays in sdk-java/core/target: nothing goes into the local repository
    ./mvnw -q -pl sdk-java/core -am package -DskipTests
fi
SDK_JAR="$(ls sdk-java/core/target/satupintu-sdk-core-*.jar | grep -v -e sources -e javadoc -e tests | head -1)"
if [ "$SKIP_BUILD" = false ]; then
    ./mvnw -q -f "$JMH_PROJECT/pom.xml" package -DskipTests -Dsdk.jar="$PWD/$SDK_JAR"
fi
./mvnw -q -f "$JMH_PROJECT/pom.xml" dependency:build-classpath -Dsdk.jar="$PWD/$SDK_JAR" \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt"
CP="$JMH_PROJECT/target/classes:$SDK_JAR:$(cat "$WORK/classpath.txt")"

mkdir -p bench/results
REPORT="bench/results/access-token-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
    echo "# access-token bench $(date -u +%FT%TZ) on $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# java: $("$JAVA" -version 2>&1 | head -1)"
    echo "# code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- sdk-java/core bench/sdk-jmh || echo ' (with uncommitted changes)')"
    echo "# jmh: ${JMH_TIMING[*]} -p algorithm=$ALGORITHMS; threads: $THREADS"
    for t in $THREADS; do
        echo "# threads $t, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
        "$JAVA" -cp "$CP" org.openjdk.jmh.Main 'id.satupintu.bench.sdk.AccessTokenBenchmark' \
            "${JMH_TIMING[@]}" -t "$t" -jvmArgs '-Xms512m -Xmx512m' -p algorithm="$ALGORITHMS" \
            -prof id.satupintu.bench.sdk.CpuTimeProfiler -rf csv -rff "$WORK/threads-$t.csv"
        echo "# threads $t, load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    echo
    echo "## Summary"
    echo
    echo "ops/s: JMH throughput (± its 99.9% error), which follows the share of the cores the benchmark got."
    echo "CPU µs/op: the benchmark JVM's CPU time per verification; 1e6 / CPU µs/op is one fully used core."
    echo
    echo "| algorithm | threads | ops/s | CPU µs/op | ops/s per core (1e6 / CPU µs/op) |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    # CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: algorithm"
    cat "$WORK"/threads-*.csv | awk -F, '
        NR > 1 && $1 !~ /^"Benchmark"/ {
            sub(/\r$/, ""); gsub(/"/, "")
            key = $8 SUBSEP $3
            if (!(key in seen)) { seen[key] = 1; order[++n] = key }
            if ($1 ~ /:cpu/) cpu[key] = $5; else { ops[key] = $5; err[key] = $6 }
        }
        END {
            for (i = 1; i <= n; i++) {
                k = order[i]; split(k, p, SUBSEP)
                figure = err[k] ~ /^[0-9.]+$/ ? sprintf("%.0f ± %.0f", ops[k], err[k]) : sprintf("%.0f", ops[k])
                # computed apart: a ">" inside printf arguments would redirect the output to a file
                perCore = (cpu[k] + 0 > 0) ? sprintf("%.0f", 1e6 / cpu[k]) : "–"
                cpuText = (cpu[k] == "") ? "–" : sprintf("%.1f", cpu[k])
                printf "| %s | %s | %s | %s | %s |\n", p[1], p[2], figure, cpuText, perCore
            }
        }'
    echo
    echo "# done $(date -u +%FT%TZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$REPORT"
echo "report: $REPORT"
