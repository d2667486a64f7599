// Version dispatch for CVSS vectors.
#include "medtra/risk/cvss/cvss.h"

#include "risk/cvss/vector_parser.h"

namespace medtra::risk::cvss {

std::string_view CvssVersionName(CvssVersion version) {
  return version == CvssVersion::kV40 ? "4.0" : "3.1";
}

Result<CvssVersion> DetectCvssVersion(std::string_view vector) {
  constexpr std::string_view kV31 = "CVSS:3.1/";
  constexpr std::string_view kV40 = "CVSS:4.0/";
  if (vector.substr(0, kV31.size()) == kV31) return CvssVersion::kV31;
  if (vector.substr(0, kV40.size()) == kV40) return CvssVersion::kV40;
  // Let the prefix check name what is wrong; a bare "CVSS:4.0" is about version 4.0.
  const bool v40 = vector.substr(0, kV40.size() - 1) == kV40.substr(0, kV40.size() - 1);
  Status status = internal::CheckPrefix(vector, v40 ? kV40 : kV31);
  if (status.ok()) status = Status::Error("invalid prefix");  // unreachable: both were checked
  return status;
}

Result<CvssAssessment> AssessVector(std::string_view vector) {
  Result<CvssVersion> version = DetectCvssVersion(vector);
  if (!version.ok()) return version.status();
  CvssAssessment out;
  out.version = *version;
  if (*version == CvssVersion::kV31) {
    Result<Cvss31Vector> parsed = ParseCvss31(vector);
    if (!parsed.ok()) return parsed.status();
    out.v31 = ScoreCvss31(*parsed);
  } else {
    Result<Cvss40Vector> parsed = ParseCvss40(vector);
    if (!parsed.ok()) return parsed.status();
    out.v40 = ScoreCvss40(*parsed);
  }
  return out;
}

}  // namespace medtra::risk::cvss
