#pragma once
// SHA-256 of a byte string, by OpenSSL's EVP interface.

#include <string>
#include <string_view>

namespace energon::gen {

/// The digest as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace energon::gen
