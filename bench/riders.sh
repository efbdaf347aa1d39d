#!/usr/bin/env bash
# Riders at scale: N stream clients on one web process, on the recorded Vélib' data.
# Starts the AppHost (Release) with the recorded snapshots served as the live feed, opens N Server-Sent Event
# streams from one Node script (bench/riders.mjs), advances the feed ROUNDS times, and prints for each version how
# long after the cycle (and after the first client) every client had it, with the web's RSS and CPU and
# /api/stations throughput under that load next to a static file of the same process (the map's outline, 116 KB
# gzipped, against the API's 34 KB: compare per request and per byte). Loopback only.
#   RIDERS=5000 ROUNDS=3 CODING=gzip bench/riders.sh          (needs ../shared beside the repository, or VELIB_SHARED)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/recorded-feed.sh
shared=${VELIB_SHARED:-../shared}
riders=${RIDERS:-5000}
rounds=${ROUNDS:-3}
poll=${POLL:-00:00:05}
coding=${CODING:-gzip} # what the clients accept: gzip, as browsers, or identity

# Each client is a socket: raise the soft open-files limit to the hard one, for this script only.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((riders + 500)) ] || { echo "open-files limit $(ulimit -n) is too low for $riders riders" >&2; exit 1; }
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
cleanup() { [ -n "${KEEP_LOG:-}" ] && cp "$work/apphost.log" "$KEEP_LOG"; exec 3>&- 2>/dev/null || true; kill "${node:-}" 2>/dev/null || true; kill -TERM "${apphost:-}" 2>/dev/null || true
  kill "${feed:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

snapshots=("$shared"/data/velib/timeseries-2025-11-10/station_status_*.json)
serve_recorded_feed "$work/feed" 127.0.0.1 "$(free_port)" "$shared/data/velib/station_information.json" "${snapshots[0]}"

dotnet build Velib.sln -c Release --nologo -v quiet >/dev/null
dotnet run -c Release --no-build --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Feed:Mode=live \
  --Velib:Feed:PollInterval="$poll" --Velib:Feed:Url="$feed_url" --Velib:Map:TileUrl= >"$work/apphost.log" 2>&1 &
apphost=$!
for _ in $(seq 1 120); do
  version=$(curl -s -m 2 -o /dev/null -D - http://localhost:5080/api/stations | sed -nE 's/^[Ee][Tt]ag: "v([0-9]+)".*/\1/p' | tr -d '\r' || true)
  [ -n "$version" ] && [ "$version" -gt 0 ] && break
  sleep 1
done
[ -n "${version:-}" ] || { echo "the app did not serve /api/stations; see $work/apphost.log" >&2; exit 1; }
# The web's own process (the AppHost starts it with its project's dll).
web=$(pgrep -f "$PWD/Velib.Web/bin/Release/net10.0/Velib.Web(\.dll)?( |$)" | head -n 1)
ps -o pid,rss,args -p "$web" | cut -c1-160
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$web/status"; }
cpu() { awk '{print $14 + $15}' "/proc/$web/stat"; } # clock ticks, user + system
hz=$(getconf CLK_TCK)
sleep 5 # the first cycles settle
rss_before=$(rss); cpu_before=$(cpu)
echo "web pid $web: RSS before $rss_before MB, version $version"

coproc RIDERS_NODE { node bench/riders.mjs 5080 "$riders" 60000 "$coding"; }
node=$RIDERS_NODE_PID
read -r -u "${RIDERS_NODE[0]}" ready; echo "$ready"
rss_connected=$(rss)
echo "RSS with $riders clients connected: $rss_connected MB (+$((rss_connected - rss_before)) MB)"

for round in $(seq 1 "$rounds"); do
  advance_feed "$work/feed" "${snapshots[$round]}"
  cpu_round=$(cpu)
  # The next version: wait until the API shows a newer one, then until every client has it.
  for _ in $(seq 1 60); do
    next=$(curl -s -m 2 -o /dev/null -D - http://localhost:5080/api/stations | sed -nE 's/^[Ee][Tt]ag: "v([0-9]+)".*/\1/p' | tr -d '\r' || true)
    [ "${next:-0}" -gt "$version" ] && break
    sleep 0.5
  done
  echo "wait $next" >&"${RIDERS_NODE[1]}"
  read -r -u "${RIDERS_NODE[0]}" result
  echo "round $round: $result; web RSS $(rss) MB, CPU $(( ($(cpu) - cpu_round) * 1000 / hz )) ms this round"
  version=$next
done

api_bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' http://localhost:5080/api/stations)
# The static file: the map's outline, served precompressed by the same process (26 KB gzipped, near the API's 34 KB).
static=geo/paris-outline.json
static_bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://localhost:5080/$static")
echo "== /api/stations (gzip, $api_bytes B) and /$static (gzip, $static_bytes B), 100 connections, with $riders clients open" >&2
wrk_rps() { wrk -t2 -c100 -d10s "$@" | awk '/Requests\/sec/ {print $2}'; }
api_rps=$(wrk_rps -H 'Accept-Encoding: gzip' http://localhost:5080/api/stations)
static_rps=$(wrk_rps -H 'Accept-Encoding: gzip' "http://localhost:5080/$static")
python3 -c "import sys; a,s=map(float,sys.argv[1:]); print(f'/api/stations {a:,.0f} req/s; static file {s:,.0f} req/s; ratio {a/s:.2f} (goal >= 0.5)')" "$api_rps" "$static_rps"
echo "quit" >&"${RIDERS_NODE[1]}"
read -r -u "${RIDERS_NODE[0]}" bye || true
sleep 3
echo "$bye; web RSS after the clients left: $(rss) MB (before: $rss_before MB); web CPU over the run: $(( ($(cpu) - cpu_before) * 1000 / hz )) ms"
sleep 30
echo "web RSS 30 s later: $(rss) MB; peak over the run: $(awk '/VmHWM/ {print int($2/1024)}' "/proc/$web/status") MB"
