#pragma once
// Writes an output folder all or nothing.
//
// Every file is written into a fresh temporary folder beside the target
// (".<name>.energon-gen-tmp.<pid>"), which then takes the target's place in one rename. A
// failure before that removes the temporary folder and leaves the target untouched.
//
// Overwrite policy (never clobber files energon-gen did not write):
//   - the target does not exist: it is created (missing parent folders too);
//   - the target is an empty folder: it is replaced;
//   - the target holds a manifest.json written by energon-gen and no file that manifest does
//     not list: it is replaced, by an atomic exchange (renameat2 RENAME_EXCHANGE) where the
//     file system supports it, else by two renames;
//   - anything else (a file, a symbolic link, a folder with other files): refused with
//     golden::InputError("--out", ...) before anything is written.

#include <string>
#include <vector>

#include "generator/output_file.h"

namespace energon::gen {

/// Writes `files` (paths relative, '/'-separated) as the folder `dir`, following the policy
/// above. Throws golden::InputError naming --out and the problem.
void WriteOutputTree(const std::string& dir, const std::vector<OutputFile>& files);

}  // namespace energon::gen
