# Shared by bench/run-*.sh: builds the server, starts it (and, for --stores redis, a real Redis
# and PostgreSQL) on loopback in a temporary directory, and stops everything it started.
# Sourced, not executed. Everything is bounded in time and listens on 127.0.0.1 only.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"

# ---- defaults (overridable by options or environment) ----
STORES="${STORES:-memory}"
SKIP_BUILD="${SKIP_BUILD:-0}"
JAR="${JAR:-}"
JAVA_BIN="${JAVA_BIN:-java}"
# One node, 2 cores: ParallelGC gives the best throughput; the heap is sized for the
# Argon2id logins (~19 MiB each) running concurrently with token traffic.
JVM_FLAGS="${JVM_FLAGS:--Xms1g -Xmx1g -XX:+UseParallelGC -XX:+AlwaysPreTouch}"
SERVER_START_TIMEOUT="${SERVER_START_TIMEOUT:-240}"
BUILD_TIMEOUT="${BUILD_TIMEOUT:-1200}"
KEEP_TMP="${KEEP_TMP:-0}"
EXTERNAL_URL=""
PROFILE="${PROFILE:-0}"
ADMIN_CLIENT_ID="${SATUPINTU_ADMIN_CLIENT_ID:-bench-admin}"
ADMIN_CLIENT_SECRET="${SATUPINTU_ADMIN_CLIENT_SECRET:-}"

BENCH_TMP=""
SERVER_PID=""
REDIS_PID=""
PG_BIN=""
PG_DATA=""
PG_STARTED=0
SERVER_PORT=""
BASE_URL=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

common_usage() {
    cat <<'EOF'
Server options (both scripts):
  --stores memory|redis   memory: quickstart defaults (H2 file database in a temp data dir,
                          in-memory session/code/token stores). redis: PostgreSQL + Redis
                          (Debian packages, started on loopback by this script).
  --skip-build            reuse idp-server/target/satupintu-idp-server-*-exec.jar
  --jar PATH              run this jar instead of building
  --java PATH             java executable for the server (default: java on PATH)
  --jvm-flags "FLAGS"     JVM flags of the server (default: "-Xms1g -Xmx1g -XX:+UseParallelGC -XX:+AlwaysPreTouch")
  --keep-tmp              keep the temp dir (logs, data) after the run
  --profile               record the measured phase with JDK Flight Recorder and add a summary of
                          where the server's CPU went to the report
  --url http://127.0.0.1:PORT
                          measure a server you already started (loopback only; no build, no
                          start; admin credentials from SATUPINTU_ADMIN_CLIENT_ID/SECRET)
EOF
}

# Parses one common option; sets CONSUMED to how many arguments it took (0: not ours).
CONSUMED=0
parse_common_option() {
    CONSUMED=0
    case "$1" in
        --stores) STORES="$2"; CONSUMED=2 ;;
        --skip-build) SKIP_BUILD=1; CONSUMED=1 ;;
        --jar) JAR="$2"; SKIP_BUILD=1; CONSUMED=2 ;;
        --java) JAVA_BIN="$2"; CONSUMED=2 ;;
        --jvm-flags) JVM_FLAGS="$2"; CONSUMED=2 ;;
        --keep-tmp) KEEP_TMP=1; CONSUMED=1 ;;
        --url) EXTERNAL_URL="${2%/}"; SKIP_BUILD=1; CONSUMED=2 ;;
        --profile) PROFILE=1; CONSUMED=1 ;;
    esac
    return 0
}

need_root_or_pkg() {
    # $1 = command to look for, $2 = Debian package providing it
    if ! command -v "$1" >/dev/null 2>&1; then
        log "$1 missing: installing Debian package $2"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get install -y -q "$2" >/dev/null 2>&1 \
            || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$2" >/dev/null; } \
            || die "could not install $2"
        command -v "$1" >/dev/null 2>&1 || die "$2 installed but $1 not found"
    fi
}

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p i
    for i in $(seq 1 50); do
        p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if ! port_in_use "$p"; then echo "$p"; return 0; fi
    done
    die "no free loopback port found"
}

cleanup() {
    local rc=$?
    set +e
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        log "stopping server (pid $SERVER_PID)"
        kill "$SERVER_PID" 2>/dev/null
        for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
    fi
    if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
        log "stopping redis (pid $REDIS_PID)"
        kill "$REDIS_PID" 2>/dev/null
        for _ in $(seq 1 10); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$REDIS_PID" 2>/dev/null
        wait "$REDIS_PID" 2>/dev/null
    fi
    if [ "$PG_STARTED" = 1 ]; then
        log "stopping postgresql ($PG_DATA)"
        as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -t 30 stop >/dev/null 2>&1
    fi
    if [ -n "$BENCH_TMP" ] && [ -d "$BENCH_TMP" ]; then
        if [ "$KEEP_TMP" = 1 ] || [ "$rc" -ne 0 ]; then
            log "temp dir kept: $BENCH_TMP"
        else
            rm -rf "$BENCH_TMP"
        fi
    fi
    exit "$rc"
}

