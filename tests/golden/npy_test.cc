// .npy reading and writing, float16 decoding, and LoadNpyWorkload: round trips, raw files
// written byte by byte, and the exact error messages users see.
#include "golden/npy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "golden/errors.h"
#include "golden/workload.h"
#include "tests/common/error_of.h"
#include "tests/common/temp_dir.h"

namespace energon::golden {
namespace {


constexpr const char* kSaveHint = "save it with numpy.save(path, array)";

// A .npy file written byte by byte: magic, version, header length (2 bytes for version 1,
// 4 bytes otherwise), the header dict padded with spaces and a newline to a 64-byte boundary,
// then `data`.
void WriteRawNpy(const std::string& path, const std::string& dict, const std::string& data,
                 int major = 1) {
  const std::size_t prefix = major == 1 ? 10 : 12;
  std::string header = dict;
  header.append((64 - (prefix + header.size() + 1) % 64) % 64, ' ');
  header.push_back('\n');
  std::string bytes = "\x93NUMPY";
  bytes.push_back(static_cast<char>(major));
  bytes.push_back('\0');
  const std::size_t len = header.size();
  bytes.push_back(static_cast<char>(len & 0xff));
  bytes.push_back(static_cast<char>((len >> 8) & 0xff));
  if (major != 1) {
    bytes.push_back(static_cast<char>((len >> 16) & 0xff));
    bytes.push_back(static_cast<char>((len >> 24) & 0xff));
  }
  bytes += header;
  bytes += data;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

template <typename T>
std::string Bytes(const std::vector<T>& values) {
  std::string bytes(values.size() * sizeof(T), '\0');
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

std::string Dict(const std::string& descr, const std::string& shape, bool fortran = false) {
  return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") +
         ", 'shape': " + shape + ", }";
}

// ---------------------------------------------------------------------------------------------
// Round trips

TEST(NpyTest, Float32RoundTripsIn2dAnd3d) {
  const ScopedTempDir dir;
  std::vector<float> values(30);  // 2 x 3 x 5
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(i) * 0.37F - 4.0F;
  values[7] = -0.0F;
  values[8] = 1e-40F;  // a float32 subnormal
  values[9] = 3.0e38F;
  for (const std::vector<std::size_t>& shape :
       {std::vector<std::size_t>{6, 5}, std::vector<std::size_t>{2, 3, 5},
        std::vector<std::size_t>{30}}) {
    const std::string path = dir.File("f32.npy");
    WriteNpy(path, shape, std::span<const float>(values));
    const NpyArray array = ReadNpy(path);
    EXPECT_EQ(array.dtype, NpyArray::Dtype::kFloat32);
    EXPECT_EQ(array.shape, shape);
    ASSERT_EQ(array.floats.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      EXPECT_EQ(std::bit_cast<std::uint32_t>(array.floats[i]),
                std::bit_cast<std::uint32_t>(values[i]))
          << i;  // bit for bit
    }
    EXPECT_TRUE(array.ints.empty());
  }
}

TEST(NpyTest, Int16RoundTripsIn2dAnd3d) {
  const ScopedTempDir dir;
  std::vector<std::int16_t> values(24);  // 4 x 3 x 2
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = static_cast<std::int16_t>(static_cast<int>(i) * 2731 - 30000);
  }
  values[0] = -32768;
  values[1] = 32767;
  for (const std::vector<std::size_t>& shape :
       {std::vector<std::size_t>{12, 2}, std::vector<std::size_t>{4, 3, 2}}) {
    const std::string path = dir.File("i16.npy");
    WriteNpy(path, shape, std::span<const std::int16_t>(values));
    const NpyArray array = ReadNpy(path);
    EXPECT_EQ(array.dtype, NpyArray::Dtype::kInt16);
    EXPECT_EQ(array.shape, shape);
    EXPECT_EQ(array.ints, values);
    EXPECT_TRUE(array.floats.empty());
  }
}

TEST(NpyTest, WrittenFilesHaveAnAlignedVersion1Header) {
  const ScopedTempDir dir;
  const std::string path = dir.File("a.npy");
  const std::vector<float> values(6, 1.0F);
  const std::vector<std::size_t> shape{2, 3};
  WriteNpy(path, shape, std::span<const float>(values));
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_GE(bytes.size(), 10u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
  const std::size_t header_len =
      static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
  EXPECT_EQ((10 + header_len) % 64, 0u);
  EXPECT_EQ(bytes[10 + header_len - 1], '\n');
  EXPECT_NE(bytes.find("'descr': '<f4'"), std::string::npos);
  EXPECT_NE(bytes.find("'shape': (2, 3)"), std::string::npos);
  EXPECT_EQ(bytes.size(), 10 + header_len + std::size_t{6} * 4);
}

TEST(NpyTest, ReadsVersion2And3Headers) {
  const ScopedTempDir dir;
  const std::vector<std::int16_t> values{1, -2, 3, -4};
  for (int major : {2, 3}) {
    const std::string path = dir.File("v.npy");
    WriteRawNpy(path, Dict("<i2", "(2, 2)"), Bytes(values), major);
    const NpyArray array = ReadNpy(path);
    EXPECT_EQ(array.shape, (std::vector<std::size_t>{2, 2}));
    EXPECT_EQ(array.ints, values);
  }
}

// Found by fuzz/npy_fuzz.cc (fuzz/corpus/npy/found_empty_int16.npy): an int16 array with a 0 in
// its shape was copied with memcpy to the null data() of an empty vector, undefined behavior
// that UBSan (the asan preset) stops at. The reader takes the empty array; LoadNpyWorkload
// refuses it with its own message.
TEST(NpyTest, ReadsEmptyInt16Arrays) {
  const ScopedTempDir dir;
  const std::string path = dir.File("empty.npy");
  WriteRawNpy(path, Dict("<i2", "(0, 3)"), "");
  const NpyArray array = ReadNpy(path);
  EXPECT_EQ(array.dtype, NpyArray::Dtype::kInt16);
  EXPECT_EQ(array.shape, (std::vector<std::size_t>{0, 3}));
  EXPECT_TRUE(array.ints.empty());
}

// ---------------------------------------------------------------------------------------------
// float16

TEST(HalfToFloatTest, KnownValues) {
  EXPECT_EQ(HalfToFloat(0x3c00), 1.0F);
  EXPECT_EQ(HalfToFloat(0xc000), -2.0F);
  EXPECT_EQ(HalfToFloat(0x0001), std::ldexp(1.0F, -24));     // smallest subnormal
  EXPECT_EQ(HalfToFloat(0x03ff), std::ldexp(1023.0F, -24));  // largest subnormal
  EXPECT_EQ(HalfToFloat(0x0400), std::ldexp(1.0F, -14));     // smallest normal
  EXPECT_EQ(HalfToFloat(0x7bff), 65504.0F);
  EXPECT_EQ(HalfToFloat(0x3555), 0x1.554p-2F);  // about 1/3
  EXPECT_EQ(HalfToFloat(0x0000), 0.0F);
  EXPECT_TRUE(std::signbit(HalfToFloat(0x8000)));
  EXPECT_EQ(HalfToFloat(0x7c00), INFINITY);
  EXPECT_EQ(HalfToFloat(0xfc00), -INFINITY);
  EXPECT_TRUE(std::isnan(HalfToFloat(0x7e00)));
  EXPECT_TRUE(std::isnan(HalfToFloat(0xfc01)));
}

TEST(HalfToFloatTest, EveryFiniteHalfDecodesExactly) {
  for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
    const std::uint32_t exponent = (bits >> 10) & 0x1f, mantissa = bits & 0x3ff;
    if (exponent == 0x1f) continue;
    // value = (-1)^s * (exponent ? 1024 + mantissa : mantissa) * 2^(max(exponent, 1) - 25)
    const double magnitude =
        std::ldexp(static_cast<double>(exponent != 0 ? 1024 + mantissa : mantissa),
                   static_cast<int>(std::max<std::uint32_t>(exponent, 1)) - 25);
    const double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
    ASSERT_EQ(static_cast<double>(HalfToFloat(static_cast<std::uint16_t>(bits))), expected) << bits;
  }
}

TEST(NpyTest, DecodesFloat16Files) {
  const ScopedTempDir dir;
  const std::string path = dir.File("f16.npy");
  const std::vector<std::uint16_t> halves{0x3c00, 0xc000, 0x0001, 0x7bff, 0x0000, 0xb800};
  WriteRawNpy(path, Dict("<f2", "(3, 2)"), Bytes(halves));
  const NpyArray array = ReadNpy(path);
  EXPECT_EQ(array.dtype, NpyArray::Dtype::kFloat16);
  EXPECT_EQ(array.shape, (std::vector<std::size_t>{3, 2}));
  EXPECT_EQ(array.floats,
            (std::vector<float>{1.0F, -2.0F, std::ldexp(1.0F, -24), 65504.0F, 0.0F, -0.5F}));
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(NpyErrorTest, MissingFile) {
  const ScopedTempDir dir;
  const std::string path = dir.File("missing.npy");
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": cannot open the file; check the path and its permissions");
}

TEST(NpyErrorTest, WrongMagic) {
  const ScopedTempDir dir;
  const std::string path = dir.File("bad.npy");
  std::ofstream(path, std::ios::binary) << "PK\x03\x04 this is a zip file, not an array";
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": not a .npy file (it does not start with the magic \\x93NUMPY); " + kSaveHint);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "\x93NUM";  // too short
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": not a .npy file (it does not start with the magic \\x93NUMPY); " + kSaveHint);
}

TEST(NpyErrorTest, UnsupportedVersion) {
  const ScopedTempDir dir;
  const std::string path = dir.File("v4.npy");
  WriteRawNpy(path, Dict("<f4", "(1,)"), std::string(4, '\0'), 4);
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": .npy format version 4 is not supported (1, 2 or 3 are); " + kSaveHint);
}

