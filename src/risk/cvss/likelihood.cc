// Maps CVSS exploitability to a likelihood level through configurable bands.
#include "medtra/risk/cvss/likelihood.h"

#include <cmath>

#include "risk/cvss/vector_parser.h"

namespace medtra::risk::cvss {
namespace {

Status ValidateBands(const std::vector<LikelihoodBand>& bands, std::string_view name) {
  const std::string prefix = internal::Cat("likelihood bands for ", name, ": ");
  if (bands.empty()) return Status::Error(prefix + "no band");
  if (bands.front().minimum > 0) {
    return Status::Error(prefix + "the first band must start at 0");
  }
  for (size_t i = 0; i < bands.size(); ++i) {
    if (bands[i].level.empty()) return Status::Error(prefix + "a band has no level name");
    if (!std::isfinite(bands[i].minimum)) {
      return Status::Error(
          internal::Cat(prefix, "band '", bands[i].level, "' has no finite minimum"));
    }
    if (i > 0 && bands[i].minimum <= bands[i - 1].minimum) {
      return Status::Error(internal::Cat(prefix, "band '", bands[i].level,
                                         "' does not start above band '", bands[i - 1].level, "'"));
    }
  }
  return Status::Ok();
}

}  // namespace

Status ValidateLikelihoodOptions(const LikelihoodOptions& options) {
  Status status = ValidateBands(options.cvss31, "CVSS 3.1");
  if (!status.ok()) return status;
  return ValidateBands(options.cvss40, "CVSS 4.0");
}

std::string_view LikelihoodForValue(double value, const std::vector<LikelihoodBand>& bands) {
  if (bands.empty()) return "";
  for (size_t i = bands.size(); i-- > 0;) {
    // A small tolerance so that 2.8 written in a configuration matches a sub-score of 2.8.
    if (value >= bands[i].minimum - 1e-9) return bands[i].level;
  }
  return bands.front().level;
}

LikelihoodMapping LikelihoodFromAssessment(const CvssAssessment& assessment,
                                           const LikelihoodOptions& options) {
  LikelihoodMapping out;
  out.version = assessment.version;
  if (assessment.version == CvssVersion::kV40) {
    out.value = assessment.v40.score.value();
    out.level = LikelihoodForValue(out.value, options.cvss40);
    return out;
  }
  out.value = options.use_environmental ? assessment.v31.modified_exploitability
                                        : assessment.v31.exploitability;
  out.level = LikelihoodForValue(out.value, options.cvss31);
  return out;
}

Result<LikelihoodMapping> LikelihoodFromVector(std::string_view vector,
                                               const LikelihoodOptions& options) {
  Status valid = ValidateLikelihoodOptions(options);
  if (!valid.ok()) return valid;
  Result<CvssAssessment> assessment = AssessVector(vector);
  if (!assessment.ok()) return assessment.status();
  return LikelihoodFromAssessment(*assessment, options);
}

}  // namespace medtra::risk::cvss
