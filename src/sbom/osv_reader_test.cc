// ReadOsvRecord on the OSV project's own records and on hostile ones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/advisory.h"
#include "tests/testing/sbom_files.h"
#include "tests/testing/shared_data.h"

namespace medtra::sbom {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::optional<Advisory> Sample(const std::string& name) {
  DiagnosticSink sink;
  const std::string path = testing::SharedDataPath("samples/osv/" + name);
  std::optional<Advisory> advisory = ReadOsvRecord(path, testing::ReadText(path), sink);
  EXPECT_TRUE(sink.diagnostics().empty()) << RenderTextAll(sink, nullptr);
  return advisory;
}

std::string Errors(std::string_view text) {
  DiagnosticSink sink;
  EXPECT_FALSE(ReadOsvRecord("a.json", text, sink).has_value());
  return RenderTextAll(sink, nullptr);
}

TEST(OsvReader, ReadsTheDebianExampleOfTheSchema) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const std::optional<Advisory> a =
      Sample("osv-schema_docs_schema.md_Debian-example_DSA-3029-1.json");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->id, "DSA-3029-1");
  EXPECT_THAT(a->aliases, ElementsAre("CVE-2014-3616"));
  EXPECT_EQ(a->modified, "2014-09-20T08:18:07Z");
  ASSERT_EQ(a->affected.size(), 1u);
  EXPECT_EQ(a->affected[0].ecosystem, "Debian:7");
  EXPECT_EQ(a->affected[0].name, "nginx");
  ASSERT_EQ(a->affected[0].ranges.size(), 1u);
  const AdvisoryRange& r = a->affected[0].ranges[0];
  EXPECT_EQ(r.type, AdvisoryRange::Type::kEcosystem);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].kind, OsvEvent::Kind::kIntroduced);
  EXPECT_EQ(r.events[0].version, "0");
  EXPECT_EQ(r.events[1].kind, OsvEvent::Kind::kFixed);
  EXPECT_EQ(r.events[1].version, "1.2.1-2.2+wheezy3");
}

TEST(OsvReader, ReadsEveryLinterSample) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  const std::optional<Advisory> alpine = Sample("osv-schema_osv-linter_CVE-2018-5407.json");
  ASSERT_TRUE(alpine.has_value());
  EXPECT_EQ(alpine->affected.size(), 7u);
  EXPECT_EQ(alpine->affected[0].ecosystem, "Alpine:v3.3");
  EXPECT_EQ(alpine->affected[0].purl, "pkg:apk/alpine/openssl?arch=source");
  EXPECT_THAT(alpine->cvss, ElementsAre("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N"));

  const std::optional<Advisory> git = Sample("osv-schema_osv-linter_CVE-2023-41045.json");
  ASSERT_TRUE(git.has_value());
  ASSERT_EQ(git->affected.size(), 1u);
  EXPECT_EQ(git->affected[0].ecosystem, "");
  ASSERT_EQ(git->affected[0].ranges.size(), 1u);
  EXPECT_EQ(git->affected[0].ranges[0].type, AdvisoryRange::Type::kGit);
  EXPECT_EQ(git->affected[0].ranges[0].repo, "https://github.com/graylog2/graylog2-server");
  EXPECT_EQ(git->affected[0].ranges[0].events.size(), 3u);

  const std::optional<Advisory> ghsa = Sample("osv-schema_osv-linter_GHSA-9v2f-6vcg-3hgv.json");
  ASSERT_TRUE(ghsa.has_value());
  EXPECT_EQ(ghsa->affected[0].name, "Gradio");
  EXPECT_EQ(ghsa->affected[0].versions.size(), 2u);
  EXPECT_TRUE(ghsa->affected[0].ranges.empty());

  const std::optional<Advisory> go = Sample("osv-schema_osv-linter_GO-2024-2963.json");
  ASSERT_TRUE(go.has_value());
  EXPECT_EQ(go->affected[0].ranges[0].type, AdvisoryRange::Type::kSemver);
  EXPECT_EQ(go->affected[0].ranges[0].events.size(), 4u);

  const std::optional<Advisory> pysec = Sample("osv-schema_osv-linter_PYSEC-2023-74.json");
  ASSERT_TRUE(pysec.has_value());
  EXPECT_THAT(pysec->aliases, ElementsAre("CVE-2023-32681", "GHSA-j8r2-6x86-q33q"));
  EXPECT_EQ(pysec->affected[0].ranges.size(), 2u);
  EXPECT_EQ(pysec->affected[0].versions.size(), 66u);
}

TEST(OsvReader, WrongTypesAreLocated) {
  EXPECT_EQ(Errors("{\"id\": 7, \"modified\": \"2026-01-01T00:00:00Z\"}"),
            "a.json:1:8: error: expected a string for 'id', found number [wrong-type]\n");
  EXPECT_EQ(Errors("{\"id\": \"X-1\", \"modified\": \"2026-01-01T00:00:00Z\",\n"
                   " \"affected\": {}}"),
            "a.json:2:14: error: expected an array for 'affected', found object [wrong-type]\n");
  EXPECT_EQ(Errors("[]"),
            "a.json:1:1: error: expected an object for 'the OSV record', found "
            "array [wrong-type]\n");
}

TEST(OsvReader, MissingIdAndModifiedAreErrors) {
  EXPECT_EQ(Errors("{}"),
            "a.json:1:1: error: missing required 'id' [missing-key]\n"
            "a.json:1:1: error: missing required 'modified' [missing-key]\n");
}

