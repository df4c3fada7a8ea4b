#!/usr/bin/env bash
# The pgbench baselines of the flash-sale benchmark (issue 3): how fast bare PostgreSQL holds one seat
# when nothing but the statement runs, on the same PostgreSQL that Usher uses.
#
#   tests/load/pgbench_baselines.sh DATABASE_URL
#
# In DATABASE_URL (a libpq URL; a scratch database: its tables `seats` and `seat_holds` are dropped
# and made anew) it creates seats(id, event_id, status, version, held_by, held_until) with 2,000,000
# rows in status 'AVAILABLE' and seat_holds, then runs each script with pgbench, 50 clients, 2 threads,
# 20 s, a random seat :sid in 1..2,000,000 and a random user :uid per transaction:
#   cas          optimistic compare-and-set, one statement per transaction (autocommit):
#                UPDATE seats SET status='HELD', ... WHERE id=:sid AND status='AVAILABLE'
#   pessimistic  BEGIN; SELECT status ... FOR UPDATE; UPDATE ...; INSERT INTO seat_holds ...; COMMIT;
#                (the UPDATE and INSERT run only when the locked seat is AVAILABLE, as an application
#                would decide; with 2,000,000 seats that is nearly every time)
# Before each run every seat is made AVAILABLE again, seat_holds is emptied, the table vacuumed and
# a checkpoint taken. tps counts every transaction, as pgbench does, including the few that found
# their seat already held; `seats_held` says how many seats the run actually held.
#
# Output, one line per baseline (the human-readable pgbench report goes to stderr):
#   baseline cas tps=6012.3 latency_avg_ms=8.31 latency_p50_ms=7.9 latency_p95_ms=14.2
#       latency_p99_ms=21.0 transactions=120340 failed=0 seats_held=116800 clients=50 threads=2 seconds=20
#
# Environment: PG_BINDIR (default /usr/lib/postgresql/15/bin), BASELINE_ROWS (2000000),
# BASELINE_CLIENTS (50), BASELINE_THREADS (2), BASELINE_SECONDS (20), BASELINE_PROTOCOL (simple;
# pgbench -M: simple, extended or prepared), BASELINES ("cas pessimistic").
set -euo pipefail

if [[ $# -ne 1 || "$1" == -* ]]; then
    echo "usage: $0 DATABASE_URL" >&2
    exit 2
fi
url=$1
bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
rows=${BASELINE_ROWS:-2000000}
clients=${BASELINE_CLIENTS:-50}
threads=${BASELINE_THREADS:-2}
seconds=${BASELINE_SECONDS:-20}
protocol=${BASELINE_PROTOCOL:-simple}
baselines=${BASELINES:-cas pessimistic}

for program in psql pgbench; do
    if [[ ! -x "$bindir/$program" ]]; then
        echo "$0: $bindir/$program not found (install postgresql-15 or set PG_BINDIR)" >&2
        exit 2
    fi
done

work=$(mktemp -d /tmp/usher-pgbench.XXXXXX)
trap 'rm -rf "$work"' EXIT

sql() {
    PGOPTIONS="-c client_min_messages=warning" "$bindir/psql" "$url" -X -q -v ON_ERROR_STOP=1 "$@"
}

cat >"$work/cas.sql" <<'EOF'
\set sid random(1, :rows)
\set uid random(1, 1000000000)
UPDATE seats SET status = 'HELD', held_by = :uid, held_until = now() + interval '10 minutes', version = version + 1 WHERE id = :sid AND status = 'AVAILABLE';
EOF

cat >"$work/pessimistic.sql" <<'EOF'
\set sid random(1, :rows)
\set uid random(1, 1000000000)
BEGIN;
SELECT (status = 'AVAILABLE')::int AS available FROM seats WHERE id = :sid FOR UPDATE \gset
\if :available
UPDATE seats SET status = 'HELD', held_by = :uid, held_until = now() + interval '10 minutes', version = version + 1 WHERE id = :sid;
INSERT INTO seat_holds (seat_id, user_id, held_until) VALUES (:sid, :uid, now() + interval '10 minutes');
\endif
COMMIT;
EOF

echo "pgbench baselines: creating $rows seats" >&2
sql -c "DROP TABLE IF EXISTS seat_holds" -c "DROP TABLE IF EXISTS seats"
sql <<EOF
CREATE TABLE seats (
    id         bigserial PRIMARY KEY,
    event_id   bigint,
    status     text,
    version    bigint,
    held_by    bigint,
    held_until timestamptz
);
-- 20,000 seats per event; the benchmark picks seats, not events.
INSERT INTO seats (event_id, status, version)
    SELECT 1 + (g - 1) / 20000, 'AVAILABLE', 0 FROM generate_series(1, $rows) AS g;
CREATE TABLE seat_holds (
    id         bigserial PRIMARY KEY,
    seat_id    bigint NOT NULL,
    user_id    bigint NOT NULL,
    held_until timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
EOF

reset_seats() {
    sql -c "UPDATE seats SET status = 'AVAILABLE', version = 0, held_by = NULL, held_until = NULL WHERE status <> 'AVAILABLE'" \
        -c "TRUNCATE seat_holds" -c "VACUUM ANALYZE seats" -c "CHECKPOINT"
}

# Nearest-rank percentiles (ms) of the per-transaction latencies (µs, third column) in pgbench's logs;
# failed transactions have no number there and are left out.
percentiles() {
    cat "$@" | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "latency_p50_ms=nan latency_p95_ms=nan latency_p99_ms=nan"; exit }
            split("50 95 99", ps, " ")
            out = ""
            for (i = 1; i <= 3; i++) {
                rank = int((ps[i] / 100) * NR + 0.999999); if (rank < 1) rank = 1; if (rank > NR) rank = NR
                out = out sprintf("%slatency_p%d_ms=%.3f", (i > 1 ? " " : ""), ps[i], v[rank] / 1000)
            }
            print out
        }'
}

status=0
for name in $baselines; do
    if [[ ! -f "$work/$name.sql" ]]; then
        echo "$0: unknown baseline \"$name\" (cas, pessimistic)" >&2
        exit 2
    fi
    echo "pgbench baselines: resetting seats before \"$name\"" >&2
    reset_seats
    echo "pgbench baselines: running \"$name\" ($clients clients, $threads threads, $seconds s, -M $protocol)" >&2
    mkdir -p "$work/log-$name"
    if ! (cd "$work/log-$name" &&
        "$bindir/pgbench" -n -c "$clients" -j "$threads" -T "$seconds" -M "$protocol" -D rows="$rows" \
            -f "$work/$name.sql" -l --log-prefix=tx "$url") >"$work/$name.out" 2>"$work/$name.err"; then
        cat "$work/$name.out" "$work/$name.err" >&2
        echo "$0: pgbench failed for \"$name\"" >&2
        status=1
        continue
    fi
    cat "$work/$name.out" >&2
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$work/$name.out" | head -n 1)
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$work/$name.out" | head -n 1)
    transactions=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/$name.out" | head -n 1)
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/$name.out" | head -n 1)
    held=$(sql -t -A -c "SELECT count(*) FROM seats WHERE status = 'HELD'")
    echo "baseline $name tps=${tps:-nan} latency_avg_ms=${latency:-nan} $(percentiles "$work/log-$name"/tx.*)" \
        "transactions=${transactions:-0} failed=${failed:-0} seats_held=$held clients=$clients threads=$threads" \
        "seconds=$seconds protocol=$protocol"
done
exit $status
