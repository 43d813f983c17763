// energon-vectors' writer (sim/vectors.h): the layout the generated testbench reads, the
// expected outputs from the golden model, and the all-or-nothing folder write.
#include "sim/vectors.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "generator/gen_options.h"
#include "generator/testbench.h"
#include "golden/synthetic.h"
#include "tests/common/error_of.h"
#include "tests/common/temp_dir.h"

namespace energon::sim {
namespace {

FuShape SmallShape() {
  return ShapeOf("small_nmax", gen::ParseConfigFile(ENERGON_CONFIGS_DIR "/small_nmax.cfg"));
}

std::vector<std::string> Words(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("//", 0) == 0) continue;
    std::istringstream split(line);
    for (std::string word; split >> word;) words.push_back(word);
  }
  return words;
}

golden::Workload Synthetic(int heads) {
  golden::SyntheticSpec spec;
  spec.n = 8;
  spec.nq = 5;
  spec.d = 8;
  spec.heads = heads;
  spec.seed = 3;
  return golden::MakeSyntheticWorkload(spec);
}

TEST(VectorsTest, WritesTheLayoutTheTestbenchReads) {
  const ScopedTempDir temp;
  const FuShape shape = SmallShape();
  const golden::Workload workload = Synthetic(2);
  golden::RunParams run;
  run.alpha = {-64, 32};
  run.causal = true;
  run.n_keys = 6;
  WriteVectors(temp.File("v"), shape, workload, run);
  const std::vector<std::string> heads = Words(temp.File("v/heads.hex"));
  ASSERT_EQ(heads.size(), 2u + 8 * 2);
  EXPECT_EQ(heads[0], fmt::format("{:08x}", gen::ConfigTag(shape.config, shape.derived)));
  EXPECT_EQ(heads[1], "00000002");
  const golden::GoldenHead golden(workload.heads[1], GoldenParamsOf(shape, 1).hw, run);
  // Head 1: 8 K rows, 5 queries, n_k 6, causal, A = -64 and 32 in 10-bit fields, M, E.
  EXPECT_EQ(std::vector<std::string>(heads.begin() + 10, heads.end()),
            (std::vector<std::string>{"00000008", "00000005", "00000006", "00000001",
                                      fmt::format("{:08x}", (32u << 10) | (1024u - 64)),
                                      fmt::format("{:08x}", golden.scale().m),
                                      fmt::format("{:08x}", golden.scale().e), "00000000"}));
  EXPECT_EQ(Words(temp.File("v/q.hex")).size(), 2u * 5 * 8);
  EXPECT_EQ(Words(temp.File("v/k.hex")).size(), 2u * 8 * 8);
  EXPECT_EQ(Words(temp.File("v/v.hex")).size(), 2u * 8 * 8);
  const std::vector<std::string> out = Words(temp.File("v/out.hex"));
  ASSERT_EQ(out.size(), 2u * 5 * 8);
  // Head 1 query 4 element 7: the last word, from the golden model.
  EXPECT_EQ(out.back(),
            fmt::format("{:04x}", static_cast<std::uint16_t>(golden.Run(4).attention.out[7])));
  EXPECT_EQ(Words(temp.File("v/k.hex"))[8 * 8 + 3],
            fmt::format("{:04x}", static_cast<std::uint16_t>(workload.heads[1].k.codes.data[3])));
}

TEST(VectorsTest, ReplacesOnlyAVectorsFolder) {
  const ScopedTempDir temp;
  const FuShape shape = SmallShape();
  golden::RunParams run;
  WriteVectors(temp.File("v"), shape, Synthetic(2), run);
  WriteVectors(temp.File("v"), shape, Synthetic(1), run);  // a vectors folder is replaced
  EXPECT_EQ(Words(temp.File("v/heads.hex"))[1], "00000001");
  std::ofstream(temp.File("v/notes.txt")) << "mine\n";
  EXPECT_EQ(ErrorOf([&] { WriteVectors(temp.File("v"), shape, Synthetic(2), run); }),
            fmt::format("--vectors: '{}' holds 'notes.txt', which is not a vector file; refusing "
                        "to replace the folder: move that file away or choose another folder",
                        temp.File("v")));
  EXPECT_EQ(Words(temp.File("v/heads.hex"))[1], "00000001");  // untouched
}

TEST(VectorsTest, ValidatesTheWorkloadLikeTheCosimulation) {
  const ScopedTempDir temp;
  golden::RunParams run;
  run.n_keys = 9;
  EXPECT_EQ(ErrorOf([&] { WriteVectors(temp.File("v"), SmallShape(), Synthetic(1), run); }),
            "--n-keys: n_k = 9 but K has 8 rows; use 1 to 8");
  EXPECT_FALSE(std::filesystem::exists(temp.File("v")));
}

}  // namespace
}  // namespace energon::sim
