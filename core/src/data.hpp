// Access to data files compiled into the binary by articlescope_embed() (cmake/Embed.cmake).
#pragma once

#include <cstddef>
#include <string_view>

/// Declares articlescope::data::NAME and NAME_size, and a `std::string_view NAME_view()` over them.
#define ARTICLESCOPE_EMBEDDED(NAME)                                                   \
  namespace articlescope::data {                                                      \
  extern const unsigned char NAME[];                                                  \
  extern const std::size_t NAME##_size;                                               \
  inline std::string_view NAME##_view() {                                             \
    return {reinterpret_cast<const char*>(NAME), NAME##_size};                        \
  }                                                                                   \
  }
