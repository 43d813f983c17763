#include "tests/random/random_workload.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "golden/npy.h"
#include "golden/rounds.h"
#include "tests/random/draw.h"

namespace energon::randomized {
namespace {

// A run's cycles are about heads x queries x (keys / the slowest lanes) x (rounds + 1); this
// bounds that estimate, which keeps one run under a few seconds at the models' 50..400 k
// simulated cycles per second.
constexpr long long kMaxCycleEstimate = 300'000;
constexpr int kMaxQueries = 128;

// A plain decimal of `hundredths` / 100, as the synthetic knobs take them ("3.25").
std::string Hundredths(int hundredths) {
  return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

double Normal(Draw& draw) {
  // Box-Muller, written out: std::normal_distribution's algorithm is the library's choice.
  const double u = 1.0 - draw.Unit();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * draw.Unit());
}

// heads x rows x d values: shape [rows, d] when `flat` (one head), else [heads, rows, d].
NpyTensor Shaped(bool flat, int heads, int rows, int d) {
  NpyTensor tensor;
  if (flat) {
    tensor.shape = {static_cast<std::size_t>(rows), static_cast<std::size_t>(d)};
  } else {
    tensor.shape = {static_cast<std::size_t>(heads), static_cast<std::size_t>(rows),
                    static_cast<std::size_t>(d)};
  }
  return tensor;
}

// Float tensors: normal at a random scale (1e-3 .. 1e3), with rare outliers a thousand times
// larger, rows of zeros, and at times every row a copy of the first (every key tied).
NpyTensor FloatTensor(Draw& draw, bool flat, int heads, int rows, int d, std::string& note) {
  NpyTensor tensor = Shaped(flat, heads, rows, d);
  const double scale = std::pow(10.0, draw.Uniform(-30, 30) / 10.0);
  const double outliers = draw.Chance(0.3) ? 0.02 : 0.0;
  const double zero_rows = draw.Chance(0.2) ? 0.2 : 0.0;
  const bool tied = draw.Chance(0.1);
  note += fmt::format(" scale={:.3g}{}{}{}", scale, outliers > 0 ? " outliers" : "",
                      zero_rows > 0 ? " zero-rows" : "", tied ? " tied" : "");
  for (int h = 0; h < heads; ++h) {
    for (int i = 0; i < rows; ++i) {
      const bool zero = draw.Chance(zero_rows);
      for (int t = 0; t < d; ++t) {
        double value = zero ? 0.0 : scale * Normal(draw);
        if (draw.Chance(outliers)) value *= 1000.0;
        const bool copy = tied && i > 0;
        tensor.floats.push_back(
            copy ? tensor.floats[tensor.floats.size() - static_cast<std::size_t>(i * d)]
                 : static_cast<float>(value));
      }
    }
  }
  return tensor;
}

// int16 codes of a random magnitude: uniform in [-2^b, 2^b - 1] for b in 0..15 (b = 15 is the
// full range; small b keeps the logits within the softmax's reach at scale 1), rows of -32768
// or 32767 at times, and at times every row a copy of the first.
NpyTensor CodeTensor(Draw& draw, bool flat, int heads, int rows, int d, std::string& note) {
  NpyTensor tensor = Shaped(flat, heads, rows, d);
  const int bits = draw.Chance(0.3) ? 15 : draw.Uniform(0, 15);
  const double extreme_rows = draw.Chance(0.3) ? 0.25 : 0.0;
  const bool tied = draw.Chance(0.1);
  note += fmt::format(" bits={}{}{}", bits, extreme_rows > 0 ? " extreme-rows" : "",
                      tied ? " tied" : "");
  for (int h = 0; h < heads; ++h) {
    for (int i = 0; i < rows; ++i) {
      const bool extreme = draw.Chance(extreme_rows);
      const std::int16_t fill = draw.Chance(0.5) ? -32768 : 32767;
      for (int t = 0; t < d; ++t) {
        const int code = draw.Uniform(-(1 << bits), (1 << bits) - 1);
        const bool copy = tied && i > 0;
        tensor.codes.push_back(
            copy      ? tensor.codes[tensor.codes.size() - static_cast<std::size_t>(i * d)]
            : extreme ? fill
                      : static_cast<std::int16_t>(std::clamp(code, -32768, 32767)));
      }
    }
  }
  return tensor;
}

// A_r: -256 (keep every key) and 256 (keep only the maximum) 15% of the time each, 0 10%,
// otherwise uniform in [-256, 256].
int DrawAlpha(Draw& draw) {
  const double r = draw.Unit();
  if (r < 0.15) return -golden::kAlphaOne;
  if (r < 0.30) return golden::kAlphaOne;
  if (r < 0.40) return 0;
  return draw.Uniform(-golden::kAlphaOne, golden::kAlphaOne);
}

}  // namespace

RandomCase DrawCase(std::uint64_t config_seed, int index, const gen::AccelConfig& config,
                    const gen::AccelDerived& derived, const std::string& dir) {
  Draw draw(SubSeed(config_seed, static_cast<std::uint64_t>(index)));
  const int n_max = config.fu.n_max, d = config.fu.d, rounds = derived.fu.num_rounds;
  RandomCase c;
  c.index = index;
  auto& args = c.arguments;

  const int heads = draw.Chance(0.6) ? 1 : draw.Uniform(2, 3);
  const double size = draw.Unit();
  const int n = size < 0.35 ? n_max : size < 0.5 ? draw.Uniform(1, 2) : draw.Uniform(1, n_max);
  const int slowest = std::min(
      {config.fu.fu_lanes, derived.au.au_lanes, derived.au.pv_lanes, derived.au.fetch_rows});
  const long long per_query = (n + slowest - 1) / slowest * (rounds + 1LL) + 40;
  const int max_nq =
      static_cast<int>(std::clamp(kMaxCycleEstimate / (heads * per_query), 1LL, 1LL * kMaxQueries));
  const int nq = draw.Uniform(1, max_nq);

  const double kind = draw.Unit();
  std::string workload;
  if (kind < 0.45) {
    // One draw a statement: the order of a call's arguments is the compiler's choice.
    const std::uint64_t seed = draw.Bits() >> 1;
    const int hot = draw.Uniform(1, 8);
    const std::string gap = Hundredths(draw.Uniform(0, 3200));
    const std::string diffuse = Hundredths(draw.Uniform(0, 100));
    const std::string noise = Hundredths(draw.Uniform(0, 400));
    const std::string vbias = Hundredths(draw.Uniform(0, 400));
    workload = fmt::format("n={},nq={},heads={},seed={},hot={},gap={},diffuse={},noise={},vbias={}",
                           n, nq, heads, seed, hot, gap, diffuse, noise, vbias);
    args.insert(args.end(), {"--synthetic", workload});
    workload = "synthetic " + workload;
  } else {
    const bool codes = kind >= 0.7;
    // One head is [n, D] half the time, as a single head's tensors usually are.
    const bool flat = heads == 1 && draw.Chance(0.5);
    workload = fmt::format("{} heads={} n={} nq={} q:", codes ? "int16" : "float32", heads, n, nq);
    const auto tensor = [&](int rows, const char* name) {
      if (name[0] != 'q') workload += fmt::format(" {}:", name);
      return codes ? CodeTensor(draw, flat, heads, rows, d, workload)
                   : FloatTensor(draw, flat, heads, rows, d, workload);
    };
    c.tensors.push_back(tensor(nq, "q"));
    c.tensors.push_back(tensor(n, "k"));
    c.tensors.push_back(tensor(n, "v"));
    args.insert(args.end(), {"--q", dir + "/q.npy", "--k", dir + "/k.npy", "--v", dir + "/v.npy"});
  }

  std::string alphas;
  for (int r = 0; r < rounds; ++r) alphas += fmt::format("{}{}", r > 0 ? "," : "", DrawAlpha(draw));
  args.push_back("--alpha=" + alphas);
  std::string options = "alpha " + alphas;
  if (draw.Chance(0.3)) {
    args.push_back("--causal");
    options += " causal";
  }
  if (draw.Chance(0.5)) {
    const double which = draw.Unit();
    const int n_keys = which < 0.3 ? 1 : which < 0.6 ? n : draw.Uniform(1, n);
    args.insert(args.end(), {"--n-keys", std::to_string(n_keys)});
    options += fmt::format(" n-keys {}", n_keys);
  }
  if (draw.Chance(0.7)) {
    const bool long_latency = draw.Chance(0.1) && 1LL * heads * nq * n <= 2000;
    const int latency = long_latency       ? draw.Uniform(65, 250)
                        : draw.Chance(0.2) ? 1
                                           : draw.Uniform(1, 64);
    args.insert(args.end(), {"--mem-latency", std::to_string(latency)});
    options += fmt::format(" mem-latency {}", latency);
  }
  const int reset_seed = draw.Uniform(1, 2147483647);
  args.insert(args.end(), {"--reset-seed", std::to_string(reset_seed)});
  c.stall_seed = draw.Bits() >> 24;
  c.description = fmt::format("{}; {} reset-seed {}, stalled run stall-seed {}", workload, options,
                              reset_seed, c.stall_seed);
  return c;
}

void WriteCaseFiles(const RandomCase& random_case, const std::string& dir) {
  const char* names[] = {"q.npy", "k.npy", "v.npy"};
  for (std::size_t i = 0; i < random_case.tensors.size(); ++i) {
    const NpyTensor& tensor = random_case.tensors[i];
    const std::string path = dir + "/" + names[i];
    if (tensor.codes.empty()) {
      golden::WriteNpy(path, tensor.shape, tensor.floats);
    } else {
      golden::WriteNpy(path, tensor.shape, tensor.codes);
    }
  }
}

std::vector<std::string> RunArguments(const RandomCase& random_case, bool stalled) {
  std::vector<std::string> args = random_case.arguments;
  if (stalled) args.insert(args.end(), {"--stall-seed", std::to_string(random_case.stall_seed)});
  return args;
}

}  // namespace energon::randomized
