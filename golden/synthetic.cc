#include "golden/synthetic.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "golden/errors.h"
#include "golden/rounds.h"

namespace energon::golden {
namespace {

// mt19937_64 is specified bit for bit by the standard; the distributions are not, so they are
// written out here to keep workloads identical across standard libraries.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double Normal() {
    const double u1 = 1.0 - Uniform();  // (0, 1]
    const double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  int Below(int n) { return static_cast<int>(Uniform() * n); }

 private:
  std::mt19937_64 engine_;
};

struct Knob {
  std::string_view name;
  double min, max;
  bool integer;
};

constexpr Knob kKnobs[] = {
    {"n", 1, 65536, true},       {"nq", 0, 65536, true},     {"d", 1, 4096, true},
    {"heads", 1, 64, true},      {"seed", 0, 0, true},       {"hot", 1, 64, true},  // seed: uint64
    {"gap", 0, 64, false},       {"diffuse", 0, 1, false},   {"noise", 0, 16, false},
    {"vbias", 0, 16, false},
};

std::string KnobNames() {
  std::string names;
  for (const Knob& knob : kKnobs) names += fmt::format("{}{}", names.empty() ? "" : ", ", knob.name);
  return names;
}

// Plain decimal notation: an optional '-', digits, at most one '.' between digits. No
// exponent, hex, '+', nan or inf, which std::from_chars would take.
bool IsPlainDecimal(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view("0") : text.substr(point + 1);
  const auto digits = [](std::string_view part) {
    return !part.empty() &&
           std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return digits(whole) && digits(fraction);
}

// The shortest plain decimal text that reads back to `value` exactly: fixed notation, since
// ParseSyntheticSpec refuses exponents ({:g} wrote 1e-07, and 0.333333 for 0.3333333).
std::string PlainDecimal(double value) {
  std::array<char, 512> text{};  // enough for any double below 2^64 in fixed notation
  const auto [end, ec] =
      std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  return {text.data(), ec == std::errc() ? end : text.data()};
}

}  // namespace

SyntheticSpec ParseSyntheticSpec(std::string_view text, std::string_view option,
                                 const SyntheticSpec& defaults) {
  const std::string where(option);
  SyntheticSpec spec = defaults;
  std::vector<std::string_view> given;  // the fields so far, to refuse a knob given twice
  for (std::string_view field : SplitList(text)) {
    if (field.empty()) {
      throw InputError(where, fmt::format("'{}' has an empty field (two commas in a row, or a "
                                          "comma at an end); write knob=value pairs separated by "
                                          "single commas, e.g. n=512,d=64,heads=1,seed=1",
                                          text));
    }
    const std::size_t eq = field.find('=');
    const std::string_view name = field.substr(0, eq);
    const Knob* knob = std::find_if(std::begin(kKnobs), std::end(kKnobs),
                                    [&](const Knob& k) { return k.name == name; });
    if (eq == std::string_view::npos || knob == std::end(kKnobs)) {
      throw InputError(where, fmt::format("'{}' is not a knob=value pair; the knobs are {}, e.g. "
                                          "n=512,d=64,heads=1,seed=1",
                                          field, KnobNames()));
    }
    for (std::string_view earlier : given) {
      if (earlier.substr(0, earlier.find('=')) == name) {
        throw InputError(where, fmt::format("'{}' gives {} a second time (after {}); give each "
                                            "knob once",
                                            field, name, earlier));
      }
    }
    given.push_back(field);
    const std::string_view value_text = field.substr(eq + 1);
    if (name == "seed") {
      // Parsed as an integer: every 64-bit seed is distinct (a double would merge those above
      // 2^53).
      const auto [ptr, ec] = std::from_chars(value_text.data(),
                                             value_text.data() + value_text.size(), spec.seed);
      if (value_text.empty() || ec != std::errc() ||
          ptr != value_text.data() + value_text.size()) {
        throw InputError(where, fmt::format("seed={} is out of range; seed takes a whole number "
                                            "from 0 to 18446744073709551615",
                                            value_text));
      }
      continue;
    }
    if (!IsPlainDecimal(value_text)) {
      throw InputError(
          where, fmt::format("{}={} is not written in plain decimal digits (no "
                             "exponent, nan or inf); {} takes {} from {:g} to {:g}",
                             name, value_text, name, knob->integer ? "a whole number" : "a number",
                             knob->min, knob->max));
    }
    double value = 0.0;
    const auto [ptr, ec] =
        std::from_chars(value_text.data(), value_text.data() + value_text.size(), value);
    const bool parsed = !value_text.empty() && ec == std::errc() &&
                        ptr == value_text.data() + value_text.size();
    if (!parsed || value < knob->min || value > knob->max ||
        (knob->integer && value != std::floor(value))) {
      throw InputError(where, fmt::format("{}={} is out of range; {} takes {} from {:g} to {:g}",
                                          name, value_text, name,
                                          knob->integer ? "a whole number" : "a number", knob->min,
                                          knob->max));
    }
    if (name == "n") spec.n = static_cast<int>(value);
    if (name == "nq") spec.nq = static_cast<int>(value);
    if (name == "d") spec.d = static_cast<int>(value);
    if (name == "heads") spec.heads = static_cast<int>(value);
    if (name == "hot") spec.hot = static_cast<int>(value);
    if (name == "gap") spec.gap = value;
    if (name == "diffuse") spec.diffuse = value;
    if (name == "noise") spec.noise = value;
    if (name == "vbias") spec.vbias = value;
  }
  return spec;
}

std::string FormatSyntheticSpec(const SyntheticSpec& s) {
  return fmt::format("n={},nq={},d={},heads={},seed={},hot={},gap={},diffuse={},noise={},vbias={}",
                     s.n, s.nq == 0 ? s.n : s.nq, s.d, s.heads, s.seed, s.hot, PlainDecimal(s.gap),
                     PlainDecimal(s.diffuse), PlainDecimal(s.noise), PlainDecimal(s.vbias));
}

Workload MakeSyntheticWorkload(const SyntheticSpec& spec) {
  Rng rng(spec.seed);
  const int nq = spec.nq == 0 ? spec.n : spec.nq;
  const int d = spec.d;
  const double sqrt_d = std::sqrt(static_cast<double>(d));
  Workload workload;
  workload.source = "synthetic " + FormatSyntheticSpec(spec);
  for (int h = 0; h < spec.heads; ++h) {
    MatrixF q(nq, d), k(spec.n, d), v(spec.n, d);
    for (float& x : k.data) x = static_cast<float>(rng.Normal());
    std::vector<double> shared(static_cast<std::size_t>(d));
    for (double& x : shared) x = rng.Normal();
    for (int j = 0; j < spec.n; ++j) {
      for (int t = 0; t < d; ++t) v.row(j)[t] = static_cast<float>(spec.vbias * shared[t] + rng.Normal());
    }
    for (int i = 0; i < nq; ++i) {
      // Random part: it alone gives logits q.k/sqrt(D) with a std of about `noise`; a diffuse
      // row has nothing else, so its weight spreads over many keys.
      const bool diffuse = rng.Uniform() < spec.diffuse;
      std::vector<double> row(static_cast<std::size_t>(d));
      for (double& x : row) x = rng.Normal() * spec.noise;
      if (!diffuse) {
        // Dominant keys: the strongest gets logit about `gap`, the others fractions of it.
        for (int hot = 0; hot < spec.hot; ++hot) {
          const int key = rng.Below(spec.n);
          const double weight = spec.gap * (hot == 0 ? 1.0 : 0.5 + 0.5 * rng.Uniform());
          const std::span<const float> kr = k.row(key);
          for (int t = 0; t < d; ++t) row[t] += weight * kr[t] / sqrt_d;
        }
      }
      for (int t = 0; t < d; ++t) q.row(i)[t] = static_cast<float>(row[t]);
    }
    workload.heads.push_back(HeadFromFloats(std::move(q), std::move(k), std::move(v)));
  }
  return workload;
}

}  // namespace energon::golden
