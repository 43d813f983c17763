#include "sim/stall.h"

namespace energon::sim {
namespace {

// A uniform double in [0, 1) from the top 53 bits (the standard distributions are not
// specified bit for bit, so they are not used: a seed gives the same run everywhere).
double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

int Between(std::mt19937_64& rng, int lo, int hi) {
  return lo + static_cast<int>(Uniform(rng) * (hi - lo + 1));
}

}  // namespace

std::uint64_t DeriveSeed(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (stream + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

StallGenerator::StallGenerator(std::uint64_t seed, const StallProfile& profile)
    : enabled_(true), profile_(profile), rng_(seed) {}

int StallGenerator::Length() {
  return Uniform(rng_) < profile_.long_share
             ? Between(rng_, profile_.short_max + 1, profile_.long_max)
             : Between(rng_, 1, profile_.short_max);
}

bool StallGenerator::Next() {
  if (!enabled_) return false;
  if (remaining_ == 0 && Uniform(rng_) < profile_.start) remaining_ = Length();
  stalled_ = remaining_ > 0;
  if (stalled_) --remaining_;
  return stalled_;
}

int StallGenerator::Gap() {
  if (!enabled_ || Uniform(rng_) >= profile_.start) return 0;
  return Length();
}

}  // namespace energon::sim