TEST(NpyErrorTest, UnsupportedDtypes) {
  const ScopedTempDir dir;
  const std::string path = dir.File("dtype.npy");
  WriteRawNpy(path, Dict("<f8", "(2,)"), std::string(16, '\0'));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path +
                ": dtype '<f8' is not supported; use little-endian float32, float16 or int16, "
                "e.g. array.astype(numpy.float32)");
  WriteRawNpy(path, Dict(">f4", "(2,)"), std::string(8, '\0'));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path +
                ": dtype '>f4' is not supported; use little-endian float32, float16 or int16, "
                "e.g. array.astype(numpy.float32)");
}

TEST(NpyErrorTest, FortranOrder) {
  const ScopedTempDir dir;
  const std::string path = dir.File("fortran.npy");
  WriteRawNpy(path, Dict("<f4", "(2, 2)", true), std::string(16, '\0'));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path +
                ": the array is in Fortran order; save a C-order copy with numpy.save(path, "
                "numpy.ascontiguousarray(array))");
}

TEST(NpyErrorTest, TruncatedAndTrailingData) {
  const ScopedTempDir dir;
  const std::string path = dir.File("size.npy");
  WriteRawNpy(path, Dict("<f4", "(2, 3)"), std::string(20, '\0'));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path +
                ": the data is 20 bytes but shape (2, 3) of 4-byte values needs 24; the file "
                "is truncated, write it again with numpy.save");
  WriteRawNpy(path, Dict("<i2", "(2, 3)"), std::string(14, '\0'));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path +
                ": the data is 14 bytes but shape (2, 3) of 2-byte values needs 12; the file "
                "is longer than its header says, write it again with numpy.save");
}