TEST(OsvReader, MalformedEventsAreLocated) {
  const std::string head =
      "{\"id\": \"X-1\", \"modified\": \"2026-01-01T00:00:00Z\", \"affected\": "
      "[{\"package\": {\"ecosystem\": \"npm\", \"name\": \"a\"}, \"ranges\": "
      "[{\"type\": ";
  EXPECT_THAT(Errors(head + "\"SEMVER\", \"events\": [{\"introduced\": \"0\", \"fixed\": "
                            "\"1.0.0\"}]}]}]}"),
              HasSubstr("an event has exactly one of introduced, fixed, last_affected, limit "
                        "[osv-event]"));
  EXPECT_THAT(Errors(head + "\"SEMVER\", \"events\": [{\"fixd\": \"1.0.0\"}]}]}]}"),
              HasSubstr("unknown event 'fixd' (introduced, fixed, last_affected or limit)"));
  EXPECT_THAT(Errors(head + "\"SEMVER\", \"events\": [{\"fixed\": \"1.0.0\"}]}]}]}"),
              HasSubstr("a range has no 'introduced' event [osv-range]"));
  EXPECT_THAT(Errors(head + "\"SEMVER\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": "
                            "\"2\"}, {\"last_affected\": \"1\"}]}]}]}"),
              HasSubstr("a range has both 'fixed' and 'last_affected' events [osv-range]"));
  EXPECT_THAT(Errors(head + "\"RANGE\", \"events\": []}]}]}"),
              HasSubstr("unknown range type 'RANGE' (SEMVER, ECOSYSTEM or GIT) [osv-range]"));
  EXPECT_THAT(Errors(head + "\"GIT\", \"events\": [{\"introduced\": \"0\"}]}]}]}"),
              HasSubstr("missing required 'repo' [missing-key]"));
}

TEST(OsvReader, HostileInputIsAnErrorNotACrash) {
  EXPECT_THAT(Errors(std::string("\x00\xff\xfe{", 4)), HasSubstr("a.json:1:1: error:"));
  EXPECT_THAT(Errors(std::string(100000, '[')), HasSubstr("a.json:1:65: error:"));
  EXPECT_THAT(Errors("{\"id\": \"a\", \"id\": \"b\"}"), HasSubstr("duplicate"));
}

TEST(KevCatalog, ReadsEntriesById) {
  DiagnosticSink sink;
  const std::optional<KevCatalog> kev =
      ReadKevCatalog("kev.json",
                     R"({"catalogVersion": "2026.11.30", "vulnerabilities": [
        {"cveID": "CVE-2026-0001", "dateAdded": "2026-11-01", "dueDate": "2026-11-22",
         "knownRansomwareCampaignUse": "Unknown"}]})",
                     sink);
  ASSERT_TRUE(kev.has_value()) << RenderTextAll(sink, nullptr);
  EXPECT_EQ(kev->version, "2026.11.30");
  ASSERT_NE(kev->Find("CVE-2026-0001"), nullptr);
  EXPECT_EQ(kev->Find("CVE-2026-0001")->due_date, "2026-11-22");
  EXPECT_EQ(kev->Find("CVE-2026-0002"), nullptr);
  DiagnosticSink bad;
  EXPECT_FALSE(ReadKevCatalog("kev.json", R"({"vulnerabilities": [{"dateAdded": 1}]})", bad));
  EXPECT_EQ(RenderTextAll(bad, nullptr),
            "kev.json:1:22: error: missing required 'cveID' [missing-key]\n"
            "kev.json:1:36: error: expected a string for 'dateAdded', found number "
            "[wrong-type]\n");
}

TEST(AdvisoryFolder, ReadsRecordsSortedAndReportsBadAndDuplicateOnes) {
  MemoryFileSystem fs;
  const std::string record = R"({"id": "%", "modified": "2026-01-01T00:00:00Z"})";
  auto with_id = [&](const std::string& id) {
    std::string text = record;
    text.replace(text.find('%'), 1, id);
    return text;
  };
  ASSERT_TRUE(fs.WriteFileAtomic("osv/b/B-1.json", with_id("B-1")).ok());
  ASSERT_TRUE(fs.WriteFileAtomic("osv/a.json", with_id("A-1")).ok());
  ASSERT_TRUE(fs.WriteFileAtomic("osv/c.json", with_id("A-1")).ok());
  ASSERT_TRUE(fs.WriteFileAtomic("osv/bad.json", "{").ok());
  ASSERT_TRUE(fs.WriteFileAtomic("osv/readme.txt", "not a record").ok());
  DiagnosticSink sink;
  const std::vector<Advisory> advisories = ReadAdvisoryFolder(fs, "osv", sink);
  ASSERT_EQ(advisories.size(), 2u);  // the duplicate is reported and left out
  EXPECT_EQ(advisories[0].id, "A-1");
  EXPECT_EQ(advisories[0].file, "osv/a.json");
  EXPECT_EQ(advisories[1].id, "B-1");
  const std::string errors = RenderTextAll(sink, nullptr);
  EXPECT_THAT(errors, HasSubstr("osv/bad.json:1:2: error:"));
  EXPECT_THAT(errors, HasSubstr("osv/c.json:1:1: error: advisory 'A-1' is also in osv/a.json "
                                "[duplicate-advisory]"));
  DiagnosticSink missing;
  EXPECT_TRUE(ReadAdvisoryFolder(fs, "nowhere", missing).empty());
  EXPECT_EQ(RenderTextAll(missing, nullptr),
            "nowhere: error: not a folder or zip archive of advisories [unreadable-file]\n");
}

}  // namespace
}  // namespace medtra::sbom
