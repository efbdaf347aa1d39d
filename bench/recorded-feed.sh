# Sourced by the bench scripts: recorded Vélib' snapshots served as a live GBFS 1.0 feed (Vélib's shape: feeds per
# language, absolute URLs) by a plain file server, so the app polls them as it would the real feed.
#   serve_recorded_feed DIR HOST PORT INFORMATION STATUS [LOG]   sets $feed (the server's pid) and $feed_url
#   advance_feed DIR STATUS                                       the next snapshot, replaced atomically
#   free_port                                                     a free TCP port on loopback

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

serve_recorded_feed() {
  local dir=$1 host=$2 port=$3 information=$4 status=$5 log=${6:-/dev/null}
  mkdir -p "$dir"
  cp "$information" "$dir/station_information.json"
  cp "$status" "$dir/station_status.json"
  cat > "$dir/gbfs.json" <<JSON
{"lastUpdatedOther":0,"ttl":3600,"data":{"en":{"feeds":[
 {"name":"station_information","url":"http://$host:$port/station_information.json"},
 {"name":"station_status","url":"http://$host:$port/station_status.json"}]}}}
JSON
  python3 -u -m http.server "$port" --bind "$host" --directory "$dir" >"$log" 2>&1 &
  feed=$!
  feed_url="http://$host:$port/gbfs.json"
}

# A reader never sees half a file: the copy is renamed into place.
advance_feed() { cp "$2" "$1/station_status.json.new"; mv "$1/station_status.json.new" "$1/station_status.json"; }
