#!/usr/bin/env bash
# SAML SSO responses per second for a signed-in citizen on one SatuPintu node: (a) signed, (b) signed
# and encrypted. Starts the server like run-codeflow-bench.sh, registers two SAML SPs through the
# admin API (the second with an encryption certificate generated here), signs the demo citizen in
# once per driver thread, then runs bench/SamlSsoLoad.java. Stops everything it started.
# See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DURATION=30          # measured seconds per SP
WARMUP=15            # warm-up seconds per SP inside the driver; not counted
THREADS=8            # concurrent signed-in browsers
DRIVER_FLAGS="-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1"
SAVE=1
# Shibboleth IdP's own published figure, printed beside ours for reference (not measured here)
REFERENCE="Shibboleth IdP: ~52 SSO responses/s on a 2-core machine (its project's published figure)"

usage() {
    cat <<USAGE
Usage: bench/run-saml-sso-bench.sh [options]
  --duration S       measured seconds per SP (default $DURATION)
  --warmup S         warm-up seconds per SP (default $WARMUP)
  --threads N        concurrent signed-in browsers in the driver (default $THREADS)
  --no-save          do not write the result file under bench/results/
USAGE
    common_usage
}

while [ $# -gt 0 ]; do
    parse_common_option "$@"
    if [ "$CONSUMED" -gt 0 ]; then shift "$CONSUMED"; continue; fi
    case "$1" in
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --no-save) SAVE=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option $1" ;;
    esac
done

need_root_or_pkg curl curl
need_root_or_pkg openssl openssl
build_server
make_tmp
start_server
curl -fsS -o /dev/null --max-time 5 "$BASE_URL/saml2/idp/metadata" \
    || die "$BASE_URL/saml2/idp/metadata does not answer: this server has no SAML IdP"

# the encrypting SP's certificate: RSA-2048, self-signed, as SP metadata carries it (its key is never used)
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=bench-sp-encryption \
    -keyout "$BENCH_TMP/sp-enc-key.pem" -out "$BENCH_TMP/sp-enc-cert.pem" >/dev/null 2>&1 \
    || die "openssl could not generate the SP encryption certificate"

# the driver is compiled once here so that its compilation does not run during the measurement
mkdir -p "$BENCH_TMP/driver"
JAVAC="$(dirname "$(readlink -f "$(command -v "$JAVA_BIN")")")/javac"
[ -x "$JAVAC" ] || JAVAC=javac
"$JAVAC" -d "$BENCH_TMP/driver" "$BENCH_DIR/SamlSsoLoad.java" || die "could not compile bench/SamlSsoLoad.java"

log "driver: SamlSsoLoad $BASE_URL $THREADS threads, ${DURATION}s per SP (warm-up ${WARMUP}s)"
profile_start
ticks0="$(machine_ticks)"; srv0="$(cpu_seconds "$SERVER_PID")"; st0="$(stores_cpu_seconds)"; start_ns=$(date +%s%N)
TIMEFORMAT='%U %S'
set +e
# shellcheck disable=SC2086
{ time SATUPINTU_ADMIN_CLIENT_ID="$ADMIN_CLIENT_ID" SATUPINTU_ADMIN_CLIENT_SECRET="$ADMIN_CLIENT_SECRET" \
    BENCH_ENC_CERT="$BENCH_TMP/sp-enc-cert.pem" \
    timeout $((2 * (WARMUP + DURATION) + 180)) "$JAVA_BIN" $DRIVER_FLAGS -cp "$BENCH_TMP/driver" SamlSsoLoad \
    "$BASE_URL" "$THREADS" "$DURATION" "$WARMUP" >"$BENCH_TMP/driver.txt" 2>&1 ; } 2>"$BENCH_TMP/driver.time"
