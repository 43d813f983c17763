// Stall injection is seeded: one seed, one stall pattern; different streams differ.
#include "sim/stall.h"

#include <gtest/gtest.h>

#include <vector>

namespace energon::sim {
namespace {

std::vector<bool> Pattern(std::uint64_t seed, int cycles) {
  StallGenerator gen(seed, StallProfile{});
  std::vector<bool> stalls;
  stalls.reserve(static_cast<std::size_t>(cycles));
  for (int c = 0; c < cycles; ++c) stalls.push_back(gen.Next());
  return stalls;
}

TEST(StallGeneratorTest, SameSeedSamePattern) {
  EXPECT_EQ(Pattern(DeriveSeed(7, 1), 500), Pattern(DeriveSeed(7, 1), 500));
  EXPECT_NE(Pattern(DeriveSeed(7, 1), 500), Pattern(DeriveSeed(7, 2), 500));
}

TEST(StallGeneratorTest, StallsSometimesButNotAlways) {
  const std::vector<bool> p = Pattern(DeriveSeed(3, 0), 10000);
  const auto stalled = std::count(p.begin(), p.end(), true);
  EXPECT_GT(stalled, 2000);
  EXPECT_LT(stalled, 8000);
}

TEST(StallGeneratorTest, DefaultNeverStalls) {
  StallGenerator gen;
  for (int c = 0; c < 100; ++c) EXPECT_FALSE(gen.Next());
  EXPECT_EQ(gen.Gap(), 0);
}

}  // namespace
}  // namespace energon::sim
