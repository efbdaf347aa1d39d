#!/usr/bin/env bash
# Restart at any uptime: from `dotnet run --project Velib.AppHost` to the map serving, on a copy of a store's data.
# DATA is a folder holding garnet/ (and optionally s3/), for example the one that
# `dotnet run -c Release --project Velib.Benchmarks -- --months 1 --keep` leaves (moved into DATA/garnet); without
# DATA the store starts empty. The map is serving when the page answers and /api/stations holds the network.
# Prints the time to each step, then stops the app with SIGTERM (as Ctrl+C) and times until every process of it is gone.
#   DATA=/some/folder RUNS=2 CONFIG=Debug bench/restart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-2}
config=${CONFIG:-Debug}

work=$(mktemp -d)
source bench/app.sh
cleanup() { [ -n "${apphost:-}" ] && stop_app "$apphost"; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

dotnet build Velib.sln -c "$config" --nologo -v quiet >/dev/null
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if pgrep -f "$PWD/Velib\.(AppHost|Silo|Web)" >/dev/null; then echo "a Velib app from this checkout is running: stop it first" >&2; exit 2; fi
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data"; mkdir -p "$work/data"
  if [ -n "${DATA:-}" ]; then cp -r "$DATA"/. "$work/data/"; fi
  folder=$(du -sm "$work/data" | cut -f1)
  start=$(now)
  # What a user types (the build is up to date, so this is its check, then the start).
  dotnet run -c "$config" --project Velib.AppHost -- --Velib:DataDir="$work/data" --Velib:Web:Port="$port" \
    >"$work/apphost.log" 2>&1 &
  apphost=$!
  page="" stations=""
  for _ in $(seq 1 1200); do
    if [ -z "$page" ] && curl -sf -m 2 -o /dev/null "http://127.0.0.1:$port/"; then page=$(since "$start"); fi
    if [ -z "$stations" ]; then
      count=$(curl -sf -m 2 "http://127.0.0.1:$port/api/stations" 2>/dev/null | grep -o '"id"' | wc -l || true)
      [ "${count:-0}" -gt 1000 ] && stations=$(since "$start")
    fi
    [ -n "$page" ] && [ -n "$stations" ] && break
    kill -0 "$apphost" 2>/dev/null || { echo "the AppHost exited; its log:" >&2; tail -40 "$work/apphost.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$stations" ] || { echo "run $run: the map did not serve within 120 s; the log's end:" >&2; tail -40 "$work/apphost.log" >&2; exit 1; }
  version=$(curl -s -m 2 -o /dev/null -D - "http://127.0.0.1:$port/api/stations" | sed -nE 's/^[Ee][Tt]ag: "v([0-9]+)".*/\1/p' | tr -d '\r' || true)
  # When each process started, from the kernel's clock: where the time goes.
  boot=$(awk -v up="$(cut -d' ' -f1 /proc/uptime)" -v t="$(now)" 'BEGIN { printf "%.2f", t - up }')
  started=$(for pid in $(pgrep -f "$PWD/Velib\.(AppHost|Store|Silo|Web)/"); do
      name=$(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -oE 'Velib\.(AppHost|Store|Silo|Web)' | head -n 1)
      awk -v b="$boot" -v s="$start" -v hz="$(getconf CLK_TCK)" -v n="$name" '{ printf "%s +%.1f s\n", n, b + $22 / hz - s }' "/proc/$pid/stat"
    done | sort -t+ -k2 -n | tr '\n' ',' | sed 's/,$//; s/,/, /g')
  stopping=$(now)
  stop_app "$apphost"; wait "$apphost" 2>/dev/null || true; apphost=""
  echo "run $run ($config, data folder ${folder} MB): page ${page} s, /api/stations with ${count} stations ${stations} s (version ${version:-?}); stopped in $(since "$stopping") s"
  echo "  processes started: $started"
done
