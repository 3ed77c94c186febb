#!/usr/bin/env bash
# Installs what litrev needs, builds it and runs every test (GoogleTest through CTest). The build
# is instrumented with AddressSanitizer + UndefinedBehaviorSanitizer, so the tests also catch
# memory errors and undefined behaviour; it compiles at -O1, faster than the optimized build of
# scripts/demo.sh, and keeps its own folder.
#   BUILD_DIR=build-asan    where to build (build-tests without sanitizers)
#   LITREV_SANITIZE=OFF     an optimized build without sanitizers
#   LITREV_UBSAN=OFF        AddressSanitizer only (CI: its fuzzing pass runs UBSan)
#   LITREV_WERROR=ON        warnings are errors (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-oracles
sanitize=${LITREV_SANITIZE:-ON}
if [[ $sanitize == ON ]]; then
  build=${BUILD_DIR:-build-asan}
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
else
  build=${BUILD_DIR:-build-tests}
fi
jobs=$(nproc)
# With the sanitizers, cmake/Settings.cmake turns RelWithDebInfo's -O2 -g into -O1 -g1.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DLITREV_WERROR="${LITREV_WERROR:-OFF}" \
  -DLITREV_SANITIZE="$sanitize" -DLITREV_SANITIZE_UNDEFINED="${LITREV_UBSAN:-ON}" -DLITREV_BUILD_BENCH="${LITREV_BUILD_BENCH:-ON}"
cmake --build "$build" -j"$jobs"
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 900 ${CTEST_ARGS:-}
