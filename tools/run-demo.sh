#!/usr/bin/env bash
# `make demo`: the reference central server on loopback, serving the demo dataset,
# and a kiosk pointed at it (kiosk id HALL01). Closing the kiosk stops the server.
# Data (server database, its log, the kiosk's own data) stays under var/demo/.
# DEVSERVER_PORT (default 8765) and DEVSERVER_TOKEN (default dev-token) override.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${DEMO_PYTHON:-.venv/bin/python}"
DATA="var/demo"
PORT="${DEVSERVER_PORT:-8765}"
TOKEN="${DEVSERVER_TOKEN:-dev-token}"
mkdir -p "$DATA/kiosk"

"$PY" -m devserver --host 127.0.0.1 --port "$PORT" --db "$DATA/devserver.sqlite3" \
  --dataset demo --token "$TOKEN" --quiet >>"$DATA/devserver.log" 2>&1 &
SERVER_PID=$!
stop_server() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT INT TERM

URL="http://127.0.0.1:$PORT/api/v1"
echo "Starting the reference server at $URL (log: $DATA/devserver.log) ..."
for _ in $(seq 1 120); do
  if "$PY" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" \
    "$URL/health" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "The reference server did not start (port $PORT in use? set DEVSERVER_PORT):" >&2
    tail -n 20 "$DATA/devserver.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "Reference server up. Control panel: http://127.0.0.1:$PORT/_dev/state (see docs/devserver.md)"

export LEGAL_KIOSK_CENTRAL__URL="$URL"
export LEGAL_KIOSK_CENTRAL__TOKEN="$TOKEN"
export LEGAL_KIOSK_KIOSK__ID="HALL01"
export LEGAL_KIOSK_STORAGE__DATA_DIR="$PWD/$DATA/kiosk"
# Not exec: this shell must outlive the kiosk to stop the server afterwards.
bash tools/run-kiosk.sh "$@"
