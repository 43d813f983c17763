#pragma once
// NumPy .npy files (format versions 1.0, 2.0 and 3.0): the way users bring Q/K/V dumped from
// PyTorch or NumPy. Reads little-endian, C-order float32, float16 and int16 arrays.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace energon::golden {

struct NpyArray {
  enum class Dtype { kFloat32, kFloat16, kInt16 };
  Dtype dtype = Dtype::kFloat32;
  std::vector<std::size_t> shape;
  std::vector<float> floats;        ///< the values when dtype is float32 or float16
  std::vector<std::int16_t> ints;   ///< the values when dtype is int16
};

/// Reads a whole .npy file. Throws InputError naming the file and the problem: missing or
/// unreadable file, not a regular file (a directory, a device), wrong magic, unsupported
/// version, malformed header, dtype other than '<f4', '<f2', '<i2', Fortran order, data shorter
/// or longer than the shape says (a shape of more than 2^64 bytes included), non-finite floats.
NpyArray ReadNpy(const std::string& path);

/// The whole contents of a .npy file, checked by ReadNpy's rules: ReadNpy reads the file and
/// calls it, fuzz/npy_fuzz.cc calls it on bytes. `path` names the file in errors.
NpyArray ParseNpy(std::string_view bytes, const std::string& path);

/// Writes a C-order little-endian array (float32 or int16), for tests and tools, atomically
/// (WriteFileAtomically: a failed write leaves no file). Throws InputError naming the path.
void WriteNpy(const std::string& path, std::span<const std::size_t> shape,
              std::span<const float> values);
void WriteNpy(const std::string& path, std::span<const std::size_t> shape,
              std::span<const std::int16_t> values);

/// Attention output rows per head, per query: D values in V's int16 units each (what the
/// golden model computed, or what energon-cosim saw the RTL produce).
using OutputRows = std::vector<std::vector<std::vector<std::int64_t>>>;

/// Writes output rows as an int16 .npy of shape [heads, queries, D], queries being the longest
/// head's; a row that is missing or shorter than D (a failed co-simulation) is padded with
/// zeros. The one writer of `energon-golden --output` and `energon-cosim --output`, so that
/// their files compare byte for byte. Atomic like WriteNpy.
void WriteOutputsNpy(const std::string& path, const OutputRows& rows, std::size_t d);

/// IEEE 754 half precision to single precision (exact).
float HalfToFloat(std::uint16_t half);

}  // namespace energon::golden
