#pragma once
// manifest.json: what one energon-gen run produced, for tools and for the next run (energon-gen
// replaces an existing output folder only when its manifest says energon-gen wrote it).
// docs/generator.md documents the schema; kManifestSchemaVersion changes with it.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "generator/accel_config.h"
#include "generator/output_file.h"
#include "generator/rtl_design.h"

namespace energon::gen {

inline constexpr std::string_view kGeneratorName = "energon-gen";
inline constexpr int kManifestSchemaVersion = 3;
inline constexpr std::string_view kManifestName = "manifest.json";

/// The generator's version (the project version), e.g. "0.1.0".
std::string_view GeneratorVersion();

/// The manifest document: generated notice, schema version, generator, resolved config,
/// derived values, top module, top ports and every file of `files` with its SHA-256.
nlohmann::ordered_json MakeManifest(const AccelConfig& config, const AccelDerived& derived,
                                    const std::vector<Port>& ports,
                                    const std::vector<OutputFile>& files);

/// True when `manifest_text` parses as a manifest written by energon-gen; `files` receives its
/// listed paths then.
bool ReadManifestFiles(const std::string& manifest_text, std::vector<std::string>& files);

}  // namespace energon::gen
