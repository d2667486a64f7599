// The instructions for secure use: user measures and labeling items, Markdown and HTML.
#include "medtra/report/instructions.h"

#include <gtest/gtest.h>

#include "trace/test_model.h"

namespace medtra::report {
namespace {

TEST(ReportInstructions, ListsUserMeasuresAndEveryLabelingItem) {
  MemoryFileSystem fs;
  fs.AddFile("m/system.yaml", trace::testing::kSystemYaml);
  fs.AddFile("m/labeling.yaml", R"(labeling:
  - {item: recommended-controls, text: Use a <trusted> phone & network., measures: [M-lock]}
  - {item: backup-restore, not_applicable: Nothing to back up.}
)");
  DiagnosticSink sink;
  const auto model = trace::testing::LoadTestModel(fs, "m", sink);
  ASSERT_TRUE(model) << RenderTextAll(sink, nullptr);
  EXPECT_TRUE(sink.diagnostics().empty()) << RenderTextAll(sink, nullptr);
  const std::string md = RenderInstructionsMarkdown(*model);
  EXPECT_EQ(md.substr(0, md.find('\n')), "# Instructions for secure use: Infusion pump");
  EXPECT_NE(md.find("### M-lock: Lock the phone\n\nLock the phone with a PIN.\n\n"
                    "- Reduces risk 1: Attacker changes the dose\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("### 1. Security controls recommended for the use environment\n\n"
                    "Use a \\<trusted> phone & network.\n\n- See M-lock: Lock the phone\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("### 9. Backup and restore\n\nNot applicable: Nothing to back up.\n"),
            std::string::npos);
  EXPECT_NE(md.find("### 14. Secure decommissioning and sanitization\n\n"
                    "*Open: not addressed in the model yet.*\n"),
            std::string::npos);
  const std::string html = RenderInstructionsHtml(*model);
  EXPECT_NE(html.find("<p>Use a &lt;trusted&gt; phone &amp; network.</p>"), std::string::npos);
  EXPECT_NE(html.find("<ul>\n<li>See M-lock: Lock the phone</li>\n</ul>"), std::string::npos);
}

}  // namespace
}  // namespace medtra::report
