#pragma once
// One file of energon-gen's output, rendered in memory before anything is written.

#include <string>

namespace energon::gen {

struct OutputFile {
  std::string path;  ///< relative to the output folder, '/'-separated, e.g. "rtl/x_fu_top.sv"
  std::string text;
};

}  // namespace energon::gen
