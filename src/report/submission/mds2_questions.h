// The questions of the MDS2 form (ANSI/NEMA HN 1-2019) by id and form section, with medtra's own
// short topic for each, and the answers the model gives.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/report/submission.h"

namespace medtra::report::submission {

/// One section of the form: its code ("AUDT") and title.
struct Mds2Section {
  std::string_view code;
  std::string_view title;
};
/// One question of the form: its id as the form numbers it, its section and a short topic in
/// medtra's words (not the form's sentence).
struct Mds2Question {
  std::string_view id;       ///< "AUDT-2.1"
  std::string_view section;  ///< "AUDT"
  std::string_view topic;    ///< "logins and logouts recorded"
};

/// The form's sections, in form order.
std::span<const Mds2Section> Mds2Sections();
/// Every question of the form, in form order (the one vocabulary table).
std::span<const Mds2Question> Mds2Questions();

/// A question with the model's answer: "yes" | "no" | "n/a" | a stated value, or "" (blank); the
/// basis names the model elements the answer rests on, or for a blank what would answer it.
struct Mds2Answer {
  const Mds2Question* question = nullptr;
  std::string answer;
  std::string basis;
};
/// Every question of the form in form order, answered where the model decides it.
std::vector<Mds2Answer> Mds2Answers(const SubmissionInput& input);

}  // namespace medtra::report::submission
