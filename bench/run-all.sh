#!/usr/bin/env bash
# Runs every benchmark once, one after another, as bench/README.md reports them: the figures of one run.
# Needs what ./test.sh installs (PostgreSQL, espeak-ng). Takes about 10 minutes on 2 cores.
set -uo pipefail
cd "$(dirname "$0")/.."
# Many .NET hosts at once would otherwise use up the per-user inotify instances through configuration reload watchers.
export DOTNET_hostBuilder__reloadConfigOnChange=false
dotnet build -c Release bench/CallPing.Bench -nologo -v quiet || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bench() { # prints the benchmark's figures, or its last lines when it failed
  echo "## $*"
  if dotnet run -c Release --no-build --project bench/CallPing.Bench -- "$@" >"$log" 2>&1; then
    grep -E '^\||^Profile|^PostgreSQL statistics' "$log"
  else
    echo "failed:"; tail -n 20 "$log"
  fi
}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench intake postgres 10
bench intake sqlite 10
bench first-ring 10 30
bench first-ring 10 30 speech
bench first-ring 500 5
bench first-ring 500 5 speech
bench storm postgres
bench memory 100000
bench activation-cost 100000
bench speech 50
bench failover 200
echo "# done $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
