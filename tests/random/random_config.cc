#include "tests/random/random_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

#include "generator/config_text.h"
#include "generator/rtl_design.h"
#include "golden/errors.h"
#include "golden/rounds.h"
#include "golden/softmax.h"
#include "tests/random/draw.h"

namespace energon::randomized {
namespace {

using golden::InputError;

// Redraws before a seed is given up on: more than half of the draws are kept (docs/soak.md), so
// this never happens unless the space or the rules change.
constexpr int kMaxDraws = 1000;

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// D: small and odd values (1, 3, ...) a third of the time, since they size every AU width and
// the division groups oddly; otherwise uniform.
int DrawD(Draw& draw, int max_d) {
  if (draw.Chance(0.35)) return draw.Pick<int>({1, 2, 3, 5, 7, 9, 11, 13, 15, 17, 24, 31});
  return draw.Uniform(1, max_d);
}

// 1 to 3 rounds of QBxKB in 1..8. Most draws sort each width list (the rule is non-decreasing,
// and a round often repeats the previous QB so that it reuses key bits); one in ten is left as
// drawn, for energon-gen's rounds rule to refuse when it decreases.
std::string DrawRounds(Draw& draw) {
  const int rounds = draw.Uniform(1, golden::kMaxRounds);
  std::vector<int> qb, kb;
  for (int r = 0; r < rounds; ++r) {
    qb.push_back(r > 0 && draw.Chance(0.3) ? qb.back() : draw.Uniform(1, 8));
    kb.push_back(draw.Uniform(1, 8));
  }
  if (!draw.Chance(0.1)) {
    std::sort(qb.begin(), qb.end());
    std::sort(kb.begin(), kb.end());
  }
  std::string text;
  for (int r = 0; r < rounds; ++r) text += fmt::format("{}{}x{}", r > 0 ? "," : "", qb[r], kb[r]);
  return text;
}

// A module prefix of 2..120 characters of [a-z0-9_] after a letter, ending in '_': some end in
// _<digit>_ or pass Verilator's name limit, which energon-gen refuses.
std::string DrawPrefix(Draw& draw) {
  constexpr std::string_view kChars = "abcdefghijklmnopqrstuvwxyz0123456789_";
  const int length = draw.Chance(0.5) ? draw.Uniform(2, 24) : draw.Uniform(25, 120);
  std::string prefix(1, static_cast<char>('a' + draw.Uniform(0, 25)));
  while (static_cast<int>(prefix.size()) < length - 1) {
    prefix.push_back(
        kChars[static_cast<std::size_t>(draw.Uniform(0, static_cast<int>(kChars.size()) - 1))]);
  }
  return prefix + "_";
}

// Every knob, each drawn on its own over (about) its whole range; 0 stands for "leave the key
// out", energon-gen's default.
KeyValues DrawKnobs(Draw& draw, const SizeBound& bound) {
  KeyValues keys;
  const auto put = [&](const char* key, auto value) {
    keys.emplace_back(key, fmt::format("{}", value));
  };
  const auto maybe = [&](const char* key, double chance, auto value) {
    if (draw.Chance(chance)) put(key, value);
  };
  const int d = DrawD(draw, bound.max_d);
  const int n_max_bits = draw.Uniform(1, Log2(bound.max_n_max));
  put("d", d);
  put("n-max", 1 << n_max_bits);
  put("rounds", DrawRounds(draw));
  // Lanes are mostly drawn within what N_MAX, L and D allow, since a rule applied only by
  // rejection would make small N_MAX and D rare among the kept draws; the rest are drawn over
  // the whole range, for energon-gen to refuse when they pass N_MAX, L or D. Odd counts
  // everywhere the rules allow them.
  const int fu_lanes_bits =
      draw.Uniform(0, draw.Chance(0.9) ? std::min(n_max_bits, Log2(bound.max_fu_lanes))
                                       : Log2(bound.max_fu_lanes));
  put("fu-lanes", 1 << fu_lanes_bits);
  const auto lanes = [&](int fitting, int most) {
    return draw.Uniform(1, draw.Chance(0.7) ? std::min(fitting, most) : most);
  };
  maybe("au-lanes", 0.8, lanes(1 << n_max_bits, 12));
  maybe("pv-lanes", 0.8, lanes(1 << n_max_bits, 12));
  maybe("fetch-rows", 0.8, lanes(1 << fu_lanes_bits, 16));
  maybe("div-lanes", 0.8, lanes(d, 24));
  maybe("fx", 0.8, draw.Uniform(golden::kMinFx, golden::kMaxFx));
  maybe("pb", 0.8, draw.Uniform(golden::kMinPb, golden::kMaxPb));
  maybe("fetch-ahead", 0.8, draw.Uniform(2, 16));
  // A query store of 1..4 slots holds the query port most; any size up to 64 is legal.
  if (draw.Chance(0.7)) {
    put("query-slots", draw.Chance(0.4) ? draw.Uniform(1, 4) : draw.Uniform(1, 64));
  }
  maybe("probes", 0.3, "off");
  if (draw.Chance(0.35)) {
    put("mem-style", "blackbox");
    // Narrow and shallow macros, so that most RAMs are banked side by side and in rows.
    put("sram-max-width", draw.Chance(0.7) ? draw.Uniform(1, 48) : draw.Uniform(49, 1024));
    put("sram-max-depth", 1 << draw.Uniform(1, draw.Chance(0.7) ? 6 : 16));
  }
  maybe("prefix", 0.25, DrawPrefix(draw));
  return keys;
}

std::string ConfigBody(const KeyValues& keys) {
  std::string text;
  for (const auto& [key, value] : keys) text += fmt::format("{} = {}\n", key, value);
  return text;
}

// Why `options` is over `bound`, or empty.
std::string OverBound(const gen::Options& options, const SizeBound& bound) {
  const gen::AccelConfig& config = options.config;
  if (config.fu.d > bound.max_d || config.fu.n_max > bound.max_n_max ||
      config.fu.fu_lanes > bound.max_fu_lanes) {
    return "shape";
  }
  if (DatapathCost(config, options.derived) > bound.max_datapath) return "datapath";
  if (MacroCount(config, options.derived) > bound.max_macros) return "macros";
  return "";
}

}  // namespace

SizeBound SoakBound() { return SizeBound{}; }

SizeBound CiBound() {
  SizeBound bound;
  bound.name = "ci";
  bound.max_d = 24;
  bound.max_n_max = 64;
  bound.max_fu_lanes = 8;
  bound.max_datapath = 256;
  bound.max_macros = 96;
  return bound;
}

SizeBound BoundNamed(const std::string& name) {
  if (name == "soak") return SoakBound();
  if (name == "ci") return CiBound();
  throw InputError("--bound", fmt::format("'{}' is not a size bound; use soak (scripts/soak) or "
                                          "ci (the fixed set of the default test run)",
                                          name));
}

int DatapathCost(const gen::AccelConfig& config, const gen::AccelDerived& derived) {
  return config.fu.d *
         (config.fu.fu_lanes * derived.fu.num_rounds + derived.au.au_lanes + derived.au.pv_lanes);
}

int MacroCount(const gen::AccelConfig& config, const gen::AccelDerived& derived) {
  if (config.top.mem_style != gen::MemStyle::kBlackbox) return 0;
  int macros = 0;
  for (const gen::Memory& memory : gen::Memories(config, derived)) {
    if (memory.kind == gen::MemoryKind::kRam) macros += memory.instances * memory.banks();
  }
  return macros;
}

DrawnConfig DrawConfig(std::uint64_t seed, const SizeBound& bound) {
  DrawnConfig drawn;
  drawn.seed = seed;
  drawn.bound = bound.name;
  Draw draw(seed);
  const std::string name = fmt::format("seed {}", seed);
  for (drawn.draws = 1; drawn.draws <= kMaxDraws; ++drawn.draws) {
    const std::string body = ConfigBody(DrawKnobs(draw, bound));
    try {
      drawn.options = gen::ParseConfigText(body, name);
    } catch (const InputError& e) {
      // "seed 17: fu-lanes": the key energon-gen named.
      std::string where = e.where();
      if (where.rfind(name + ": ", 0) == 0) where.erase(0, name.size() + 2);
      ++drawn.rejections[where];
      continue;
    }
    const std::string over = OverBound(drawn.options, bound);
    if (!over.empty()) {
      ++drawn.rejections["size bound (" + over + ")"];
      continue;
    }
    std::string rejected;
    for (const auto& [where, count] : drawn.rejections) {
      rejected += fmt::format("{}{} {}", rejected.empty() ? "" : ", ", where, count);
    }
    drawn.text = fmt::format(
        "# A random configuration (tests/random, docs/soak.md): seed {}, bound {}, kept at draw "
        "{}{}.\n# energon-random config --seed {} --bound {} --out FILE\n{}",
        seed, bound.name, drawn.draws, rejected.empty() ? "" : "; refused: " + rejected, seed,
        bound.name, body);
    return drawn;
  }
  throw InputError(name, fmt::format("no draw of {} passed energon-gen's rules and the {} bound; "
                                     "the random space in tests/random/random_config.cc is broken",
                                     kMaxDraws, bound.name));
}

std::string KnobSummary(const gen::AccelConfig& config, const gen::AccelDerived& derived) {
  const gen::AuDerived& au = derived.au;
  std::string memory = gen::MemStyleName(config.top.mem_style);
  if (config.top.mem_style == gen::MemStyle::kBlackbox) {
    memory += fmt::format("({}x{},{} macros)", config.top.sram_max_width, config.top.sram_max_depth,
                          MacroCount(config, derived));
  }
  return fmt::format(
      "d={} n-max={} rounds={} fu={} au={} pv={} fetch={} div={} fx={} pb={} ahead={} slots={} "
      "probes={} mem={} prefix={}",
      config.fu.d, config.fu.n_max, golden::FormatRounds(config.fu.rounds), config.fu.fu_lanes,
      au.au_lanes, au.pv_lanes, au.fetch_rows, au.div_lanes, au.fx, au.pb, au.fetch_ahead,
      derived.top.query_slots, config.top.probes ? "on" : "off", memory,
      config.top.prefix.empty() ? "default" : fmt::format("{} chars", config.top.prefix.size()));
}

}  // namespace energon::randomized
