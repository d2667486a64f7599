// The submission package: the FDA premarket cybersecurity documents and the EU technical file
// items, built from one analysed model, and the index that says which element is where.
#pragma once

#include <string>
#include <vector>

#include "medtra/analysis/analysis.h"
#include "medtra/report/document.h"
#include "medtra/sbom/sbom.h"

namespace medtra::report {

/// What the package is built from: the analysis and the SBOMs the model names (read by the caller).
struct SubmissionInput {
  const analysis::Analysis* analysis = nullptr;
  std::vector<sbom::Sbom> sboms;
  /// The formats written per document ("html", "md", "pdf", "docx") and whether the workbooks
  /// are ("xlsx"): the index names the files of these formats.
  std::vector<std::string> formats = {"html", "md"};
};

/// One document of the package, written as `<name>.html` and `<name>.md` (and further formats).
struct SubmissionDocument {
  std::string name;  ///< file stem: "threat-model"
  Document document;
};

/// One required element (FDA Appendix 4 row, EU item) and how far the model provides it.
struct SubmissionElement {
  std::string id;  ///< "fda-threat-model", "eu-gspr-17.2", ...
  std::string title;
  std::string status;                ///< present | partial | absent
  std::vector<std::string> missing;  ///< what to add, naming the model section
  std::vector<std::string> files;    ///< the package files that carry it, sorted
};

struct Submission {
  std::vector<SubmissionDocument> documents;  ///< in reading order
  std::vector<SubmissionElement> elements;    ///< sorted by id
};

/// Builds every document and the index statuses. Pure: no I/O.
Submission BuildSubmission(const SubmissionInput& input);

/// index.json: {"format": "medtra-submission", "format_version": 1, "system", "elements": [...],
/// "documents": [...]}, sorted keys' order fixed, deterministic.
std::string RenderSubmissionIndexJson(const Submission& submission,
                                      const analysis::Analysis& analysis);
/// The index as a document (the package's first page).
Document SubmissionIndexDocument(const Submission& submission, const analysis::Analysis& analysis);
/// The whole package as one document (the index, then every document), for one PDF.
Document CombinedSubmissionDocument(const Submission& submission,
                                    const analysis::Analysis& analysis);

/// One workbook of the package: sheets of strings, header row first.
struct SubmissionSheet {
  std::string name;  ///< at most 31 characters, unique in its workbook
  std::vector<std::vector<std::string>> rows;
};
struct SubmissionWorkbook {
  std::string name;  ///< file stem: "risk-register"
  std::vector<SubmissionSheet> sheets;
};
/// The tables a reviewer sorts: risk register, threats, traceability, SBOM and vulnerabilities,
/// MDS2; each sheet one table of the matching document.
std::vector<SubmissionWorkbook> SubmissionWorkbooks(const Submission& submission);

}  // namespace medtra::report
