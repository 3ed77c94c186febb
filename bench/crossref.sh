#!/usr/bin/env bash
# Rate-limited Crossref import (issue 3): 2,000 DOIs against a loopback server that advertises
# and enforces R requests per second and C in flight. Each run prints requests made, 429s
# received, wall time and the ideal time (requests / R); it fails when a DOI is lost, a 429
# arrives after the first answer, or the wall time exceeds 1.2x the ideal.
# Then, when the litrev binary is built, the same through `litrev import crossref --doi-file`.
#
#   bench/crossref.sh [BUILD_DIR]        (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" -j2 --target bench_crossref_rate >/dev/null
bench="$build/bench/bench_crossref_rate"
status=0

# Crossref's 2026 pools (public: 5/s, 1 in flight; polite: 10/s, 3 in flight), the 2022 polite
# pool (50/s), slow answers, and unregistered DOIs that need single lookups.
for config in "--limit 5 --concurrency 1" \
              "--limit 10 --concurrency 3" \
              "--limit 50 --concurrency 5" \
              "--limit 10 --concurrency 2 --latency-ms 150" \
              "--limit 5 --concurrency 1 --unknown 20"; do
  # shellcheck disable=SC2086
  "$bench" --dois 2000 $config || status=1
  echo
done

litrev="$build/src/cli/litrev"
if [[ -x "$litrev" ]] && "$litrev" import crossref --help >/dev/null 2>&1; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  for i in $(seq 0 1999); do echo "https://doi.org/10.5555/LITREV-BENCH.$i"; done >"$work/dois.txt"
  coproc SERVER { "$bench" --serve --dois 2000 --limit 10 --concurrency 3; }
  read -r base <&"${SERVER[0]}"
  start=$(date +%s.%N)
  set +e
  LITREV_CROSSREF_API="$base" "$litrev" --db "$work/lib.db" import crossref --doi-file "$work/dois.txt" \
    --mailto bench@example.org --json >"$work/summary.json"
  code=$?
  set -e
  end=$(date +%s.%N)
  eval "exec ${SERVER[1]}>&-"  # close the server's stdin: it prints its counters and exits
  counters=$(cat <&"${SERVER[0]}")
  wait "$SERVER_PID" 2>/dev/null || true
  requests=$(awk '/^requests/ {print $2}' <<<"$counters")
  rejected=$(awk '/^429s/ {print $2}' <<<"$counters")
  python3 - "$work/summary.json" "$start" "$end" "$requests" "$rejected" "$code" <<'PY' || status=1
import json, sys
summary = json.load(open(sys.argv[1]))
start, end = float(sys.argv[2]), float(sys.argv[3])
requests, rejected, code = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
wall = end - start
ideal = requests / 10
ok = code == 0 and summary["found"] == 2000 and rejected == 0 and wall <= 1.2 * ideal + 0.5
print(f"litrev import crossref --doi-file (2000 DOIs, 10/s, 3 in flight): exit {code}")
print(f"  new {summary['new']}, merged {summary['merged']}, not found {len(summary['not_found'])}, failed {len(summary['failed'])}")
print(f"  requests {requests}, 429s {rejected}, wall {wall:.3f} s (process start and store included), ideal {ideal:.3f} s")
print(f"  verdict {'PASS' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
PY
else
  echo "litrev import crossref not built: end-to-end run skipped"
fi
exit $status
