// `REV:PATH` arguments: a model as it was at a revision of the git repository of the current
// folder, read into an in-memory file system.
#pragma once

#include <string>

#include "medtra/base/file_system.h"
#include "medtra/base/status.h"

namespace medtra::cli {

/// Splits `argument` into REV and PATH when it is `REV:PATH` and no file or folder of that name
/// exists (so that a path that holds ':' stays a path).
bool SplitRevision(const FileSystem& fs, const std::string& argument, std::string* revision,
                   std::string* path);

/// Copies every file below PATH (relative to the current folder) at `revision` into `out`, under
/// the same relative names, with `git ls-tree` and `git show`.
Status ReadRevision(const std::string& revision, const std::string& path, MemoryFileSystem* out);

}  // namespace medtra::cli
