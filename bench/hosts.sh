#!/usr/bin/env bash
# The cluster on separate hosts, on this one machine: one Linux network namespace per host (the store, S3, three
# silos, two webs), each with its own address on a private test subnet, joined by a bridge that this script creates
# and always removes. Every process runs from its published build (dotnet publish) with environment variables only:
# the keys of the deployment table in docs/operations.md. The recorded Vélib' snapshots are served as the live feed from the host
# side of the bridge, one snapshot after another. Then, in order, each with a bounded wait and a printed figure:
#   1. kill -9 of the silo that hosts ingestion (then it is started again, as a supervisor would);
#   2. a partition of the silo that hosts ingestion then: its link is down for PARTITION seconds (60), then up;
#   3. the store's link down for STORE_CUT seconds (30), then up.
# After each: polling resumes on a surviving silo, and /api/stations on both webs shows the next snapshot. The
# partitioned silo must poll nothing once it is back (the feed server's log says who polled), and must leave the
# cluster visibly (its log says it was declared dead, and it exits). At the end the archive is flushed and checked
# with DuckDB (bench/archive-check): every change exactly once, and the latest row per station equals the snapshot.
# Exit code: 0 when every check passed, 1 when one failed, 2 when the test could not run.
#   sudo bench/hosts.sh          (root: ip netns; needs ../shared beside the repository, or VELIB_SHARED)
# HOSTS_SUBNET (10.231.21), POLL (5 s), PARTITION, STORE_CUT, WAIT (bound of each wait, 90 s), HOSTS_CONFIGURATION
# (Release), HOSTS_NO_BUILD, HOSTS_PUBLISHED (a folder with Store/, Silo/ and Web/ already published) and KEEP_LOGS (a
# folder to copy every host's log to) can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/recorded-feed.sh
repo=$PWD
shared=${VELIB_SHARED:-../shared}
net=${HOSTS_SUBNET:-10.231.21}
poll=${POLL:-5}
partition=${PARTITION:-60}
store_cut=${STORE_CUT:-30}
bound=${WAIT:-90}
poll_interval=$(printf '00:00:%02d' "$poll")

fail() { echo "hosts.sh: cannot run: $*" >&2; exit 2; }
[ "$(id -u)" = 0 ] || fail "needs root for ip netns"
command -v ip >/dev/null || fail "needs the ip command (iproute2)"
snapshots=("$shared"/data/velib/timeseries-2025-11-10/station_status_*.json)
[ -f "${snapshots[0]}" ] || fail "needs the recorded snapshots in $shared/data/velib/timeseries-2025-11-10"
[ "${#snapshots[@]}" -ge 6 ] || fail "needs at least 6 recorded snapshots"
information=("$shared"/data/velib/timeseries-2025-11-10/station_information_*.json)

# Names: unique per run, short enough for interface names (15 characters).
tag=vh$(( $$ % 100000 ))
bridge=${tag}br
work=$(mktemp -d)
declare -A ip_of=([store]=$net.2 [s3]=$net.3 [silo1]=$net.11 [silo2]=$net.12 [silo3]=$net.13 [web1]=$net.21 [web2]=$net.22)
hosts=(store s3 silo1 silo2 silo3 web1 web2)
gateway=$net.1

cleanup() {
  set +e
  for h in "${hosts[@]}"; do
    ns=$tag-$h
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -TERM 2>/dev/null
  done
  sleep 1
  for h in "${hosts[@]}"; do
    ns=$tag-$h
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -KILL 2>/dev/null
    ip netns del "$ns" 2>/dev/null
    ip link del "$tag-$h" 2>/dev/null
  done
  ip link del "$bridge" 2>/dev/null
  [ -n "${feed:-}" ] && kill "$feed" 2>/dev/null
  wait 2>/dev/null
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

ip netns add "$tag-probe" 2>/dev/null && ip netns del "$tag-probe" || fail "ip netns add failed (no permission for network namespaces here)"

# The published builds.
if [ -n "${HOSTS_PUBLISHED:-}" ]; then
  published=$HOSTS_PUBLISHED
else
  published=$work/publish
  # HOSTS_CONFIGURATION=Debug HOSTS_NO_BUILD=1 publishes what the solution's build made (the CI test does, after test.sh's build).
  publish=(-c "${HOSTS_CONFIGURATION:-Release}"); [ -n "${HOSTS_NO_BUILD:-}" ] && publish+=(--no-build)
  for p in Store Silo Web; do
    dotnet publish "Velib.$p" "${publish[@]}" --nologo -v quiet -o "$published/$p" >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; fail "dotnet publish Velib.$p failed"; }
  done
