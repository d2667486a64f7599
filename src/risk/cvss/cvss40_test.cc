// CVSS 4.0: the public reference vectors, rounding ties, order rules and exact parser errors.
#include "medtra/risk/cvss/cvss40.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "medtra/base/strings.h"
#include "tests/testing/shared_data.h"

namespace medtra::risk::cvss {
namespace {

constexpr char kBase[] = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

std::string Score40(std::string_view vector) {
  Result<Cvss40Vector> parsed = ParseCvss40(vector);
  if (!parsed.ok()) return "error: " + parsed.message();
  return FormatScore(ScoreCvss40(*parsed).score);
}

std::string Error(std::string_view vector) {
  Result<Cvss40Vector> parsed = ParseCvss40(vector);
  return parsed.ok() ? "ok" : parsed.message();
}

TEST(Cvss40Test, EveryPublicReferenceVectorIsExact) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  std::ifstream file(medtra::testing::SharedDataPath("cvss/cvss40_public.tsv"));
  ASSERT_TRUE(file) << "missing " << medtra::testing::SharedDataPath("cvss/cvss40_public.tsv");
  std::string line;
  int count = 0;
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> f = Split(line, '\t');
    ASSERT_EQ(f.size(), 3u) << line;
    Result<Cvss40Vector> parsed = ParseCvss40(f[0]);
    ASSERT_TRUE(parsed.ok()) << f[0] << ": " << parsed.message();
    const Score score = ScoreCvss40(*parsed).score;
    EXPECT_EQ(f[0] + "\t" + FormatScore(score) + "\t" + std::string(RatingName(score.rating())),
              line);
    ++count;
  }
  EXPECT_EQ(count, 34135);
}

TEST(Cvss40Test, ExactTiesRoundHalfUp) {
  // Unrounded 8.55, 0.35 and 8.95: floating-point arithmetic lands just below the tie and rounds
  // down; FIRST's November 2024 fix (and exact arithmetic) rounds them up.
  EXPECT_EQ(Score40("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H"), "8.6");
  EXPECT_EQ(Score40("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U"), "0.4");
  EXPECT_EQ(Score40("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P"), "9.0");
  EXPECT_EQ(Score40("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:P/CR:L/"
                    "IR:L/AR:L/MAV:N/MAC:L/MAT:N/MPR:L/MUI:A/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/"
                    "S:P/AU:Y/R:I/V:C/RE:H/U:Red"),
            "8.5");
}

TEST(Cvss40Test, MacroVectorAndNomenclature) {
  const Cvss40Result b = ScoreCvss40(*ParseCvss40(kBase));
  EXPECT_EQ(FormatScore(b.score), "9.3");
  EXPECT_EQ(FormatMacroVector(b.macro_vector), "000200");
  EXPECT_EQ(Cvss40NomenclatureName(b.nomenclature), "CVSS-B");
  const std::string base = kBase;
  EXPECT_EQ(ScoreCvss40(*ParseCvss40(base + "/E:U")).nomenclature, Cvss40Nomenclature::kBT);
  EXPECT_EQ(ScoreCvss40(*ParseCvss40(base + "/CR:L")).nomenclature, Cvss40Nomenclature::kBE);
  EXPECT_EQ(ScoreCvss40(*ParseCvss40(base + "/E:U/MAV:L")).nomenclature, Cvss40Nomenclature::kBTE);
  // Explicit X is Not Defined: still CVSS-B.
  EXPECT_EQ(ScoreCvss40(*ParseCvss40(base + "/E:X/CR:X")).nomenclature, Cvss40Nomenclature::kB);
}

TEST(Cvss40Test, EachMetricGroupMoves) {
  const std::string base = kBase;
  EXPECT_EQ(Score40(base), "9.3");
  EXPECT_EQ(Score40(base + "/E:A"), "9.3");  // E:X counts as Attacked
  EXPECT_EQ(Score40(base + "/E:P"), "8.9");
  EXPECT_EQ(Score40(base + "/E:U"), "8.1");  // MacroVector 000220, already its highest vector
  EXPECT_EQ(Score40(base + "/MAV:P"), Score40("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/"
                                              "SC:N/SI:N/SA:N"));
  EXPECT_EQ(Score40(base + "/MSI:S"), "10.0");
  EXPECT_EQ(Score40(base + "/MVC:N/MVI:N/MVA:N"), "0.0");
  EXPECT_EQ(Score40("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N"), "0.0");
  // Supplemental metrics never change the score.
  EXPECT_EQ(Score40(base + "/S:P/AU:Y/R:I/V:C/RE:H/U:Amber"), "9.3");
}

