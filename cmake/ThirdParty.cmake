# Third-party code, the same for native and WebAssembly builds:
#  - gumbo 0.10.1 C source from the npm package gumbo-parser@0.3.0 (node_modules, pinned by package-lock.json),
#    except char_ref.c, replaced by cmake/gumbo/char_ref_compact.c, and with parser.c and tokenizer.c patched
#    for speed (cmake/GumboPatches.cmake),
#  - nlohmann-json headers, copied from Debian's nlohmann-json3-dev into the build tree so that emcc never
#    sees /usr/include.
set(GUMBO_SRC_DIR "${PROJECT_SOURCE_DIR}/node_modules/gumbo-parser/deps/gumbo-parser/src"
    CACHE PATH "gumbo 0.10.1 source folder")
if(NOT EXISTS "${GUMBO_SRC_DIR}/parser.c")
  message(FATAL_ERROR "gumbo source not found at ${GUMBO_SRC_DIR}: run scripts/setup.sh first")
endif()
file(GLOB GUMBO_SOURCES "${GUMBO_SRC_DIR}/*.c")
# gumbo's char_ref.c is 749 KB of Ragel output (~81 KB of gzipped WebAssembly); cmake/gumbo/char_ref_compact.c
# does the same with a binary search over a table generated here from char_ref.rl's rules.
list(REMOVE_ITEM GUMBO_SOURCES "${GUMBO_SRC_DIR}/char_ref.c")
include(GumboCharRefTable)
gumbo_generate_char_ref_table("${GUMBO_SRC_DIR}/char_ref.rl" "${CMAKE_BINARY_DIR}/third_party/gumbo_char_ref_table.h")
include(GumboPatches)
list(REMOVE_ITEM GUMBO_SOURCES "${GUMBO_SRC_DIR}/parser.c" "${GUMBO_SRC_DIR}/tokenizer.c")
gumbo_patch_sources("${GUMBO_SRC_DIR}" "${CMAKE_BINARY_DIR}/third_party/gumbo" GUMBO_PATCHED_SOURCES)
add_library(gumbo STATIC ${GUMBO_SOURCES} ${GUMBO_PATCHED_SOURCES} "${PROJECT_SOURCE_DIR}/cmake/gumbo/char_ref_compact.c")
target_include_directories(gumbo SYSTEM PUBLIC "${GUMBO_SRC_DIR}")
target_include_directories(gumbo PRIVATE "${CMAKE_BINARY_DIR}/third_party")
set_target_properties(gumbo PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON)
target_compile_options(gumbo PRIVATE -w)

set(NLOHMANN_JSON_SOURCE "/usr/include/nlohmann" CACHE PATH "nlohmann-json header folder (Debian nlohmann-json3-dev)")
if(NOT EXISTS "${NLOHMANN_JSON_SOURCE}/json.hpp")
  message(FATAL_ERROR "nlohmann/json.hpp not found in ${NLOHMANN_JSON_SOURCE}: run scripts/setup.sh first")
endif()
set(THIRD_PARTY_INCLUDE "${CMAKE_BINARY_DIR}/third_party/include")
file(COPY "${NLOHMANN_JSON_SOURCE}/" DESTINATION "${THIRD_PARTY_INCLUDE}/nlohmann")
add_library(nlohmann_json_local INTERFACE)
target_include_directories(nlohmann_json_local SYSTEM INTERFACE "${THIRD_PARTY_INCLUDE}")
