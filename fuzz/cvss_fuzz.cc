// libFuzzer target: the CVSS parser and scorers must never crash, and every vector they accept
// must score within 0.0..10.0 and survive a round trip through its canonical form.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "medtra/risk/cvss/cvss.h"
#include "medtra/risk/cvss/likelihood.h"

namespace cvss = medtra::risk::cvss;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const medtra::Result<cvss::CvssAssessment> result = cvss::AssessVector(input);
  if (!result.ok()) {
    if (result.message().empty()) std::abort();
    return 0;
  }
  if (result->version == cvss::CvssVersion::kV31) {
    const cvss::Cvss31Scores& s = result->v31;
    for (const cvss::Score score : {s.base, s.temporal, s.environmental}) {
      if (score.tenths < 0 || score.tenths > 100) std::abort();
    }
    const auto again = cvss::ParseCvss31(cvss::FormatCvss31(*cvss::ParseCvss31(input)));
    if (!again.ok() || cvss::ScoreCvss31(*again).environmental != s.environmental) std::abort();
  } else {
    if (result->v40.score.tenths < 0 || result->v40.score.tenths > 100) std::abort();
    const auto again = cvss::ParseCvss40(cvss::FormatCvss40(*cvss::ParseCvss40(input)));
    if (!again.ok() || cvss::ScoreCvss40(*again).score != result->v40.score) std::abort();
  }
  const cvss::LikelihoodMapping level = cvss::LikelihoodFromAssessment(*result, {});
  if (level.level.empty()) std::abort();
  return 0;
}
