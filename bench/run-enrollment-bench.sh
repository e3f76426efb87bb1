#!/usr/bin/env bash
# Complete enrollments per second (identity check against the embedded registry + password with
# Argon2id + account creation + sign-in) on one SatuPintu node: starts the server like the other
# scripts, then runs bench/EnrollmentLoad.java against it. Stops everything it started. See bench/README.md.
#
# Every enrollment consumes one registry record without an account. With --synthetic N (the default,
# N = 1000000) the server's embedded registry generates N synthetic people
# (satupintu.registry.embedded.size/.seed) and bench/ExportEnrollmentRecords.java, run on the server jar's
# own classes, writes the living ones to the driver's CSV, so every enrollment verifies. A server without
# the synthetic registry has only the quickstart's two unenrolled people
# (bench/enrollment-records-demo.csv, used with --demo-records): that checks the flow, it is no figure.
# --records FILE gives any other CSV (nik,fullName,birthDate,familyCardNumber).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DURATION=30          # measured seconds
WARMUP=10            # warm-up seconds inside the driver; not counted
THREADS=8            # concurrent newcomers
RECORDS=""
SYNTHETIC=1000000
SEED=20261128
EXPORT=20000         # records exported for the driver: more than a run can enrol on these machines
DRIVER_FLAGS="-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1"
SAVE=1

usage() {
    cat <<EOF
Usage: bench/run-enrollment-bench.sh [options]
  --synthetic N        synthetic registry of N people on the server, records exported from it (default $SYNTHETIC)
  --seed S             its seed (default $SEED)
  --demo-records       use bench/enrollment-records-demo.csv (the quickstart's two people; checks the flow only)
  --records FILE       CSV of unenrolled registry records: nik,fullName,birthDate,familyCardNumber
  --duration S         measured seconds (default $DURATION)
  --warmup S           warm-up seconds (default $WARMUP)
  --threads N          concurrent newcomers in the driver (default $THREADS)
  --no-save            do not write the result file under bench/results/
EOF
    common_usage
}

while [ $# -gt 0 ]; do
    parse_common_option "$@"
    if [ "$CONSUMED" -gt 0 ]; then shift "$CONSUMED"; continue; fi
    case "$1" in
        --records) RECORDS="$(readlink -f "$2")"; SYNTHETIC=""; shift 2 ;;
        --demo-records) RECORDS="$BENCH_DIR/enrollment-records-demo.csv"; SYNTHETIC=""; shift ;;
        --synthetic) SYNTHETIC="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --no-save) SAVE=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option $1" ;;
    esac
done

# server properties ride on the JVM flags as system properties: common.sh owns the server's arguments
if [ -n "$SYNTHETIC" ]; then
    JVM_FLAGS="$JVM_FLAGS -Dsatupintu.registry.embedded.size=$SYNTHETIC -Dsatupintu.registry.embedded.seed=$SEED"
fi

need_root_or_pkg curl curl
build_server
make_tmp

mkdir -p "$BENCH_TMP/driver"
JAVAC="$(dirname "$(readlink -f "$(command -v "$JAVA_BIN")")")/javac"
[ -x "$JAVAC" ] || JAVAC=javac
"$JAVAC" -d "$BENCH_TMP/driver" "$BENCH_DIR/EnrollmentLoad.java" \
    || die "could not compile bench/EnrollmentLoad.java"

if [ -n "$SYNTHETIC" ]; then
    [ -z "$EXTERNAL_URL" ] || die "--synthetic needs the server jar; with --url give --records"
    mkdir -p "$BENCH_TMP/server-classes"
    (cd "$BENCH_TMP/server-classes" && "$(dirname "$JAVAC")/jar" xf "$(readlink -f "$JAR")" BOOT-INF) \
        || die "could not unpack $JAR"
    SERVER_CP="$BENCH_TMP/server-classes/BOOT-INF/classes:$BENCH_TMP/server-classes/BOOT-INF/lib/*"
    "$JAVAC" -cp "$SERVER_CP" -d "$BENCH_TMP/driver" "$BENCH_DIR/ExportEnrollmentRecords.java" 2>"$BENCH_TMP/export.err" \
        || die "this server has no synthetic registry (id.satupintu.idp.registry.synthetic); use --demo-records or --records"
    RECORDS="$BENCH_TMP/records.csv"
    log "exporting $EXPORT living people of the synthetic registry (size $SYNTHETIC, seed $SEED)"
    "$JAVA_BIN" -Xmx512m -cp "$SERVER_CP:$BENCH_TMP/driver" ExportEnrollmentRecords "$SYNTHETIC" "$SEED" "$EXPORT" \
        "$RECORDS" >&2 || die "export of synthetic records failed"
