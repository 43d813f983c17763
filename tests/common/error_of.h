#pragma once
// Shared by every test folder: capture the message of the InputError an action throws, so
// that error-path tests can pin the exact text.

#include <functional>
#include <string>

#include "golden/errors.h"

namespace energon {

/// The what() text of the InputError `action` throws, or a marker when it throws none.
inline std::string ErrorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const golden::InputError& e) {
    return e.what();
  }
  return "<no InputError>";
}

}  // namespace energon
