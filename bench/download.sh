#!/usr/bin/env bash
# Download size of the map page, Brotli as browsers ask for it: a first visit and a repeat visit, in headless
# Chromium. What riders get is the published web (`dotnet publish`, with its build-time compressed assets), so the
# script starts the AppHost (Release, simulated network, no tiles) for the cluster, then the published web beside the
# AppHost's own, with the same environment, on port 5090, and measures that one; download.mjs waits until every rider
# job works. Installs playwright-core in a temporary folder; needs Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cleanup() { kill -TERM "${published:-}" "${apphost:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && npm install --no-audit --no-fund --loglevel=error playwright-core@1.64.1 >/dev/null)
cp bench/download.mjs "$work/"
dotnet build Velib.sln -c Release --nologo -v quiet >/dev/null
dotnet publish Velib.Web -c Release -o "$work/web" --nologo -v quiet >/dev/null
dotnet run -c Release --no-build --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Feed:Mode=simulated --Velib:Map:TileUrl= >"$work/apphost.log" 2>&1 &
apphost=$!
for _ in $(seq 1 120); do
  curl -s -m 2 -o /dev/null -w '%{http_code}' http://localhost:5080/api/stations | grep -q 200 && break
  sleep 1
done
web=$(pgrep -f "$PWD/Velib.Web/bin/Release/net10.0/Velib.Web(\.dll)?( |$)" | head -n 1)
# The AppHost's web environment (store, Orleans gateways, settings), with another address.
mapfile -d '' variables < "/proc/$web/environ"
keep=()
for v in "${variables[@]}"; do case "$v" in ASPNETCORE_URLS=*|HTTP_PORTS=*|ASPNETCORE_HTTP_PORTS=*) ;; *) keep+=("$v") ;; esac; done
(cd "$work/web" && exec env -i "${keep[@]}" ASPNETCORE_URLS=http://127.0.0.1:5090 dotnet Velib.Web.dll >"$work/published.log" 2>&1) &
published=$!
for _ in $(seq 1 60); do
  curl -s -m 2 -o /dev/null -w '%{http_code}' http://127.0.0.1:5090/api/stations | grep -q 200 && break
  sleep 1
done
node "$work/download.mjs" http://127.0.0.1:5090/ /usr/bin/chromium