// A crafted shape whose element count wraps past 2^64 must be refused by the size check,
// before anything is allocated (8 * 2305843009213693968 * 4 wraps to exactly 512).
TEST(NpyErrorTest, ShapeProductPastTwoToTheSixtyFour) {
  const ScopedTempDir dir;
  const std::string path = dir.File("wrap.npy");
  struct Case {
    const char* descr;
    const char* shape;
    const char* printed;
    int item_size;
  };
  for (const Case& c : {Case{"<f4", "(8, 1, 2305843009213693968)", "8, 1, 2305843009213693968", 4},
                        Case{"<i2", "(4294967296, 4294967296)", "4294967296, 4294967296", 2},
                        Case{"<f2", "(4611686018427387905, 4,)", "4611686018427387905, 4", 2}}) {
    WriteRawNpy(path, Dict(c.descr, c.shape), std::string(512, '\0'));
    EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
              path + ": the data is 512 bytes but shape (" + c.printed + ") of " +
                  std::to_string(c.item_size) +
                  "-byte values needs more than 2^64 bytes; the header is corrupt, write the "
                  "file again with numpy.save")
        << c.shape;
  }
}

// Only regular files are read: a directory or a device is no .npy file (and /dev/zero would be
// read for ever).
TEST(NpyErrorTest, NotARegularFile) {
  const ScopedTempDir dir;
  EXPECT_EQ(ErrorOf([&] { ReadNpy(dir.path().string()); }),
            dir.path().string() +
                ": is a directory, not a regular file; give the .npy file itself, as "
                "numpy.save writes it");
  EXPECT_EQ(ErrorOf([&] { ReadNpy("/dev/zero"); }),
            "/dev/zero: is a character device, not a regular file; give the .npy file itself, "
            "as numpy.save writes it");
}

