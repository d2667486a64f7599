// Diff: the model and analysis parts with the assessment; emptiness and --fail-on.
#include <algorithm>

#include "medtra/diff/diff.h"

namespace medtra::diff {
namespace {

using Json = nlohmann::ordered_json;

bool PartEmpty(const Json& part) {
  for (const char* kind : {"added", "removed", "changed"}) {
    if (part.contains(kind) && !part[kind].empty()) return false;
  }
  return true;
}

}  // namespace

Json Diff(const Revision& old_revision, const Revision& new_revision) {
  const Json model = old_revision.has_model && new_revision.has_model
                         ? DiffElements(old_revision.elements, new_revision.elements)
                         : Json();
  const Json analysis = DiffReports(old_revision.report, new_revision.report);
  return {{"format", "medtra-diff"},
          {"format_version", 1},
          {"old",
           {{"path", old_revision.label},
            {"system", old_revision.report.value("system", nlohmann::json())}}},
          {"new",
           {{"path", new_revision.label},
            {"system", new_revision.report.value("system", nlohmann::json())}}},
          {"model", model},
          {"analysis", analysis},
          {"assessment", Assess(old_revision, new_revision, model, analysis)}};
}

bool Empty(const Json& diff) {
  if (!diff["model"].is_null() && !PartEmpty(diff["model"])) return false;
  for (const auto& [name, part] : diff["analysis"].items()) {
    if (!PartEmpty(part)) return false;
  }
  return true;
}

std::span<const std::string> FailOnValues() {
  static const std::string kValues[] = {"any", "unacceptable", "unassessed"};
  return kValues;
}

bool FailOnMet(const Json& diff, const std::string& fail_on) {
  if (fail_on == "any") return !Empty(diff);
  const Json& analysis = diff["analysis"];
  if (fail_on == "unacceptable") {
    // A risk added as not acceptable, or whose verdict went from acceptable to not.
    for (const Json& risk : analysis["risks"]["added"]) {
      if (risk["residual.acceptable"] == false) return true;
    }
    for (const Json& risk : analysis["risks"]["changed"]) {
      for (const Json& change : risk["changes"]) {
        if (change["attribute"] == "residual.acceptable" && change["new"] == false) return true;
      }
    }
    return false;
  }
  if (fail_on == "unassessed") {
    // A threat that is new, open and linked to no risk.
    for (const Json& threat : analysis["threats"]["added"]) {
      if (threat["status"] == "open" && threat["risk"].is_null()) return true;
    }
    return false;
  }
  return false;
}

std::string RenderJson(const Json& diff) {
  return diff.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace medtra::diff
