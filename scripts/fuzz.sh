#!/usr/bin/env bash
# Builds every fuzz target (fuzz/) with clang's libFuzzer under ASan + UBSan, replays its
# corpus (fuzz/corpus/<target>/: seeds and every input that once broke it, plus the real files
# of ../shared where they apply) and fuzzes it for FUZZ_SECONDS. Fails on any finding, which is
# left in $BUILD_DIR/findings/ to be kept in fuzz/corpus/<target>/ once fixed.
#   BUILD_DIR=build-fuzz   FUZZ_SECONDS=30   FUZZ_TARGETS="bibtex_parser ..." (default: all)
set -euo pipefail
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-30}
shared=${LITREV_SHARED_DIR:-../shared}

# libFuzzer with the project's C++23 library (libstdc++'s std::expected) needs clang >= 16.
cxx=""
for v in 19 18 17 16; do
  if command -v "clang++-$v" >/dev/null; then cxx="clang++-$v"; cc="clang-$v"; break; fi
done
if [[ -z "$cxx" ]]; then
  echo "fuzz: no clang >= 16 (scripts/install-deps.sh --with-fuzz installs clang-19)" >&2
  exit 1
fi
CC=$cc CXX=$cxx cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLITREV_FUZZ=ON -DLITREV_SANITIZE=ON \
  -DLITREV_BUILD_TESTS=OFF -DLITREV_BUILD_BENCH=OFF -DLITREV_WERROR="${LITREV_WERROR:-OFF}" >/dev/null
targets=${FUZZ_TARGETS:-$(ls fuzz/corpus)}
cmake --build "$build" -j"$(nproc)" --target $(for t in $targets; do echo "${t}_fuzz"; done)

# Real inputs from ../shared as extra seeds (read in place, never copied into the repository).
shared_seeds() {
  case "$1" in
    bibtex_parser | latex_names) [[ -d $shared/corpus/bibtex ]] && find "$shared/corpus/bibtex" -name '*.bib' -size -64k ;;
    crossref_answer) [[ -d $shared/fixtures/crossref ]] && find "$shared/fixtures/crossref" -name '*.json' ;;
    hal_answer) [[ -d $shared/fixtures/hal ]] && find "$shared/fixtures/hal" -name '*.json' -o -name '*.xml' ;;
    openalex_answer) [[ -d $shared/fixtures/openalex ]] && find "$shared/fixtures/openalex" -name '*.json' ;;
  esac
  return 0
}

mkdir -p "$build/findings"
summary=""
failed=0
for t in $targets; do
  work="$build/fuzz-work/$t"  # what libFuzzer adds stays out of the repository
  mkdir -p "$work"
  seeds="$build/fuzz-seeds/$t"
  rm -rf "$seeds" && mkdir -p "$seeds"
  shared_seeds "$t" | while read -r f; do ln -sf "$(realpath "$f")" "$seeds/$(basename "$(dirname "$f")")-$(basename "$f")"; done
  log="$build/findings/$t.log"
  echo "== fuzz $t for ${seconds}s"
  if "$build/fuzz/${t}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$build/findings/$t-" "$work" "fuzz/corpus/$t" "$seeds" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    summary+=$(printf '%-16s %10s runs   %s\n' "$t" "$runs" "$cov")$'\n'
  else
    failed=1
    summary+=$(printf '%-16s FAILED (see %s)\n' "$t" "$log")$'\n'
    grep -E 'ERROR|invariant broken|Test unit written|SUMMARY' "$log" | head -20 >&2 || true
  fi
done
echo
echo "fuzz summary (${seconds}s per target; cov = coverage points, ft = features):"
printf '%s' "$summary"
exit $failed
