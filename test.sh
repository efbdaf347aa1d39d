#!/usr/bin/env bash
# Runs every test of Velib: unit, Orleans grain, S3, AppHost integration (and browser) tests.
# It installs what the tests need first, so it works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")"

# The local S3 server (s3rver) that the AppHost starts comes from npm.
if [ ! -f Velib.AppHost/s3rver/node_modules/s3rver/package.json ]; then
  (cd Velib.AppHost/s3rver && npm ci --no-audit --no-fund --loglevel=error)
fi

# The accessibility browser tests inject axe-core, also from npm.
if [ ! -f Velib.Tests/node_modules/axe-core/axe.min.js ]; then
  (cd Velib.Tests && npm ci --no-audit --no-fund --loglevel=error)
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

results=TestResults
rm -rf "$results"
status=0
dotnet test Velib.sln --no-build --nologo --results-directory "$results" \
  --logger "console;verbosity=normal" --logger "trx;LogFilePrefix=velib" || status=$?

# One plain summary line for CI, summed over the TRX results of every test assembly.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ $((passed + failed)) -eq 0 ]; then
  echo "no test results found"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit "$status"
