#pragma once
// Seeded stall injection: each input stream gets random gaps between its transfers and each
// output stream random back-pressure, from its own generator derived from the stall seed, so
// one seed reproduces a run exactly.

#include <cstdint>
#include <random>

namespace energon::sim {

/// How often and how long streams stall. The mix of short and long stalls makes buffers run
/// both empty and full.
struct StallProfile {
  double start = 0.25;       ///< chance that a stall starts in a cycle without one
  double long_share = 0.15;  ///< share of stalls that are long
  int short_max = 3;         ///< short stalls last 1..short_max cycles
  int long_max = 40;         ///< long stalls last short_max+1..long_max cycles
};

/// SplitMix64: independent seeds for each stream from one seed.
std::uint64_t DeriveSeed(std::uint64_t seed, std::uint64_t stream);

/// An on/off process: Next() says whether the stream stalls in the next cycle.
class StallGenerator {
 public:
  StallGenerator() = default;  ///< never stalls
  StallGenerator(std::uint64_t seed, const StallProfile& profile);

  /// Advances one cycle; true when the stream stalls in it.
  bool Next();
  /// What the last Next() said.
  [[nodiscard]] bool stalled_now() const { return stalled_; }
  /// The number of cycles to wait before the next transfer of an input stream (0 = none).
  int Gap();
  [[nodiscard]] std::mt19937_64& rng() { return rng_; }

 private:
  int Length();

  bool enabled_ = false;
  StallProfile profile_;
  std::mt19937_64 rng_;
  int remaining_ = 0;
  bool stalled_ = false;
};

}  // namespace energon::sim
