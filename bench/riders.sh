#!/usr/bin/env bash
# Riders at scale: N stream clients on one web process, on the recorded Vélib' data.
# For each coding asked for (gzip, as browsers' EventSource; identity, as curl -N), starts the AppHost (Release) with
# the recorded snapshots served as the live feed, opens N Server-Sent Event streams from one Node script
# (bench/riders.mjs), advances the feed ROUNDS times, and prints for each version how long after the cycle (and after
# the first client) every client had it, and the web's CPU. It fails unless every client received every version.
# Memory, from the kernel's view of the real Velib.Web process: its resident set before the clients (baseline), its
# peak while they connect and their first full event is written, its peak while the ROUNDS versions are delivered
# (the high-water mark VmHWM, reset before each phase through clear_refs, and the RSS sampled every 100 ms), and its
# resident set after they left. The first pass also compares /api/stations throughput under that load with a static
# file of the same process (the map's outline: compare per request and per byte). Loopback only.
#   RIDERS=5000 ROUNDS=3 CODINGS="gzip identity" bench/riders.sh   (needs ../shared beside the repository, or VELIB_SHARED)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/recorded-feed.sh
source bench/app.sh
shared=${VELIB_SHARED:-../shared}
riders=${RIDERS:-5000}
rounds=${ROUNDS:-3}
poll=${POLL:-00:00:05}
codings=${CODINGS:-${CODING:-gzip identity}}
throughput=${WRK:-1} # 0 skips the /api/stations against static file comparison

