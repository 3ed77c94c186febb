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
  target_compile_options(litrev_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(litrev_settings INTERFACE -fsanitize=address,undefined)
endif()
