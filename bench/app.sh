# Sourced by the bench scripts that start the app with `dotnet run --project Velib.AppHost`.
#   stop_app PID   SIGTERM to the AppHost under that `dotnet run` (which does not pass the signal on, where Ctrl+C would
#                  reach the AppHost), then waits up to 120 s for every Velib process of this checkout; SIGKILL after.

stop_app() {
  local host; host=$(pgrep -P "$1" | head -n 1); kill -TERM "${host:-$1}" 2>/dev/null || true
  for _ in $(seq 1 1200); do pgrep -f "$PWD/Velib\.(AppHost|Silo|Web|Store)" >/dev/null || kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  echo "the app was still running 120 s after SIGTERM" >&2; pkill -KILL -f "$PWD/Velib\.(AppHost|Silo|Web|Store)"; return 1
}
