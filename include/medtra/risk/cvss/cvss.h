// One entry point for any supported CVSS vector: detects the version (3.1 or 4.0) and scores it.
#pragma once

#include <cstdint>
#include <string_view>

#include "medtra/base/status.h"
#include "medtra/risk/cvss/cvss31.h"
#include "medtra/risk/cvss/cvss40.h"

namespace medtra::risk::cvss {

enum class CvssVersion : uint8_t { kV31, kV40 };

/// "3.1" or "4.0".
std::string_view CvssVersionName(CvssVersion version);

/// The version named by the vector's prefix ("CVSS:3.1/" or "CVSS:4.0/"); an error names a
/// wrong prefix or an unsupported version, e.g. "unsupported CVSS version '3.0' (expected 3.1 or
/// 4.0)".
Result<CvssVersion> DetectCvssVersion(std::string_view vector);

/// The scores of one vector of either version. Only the member of `version` is meaningful.
struct CvssAssessment {
  CvssVersion version = CvssVersion::kV31;
  Cvss31Scores v31;
  Cvss40Result v40;
};

/// Parses strictly and scores. Allocates only when the vector is malformed.
Result<CvssAssessment> AssessVector(std::string_view vector);

}  // namespace medtra::risk::cvss
