// Fuzzes the .npy reader (golden/npy.h: ParseNpy, the whole of ReadNpy after reading the file)
// and what energon-golden and energon-cosim do next with an array (golden/workload.h:
// NpyWorkload, the shape checks, the per-head slices, the quantization), the input standing for
// Q, K and V at once. A parsed array must hold exactly the elements its shape counts, taken
// from the last bytes of the file, decoded; a workload must have the array's shape.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <numeric>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "golden/errors.h"
#include "golden/npy.h"
#include "golden/workload.h"

namespace energon::fuzz {
namespace {

constexpr const char* kPath = "fuzz.npy";

// The element count and the values against the bytes: the data is the file's tail.
void CheckArray(const golden::NpyArray& array, std::string_view bytes) {
  const std::size_t count =
      std::accumulate(array.shape.begin(), array.shape.end(), std::size_t{1}, std::multiplies<>());
  const bool ints = array.dtype == golden::NpyArray::Dtype::kInt16;
  const std::size_t item_size = array.dtype == golden::NpyArray::Dtype::kFloat32 ? 4 : 2;
  Check((ints ? array.ints.size() : array.floats.size()) == count &&
            (ints ? array.floats.empty() : array.ints.empty()),
        "the element count is not the product of the shape");
  Check(count <= bytes.size() / item_size, "more elements than the file has bytes");
  const char* data = bytes.data() + bytes.size() - count * item_size;
  if (ints) {
    Check(count == 0 || std::memcmp(array.ints.data(), data, count * item_size) == 0,
          "the int16 values are not the file's last bytes");
    return;
  }
  for (std::size_t i = 0; i < count; ++i) {
    float expected = 0.0F;
    if (item_size == 4) {
      std::memcpy(&expected, data + 4 * i, 4);
    } else {
      std::uint16_t half = 0;
      std::memcpy(&half, data + 2 * i, 2);
      expected = golden::HalfToFloat(half);
    }
    Check(std::isfinite(array.floats[i]), "a non-finite float was accepted");
    Check(std::bit_cast<std::uint32_t>(array.floats[i]) == std::bit_cast<std::uint32_t>(expected),
          "a float is not the file's value");
  }
}

void CheckWorkload(const golden::NpyArray& array) {
  golden::Workload workload;
  try {
    workload = golden::NpyWorkload(array, array, array, {"q.npy", "k.npy", "v.npy"}, {1, 1, 1});
  } catch (const golden::InputError& error) {
    CheckPoliteError(error, "");
    return;
  }
  const bool three_d = array.shape.size() == 3;
  const std::size_t heads = three_d ? array.shape[0] : 1;
  Check(workload.heads.size() == heads, "the workload's head count is not the array's");
  for (const golden::Head& head : workload.heads) {
    for (const golden::Quantized* tensor : {&head.q, &head.k, &head.v}) {
      Check(static_cast<std::size_t>(tensor->codes.rows) == array.shape[three_d ? 1 : 0] &&
                static_cast<std::size_t>(tensor->codes.cols) == array.shape[three_d ? 2 : 1],
            "a head's shape is not the array's");
      Check(std::isfinite(tensor->scale) && tensor->scale > 0, "a scale is not positive");
    }
  }
}

void FuzzNpy(std::string_view bytes) {
  golden::NpyArray array;
  try {
    array = golden::ParseNpy(bytes, kPath);
  } catch (const golden::InputError& error) {
    CheckPoliteError(error, kPath);
    return;
  }
  CheckArray(array, bytes);
  CheckWorkload(array);
}

}  // namespace
}  // namespace energon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  energon::fuzz::FuzzNpy(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
