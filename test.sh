#!/usr/bin/env bash
# Runs every test of Velib: unit, Orleans grain, S3, AppHost integration (and browser) tests.
# It installs what the tests need first, so it works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")"

# The local S3 server (s3rver) that the AppHost starts comes from npm.
if [ ! -f Velib.AppHost/s3rver/node_modules/s3rver/package.json ]; then
  (cd Velib.AppHost/s3rver && npm ci --no-audit --no-fund --loglevel=error)
fi

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: /usr/bin/chromium is missing; install Debian's chromium package for the browser tests" >&2
  fi
fi

dotnet build Velib.sln --nologo -v quiet

log=$(mktemp)
status=0
dotnet test Velib.sln --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One plain summary line for CI, summed over every test assembly.
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
if [ -z "$summary" ] || [ "$summary" = "0 passed, 0 failed, 0 skipped" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$summary"
exit "$status"
