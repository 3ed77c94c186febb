# Warnings and sanitizers as INTERFACE targets that every litrev target links.
add_library(litrev_settings INTERFACE)
target_compile_options(litrev_settings INTERFACE
  # -Wnull-dereference is left out: with g++ 12 at -O2 it fires inside libstdc++'s own headers.
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough)
if(LITREV_WERROR)
  target_compile_options(litrev_settings INTERFACE -Werror)
endif()
if(LITREV_SANITIZE)
  # -O1 -g1 (line tables): ASan's own advice, and three times faster to compile than -O2 -g,
  # which keeps the CI's sanitizer pass within its time budget. Reports still name file:line.
  # -Wno-maybe-uninitialized: at -O1 with the sanitizers g++ 12 reports it inside <regex> and
  # <functional> (GCC documents false positives of this warning under sanitizers); the first CI
  # pass still builds with it as an error.
  target_compile_options(litrev_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined -O1 -g1 $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  target_link_options(litrev_settings INTERFACE -fsanitize=address,undefined)
endif()
