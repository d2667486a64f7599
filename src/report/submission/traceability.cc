// Traceability: risk -> measure -> requirement -> design -> verification -> evidence.
#include "report/submission/documents.h"

namespace medtra::report::submission {

Document Traceability(const SubmissionInput& input) {
  Document d = Titled(input, "Traceability");
  d.sections.push_back(TraceSection(*input.analysis));
  d.sections.push_back(MeasuresSection(*input.analysis));
  return d;
}

}  // namespace medtra::report::submission
