#!/usr/bin/env bash
# client_credentials throughput of one SatuPintu node: builds the server, starts it on loopback
# with the chosen stores, warms it up, then drives POST /oauth2/token with wrk for a fixed time
# and prints tokens/s with p50/p99 latency. Stops everything it started. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DURATION=30          # measured seconds
WARMUP=20            # warm-up seconds (JIT, connection pools, caches); not counted
CONNECTIONS=32
THREADS=2            # wrk threads
CLIENT_ID=demo-portal
CLIENT_SECRET=demo-portal-secret
SCOPE="${SCOPE-profile}"  # empty: no scope parameter
SAVE=1

usage() {
    cat <<EOF
Usage: bench/run-token-bench.sh [options]
  --duration S       measured seconds (default $DURATION)
  --warmup S         warm-up seconds (default $WARMUP)
  --connections N    wrk connections (default $CONNECTIONS)
  --threads N        wrk threads (default $THREADS)
  --client ID:SECRET client (default $CLIENT_ID and its demo secret)
  --scope "S"        scope parameter (default "$SCOPE"; "" sends none)
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
        --connections) CONNECTIONS="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --client) CLIENT_ID="${2%%:*}"; CLIENT_SECRET="${2#*:}"; shift 2 ;;
        --scope) SCOPE="$2"; shift 2 ;;
        --no-save) SAVE=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option $1" ;;
    esac
done

need_root_or_pkg wrk wrk
need_root_or_pkg curl curl
build_server
make_tmp
start_server

