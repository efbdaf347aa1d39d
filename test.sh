#!/usr/bin/env bash
# Runs every test of Velib: unit, Orleans grain, integration (AppHost, real processes, S3), browser and hosts tests.
# Its last line is always `N passed, N failed`, exact even when a test host crashes or hangs (see below).
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

# A build that fails ends the run with the same closing line: CI reads only that.
if ! dotnet build Velib.sln --nologo -v quiet; then
  echo "the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# VELIB_TEST_FILTER: a dotnet test filter (e.g. Category=Unit: the kinds are Unit, Grain, Integration, Browser and Hosts, see
# Velib.Tests/Support/KindDiscoverer.cs), to run a part.
# VELIB_TEST_HANG_TIMEOUT: how long the test host may go without a test starting or ending before it is stopped
# and the run counted failed. Default 20m: the slowest legitimate test, ClusterFaultTests, starts the AppHost twice
# (each start bounded at 4 min) and waits at most 90 s per snapshot (5 of them) and 120 s for the map, about 16 min
# at worst; it takes a few minutes on a quiet 2-core machine. A hung test fails CI after 20 min instead of holding it.
filter=()
[ -n "${VELIB_TEST_FILTER:-}" ] && filter=(--filter "$VELIB_TEST_FILTER")
hang=${VELIB_TEST_HANG_TIMEOUT:-20m}

results=TestResults
rm -rf "$results"
mkdir -p "$results"
status=0
passed=0; failed=0; skipped=0
# One run per test project, each with a TRX of its own, so that a project whose host died before writing one is seen.
for project in $(grep -l '<IsTestProject>true</IsTestProject>' ./*/*.csproj | sort); do
  name=$(basename "$project" .csproj)
  listed=$(dotnet test "$project" --no-build --nologo --list-tests "${filter[@]}" 2>&1 | grep -c '^    ' || true)
  dotnet test "$project" --no-build --nologo --results-directory "$results" "${filter[@]}" \
    --blame-crash --blame-crash-dump-type mini --blame-hang --blame-hang-timeout "$hang" --blame-hang-dump-type none \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" 2>&1 | tee "$results/$name.log" || status=$?

  # Every outcome that is not a pass or a skip is a failure: failed, error, timeout, aborted, inconclusive, ...
  p=0; f=0; s=0
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { echo "$counters" | sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" | grep . || echo 0; }
    p=$(get passed); s=$(get notExecuted)
    for outcome in failed error timeout aborted inconclusive notRunnable disconnected; do f=$((f + $(get "$outcome"))); done
  else
    echo "$name: no TRX results (its test host stopped before writing them)"
  fi
  # A crashed or hung host ends the run early: the tests it never ran did not pass, so they count as failed, and the
  # line stays exact (passed + failed + skipped = the tests listed). So do the tests whose results the host had not
  # yet sent when it died (it sends them in batches): a pass nobody saw reported is not counted as one. A theory
  # whose rows are only known at run time is listed once and reports a row each, so more results than listed tests
  # is normal and never counts against it.
  never=$((listed - p - f - s))
  if [ "$never" -gt 0 ]; then
    echo "$name: $never of its $listed tests never reported a result (counted as failed)"
    f=$((f + never))
  fi
  # The host stopped after the last result: still a failure, never "0 failed".
  if grep -qE 'The active test run was aborted|Test host process crashed|inactivity time' "$results/$name.log"; then
    echo "$name: the test host crashed or hung:"
    grep -E -A3 'The active test run was aborted|running when the crash occurred|inactivity time' "$results/$name.log" | grep -v '^--$' | sed 's/^/  /' | head -n 20
    [ "$f" -gt 0 ] || f=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

# One plain summary line for CI, the last line of the output. Skipped tests are said on the line before.
echo "$skipped skipped"
if [ $((passed + failed)) -eq 0 ]; then
  echo "no test results found"
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit "$status"