make_tmp() {
    BENCH_TMP="$(mktemp -d /tmp/satupintu-bench.XXXXXX)"
    chmod 755 "$BENCH_TMP"
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

build_server() {
    [ -z "$EXTERNAL_URL" ] || return 0
    if [ -n "$JAR" ]; then
        [ -f "$JAR" ] || die "jar not found: $JAR"
        return
    fi
    if [ "$SKIP_BUILD" != 1 ]; then
        log "building the server jar (./mvnw -q -B -DskipTests package -pl idp-server -am)"
        (cd "$REPO_DIR" && timeout "$BUILD_TIMEOUT" ./mvnw -q -B -DskipTests package -pl idp-server -am) \
            || die "build failed"
    fi
    JAR="$(ls -t "$REPO_DIR"/idp-server/target/satupintu-idp-server-*-exec.jar 2>/dev/null | head -1 || true)"
    [ -n "$JAR" ] || die "no idp-server/target/satupintu-idp-server-*-exec.jar (build first or drop --skip-build)"
    if [ "$SKIP_BUILD" != 1 ]; then
        # the server's source: the last commit touching anything outside bench/, and local edits
        echo "$(server_source) $(stat -c %Y "$JAR")" >"$BENCH_DIR/.last-build"
    fi
}

server_source() {
    local commit dirty
    commit="$(git -C "$REPO_DIR" log -1 --format=%h -- . ':(exclude)bench' 2>/dev/null || echo unknown)"
    dirty="$(git -C "$REPO_DIR" status --porcelain -- . ':(exclude)bench' 2>/dev/null | grep -c . || true)"
    [ "$dirty" = 0 ] && echo "$commit" || echo "$commit+local-changes"
}

# Which source the jar under test was built from, as far as this script knows.
describe_jar_source() {
    if [ -n "$EXTERNAL_URL" ]; then echo "external server, unknown"; return; fi
    local rec_commit rec_mtime
    if [ -r "$BENCH_DIR/.last-build" ] && read -r rec_commit rec_mtime <"$BENCH_DIR/.last-build" \
        && [ "$(stat -c %Y "$JAR" 2>/dev/null)" = "$rec_mtime" ]; then
        echo "$rec_commit (last commit outside bench/, built by these scripts)"
    else
        echo "unknown (jar not built by these scripts)"
    fi
}

as_pg_user() {
    # PostgreSQL refuses to run as root: run its tools as the 'postgres' system user then.
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start_postgres() {
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
        need_root_or_pkg psql postgresql
        PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    fi
    PG_PORT="$(free_port)"
    PG_DATA="$BENCH_TMP/pg/data"
    PG_PASSWORD="$(random_hex 16)"
    mkdir -p "$BENCH_TMP/pg"
    printf '%s\n' "$PG_PASSWORD" > "$BENCH_TMP/pg/pwfile"
    [ "$(id -u)" -eq 0 ] && chown -R postgres: "$BENCH_TMP/pg"
    log "initdb + start PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
    as_pg_user "$PG_BIN/initdb" -D "$PG_DATA" -U satupintu --pwfile="$BENCH_TMP/pg/pwfile" \
        --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$BENCH_TMP/pg/initdb.log" 2>&1 \
        || { cat "$BENCH_TMP/pg/initdb.log" >&2; die "initdb failed"; }
    PG_STARTED=1
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 -l "$BENCH_TMP/pg/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $BENCH_TMP/pg -c max_connections=200" start \
        >/dev/null || { cat "$BENCH_TMP/pg/postgres.log" >&2; die "postgresql did not start"; }
    PGPASSWORD="$PG_PASSWORD" timeout 30 "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U satupintu satupintu \
        || die "createdb failed"
}

start_redis() {
    need_root_or_pkg redis-server redis-server
    REDIS_PORT="$(free_port)"
    mkdir -p "$BENCH_TMP/redis"
    log "start Redis $(redis-server --version | awk '{print $3}' | sed 's/^v=//') on 127.0.0.1:$REDIS_PORT (no persistence)"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$BENCH_TMP/redis" --save "" \
        --appendonly no --protected-mode yes --daemonize no --logfile "$BENCH_TMP/redis/redis.log" &
    REDIS_PID=$!
    for _ in $(seq 1 50); do
        if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then return 0; fi
        sleep 0.2
    done
    die "redis did not start"
}

start_server() {
    if [ -n "$EXTERNAL_URL" ]; then
        case "$EXTERNAL_URL" in
            http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
            *) die "--url must be a loopback http URL (http://127.0.0.1:PORT)" ;;
        esac
        BASE_URL="$EXTERNAL_URL"; STORES="external"; JAR="(external server)"
        SERVER_LOG="$BENCH_TMP/server.log"; : >"$SERVER_LOG"
        curl -fsS -o /dev/null --max-time 5 "$BASE_URL/.well-known/openid-configuration" \
            || die "$BASE_URL/.well-known/openid-configuration does not answer"
        return 0
    fi
    [ -n "$ADMIN_CLIENT_SECRET" ] || ADMIN_CLIENT_SECRET="$(random_hex 32)"
    SERVER_PORT="$(free_port)"
    BASE_URL="http://127.0.0.1:$SERVER_PORT"
    local args=(--server.address=127.0.0.1 --server.port="$SERVER_PORT"
        --satupintu.data-dir="$BENCH_TMP/data" --satupintu.issuer="$BASE_URL"
        --satupintu.demo-data=true)
    case "$STORES" in
        memory) ;;
        redis)
            start_postgres
            start_redis
            args+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/satupintu"
                --spring.datasource.username=satupintu --spring.datasource.password="$PG_PASSWORD"
                --spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT")
            ;;
        *) die "--stores must be memory or redis" ;;
    esac
    mkdir -p "$BENCH_TMP/data"
    SERVER_LOG="$BENCH_TMP/server.log"
    if [ "$PROFILE" = 1 ]; then JVM_FLAGS="$JVM_FLAGS $(profile_jvm_flags)"; fi
    log "starting $(basename "$JAR") on $BASE_URL (stores: $STORES)"
    log "JVM: $("$JAVA_BIN" -version 2>&1 | head -1); flags: $JVM_FLAGS"
    # shellcheck disable=SC2086
    SATUPINTU_ADMIN_CLIENT_ID="$ADMIN_CLIENT_ID" SATUPINTU_ADMIN_CLIENT_SECRET="$ADMIN_CLIENT_SECRET" \
        "$JAVA_BIN" $JVM_FLAGS -jar "$JAR" "${args[@]}" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    local waited=0
    until curl -fsS -o /dev/null --max-time 2 "$BASE_URL/.well-known/openid-configuration" 2>/dev/null; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            tail -50 "$SERVER_LOG" >&2
            die "server exited during start-up (log above)"
        fi
        if [ "$waited" -ge "$SERVER_START_TIMEOUT" ]; then
            tail -50 "$SERVER_LOG" >&2
            die "server not ready after ${SERVER_START_TIMEOUT}s"
        fi
        sleep 1; waited=$((waited + 1))
    done
    log "server ready after ~${waited}s"
}

