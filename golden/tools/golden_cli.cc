#include "golden/tools/golden_cli.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <boost/program_options.hpp>
#include <ostream>
#include <utility>

#include "golden/accuracy.h"
#include "golden/errors.h"
#include "golden/files.h"
#include "golden/npy.h"
#include "golden/tools/command_line.h"
#include "golden/trace.h"

namespace energon::golden::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kDefaultSynthetic = "n=512,d=64,heads=1,seed=1";

std::vector<int> ParseIntList(const std::string& text, const char* option) {
  std::vector<int> values;
  for (std::string_view field : SplitList(text)) {
    long long value = 0;
    if (!ParseInt(field, value) || value < -kAlphaOne || value > kAlphaOne) {
      throw InputError(option, fmt::format("'{}' in '{}' is not an integer in [-256, 256]; give a "
                                           "comma-separated list, e.g. -128,-64,0,64",
                                           field, text));
    }
    values.push_back(static_cast<int>(value));
  }
  return values;
}

std::array<double, 3> ParseScales(const std::string& text) {
  const std::vector<std::string_view> fields = SplitList(text);
  std::array<double, 3> scales{};
  bool ok = fields.size() == 3;
  for (std::size_t i = 0; ok && i < 3; ++i) {
    try {
      std::size_t used = 0;
      const std::string field(fields[i]);
      scales[i] = std::stod(field, &used);
      ok = used == field.size() && scales[i] > 0.0 && std::isfinite(scales[i]);
    } catch (const std::exception&) {
      ok = false;
    }
  }
  if (!ok) {
    throw InputError("--scales", fmt::format("'{}' is not three positive numbers s_q,s_k,s_v; "
                                             "e.g. --scales 0.001,0.001,0.002",
                                             text));
  }
  return scales;
}

// The sweep evaluates the whole workload once per setting (grid values ^ rounds). 10,000
// settings are 100 values per round for 2 rounds or 21 for 3, finer than any frontier needs
// (A steps of 6 over [-64, 64]), and about as many full runs as a sweep should take; beyond
// it a typo (a grid pasted twice) would run for days.
constexpr std::size_t kMaxSweepSettings = 10000;

void CheckSweepSize(std::size_t values, std::size_t rounds) {
  std::size_t settings = 1;
  bool wrapped = false;
  for (std::size_t r = 0; r < rounds; ++r)
    wrapped |= __builtin_mul_overflow(settings, values, &settings);
  if (!wrapped && settings <= kMaxSweepSettings) return;
  std::size_t fit = 1;  // the most values per round that stay within the limit
  while (true) {
    std::size_t next = 1;
    for (std::size_t r = 0; r < rounds; ++r) next *= fit + 1;
    if (next > kMaxSweepSettings) break;
    ++fit;
  }
  const std::string count = wrapped ? "more than 2^64" : fmt::format("{}", settings);
  throw InputError("--alpha-grid",
                   fmt::format("{} values for {} rounds make {} settings, each a full run of the "
                               "model; the sweep takes at most {}, e.g. {} values for {} rounds",
                               values, rounds, count, kMaxSweepSettings, fit, rounds));
}

}  // namespace

