#pragma once
// The RTL side of a configuration: which template files make up the design (in dependency
// order), the top-level ports, and the values the templates are rendered with. The templates
// in rtl_templates/ are thin: every number they print comes from TemplateData().

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "generator/accel_config.h"

namespace energon::gen {

struct Port {
  std::string name;   ///< e.g. "kload_data_i"
  bool input = true;
  int width = 1;
  std::string doc;    ///< one line, for the RTL and the manifest
  bool vector = false;  ///< declared with a range even at width 1 (its users part-select it)
};

struct RtlFile {
  std::string template_name;  ///< rtl_templates/<template_name>.sv.mustache
  std::string module;         ///< <prefix><template_name>, also the file name without ".sv"
};

/// One kind of memory of the design: every instance is a <prefix>mem_1r1w (one write port,
/// one synchronous read port with read enable), which an SRAM macro can replace.
enum class MemoryKind {
  kRam,           ///< <prefix>mem_1r1w: one write, one synchronous read with enable
  kRom,           ///< a read-only case table (synthesis may map it to a ROM)
  kRegisterFile,  ///< flip-flops with one write and `read_ports` asynchronous reads
};

struct Memory {
  std::string name;   ///< e.g. "r1_score_buf"
  int instances = 1;
  int depth = 2;      ///< words
  int width = 1;      ///< bits per word
  std::string doc;
  MemoryKind kind = MemoryKind::kRam;
  int read_ports = 1;
  /// How one instance maps to SRAM macros (kRam only; 1 x 1 banks of depth x width otherwise):
  /// banks_wide banks of bank_width bits side by side (the last one padded: bank_width =
  /// ceil(width / banks_wide) <= --sram-max-width) times banks_deep banks of bank_depth words
  /// (bank_depth = depth when depth <= --sram-max-depth, else --sram-max-depth, selected by
  /// the high address bits).
  int banks_wide = 1;
  int banks_deep = 1;
  int bank_width = 1;
  int bank_depth = 2;
  /// kRam: the macro module of one bank, <prefix>sram_<bank_depth>x<bank_width>_1r1w (what the
  /// RTL instantiates with --mem-style blackbox).
  std::string macro{};

  [[nodiscard]] int banks() const { return banks_wide * banks_deep; }
};

/// The memories, as docs/fu-microarchitecture.md lists them (for the manifest), with each RAM's
/// banking for the SRAM limits of config.top.
std::vector<Memory> Memories(const AccelConfig& config, const AccelDerived& derived);

/// One SRAM macro shape of the design (--mem-style blackbox): the banks of every RAM whose
/// banking gives this shape.
struct SramMacro {
  std::string module;  ///< <prefix>sram_<depth>x<width>_1r1w
  int depth = 2;
  int width = 1;
  int addr_w = 1;  ///< max(1, clog2(depth))
  int count = 0;   ///< macros of this shape in the design: sum of instances x banks
  std::vector<std::string> memories;  ///< names of the memories built from it
};

/// The distinct macro shapes of `memories` (kRam entries), in first-use order.
std::vector<SramMacro> SramMacros(const std::vector<Memory>& memories);

/// The files of the design, leaves first, the top last (the filelist order).
std::vector<RtlFile> RtlFiles(const AccelConfig& config, const AccelDerived& derived);

/// The top module's name: <prefix>energon_top.
std::string TopModule(const AccelDerived& derived);

/// The ports of <prefix>fu_top, in declaration order.
std::vector<Port> FuPorts(const AccelConfig& config, const AccelDerived& derived);

/// The top module's ports, in declaration order.
std::vector<Port> TopPorts(const AccelConfig& config, const AccelDerived& derived);

/// The values every template is rendered with (scalars, the rounds list, the ports list).
/// The caller adds "banner" per file.
kainjow::mustache::data TemplateData(const AccelConfig& config, const AccelDerived& derived);

}  // namespace energon::gen
