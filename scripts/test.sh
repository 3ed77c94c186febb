#!/usr/bin/env bash
# Installs what litrev needs, builds it and runs every test (GoogleTest through CTest).
#   BUILD_DIR=build         where to build
#   LITREV_WERROR=ON        warnings are errors (CI)
#   LITREV_SANITIZE=ON      AddressSanitizer + UndefinedBehaviorSanitizer build
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-oracles
build=${BUILD_DIR:-build}
jobs=$(nproc)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
  -DLITREV_WERROR="${LITREV_WERROR:-OFF}" -DLITREV_SANITIZE="${LITREV_SANITIZE:-OFF}" \
  -DLITREV_BUILD_BENCH="${LITREV_BUILD_BENCH:-ON}"
cmake --build "$build" -j"$jobs"
ctest --test-dir "$build" --output-on-failure -j"$jobs" ${CTEST_ARGS:-}