# Environment facts worth keeping next to a figure.
describe_environment() {
    echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit:      $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown) (bench scripts)"
    echo "server code: $(describe_jar_source)"
    echo "cpu:         $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "java:        $("$JAVA_BIN" -version 2>&1 | head -1)"
    echo "jvm flags:   $JVM_FLAGS"
    echo "stores:      $STORES"
    if [ "$PROFILE" = 1 ]; then
        echo "profiled:    yes (JDK Flight Recorder on the server; it costs throughput: do not quote this run's figure)"
    fi
}

# CPU seconds (user+system) of a process so far, from /proc (clock ticks -> seconds).
cpu_seconds() {
    local pid=$1
    [ -r "/proc/$pid/stat" ] || { echo 0; return; }
    awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$pid/stat"
}

# "busy total" clock ticks of the whole machine, from the first line of /proc/stat.
machine_ticks() {
    awk '/^cpu /{ busy=$2+$3+$4+$7+$8+$9; total=busy+$5+$6; print busy, total }' /proc/stat
}

# Prints how busy the machine was between two machine_ticks samples and how much of that was
# the server, its stores (Redis, PostgreSQL) and the load generator:
# describe_load "$before" "$after" server_cpu_s stores_cpu_s generator_cpu_s wall_s
describe_load() {
    local b0 t0 b1 t1
    read -r b0 t0 <<<"$1"; read -r b1 t1 <<<"$2"
    awk -v b0="$b0" -v t0="$t0" -v b1="$b1" -v t1="$t1" -v srv="$3" -v st="$4" -v gen="$5" -v wall="$6" \
        -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" 'BEGIN {
        busy = (b1 - b0) / hz; total = (t1 - t0) / hz
        other = busy - srv - st - gen; if (other < 0) other = 0
        printf "machine busy %.0f%% of %d cores over %.0fs: server %.2f cores, ", \
            (total > 0 ? 100 * busy / total : 0), cores, wall, srv / wall
        if (st > 0) printf "Redis+PostgreSQL %.2f cores, ", st / wall
        printf "load generator %.2f cores, everything else on the machine %.2f cores\n", gen / wall, other / wall
    }'
}

