// The round configuration: ParseRounds / ValidateRounds / ParseAlphas / ValidateAlphas accept
// good input and refuse bad input with the exact messages users see.
#include "golden/rounds.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "golden/errors.h"
#include "tests/common/error_of.h"

namespace energon::golden {
namespace {


TEST(ParseRoundsTest, AcceptsGoodInputAndFormatsItBack) {
  EXPECT_EQ(ParseRounds("4x2,4x4"), (std::vector<RoundWidths>{{4, 2}, {4, 4}}));
  EXPECT_EQ(ParseRounds("8x8"), (std::vector<RoundWidths>{{8, 8}}));
  EXPECT_EQ(ParseRounds("1x1,2x3,8x8"), (std::vector<RoundWidths>{{1, 1}, {2, 3}, {8, 8}}));
  EXPECT_EQ(ParseRounds("3x3,3x3"), (std::vector<RoundWidths>{{3, 3}, {3, 3}}));  // equal is fine
  for (const char* text : {"4x2,4x4", "1x1", "2x1,2x5,7x8"}) {
    EXPECT_EQ(FormatRounds(ParseRounds(text)), text);
  }
}

TEST(ParseRoundsTest, RejectsWrongRoundCounts) {
  EXPECT_EQ(ErrorOf([] { ValidateRounds({}); }),
            "--rounds: 0 rounds given; the filter has 1 to 3 rounds, e.g. 4x2,4x4");
  EXPECT_EQ(ErrorOf([] { ParseRounds("4x2,4x4,4x4,4x4"); }),
            "--rounds: 4 rounds given; the filter has 1 to 3 rounds, e.g. 4x2,4x4");
}

TEST(ParseRoundsTest, RejectsWidthsOutsideOneToEight) {
  EXPECT_EQ(ErrorOf([] { ParseRounds("0x2"); }),
            "--rounds: round 1 has QB = 0; operand widths are 1 to 8 bits, use 1");
  EXPECT_EQ(ErrorOf([] { ParseRounds("4x2,4x9"); }),
            "--rounds: round 2 has KB = 9; operand widths are 1 to 8 bits, use 8");
  EXPECT_EQ(ErrorOf([] {
              ValidateRounds({{9, 9}});
            }),
            "--rounds: round 1 has QB = 9; operand widths are 1 to 8 bits, use 8");
  EXPECT_EQ(ErrorOf([] { ParseRounds("4x-1"); }),
            "--rounds: round 1 has KB = -1; operand widths are 1 to 8 bits, use 1");
}

TEST(ParseRoundsTest, RejectsDecreasingWidths) {
  EXPECT_EQ(ErrorOf([] { ParseRounds("4x4,4x2"); }),
            "--rounds: round 2 (4x2) is narrower than round 1 (4x4); widths must not decrease "
            "from round to round, e.g. 4x4");
  EXPECT_EQ(ErrorOf([] { ParseRounds("4x2,4x4,3x8"); }),
            "--rounds: round 3 (3x8) is narrower than round 2 (4x4); widths must not decrease "
            "from round to round, e.g. 4x8");
}

TEST(ParseRoundsTest, RejectsMalformedRounds) {
  EXPECT_EQ(ErrorOf([] { ParseRounds("ax2"); }),
            "--rounds: 'a' in 'ax2' is not a width; write each round as QBxKB with whole numbers "
            "of bits, e.g. 4x2,4x4");
  EXPECT_EQ(ErrorOf([] { ParseRounds("4-2"); }),
            "--rounds: '4-2' in '4-2' is not a round; write each round as QBxKB, e.g. 4x2,4x4");
  EXPECT_EQ(ErrorOf([] { ParseRounds("4x2,"); }),
            "--rounds: '' in '4x2,' is not a round; write each round as QBxKB, e.g. 4x2,4x4");
  EXPECT_EQ(ErrorOf([] { ParseRounds("4x2.5"); }),
            "--rounds: '2.5' in '4x2.5' is not a width; write each round as QBxKB with whole "
            "numbers of bits, e.g. 4x2,4x4");
}

TEST(ParseRoundsTest, ErrorsNameTheGivenOption) {
  try {
    ParseRounds("4x4,4x2", "config rounds");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "config rounds");
    EXPECT_EQ(std::string(e.what()).rfind("config rounds: round 2 (4x2)", 0), 0u) << e.what();
  }
}

TEST(ParseAlphasTest, AcceptsGoodInput) {
  EXPECT_EQ(ParseAlphas("-64,0", 2), (std::vector<int>{-64, 0}));
  EXPECT_EQ(ParseAlphas("-256,256,+7", 3), (std::vector<int>{-256, 256, 7}));
  EXPECT_EQ(ParseAlphas("0", 1), (std::vector<int>{0}));
}

TEST(ParseAlphasTest, RejectsOutOfRangeAlphas) {
  EXPECT_EQ(ErrorOf([] { ParseAlphas("300,0", 2); }),
            "--alpha: round 1 has A = 300; A_r is in [-256, 256] (alpha = A/256), use 256");
  EXPECT_EQ(ErrorOf([] { ParseAlphas("0,-257", 2); }),
            "--alpha: round 2 has A = -257; A_r is in [-256, 256] (alpha = A/256), use -256");
  EXPECT_EQ(ErrorOf([] {
              ValidateAlphas({0, 0, 1000}, 3);
            }),
            "--alpha: round 3 has A = 1000; A_r is in [-256, 256] (alpha = A/256), use 256");
}

TEST(ParseAlphasTest, RejectsWrongCount) {
  EXPECT_EQ(ErrorOf([] { ParseAlphas("0", 2); }),
            "--alpha: 1 values given for 2 rounds; give one A_r per round, e.g. 0,0");
  EXPECT_EQ(ErrorOf([] { ParseAlphas("0,0", 1); }),
            "--alpha: 2 values given for 1 rounds; give one A_r per round, e.g. 0");
  EXPECT_EQ(ErrorOf([] { ValidateAlphas({}, 3); }),
            "--alpha: 0 values given for 3 rounds; give one A_r per round, e.g. 0,0,0");
}

TEST(ParseAlphasTest, RejectsNonIntegers) {
  EXPECT_EQ(ErrorOf([] { ParseAlphas("abc", 1); }),
            "--alpha: 'abc' in 'abc' is not an integer; give one A_r in [-256, 256] per round, "
            "e.g. -64,0");
  EXPECT_EQ(ErrorOf([] { ParseAlphas("1,,2", 3); }),
            "--alpha: '' in '1,,2' is not an integer; give one A_r in [-256, 256] per round, "
            "e.g. -64,0");
  EXPECT_EQ(ErrorOf([] { ParseAlphas("-64, 0", 2); }),
            "--alpha: ' 0' in '-64, 0' is not an integer; give one A_r in [-256, 256] per round, "
            "e.g. -64,0");
}

TEST(ParseIntTest, AcceptsWholeDecimalIntegersOnly) {
  long long value = 0;
  EXPECT_TRUE(ParseInt("-42", value));
  EXPECT_EQ(value, -42);
  EXPECT_TRUE(ParseInt("+42", value));
  EXPECT_EQ(value, 42);
  EXPECT_TRUE(ParseInt("9223372036854775807", value));
  EXPECT_EQ(value, 9223372036854775807LL);
  for (const char* bad :
       {"", "+", "-", "12a", "1.0", " 1", "0x10", "9223372036854775808", "+-5", "--5", "++5"}) {
    EXPECT_FALSE(ParseInt(bad, value)) << "'" << bad << "'";
  }
}

TEST(SplitListTest, KeepsEmptyFields) {
  EXPECT_EQ(SplitList("a,b,c"), (std::vector<std::string_view>{"a", "b", "c"}));
  EXPECT_EQ(SplitList(""), (std::vector<std::string_view>{""}));
  EXPECT_EQ(SplitList(",x,"), (std::vector<std::string_view>{"", "x", ""}));
}

}  // namespace
}  // namespace energon::golden