TEST(NpyErrorTest, NonFiniteValues) {
  const ScopedTempDir dir;
  const std::string path = dir.File("nan.npy");
  WriteRawNpy(path, Dict("<f4", "(4,)"), Bytes(std::vector<float>{1.0F, 2.0F, 3.0F, NAN}));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path +
                ": element 3 is nan; the values must be finite, replace NaN and infinities "
                "before saving");
  WriteRawNpy(path, Dict("<f2", "(2,)"), Bytes(std::vector<std::uint16_t>{0xfc00, 0x3c00}));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path +
                ": element 0 is -inf; the values must be finite, replace NaN and infinities "
                "before saving");
}

TEST(NpyErrorTest, MalformedHeaders) {
  const ScopedTempDir dir;
  const std::string path = dir.File("header.npy");
  WriteRawNpy(path, "{'descr': '<f4', 'fortran_order': False, }", "");
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": the .npy header has no 'shape' entry; " + kSaveHint);
  WriteRawNpy(path, Dict("<f4", "[2, 2]"), std::string(16, '\0'));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": the .npy shape '[2' is not a tuple; " + kSaveHint);
  WriteRawNpy(path, Dict("<f4", "(2, x)"), std::string(16, '\0'));
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": the .npy shape '(2, x)' has a bad dimension 'x'; " + kSaveHint);
  // A header that ends right after a key (no newline padding): an InputError, not an internal
  // error from reading past the header.
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      << std::string("\x93NUMPY\x01\x00\x0b\x00{'descr':  ", 21);
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }),
            path + ": the .npy header entry 'descr' has no value; " + kSaveHint);
  // A header length pointing past the end of the file.
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      << std::string("\x93NUMPY\x01\x00\xff\x00{", 11);
  EXPECT_EQ(ErrorOf([&] { ReadNpy(path); }), path + ": the .npy header is truncated; " + kSaveHint);
}

// ---------------------------------------------------------------------------------------------
// Quantize (mp-mrf.md section 1), the float path of every workload

TEST(QuantizeTest, FollowsTheContract) {
  MatrixF x(3, 4);
  x.data = {2.0F,        -2.0F,  0.0F,    1e-9F,  0.5F,  -0.5F,
            1.0F / 3.0F, -1.25F, 1.9999F, 0.123F, -0.7F, 1e-4F};
  const Quantized q = Quantize(x);
  EXPECT_EQ(q.scale, 2.0 / 32767.0);
  ASSERT_EQ(q.codes.rows, 3);
  ASSERT_EQ(q.codes.cols, 4);
  for (std::size_t i = 0; i < x.data.size(); ++i) {
    // round half away from zero, written out: sign * floor(|v| + 1/2).
    const double v = static_cast<double>(x.data[i]) / q.scale;
    const double expected = std::copysign(std::floor(std::fabs(v) + 0.5), v);
    EXPECT_EQ(q.codes.data[i], static_cast<std::int16_t>(expected)) << i;
  }
  EXPECT_EQ(q.codes.data[0], 32767);
  EXPECT_EQ(q.codes.data[1], -32767);
  // Ties: with a max of 32767 the scale is 1, and x.5 goes away from zero.
  MatrixF ties(1, 5);
  ties.data = {32767.0F, 2.5F, -2.5F, 0.5F, -0.5F};
  const Quantized t = Quantize(ties);
  EXPECT_EQ(t.scale, 1.0);
  EXPECT_EQ(t.codes.data, (std::vector<std::int16_t>{32767, 3, -3, 1, -1}));
  // All zero: scale 1.
  const Quantized zero = Quantize(MatrixF(2, 2));
  EXPECT_EQ(zero.scale, 1.0);
  EXPECT_EQ(zero.codes.data, (std::vector<std::int16_t>(4, 0)));
  // Dequantize gives code * scale.
  const MatrixF back = Dequantize(q);
  for (std::size_t i = 0; i < back.data.size(); ++i) {
    EXPECT_EQ(back.data[i], static_cast<float>(q.codes.data[i] * q.scale));
  }
}