TOKEN_URL="$BASE_URL/oauth2/token"
urlencode() { local LC_ALL=C s="$1" out="" c i; for ((i = 0; i < ${#s}; i++)); do c="${s:i:1}"
    case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; *) printf -v c '%%%02X' "'$c"; out+="$c" ;; esac; done
    printf '%s' "$out"; }
BENCH_BODY="grant_type=client_credentials"
[ -n "$SCOPE" ] && BENCH_BODY+="&scope=$(urlencode "$SCOPE")"
# RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding
BENCH_BASIC="$(printf '%s:%s' "$(urlencode "$CLIENT_ID")" "$(urlencode "$CLIENT_SECRET")" | base64 -w0)"
export BENCH_BODY BENCH_BASIC

# One request first: the figure means nothing unless the endpoint issues tokens.
PRE="$BENCH_TMP/preflight.json"
code=$(curl -sS --max-time 10 -o "$PRE" -w '%{http_code}' -X POST "$TOKEN_URL" \
    -H "Authorization: Basic $BENCH_BASIC" -H 'Accept: application/json' \
    -H 'Content-Type: application/x-www-form-urlencoded' --data "$BENCH_BODY") || code=000
if [ "$code" != 200 ] || ! grep -q '"access_token"' "$PRE"; then
    log "preflight token request failed: HTTP $code $(redact_tokens <"$PRE" 2>/dev/null | head -c 500)"
    tail -30 "$SERVER_LOG" >&2
    die "the token endpoint does not issue client_credentials tokens (see above)"
fi
log "preflight ok: $(redact_tokens <"$PRE" | head -c 300)"

WRK_TIMEOUT=$((WARMUP + DURATION + 60))
log "warm-up: wrk -t$THREADS -c$CONNECTIONS -d${WARMUP}s"
timeout "$WRK_TIMEOUT" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s \
    -s "$BENCH_DIR/client-credentials.lua" "$TOKEN_URL" >"$BENCH_TMP/warmup.txt" 2>&1 \
    || { cat "$BENCH_TMP/warmup.txt" >&2; die "wrk warm-up failed"; }
log "warm-up: $(grep -E '^Requests/sec' "$BENCH_TMP/warmup.txt")"

log "measuring: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency"
profile_start
ticks0="$(machine_ticks)"; srv0="$(cpu_seconds "$SERVER_PID")"; st0="$(stores_cpu_seconds)"; start_ns=$(date +%s%N)
TIMEFORMAT='%U %S'
{ time timeout "$WRK_TIMEOUT" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
    -s "$BENCH_DIR/client-credentials.lua" "$TOKEN_URL" >"$BENCH_TMP/wrk.txt" 2>&1 ; } 2>"$BENCH_TMP/wrk.time" \
    || { cat "$BENCH_TMP/wrk.txt" >&2; die "wrk failed"; }
end_ns=$(date +%s%N); ticks1="$(machine_ticks)"; srv1="$(cpu_seconds "$SERVER_PID")"; st1="$(stores_cpu_seconds)"
profile_stop
wall=$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
gen_cpu=$(awk '{ print $1 + $2 }' "$BENCH_TMP/wrk.time")
srv_cpu=$(awk -v a="$srv0" -v b="$srv1" 'BEGIN { print b - a }')
st_cpu=$(awk -v a="$st0" -v b="$st1" 'BEGIN { print b - a }')
LOAD_LINE="$(describe_load "$ticks0" "$ticks1" "$srv_cpu" "$st_cpu" "$gen_cpu" "$wall")"

RESULT_LINE="$(grep '^RESULT' "$BENCH_TMP/wrk.txt" || true)"
[ -n "$RESULT_LINE" ] || { cat "$BENCH_TMP/wrk.txt" >&2; die "no RESULT line from wrk"; }
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$RESULT_LINE"; }
req=$(field requests); dur=$(field duration_us); bad=$(field non2xx3xx)
errs=$(( $(field connect_errors) + $(field read_errors) + $(field write_errors) + $(field timeouts) ))
SUMMARY="$(awk -v r="$req" -v d="$dur" -v bad="$bad" -v errs="$errs" -v p50="$(field p50_us)" \
    -v p90="$(field p90_us)" -v p99="$(field p99_us)" -v max="$(field max_us)" 'BEGIN {
    printf "tokens/s %.0f (%d tokens in %.1fs; non-2xx %d, socket errors %d)  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
        (r - bad) / (d / 1e6), r - bad, d / 1e6, bad, errs, p50 / 1000, p90 / 1000, p99 / 1000, max / 1000 }')"

CPU_LINE="$(awk -v cpu="$srv_cpu" -v wall="$wall" -v r="$req" -v bad="$bad" -v d="$dur" 'BEGIN {
    ok = r - bad; if (ok <= 0 || cpu <= 0) { print "n/a"; exit }
    # server CPU seconds cover the wrk run (wall), tokens cover wrk duration: scale to the same span
    per = cpu / (ok * wall / (d / 1e6))
    printf "%.2f ms of server CPU per token (%.0f tokens/s per fully used core)", per * 1000, 1 / per }')"
REPORT="$BENCH_TMP/report.txt"
{
    echo "# client_credentials token endpoint: bench/run-token-bench.sh"
    describe_environment
    echo "jar:         $(basename "$JAR")"
    echo "load tool:   $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2) -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (warm-up ${WARMUP}s)"
    echo "request:     POST /oauth2/token $BENCH_BODY, client $CLIENT_ID (client_secret_basic)"
    echo "load:        $LOAD_LINE"
    echo "server cpu:  $CPU_LINE"
    describe_stores
    echo
    echo "RESULT: $SUMMARY"
    echo
    echo "## wrk output"
    grep -v '^RESULT' "$BENCH_TMP/wrk.txt"
    describe_profile
} >"$REPORT"
cat "$REPORT"
if [ "$SAVE" = 1 ]; then
    mkdir -p "$BENCH_DIR/results"
    out="$BENCH_DIR/results/token-$STORES-$(date -u +%Y%m%dT%H%M%SZ).txt"
    cp "$REPORT" "$out"
    log "saved $out"
fi
if grep -qiE 'ERROR|Exception' "$SERVER_LOG"; then
    log "server log has errors; first ones:"
    grep -iE 'ERROR|Exception' "$SERVER_LOG" | head -10 >&2
fi
