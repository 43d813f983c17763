#include "sim/vectors.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iterator>

#include "generator/testbench.h"
#include "golden/errors.h"
#include "golden/files.h"
#include "sim/cosim.h"

namespace energon::sim {
namespace {
namespace fs = std::filesystem;
using golden::InputError;

constexpr int kHeadWords = 8;    // heads.hex words per head (the testbench's HeadWords)
constexpr int kAlphaField = 10;  // bits of A_r in cfg_alpha_i

void AppendRows(std::string& text, const golden::Matrix16& m, const std::string& what, int head) {
  text += fmt::format("// head {}: {} rows of {} int16 ({})\n", head, m.rows, m.cols, what);
  for (int i = 0; i < m.rows; ++i) {
    for (std::int16_t v : m.row(i)) text += fmt::format("{:04x}\n", static_cast<std::uint16_t>(v));
  }
}

// The folder `dir` may be replaced: it does not exist, or holds only vector files.
void CheckReplaceable(const fs::path& dir) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw InputError("--vectors",
                     fmt::format("'{}' is not a folder; choose a folder to write", dir.string()));
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || std::find(std::begin(kVectorFiles), std::end(kVectorFiles),
                                              name) == std::end(kVectorFiles)) {
      throw InputError("--vectors",
                       fmt::format("'{}' holds '{}', which is not a vector file; refusing to "
                                   "replace the folder: move that file away or choose another "
                                   "folder",
                                   dir.string(), name));
    }
  }
}

}  // namespace

void WriteVectors(const std::string& dir, const FuShape& shape, const golden::Workload& workload,
                  const golden::RunParams& run) {
  ValidateWorkload(shape, workload, run);
  // The memory latency only moves the timing model's cycles, which vectors do not carry.
  const gen::GoldenParams params = GoldenParamsOf(shape, 1);
  std::uint32_t alpha = 0;
  for (std::size_t r = 0; r < run.alpha.size(); ++r) {
    alpha |= (static_cast<std::uint32_t>(run.alpha[r]) & ((1u << kAlphaField) - 1))
             << (kAlphaField * r);
  }
  std::string heads = fmt::format(
      "{:08x} {:08x}\n"
      "// energon-vectors for {} (configuration tag {:08x}): {}\n"
      "// per head: K rows, queries, n_k, causal, cfg_alpha_i, scale M, scale E, 0\n",
      gen::ConfigTag(shape.config, shape.derived), workload.heads.size(), shape.derived.top.prefix,
      gen::ConfigTag(shape.config, shape.derived), workload.source);
  std::string q, k, v, out;
  for (std::size_t h = 0; h < workload.heads.size(); ++h) {
    const golden::Head& head = workload.heads[h];
    const golden::GoldenHead golden_head(head, params.hw, run);
    const int n_keys = run.n_keys == 0 ? workload.num_keys() : run.n_keys;
    heads += fmt::format("// head {}\n", h);
    const std::array<std::uint32_t, kHeadWords> words = {
        static_cast<std::uint32_t>(head.k.codes.rows),
        static_cast<std::uint32_t>(head.q.codes.rows),
        static_cast<std::uint32_t>(n_keys),
        run.causal ? 1u : 0u,
        alpha,
        golden_head.scale().m,
        static_cast<std::uint32_t>(golden_head.scale().e),
        0u};
    for (std::uint32_t word : words) heads += fmt::format("{:08x}\n", word);
    const int h_index = static_cast<int>(h);
    AppendRows(q, head.q.codes, "queries", h_index);
    AppendRows(k, head.k.codes, "K", h_index);
    AppendRows(v, head.v.codes, "V", h_index);
    golden::Matrix16 outputs(head.q.codes.rows, head.q.codes.cols);
    for (int i = 0; i < head.q.codes.rows; ++i) {
      const std::vector<std::int16_t> row = golden_head.Run(i).attention.out;
      std::copy(row.begin(), row.end(), outputs.row(i).begin());
    }
    AppendRows(out, outputs, "expected outputs", h_index);
  }

  const fs::path target = fs::path(dir).lexically_normal();
  CheckReplaceable(target);
  fs::path parent = target.parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
      throw InputError("--vectors",
                       fmt::format("cannot create '{}': {}", parent.string(), ec.message()));
    }
  }
  const fs::path temp =
      parent / fmt::format(".{}.vectors-tmp.{}", target.filename().string(), ::getpid());
  std::error_code ec;
  fs::remove_all(temp, ec);
  if (!fs::create_directory(temp, ec) || ec) {
    throw InputError("--vectors", fmt::format("cannot create '{}': {}", temp.string(),
                                              ec ? ec.message() : "it exists"));
  }
  try {
    const std::string* texts[] = {&heads, &q, &k, &v, &out};
    for (std::size_t i = 0; i < std::size(kVectorFiles); ++i) {
      golden::WriteFileAtomically((temp / kVectorFiles[i]).string(), *texts[i]);
    }
    if (fs::exists(target)) fs::remove_all(target);
    fs::rename(temp, target);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(temp, ec);
    throw InputError("--vectors",
                     fmt::format("cannot write '{}': {}", target.string(), e.code().message()));
  } catch (...) {
    fs::remove_all(temp, ec);
    throw;
  }
}

}  // namespace energon::sim
