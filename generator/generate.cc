#include "generator/generate.h"

#include "generator/config_text.h"
#include "generator/filelist.h"
#include "generator/fusesoc_core.h"
#include "generator/manifest.h"
#include "generator/params_header.h"
#include "generator/rtl_design.h"
#include "generator/rtl_render.h"
#include "generator/sdc.h"
#include "generator/sram_flow.h"
#include "generator/synth_stubs.h"
#include "generator/testbench.h"

namespace energon::gen {

std::vector<OutputFile> GenerateOutput(const AccelConfig& config, const AccelDerived& derived) {
  const std::vector<RtlFile> rtl_files = RtlFiles(config, derived);
  std::vector<OutputFile> files = RenderRtl(config, derived);
  std::vector<std::string> rtl_paths;
  rtl_paths.reserve(rtl_files.size());
  for (const RtlFile& file : rtl_files) rtl_paths.push_back(RtlPath(file));
  const std::vector<Port> ports = TopPorts(config, derived);
  // --mem-style blackbox: the SRAM macros' behavioral models, for simulation only. The
  // simulation filelist lists them first (they are leaves); synthesis reads
  // synth/sram_blackboxes.sv instead.
  const std::vector<OutputFile> models = RenderSramModels(config, derived);
  std::vector<std::string> sim_paths;
  for (const OutputFile& model : models) sim_paths.push_back(model.path);
  sim_paths.insert(sim_paths.end(), rtl_paths.begin(), rtl_paths.end());
  files.insert(files.end(), models.begin(), models.end());

  files.push_back({FilelistName(derived), Filelist(config, derived, sim_paths)});
  files.push_back({EnvFilelistName(derived), EnvFilelist(config, derived, sim_paths)});
  files.push_back({ParamsHeaderName(derived), ParamsHeader(config, derived)});
  files.push_back({CoreFileName(derived), FusesocCore(config, derived, rtl_paths)});
  files.push_back({"synth/yosys.ys", YosysScript(config, derived, rtl_files)});
  files.push_back({"synth/" + SdcName(derived), Sdc(config, derived, ports)});
  files.push_back({"synth/config.mk", OrfsConfig(config, derived, rtl_paths)});
  if (config.top.mem_style == MemStyle::kBlackbox) {
    files.push_back({std::string(kSramBlackboxesPath), SramBlackboxes(config, derived)});
    files.push_back({"synth/memories.cfg", MemoriesCfg(config, derived)});
  }
  files.push_back({TestbenchPath(derived), Testbench(config, derived)});
  files.push_back(
      {std::string(kManifestName), MakeManifest(config, derived, ports, files).dump(2) + "\n"});
  return files;
}

nlohmann::ordered_json PrintedConfig(const AccelConfig& config, const AccelDerived& derived) {
  nlohmann::ordered_json json;
  json["config"] = ConfigJson(config, derived);
  json["derived"] = DerivedJson(derived);
  return json;
}

}  // namespace energon::gen