# Each client is a socket: raise the soft open-files limit to the hard one, for this script only.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((riders + 500)) ] || { echo "open-files limit $(ulimit -n) is too low for $riders riders" >&2; exit 1; }
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
cleanup() { [ -n "${KEEP_LOG:-}" ] && cp "$work/apphost.log" "$KEEP_LOG"; exec 3>&- 2>/dev/null || true; kill "${node:-}" "${sampler:-}" 2>/dev/null || true
  [ -n "${apphost:-}" ] && stop_app "$apphost"; kill "${feed:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

snapshots=("$shared"/data/velib/timeseries-2025-11-10/station_status_*.json)
[ "${#snapshots[@]}" -gt "$rounds" ] || { echo "$rounds rounds need $((rounds + 1)) recorded snapshots; ${#snapshots[@]} found" >&2; exit 1; }
dotnet build Velib.sln -c Release --nologo -v quiet >/dev/null

etag() { curl -s -m 2 -o /dev/null -D - http://localhost:5080/api/stations | sed -nE 's/^[Ee][Tt]ag: "v([0-9]+)".*/\1/p' | tr -d '\r' || true; }
status_mb() { awk -v k="$1:" '$1 == k {print int($2/1024)}' "/proc/$web/status"; }
reset_peak() { echo 5 > "/proc/$web/clear_refs"; } # VmHWM starts again from the RSS now
cpu() { awk '{print $14 + $15}' "/proc/$web/stat"; } # clock ticks, user + system
hz=$(getconf CLK_TCK)
failures=0
summary=()

run() {
  local coding=$1 pass=$2 version next result
  rm -rf "$work/feed" "$work/data"
  serve_recorded_feed "$work/feed" 127.0.0.1 "$(free_port)" "$shared/data/velib/station_information.json" "${snapshots[0]}"
  dotnet run -c Release --no-build --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Feed:Mode=live \
    --Velib:Feed:PollInterval="$poll" --Velib:Feed:Url="$feed_url" --Velib:Map:TileUrl= >"$work/apphost.log" 2>&1 &
  apphost=$!
  for _ in $(seq 1 120); do version=$(etag); [ -n "$version" ] && [ "$version" -gt 0 ] && break; sleep 1; done
  [ -n "${version:-}" ] || { echo "the app did not serve /api/stations; see $work/apphost.log" >&2; exit 1; }
  # The web's own process (the AppHost starts it with its project's dll).
  web=$(pgrep -f "$PWD/Velib.Web/bin/Release/net10.0/Velib.Web(\.dll)?( |$)" | head -n 1)
  echo "== $riders $coding clients, web pid $web, version $version"
  sleep 5 # the first cycles settle
  local baseline cpu_before connected connect_peak delivery_peak sampled_peak left later received=0 expected=0
  baseline=$(status_mb VmRSS); cpu_before=$(cpu)
  # The RSS every 100 ms, to a file (one line a sample), read back as the peak of the delivery phase.
  (while [ -e "/proc/$web/status" ]; do awk '$1 == "VmRSS:" {print int($2/1024)}' "/proc/$web/status" 2>/dev/null; sleep 0.1; done >"$work/rss") &
  sampler=$!
  reset_peak
  coproc RIDERS_NODE { node bench/riders.mjs 5080 "$riders" 60000 "$coding"; }
  node=$RIDERS_NODE_PID
  read -r -u "${RIDERS_NODE[0]}" ready; echo "$ready"
  connected=$(status_mb VmRSS); connect_peak=$(status_mb VmHWM)
  echo "baseline $baseline MB; $riders clients connected: $connected MB (+$((connected - baseline))), peak while connecting $connect_peak MB (+$((connect_peak - baseline)))"

  reset_peak
  local samples_from; samples_from=$(wc -l <"$work/rss")
  for round in $(seq 1 "$rounds"); do
    advance_feed "$work/feed" "${snapshots[$round]}"
    local cpu_round; cpu_round=$(cpu)
    # The next version: wait until the API shows a newer one, then until every client has it.
    for _ in $(seq 1 120); do next=$(etag); [ "${next:-0}" -gt "$version" ] && break; sleep 0.5; done
    expected=$((expected + 1))
    [ "${next:-0}" -gt "$version" ] || { echo "round $round: no version after $version within 60 s"; continue; }
    echo "wait $next" >&"${RIDERS_NODE[1]}"
    read -r -u "${RIDERS_NODE[0]}" result
    echo "round $round: $result; web RSS $(status_mb VmRSS) MB, CPU $(( ($(cpu) - cpu_round) * 1000 / hz )) ms this round"
    [[ $result =~ \"received\":([0-9]+),\"of\":([0-9]+) ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && received=$((received + 1))
    version=$next
  done
  delivery_peak=$(status_mb VmHWM)
  sampled_peak=$(tail -n +"$((samples_from + 1))" "$work/rss" | sort -n | tail -n 1)

  if [ "$throughput" = 1 ] && [ "$pass" = 1 ]; then
    local api_bytes static_bytes api_rps static_rps static=geo/paris-outline.json
    api_bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' http://localhost:5080/api/stations)
    static_bytes=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://localhost:5080/$static")
    echo "/api/stations (gzip, $api_bytes B) and /$static (gzip, $static_bytes B), 100 connections, with $riders clients open"
    api_rps=$(wrk -t2 -c100 -d10s -H 'Accept-Encoding: gzip' http://localhost:5080/api/stations | awk '/Requests\/sec/ {print $2}')
    static_rps=$(wrk -t2 -c100 -d10s -H 'Accept-Encoding: gzip' "http://localhost:5080/$static" | awk '/Requests\/sec/ {print $2}')
    python3 -c "import sys; a,s=map(float,sys.argv[1:]); print(f'/api/stations {a:,.0f} req/s; static file {s:,.0f} req/s; ratio {a/s:.2f} (goal >= 0.5)')" "$api_rps" "$static_rps"
  fi
  echo "quit" >&"${RIDERS_NODE[1]}"
  local bye; read -r -u "${RIDERS_NODE[0]}" bye || true
  wait "$node" 2>/dev/null || true; node=
  sleep 3
  left=$(status_mb VmRSS)
  echo "$bye; web RSS after the clients left: $left MB; web CPU over the run: $(( ($(cpu) - cpu_before) * 1000 / hz )) ms"
  sleep 30
  later=$(status_mb VmRSS)
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=
  [ -n "${KEEP_RSS:-}" ] && cp "$work/rss" "$KEEP_RSS.$coding" # one line every 100 ms, in MB
  stop_app "$apphost"; apphost=
  kill "$feed" 2>/dev/null || true; wait "$feed" 2>/dev/null || true
  [ "$received" = "$expected" ] || { echo "FAILED: $((expected - received)) of $expected versions did not reach every client" >&2; failures=$((failures + 1)); }
  local peak=$(( delivery_peak > sampled_peak ? delivery_peak : sampled_peak ))
  summary+=("$(printf '%-8s %6s %9s %9s %9s %9s %9s %9s %6s' "$coding" "$riders" "$baseline" \
    "+$((connected - baseline))" "+$((connect_peak - baseline))" "+$((peak - baseline))" "$left" "$later" "$received/$expected")")
}

pass=0
for coding in $codings; do pass=$((pass + 1)); run "$coding" "$pass"; done
echo "== web memory, MB (RSS of Velib.Web; peak = VmHWM and 100 ms RSS samples), $(date -u +%F)"
printf '%-8s %6s %9s %9s %9s %9s %9s %9s %6s\n' coding clients baseline connected "conn.peak" "dlv.peak" left "left+30s" "all"
printf '%s\n' "${summary[@]}"
[ "$failures" = 0 ]
