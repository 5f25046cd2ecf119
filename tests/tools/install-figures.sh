#!/usr/bin/env bash
# The install figures in README "Install size": a fresh `npm ci` timed, then packages and node_modules size.
# Usage: tests/tools/install-figures.sh [--no-install]   (from the repository; replaces node_modules)
# Wall time depends on the machine's load (and sqlite3 compiles its native module from source at install):
# compare before/after runs made back to back, and read the CPU (user + sys) figure beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" != "--no-install" ]; then
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf node_modules
  TIMEFORMAT='npm ci: %R s wall, %U s user, %S s sys'
  time npm ci --no-audit --no-fund >/dev/null
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
count() { npm ls --all --parseable "$@" 2>/dev/null | tail -n +2 | sort -u | wc -l; }
echo "packages installed: $(count)"
echo "packages without dev (npm ls --omit=dev): $(count --omit=dev)"
echo "node_modules: $(du -s --block-size=1M node_modules | cut -f1) MB"
echo "largest:"
du -s --block-size=1M node_modules/[!@]* node_modules/@*/* 2>/dev/null | sort -rn | head -8
