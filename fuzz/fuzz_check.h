#pragma once
// What every fuzz target checks beyond "no crash": a broken invariant aborts with a message
// (libFuzzer reports the abort as a crash and saves the input), and every InputError a parser
// throws must read like the project's other errors: "<input>: <problem and fix>".

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "golden/errors.h"

namespace energon::fuzz {

/// Aborts with `what` when `condition` is false.
inline void Check(bool condition, std::string_view what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

/// An expected failure: the error names its input (`where()`, starting with `where_prefix`),
/// then ": ", then a sentence.
inline void CheckPoliteError(const golden::InputError& error, std::string_view where_prefix) {
  const std::string_view what = error.what();
  const std::string_view where = error.where();
  Check(where.substr(0, where_prefix.size()) == where_prefix,
        "an InputError names an input other than the one parsed");
  Check(what.size() > where.size() + 2 && what.substr(0, where.size()) == where &&
            what.substr(where.size(), 2) == ": ",
        "an InputError's message is not '<input>: <problem and fix>'");
}

}  // namespace energon::fuzz
