# Warnings and sanitizers as INTERFACE targets that every litrev target links: litrev_settings
# for the code under test (modules, the CLI, fuzz targets), litrev_harness_settings for the code
# that drives it (the GoogleTest executables, the benchmarks).
add_library(litrev_warnings INTERFACE)
target_compile_options(litrev_warnings INTERFACE
  # -Wnull-dereference is left out: with g++ 12 at -O2 it fires inside libstdc++'s own headers.
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough)
if(LITREV_WERROR)
  target_compile_options(litrev_warnings INTERFACE -Werror)
endif()

add_library(litrev_settings INTERFACE)
target_link_libraries(litrev_settings INTERFACE litrev_warnings)
add_library(litrev_harness_settings INTERFACE)
target_link_libraries(litrev_harness_settings INTERFACE litrev_warnings)
if(LITREV_SANITIZE)
  # -O1 -g1 (line tables): ASan's own advice; reports still name file:line.
  # -fno-sanitize=vptr: the dynamic-type check doubled the compile time of the store's files
  #   (16 s -> 9 s for corpus.cpp) and guards against casts this code base does not make.
  # -Wno-maybe-uninitialized: at -O1 with the sanitizers g++ 12 reports it inside <regex> and
  #   <functional> (GCC documents false positives of this warning under sanitizers).
  # Start-up counts: CI starts an instrumented executable for every test and the end-to-end
  # tests start `litrev` thousands of times. Measured here, one `litrev --version` took 150 ms
  # against 12 ms uninstrumented, mostly page faults:
  # - the loader relocating UBSan's 37 MB of check descriptors in a position-independent
  #   executable (-no-pie: 150 -> 85 ms);
  # - ASan registering and poisoning every global, string literals included (GCC's
  #   asan-globals=0, which also compiles the store's files a third faster; overflows of
  #   global arrays are then not caught, heap and stack ones still are).
  # LITREV_SANITIZE_UNDEFINED=OFF leaves UBSan out (a fifth of the modules' compile time; CI,
  # whose fuzzing pass still runs every parser under ASan + UBSan).
  if(LITREV_SANITIZE_UNDEFINED)
    set(sanitizers address,undefined)
    target_compile_options(litrev_settings INTERFACE -fno-sanitize=vptr -fno-sanitize-recover=undefined)
  else()
    set(sanitizers address)
  endif()
  target_compile_options(litrev_settings INTERFACE -fsanitize=${sanitizers} -fno-omit-frame-pointer -O1 -g1
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized --param=asan-globals=0>)
  target_link_options(litrev_settings INTERFACE -fsanitize=${sanitizers} $<$<CXX_COMPILER_ID:GNU>:-no-pie>)
  # The tests' and benchmarks' own code is not instrumented nor optimized, only linked with the
  # runtimes: the code under test (the modules they link, the litrev binary the end-to-end tests
  # run) is. Instrumenting the large functions GoogleTest's macros expand to tripled the tests'
  # compile time (15 s -> 44 s for one batch of store tests), and kept CI over its 30 minutes.
  target_compile_options(litrev_harness_settings INTERFACE -O0 -g1)
  target_link_options(litrev_harness_settings INTERFACE -fsanitize=${sanitizers} $<$<CXX_COMPILER_ID:GNU>:-no-pie>)
endif()
