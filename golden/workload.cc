#include "golden/workload.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "golden/errors.h"

namespace energon::golden {

Head HeadFromFloats(MatrixF q, MatrixF k, MatrixF v) {
  Head head{Quantize(q), Quantize(k), Quantize(v), std::move(q), std::move(k), std::move(v)};
  return head;
}

Head HeadFromCodes(Matrix16 q, Matrix16 k, Matrix16 v, const std::array<double, 3>& scales) {
  Head head{{std::move(q), scales[0]}, {std::move(k), scales[1]}, {std::move(v), scales[2]}, {}, {}, {}};
  head.qf = Dequantize(head.q);
  head.kf = Dequantize(head.k);
  head.vf = Dequantize(head.v);
  return head;
}

namespace {

struct Loaded {
  const std::string& path;
  const NpyArray& array;
  std::size_t heads = 1, rows = 0, cols = 0;
};

Loaded Load(const std::string& path, const NpyArray& array) {
  Loaded loaded{path, array};
  const auto& shape = loaded.array.shape;
  if (shape.size() == 2) {
    loaded.rows = shape[0];
    loaded.cols = shape[1];
  } else if (shape.size() == 3) {
    loaded.heads = shape[0];
    loaded.rows = shape[1];
    loaded.cols = shape[2];
  } else {
    throw InputError(path, fmt::format("shape ({}) has {} dimensions; give [n, D] or "
                                       "[heads, n, D], e.g. tensor.reshape(heads, n, D)",
                                       fmt::join(shape, ", "), shape.size()));
  }
  if (loaded.heads == 0 || loaded.rows == 0 || loaded.cols == 0) {
    throw InputError(path, fmt::format("shape ({}) is empty; every dimension must be at least 1",
                                       fmt::join(shape, ", ")));
  }
  return loaded;
}

std::string ShapeText(const Loaded& t) {
  return t.array.shape.size() == 3 ? fmt::format("[{}, {}, {}]", t.heads, t.rows, t.cols)
                                   : fmt::format("[{}, {}]", t.rows, t.cols);
}

bool IsInt(const Loaded& t) { return t.array.dtype == NpyArray::Dtype::kInt16; }

template <typename T>
Matrix<T> Slice(const std::vector<T>& values, std::size_t head, std::size_t rows, std::size_t cols) {
  Matrix<T> m(static_cast<int>(rows), static_cast<int>(cols));
  std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(head * rows * cols), rows * cols,
              m.data.begin());
  return m;
}

}  // namespace

Workload LoadNpyWorkload(const std::string& q_path, const std::string& k_path,
                         const std::string& v_path, const std::array<double, 3>& int16_scales) {
  // One statement each: the files are read, and their errors reported, in the order Q, K, V.
  const NpyArray q = ReadNpy(q_path);
  const NpyArray k = ReadNpy(k_path);
  const NpyArray v = ReadNpy(v_path);
  return NpyWorkload(q, k, v, {q_path, k_path, v_path}, int16_scales);
}

Workload NpyWorkload(const NpyArray& q_array, const NpyArray& k_array, const NpyArray& v_array,
                     const std::array<std::string, 3>& paths,
                     const std::array<double, 3>& int16_scales) {
  const Loaded q = Load(paths[0], q_array);
  const Loaded k = Load(paths[1], k_array);
  const Loaded v = Load(paths[2], v_array);
  for (const Loaded* t : {&k, &v}) {
    if (t->heads != q.heads || t->cols != q.cols) {
      throw InputError(t->path, fmt::format("shape {} does not match Q's {} ({}); Q, K and V need "
                                            "the same head count and head dimension D",
                                            ShapeText(*t), ShapeText(q), q.path));
    }
    if (IsInt(*t) != IsInt(q)) {
      throw InputError(t->path, fmt::format("holds {} but Q ({}) holds {}; give all three as "
                                            "floats or all three as int16",
                                            IsInt(*t) ? "int16" : "floats", q.path,
                                            IsInt(q) ? "int16" : "floats"));
    }
  }
  if (v.rows != k.rows) {
    throw InputError(v.path, fmt::format("has {} rows but K ({}) has {}; V needs one row per key",
                                         v.rows, k.path, k.rows));
  }
  for (std::size_t i = 0; i < 3; ++i) {
    if (!(int16_scales[i] > 0.0) || !std::isfinite(int16_scales[i])) {
      throw InputError("--scales", fmt::format("scale {} is {}; scales must be positive and "
                                               "finite, e.g. 1.0",
                                               "QKV"[i], int16_scales[i]));
    }
  }
  Workload workload;
  workload.source = fmt::format("Q={} K={} V={}", paths[0], paths[1], paths[2]);
  for (std::size_t h = 0; h < q.heads; ++h) {
    if (IsInt(q)) {
      workload.heads.push_back(HeadFromCodes(Slice(q.array.ints, h, q.rows, q.cols),
                                             Slice(k.array.ints, h, k.rows, k.cols),
                                             Slice(v.array.ints, h, v.rows, v.cols), int16_scales));
    } else {
      workload.heads.push_back(HeadFromFloats(Slice(q.array.floats, h, q.rows, q.cols),
                                              Slice(k.array.floats, h, k.rows, k.cols),
                                              Slice(v.array.floats, h, v.rows, v.cols)));
    }
  }
  return workload;
}

}  // namespace energon::golden