fi
[ -f Velib.AppHost/s3rver/node_modules/s3rver/package.json ] || (cd Velib.AppHost/s3rver && npm ci --no-audit --no-fund --loglevel=error)
[ -d bench/archive-check/node_modules/@duckdb/node-api ] || (cd bench/archive-check && npm ci --no-audit --no-fund --loglevel=error)

# The network: a bridge on the host, one veth per host namespace.
ip link add "$bridge" type bridge
ip addr add "$gateway/24" dev "$bridge"
ip link set "$bridge" up
for h in "${hosts[@]}"; do
  ns=$tag-$h
  ip netns add "$ns"
  ip link add "$tag-$h" type veth peer name eth0 netns "$ns"
  ip link set "$tag-$h" master "$bridge" up
  ip -n "$ns" addr add "${ip_of[$h]}/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
done

# The feed, served from the host side of the bridge; station_status.json is replaced to advance it.
feed_port=18080
serve_recorded_feed "$work/feed" "$gateway" "$feed_port" "${information[0]}" "${snapshots[0]}" "$work/feed.log"
served=("${snapshots[0]}")
advance() { local next=${snapshots[${#served[@]}]}; advance_feed "$work/feed" "$next"; served+=("$next"); }

# Each process: its namespace, a clean environment, and only the variables listed in docs/operations.md ("Deployment").
password=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
token=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
s3_access=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Parameters"]["local-s3-access-key"])' Velib.AppHost/appsettings.json)
s3_secret=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Parameters"]["local-s3-secret-key"])' Velib.AppHost/appsettings.json)
bucket=velib-archive
cluster=velib-hosts-$tag-$(date +%s)
store="${ip_of[store]}:6479,password=$password,abortConnect=false"
orleans=(Orleans__ClusterId="$cluster" Orleans__ServiceId=velib Orleans__EnableDistributedTracing=true
  Orleans__Clustering__ProviderType=Redis Orleans__Clustering__ServiceKey=store)
run_in() { # host, log, command…
  local h=$1 log=$2; shift 2
  # In a subshell, so that the script's shell does not report the kill -9 of a fault as a job that died. The log's
  # time stamps are the one setting beyond the deployment table: they change no behaviour.
  ( ip netns exec "$tag-$h" setsid env -i PATH="$PATH" HOME="$work/home" DOTNET_CLI_TELEMETRY_OPTOUT=1 \
      Logging__Console__TimestampFormat='HH:mm:ss.fff ' "$@" >>"$work/$log.log" 2>&1 < /dev/null & )
}
start_store() {
  mkdir -p "$work/garnet"
  # Garnet's command line as the AppHost builds it (GarnetArguments), asked of the published store itself, on this
  # host's address, the standard port and the work folder.
  local garnet
  mapfile -t garnet < <(dotnet "$published/Store/Velib.Store.dll" print-garnet-args "${ip_of[store]}" 6479 "$work/garnet")
  [ "${#garnet[@]}" -gt 0 ] || fail "Velib.Store print-garnet-args printed nothing"
  run_in store store Velib__Store__Password="$password" dotnet "$published/Store/Velib.Store.dll" "${garnet[@]}"
}
start_silo() {
  local h=$1
  run_in "$h" "$h" ConnectionStrings__store="$store" "${orleans[@]}" \
    Orleans__Reminders__ProviderType=Redis Orleans__Reminders__ServiceKey=store \
    Orleans__GrainStorage__Default__ProviderType=Redis Orleans__GrainStorage__Default__ServiceKey=store \
    Orleans__Endpoints__SiloPort=11111 Orleans__Endpoints__GatewayPort=30000 Orleans__Endpoints__AdvertisedIPAddress="${ip_of[$h]}" \
    Velib__S3__Bucket=$bucket Velib__S3__ServiceUrl="http://${ip_of[s3]}:4568" Velib__S3__ForcePathStyle=true \
    Velib__S3__AccessKey="$s3_access" Velib__S3__SecretKey="$s3_secret" Velib__Commands__Token="$token" ASPNETCORE_HTTP_PORTS=8080 \
    Velib__Feed__Mode=live Velib__Feed__Url="$feed_url" Velib__Feed__PollInterval="$poll_interval" \
    dotnet "$published/Silo/Velib.Silo.dll"
}
start_web() {
  run_in "$1" "$1" ConnectionStrings__store="$store" "${orleans[@]}" ASPNETCORE_HTTP_PORTS=8080 Velib__Map__TileUrl= \
    Velib__Feed__PollInterval="$poll_interval" dotnet "$published/Web/Velib.Web.dll"
}

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }
# wait_for BOUND WHAT COMMAND…: runs COMMAND every half second until it succeeds; prints the seconds it took.
wait_for() {
  local limit=$1 what=$2; shift 2
  local start; start=$(now)
  local deadline=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if "$@" >/dev/null 2>&1; then since "$start"; return 0; fi
    sleep 0.5
  done
  echo "timeout: $what within $limit s" >&2
  return 1
}
failures=0
check() { # description, command…
  local what=$1; shift
  if "$@"; then echo "  ok: $what"; else echo "  FAILED: $what"; failures=$((failures + 1)); fi
}
status() { curl -s -m 3 "http://${ip_of[$1]}:8080/api/status"; }
# The web shows this snapshot: every station of the file has its bikes of each kind and docks in /api/stations.
shows() { # web, snapshot file
  curl -s -m 5 "http://${ip_of[$1]}:8080/api/stations" -o "$work/$1.json" || return 1
  python3 - "$2" "$work/$1.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); api = {s["id"]: s for s in json.load(open(sys.argv[2]))}
for r in doc["data"]["stations"]:
    t = {k: v for d in r.get("num_bikes_available_types", []) for k, v in d.items()}
    s = api.get(int(r["station_id"]))
    if s is None or s["mechanical"] != t.get("mechanical", 0) or s["ebike"] != t.get("ebike", 0) or s["docks"] != r["num_docks_available"]:
        sys.exit(1)
PY
}
both_show() { shows web1 "$1" && shows web2 "$1"; }
ingestion_silo() { # the host whose address hosts ingestion, from either web's /api/status
  local address; address=$( (status web1 || status web2) | python3 -c 'import json,sys; print(json.load(sys.stdin)["feed"]["silo"] or "")' 2>/dev/null)
  for h in silo1 silo2 silo3; do [ "${address%%:*}" = "${ip_of[$h]}" ] && { echo "$h"; return 0; }; done
  return 1
}
# Polling resumed on another silo than $1: the feed server saw a station_status request from a silo other than it
# after the fault began (line count $2 of the feed log).
polled_elsewhere() {
  tail -n +"$(( $2 + 1 ))" "$work/feed.log" | grep 'GET /station_status.json' | grep -v "^${ip_of[$1]} " | grep -q .
}
active_silos() { status "$1" | python3 -c 'import json,sys; print(sum(1 for s in json.load(sys.stdin)["cluster"]["silos"] if s["status"] == "Active"))'; }
three_active() { [ "$(active_silos web1)" = 3 ] && [ "$(active_silos web2)" = 3 ]; }

echo "== hosts on $net.0/24: store ${ip_of[store]}, s3 ${ip_of[s3]}, silos ${ip_of[silo1]} ${ip_of[silo2]} ${ip_of[silo3]}, webs ${ip_of[web1]} ${ip_of[web2]}; feed on $gateway, ${#snapshots[@]} recorded snapshots, ${poll} s polls"
mkdir -p "$work/home" "$work/s3"
started=$(now)
start_store
run_in s3 s3 S3_PORT=4568 S3_ADDRESS="${ip_of[s3]}" S3_DATA_DIR="$work/s3" S3_BUCKETS=$bucket node "$repo/Velib.AppHost/s3rver/start.js"
wait_for 30 "the store listening" bash -c "exec 3<>/dev/tcp/${ip_of[store]}/6479" >/dev/null || exit 2
for h in silo1 silo2 silo3; do start_silo "$h"; done
for h in web1 web2; do start_web "$h"; done
wait_for 120 "three silos Active on both webs" three_active >/dev/null || exit 2
wait_for 60 "both webs showing the first snapshot" both_show "${served[0]}" >/dev/null || exit 2
echo "started: 3 silos Active and the first snapshot on both webs $(since "$started") s after the first process"

# fault FIGURE-NAME VICTIM: after the fault began, waits for polling on a surviving silo and the next snapshot on both webs.
after_fault() {
  local victim=$1 lines=$2 at=$3 what=$4
  local resumed webs
  if resumed=$(wait_for "$bound" "polling on a silo other than $victim" polled_elsewhere "$victim" "$lines"); then
    resumed=$(python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.1f}')" "$(now)" "$at")
  else resumed=; fi
  webs=$(wait_for "$bound" "the next snapshot on both webs" both_show "${served[-1]}") && webs=$(python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.1f}')" "$(now)" "$at") || webs=
  echo "$what: polling resumed on a surviving silo after ${resumed:-more than $bound} s; both webs showed the next snapshot after ${webs:-more than $bound} s (goal 60 s)"
  check "$what: polling resumed on a surviving silo" test -n "$resumed"
  check "$what: both webs serve the next snapshot" test -n "$webs"
  check "$what: within 60 s" python3 -c "import sys; sys.exit(0 if sys.argv[1] and float(sys.argv[1]) <= 60 else 1)" "$webs"
}

echo "== 1. kill -9 of the silo hosting ingestion"
victim=$(ingestion_silo) || fail "no silo hosts ingestion"
lines=$(wc -l < "$work/feed.log"); at=$(now)
ip netns pids "$tag-$victim" | xargs -r kill -KILL
advance
echo "killed $victim (${ip_of[$victim]})"
after_fault "$victim" "$lines" "$at" "kill -9 $victim"
start_silo "$victim"
restarted=$(wait_for 120 "$victim back: three silos Active" three_active) && echo "$victim started again: three silos Active after $restarted s" \
  || check "$victim rejoined after a restart" false

echo "== 2. partition of the silo hosting ingestion for $partition s"
victim=$(ingestion_silo) || fail "no silo hosts ingestion"
silo_log=$work/$victim.log
log_lines=$(wc -l < "$silo_log")
lines=$(wc -l < "$work/feed.log"); at=$(now)
ip link set "$tag-$victim" down
advance
echo "cut $victim (${ip_of[$victim]})"
after_fault "$victim" "$lines" "$at" "partition of $victim"
rest=$(python3 -c "import sys; print(max(0, $partition - (float(sys.argv[1]) - float(sys.argv[2]))))" "$(now)" "$at")
sleep "$rest"
back_lines=$(wc -l < "$work/feed.log")
ip link set "$tag-$victim" up
echo "restored $victim's link after $partition s"
pid=$(ip netns pids "$tag-$victim" | head -n 1)
exited=$(wait_for "$bound" "$victim leaving after its partition" bash -c "! ip netns pids $tag-$victim | grep -q ." ) \
  && echo "$victim exited $exited s after its link came back" || echo "$victim was still running $bound s after its link came back (pid ${pid:-none})"
tail -n +"$((log_lines + 1))" "$silo_log" > "$work/partitioned.log"
grep -m 1 -E 'declared dead|told I am dead' "$work/partitioned.log" | cut -c1-240 || true
grep -m 1 'was superseded' "$work/partitioned.log" | cut -c1-240 || true
grep -m 1 'takes no lease' "$work/partitioned.log" | cut -c1-240 || true
check "$victim, declared dead, says so in its log" grep -qE 'declared dead|told I am dead' "$work/partitioned.log"
check "$victim exits after it was declared dead" test -n "$exited"
check "$victim polled nothing after its link came back" bash -c "! tail -n +$((back_lines + 1)) '$work/feed.log' | grep 'GET /station_status.json' | grep -q '^${ip_of[$victim]} '"
errors=$(grep -c -E '^(fail|crit)' "$work/partitioned.log" || true)
echo "$victim logged $errors error lines from its partition to its exit"
start_silo "$victim"
restarted=$(wait_for 120 "$victim back: three silos Active" three_active) && echo "$victim started again: three silos Active after $restarted s" \
  || check "$victim rejoined after a restart" false

echo "== 3. the store's link cut for $store_cut s"
lines=$(wc -l < "$work/feed.log"); at=$(now)
ip link set "$tag-store" down
advance
sleep "$store_cut"
ip link set "$tag-store" up
restored=$(now)
webs=$(wait_for "$bound" "the next snapshot on both webs after the store came back" both_show "${served[-1]}") \
  && echo "store back: both webs showed the next snapshot $webs s after its link came back" || webs=
check "store cut: both webs serve the next snapshot" test -n "$webs"
still_three() { wait_for 60 "three silos Active" three_active >/dev/null; }
check "store cut: all three silos still Active" still_three

echo "== the archive"
advance
wait_for "$bound" "the last snapshot on both webs" both_show "${served[-1]}" >/dev/null || check "the last snapshot on both webs" false
flushed=
for h in silo1 silo2 silo3; do
  if flushed=$(curl -s -m 60 -X POST -H "X-Velib-Command-Token: $token" "http://${ip_of[$h]}:8080/commands/flush"); then break; fi
done
echo "flush: $flushed"
check "the archive holds every change exactly once, the latest row per station equals the snapshot" \
  node bench/archive-check/check.mjs "http://${ip_of[s3]}:4568" "$bucket" velib/ "${served[@]}"

parallel=$(grep 'GET /station_status.json' "$work/feed.log" | awk '{print $1}' | sort | uniq -c | tr '\n' ' ')
echo "station_status requests by host: $parallel"
echo "== $failures check(s) failed; $(since "$started") s in all"
[ "$failures" = 0 ]
