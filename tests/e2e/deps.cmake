set(extra_deps nlohmann_json::nlohmann_json pugixml::pugixml PkgConfig::HTTPLIB SQLiteCpp SQLite::SQLite3 litrev_export
    litrev_store)
# export bibliography is compared with citeproc-js (tests/support/citeproc_js).
set(extra_sources ${CMAKE_CURRENT_SOURCE_DIR}/support/citeproc_js.cpp)