driver_rc=$?
set -e
end_ns=$(date +%s%N); ticks1="$(machine_ticks)"; srv1="$(cpu_seconds "$SERVER_PID")"; st1="$(stores_cpu_seconds)"
profile_stop
# the load figure covers set-up, warm-up and both measured phases (one driver process)
wall=$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
gen_cpu=$(awk '{ print $1 + $2 }' "$BENCH_TMP/driver.time" 2>/dev/null || echo 0)
srv_cpu=$(awk -v a="$srv0" -v b="$srv1" 'BEGIN { print b - a }')
st_cpu=$(awk -v a="$st0" -v b="$st1" 'BEGIN { print b - a }')
LOAD_LINE="$(describe_load "$ticks0" "$ticks1" "$srv_cpu" "$st_cpu" "$gen_cpu" "$wall")"

RESULT_LINES="$(grep '^RESULT' "$BENCH_TMP/driver.txt" || true)"
# server CPU per response: warm-ups and measured phases counted; the set-up sign-ins (one password hash per
# thread) are in the CPU time but not in the count, a slight overestimate
RESPONSES_ALL="$(sed -n -e 's/^warm-up [^:]*: \([0-9]*\) responses.*/\1/p' -e 's/^RESULT sp=[^ ]* responses=\([0-9]*\).*/\1/p' \
    "$BENCH_TMP/driver.txt" | awk '{ s += $1 } END { print s + 0 }')"
CPU_LINE="$(awk -v cpu="$srv_cpu" -v n="$RESPONSES_ALL" 'BEGIN { if (n < 1 || cpu <= 0) { print "n/a"; exit }
    printf "%.1f ms of server CPU per response, both SPs together, approx. (%.0f responses/s per fully used core)", 1000 * cpu / n, n / cpu }')"
REPORT="$BENCH_TMP/report.txt"
{
    echo "# SAML SSO responses for a signed-in citizen: bench/run-saml-sso-bench.sh"
    describe_environment
    echo "jar:         $(basename "$JAR")"
    echo "load tool:   bench/SamlSsoLoad.java, $THREADS threads, ${DURATION}s per SP (warm-up ${WARMUP}s), driver JVM flags $DRIVER_FLAGS"
    echo "request:     GET /saml2/idp/sso?SAMLRequest=<unsigned AuthnRequest, DEFLATE>&RelayState=… with the session cookie"
    echo "             -> 200 auto-POST form with the SAMLResponse (checked: ACS action, Success, signature; read, not posted)"
    echo "sps:         'signed': no encryption certificate, Response and Assertion signed;"
    echo "             'signed+encrypted': RSA-2048 encryption certificate, also EncryptedAssertion"
    echo "load:        $LOAD_LINE (set-up, warm-up and both SPs included)"
    echo "server cpu:  $CPU_LINE"
    describe_stores
    echo
    if [ -n "$RESULT_LINES" ]; then
        echo "$RESULT_LINES" | awk '{
            for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
            printf "RESULT %-17s responses/s %s (%s responses, %s errors)  p50 %s ms  p90 %s ms  p99 %s ms  max %s ms\n",
                v["sp"], v["responses_per_s"], v["responses"], v["errors"], v["p50_ms"], v["p90_ms"], v["p99_ms"], v["max_ms"] }'
    else
        echo "RESULT: none (driver exit code $driver_rc)"
    fi
    echo "reference: $REFERENCE"
    echo
    echo "## driver output"
    cat "$BENCH_TMP/driver.txt"
    describe_profile
} >"$REPORT"
cat "$REPORT"
if [ "$SAVE" = 1 ] && [ -n "$RESULT_LINES" ]; then
    mkdir -p "$BENCH_DIR/results"
    out="$BENCH_DIR/results/saml-sso-$STORES-$(date -u +%Y%m%dT%H%M%SZ).txt"
    cp "$REPORT" "$out"
    log "saved $out"
fi
if grep -qiE 'ERROR|Exception' "$SERVER_LOG"; then
    log "server log has errors; first ones:"
    grep -iE 'ERROR|Exception' "$SERVER_LOG" | head -10 >&2
fi
[ -n "$RESULT_LINES" ] || die "the SAML SSO driver produced no result (output above)"
