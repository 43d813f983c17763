#pragma once
// Typed errors for everything a user feeds in (files, options, runtime values).
// Only a tool's main() catches them; it prints "error: <what()>" and exits 2.

#include <stdexcept>
#include <string>

namespace energon::golden {

/// A user input broke a rule. `where` names the input (a file, an option), `what()`
/// carries the full sentence: the input, the value, the rule and a fix.
class InputError : public std::runtime_error {
 public:
  InputError(std::string where, const std::string& message)
      : std::runtime_error(where + ": " + message), where_(std::move(where)) {}
  [[nodiscard]] const std::string& where() const { return where_; }

 private:
  std::string where_;
};

}  // namespace energon::golden
