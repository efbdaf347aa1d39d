#!/usr/bin/env bash
# Load test of /api/stations against a static file of the same web process, on the recorded Vélib' data.
# Starts the AppHost with the recorded feed served as the live feed, then runs wrk at 200 connections on
#   1. /api/stations with Accept-Encoding: gzip (what browsers and CDNs ask for), and
#   2. a static file of exactly that gzip body's size, served by the same web process (random bytes, so that no
#      compression changes its size; written into wwwroot/bench/ and built in, then removed),
# and prints both and their ratio, per request and per byte. Needs ../shared beside the repository (or VELIB_SHARED).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/recorded-feed.sh
shared=${VELIB_SHARED:-../shared}
connections=${CONNECTIONS:-200}
duration=${DURATION:-15s}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else echo "wrk is missing: install Debian's wrk package" >&2; exit 1; fi
fi

work=$(mktemp -d)
bench_dir=Velib.Web/wwwroot/bench
cleanup() { kill -TERM "${apphost:-}" 2>/dev/null || true; kill "$feed" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work" "$bench_dir"; }
trap cleanup EXIT

# The recorded feed as a live GBFS 1.0 feed on loopback (Vélib's shape: feeds per language, absolute URLs).
serve_recorded_feed "$work/feed" 127.0.0.1 "$(free_port)" "$shared/data/velib/station_information.json" "$shared/data/velib/station_status.json"

start_app() {
  dotnet build Velib.sln -c Release --nologo -v quiet >/dev/null
  dotnet run -c Release --no-build --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Feed:Mode=live \
    --Velib:Feed:Url="$feed_url" --Velib:Map:TileUrl= >"$work/apphost.log" 2>&1 &
  apphost=$!
  for _ in $(seq 1 120); do
    n=$(curl -s -m 2 http://localhost:5080/api/stations | grep -o '"id"' | wc -l || true)
    [ "$n" -gt 0 ] && break
    sleep 1
  done
  [ "${n:-0}" -gt 0 ] || { echo "the app did not serve /api/stations; see $work/apphost.log" >&2; exit 1; }
}
stop_app() { kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true; }

api=/api/stations
# First run: the size of the gzip body. The web serves only the static files it was built with, so the file of
# that size is written, and the app built and started again.
start_app
api_bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://localhost:5080$api")
stop_app
mkdir -p "$bench_dir"
head -c "$api_bytes" /dev/urandom > "$bench_dir/same-size.bin"
start_app
static=bench/same-size.bin
api_bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://localhost:5080$api")
static_bytes=$(curl -s -o /dev/null -w '%{size_download}' "http://localhost:5080/$static")
echo "$n stations; $api gzip body $api_bytes B; /$static $static_bytes B"

run() { wrk -t2 -c"$connections" -d"$duration" --latency "$@" | tee "$work/wrk.out" >&2; grep 'Requests/sec' "$work/wrk.out" | awk '{print $2}'; }
echo "== $api (gzip), $connections connections" >&2
api_rps=$(run -H 'Accept-Encoding: gzip' "http://localhost:5080$api")
echo "== /$static, $connections connections" >&2
static_rps=$(run "http://localhost:5080/$static")
python3 - "$api_rps" "$static_rps" "$api_bytes" "$static_bytes" <<'PY'
import sys
a, s, ab, sb = map(float, sys.argv[1:])
print(f"/api/stations: {a:,.0f} req/s ({a*ab/1e6:,.1f} MB/s); static file: {s:,.0f} req/s ({s*sb/1e6:,.1f} MB/s)")
print(f"ratio api/static: {a/s:.2f} per request, {a*ab/(s*sb):.2f} per byte (goal: at least 0.5 per request)")
PY
