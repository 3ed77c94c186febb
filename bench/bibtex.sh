#!/bin/bash
# BibTeX benchmark (issue 2): raw parse, full decode and import of a >= 50 MB .bib built from
# the shared corpus, plus a ~3 MB file to show the cost is linear in size, and the peer
# parsers on the same big file in the same run.
#
#   bench/bibtex.sh [BUILD_DIR]          (default: ./build; configured in Release if absent)
#
# Environment:
#   SHARED=DIR      the shared material (default: ../shared next to the repository)
#   MB=50 SMALL_MB=3  sizes of the big and small files; a third file holds one copy of the
#                   corpus files the big one repeats (~6.3 MB, the same mix, for linearity)
#   RUNS=5          best of RUNS for each measure
#   WORK=DIR        where the generated files go (default: a fresh temporary directory)
#   PEERS="..."     peers run by ../shared/bench/run_peers.sh on the big file, in this run:
#                   "text-bibtex" (default: btparse, the C parser inside biber, ~37 MB/s),
#                   "all" (every peer: biber and Better BibTeX's parser take minutes on 50 MB),
#                   "none", or a list (biber text-bibtex bibtool bib2xml pybtex bibtexparser
#                   retorquere-full retorquere-verbatim bibtex-tidy citation-js).
#                   The peers are Debian packages (needs root once):
#                     apt-get install -y biber libtext-bibtex-perl bibtool bibutils \
#                       python3-pybtex python3-bibtexparser bc
#                   and, for the Node peers, an `npm install` in a copy of the peers folder,
#                   which this script makes under $WORK when a Node peer is asked for.
#   NO_BUILD=1      use the binaries already in BUILD_DIR
#
# Measures (each prints a "RESULT ..." line, gathered in a table at the end):
#   raw parse    bench_bibtex_parse: mmap + encoding detection + UTF-8 validation + parse
#                (entries, fields, @string/# expansion, whitespace, positions); target >= 150 MB/s
#   full decode  bench_bibtex_decode, when it exists: + names, LaTeX -> Unicode, records;
#                target >= 50 MB/s
#   import       `litrev import bibtex` into a new library, when the binary exists: entries/s
#                and peak RSS from /usr/bin/time -v; target < 10 s for the 50 MB file, peak
#                memory < 3x the file
# MB/s is the file size in 10^6 bytes over the best wall time; "cpu" columns use the
# thread's CPU time, which other jobs on a shared machine do not inflate.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${1:-${BUILD:-$REPO/build}}")
SHARED=$(realpath -m "${SHARED:-${LITREV_SHARED_DIR:-$REPO/../shared}}")
MB=${MB:-50}
SMALL_MB=${SMALL_MB:-3}
RUNS=${RUNS:-5}
PEERS=${PEERS:-text-bibtex}
WORK=${WORK:-$(mktemp -d /tmp/litrev-bench.XXXXXX)}
mkdir -p "$WORK"

if [ ! -d "$SHARED/corpus/bibtex" ]; then
  echo "bench/bibtex.sh: $SHARED/corpus/bibtex not found (set SHARED=...)" >&2
  exit 2
fi

# --- build ------------------------------------------------------------------------------
if [ -z "${NO_BUILD:-}" ]; then
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$REPO" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  targets=(bench_bibtex_parse)
  [ -f "$REPO/bench/bibtex_decode.cpp" ] && targets+=(bench_bibtex_decode)
  [ -d "$REPO/src/cli" ] && targets+=(litrev)
  for t in "${targets[@]}"; do
    cmake --build "$BUILD" -j2 --target "$t" >/dev/null || echo "bench/bibtex.sh: could not build $t" >&2
  done
fi
PARSE="$BUILD/bench/bench_bibtex_parse"
DECODE="$BUILD/bench/bench_bibtex_decode"
LITREV=$(find "$BUILD" -maxdepth 3 -type f -name litrev -perm -u+x 2>/dev/null | head -1 || true)
[ -x "$PARSE" ] || { echo "bench/bibtex.sh: $PARSE missing" >&2; exit 2; }