# CPU seconds used so far by the stores this script started (Redis, PostgreSQL and its backends).
stores_cpu_seconds() {
    local total=0 pid pids=""
    [ -n "$REDIS_PID" ] && pids="$REDIS_PID"
    if [ "$PG_STARTED" = 1 ] && [ -r "$PG_DATA/postmaster.pid" ]; then
        pid="$(head -1 "$PG_DATA/postmaster.pid")"
        pids="$pids $pid $(pgrep -P "$pid" | tr '\n' ' ')"
    fi
    for pid in $pids; do
        [ -r "/proc/$pid/stat" ] || continue
        # utime stime cutime cstime (reaped children count too)
        total=$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print t + ($12 + $13 + $14 + $15) / hz }' "/proc/$pid/stat")
    done
    echo "$total"
}

# Evidence that the chosen stores were really used (Redis commands served, keys held).
describe_stores() {
    if [ -n "$REDIS_PID" ]; then
        local info
        info="$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info stats 2>/dev/null | tr -d '\r')"
        echo "redis:       $(grep -m1 '^total_commands_processed' <<<"$info") keys=$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" dbsize 2>/dev/null)"
        # key families (name up to the last ':'), how many, and the TTL of one of each
        ( set +o pipefail; redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --scan 2>/dev/null | head -200000 \
            | awk '{ k = $0; sub(/:[^:]*$/, ":*", k); n[k]++; if (!(k in ex)) ex[k] = $0 }
                   END { for (k in n) print n[k], k, ex[k] }' | sort -rn | head -8 \
            | while read -r count family example; do
                local rc=(redis-cli -h 127.0.0.1 -p "$REDIS_PORT") type size
                type="$("${rc[@]}" type "$example" 2>/dev/null)"
                case "$type" in
                    set) size="$("${rc[@]}" scard "$example")" ;;
                    zset) size="$("${rc[@]}" zcard "$example")" ;;
                    hash) size="$("${rc[@]}" hlen "$example")" ;;
                    list) size="$("${rc[@]}" llen "$example")" ;;
                    *) size="$("${rc[@]}" strlen "$example" 2>/dev/null) bytes" ;;
                esac
                printf '  %-40s %8s keys; one of them: %s of size %s, TTL %ss\n' "$family" "$count" \
                    "$type" "$size" "$("${rc[@]}" ttl "$example" 2>/dev/null)"
            done ) || true
    fi
    return 0
}

# Hides token values in a JSON body before it is printed.
redact_tokens() {
    sed -E 's/"(access_token|refresh_token|id_token|client_secret)" *: *"[^"]*"/"\1":"…"/g'
}

jdk_tool() {
    local dir
    dir="$(dirname "$(readlink -f "$(command -v "$JAVA_BIN")")")"
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; else command -v "$1"; fi
}

# --profile: the recorder runs from JVM start (so the JIT compiles with it present; attaching it
# mid-run deoptimised the signing code and distorted both the profile and the figure), and only
# the measured phase is dumped and summarised.
profile_jvm_flags() {
    [ "$PROFILE" = 1 ] && echo "-XX:StartFlightRecording=name=bench,settings=profile,disk=true,maxage=30m" || true
}

profile_start() {
    PROFILE_BEGIN="$(date +%H:%M:%S)"
}

profile_stop() {
    [ "$PROFILE" = 1 ] && [ -n "$SERVER_PID" ] || return 0
    local end
    end="$(date +%H:%M:%S)"
    "$(jdk_tool jcmd)" "$SERVER_PID" JFR.dump name=bench filename="$BENCH_TMP/server.jfr" \
        begin="$PROFILE_BEGIN" end="$end" >/dev/null || { log "could not dump JFR"; return 0; }
    "$(jdk_tool jfr)" print --events jdk.ExecutionSample --stack-depth 200 "$BENCH_TMP/server.jfr" \
        | awk -v begin="$PROFILE_BEGIN" -v end="$end" -f "$BENCH_DIR/lib/jfr-summary.awk" \
        >"$BENCH_TMP/profile.txt" 2>&1
}

describe_profile() {
    [ -s "$BENCH_TMP/profile.txt" ] || return 0
    echo
    echo "## server profile (measured phase)"
    cat "$BENCH_TMP/profile.txt"
}