Action ParseCommandLine(int argc, const char* const* argv, Options& options, std::string& text) {
  po::options_description desc(
      "energon-golden: the bit-exact MP-MRF golden model with its accuracy report.\n\n"
      "Usage:\n"
      "  energon-golden --q Q.npy --k K.npy --v V.npy [options]\n"
      "  energon-golden --synthetic n=512,d=64,heads=1,seed=1 [options]\n"
      "  energon-golden [options]          (the built-in workload: --synthetic " +
      std::string(kDefaultSynthetic) + ")\n\nOptions");
  std::string rounds = "4x2,4x4", alpha, synthetic, scales, grid;
  desc.add_options()("help", "print this help and exit")("version", "print the version and exit")(
      "q", po::value(&options.q_path),
      "queries, .npy [n, D] or [heads, n, D]: float32, float16 or int16")(
      "k", po::value(&options.k_path), "keys, .npy, same layout as --q")(
      "v", po::value(&options.v_path), "values, .npy, same layout as --k")(
      "scales", po::value(&scales), "s_q,s_k,s_v of int16 inputs (default 1,1,1)")(
      "synthetic", po::value(&synthetic),
      "synthetic workload knobs instead of files: n, nq, d, heads, seed, hot, gap, diffuse, "
      "noise, vbias (docs/workloads.md)")("rounds", po::value(&rounds)->default_value(rounds),
                                          "QBxKB per filtering round, 1 to 3 rounds")(
      "alpha", po::value(&alpha),
      "A_r per round in [-256, 256] (alpha = A/256); default 0 per round")(
      "causal", po::bool_switch(&options.run.causal), "query i sees keys j <= i only")(
      "n-keys", po::value(&options.run.n_keys),
      "valid keys n_k; keys j >= n_k are masked (default: all)")(
      "fx", po::value(&options.hw.fx)->default_value(options.hw.fx),
      "fraction bits of the log2 distance")("pb",
                                            po::value(&options.hw.pb)->default_value(options.hw.pb),
                                            "bits of p (p of the row max = 2^PB)")(
      "trace", po::value(&options.trace_path),
      "write every observation point as JSON (docs/trace-schema.md)")(
      "output", po::value(&options.output_path),
      "write the HW outputs to this .npy file (int16, [heads, queries, D]), in the format of "
      "energon-cosim --output")("sweep-alpha", po::bool_switch(&options.sweep),
                                "print the keep-ratio / accuracy frontier over an alpha grid")(
      "alpha-grid", po::value(&grid),
      "alpha values per round for --sweep-alpha, at most 10000 settings (values^rounds; default "
      "-128,-64,-32,0,32,64,128)");

  const std::vector<std::string> args = JoinSignedValues(argc, argv, {"--alpha", "--alpha-grid"});
  const po::variables_map vm =
      ParseArguments(args, desc, "energon-golden",
                     {{"trace", "give the file to write, e.g. --trace t.json"},
                      {"output", "give the file to write, e.g. --output out.npy"}});
  if (vm.count("help") != 0) {
    text = HelpText(desc);
    return Action::kHelp;
  }
  if (vm.count("version") != 0) {
    text = fmt::format("energon-golden {} (trace schema {})\n", ENERGON_VERSION, kTraceSchemaVersion);
    return Action::kVersion;
  }

  const bool any_file = vm.count("q") + vm.count("k") + vm.count("v") != 0;
  if (any_file && vm.count("synthetic") != 0) {
    throw InputError("--synthetic", "cannot be combined with --q/--k/--v; give files or a "
                                    "synthetic spec, not both");
  }
  if (any_file) {
    for (const char* name : {"q", "k", "v"}) {
      if (vm.count(name) == 0) {
        throw InputError(fmt::format("--{}", name), "is missing; --q, --k and --v go together");
      }
    }
    if (!scales.empty()) options.scales = ParseScales(scales);
  } else {
    if (!scales.empty()) {
      throw InputError("--scales", "applies to int16 .npy inputs only; drop it or give --q/--k/--v");
    }
    options.synthetic = ParseSyntheticSpec(synthetic.empty() ? kDefaultSynthetic : synthetic);
  }
  options.hw.rounds = ParseRounds(rounds);
  options.run.alpha = alpha.empty() ? std::vector<int>(options.hw.rounds.size(), 0)
                                    : ParseAlphas(alpha, options.hw.rounds.size());
  if (!grid.empty()) options.alpha_grid = ParseIntList(grid, "--alpha-grid");
  CheckSweepSize(options.alpha_grid.size(), options.hw.rounds.size());
  // Checked here as well as when written, so that a long run is not wasted on a bad path.
  for (const std::string* path : {&options.trace_path, &options.output_path}) {
    if (!path->empty()) CheckOutputPath(*path);
  }
  if (vm.count("n-keys") != 0 && options.run.n_keys < 1) {
    throw InputError("--n-keys", fmt::format("n_k = {}; give at least 1 key", options.run.n_keys));
  }
  return Action::kRun;
}

