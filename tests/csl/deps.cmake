# tests/csl: the engine alone (no store); the agreement and breadth tests read styles and
# locales from ../shared/csl and /usr/share/citation-style-language at run time.
set(extra_deps)
