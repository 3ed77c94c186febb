#!/usr/bin/env bash
# The CSL engine beside citeproc-js (Zotero's processor) and pandoc's citeproc, in the same run:
# entries formatted per second for the same CSL-JSON library and style, and litrev's peak memory.
#
#   bench/csl.sh [--build DIR] [--sizes "2000 20000"] [--styles "apa chicago-author-date"] [--no-peers]
#
# Libraries are generated from ../shared/tools/data/csl-sample.json with
# ../shared/tools/make_csl_bench.py --vary (distinct titles, years shifted), into
# $CSL_BENCH_DIR (default /tmp/litrev-csl-bench). Styles come from ../shared/csl.
#
# litrev is timed inside bench_csl_format (style compiled once, then the bibliography made and
# rendered as text; JSON reading excluded and reported apart). The peers are timed as whole
# commands (/usr/bin/time), start-up included: citeproc-js through
# ../shared/tools/citeproc_js_bibliography.js (needs node and the npm package citeproc: set
# CITEPROC_JS_DIR to the folder holding node_modules, default BUILD/npm as the tests install
# it), pandoc through ../shared/tools/pandoc_bibliography.sh. Wall-clock figures depend on what
# else the machine runs: CPU seconds are printed beside them.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build="$root/build"
sizes="2000 20000"
styles="apa chicago-author-date american-sociological-association revue-francaise-de-sociologie"
peers=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --styles) styles=$2; shift 2 ;;
    --no-peers) peers=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
shared=${LITREV_SHARED_DIR:-$root/../shared}
work=${CSL_BENCH_DIR:-/tmp/litrev-csl-bench}
citeproc=${CITEPROC_JS_DIR:-$build/npm}
bench="$build/bench/bench_csl_format"
[ -x "$bench" ] || { echo "build bench_csl_format first: cmake --build $build --target bench_csl_format" >&2; exit 2; }
mkdir -p "$work"
export LITREV_CSL_DIR="$shared/csl"

echo "# CSL bibliography formatting, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-40s %7s %-11s %12s %14s %10s\n" style entries processor "entries/s" "entries/CPU-s" "peak MB"
for n in $sizes; do
  lib="$work/library-$n.json"
  [ -s "$lib" ] || python3 "$shared/tools/make_csl_bench.py" "$shared/tools/data/csl-sample.json" "$n" --vary > "$lib"
  for style in $styles; do
    csl="$shared/csl/$style.csl"
    # litrev: its own timer, plus the peak resident memory of the whole process.
    out=$( { /usr/bin/time -f "TIME %M" "$bench" --time "$csl" "$lib"; } 2>&1 )
    rate=$(sed -n 's/.* \([0-9]*\) entries\/s, .*/\1/p' <<<"$out")
    cpu_rate=$(sed -n 's/.* \([0-9]*\) entries per CPU second/\1/p' <<<"$out")
    peak=$(sed -n 's/^TIME \([0-9]*\)/\1/p' <<<"$out")
    printf "%-40s %7s %-11s %12s %14s %10s\n" "$style" "$n" litrev "$rate" "$cpu_rate" "$((peak / 1024))"
    [ "$peers" = 1 ] || continue
    for peer in citeproc-js pandoc; do
      if [ "$peer" = citeproc-js ]; then
        [ -e "$citeproc/node_modules/citeproc" ] || { echo "  (citeproc-js not in $citeproc)"; continue; }
        cmd=(env NODE_PATH="$citeproc/node_modules" node "$shared/tools/citeproc_js_bibliography.js" "$csl" "$lib")
      else
        command -v pandoc >/dev/null || { echo "  (pandoc not installed)"; continue; }
        cmd=(bash "$shared/tools/pandoc_bibliography.sh" "$csl" "$lib")
      fi
      t=$( { /usr/bin/time -f "TIME %e %U %S %M" "${cmd[@]}" > /dev/null; } 2>&1 | grep '^TIME' || true)
      read -r _ wall user sys mem <<<"$t"
      awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v m="$mem" -v st="$style" -v p="$peer" \
        'BEGIN { printf "%-40s %7s %-11s %12d %14d %10d\n", st, n, p, n / w, n / (u + s), m / 1024 }'
    done
  done
done
