#include "golden/npy.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>

#include "golden/errors.h"
#include "golden/files.h"
#include "golden/rounds.h"

namespace energon::golden {
namespace {

static_assert(std::endian::native == std::endian::little, "the .npy reader assumes a little-endian host");

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr std::string_view kSaveHint = "save it with numpy.save(path, array)";

// The value text after 'key': in the header dict, up to the next top-level comma or brace.
std::string_view HeaderField(std::string_view header, std::string_view key, const std::string& path) {
  const std::string quoted = fmt::format("'{}'", key);
  std::size_t pos = header.find(quoted);
  if (pos == std::string_view::npos) {
    throw InputError(path, fmt::format("the .npy header has no '{}' entry; {}", key, kSaveHint));
  }
  pos = header.find(':', pos + quoted.size());
  if (pos == std::string_view::npos) {
    throw InputError(path, fmt::format("the .npy header entry '{}' has no value; {}", key, kSaveHint));
  }
  const std::size_t start = header.find_first_not_of(' ', pos + 1);
  if (start == std::string_view::npos) {
    throw InputError(path, fmt::format("the .npy header entry '{}' has no value; {}", key, kSaveHint));
  }
  std::size_t end = start;
  int depth = 0;
  while (end < header.size()) {
    const char c = header[end];
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth == 0 && (c == ',' || c == '}')) break;
    if (depth < 0) break;
    ++end;
  }
  return header.substr(start, end - start);
}

std::vector<std::size_t> ParseShape(std::string_view text, const std::string& path) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') {
    throw InputError(path, fmt::format("the .npy shape '{}' is not a tuple; {}", text, kSaveHint));
  }
  std::vector<std::size_t> shape;
  for (std::string_view field : SplitList(text.substr(1, text.size() - 2))) {
    while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
    while (!field.empty() && field.back() == ' ') field.remove_suffix(1);
    if (field.empty()) continue;  // "(5,)" has a trailing comma
    long long dim = 0;
    if (!ParseInt(field, dim) || dim < 0) {
      throw InputError(path, fmt::format("the .npy shape '{}' has a bad dimension '{}'; {}", text,
                                         field, kSaveHint));
    }
    shape.push_back(static_cast<std::size_t>(dim));
  }
  return shape;
}

// The bytes the data of `shape` takes, or nullopt when the product passes 2^64 (a crafted
// header): the one size computation, checked against the file's size before anything is
// allocated for the values.
std::optional<std::size_t> DataBytes(const std::vector<std::size_t>& shape, std::size_t item_size) {
  std::size_t bytes = item_size;
  for (std::size_t dim : shape) {
    if (__builtin_mul_overflow(bytes, dim, &bytes)) return std::nullopt;
  }
  return bytes;
}

