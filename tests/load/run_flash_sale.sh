#!/usr/bin/env bash
# The flash-sale benchmark of issue 3 in one command, everything on one scratch PostgreSQL:
#   1. starts a scratch PostgreSQL 15 cluster (Unix socket only, the settings usher-server gives its
#      embedded cluster: fsync and synchronous_commit on, shared_buffers 256MB);
#   2. runs the pgbench baselines on it (tests/load/pgbench_baselines.sh, database usher_baseline);
#   3. starts usher-server on a fresh database of the same cluster (usher_flash) with the demo data;
#   4. runs flash-sale against the demo data's arena event until it is sold out, with the SQL check;
#   5. prints Usher's seats held per second divided by the CAS baseline's tps, the p99 hold latency
#      and the double-sale check; then stops the server and the cluster and deletes them.
#
#   tests/load/run_flash_sale.sh [BUILD_DIR]      (default build/release)
#
# It builds nothing: build usher-server and flash-sale first, e.g.
#   cmake --preset release && cmake --build --preset release --target usher-server flash-sale
#
# Environment (all optional):
#   FLASH_CLIENTS (50, the concurrency of the pgbench baselines), FLASH_COMMIT_SHARE (0.5),
#   FLASH_THREADS (2), FLASH_DURATION (600 s),
#   FLASH_EVENT_NAME ("City Arena"; the search matches event and venue names, and the match on sale
#   with most seats left is taken), FLASH_ARGS (more flash-sale flags), FLASH_PORT (default: a free
#   port from 18080), USHER_DEMO_PASSWORD (flash-sale-demo), SKIP_BASELINES=1, KEEP_WORK=1 (keep the
#   cluster's files, the logs and the results under /tmp/usher-flash.*), FLASH_PG_STATS=1 (load
#   pg_stat_statements and write the 25 costliest statements to pg-statements.txt), PG_BINDIR
#   (/usr/lib/postgresql/15/bin), and the BASELINE_* variables of pgbench_baselines.sh. usher-server
#   reads its own USHER_* variables (USHER_LOG_LEVEL, USHER_WORKERS, USHER_DB_POOL_SIZE).
# Exit status: non-zero when a step fails, flash-sale reports errors or the SQL check fails. The
# goals (ratio >= 1.0, p99 < 50 ms) are printed, never enforced: machines differ.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build/release}
[[ "$build" = /* ]] || build=$root/$build
server_bin=$build/bin/usher-server
flash_bin=$build/bin/flash-sale
bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
for program in "$server_bin" "$flash_bin"; do
    if [[ ! -x "$program" ]]; then
        echo "$0: $program not found; build it first:" >&2
        echo "  cmake --build ${build#"$root"/} --target usher-server flash-sale" >&2
        exit 2
    fi
done
for program in initdb pg_ctl psql pgbench; do
    if [[ ! -x "$bindir/$program" ]]; then
        echo "$0: $bindir/$program not found (install postgresql-15 or set PG_BINDIR)" >&2
        exit 2
    fi
done

say() { echo "== $*"; }

work=$(mktemp -d /tmp/usher-flash.XXXXXX)
chmod 755 "$work"
pgdata=$work/pg
socket_dir=$work/run
pg_port=5432 # names the socket file only: the cluster listens on no TCP port
server_pid=
pg_started=

# PostgreSQL refuses to run as root: as root its programs run as the postgres user.
as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    local status=$?
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 300); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    if [[ -n "$pg_started" ]]; then
        as_postgres "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [[ "${KEEP_WORK:-0}" == 1 ]]; then
        echo "work directory kept: $work"
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A libpq URL for a database of the scratch cluster.
db_url() {
    local encoded=${socket_dir//\//%2F}
    echo "postgresql:///$1?host=$encoded&port=$pg_port&user=postgres"
}

say "machine: $(nproc) CPUs, $(awk '/^model name/ { sub(/^[^:]*: /, ""); print; exit }' /proc/cpuinfo)," \
    "$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); commit" \
    "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"

say "starting a scratch PostgreSQL in $pgdata"
mkdir -p "$pgdata" "$socket_dir"
chmod 700 "$pgdata" "$socket_dir"
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$pgdata" "$socket_dir"
fi
as_postgres "$bindir/initdb" --pgdata="$pgdata" --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust \
    --auth-host=reject --username=postgres --no-instructions >"$work/initdb.log" 2>&1 ||
    { cat "$work/initdb.log" >&2; exit 1; }
as_postgres tee -a "$pgdata/postgresql.conf" >/dev/null <<EOF

# run_flash_sale.sh: the settings usher-server gives its embedded cluster.
listen_addresses = ''
port = $pg_port
unix_socket_directories = '$socket_dir'
fsync = on
synchronous_commit = on
max_connections = 200
shared_buffers = '256MB'
timezone = 'UTC'
EOF
if [[ "${FLASH_PG_STATS:-0}" == 1 ]]; then
    printf "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track_planning = on\n" |
        as_postgres tee -a "$pgdata/postgresql.conf" >/dev/null
fi
as_postgres "$bindir/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 120 start >/dev/null ||
    { as_postgres cat "$pgdata/server.log" >&2; exit 1; }
pg_started=1
psql_admin() { "$bindir/psql" "$(db_url postgres)" -X -q -v ON_ERROR_STOP=1 "$@"; }

cas_tps=
if [[ "${SKIP_BASELINES:-0}" != 1 ]]; then
    say "pgbench baselines (database usher_baseline)"
    psql_admin -c "CREATE DATABASE usher_baseline"
    PG_BINDIR=$bindir "$root/tests/load/pgbench_baselines.sh" "$(db_url usher_baseline)" \
        2>"$work/baselines.log" | tee "$work/baselines.txt" ||
        { cat "$work/baselines.log" >&2; exit 1; }
    cas_tps=$(awk '$1 == "baseline" && $2 == "cas" { for (i = 3; i <= NF; i++) if ($i ~ /^tps=/) print substr($i, 5) }' \
        "$work/baselines.txt")
    # The baseline's table is not needed any more; drop it so it does not compete for the cache.
    psql_admin -c "DROP DATABASE usher_baseline"
fi

port=${FLASH_PORT:-}
if [[ -z "$port" ]]; then
    for candidate in $(seq 18080 18200); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            port=$candidate
            break
        fi
    done
fi
[[ -n "$port" ]] || { echo "$0: no free port in 18080..18200 (set FLASH_PORT)" >&2; exit 1; }

# The status code of GET $1, or nothing when the server does not answer.
http_status() {
    local status
    status=$( (exec 3<>"/dev/tcp/127.0.0.1/$port" &&
        printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$1" >&3 &&
        timeout 5 head -n 1 <&3) 2>/dev/null | awk '{ print $2 }') || true
    echo "$status"
}

say "starting usher-server on 127.0.0.1:$port (database usher_flash, demo data)"
psql_admin -c "CREATE DATABASE usher_flash"
mkdir -p "$work/server" # the JWT secret's directory
export USHER_DEMO_PASSWORD=${USHER_DEMO_PASSWORD:-flash-sale-demo}
"$server_bin" --database "$(db_url usher_flash)" --listen "127.0.0.1:$port" --data-dir "$work/server" \
    --demo-data >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "$0: usher-server exited during start-up:" >&2
        tail -n 30 "$work/server.log" >&2
        server_pid=
        exit 1
    fi
    [[ "$(http_status /health/ready)" == 200 ]] && break
    sleep 0.5
done
if [[ "$(http_status /health/ready)" != 200 ]]; then
    echo "$0: usher-server is not ready after 300 s; its log ends with:" >&2
    tail -n 30 "$work/server.log" >&2
    exit 1
fi

# CPU seconds (user + system) used so far: by the given processes, or by the whole machine.
cpu_of() {
    local ticks=0 pid
    for pid in "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        ticks=$((ticks + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
machine_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat
}
postgres_pids() { pgrep -u postgres -d ' ' postgres || true; }

# As before each baseline run: the demo data's writes (and the baselines') are flushed now, not
# by a checkpoint in the middle of the sale.
psql_admin -c "CHECKPOINT"

say "flash sale: ${FLASH_CLIENTS:-50} clients, commit share ${FLASH_COMMIT_SHARE:-0.5}, event \"${FLASH_EVENT_NAME:-City Arena}\""
flash_status=0
# CPU seconds used so far by usher-server, PostgreSQL, flash-sale and the whole machine.
cpu_snapshot() {
    # shellcheck disable=SC2046 # lists of pids
    echo "$(cpu_of "$server_pid") $(cpu_of $(postgres_pids)) $(cpu_of $(pgrep -d ' ' -x flash-sale)) $(machine_cpu)"
}
# The sale's CPU: snapshots when flash-sale reports the end of the set-up and its results (the
# final seat map and the SQL check, a fraction of a second, fall in between too).
# shellcheck disable=SC2086 # FLASH_ARGS is a list of flags
"$flash_bin" --url "http://127.0.0.1:$port" --event-name "${FLASH_EVENT_NAME:-City Arena}" \
    --clients "${FLASH_CLIENTS:-50}" --commit-share "${FLASH_COMMIT_SHARE:-0.5}" \
    --threads "${FLASH_THREADS:-2}" --duration "${FLASH_DURATION:-600}" \
    --database-url "$(db_url usher_flash)" --json "$work/flash-sale.json" ${FLASH_ARGS:-} |
    while IFS= read -r line; do
        case $line in
        "flash-sale: set-up took"*) cpu_snapshot >"$work/cpu-sale-start" ;;
        "flash-sale: sale ran"*) cpu_snapshot >"$work/cpu-sale-end" ;;
        esac
        printf '%s\n' "$line" | tee -a "$work/flash-sale.txt"
    done || flash_status=$?
cpu_line=
if [[ -s "$work/cpu-sale-start" && -s "$work/cpu-sale-end" ]]; then
    cpu_line=$(paste "$work/cpu-sale-start" "$work/cpu-sale-end" | awk '{
        printf "CPU seconds during the sale: usher-server %.1f, PostgreSQL %.1f, whole machine %.1f",
            $5 - $1, $6 - $2, $8 - $4 }')
fi

if [[ "${FLASH_PG_STATS:-0}" == 1 ]]; then
    "$bindir/psql" "$(db_url usher_flash)" -X -q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
        -c "SELECT calls, round(total_exec_time) AS exec_ms, round(total_plan_time) AS plan_ms,
                   round(mean_exec_time::numeric, 3) AS mean_ms,
                   rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
              FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'usher_flash')
             ORDER BY total_exec_time + total_plan_time DESC LIMIT 25" >"$work/pg-statements.txt" 2>&1 || true
fi

result=$(grep '^flash-sale result ' "$work/flash-sale.txt" || true)
value() { tr ' ' '\n' <<<"$result" | awk -F= -v key="$1" '$1 == key { print $2 }'; }
held_per_s=$(value seats_held_per_s)
p99=$(value hold_p99_ms)
twice=$(value seats_sold_twice)
sql_check=$(value sql_check)

echo
say "flash sale vs pgbench baselines"
grep '^baseline ' "$work/baselines.txt" 2>/dev/null || echo "baselines: skipped"
[[ -n "$result" ]] && echo "$result"
if [[ -n "$held_per_s" && -n "$cas_tps" ]]; then
    awk -v held="$held_per_s" -v tps="$cas_tps" 'BEGIN {
        ratio = held / tps
        printf "Usher seats held/s / CAS baseline tps = %.1f / %.1f = %.3f (goal >= 1.0: %s)\n",
            held, tps, ratio, (ratio >= 1.0 ? "met" : "NOT met")
    }'
fi
if [[ -n "$p99" ]]; then
    awk -v p99="$p99" 'BEGIN { printf "p99 hold latency = %s ms (goal < 50 ms: %s)\n", p99, (p99 + 0 < 50 ? "met" : "NOT met") }'
fi
[[ -n "$cpu_line" ]] && echo "$cpu_line (of $(nproc) x the sale's seconds)"
echo "seats sold twice = ${twice:-unknown} (SQL check: ${sql_check:-not run}; goal 0)"
[[ "${KEEP_WORK:-0}" == 1 ]] && echo "results: $work/flash-sale.json, server log: $work/server.log"
exit "$flash_status"
