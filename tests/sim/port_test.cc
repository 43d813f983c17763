// PortRef: bit fields of every Verilator storage class, including wide ports at word edges.
#include "sim/port.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace energon::sim {
namespace {

TEST(PortRefTest, ReadsAndWritesNarrowStorage) {
  std::uint8_t c = 0;
  PortRef p8(&c, PortRef::Storage::kU8, 5);
  p8.SetBits(1, 3, 0b101);
  EXPECT_EQ(c, 0b1010);
  EXPECT_EQ(p8.GetBits(1, 3), 0b101u);
  EXPECT_EQ(p8.GetSigned(1, 3), -3);
  std::uint64_t q = 0;
  PortRef p64(&q, PortRef::Storage::kU64, 40);
  p64.Set(0xff'1234'5678ULL);
  EXPECT_EQ(p64.Get(), 0xff'1234'5678ULL);
  EXPECT_EQ(p64.GetSigned(0, 40),
            static_cast<std::int64_t>(0xff'1234'5678ULL) - (std::int64_t{1} << 40));
}

TEST(PortRefTest, WideFieldsCrossWordBoundaries) {
  std::array<std::uint32_t, 5> words{};
  PortRef wide(words.data(), PortRef::Storage::kWords, 144, 5);
  // Nine-bit lanes as in r1_surv_index_o of a 16-lane, N_MAX = 512 FU.
  for (int l = 0; l < 16; ++l) wide.SetBits(9 * l, 9, static_cast<std::uint64_t>(l) * 31 + 7);
  for (int l = 0; l < 16; ++l)
    EXPECT_EQ(wide.GetBits(9 * l, 9), static_cast<std::uint64_t>(l) * 31 + 7) << l;
  EXPECT_EQ(words[4] >> 16, 0u) << "bits above the width stay zero";
  wide.SetBits(20, 64, 0xfedc'ba98'7654'3210ULL);
  EXPECT_EQ(wide.GetBits(20, 64), 0xfedc'ba98'7654'3210ULL);
  wide.SetBits(100, 14, 0x2001);  // within word 3
  EXPECT_EQ(wide.GetSigned(100, 14), -8191);
  wide.SetBits(90, 14, 0x3fff);  // across words 2 and 3
  EXPECT_EQ(wide.GetSigned(90, 14), -1);
  wide.Clear();
  for (std::uint32_t w : words) EXPECT_EQ(w, 0u);
}

TEST(PortRefTest, RefusesFieldsOutsideThePort) {
  std::uint16_t s = 0;
  PortRef p(&s, PortRef::Storage::kU16, 10);
  EXPECT_THROW((void)p.GetBits(5, 6), std::logic_error);
  EXPECT_THROW(PortRef(&s, PortRef::Storage::kU16, 17), std::logic_error);
  EXPECT_THROW(PortRef(&s, PortRef::Storage::kU16, 8), std::logic_error)
      << "Verilator stores 8 bits in a CData, so a 16-bit port of 8 bits is a binding bug";
}

TEST(PortTableTest, FindsPortsByName) {
  std::uint8_t v = 0;
  PortTable table;
  table.Bind("idle_o", PortRef(&v, PortRef::Storage::kU8, 1));
  EXPECT_TRUE(table.Has("idle_o"));
  EXPECT_THROW((void)table.Find("r4_row_valid_o"), std::logic_error);
  EXPECT_THROW(table.Bind("idle_o", PortRef(&v, PortRef::Storage::kU8, 1)), std::logic_error);
}

}  // namespace
}  // namespace energon::sim
