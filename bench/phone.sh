#!/usr/bin/env bash
# The map page on a phone (issue 27): the published web (Release, with the bench's plain Leaflet page, which only
# -p:VelibBenchPages=true puts in) beside the AppHost's cluster (Release) on the recorded Vélib' data, measured in
# Debian's Chromium in Lighthouse's mobile profile (bench/phone.mjs), RUNS times each page, then Lighthouse 12.2.3.
# Prints one JSON line per visit, then a table: bytes, first contentful paint, markers drawn, when every rider job
# works, with the ratios to the plain page and the goals. Loopback only; bounded (PHONE_TIMEOUT seconds for the
# browsers); stops everything it started.
#   RUNS=3 bench/phone.sh          (needs ../shared beside the repository, or VELIB_SHARED; /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/recorded-feed.sh
source bench/app.sh
shared=${VELIB_SHARED:-../shared}
runs=${RUNS:-3}
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "no Chromium at $chromium (Debian's chromium package)" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
  [ -n "${browsers:-}" ] && kill -TERM -- "-$browsers" 2>/dev/null || true # timeout's group: node and its Chromiums
  [ -n "${published:-}" ] && kill -TERM "$published" 2>/dev/null || true
  [ -n "${apphost:-}" ] && stop_app "$apphost" || true
  [ -n "${feed:-}" ] && kill "$feed" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && npm install --no-audit --no-fund --loglevel=error playwright-core@1.64.1 lighthouse@12.2.3 >/dev/null)
cp bench/phone.mjs bench/phone-visit.mjs "$work/"

snapshots=("$shared"/data/velib/timeseries-2025-11-10/station_status_*.json)
[ -f "${snapshots[0]}" ] || { echo "no recorded snapshots under $shared/data/velib" >&2; exit 1; }
serve_recorded_feed "$work/feed" 127.0.0.1 "$(free_port)" "$shared/data/velib/station_information.json" "${snapshots[0]}"

timeout 900 dotnet build Velib.AppHost -c Release --nologo -v quiet >/dev/null
# Its own obj and bin, so that the AppHost's Release build of the web never holds the bench's page.
timeout 900 dotnet publish Velib.Web -c Release -p:VelibBenchPages=true -p:IntermediateOutputPath=obj/phone-bench/ \
  -p:OutputPath=bin/phone-bench/ -o "$work/web" --nologo -v quiet >/dev/null

dotnet run -c Release --no-build --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Feed:Mode=live \
  --Velib:Feed:Url="$feed_url" --Velib:Map:TileUrl= >"$work/apphost.log" 2>&1 &
apphost=$!
version=
for _ in $(seq 1 120); do
  version=$(curl -s -m 2 -o /dev/null -D - http://localhost:5080/api/stations | sed -nE 's/^[Ee][Tt]ag: "v([0-9]+)".*/\1/p' | tr -d '\r' || true)
  [ -n "$version" ] && [ "$version" -gt 0 ] && break
  sleep 1
done
[ -n "$version" ] || { echo "the AppHost's web did not serve /api/stations; log:" >&2; tail -20 "$work/apphost.log" >&2; exit 1; }

# The published web, with the AppHost's web environment (store, Orleans gateways, settings) and another address.
web=$(pgrep -f "$PWD/Velib.Web/bin/Release/net10.0/Velib.Web(\.dll)?( |$)" | head -n 1)
mapfile -d '' variables < "/proc/$web/environ"
keep=()
for v in "${variables[@]}"; do case "$v" in ASPNETCORE_URLS=*|HTTP_PORTS=*|ASPNETCORE_HTTP_PORTS=*) ;; *) keep+=("$v") ;; esac; done
port=$(free_port)
(cd "$work/web" && exec env -i "${keep[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet Velib.Web.dll >"$work/published.log" 2>&1) &
published=$!
for _ in $(seq 1 60); do
  curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/stations" | grep -q 200 && break
  sleep 1
done
curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/bench/plain-leaflet.html" | grep -q 200 \
  || { echo "the published web does not serve the plain page; log:" >&2; tail -20 "$work/published.log" >&2; exit 1; }
echo "published web on port $port, network version $version, $(date -u +%FT%TZ)"

# In its own process group (timeout's), so that the cleanup reaches every Chromium it started.
timeout -k 10 "${PHONE_TIMEOUT:-1500}" node "$work/phone.mjs" "http://127.0.0.1:$port/" "$chromium" "$runs" \
  "$work/node_modules/lighthouse/cli/index.js" &
browsers=$!
wait "$browsers"
browsers=
