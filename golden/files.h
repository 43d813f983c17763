#pragma once
// Reading inputs and writing result files (traces, .npy outputs, reports): inputs must be
// regular files, and a failed run never leaves a half-written output behind.

#include <filesystem>
#include <string>

namespace energon::golden {

/// What a file type is called in messages: "a directory", "a character device", "a fifo", ...
std::string FileTypeName(std::filesystem::file_type type);

/// Throws InputError(path, ...) unless `path` is a new path or an existing regular file. The
/// rule of every output: devices, directories, fifos and sockets are refused (renaming over
/// them would replace /dev/full or a folder), and so are symbolic links, even to a regular
/// file: the rename would replace the link by a plain file and leave its target as it was.
void CheckOutputPath(const std::string& path);

/// Throws InputError(path, "is <type>, not a regular file; <fix>") when `path` exists and is
/// not a regular file after following links (a directory, /dev/zero: read for ever). A missing
/// path passes, for the caller's own "cannot open" message.
void CheckInputIsRegular(const std::string& path, const std::string& fix);

/// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename, so a failed
/// run never leaves a half-written file. Checks CheckOutputPath first. Throws InputError naming
/// the path.
void WriteFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace energon::golden
