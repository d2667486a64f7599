// RenderHtml: the exact page of a small diff, and hostile model texts that stay text.
#include <gtest/gtest.h>

#include "medtra/diff/diff.h"

namespace medtra::diff {
namespace {

using Json = nlohmann::ordered_json;

Json SmallDiff(const std::string& name) {
  return Json::parse(R"({
    "format": "medtra-diff", "old": {"path": "old"}, "new": {"path": "new"},
    "model": {"added": [{"section": "flows", "id": "F-x"}], "removed": [],
              "changed": [{"section": "components", "id": "c1",
                           "changes": [{"attribute": "name", "old": "A", "new": )" +
                     Json(name).dump() + R"(}]}]},
    "analysis": {"threats": {"added": [], "removed": [], "changed": []},
                 "risks": {"added": [], "removed": [], "changed": []},
                 "measures": {"added": [], "removed": [], "changed": []},
                 "findings": {"added": ["rule@c1"], "removed": []}},
    "assessment": {"sbom": {"touched": true, "evidence": ["e1", "e2"]},
                   "questions": [{"source": "FDA", "id": "Q1", "question": "Is it?",
                                  "evidence_found": true, "evidence": ["c1 name"]},
                                 {"source": "IEC 62304", "id": "8.2", "question": "Why?",
                                  "evidence_found": false, "evidence": []}]}})");
}

TEST(DiffHtmlTest, TheSmallDiffAsAnExactPage) {
  const std::string expected =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
      "td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}"
      "</style>\n"
      "<title>Changes from old to new</title>\n</head>\n<body>\n"
      "<h1>Changes from old to new</h1>\n"
      "<h2>Model</h2>\n<p>Added:</p>\n<ul>\n<li>flows F-x</li>\n</ul>\n"
      "<table>\n<tr><th>element</th><th>attribute</th><th>old</th><th>new</th></tr>\n"
      "<tr><td>components c1</td><td>name</td><td>A</td><td>B</td></tr>\n</table>\n"
      "<h2>Threats</h2>\n<p>No change.</p>\n<h2>Risks</h2>\n<p>No change.</p>\n"
      "<h2>Measures</h2>\n<p>No change.</p>\n"
      "<h2>Findings</h2>\n<p>Added:</p>\n<ul>\n<li>rule@c1</li>\n</ul>\n"
      "<h2>Assessment</h2>\n<table>\n<tr><th>what the change touches</th><th>touched</th>"
      "<th>evidence</th></tr>\n<tr><td>sbom</td><td>yes</td><td>e1<br>e2</td></tr>\n</table>\n"
      "<h2>Change-control questions</h2>\n<ul>\n"
      "<li><strong>FDA Q1</strong>: Is it? Evidence in this diff:\n<ul>\n<li>c1 name</li>\n"
      "</ul>\n</li>\n"
      "<li><strong>IEC 62304 8.2</strong>: Why? No evidence in this diff.</li>\n</ul>\n"
      "</body>\n</html>\n";
  EXPECT_EQ(RenderHtml(SmallDiff("B")), expected);
}

TEST(DiffHtmlTest, HostileNamesAreEscapedText) {
  const std::string page =
      RenderHtml(SmallDiff("<script>alert(\"x\")</script>' onload='y' &amp; <img src=x>"));
  EXPECT_NE(page.find("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; "
                      "onload=&#39;y&#39; &amp;amp; &lt;img src=x&gt;</td>"),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("http"), page.find("http-equiv"));  // no URL, no external resource
}

}  // namespace
}  // namespace medtra::diff
