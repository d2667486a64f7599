// Evidence for `analysis::Analyze`: every test and scenario result as an analysis::Verification.
#pragma once

#include <vector>

#include "medtra/analysis/analysis.h"
#include "medtra/trace/evidence.h"

namespace medtra::trace {

/// One Verification per distinct test (`test:Suite.Name`) and scenario (`sim:attack`) ref, sorted
/// by ref; a ref that repeats keeps its worst result. `detail` says where and when it ran, e.g.
/// "evidence/junit.xml:5:5, 2026-11-28T16:04:12" (plus the failure message).
std::vector<analysis::Verification> EvidenceVerifications(const Evidence& evidence);

}  // namespace medtra::trace