fi
[ -n "$RECORDS" ] || die "no records: give --synthetic N, --demo-records or --records FILE"
[ -r "$RECORDS" ] || die "records file $RECORDS not readable"
RECORD_COUNT="$(grep -cv '^\s*\(#\|$\)' "$RECORDS" || true)"
[ "$RECORD_COUNT" -gt 0 ] || die "records file $RECORDS holds no records"
if [ "$RECORD_COUNT" -lt 1000 ]; then
    log "only $RECORD_COUNT records: the run checks the flow but its rate is not a throughput figure"
fi

start_server

log "driver: EnrollmentLoad $BASE_URL $THREADS threads, ${DURATION}s (warm-up ${WARMUP}s), $RECORD_COUNT records"
profile_start
ticks0="$(machine_ticks)"; srv0="$(cpu_seconds "$SERVER_PID")"; st0="$(stores_cpu_seconds)"; start_ns=$(date +%s%N)
TIMEFORMAT='%U %S'
set +e
# shellcheck disable=SC2086
{ time timeout $((WARMUP + DURATION + 120)) "$JAVA_BIN" $DRIVER_FLAGS -cp "$BENCH_TMP/driver" EnrollmentLoad \
    "$BASE_URL" "$RECORDS" "$THREADS" "$DURATION" "$WARMUP" >"$BENCH_TMP/driver.txt" 2>&1 ; } 2>"$BENCH_TMP/driver.time"
driver_rc=$?
set -e
end_ns=$(date +%s%N); ticks1="$(machine_ticks)"; srv1="$(cpu_seconds "$SERVER_PID")"; st1="$(stores_cpu_seconds)"
profile_stop
wall=$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
gen_cpu=$(awk '{ print $1 + $2 }' "$BENCH_TMP/driver.time" 2>/dev/null || echo 0)
srv_cpu=$(awk -v a="$srv0" -v b="$srv1" 'BEGIN { print b - a }')
st_cpu=$(awk -v a="$st0" -v b="$st1" 'BEGIN { print b - a }')
LOAD_LINE="$(describe_load "$ticks0" "$ticks1" "$srv_cpu" "$st_cpu" "$gen_cpu" "$wall")"

RESULT_LINE="$(grep '^RESULT' "$BENCH_TMP/driver.txt" || true)"
REPORT="$BENCH_TMP/report.txt"
{
    echo "# complete enrollments: bench/run-enrollment-bench.sh"
    describe_environment
    echo "jar:         $(basename "$JAR")"
    echo "load tool:   bench/EnrollmentLoad.java, $THREADS threads, ${DURATION}s (warm-up ${WARMUP}s), driver JVM flags $DRIVER_FLAGS"
    echo "flow:        GET /enrol -> POST NIK, name, birth date, KK (registry check, >= verification floor) -> GET /enrol/password -> POST password (Argon2id, account saved, signed in)"
    echo "records:     $RECORD_COUNT from ${SYNTHETIC:+synthetic registry size $SYNTHETIC seed $SEED: }$RECORDS"
    echo "load:        $LOAD_LINE (warm-up included)"
    describe_stores
    echo
    if [ -n "$RESULT_LINE" ]; then
        echo "$RESULT_LINE" | awk '{
            for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
            printf "RESULT: enrollments/s %s (%s enrollments in %s s, %s errors)  p50 %s ms  p90 %s ms  p99 %s ms  max %s ms\n",
                v["enrollments_per_s"], v["enrollments"], v["measured_s"], v["errors"], v["p50_ms"], v["p90_ms"],
                v["p99_ms"], v["max_ms"] }'
    else
        echo "RESULT: none (driver exit code $driver_rc)"
    fi
    echo
    echo "## driver output"
    cat "$BENCH_TMP/driver.txt"
    describe_profile
} >"$REPORT"
cat "$REPORT"
if [ "$SAVE" = 1 ] && [ -n "$RESULT_LINE" ] && [ "$RECORD_COUNT" -ge 1000 ]; then
    mkdir -p "$BENCH_DIR/results"
    out="$BENCH_DIR/results/enrollment-$STORES-$(date -u +%Y%m%dT%H%M%SZ).txt"
    cp "$REPORT" "$out"
    log "saved $out"
fi
if grep -qiE 'ERROR|Exception' "$SERVER_LOG"; then
    log "server log has errors; first ones:"
    grep -iE 'ERROR|Exception' "$SERVER_LOG" | head -10 >&2
fi
[ -n "$RESULT_LINE" ] || die "the enrollment driver produced no result (output above)"