std::string ReadAll(const std::string& path) {
  CheckInputIsRegular(path, "give the .npy file itself, as numpy.save writes it");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(path, "cannot open the file; check the path and its permissions");
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

float HalfToFloat(std::uint16_t half) {
  const int sign = (half >> 15) & 1;
  const int exponent = (half >> 10) & 0x1f;
  const int mantissa = half & 0x3ff;
  float magnitude = 0.0F;
  if (exponent == 0) {
    magnitude = std::ldexp(static_cast<float>(mantissa), -24);  // subnormal
  } else if (exponent == 31) {
    magnitude = mantissa == 0 ? INFINITY : NAN;
  } else {
    magnitude = std::ldexp(static_cast<float>(mantissa | 0x400), exponent - 25);
  }
  return sign ? -magnitude : magnitude;
}

NpyArray ReadNpy(const std::string& path) { return ParseNpy(ReadAll(path), path); }

NpyArray ParseNpy(std::string_view bytes, const std::string& path) {
  if (bytes.size() < 10 || bytes.substr(0, 6) != kMagic) {
    throw InputError(path, fmt::format("not a .npy file (it does not start with the magic "
                                       "\\x93NUMPY); {}",
                                       kSaveHint));
  }
  const int major = static_cast<unsigned char>(bytes[6]);
  std::size_t header_len = 0;
  std::size_t header_start = 0;
  if (major == 1) {
    header_len = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    header_start = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) throw InputError(path, fmt::format("the .npy header is truncated; {}", kSaveHint));
    std::uint32_t len = 0;
    std::memcpy(&len, bytes.data() + 8, 4);
    header_len = len;
    header_start = 12;
  } else {
    throw InputError(path, fmt::format(".npy format version {} is not supported (1, 2 or 3 are); {}",
                                       major, kSaveHint));
  }
  if (header_start + header_len > bytes.size()) {
    throw InputError(path, fmt::format("the .npy header is truncated; {}", kSaveHint));
  }
  const std::string_view header(bytes.data() + header_start, header_len);

  NpyArray array;
  const std::string_view descr = HeaderField(header, "descr", path);
  std::size_t item_size = 0;
  if (descr == "'<f4'") {
    array.dtype = NpyArray::Dtype::kFloat32;
    item_size = 4;
  } else if (descr == "'<f2'") {
    array.dtype = NpyArray::Dtype::kFloat16;
    item_size = 2;
  } else if (descr == "'<i2'") {
    array.dtype = NpyArray::Dtype::kInt16;
    item_size = 2;
  } else {
    throw InputError(path, fmt::format("dtype {} is not supported; use little-endian float32, "
                                       "float16 or int16, e.g. array.astype(numpy.float32)",
                                       descr));
  }
  const std::string_view fortran = HeaderField(header, "fortran_order", path);
  if (fortran == "True") {
    throw InputError(path, "the array is in Fortran order; save a C-order copy with "
                           "numpy.save(path, numpy.ascontiguousarray(array))");
  }
  if (fortran != "False") {
    throw InputError(path, fmt::format("the .npy header has fortran_order {}; {}", fortran, kSaveHint));
  }
  array.shape = ParseShape(HeaderField(header, "shape", path), path);

  const std::size_t data_start = header_start + header_len;
  const std::size_t actual = bytes.size() - data_start;
  const std::optional<std::size_t> needed = DataBytes(array.shape, item_size);
  if (!needed) {
    throw InputError(path, fmt::format("the data is {} bytes but shape ({}) of {}-byte values "
                                       "needs more than 2^64 bytes; the header is corrupt, write "
                                       "the file again with numpy.save",
                                       actual, fmt::join(array.shape, ", "), item_size));
  }
  const std::size_t expected = *needed;
  const std::size_t count = expected / item_size;
  if (actual != expected) {
    throw InputError(path, fmt::format("the data is {} bytes but shape ({}) of {}-byte values "
                                       "needs {}; the file is {}, write it again with numpy.save",
                                       actual, fmt::join(array.shape, ", "), item_size, expected,
                                       actual < expected ? "truncated" : "longer than its header says"));
  }
  const char* data = bytes.data() + data_start;
  if (array.dtype == NpyArray::Dtype::kInt16) {
    array.ints.resize(count);
    // Not for an empty shape: the empty vector's data() is null, and memcpy from or to null is
    // undefined even for 0 bytes.
    if (count != 0) std::memcpy(array.ints.data(), data, expected);
    return array;
  }
  array.floats.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (array.dtype == NpyArray::Dtype::kFloat32) {
      std::memcpy(&array.floats[i], data + 4 * i, 4);
    } else {
      std::uint16_t half = 0;
      std::memcpy(&half, data + 2 * i, 2);
      array.floats[i] = HalfToFloat(half);
    }
    if (!std::isfinite(array.floats[i])) {
      throw InputError(path, fmt::format("element {} is {}; the values must be finite, replace "
                                         "NaN and infinities before saving",
                                         i, array.floats[i]));
    }
  }
  return array;
}

namespace {

void WriteNpyBytes(const std::string& path, std::string_view descr,
                   std::span<const std::size_t> shape, const void* data, std::size_t bytes) {
  std::string dims;
  for (std::size_t dim : shape) dims += fmt::format("{}, ", dim);
  if (shape.size() > 1) dims.resize(dims.size() - 2);  // "(5,)" keeps its comma
  if (!dims.empty() && shape.size() == 1) dims.pop_back();
  std::string header = fmt::format("{{'descr': '{}', 'fortran_order': False, 'shape': ({}), }}",
                                   descr, dims);
  // Pad with spaces so that the data starts on a 64-byte boundary, ending in a newline.
  const std::size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header.push_back('\n');
  const char len[2] = {static_cast<char>(header.size() & 0xff), static_cast<char>(header.size() >> 8)};
  std::string file(kMagic);
  file.append({'\x01', '\x00'});  // format version 1.0
  file.append(len, 2);
  file += header;
  file.append(static_cast<const char*>(data), bytes);
  WriteFileAtomically(path, file);
}

}  // namespace

void WriteNpy(const std::string& path, std::span<const std::size_t> shape,
              std::span<const float> values) {
  WriteNpyBytes(path, "<f4", shape, values.data(), values.size_bytes());
}

void WriteNpy(const std::string& path, std::span<const std::size_t> shape,
              std::span<const std::int16_t> values) {
  WriteNpyBytes(path, "<i2", shape, values.data(), values.size_bytes());
}

void WriteOutputsNpy(const std::string& path, const OutputRows& rows, std::size_t d) {
  std::size_t queries = 0;
  for (const auto& head : rows) queries = std::max(queries, head.size());
  std::vector<std::int16_t> values(rows.size() * queries * d, 0);
  for (std::size_t h = 0; h < rows.size(); ++h) {
    for (std::size_t i = 0; i < rows[h].size(); ++i) {
      const std::vector<std::int64_t>& row = rows[h][i];
      for (std::size_t t = 0; t < row.size() && t < d; ++t) {
        values[(h * queries + i) * d + t] = static_cast<std::int16_t>(row[t]);
      }
    }
  }
  const std::vector<std::size_t> dims = {rows.size(), queries, d};
  WriteNpy(path, dims, values);
}

}  // namespace energon::golden