TEST(Cvss40Test, EveryBaseVectorScoresWithinRange) {
  // All 104,976 base vectors, plain and with threat/environmental variations: the highest-severity
  // vector tables must cover each one (asserted in ScoreCvss40) and scores stay within 0..10.
  const char* av[] = {"N", "A", "L", "P"};
  const char* two[] = {"L", "H"};
  const char* at[] = {"N", "P"};
  const char* pr[] = {"N", "L", "H"};
  const char* ui[] = {"N", "P", "A"};
  const char* cia[] = {"H", "L", "N"};
  const char* suffixes[] = {"", "/E:U/CR:L/IR:M/AR:H", "/MSI:S", "/E:P/CR:H/MSA:S"};
  int count = 0;
  for (const char* a : av)
    for (const char* c : two)
      for (const char* t : at)
        for (const char* p : pr)
          for (const char* u : ui)
            for (int impact = 0; impact < 729; ++impact) {
              std::string v = std::string("CVSS:4.0/AV:") + a + "/AC:" + c + "/AT:" + t +
                              "/PR:" + p + "/UI:" + u;
              const char* names[] = {"VC", "VI", "VA", "SC", "SI", "SA"};
              int rest = impact;
              for (const char* name : names) {
                v += std::string("/") + name + ":" + cia[rest % 3];
                rest /= 3;
              }
              const std::string& suffix = suffixes[count % 4];
              const Result<Cvss40Vector> parsed = ParseCvss40(v + suffix);
              ASSERT_TRUE(parsed.ok()) << v << suffix;
              const int tenths = ScoreCvss40(*parsed).score.tenths;
              ASSERT_GE(tenths, 0);
              ASSERT_LE(tenths, 100);
              ++count;
            }
  EXPECT_EQ(count, 104976);
}

TEST(Cvss40Test, ParserErrorsNameTheFault) {
  const std::string base = kBase;
  EXPECT_EQ(Error(base + "/SA:N"), "duplicate metric 'SA'");
  EXPECT_EQ(Error(base + "/E:A/E:X"), "duplicate metric 'E'");
  EXPECT_EQ(Error("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VI:H/VA:H/SC:N/SI:N/SA:N"),
            "missing mandatory metric 'VC'");
  EXPECT_EQ(Error("CVSS:4.0/AV:N/AC:L/AT:X/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
            "unknown value 'X' for metric 'AT'");
  EXPECT_EQ(Error(base + "/E:H"), "unknown value 'H' for metric 'E'");
  EXPECT_EQ(Error(base + "/MSA:M"), "unknown value 'M' for metric 'MSA'");
  EXPECT_EQ(Error(base + "/U:Blue"), "unknown value 'Blue' for metric 'U'");
  EXPECT_EQ(Error(base + "/U:amber"),
            "unknown value 'amber' for metric 'U' (did you mean 'Amber'?)");
  EXPECT_EQ(Error(base + "/ui:N"), "unknown metric 'ui' (did you mean 'UI'?)");
  EXPECT_EQ(Error(base + "/XX:N"), "unknown metric 'XX'");
  EXPECT_EQ(Error("CVSS:4.0//AV:N"), "empty metric at column 10 (doubled '/')");
  EXPECT_EQ(Error("CVSS:4/AV:N"), "unsupported CVSS version '4' (expected 3.1 or 4.0)");
  EXPECT_EQ(Error("cvss:4.0/AV:N"),
            "invalid prefix 'cvss:4.0' (expected 'CVSS:3.1' or 'CVSS:4.0')");
  EXPECT_EQ(Error("CVSS:4.0/"), "no metrics after 'CVSS:4.0/'");
}

TEST(Cvss40Test, MetricsMustFollowTheSpecificationOrder) {
  EXPECT_EQ(Error("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N"),
            "metric 'VI' out of order: it must come before 'SC'");
  EXPECT_EQ(Error("CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
            "metric 'AV' out of order: it must come before 'AC'");
  EXPECT_EQ(Error(std::string(kBase) + "/MAV:N/E:A"),
            "metric 'E' out of order: it must come before 'MAV'");
  EXPECT_EQ(Error(std::string(kBase) + "/U:Red/S:N"),
            "metric 'S' out of order: it must come before 'U'");
}

TEST(Cvss40Test, FormatIsCanonical) {
  const Result<Cvss40Vector> v = ParseCvss40(std::string(kBase) + "/E:X/MAV:A/U:Green");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(FormatCvss40(*v), std::string(kBase) + "/MAV:A/U:Green");
  EXPECT_EQ(v->Value(Cvss40Metric::kU), "Green");
  EXPECT_EQ(Cvss40MetricKey(Cvss40Metric::kMSI), "MSI");
}

}  // namespace
}  // namespace medtra::risk::cvss
