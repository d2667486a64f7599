// The rubric's decision structure as data. Question IDs, numbering, answer sets, flow and the
// metric value of each answer follow the MITRE "Rubric for Applying CVSS to Medical Devices"
// (FDA-qualified MDDT, 2020) as its calculator workbook encodes it (mitre/md-cvss-rubric-tools @
// 973bd759, md-cvss-rubric-calc.xlsm, Copyright 2020 MedSec LLC, Apache-2.0). The wording of the
// questions is the project's own. Where the workbook departs from its evident intent:
// - Q5.1 (XAVPA) and Q1.1.C (XCPM) are asked and recorded but change no metric (as in the
//   workbook; the rubric document may weigh them, which its calculator does not);
// - XAT (therapy data made inaccessible) LOW gives A:L and XIO only feeds I (the workbook's A
//   formula tests XIO instead of XAT for LOW);
// - UNKNOWN to an impact question counts as NONE, while UNKNOWN to an exploitability question
//   selects the more severe value (as in the workbook).
#include <algorithm>
#include <array>

#include "medtra/risk/cvss/rubric.h"

namespace medtra::risk::cvss {
namespace {

using C = RubricChoice;
using S = RubricAnswerSet;

constexpr RubricQuestion Exploit(std::string_view id, std::string_view label,
                                 std::string_view metric, std::string_view text, S set,
                                 std::array<RubricBranch, 4> branches, int count,
                                 bool follow_up = false) {
  RubricQuestion q;
  q.id = id;
  q.label = label;
  q.metric = metric;
  q.text = text;
  q.answer_set = set;
  q.follow_up = follow_up;
  q.branches = branches;
  q.branch_count = count;
  return q;
}

// An impact question with HIGH/LOW/NONE/UNKNOWN answers contributing H/L/N/N.
constexpr RubricQuestion Impact(std::string_view id, std::string_view label,
                                std::string_view metric, std::string_view group,
                                std::string_view text) {
  RubricQuestion q;
  q.id = id;
  q.label = label;
  q.metric = metric;
  q.group = group;
  q.text = text;
  q.answer_set = S::kImpact;
  q.impact = true;
  q.branches = {
      {{C::kHigh, 'H', ""}, {C::kLow, 'L', ""}, {C::kNone, 'N', ""}, {C::kUnknown, 'N', ""}}};
  q.branch_count = 4;
  return q;
}

constexpr std::string_view kPhi = "protected health information or personal data (PHI/PII)";
constexpr std::string_view kDiagnosis = "data or functions used for diagnosis or monitoring";
constexpr std::string_view kTherapy = "data or functions involved in delivering therapy";
constexpr std::string_view kWorkflow = "data or functions supporting the clinical workflow";
constexpr std::string_view kSecrets =
    "private system or user data, such as passwords or private keys";
constexpr std::string_view kOther = "any other critical or sensitive data or function";

constexpr std::string_view kRead = "How far can an attacker read or disclose it?";
constexpr std::string_view kModify = "How far can an attacker change or delete it?";
constexpr std::string_view kDeny = "How far can an attacker make it unavailable?";

RubricQuestion PhiRead() {
  RubricQuestion q = Impact("XCP", "Q1.C", "C", kPhi, "Can an attacker read this data?");
  q.answer_set = S::kYesNoUnknown;
  q.branches = {{{C::kYes, 'H', "XCPM"}, {C::kNo, 'N', ""}, {C::kUnknown, 'N', ""}}};
  q.branch_count = 3;
  return q;
}

RubricQuestion PhiScale() {
  RubricQuestion q = Impact(
      "XCPM", "Q1.1.C", "C", kPhi,
      "Could the disclosure involve many patients (say 500 or more), enough to require breach "
      "notification or draw regulatory action (HIPAA, GDPR)? (recorded only)");
  q.answer_set = S::kYesNoUnknown;
  q.follow_up = true;
  q.branches = {{{C::kYes, '\0', ""}, {C::kNo, '\0', ""}, {C::kUnknown, '\0', ""}}};
  q.branch_count = 3;
  return q;
}

const std::array<RubricQuestion, 31>& Table() {
  static const std::array<RubricQuestion, 31> kTable = {
      // Attack Vector.
      Exploit("XAVN", "AV Q1", "AV",
              "Can an attacker reach the vulnerability through a network or any other "
              "communication protocol?",
              S::kYesNoUnknown,
              {{{C::kYes, '\0', "XAVT"}, {C::kNo, '\0', "XAVP"}, {C::kUnknown, 'N', ""}}}, 3),
      Exploit("XAVT", "AV Q2", "AV",
              "Does that communication use routable OSI layer 3 or 4 protocols, such as IP, TCP "
              "or UDP?",
              S::kYesNoUnknown,
              {{{C::kYes, 'N', ""}, {C::kNo, '\0', "XAVW"}, {C::kUnknown, 'N', ""}}}, 3, true),
      Exploit("XAVW", "AV Q3", "AV", "Does the communication travel over a wireless link?",
              S::kYesNoUnknown,
              {{{C::kYes, '\0', "XAVR"}, {C::kNo, 'A', ""}, {C::kUnknown, 'A', ""}}}, 3, true),
      Exploit("XAVR", "AV Q4", "AV", "Is the wireless range about 10 feet (3 metres) or less?",
              S::kYesNo, {{{C::kYes, 'L', ""}, {C::kNo, 'A', ""}}}, 2, true),
      Exploit("XAVP", "AV Q5", "AV",
              "Does the attacker have to touch or physically handle the device?", S::kYesNoUnknown,
              {{{C::kYes, 'P', "XAVPA"}, {C::kNo, 'L', ""}, {C::kUnknown, 'L', ""}}}, 3, true),
      Exploit("XAVPA", "AV Q5.1", "AV",
              "Is that physical access through a human-user interface, i.e. controls meant for "
              "device users to operate by hand? (recorded only)",
              S::kYesNoUnknown,
              {{{C::kYes, '\0', ""}, {C::kNo, '\0', ""}, {C::kUnknown, '\0', ""}}}, 3, true),
      // Attack Complexity.
      Exploit("XACL", "AC Q1", "AC",
              "Can an attacker attempt the exploit at will, with no special circumstances, "
              "configuration, or prior exploitation of other weaknesses?",
              S::kYesNoUnknown, {{{C::kYes, 'L', ""}, {C::kNo, 'H', ""}, {C::kUnknown, 'L', ""}}},
              3),
      // Privileges Required.
      Exploit("XPRL", "PR Q1", "PR",
              "Does the device or component have an authorization model with several users or "
              "roles at different privilege levels?",
              S::kYesNoUnknown,
              {{{C::kYes, '\0', "XPRZ"}, {C::kNo, 'N', ""}, {C::kUnknown, 'N', ""}}}, 3),
      Exploit("XPRZ", "PR Q2", "PR",
              "Must the attacker already be authorized on the affected component to attempt the "
              "exploit?",
              S::kYesNoUnknown,
              {{{C::kYes, '\0', "XPRS"}, {C::kNo, 'N', ""}, {C::kUnknown, 'N', ""}}}, 3, true),
      Exploit("XPRS", "PR Q3", "PR",
              "Does the attempt need administrator, maintainer or other system-level "
              "privileges?",
              S::kYesNoUnknown, {{{C::kYes, 'H', ""}, {C::kNo, 'L', ""}, {C::kUnknown, 'N', ""}}},
              3, true),
      // User Interaction.
      Exploit("XUI", "UI Q1", "UI",
              "Does a successful exploit depend on another user or the victim doing something or "
              "interacting with the system?",
              S::kYesNoUnknown, {{{C::kYes, 'R', ""}, {C::kNo, 'N', ""}, {C::kUnknown, 'N', ""}}},
              3),
      // Scope.
      Exploit("XS", "S Q1", "S",
              "Can the exploit affect a component under a different authority (authorization "
              "scope) than the vulnerable component?",
              S::kYesNoUnknown, {{{C::kYes, 'C', ""}, {C::kNo, 'U', ""}, {C::kUnknown, 'C', ""}}},
              3),
      // Impact, by kind of data or function.
      PhiRead(),
      PhiScale(),
      Impact("XIP", "Q1.I", "I", kPhi, "How far can an attacker change or delete this data?"),
      Impact("XAP", "Q1.A", "A", kPhi, "How far can an attacker make this data unavailable?"),
      Impact("XCD", "Q2.C", "C", kDiagnosis, kRead),
      Impact("XID", "Q2.I", "I", kDiagnosis, kModify),
      Impact("XAD", "Q2.A", "A", kDiagnosis, kDeny),
      Impact("XCT", "Q3.C", "C", kTherapy, kRead),
      Impact("XIT", "Q3.I", "I", kTherapy, kModify),
      Impact("XAT", "Q3.A", "A", kTherapy, kDeny),
      Impact("XCW", "Q4.C", "C", kWorkflow, kRead),
      Impact("XIW", "Q4.I", "I", kWorkflow, kModify),
      Impact("XAW", "Q4.A", "A", kWorkflow, kDeny),
      Impact("XCS", "Q5.C", "C", kSecrets, kRead),
      Impact("XIS", "Q5.I", "I", kSecrets, kModify),
      Impact("XAS", "Q5.A", "A", kSecrets, kDeny),
      Impact("XCO", "Q6.C", "C", kOther, kRead),
      Impact("XIO", "Q6.I", "I", kOther, kModify),
      Impact("XAO", "Q6.A", "A", kOther, kDeny),
  };
  return kTable;
}

}  // namespace

std::span<const RubricQuestion> RubricQuestions() { return Table(); }

const RubricQuestion* FindRubricQuestion(std::string_view id) {
  const auto& table = Table();
  const auto it = std::find_if(table.begin(), table.end(),
                               [id](const RubricQuestion& q) { return q.id == id; });
  return it == table.end() ? nullptr : &*it;
}

}  // namespace medtra::risk::cvss