// ---------------------------------------------------------------------------------------------
// LoadNpyWorkload

class LoadNpyWorkloadTest : public ::testing::Test {
 protected:
  void WriteFloats(const std::string& name, const std::vector<std::size_t>& shape) {
    std::size_t count = 1;
    for (std::size_t dim : shape) count *= dim;
    std::vector<float> values(count);
    for (std::size_t i = 0; i < count; ++i)
      values[i] = std::sin(static_cast<float>(i) * 0.7F + seed_);
    seed_ += 1.0F;
    WriteNpy(dir_.File(name), shape, std::span<const float>(values));
  }
  std::vector<std::int16_t> WriteInts(const std::string& name,
                                      const std::vector<std::size_t>& shape) {
    std::size_t count = 1;
    for (std::size_t dim : shape) count *= dim;
    std::vector<std::int16_t> values(count);
    for (std::size_t i = 0; i < count; ++i) {
      values[i] = static_cast<std::int16_t>(
          (static_cast<int>(i) * 7919 + static_cast<int>(seed_)) % 65536 - 32768);
    }
    seed_ += 1.0F;
    WriteNpy(dir_.File(name), shape, std::span<const std::int16_t>(values));
    return values;
  }
  std::string Load(const std::array<double, 3>& scales = {1.0, 1.0, 1.0}) {
    return ErrorOf([&] { LoadNpyWorkload(Path("q"), Path("k"), Path("v"), scales); });
  }
  std::string Path(const std::string& name) const { return dir_.File(name); }

  ScopedTempDir dir_;
  float seed_ = 0.0F;
};

TEST_F(LoadNpyWorkloadTest, HeadCountMismatch) {
  WriteFloats("q", {2, 4, 8});
  WriteFloats("k", {3, 4, 8});
  WriteFloats("v", {3, 4, 8});
  EXPECT_EQ(Load(), Path("k") + ": shape [3, 4, 8] does not match Q's [2, 4, 8] (" + Path("q") +
                        "); Q, K and V need the same head count and head dimension D");
}

TEST_F(LoadNpyWorkloadTest, HeadDimensionMismatch) {
  WriteFloats("q", {4, 8});
  WriteFloats("k", {4, 8});
  WriteFloats("v", {4, 6});
  EXPECT_EQ(Load(), Path("v") + ": shape [4, 6] does not match Q's [4, 8] (" + Path("q") +
                        "); Q, K and V need the same head count and head dimension D");
}

TEST_F(LoadNpyWorkloadTest, KeyAndValueRowsMismatch) {
  WriteFloats("q", {3, 8});
  WriteFloats("k", {5, 8});
  WriteFloats("v", {6, 8});
  EXPECT_EQ(Load(),
            Path("v") + ": has 6 rows but K (" + Path("k") + ") has 5; V needs one row per key");
}

TEST_F(LoadNpyWorkloadTest, MixedInt16AndFloat) {
  WriteFloats("q", {4, 8});
  WriteInts("k", {4, 8});
  WriteFloats("v", {4, 8});
  EXPECT_EQ(Load(), Path("k") + ": holds int16 but Q (" + Path("q") +
                        ") holds floats; give all three as floats or all three as int16");
  WriteInts("q", {4, 8});
  WriteInts("k", {4, 8});
  EXPECT_EQ(Load(), Path("v") + ": holds floats but Q (" + Path("q") +
                        ") holds int16; give all three as floats or all three as int16");
}

