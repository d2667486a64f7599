// Reading the medical-device rubric's answers from a located YAML mapping (in a vulnerability of
// the model, or an answers file of `medtra cvss rubric`).
#pragma once

#include "medtra/base/status.h"
#include "medtra/diag/diagnostic.h"
#include "medtra/model/yaml_tree.h"
#include "medtra/risk/cvss/rubric.h"

namespace medtra::model {

/// Reads answers from a YAML mapping of question ID to answer, e.g. `XAVN: YES`. Reports every
/// problem to `sink` with its location: not a mapping [rubric-not-mapping], unknown question
/// [rubric-unknown-question], invalid answer [rubric-invalid-answer], unanswered question on the
/// path [rubric-unanswered] (errors); answer to a question off the path [rubric-unused-answer]
/// (warning). Returns an error when any error was reported.
Result<risk::cvss::RubricAnswers> ReadRubricAnswers(Node node, DiagnosticSink& sink);

}  // namespace medtra::model
