// The documents of the submission package, one builder per file, and what they share.
#pragma once

#include <string>
#include <vector>

#include "medtra/report/submission.h"
#include "report/sections.h"

namespace medtra::report::submission {

Document RiskManagementReport(const SubmissionInput& input);
Document ThreatModel(const SubmissionInput& input);
Document RiskAssessment(const SubmissionInput& input);
Document SbomReference(const SubmissionInput& input);
Document UnresolvedAnomalies(const SubmissionInput& input);
Document Traceability(const SubmissionInput& input);
Document SecurityTesting(const SubmissionInput& input);
Document Labeling(const SubmissionInput& input);
Document ManagementPlan(const SubmissionInput& input);
Document Metrics(const SubmissionInput& input);
Document EuGspr(const SubmissionInput& input);
Document Mds2(const SubmissionInput& input);
Document Iec81001Conformance(const SubmissionInput& input);

/// One document the package holds: its file stem and builder, registered in submission.cc.
struct DocumentSpec {
  const char* name;
  Document (*build)(const SubmissionInput&);
};
/// Every document, in reading order (explicit registration).
const std::vector<DocumentSpec>& DocumentSpecs();

/// The index statuses of the FDA and EU elements, sorted by id; `files` name the documents.
std::vector<SubmissionElement> ElementStatuses(const SubmissionInput& input);

/// A document titled "TITLE: system name" with the system, version and document revision below.
Document Titled(const SubmissionInput& input, const std::string& title);

/// One security capability (IEC TR 80001-2-2 / MDS2 / MDCG 2019-16) and what the model says.
struct Capability {
  std::string code;    ///< "TXCF"
  std::string title;   ///< short label
  std::string answer;  ///< "yes" | "no" | "n/a" | "" (the model cannot answer)
  std::string basis;   ///< the model elements the answer rests on, or what to add
};
/// The capabilities in code order, answered from the model where it can.
std::vector<Capability> Capabilities(const SubmissionInput& input);

/// Whether a test or attack result that was found leaves its tester or their independence unstated.
bool TesterUnstated(const verify::RefResult& result);

/// "-" for an empty text.
inline std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

}  // namespace medtra::report::submission
