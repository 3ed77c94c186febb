#!/usr/bin/env bash
# Installs the Debian 12 packages litrev needs to build, test and benchmark.
# Idempotent: packages already present are skipped by apt. Run as root or with sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libcurl4-openssl-dev libpugixml-dev libboost-graph-dev
  libsqlite3-dev libsqlitecpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libutf8proc-dev libcsv-dev libcpp-httplib-dev libcmark-dev libzip-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  citation-style-language-styles citation-style-language-locales
)
# Test oracles (graph quality against igraph/leidenalg; exports read by the tools they are
# for: biber, BibTeX, pandoc, networkx, LibreOffice, pdflatex, bibutils (RIS); CSL output against citeproc-js,
# which the tests install into the build folder with npm); only with --with-oracles.
oracles=(python3 python3-igraph python3-leidenalg python3-networkx pandoc biber texlive-base texlive-binaries
         texlive-latex-base nodejs libreoffice-writer-nogui bibutils)
# libFuzzer for scripts/fuzz.sh: clang 19, since clang 14 cannot build libstdc++'s std::expected.
fuzzing=(clang-19 libclang-rt-19-dev)

# The browser test of the map pages (tests/browser): Debian's Chromium and Node.js (npm brings
# playwright-core); only with --with-browser. A Node.js that brings its own npm (NodeSource's)
# conflicts with Debian's npm package: npm is asked for only when the command is missing.
browser=(chromium nodejs)
if ! command -v npm >/dev/null; then
  oracles+=(npm)
  browser+=(npm)
fi

want=("${packages[@]}")
for arg in "$@"; do
  [[ "$arg" == "--with-oracles" ]] && want+=("${oracles[@]}")
  [[ "$arg" == "--with-fuzz" ]] && want+=("${fuzzing[@]}")
  [[ "$arg" == "--with-browser" ]] && want+=("${browser[@]}")
done

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#want[@]} packages already installed"
  exit 0
fi
sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