namespace {

void PrintReport(const Workload& workload, const Options& options, const AccuracyReport& report,
                 const std::vector<SoftmaxScale>& scales, std::ostream& out) {
  const int n_k = options.run.n_keys == 0 ? workload.num_keys() : options.run.n_keys;
  fmt::print(out, "workload  {}\n", workload.source);
  fmt::print(out, "          {} head(s) x {} queries, {} keys, D = {}\n", workload.heads.size(),
             workload.num_queries(), workload.num_keys(), workload.dim());
  fmt::print(out, "config    rounds {}  alpha {}  causal {}  n_k {}  FX {}  PB {}\n",
             FormatRounds(options.hw.rounds), fmt::join(options.run.alpha, ","),
             options.run.causal ? "yes" : "no", n_k, options.hw.fx, options.hw.pb);
  for (std::size_t h = 0; h < scales.size(); ++h) {
    fmt::print(out, "softmax   head {}: M = {}, E = {}\n", h, scales[h].m, scales[h].e);
  }
  fmt::print(out, "\nAttention over the survivors of each round, against dense float attention:\n");
  fmt::print(out, "{:<7}{:<8}{:>6}{:>10}{:>12}{:>13}{:>12}{:>11}\n", "round", "QBxKB", "A", "keep",
             "work saved", "cos mean", "cos min", "mass kept");
  fmt::print(out, "{:<7}{:<8}{:>6}{:>9.2f}%{:>11.2f}%{:>13.6f}{:>12.6f}{:>10.2f}%\n", "0", "-", "-",
             100.0, 0.0, 1.0, 1.0, 100.0);
  for (std::size_t r = 0; r < report.rounds.size(); ++r) {
    const RoundFigures& f = report.rounds[r];
    fmt::print(out, "{:<7}{:<8}{:>6}{:>9.2f}%{:>11.2f}%{:>13.6f}{:>12.6f}{:>10.2f}%\n", r + 1,
               fmt::format("{}x{}", options.hw.rounds[r].qb, options.hw.rounds[r].kb),
               options.run.alpha[r], 100.0 * f.keep_ratio, 100.0 * f.work_saved, f.cosine,
               f.min_cosine, 100.0 * f.mass);
  }
  fmt::print(out, "\nHW output (INT16 attention over the last survivors, EXP2 softmax), {} queries:\n",
             report.queries);
  fmt::print(out, "  cosine vs dense float: mean {:.6f}, min {:.6f}; max |error| {:.2f} V LSB\n",
             report.hw_cosine, report.hw_min_cosine, report.hw_max_abs_error);
}

// Every combination of grid values, one per round.
std::vector<std::vector<int>> AlphaCombinations(const std::vector<int>& grid, std::size_t rounds) {
  std::vector<std::vector<int>> combos{{}};
  for (std::size_t r = 0; r < rounds; ++r) {
    std::vector<std::vector<int>> next;
    for (const auto& prefix : combos) {
      for (int a : grid) {
        next.push_back(prefix);
        next.back().push_back(a);
      }
    }
    combos = std::move(next);
  }
  return combos;
}

void PrintSweep(const Evaluator& evaluator, const Options& options, std::ostream& out) {
  struct Point {
    std::vector<int> alpha;
    AccuracyReport report;
  };
  std::vector<Point> points;
  for (const std::vector<int>& alpha : AlphaCombinations(options.alpha_grid, options.hw.rounds.size())) {
    points.push_back({alpha, evaluator.Evaluate(alpha)});
  }
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
    const double ka = a.report.rounds.back().keep_ratio, kb = b.report.rounds.back().keep_ratio;
    return ka != kb ? ka < kb : a.report.hw_cosine > b.report.hw_cosine;
  });
  fmt::print(out, "\nAlpha frontier: {} settings evaluated; shown are those no other setting beats "
                  "on both keep ratio and HW cosine.\n",
             points.size());
  fmt::print(out, "{:<16}{:>8}{:>12}{:>13}{:>12}{:>13}{:>11}\n", "alpha", "keep", "work saved",
             "HW cos mean", "HW cos min", "float cos", "mass kept");
  // Scanning up from the fewest keys kept, a setting is on the frontier when its cosine beats
  // every setting that keeps fewer keys.
  double best_cosine = -2.0;
  std::vector<const Point*> frontier;
  for (const Point& p : points) {
    if (p.report.hw_cosine > best_cosine) {
      frontier.push_back(&p);
      best_cosine = p.report.hw_cosine;
    }
  }
  for (const Point* p : frontier) {
    const RoundFigures& last = p->report.rounds.back();
    fmt::print(out, "{:<16}{:>7.2f}%{:>11.2f}%{:>13.6f}{:>12.6f}{:>13.6f}{:>10.2f}%\n",
               fmt::format("{}", fmt::join(p->alpha, ",")), 100.0 * last.keep_ratio,
               100.0 * last.work_saved, p->report.hw_cosine, p->report.hw_min_cosine, last.cosine,
               100.0 * last.mass);
  }
}

}  // namespace

void Run(const Options& options, std::ostream& out) {
  const Workload workload = options.synthetic
                                ? MakeSyntheticWorkload(*options.synthetic)
                                : LoadNpyWorkload(options.q_path, options.k_path, options.v_path,
                                                  options.scales);
  const Evaluator evaluator(workload, options.hw, options.run);
  std::vector<std::vector<QueryResult>> results;
  const bool keep_results = !options.trace_path.empty() || !options.output_path.empty();
  const AccuracyReport report =
      evaluator.Evaluate(options.run.alpha, keep_results ? &results : nullptr);
  std::vector<SoftmaxScale> scales;
  for (const Head& head : workload.heads) {
    scales.push_back(GoldenHead(head, options.hw, options.run).scale());
  }
  if (!options.trace_path.empty()) {
    WriteFileAtomically(options.trace_path,
                        MakeTrace(workload, options.hw, options.run, scales, results).dump() + "\n");
  }
  if (!options.output_path.empty()) {
    OutputRows rows(results.size());
    for (std::size_t h = 0; h < results.size(); ++h) {
      for (const QueryResult& query : results[h]) {
        rows[h].emplace_back(query.attention.out.begin(), query.attention.out.end());
      }
    }
    WriteOutputsNpy(options.output_path, rows, static_cast<std::size_t>(workload.dim()));
  }
  PrintReport(workload, options, report, scales, out);
  if (options.sweep) PrintSweep(evaluator, options, out);
}

}  // namespace energon::golden::cli
