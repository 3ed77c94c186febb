#!/usr/bin/env bash
# CTest's browser test: builds two libraries (the sample in bib/ and a synthetic one large enough
# for a 2,000-node, 20,000-link map), writes their maps with litrev, and opens them in headless
# Chromium (map.test.mjs). Installs what it needs (Debian's chromium and nodejs through
# scripts/install-deps.sh --with-browser, playwright-core through npm ci); exits 77 (CTest:
# skipped) with the reason when the browser cannot be installed.
#   run.sh LITREV_BINARY WORK_DIR [all|sample]   (sample: only the sample library's page)
set -euo pipefail
litrev=$1
work=$2
scope=${3:-all}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$work"
log="$work/browser-test.log"
exec > >(tee "$log") 2>&1

skip() { echo "SKIPPED: $*"; exit 77; }
if [[ ! -x ${LITREV_CHROMIUM:-/usr/bin/chromium} ]] || ! command -v npm >/dev/null; then
  bash "$root/scripts/install-deps.sh" --with-browser || skip "chromium or nodejs could not be installed (apt)"
fi
[[ -x ${LITREV_CHROMIUM:-/usr/bin/chromium} ]] || skip "no chromium at ${LITREV_CHROMIUM:-/usr/bin/chromium}"
command -v node >/dev/null || skip "no node"

# playwright-core, from the lock file, outside the repository. Pinned to 1.61, the last release that
# supports Debian 12's Node.js 18; it drives the system Chromium (no browser download).
cp "$here/package.json" "$here/package-lock.json" "$work/"
if [[ ! -d $work/node_modules/playwright-core ]] || ! cmp -s "$here/package-lock.json" "$work/node_modules/.package-lock.json"; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error) || skip "npm ci failed (no registry?)"
fi
cp "$here/map.test.mjs" "$here/gen_library.mjs" "$work/"

# The sample library, with a note and a tag to show in the tooltip.
rm -f "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm
"$litrev" -q --db "$work/sample.db" import bibtex "$root/bib/responsible-ai.bib"
"$litrev" -q --db "$work/sample.db" note dimaggio1983 "Coercive, *mimetic* and normative isomorphism. </script><b>not bold</b>"
"$litrev" -q --db "$work/sample.db" tag dimaggio1983 institutions to-read
"$litrev" --db "$work/sample.db" graph cluster --network cocitation --json >/dev/null
"$litrev" --db "$work/sample.db" graph map --out "$work/sample.html"

pages=("$work/sample.html:sample")
if [[ $scope == all ]]; then
  # The large synthetic library: 3,200 works citing each other (a 2,000-node, 20,000-link map).
  node "$work/gen_library.mjs" "$work/large.bib" 3200
  "$litrev" -q --db "$work/large.db" import bibtex "$work/large.bib"
  "$litrev" --db "$work/large.db" graph map --network cocitation --top 2000 --min-citations 1 --out "$work/large.html"
  pages+=("$work/large.html:large")
fi

# A real library's map when one is given (LITREV_REAL_MAP=path/to/map.html).
if [[ -n ${LITREV_REAL_MAP:-} && -f ${LITREV_REAL_MAP} ]]; then pages+=("$LITREV_REAL_MAP:real"); fi

cd "$work"
node map.test.mjs "$work/screenshots" "${pages[@]}"
echo "screenshots: $work/screenshots"
