# articlescope_embed(TARGET NAME FILE): compiles FILE into TARGET as articlescope::data::NAME / NAME_size.
# Declare it where it is used with ARTICLESCOPE_EMBEDDED(NAME) from core/src/data.hpp.
function(articlescope_embed target name file)
  set(out "${CMAKE_BINARY_DIR}/embedded/${name}.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${out} -DNAME=${name} -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
