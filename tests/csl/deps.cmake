# tests/csl: the engine alone (no store). The agreement and breadth tests read styles and
# locales from ../shared/csl and /usr/share/citation-style-language at run time, and run
# citeproc-js (tests/support/citeproc_js).
set(extra_sources ${CMAKE_CURRENT_SOURCE_DIR}/support/citeproc_js.cpp)
