// EvidenceVerifications: the evidence in the shape analysis::AnalyzeOptions takes.
#include "medtra/trace/analysis_evidence.h"

#include "medtra/trace/verification.h"

namespace medtra::trace {

std::vector<analysis::Verification> EvidenceVerifications(const Evidence& evidence) {
  std::vector<analysis::Verification> out;
  VerifyContext context;
  context.evidence = &evidence;
  for (const std::string_view kind : {"sim", "test"}) {
    for (const std::string& ref : evidence.Ids(kind)) {
      const VerificationResult result = ResolveVerification(ref, {}, context);
      std::string detail = result.source;
      if (!result.date.empty()) detail += ", " + result.date;
      if (!result.detail.empty()) detail += ": " + result.detail;
      out.push_back({result.ref, result.status, detail});
    }
  }
  return out;
}

}  // namespace medtra::trace