# --- the benchmark files ----------------------------------------------------------------
# The big file is N copies of a fixed list of corpus files; the small one is the first
# SMALL_MB of that list, so its mix of files differs. For a fair linearity check a third
# file holds one copy of the whole list (the big file's mix exactly): its size is the sum
# of the list's files, a little less so that no second copy starts.
ONE_COPY_MB=$(/usr/bin/python3 - "$SHARED" <<'PY'
import os, sys
shared = sys.argv[1]
sys.path.insert(0, os.path.join(shared, 'bench'))
import make_big_bib
corpus = os.path.join(shared, 'corpus', 'bibtex')
print(f"{0.985 * sum(os.path.getsize(os.path.join(corpus, f)) for f in make_big_bib.DEFAULT_FILES) / 1e6:.3f}")
PY
)
BIG="$WORK/big${MB}.bib"
SMALL="$WORK/big${SMALL_MB}.bib"
COPY="$WORK/one-copy.bib"
for spec in "$MB:$BIG" "$SMALL_MB:$SMALL" "$ONE_COPY_MB:$COPY"; do
  size=${spec%%:*}
  file=${spec#*:}
  if [ ! -s "$file" ]; then
    BIB_CORPUS="$SHARED/corpus/bibtex" "$SHARED/bench/make_big_bib.sh" "$size" "$file" | tail -1
  fi
done

RESULTS="$WORK/results.txt"
: >"$RESULTS"
record() {  # record LABEL FILE COMMAND... : runs it, keeps its RESULT line under LABEL
  local label=$1 file=$2
  shift 2
  local out
  if out=$("$@" 2>&1); then
    echo "$out" | { grep -v '^RESULT' || true; } | sed 's/^/    /'
    echo "$out" | { grep '^RESULT' || true; } | sed "s|^RESULT|RESULT label=$label file=$(basename "$file")|" >>"$RESULTS"
  else
    echo "    $label failed on $file:"
    echo "$out" | tail -5 | sed 's/^/      /'
  fi
}

echo "== raw parse (bench_bibtex_parse, best of $RUNS)"
record "raw parse" "$SMALL" "$PARSE" "$SMALL" --runs $((RUNS * 3))
record "raw parse" "$COPY" "$PARSE" "$COPY" --runs $((RUNS * 2))
record "raw parse" "$BIG" "$PARSE" "$BIG" --runs "$RUNS"

if [ -x "$DECODE" ]; then
  echo "== full decode (bench_bibtex_decode, best of $RUNS)"
  record "full decode" "$SMALL" "$DECODE" "$SMALL" --runs $((RUNS * 3))
  record "full decode" "$COPY" "$DECODE" "$COPY" --runs $((RUNS * 2))
  record "full decode" "$BIG" "$DECODE" "$BIG" --runs "$RUNS"
else
  echo "== full decode: bench_bibtex_decode not built yet (bench/bibtex_decode.cpp)"
fi

import_once() {  # import_once FILE: prints a RESULT line for one `litrev import bibtex`
  local file=$1 db="$WORK/import-$$.db" log="$WORK/time.log"
  rm -f "$db" "$db-wal" "$db-shm"
  local rc=0
  /usr/bin/time -v "$LITREV" --db "$db" import bibtex --json "$file" >"$WORK/import.json" 2>"$log" || rc=$?
  if [ "$rc" -gt 1 ]; then  # 1 = some entries skipped, still a full run
    echo "litrev import exited with $rc" >&2
    tail -5 "$log" >&2
    return 1
  fi
  local secs rss read
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$log")
  read=$(grep -o '"read": *[0-9]*' "$WORK/import.json" | head -1 | grep -o '[0-9]*$' || echo 0)
  local mb
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.3f", b/1e6}')
  awk -v mb="$mb" -v n="$read" -v s="$secs" -v r="$rss" 'BEGIN {
    printf "RESULT bench=import mb=%s entries=%d seconds=%.3f mb_per_s=%.1f entries_per_s=%.0f peak_rss_mb=%s\n",
      mb, n, s, (s > 0 ? mb / s : 0), (s > 0 ? n / s : 0), r }'
  rm -f "$db" "$db-wal" "$db-shm"
}
if [ -n "$LITREV" ] && "$LITREV" import bibtex --help >/dev/null 2>&1; then
  echo "== import into a new library ($LITREV import bibtex, /usr/bin/time -v)"
  record "import" "$SMALL" import_once "$SMALL"
  record "import" "$COPY" import_once "$COPY"
  record "import" "$BIG" import_once "$BIG"
