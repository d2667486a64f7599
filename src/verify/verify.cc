// Resolve: looks a test, sim, file or URL reference up in the evidence and states its status.
#include "medtra/verify/verify.h"

#include <algorithm>

#include "medtra/base/strings.h"

namespace medtra::verify {
namespace {

int Rank(Status status) {
  switch (status) {
    case Status::kNotApplicable:
      return 0;
    case Status::kVerified:
      return 1;
    case Status::kUnverified:
      return 2;
    case Status::kStale:
      return 3;
    case Status::kMissing:
      return 4;
    case Status::kFailed:
      return 5;
  }
  return 5;
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

/// "version 1.0 of 'icd-system'" for what the model is.
std::string ModelVersion(const Context& context) {
  if (context.version.empty()) return "the model states no version (system.version)";
  return "the model is version " + context.version;
}

/// Stale when the evidence states another subject, no version, or another version.
void CheckVersion(const Context& context, RefResult* result) {
  std::string why;
  if (!result->subject.empty() && !context.subject.empty() && result->subject != context.subject) {
    why = "made for " + Quoted(result->subject) +
          (result->version.empty() ? "" : " version " + result->version) + ", not for " +
          Quoted(context.subject);
  } else if (result->version.empty()) {
    why = "the evidence states no version";
  } else if (result->version != context.version) {
    why = "made on version " + result->version;
  } else {
    return;
  }
  result->status = Status::kStale;
  result->detail = why + "; " + ModelVersion(context);
}

/// "no result for test 'X' in the evidence (did you mean 'Y'?)".
std::string NoResult(std::string_view what, std::string_view id, std::string_view ref,
                     const Context& context) {
  std::string text = "no result for " + std::string(what) + " " + Quoted(id);
  if (context.evidence == nullptr || context.evidence->files.empty()) {
    return text + ": no evidence was read";
  }
  const std::vector<std::string> known = context.evidence->Ids(RefKindName(RefKindOf(ref)));
  return text + " in the evidence" + DidYouMean(ref, known);
}

/// What the evidence at `location` states, and where it is.
void TakeEvidence(const Provenance& own, const SourceLocation& location, const std::string& detail,
                  const Context& context, RefResult* result) {
  const Provenance p = context.evidence->ProvenanceOf(own, location);
  result->subject = p.subject;
  result->version = p.version;
  result->date = p.date;
  result->tester = p.tester;
  result->independence = p.independence;
  result->source = ToString(location);
  result->detail = detail;
}

void ResolveTest(std::string_view id, const Context& context, RefResult* result) {
  const TestResult* test = context.evidence ? context.evidence->FindTest(id) : nullptr;
  if (test == nullptr) {
    result->status = Status::kMissing;
    result->detail = NoResult("test", id, result->ref, context);
    return;
  }
  TakeEvidence(test->provenance, test->location, test->message, context, result);
  if (test->status == "failed") {
    result->status = Status::kFailed;
  } else if (test->status == "skipped") {
    result->status = Status::kUnverified;
    result->detail =
        "skipped at " + result->source + (test->message.empty() ? "" : ": ") + test->message;
  } else {
    result->status = Status::kVerified;
    CheckVersion(context, result);
  }
}

void ResolveScenario(std::string_view ref, const Context& context, RefResult* result) {
  const ScenarioResult* scenario = context.evidence ? context.evidence->FindScenario(ref) : nullptr;
  if (scenario == nullptr) {
    result->status = Status::kMissing;
    result->detail = NoResult("scenario", ref, ref, context);
    return;
  }
  TakeEvidence(scenario->provenance, scenario->location, scenario->detail, context, result);
  result->status = scenario->passed ? Status::kVerified : Status::kFailed;
  if (scenario->passed) CheckVersion(context, result);
}

void ResolveFile(std::string_view target, const Context& context, RefResult* result) {
  const std::string path =
      StartsWith(target, "/") ? std::string(target) : JoinPath(context.model_dir, target);
  result->source = path;
  if (context.fs == nullptr) {
    result->status = Status::kUnverified;
    result->detail = "file " + Quoted(path) + " was not checked (no file system given)";
  } else if (context.fs->Kind(path) == PathKind::kMissing) {
    result->status = Status::kMissing;
    result->detail = "file " + Quoted(path) + " does not exist";
  } else {
    result->status = Status::kVerified;
    result->detail = "file " + Quoted(path) + " exists";
  }
}

}  // namespace

std::string_view StatusName(Status status) {
  switch (status) {
    case Status::kVerified:
      return "verified";
    case Status::kFailed:
      return "failed";
    case Status::kMissing:
      return "missing";
    case Status::kStale:
      return "stale";
    case Status::kUnverified:
      return "unverified";
    case Status::kNotApplicable:
      return "not-applicable";
  }
  return "unverified";
}

Status Worst(Status a, Status b) { return Rank(b) > Rank(a) ? b : a; }

std::string ModelDirectory(const std::vector<std::string>& files) {
  if (files.empty()) return ".";
  const std::string& first = files.front();
  const size_t slash = first.rfind('/');
  return slash == std::string::npos ? "." : first.substr(0, slash);
}

Context MakeContext(const model::SystemModel& model, const Evidence* evidence,
                    const FileSystem* fs) {
  return Context{evidence, fs, ModelDirectory(model.files), model.system.id, model.system.version};
}

RefResult Resolve(std::string_view ref, const SourceLocation& location, const Context& context) {
  RefResult result;
  result.ref = std::string(ref);
  result.kind = RefKindOf(ref);
  result.location = location;
  const std::string_view target = result.kind == Kind::kUrl || result.kind == Kind::kNone
                                      ? ref
                                      : ref.substr(RefKindName(result.kind).size() + 1);
  switch (result.kind) {
    case Kind::kTest:
      ResolveTest(target, context, &result);
      break;
    case Kind::kSim:
      ResolveScenario(ref, context, &result);
      break;
    case Kind::kFile:
      ResolveFile(target, context, &result);
      break;
    case Kind::kUrl:
      result.status = Status::kUnverified;
      result.source = std::string(StartsWith(ref, "url:") ? ref.substr(4) : ref);
      result.detail = "a URL cannot be checked offline";
      break;
    case Kind::kNone:
      result.status = Status::kMissing;
      result.detail = "it names no kind; write test:ID, sim:ID, file:PATH or url:URL";
      break;
  }
  return result;
}

Status WorstOf(std::span<const RefResult> results, Status if_empty) {
  if (results.empty()) return if_empty;
  Status worst = Status::kVerified;
  for (const RefResult& r : results) worst = Worst(worst, r.status);
  return worst;
}

}  // namespace medtra::verify
