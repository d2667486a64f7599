// Test helpers for the oracle tests: a seeded generator of version strings and a runner that
// sends one batch of lines to a reference implementation and reads one answer per line.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/testing/run_command.h"

namespace medtra::testing {

/// A deterministic source of choices (std::mt19937 is specified exactly; its distributions are
/// not, so they are avoided).
class Choices {
 public:
  explicit Choices(std::uint32_t seed) : engine_(seed) {}
  /// 0 .. n-1.
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  /// True with probability percent/100.
  bool Percent(int percent) { return static_cast<int>(Below(100)) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& pool) {
    return pool[Below(pool.size())];
  }
  std::string_view Pick(std::initializer_list<std::string_view> pool) {
    return pool.begin()[Below(pool.size())];
  }

 private:
  std::mt19937 engine_;
};

/// Runs `args` once with `lines` (joined by '\n') on stdin; the output's lines, one per input
/// line, or an empty vector with a failure when the oracle failed.
inline std::vector<std::string> RunOracle(const std::vector<std::string>& args,
                                          const std::vector<std::string>& lines) {
  std::string input;
  for (const std::string& line : lines) input += line + "\n";
  const CommandResult result = RunCommand(args, input);
  std::vector<std::string> out;
  if (result.exit_code != 0) {
    ADD_FAILURE() << "oracle " << args[0] << " exited with " << result.exit_code << ": "
                  << result.err;
    return out;
  }
  std::istringstream stream(result.out);
  for (std::string line; std::getline(stream, line);) out.push_back(line);
  if (out.size() != lines.size()) {
    ADD_FAILURE() << "oracle " << args[0] << " gave " << out.size() << " answers for "
                  << lines.size() << " questions";
    out.clear();
  }
  return out;
}

/// "-1", "0", "1" or "invalid" for a comparison result.
inline std::string CompareText(std::optional<int> c) {
  if (!c) return "invalid";
  return *c < 0 ? "-1" : (*c > 0 ? "1" : "0");
}

/// Counts disagreements and reports the first few.
class Disagreements {
 public:
  void Check(const std::string& question, const std::string& ours, const std::string& theirs) {
    ++checked_;
    ++answers_[theirs];
    if (ours == theirs) return;
    if (++count_ <= 20) {
      ADD_FAILURE() << "disagreement on [" << question << "]: medtra " << ours << ", oracle "
                    << theirs;
    }
  }
  int count() const { return count_; }
  int checked() const { return checked_; }
  /// How often the oracle gave `answer`.
  int Answers(const std::string& answer) const {
    const auto it = answers_.find(answer);
    return it == answers_.end() ? 0 : it->second;
  }
  /// "-1: 4100, 0: 700, ..." for a failure message.
  std::string Histogram() const {
    std::string out;
    for (const auto& [answer, n] : answers_) {
      out += (out.empty() ? "" : ", ") + answer + ": " + std::to_string(n);
    }
    return out;
  }
  /// The verdict of an oracle run: no disagreement, at least 10,000 pairs, each answer of
  /// `variety` at least 100 times; prints the pairs' histogram.
  void ExpectAgreement(const std::vector<std::string>& variety) const {
    EXPECT_EQ(count(), 0) << "of " << checked() << " pairs";
    EXPECT_GE(checked(), 10000);
    ExpectVariety(variety, 100);
    std::cout << "pairs " << checked() << ": " << Histogram() << "\n";
  }
  /// Fails unless every answer in `answers` occurs at least `minimum` times (a generator that
  /// only produced invalid or equal pairs would prove little).
  void ExpectVariety(const std::vector<std::string>& answers, int minimum) const {
    for (const std::string& answer : answers) {
      EXPECT_GE(Answers(answer), minimum) << "answer " << answer << " too rare: " << Histogram();
    }
  }

 private:
  std::map<std::string, int> answers_;
  int count_ = 0;
  int checked_ = 0;
};

/// A version with small changes, so that many pairs are close (equal, off by a suffix).
inline std::string Mutate(Choices& choices, std::string v,
                          const std::vector<std::string>& suffixes) {
  switch (choices.Below(4)) {
    case 0:
      return v;
    case 1:
      return v + choices.Pick(suffixes);
    case 2:
      if (!v.empty()) v.pop_back();
      return v + choices.Pick(suffixes);
    default:
      for (char& c : v) {
        if (c >= '0' && c <= '8' && choices.Percent(30)) {
          ++c;
          break;
        }
      }
      return v;
  }
}

}  // namespace medtra::testing
