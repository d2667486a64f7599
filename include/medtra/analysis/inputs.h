// The report's identity: the files an analysis read, and one id over them, the rules and the tool.
#pragma once

#include <string>
#include <vector>

#include "medtra/base/file_system.h"
#include "medtra/rules/rule_catalog.h"

namespace medtra::analysis {

/// One file an analysis read.
struct Input {
  std::string path;    ///< relative to the model folder where it lies inside it, else as given
  std::string sha256;  ///< of its content
  std::string role;    ///< model | evidence | rules
};

/// Reads and hashes files an analysis takes besides the model (evidence, user rules) through
/// `fs`; a file that cannot be read is left out (its reader reports it).
std::vector<Input> HashFiles(const FileSystem& fs, const std::vector<std::string>& paths,
                             const std::string& role);

/// `path` relative to `model_dir` when it lies inside it ("evidence/junit.xml"), else unchanged.
std::string RelativeToModel(const std::string& model_dir, const std::string& path);

/// Inputs sorted by role, then path (the order the report lists them in).
void SortInputs(std::vector<Input>& inputs);

/// SHA-256 (hex) over the tool version, the rule catalog (every rule's id, title, STRIDE,
/// CAPEC/CWE ids, exposure and base likelihood, in id order) and every input's role, path and
/// SHA-256. Changing only an evidence file changes it; no clock enters it.
std::string ReportId(const std::vector<Input>& inputs, const rules::RuleCatalog& catalog);

}  // namespace medtra::analysis
