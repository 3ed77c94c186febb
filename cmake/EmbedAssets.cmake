# litrev_embed_assets(TARGET HEADER FILE...): a generated header HEADER (in the build tree,
# on TARGET's include path) holding each FILE as bytes, reachable as
# litrev::map::assets::<file name with '.' and '-' as '_'>() -> std::string_view.
# The page's script, style and template stay readable files in the repository; the binary
# carries them, so the map it writes needs nothing beside it.
function(litrev_embed_assets target header)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/generated/${target}")
  set(out "${dir}/${header}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${out} "-DINPUTS=${ARGN}" -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${ARGN} "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding ${header}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PUBLIC "${dir}")
endfunction()
