// ResolveVerification: looks a test, sim, file or URL reference up in the evidence.
#include "medtra/trace/verification.h"

#include "medtra/base/strings.h"

namespace medtra::trace {
namespace {

const std::vector<std::string>& Kinds() {
  static const std::vector<std::string> kKinds = {"test", "sim", "file", "url"};
  return kKinds;
}

std::string Where(const SourceLocation& location) {
  return location.file + ":" + std::to_string(location.line) + ":" + std::to_string(location.col);
}

}  // namespace

std::span<const std::string> VerificationKinds() { return Kinds(); }

std::string VerificationKind(std::string_view ref) {
  if (StartsWith(ref, "http://") || StartsWith(ref, "https://")) return "url";
  const size_t colon = ref.find(':');
  if (colon == std::string_view::npos || colon + 1 == ref.size()) return "";
  const std::string_view kind = ref.substr(0, colon);
  for (const std::string& known : Kinds()) {
    if (known == kind) return known;
  }
  return "";
}

bool IsPositive(std::string_view status) {
  return status == "passed" || status == "present" || status == "referenced";
}

bool IsNegative(std::string_view status) { return status == "failed" || status == "missing"; }

std::string ModelDirectory(const std::vector<std::string>& files) {
  if (files.empty()) return ".";
  const std::string& first = files.front();
  const size_t slash = first.rfind('/');
  return slash == std::string::npos ? "." : first.substr(0, slash);
}

SourceLocation ModelFallbackLocation(const model::SystemModel& model) {
  if (!model.system.location.file.empty()) return {model.system.location.file, 1, 1};
  if (model.files.empty()) return {};
  return {model.files.front(), 1, 1};
}

VerificationResult ResolveVerification(std::string_view ref, const SourceLocation& location,
                                       const VerifyContext& context) {
  VerificationResult result;
  result.ref = std::string(ref);
  result.kind = VerificationKind(ref);
  result.location = location;
  const std::string_view target =
      result.kind == "url" || result.kind.empty() ? ref : ref.substr(result.kind.size() + 1);
  if (result.kind == "test") {
    const TestResult* test = context.evidence ? context.evidence->FindTest(target) : nullptr;
    if (test == nullptr) {
      result.status = "not-run";
      return result;
    }
    result.status = test->status;
    result.date = test->date;
    result.source = Where(test->location);
    result.detail = test->message;
  } else if (result.kind == "sim") {
    const ScenarioResult* scenario =
        context.evidence ? context.evidence->FindScenario(ref) : nullptr;
    if (scenario == nullptr) {
      result.status = "not-run";
      return result;
    }
    result.status = scenario->passed ? "passed" : "failed";
    if (scenario->passed && !scenario->model_hash.empty() && !context.model_hash.empty() &&
        scenario->model_hash != context.model_hash) {
      result.status = "stale";
    }
    result.date = scenario->date;
    result.source = Where(scenario->location);
    result.detail = scenario->detail;
  } else if (result.kind == "file") {
    if (context.fs == nullptr) {
      result.status = "referenced";
      return result;
    }
    const std::string path =
        StartsWith(target, "/") ? std::string(target) : JoinPath(context.base_dir, target);
    result.status = context.fs->Kind(path) == PathKind::kMissing ? "missing" : "present";
    result.source = path;
  } else {
    result.status = "referenced";
  }
  return result;
}

}  // namespace medtra::trace