else
  echo "== import: the litrev binary with 'import bibtex' is not built yet"
fi

# --- peers on the same big file -----------------------------------------------------------
if [ "$PEERS" != "none" ]; then
  peers=$PEERS
  [ "$PEERS" = "all" ] && peers=""
  runner="$SHARED/bench/run_peers.sh"
  if [ "$PEERS" = "all" ] || echo "$PEERS" | grep -qE 'retorquere|tidy|citation'; then
    # The Node peers need node_modules beside them: copy the read-only folder and install.
    if [ ! -d "$WORK/peers/node_modules" ]; then
      rm -rf "$WORK/peers" && cp -r "$SHARED/bench" "$WORK/peers" && chmod -R u+w "$WORK/peers"
      (cd "$WORK/peers" && npm install --no-audit --no-fund >/dev/null 2>&1) || echo "    npm install failed: Node peers will fail"
    fi
    runner="$WORK/peers/run_peers.sh"
  fi
  echo "== peers on $(basename "$BIG") (run_peers.sh ${peers:-all})"
  # shellcheck disable=SC2086
  "$runner" "$BIG" $peers 2>&1 | sed 's/^/    /' || echo "    run_peers.sh failed"
fi

# --- summary ------------------------------------------------------------------------------
echo
echo "== summary"
awk '
  function get(k,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
  BEGIN { printf "%-12s %-14s %9s %9s %9s %9s %12s %10s\n", "measure", "file", "MB", "entries", "MB/s", "cpu MB/s", "entries/s", "peak RSS" }
  /^RESULT/ {
    label = $0; sub(/^RESULT label=/, "", label); sub(/ file=.*/, "", label)
    secs = get("seconds"); n = get("entries")
    eps = get("entries_per_s"); if (eps == "" && secs > 0) eps = sprintf("%.0f", n / secs)
    printf "%-12s %-14s %9s %9s %9s %9s %12s %7s MB\n", label, get("file"), get("mb"), n, get("mb_per_s"),
      (get("cpu_mb_per_s") == "" ? "-" : get("cpu_mb_per_s")), eps, get("peak_rss_mb")
    # linearity on CPU time where measured: wall time on a shared machine is noise
    rate[label, get("file")] = (get("cpu_mb_per_s") == "" ? get("mb_per_s") : get("cpu_mb_per_s")); labels[label] = 1
  }
  END {
    # Linearity: the big file against the one-copy file of the same mix (1.00 = linear),
    # against the small file the mix of corpus files differs too.
    for (l in labels) {
      c = rate[l, "'"$(basename "$COPY")"'"]; s = rate[l, "'"$(basename "$SMALL")"'"]; b = rate[l, "'"$(basename "$BIG")"'"]
      if (c > 0 && b > 0) printf "linearity  %-12s MB/s %s / %s = %.2f (same mix of files); / %s = %.2f\n", l,
        "'"$(basename "$BIG")"'", "'"$(basename "$COPY")"'", b / c, "'"$(basename "$SMALL")"'", (s > 0 ? b / s : 0)
    }
  }' "$RESULTS"
echo "(files and raw results in $WORK)"
