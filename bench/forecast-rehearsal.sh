#!/usr/bin/env bash
# Issue 20's acceptance, rehearsed on the shared history through a running app's API: starts the app as a user does
# (`dotnet run --project Velib.AppHost`, a fresh data folder), then `Velib.Benchmarks --rehearse` imports the months
# before April with the command line, asks forecasts at instants of March, imports April, asks them again (they must
# not change), compares /api/stations?at= with April's snapshots, times April's timeline and scores
# /api/stations/forecast?at=T&horizon=<gap to the next snapshot> at INSTANTS April snapshots against calibrated
# persistence. Stops the app at the end.
#   INSTANTS=30 bench/forecast-rehearsal.sh
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-Release}
work=$(mktemp -d)
source bench/app.sh
cleanup() { [ -n "${apphost:-}" ] && stop_app "$apphost"; rm -rf "$work"; }
trap cleanup EXIT
if pgrep -f "$PWD/Velib\.(AppHost|Silo|Web)" >/dev/null; then echo "a Velib app from this checkout is running: stop it first" >&2; exit 2; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

dotnet build Velib.sln -c "$config" --nologo -v quiet >/dev/null
dotnet run -c "$config" --no-build --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Web:Port="$port" >"$work/apphost.log" 2>&1 &
apphost=$!
for _ in $(seq 1 1800); do
  count=$(curl -sf -m 2 "http://127.0.0.1:$port/api/stations" 2>/dev/null | grep -o '"id"' | wc -l || true)
  [ "${count:-0}" -gt 1000 ] && break
  kill -0 "$apphost" 2>/dev/null || { echo "the AppHost exited; its log:" >&2; tail -40 "$work/apphost.log" >&2; exit 1; }
  sleep 0.1
done
[ "${count:-0}" -gt 1000 ] || { echo "the map did not serve within 180 s; the log's end:" >&2; tail -40 "$work/apphost.log" >&2; exit 1; }
dotnet run -c "$config" --no-build --project Velib.Benchmarks -- --rehearse "http://127.0.0.1:$port" --config "$config" --instants "${INSTANTS:-30}"
