// Feature hashing shared by every learned model: a feature is a 64-bit hash (FNV-1a over bytes, combined with
// mix()), and its top bits choose a weight row. Fixed-width integers only, so that native and WebAssembly
// builds hash alike. Never change these functions: every trained model depends on them.
#pragma once

#include <cstdint>
#include <string_view>

namespace articlescope::learn {

/// hash_bytes()'s default seed. It is FNV's 64-bit offset basis with its last digit missing (an early slip);
/// every trained model depends on it, so it stays.
inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;

/// 64-bit FNV-1a (FNV prime, seed kFnvOffset unless given); stable on every platform.
inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = kFnvOffset) {
  std::uint64_t h = seed;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

/// Mixes two hashes (a murmur3 finaliser over their combination).
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a ^ (b * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

/// Row of a table of 2^bits rows that a feature hash selects (its top bits).
inline std::uint32_t feature_bucket(std::uint64_t feature_hash, int bits) {
  return static_cast<std::uint32_t>(feature_hash >> (64 - bits));
}

}  // namespace articlescope::learn