TEST_F(LoadNpyWorkloadTest, OneDimensionalAndEmptyShapes) {
  WriteFloats("q", {8});
  WriteFloats("k", {4, 8});
  WriteFloats("v", {4, 8});
  EXPECT_EQ(Load(), Path("q") +
                        ": shape (8) has 1 dimensions; give [n, D] or [heads, n, D], "
                        "e.g. tensor.reshape(heads, n, D)");
  WriteFloats("q", {0, 8});
  EXPECT_EQ(Load(), Path("q") + ": shape (0, 8) is empty; every dimension must be at least 1");
}

TEST_F(LoadNpyWorkloadTest, BadScales) {
  WriteInts("q", {4, 8});
  WriteInts("k", {4, 8});
  WriteInts("v", {4, 8});
  EXPECT_EQ(Load({1.0, 0.0, 1.0}),
            "--scales: scale K is 0; scales must be positive and finite, e.g. 1.0");
}

TEST_F(LoadNpyWorkloadTest, Int16WorkloadKeepsCodesAndUsesTheGivenScales) {
  const std::vector<std::int16_t> q = WriteInts("q", {2, 3, 4});
  const std::vector<std::int16_t> k = WriteInts("k", {2, 5, 4});
  const std::vector<std::int16_t> v = WriteInts("v", {2, 5, 4});
  const Workload w = LoadNpyWorkload(Path("q"), Path("k"), Path("v"), {0.5, 0.25, 2.0});
  ASSERT_EQ(w.heads.size(), 2u);
  EXPECT_EQ(w.num_queries(), 3);
  EXPECT_EQ(w.num_keys(), 5);
  EXPECT_EQ(w.dim(), 4);
  for (std::size_t h = 0; h < 2; ++h) {
    const Head& head = w.heads[h];
    EXPECT_EQ(head.q.codes.data,
              std::vector<std::int16_t>(q.begin() + h * 12, q.begin() + (h + 1) * 12));
    EXPECT_EQ(head.k.codes.data,
              std::vector<std::int16_t>(k.begin() + h * 20, k.begin() + (h + 1) * 20));
    EXPECT_EQ(head.v.codes.data,
              std::vector<std::int16_t>(v.begin() + h * 20, v.begin() + (h + 1) * 20));
    EXPECT_EQ(head.q.scale, 0.5);
    EXPECT_EQ(head.k.scale, 0.25);
    EXPECT_EQ(head.v.scale, 2.0);
    for (std::size_t i = 0; i < head.k.codes.data.size(); ++i) {
      EXPECT_EQ(head.kf.data[i], static_cast<float>(head.k.codes.data[i]) * 0.25F);  // exact
    }
  }
  EXPECT_NE(w.source.find(Path("k")), std::string::npos);
}

TEST_F(LoadNpyWorkloadTest, FloatWorkloadIsQuantizedPerHead) {
  WriteFloats("q", {2, 3, 4});
  WriteFloats("k", {2, 6, 4});
  WriteFloats("v", {2, 6, 4});
  const Workload w = LoadNpyWorkload(Path("q"), Path("k"), Path("v"), {1.0, 1.0, 1.0});
  ASSERT_EQ(w.heads.size(), 2u);
  const NpyArray k = ReadNpy(Path("k"));
  for (std::size_t h = 0; h < 2; ++h) {
    MatrixF kf(6, 4);
    std::copy_n(k.floats.begin() + static_cast<std::ptrdiff_t>(h * 24), 24, kf.data.begin());
    const Quantized expected = Quantize(kf);
    EXPECT_EQ(w.heads[h].kf.data, kf.data);
    EXPECT_EQ(w.heads[h].k.codes.data, expected.codes.data);
    EXPECT_EQ(w.heads[h].k.scale, expected.scale);
  }
  EXPECT_NE(w.heads[0].k.scale, w.heads[1].k.scale);  // one scale per tensor per head
}

}  // namespace
}  // namespace energon::golden
