#!/bin/bash
# RIS, Web of Science, Scopus CSV and CSL-JSON import speed (issues 9 and 8): decode throughput of each importer
# on a >= 50 MB export of real records, beside the BibTeX importer on the same records, and the
# whole `litrev import FILE` (format guessed, stored) on each.
#
#   bench/formats.sh [BUILD_DIR]          (default: ./build)
#
# The files are made here from ../shared (never stored in the repository): the Web of Science
# plain-text exports of corpus/citations repeated to MB megabytes; the same records exported by
# litrev as RIS, BibTeX and CSL-JSON, repeated likewise (the JSON items in one array); the bibliometrix Scopus BibTeX exports converted
# to a Scopus CSV (bench/scopus_csv_from_bib.py), repeated likewise.
# Environment: SHARED=DIR (default ../shared), MB=50, RUNS=3, WORK=DIR (default: a temporary one).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${1:-$REPO/build}")
SHARED=$(realpath -m "${SHARED:-${LITREV_SHARED_DIR:-$REPO/../shared}}")
MB=${MB:-50}
RUNS=${RUNS:-3}
WORK=${WORK:-$(mktemp -d)}
LITREV=$BUILD/src/cli/litrev
[[ -d $SHARED/corpus/citations ]] || { echo "formats.sh: $SHARED/corpus/citations is missing" >&2; exit 1; }
cmake --build "$BUILD" -j"$(nproc)" --target litrev bench_formats_decode bench_bibtex_decode >/dev/null

# repeat OUT FILE...: the files over and over (a header line kept once where the format has one)
# until OUT reaches $MB megabytes.
repeat() {
  local out=$1 header=$2
  shift 2
  : >"$out"
  [[ -n $header ]] && head -n 1 "$1" >"$out"
  while (($(stat -c %s "$out") < MB * 1000000)); do
    for f in "$@"; do
      if [[ -n $header ]]; then tail -n +2 "$f" >>"$out"; else cat "$f" >>"$out"; fi
    done
  done
}

wos_files=$(find "$SHARED/corpus/citations" -name 'savedrecs*.txt' | sort)
echo "== making the files in $WORK"
# shellcheck disable=SC2086
"$LITREV" --db "$WORK/wos.db" -q import $wos_files
"$LITREV" --db "$WORK/wos.db" -q export ris --out "$WORK/one.ris"
"$LITREV" --db "$WORK/wos.db" -q export bibtex --out "$WORK/one.bib"
"$LITREV" --db "$WORK/wos.db" -q export csl-json --out "$WORK/one.json"
python3 "$REPO/bench/scopus_csv_from_bib.py" "$SHARED"/corpus/bibtex/bibliometrix/scopus_*.bib >"$WORK/one.csv" 2>/dev/null
# shellcheck disable=SC2086
repeat "$WORK/big.txt" "" $wos_files
repeat "$WORK/big.ris" "" "$WORK/one.ris"
repeat "$WORK/big.bib" "" "$WORK/one.bib"
repeat "$WORK/big.csv" header "$WORK/one.csv"
python3 -c 'import json, sys
items = json.load(open(sys.argv[1])); one = len(json.dumps(items)); out = []
while len(out) / max(len(items), 1) * one < int(sys.argv[2]) * 1e6: out += items
json.dump(out, open(sys.argv[3], "w"), ensure_ascii=False, indent=2)' "$WORK/one.json" "$MB" "$WORK/big.json"

results=()
for pair in wos:big.txt ris:big.ris scopus:big.csv csl-json:big.json; do
  format=${pair%%:*} file=$WORK/${pair#*:}
  echo "== $format decode"
  results+=("$("$BUILD/bench/bench_formats_decode" "$format" "$file" --runs "$RUNS" | tee /dev/stderr | grep ^RESULT)")
done
echo "== bibtex decode (the same records as the RIS file)"
results+=("$("$BUILD/bench/bench_bibtex_decode" "$WORK/big.bib" --runs "$RUNS" | tee /dev/stderr | grep ^RESULT)")

for file in big.txt big.ris big.csv big.json big.bib; do
  echo "== litrev import $file (guessed, stored in a new library)"
  rm -f "$WORK/import.db"*
  start=$(date +%s.%N)
  "$LITREV" --db "$WORK/import.db" import "$WORK/$file" 2>&1 | tail -n 1
  end=$(date +%s.%N)
  size=$(stat -c %s "$WORK/$file")
  results+=("RESULT bench=import file=$file mb=$(echo "$size / 1000000" | bc -l | cut -c1-6) seconds=$(echo "$end - $start" | bc -l | cut -c1-6) mb_per_s=$(echo "$size / 1000000 / ($end - $start)" | bc -l | cut -c1-6)")
done

echo
echo "== results (target: decode >= 50 MB/s, the same order as BibTeX)"
printf '%s\n' "${results[@]}"
