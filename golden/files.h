#pragma once
// Writing result files (traces, .npy outputs, reports) so that a failed run never leaves a
// half-written file behind.

#include <string>

namespace energon::golden {

/// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename, so a failed
/// run never leaves a half-written file. Throws InputError naming the path.
void WriteFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace energon::golden
