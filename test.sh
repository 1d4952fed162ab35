#!/usr/bin/env bash
# Runs every test of CallPing. Installs what the tests need when it is missing (Debian packages),
# builds the solution, runs every test project and ends with one line:
#   tests: N passed, N failed, N skipped
# counted from the test results. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"

summary() { echo "tests: $1 passed, $2 failed, $3 skipped"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else echo "test.sh: '$*' needs root; run as root or with password-less sudo" >&2; return 1
  fi
}

# install_missing PACKAGES WHAT TEST...: installs Debian packages (without their recommendations) when TEST fails.
install_missing() {
  local packages=$1 what=$2
  shift 2
  if "$@" >/dev/null 2>&1; then return 0; fi
  echo "test.sh: installing $what (Debian packages: $packages)"
  if ! { as_root apt-get update -qq &&
         as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null; }; then
    echo "test.sh: could not install $what"
    summary 0 0 0
    exit 1
  fi
}

# PostgreSQL server binaries (initdb, pg_ctl): the PostgreSQL tests start a throwaway server of their own,
# so the package must not create and start a system cluster of its own.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  as_root mkdir -p /etc/postgresql-common/createcluster.d &&
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.d/callping-tests.conf >/dev/null
  install_missing postgresql PostgreSQL false
fi
# Prometheus: the metrics test scrapes a real silo with a throwaway Prometheus of its own (temporary config and storage,
# a free port), so a system Prometheus, running or not, does not matter.
install_missing prometheus Prometheus test -x /usr/bin/prometheus
# SMTP server: the account tests send their e-mails to a throwaway one and read what arrived.
install_missing python3-aiosmtpd aiosmtpd /usr/bin/python3 -c "import aiosmtpd"
# Speech: calls speak their alerts, and the speech tests render real audio with it.
install_missing espeak-ng espeak-ng command -v espeak-ng
# Headless Chromium: the portal tests drive it with Playwright, which never downloads a browser of its own.
install_missing "chromium fonts-liberation" Chromium test -x /usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# The real-PBX tier (tests/RealPbx.Tests) runs against a real Asterisk: an operator's own (ASTERISK_BIN), or one built once
# from the sources in ASTERISK_SRC (default ../shared/asterisk) into a cache folder outside the repository. Without
# either its tests are skipped, and the last lines say so.
real_pbx_not_run=""
asterisk_failed=0
asterisk_src="${ASTERISK_SRC:-../shared/asterisk}"
if [ -n "${ASTERISK_BIN:-}" ] || ls "$asterisk_src"/asterisk-*.tar.gz >/dev/null 2>&1; then
  started=$SECONDS
  if asterisk_env=$(tests/RealPbx.Tests/build-asterisk.sh); then
    while IFS= read -r assignment; do eval "export $assignment"; done <<<"$asterisk_env"
    echo "test.sh: real-PBX tier: Asterisk ready in $((SECONDS - started)) s ($CALLPING_ASTERISK_BIN)"
  else
    real_pbx_not_run="Asterisk could not be built or found (build-asterisk.sh failed, see above)"
    asterisk_failed=1
  fi
else
  real_pbx_not_run="no Asterisk sources in $asterisk_src and no ASTERISK_BIN (see tests/RealPbx.Tests/README.md)"
fi

# The tests start many hosts; none needs to watch its appsettings file, and each watcher takes one of the machine's
# few inotify instances (128 by default), which a full run would otherwise exhaust.
export DOTNET_hostBuilder__reloadConfigOnChange=false

results=.test-results
rm -rf "$results"

if ! dotnet build CallPing.sln -c Release -nologo -v quiet; then
  echo "test.sh: the build failed"
  summary 0 0 0
  exit 1
fi

run_tests() { # PROJECT [FILTER]: one dotnet test run, its results beside the others'
  dotnet test "$1" -c Release --no-build -nologo ${2:+--filter "$2"} \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
}
# The real-PBX tier mostly waits for phones to ring and answer, so it runs beside the rest rather than after it; its log
# is printed when it is done.
mkdir -p "$results"
run_tests tests/RealPbx.Tests >"$results/real-pbx.log" 2>&1 &
real_pbx=$!
run_tests CallPing.sln "FullyQualifiedName!~CallPing.RealPbx.Tests"
status=$?
wait "$real_pbx" || status=1
cat "$results/real-pbx.log"

count() { # sums one attribute of the <Counters> element over every result file
  cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'
}
passed=$(count passed)
failed=$(count failed)
# xUnit's skipped tests are results with outcome NotExecuted; the counters' notExecuted stays 0 for them.
skipped=$(cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' | wc -l)

if [ "$failed" -gt 0 ]; then # named again at the end with the first lines of their messages, where a long log's tail shows them
  echo "test.sh: failed tests:"
  /usr/bin/python3 - "$results"/*.trx <<'PYTHON'
import sys, xml.etree.ElementTree as tree
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for result in tree.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        print("  " + result.get("testName"))
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", "", ns).strip().splitlines()
        for line in message[:4]:
            print("      " + line[:300])
        # The project's own frames say where it broke; a CI log has nothing else to go on.
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", ns).strip().splitlines()
        for line in [l for l in stack if "CallPing." in l][:6]:
            print("      " + line.strip()[:300])
PYTHON
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test failed without a failed test (a test host crashed or a project did not run)"
fi
if [ -n "$real_pbx_not_run" ]; then
  echo "test.sh: the real-PBX tier did not run: $real_pbx_not_run; its tests are counted as skipped"
fi
summary "$passed" "$failed" "$skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$asterisk_failed" -eq 0 ]
