#!/usr/bin/env bash
# Full authorization-code flows per second (browser login with Argon2id + consent + code exchange)
# on one SatuPintu node: starts the server like run-token-bench.sh, then runs
# bench/CodeFlowLoad.java against it. Stops everything it started. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DURATION=30          # measured seconds
WARMUP=15            # warm-up seconds inside the driver; not counted
FLOW_THREADS=8       # concurrent browsers
DRIVER_FLAGS="-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1"
SAVE=1

usage() {
    cat <<EOF
Usage: bench/run-codeflow-bench.sh [options]
  --duration S       measured seconds (default $DURATION)
  --warmup S         warm-up seconds (default $WARMUP)
  --flow-threads N   concurrent browsers in the driver (default $FLOW_THREADS)
  --demo-client      use the seeded demo-portal client (redirect http://127.0.0.1:8081/callback)
                     instead of registering one through dynamic registration
  --no-save          do not write the result file under bench/results/
EOF
    common_usage
}

while [ $# -gt 0 ]; do
    parse_common_option "$@"
    if [ "$CONSUMED" -gt 0 ]; then shift "$CONSUMED"; continue; fi
    case "$1" in
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --flow-threads) FLOW_THREADS="$2"; shift 2 ;;
        --demo-client) export BENCH_CLIENT_ID=demo-portal BENCH_CLIENT_SECRET=demo-portal-secret \
                BENCH_REDIRECT_URI=http://127.0.0.1:8081/callback; shift ;;
        --no-save) SAVE=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option $1" ;;
    esac
done

need_root_or_pkg curl curl
build_server
make_tmp
start_server

# the driver is compiled once here so that its compilation does not run during the measurement
mkdir -p "$BENCH_TMP/driver"
JAVAC="$(dirname "$(readlink -f "$(command -v "$JAVA_BIN")")")/javac"
[ -x "$JAVAC" ] || JAVAC=javac
"$JAVAC" -d "$BENCH_TMP/driver" "$BENCH_DIR/CodeFlowLoad.java" || die "could not compile bench/CodeFlowLoad.java"

log "driver: CodeFlowLoad $BASE_URL $FLOW_THREADS threads, ${DURATION}s (warm-up ${WARMUP}s)"
profile_start
ticks0="$(machine_ticks)"; srv0="$(cpu_seconds "$SERVER_PID")"; st0="$(stores_cpu_seconds)"; start_ns=$(date +%s%N)
TIMEFORMAT='%U %S'
set +e
# shellcheck disable=SC2086
{ time SATUPINTU_ADMIN_CLIENT_ID="$ADMIN_CLIENT_ID" SATUPINTU_ADMIN_CLIENT_SECRET="$ADMIN_CLIENT_SECRET" \
    timeout $((WARMUP + DURATION + 120)) "$JAVA_BIN" $DRIVER_FLAGS -cp "$BENCH_TMP/driver" CodeFlowLoad \
    "$BASE_URL" "$FLOW_THREADS" "$DURATION" "$WARMUP" >"$BENCH_TMP/driver.txt" 2>&1 ; } 2>"$BENCH_TMP/driver.time"
driver_rc=$?
set -e
end_ns=$(date +%s%N); ticks1="$(machine_ticks)"; srv1="$(cpu_seconds "$SERVER_PID")"; st1="$(stores_cpu_seconds)"
profile_stop
# the load figure covers warm-up and measurement alike (one driver process)
wall=$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
gen_cpu=$(awk '{ print $1 + $2 }' "$BENCH_TMP/driver.time" 2>/dev/null || echo 0)
srv_cpu=$(awk -v a="$srv0" -v b="$srv1" 'BEGIN { print b - a }')
st_cpu=$(awk -v a="$st0" -v b="$st1" 'BEGIN { print b - a }')
LOAD_LINE="$(describe_load "$ticks0" "$ticks1" "$srv_cpu" "$st_cpu" "$gen_cpu" "$wall")"

RESULT_LINE="$(grep '^RESULT' "$BENCH_TMP/driver.txt" || true)"
# flows of the warm-up, the measured phase and the first probe flow all used the server's CPU
FLOWS_ALL="$(sed -n -e 's/^warm-up: \([0-9]*\) flows.*/\1/p' -e 's/^RESULT flows=\([0-9]*\).*/\1/p' "$BENCH_TMP/driver.txt" \
    | awk '{ s += $1 } END { print s + 1 }')"
CPU_LINE="$(awk -v cpu="$srv_cpu" -v n="$FLOWS_ALL" 'BEGIN { if (n <= 1 || cpu <= 0) { print "n/a"; exit }
    printf "%.0f ms of server CPU per flow, approx. (%.1f flows/s per fully used core)", 1000 * cpu / n, n / cpu }')"
REPORT="$BENCH_TMP/report.txt"
{
    echo "# full authorization-code flows: bench/run-codeflow-bench.sh"
    describe_environment
    echo "jar:         $(basename "$JAR")"
    echo "load tool:   bench/CodeFlowLoad.java, $FLOW_THREADS threads, ${DURATION}s (warm-up ${WARMUP}s), driver JVM flags $DRIVER_FLAGS"
    echo "flow:        authorize (PKCE S256) -> login page -> POST NIK+password (Argon2id) -> authorize -> [consent] -> code -> POST /oauth2/token"
    echo "client:      $(sed -n 's/^client: //p' "$BENCH_TMP/driver.txt" | head -1)"
    echo "load:        $LOAD_LINE (warm-up included)"
    echo "server cpu:  $CPU_LINE"
    describe_stores
    echo
    if [ -n "$RESULT_LINE" ]; then
        echo "$RESULT_LINE" | awk '{
            for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
            printf "RESULT: flows/s %s (%s flows, %s errors)  p50 %s ms  p90 %s ms  p99 %s ms  max %s ms\n",
                v["flows_per_s"], v["flows"], v["errors"], v["p50_ms"], v["p90_ms"], v["p99_ms"], v["max_ms"] }'
    else
        echo "RESULT: none (driver exit code $driver_rc)"
    fi
    echo
    echo "## driver output"
    cat "$BENCH_TMP/driver.txt"
    describe_profile
} >"$REPORT"
cat "$REPORT"
if [ "$SAVE" = 1 ] && [ -n "$RESULT_LINE" ]; then
    mkdir -p "$BENCH_DIR/results"
    out="$BENCH_DIR/results/codeflow-$STORES-$(date -u +%Y%m%dT%H%M%SZ).txt"
    cp "$REPORT" "$out"
    log "saved $out"
fi
if grep -qiE 'ERROR|Exception' "$SERVER_LOG"; then
    log "server log has errors; first ones:"
    grep -iE 'ERROR|Exception' "$SERVER_LOG" | head -10 >&2
fi
[ -n "$RESULT_LINE" ] || die "the code-flow driver produced no result (output above)"
