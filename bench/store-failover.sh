#!/usr/bin/env bash
# Store failover with Redis (or Valkey) and Sentinel, all on loopback: NODES data nodes (one primary, the rest
# replicas) and 3 Sentinels (quorum 2). WRITERS clients INCR counters all the time and call a value "acknowledged"
# only once `WAIT 1 <ms>` says one replica has it. Mid-stream the primary is killed (SIGKILL) and its data folder
# deleted (the host and its disk are gone); the writers ask the Sentinels for the new primary and go on.
# Prints the times to the new primary's first write and first acknowledged write, and checks per writer that its last
# acknowledged value survived. Then the lost node comes back with an empty disk as a replica of whichever primary the
# Sentinels name (never as a primary of its own, which would make the others copy its empty data set).
#   apt-get install -y redis-server redis-sentinel     (Valkey: SERVER=valkey-server SENTINEL=valkey-sentinel CLI=valkey-cli)
#   NODES=3 WRITERS=4 DOWN_AFTER_MS=5000 RUNS=3 bench/store-failover.sh
# docs/store-replication.md gives the figures and what they mean.
set -euo pipefail
server=${SERVER:-redis-server}
sentinel_bin=${SENTINEL:-redis-sentinel}
cli=${CLI:-redis-cli}
nodes=${NODES:-3}
writers=${WRITERS:-4}
down_after=${DOWN_AFTER_MS:-5000}
wait_ms=${WAIT_MS:-1000}
runs=${RUNS:-1}
base=${BASE_PORT:-7200}
sbase=${SENTINEL_BASE_PORT:-27200}
min_replicas=${MIN_REPLICAS_TO_WRITE:-1}
work=$(mktemp -d)
pids=(); wpids=()
cleanup() { touch "$work/stop"; for p in "${pids[@]}" "${wpids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

start_node() { # index [replicaof-host replicaof-port]
  local i=$1 port=$((base + $1)) dir="$work/node$1"
  mkdir -p "$dir"
  {
    echo "port $port"; echo "bind 127.0.0.1"; echo "dir $dir"; echo "daemonize no"; echo "save \"\""
    echo "appendonly yes"; echo "appendfsync always"
    # Split-brain guard: a primary that has had no replica acknowledging for 10 s refuses writes.
    echo "min-replicas-to-write $min_replicas"; echo "min-replicas-max-lag 10"
    if [ $# -ge 3 ]; then echo "replicaof $2 $3"; fi
  } > "$dir/node.conf"
  "$server" "$dir/node.conf" > "$dir/log" 2>&1 &
  pids+=($!); eval "node_pid_$i=$!"
  until "$cli" -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
}

start_sentinel() { # index
  local port=$((sbase + $1)) dir="$work/sentinel$1"
  mkdir -p "$dir"
  cat > "$dir/sentinel.conf" <<CONF
port $port
bind 127.0.0.1
dir $dir
sentinel monitor velib 127.0.0.1 $base 2
sentinel down-after-milliseconds velib $down_after
sentinel failover-timeout velib 10000
sentinel parallel-syncs velib 1
CONF
  "$sentinel_bin" "$dir/sentinel.conf" > "$dir/log" 2>&1 &
  pids+=($!)
  until "$cli" -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
}

primary() { # "host port" of the primary, as the first Sentinel that answers names it
  local out s
  for s in 0 1 2; do
    if out=$("$cli" -p $((sbase + s)) --raw SENTINEL get-master-addr-by-name velib 2>/dev/null) && [ -n "$out" ]; then
      echo "$out" | paste -sd' '; return
    fi
  done
}

# One write: INCR, then WAIT on the same connection. Prints "value replicas", or nothing when the write failed.
write() { # port key
  printf 'INCR %s\nWAIT 1 %s\n' "$2" "$wait_ms" | "$cli" -p "$1" --raw 2>/dev/null | paste -sd' ' | awk 'NF == 2 && $1 ~ /^[0-9]+$/'
}

writer() { # id: logs "time port value replicas" for each answered write
  local port=$base r addr
  while [ ! -f "$work/stop" ]; do
    r=$(write "$port" "velib:counter:$1")
    if [ -n "$r" ]; then echo "$(now) $port $r" >> "$work/w$1"; sleep "${PAUSE:-0.02}"
    else addr=$(primary); port=${addr#* }; [ -n "$port" ] || port=$base; sleep 0.05; fi
  done
}

echo "$("$server" --version | cut -d' ' -f1-3); nodes=$nodes writers=$writers down-after=${down_after}ms WAIT 1 ${wait_ms}ms min-replicas-to-write=$min_replicas ($(date -u +%F))"
for run in $(seq 1 "$runs"); do
  rm -rf "${work:?}"/*; pids=(); wpids=()
  start_node 0
  for i in $(seq 1 $((nodes - 1))); do start_node "$i" 127.0.0.1 "$base"; done
  for s in 0 1 2; do start_sentinel "$s"; done
  # Until every Sentinel can reach a quorum and knows the replicas (found through the primary).
  until [ "$("$cli" -p "$sbase" --raw SENTINEL ckquorum velib 2>/dev/null | head -c 2)" = "OK" ] \
    && [ "$("$cli" -p "$sbase" --raw SENTINEL replicas velib | grep -c '^name$')" -eq $((nodes - 1)) ]; do sleep 0.2; done
  sleep 2
  for w in $(seq 1 "$writers"); do writer "$w" & wpids+=($!); done
  sleep 3
  # The primary's host dies with its disk, mid-stream.
  killed=$(now); kill -9 "$node_pid_0"; wait "$node_pid_0" 2>/dev/null || true; rm -rf "$work/node0"
  until awk -v b="$base" '$2 != b && $4 >= 1 { found = 1 } END { exit !found }' "$work"/w* 2>/dev/null \
    || awk -v s="$(since "$killed")" -v lim="${LIMIT_S:-120}" 'BEGIN { exit !(s > lim) }'; do sleep 0.2; done
  sleep 2; touch "$work/stop"; wait "${wpids[@]}" 2>/dev/null || true; wpids=(); rm -f "$work/stop"
  new=$(cat "$work"/w* | awk -v b="$base" '$2 != b { print $2; exit }')
  cat "$work"/w* | awk -v b="$base" -v k="$killed" '
    $2 == b { before++; if ($4 >= 1) acked++ }
    $2 != b { if (!fw || $1 < fw) fw = $1; if ($4 >= 1 && (!fa || $1 < fa)) fa = $1 }
    END { printf "before the kill %d writes answered, %d acknowledged by a replica; on the new primary first write %.1f s, first acknowledged %.1f s after the kill\n", before, acked, fw ? fw - k : -1, fa ? fa - k : -1 }' \
    | sed "s/^/run $run: /"
  lost=0
  for f in "$work"/w*; do
    max_acked=$(awk -v b="$base" '$2 == b && $4 >= 1 { m = $3 } END { print m + 0 }' "$f")
    first_new=$(awk -v b="$base" '$2 != b { print $3; exit }' "$f")
    if [ -z "$first_new" ] || [ "$first_new" -le "$max_acked" ]; then lost=$((lost + 1)); fi
  done
  role=$([ -n "$new" ] && "$cli" -p "$new" INFO replication | tr -d '\r' | grep -E '^(role|connected_slaves):' | paste -sd' ' || true)
  echo "run $run: new primary :${new:-none} (${role:-}); writers whose last acknowledged value was lost: $lost of $writers"
  # The lost host comes back with an empty disk: it asks the Sentinels who the primary is and starts as its replica.
  addr=$(primary); back=$(now)
  start_node 0 "${addr% *}" "${addr#* }"
  until "$cli" -p "$base" INFO replication | grep -q 'master_link_status:up'; do sleep 0.2; done
  echo "run $run: the lost node is back as a replica of :${addr#* } after $(since "$back") s (empty disk, full sync)"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
done
