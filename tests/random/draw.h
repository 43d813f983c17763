#pragma once
// The random draws of tests/random: mt19937_64 with the reductions written out, since the
// standard distributions differ between library implementations and a seed must give the same
// configuration and workload everywhere (a failure's reproduction is its seed).

#include <cstdint>
#include <initializer_list>
#include <random>

namespace energon::randomized {

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}

  /// Uniform in [lo, hi] (modulo reduction: spans below 2^32 are biased by less than 2^-32).
  int Uniform(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    return static_cast<int>(lo + static_cast<std::int64_t>(rng_() % span));
  }
  /// Uniform over all 64-bit values.
  std::uint64_t Bits() { return rng_(); }
  /// Uniform in [0, 1) with 53 bits.
  double Unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  /// True with probability `p`.
  bool Chance(double p) { return Unit() < p; }
  /// One of `values`, each equally likely.
  template <typename T>
  T Pick(std::initializer_list<T> values) {
    return *(values.begin() + Uniform(0, static_cast<int>(values.size()) - 1));
  }

 private:
  std::mt19937_64 rng_;
};

/// A seed of its own for item `index` of `seed` (SplitMix64's finalizer over both), so that
/// case i of a configuration does not depend on how many cases came before it.
constexpr std::uint64_t SubSeed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// log2 of a power of two.
constexpr int Log2(int power_of_two) {
  int bits = 0;
  while ((1 << bits) < power_of_two) ++bits;
  return bits;
}

}  // namespace energon::randomized
