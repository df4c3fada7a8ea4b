#!/usr/bin/env bash
# CTest smoke of the flash-sale benchmark, end to end but small: usher-server with the demo data on a
# fresh database of the usher_postgres fixture's cluster, then flash-sale with a few clients sharing
# the demo customer's account (no sign-ups, so no Argon2id hashes) until an arena event is sold out,
# with the SQL check. It asserts what flash-sale asserts: no 5xx, no transport error, no unexpected
# answer, sold out, nothing sold twice. No timing is checked.
#
#   flash_sale_smoke.sh SERVER_BIN FLASH_SALE_BIN DATABASE_URL_FILE
set -euo pipefail

server_bin=$1
flash_bin=$2
admin_url=$(head -n 1 "$3")
database=usher_flash_smoke_$$
# The fixture's URL names the postgres database: the same server, another database.
url=${admin_url/\/postgres\?//$database?}
[[ "$url" != "$admin_url" ]] || { echo "$0: cannot derive a database URL from $admin_url" >&2; exit 2; }

work=$(mktemp -d /tmp/usher-flash-smoke.XXXXXX)
server_pid=
cleanup() {
    local status=$?
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    psql "$admin_url" -X -q -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
    if [[ $status -ne 0 && -f "$work/server.log" ]]; then
        echo "--- usher-server log (last 30 lines) ---" >&2
        tail -n 30 "$work/server.log" >&2
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

psql "$admin_url" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $database"

port=
for candidate in $(seq 18300 18400); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
    fi
done
[[ -n "$port" ]] || { echo "$0: no free port in 18300..18400" >&2; exit 1; }

export USHER_DEMO_PASSWORD=flash-smoke-demo
"$server_bin" --database "$url" --listen "127.0.0.1:$port" --data-dir "$work/server" --demo-data \
    >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
    kill -0 "$server_pid" 2>/dev/null || { echo "$0: usher-server exited during start-up" >&2; exit 1; }
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "$0: usher-server is not ready" >&2; exit 1; }

"$flash_bin" --url "http://127.0.0.1:$port" --event-name "Lisbon Lions" --clients 16 \
    --email customer@demo.usher --password "$USHER_DEMO_PASSWORD" --duration 240 \
    --database-url "$url" | tee "$work/flash-sale.txt"
grep -q '^flash-sale result .* sold_out=1 errors=0 sql_check=ok seats_sold_twice=0' "$work/flash-sale.txt" ||
    { echo "$0: the sale did not sell out cleanly" >&2; exit 1; }
