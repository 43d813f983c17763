#include "generator/testbench.h"

#include <fmt/format.h>

#include <algorithm>

#include "generator/banner.h"
#include "generator/config_text.h"
#include "generator/rtl_design.h"
#include "generator/rtl_render.h"
#include "generator/template_text.h"

namespace energon::gen {
namespace mustache = kainjow::mustache;

namespace {

constexpr const char* kTemplate = "energon_tb";

// The inputs the testbench drives itself; every other input is a probe stream's ready.
bool Driven(const std::string& name) {
  for (const char* driven :
       {"clk_i", "rst_ni", "cfg_n_keys_i", "cfg_causal_i", "cfg_alpha_i", "cfg_scale_m_i",
        "cfg_scale_e_i", "kload_valid_i", "kload_index_i", "kload_data_i", "query_valid_i",
        "query_index_i", "query_data_i", "mem_req_ready_i", "mem_rsp_valid_i", "mem_rsp_k_i",
        "mem_rsp_v_i", "out_ready_i"}) {
    if (name == driven) return true;
  }
  return false;
}

}  // namespace

std::string TestbenchPath(const AccelDerived& derived) {
  return fmt::format("tb/{}.sv", TestbenchModule(derived));
}

std::string TestbenchModule(const AccelDerived& derived) {
  return derived.top.prefix + "energon_tb";
}

std::uint32_t ConfigTag(const AccelConfig& config, const AccelDerived& derived) {
  std::uint32_t hash = 0x811c9dc5u;
  for (const char c : ConfigFileText(config, derived)) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x01000193u;
  }
  return hash;
}

std::string Testbench(const AccelConfig& config, const AccelDerived& derived) {
  mustache::data data = TemplateData(config, derived);
  const std::string source = fmt::format("rtl_templates/{}.sv.mustache", kTemplate);
  data.set("banner", Banner(CommentStyle::kSlashes, source, config, derived));
  data.set("config_tag", fmt::format("{:08x}", ConfigTag(config, derived)));
  const std::vector<Port> ports = TopPorts(config, derived);
  std::size_t name_w = 0;
  for (const Port& port : ports) name_w = std::max(name_w, port.name.size());
  mustache::data signals{mustache::data::type::list};
  mustache::data conns{mustache::data::type::list};
  mustache::data readies{mustache::data::type::list};
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const Port& port = ports[i];
    mustache::data signal;
    signal.set("decl",
               fmt::format("logic {:<9} {};", fmt::format("[{}:0]", port.width - 1), port.name));
    signals << signal;
    mustache::data conn;
    conn.set("conn", fmt::format(".{:<{}} ({}){}", port.name, name_w, port.name,
                                 i + 1 < ports.size() ? "," : ""));
    conns << conn;
    if (port.input && !Driven(port.name)) {
      mustache::data ready;
      ready.set("name", port.name);
      readies << ready;
    }
  }
  data.set("tb_signals", signals);
  data.set("tb_conns", conns);
  data.set("probe_readies", readies);
  return RenderTemplate(kTemplate, TemplateText(kTemplate), data);
}

}  // namespace energon::gen
