#!/bin/bash
# Search benchmark (issue 11): `litrev search` for common words on a library with long
# abstracts, where every work is a hit, and on one with a few enormous abstracts (full texts
# pasted into the abstract field), where FTS5's own snippet() was quadratic in the hits.
#
#   bench/search.sh [BUILD_DIR] [OTHER_LITREV]
#
# OTHER_LITREV: another litrev binary (e.g. main's) timed on the same libraries, same run.
# Environment: N=40000 works, WORK=DIR for the generated files.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath -m "${1:-$REPO/build}")
OTHER=${2:-}
N=${N:-40000}
WORK=${WORK:-$(mktemp -d /tmp/litrev-search.XXXXXX)}
L="$BUILD/src/cli/litrev"

python3 "$REPO/bench/make_abstracts_bib.py" "$N" "$WORK/abstracts.bib"
python3 "$REPO/bench/make_abstracts_bib.py" 3 "$WORK/huge.bib" --words 280000
rm -f "$WORK"/*.db*
"$L" --db "$WORK/abstracts.db" -q import bibtex "$WORK/abstracts.bib"
"$L" --db "$WORK/huge.db" -q import bibtex "$WORK/huge.bib"

time_search() {  # binary db args...
  local bin=$1 db=$2
  shift 2
  /usr/bin/time -f "%e s  %M KB" "$bin" --db "$db" search "$@" 2>&1 >/dev/null | tail -1
}
for bin in "$L" $OTHER; do
  echo "== $bin"
  for args in "the" "social" "certification AND label" "the -n 1000" "the -n $N"; do
    # shellcheck disable=SC2086
    echo "RESULT search $N works '$args': $(time_search "$bin" "$WORK/abstracts.db" $args)"
  done
  echo "RESULT search 3 huge abstracts 'the -n 3': $(time_search "$bin" "$WORK/huge.db" the -n 3)"
done
