#!/usr/bin/env bash
# Download size of the map page, Brotli as browsers ask for it: a first visit and a repeat visit, in headless
# Chromium against the Release build of the AppHost (simulated network, no tiles). Installs playwright-core in a
# temporary folder; needs Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cleanup() { kill -TERM "${apphost:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && npm install --no-audit --no-fund --loglevel=error playwright-core@1.64.1 >/dev/null)
cp bench/download.mjs "$work/"
dotnet build Velib.sln -c Release --nologo -v quiet >/dev/null
dotnet run -c Release --no-build --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Feed:Mode=simulated --Velib:Map:TileUrl= >"$work/apphost.log" 2>&1 &
apphost=$!
for _ in $(seq 1 120); do
  curl -s -m 2 -o /dev/null -w '%{http_code}' http://localhost:5080/api/stations | grep -q 200 && break
  sleep 1
done
node "$work/download.mjs" http://localhost:5080/ /usr/bin/chromium
