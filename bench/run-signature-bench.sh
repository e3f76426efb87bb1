#!/usr/bin/env bash
# JWS sign and verify throughput (ops/s) per algorithm (RS256 2048, PS256 2048, ES256, EdDSA) and
# provider (JDK, Amazon Corretto Crypto Provider), one thread and all cores, through the keys
# module's JwsSigners, with the benchmark JVM's CPU time per operation beside each figure. JMH project: bench/keys-jmh (not a module of the root pom). See bench/README.md.
#
# Usage: bench/run-signature-bench.sh [--threads "1 2"] [--algorithms RS256,PS256,ES256,EdDSA]
#                                     [--providers JDK,ACCP] [--quick] [--skip-build] [--java PATH]
# Default run: 32 trials of ~9 s (1 fork, 3 x 1 s warm-up, 5 x 1 s measured), about 6 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS="1 $(nproc)"
ALGORITHMS="RS256,PS256,ES256,EdDSA"
PROVIDERS="JDK,ACCP"
JMH_TIMING=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
SKIP_BUILD=false
JAVA=java
while [ $# -gt 0 ]; do
    case "$1" in
        --threads) THREADS="$2"; shift 2 ;;
        --algorithms) ALGORITHMS="$2"; shift 2 ;;
        --providers) PROVIDERS="$2"; shift 2 ;;
        --quick) JMH_TIMING=(-f 1 -wi 1 -w 1s -i 2 -r 1s); shift ;;
        --skip-build) SKIP_BUILD=true; shift ;;
        --java) JAVA="$2"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (--help)" >&2; exit 2 ;;
    esac
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
JMH_PROJECT=bench/keys-jmh
if [ "$SKIP_BUILD" = false ]; then
    # the JMH project resolves satupintu-keys from the local repository
    ./mvnw -q -pl keys -am install -DskipTests
    ./mvnw -q -f "$JMH_PROJECT/pom.xml" package -DskipTests
fi
./mvnw -q -f "$JMH_PROJECT/pom.xml" dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$WORK/classpath.txt"
CP="$JMH_PROJECT/target/classes:$(cat "$WORK/classpath.txt")"

mkdir -p bench/results
REPORT="bench/results/signature-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
    echo "# signature bench $(date -u +%FT%TZ) on $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# java: $("$JAVA" -version 2>&1 | head -1)"
    echo "# code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- keys bench/keys-jmh || echo ' (with uncommitted changes)')"
    echo "# jmh: ${JMH_TIMING[*]} -p algorithm=$ALGORITHMS -p provider=$PROVIDERS; threads: $THREADS"
    for t in $THREADS; do
        echo "# threads $t, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
        "$JAVA" -cp "$CP" org.openjdk.jmh.Main 'id.satupintu.bench.keys.SignatureBenchmark' \
            "${JMH_TIMING[@]}" -t "$t" -jvmArgs '-Xms512m -Xmx512m' \
            -p algorithm="$ALGORITHMS" -p provider="$PROVIDERS" \
            -prof id.satupintu.bench.keys.CpuTimeProfiler -rf csv -rff "$WORK/threads-$t.csv"
        echo "# threads $t, load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    echo
    echo "## Summary"
    echo
    echo "ops/s: JMH throughput (± its 99.9% error), which follows the share of the cores the benchmark got."
    echo "CPU µs/op: the benchmark JVM's CPU time per operation (CpuTimeProfiler), which depends much less on it;"
    echo "1e6 / CPU µs/op is what one fully used core would sustain."
    echo
    echo "| algorithm | operation | threads | JDK ops/s | ACCP ops/s | ACCP / JDK | JDK CPU µs/op | ACCP CPU µs/op | ACCP / JDK per CPU-second |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    # CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: algorithm","Param: provider"
    # rows "…SignatureBenchmark.sign" (ops/s) and "…SignatureBenchmark.sign:cpu.us/op" (CpuTimeProfiler)
    cat "$WORK"/threads-*.csv | awk -F, '
        function figure(score, err) {
            if (score == "") return "–"
            return err ~ /^[0-9.]+$/ ? sprintf("%.0f ± %.0f", score, err) : sprintf("%.0f", score)
        }
        function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("%.1f×", a / b) : "–" }
        NR > 1 && $1 !~ /^"Benchmark"/ {
            sub(/\r$/, ""); gsub(/"/, "")
            name = $1; sub(/.*SignatureBenchmark\./, "", name)
            metric = name ~ /:cpu/ ? "cpu" : "ops"; op = name; sub(/:.*/, "", op)
            key = $8 SUBSEP op SUBSEP $3
            if (!(key in seen)) { seen[key] = 1; order[++n] = key }
            score[key, $9, metric] = $5; error[key, $9, metric] = $6
        }
        END {
            for (i = 1; i <= n; i++) {
                k = order[i]; split(k, p, SUBSEP)
                jdk = score[k, "JDK", "ops"]; accp = score[k, "ACCP", "ops"]
                jdkCpu = score[k, "JDK", "cpu"]; accpCpu = score[k, "ACCP", "cpu"]
                printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p[1], p[2], p[3],
                    figure(jdk, error[k, "JDK", "ops"]), figure(accp, error[k, "ACCP", "ops"]), ratio(accp, jdk),
                    jdkCpu == "" ? "–" : sprintf("%.1f", jdkCpu), accpCpu == "" ? "–" : sprintf("%.1f", accpCpu),
                    ratio(jdkCpu, accpCpu)
            }
        }'
    echo
    echo "# done $(date -u +%FT%TZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$REPORT"
echo "report: $REPORT"
