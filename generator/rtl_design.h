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
};

/// The memories, as docs/fu-microarchitecture.md lists them (for the manifest).
std::vector<Memory> Memories(const AccelConfig& config, const AccelDerived& derived);

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
