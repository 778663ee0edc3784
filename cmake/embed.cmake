# Turns a data file into a C++ source defining `extern const unsigned char NAME[]` and `NAME_size`.
# Called at build time: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed.cmake
# A text file's comment lines (a `#` in the first column) are documentation for its readers, and every
# reader skips them: they are left out of the binary (each becomes an empty line, so line numbers hold).
if(INPUT MATCHES "\\.txt$")
  file(READ "${INPUT}" text)
  string(REGEX REPLACE "^#[^\n]*" "" text "${text}")
  string(REGEX REPLACE "\n#[^\n]*" "\n" text "${text}")
  file(WRITE "${OUTPUT}.txt" "${text}")
  file(READ "${OUTPUT}.txt" hex HEX)
else()
  file(READ "${INPUT}" hex HEX)
endif()
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by cmake/embed.cmake. Do not edit.\n#include <cstddef>\nnamespace articlescope::data {\nextern const unsigned char ${NAME}[];\nextern const std::size_t ${NAME}_size;\nalignas(16) const unsigned char ${NAME}[] = {\n${bytes}0x00};\nconst std::size_t ${NAME}_size = ${size};\n}  // namespace articlescope::data\n")
