#!/usr/bin/env bash
# The main job on the sample library, offline: installs what litrev needs, builds it, imports
# bib/*.bib into a fresh library and prints the key works, the key authors, the clusters with
# their labels, and the works the library cites most but does not hold.
#   BUILD_DIR=build   DB=build/sample.db
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLITREV_WERROR="${LITREV_WERROR:-OFF}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target litrev
litrev="$build/src/cli/litrev"
db=${DB:-$build/sample.db}
rm -f "$db" "$db-wal" "$db-shm"

section() { printf '\n== %s\n' "$1"; }
section "Import"
"$litrev" --db "$db" import bibtex bib/*.bib
"$litrev" --db "$db" stats
section "Key works"
"$litrev" --db "$db" graph rank --top 15
section "Key authors"
"$litrev" --db "$db" graph authors --top 10
section "Clusters (co-citation, thresholds chosen from the library)"
"$litrev" --db "$db" graph cluster --show 4
section "Works the library is missing"
"$litrev" --db "$db" graph missing --min-citations 4
section "Annotated bibliography (ASA, grouped by the clusters above)"
"$litrev" --db "$db" export annotated --style asa --out "$build/sample-review.html"
"$litrev" --db "$db" export annotated --style asa --out "$build/sample-review.docx"
printf '\nLibrary: %s (try: %s --db %s search "audit")\n' "$db" "$litrev" "$db"
