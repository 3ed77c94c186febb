# Every library here is a Debian 12 package installed by scripts/install-deps.sh.
find_package(PkgConfig REQUIRED)
find_package(CURL REQUIRED)
find_package(pugixml REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(SQLite3 REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
# libcsv (libcsv-dev): RFC 4180 CSV for Scopus exports. No CMake or pkg-config file ships with it.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
add_library(litrev_libcsv INTERFACE)
target_include_directories(litrev_libcsv INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(litrev_libcsv INTERFACE ${CSV_LIBRARY})
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
if(LITREV_BUILD_TESTS)
  find_package(GTest REQUIRED)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
endif()
if(LITREV_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()

# litrev_module(NAME DIR [DEPS...]): the static library litrev_NAME from every .cpp in DIR.
# One library per module folder: a module can only call what it links, so the link graph is
# the architecture (see ARCHITECTURE.md). Globbing keeps module owners out of each other's
# CMake files; CONFIGURE_DEPENDS re-globs when files are added.
function(litrev_module name dir)
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/${dir}/*.cpp")
  if(NOT sources)  # a module not written yet: headers only
    add_library(litrev_${name} INTERFACE)
    target_include_directories(litrev_${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(litrev_${name} INTERFACE ${ARGN})
    return()
  endif()
  add_library(litrev_${name} STATIC ${sources})
  target_include_directories(litrev_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(litrev_${name} PUBLIC ${ARGN} PRIVATE litrev_settings)
endfunction()
