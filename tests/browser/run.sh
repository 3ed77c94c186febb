#!/usr/bin/env bash
# CTest's browser test: builds two libraries (the sample in bib/ and a synthetic one large enough
# for a 2,000-node, 20,000-link map), writes their maps with litrev, and opens them in headless
# Chromium (map.test.mjs). Installs what it needs (Debian's chromium and nodejs through
# scripts/install-deps.sh --with-browser, playwright-core through npm ci); exits 77 (CTest:
# skipped) with the reason when the browser cannot be installed.
#   run.sh LITREV_BINARY WORK_DIR
set -euo pipefail
litrev=$1
work=$2
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

# playwright-core, from the lock file, outside the repository.
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

# The large synthetic library: 3,200 works citing each other.
node "$work/gen_library.mjs" "$work/large.bib" 3200
"$litrev" -q --db "$work/large.db" import bibtex "$work/large.bib"
"$litrev" --db "$work/large.db" graph map --network cocitation --top 2000 --min-citations 1 --out "$work/large.html"

# A real library when the shared tour's is there (not in CI's clean clone necessarily).
pages=("$work/sample.html:sample" "$work/large.html:large")
if [[ -n ${LITREV_REAL_MAP:-} && -f ${LITREV_REAL_MAP} ]]; then pages+=("$LITREV_REAL_MAP:real"); fi

cd "$work"
node map.test.mjs "$work/screenshots" "${pages[@]}"
echo "screenshots: $work/screenshots"
