// ReadAdvisoryFolder on a zip archive: the same advisories and digest as the folder, bounded
// entries, corrupt archives and entries located.
#include <zip.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "medtra/sbom/advisory.h"

namespace medtra::sbom {
namespace {

using ::testing::HasSubstr;

using Files = std::vector<std::pair<std::string, std::string>>;

// A zip archive of `files`, built in memory with libzip.
std::string MakeZip(const Files& files, zip_int32_t method = ZIP_CM_DEFLATE) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : files) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method, 0);
  }
  zip_close(archive);
  std::string bytes;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  bytes.resize(static_cast<size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

std::string Record(const std::string& id) {
  return R"({"id": ")" + id + R"(", "modified": "2026-01-01T00:00:00Z", "aliases": ["CVE-)" + id +
         R"("], "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "versions": ["1"]}]})";
}

const Files kFiles = {{"npm/GHSA-2.json", Record("GHSA-2")},
                      {"GHSA-1.json", Record("GHSA-1")},
                      {"README.txt", "not a record"},
                      {".hidden/GHSA-9.json", Record("GHSA-9")}};

TEST(AdvisoryZip, ReadsTheSameAdvisoriesAndDigestAsTheFolder) {
  MemoryFileSystem fs;
  for (const auto& [name, content] : kFiles) fs.AddFile("osv/" + name, content);
  fs.AddFile("osv.zip", MakeZip(kFiles));
  DiagnosticSink sink;
  std::string folder_digest, zip_digest;
  const std::vector<Advisory> from_folder = ReadAdvisoryFolder(fs, "osv", sink, &folder_digest);
  const std::vector<Advisory> from_zip = ReadAdvisoryFolder(fs, "osv.zip", sink, &zip_digest);
  EXPECT_EQ(RenderTextAll(sink, nullptr), "");
  ASSERT_EQ(from_zip.size(), 2u);
  EXPECT_EQ(from_zip[0].id, "GHSA-1");
  EXPECT_EQ(from_zip[0].file, "osv.zip/GHSA-1.json");
  EXPECT_EQ(from_zip[1].file, "osv.zip/npm/GHSA-2.json");
  ASSERT_EQ(from_folder.size(), 2u);
  EXPECT_EQ(from_folder[1].file, "osv/npm/GHSA-2.json");
  EXPECT_EQ(zip_digest, folder_digest);  // the digest is of names below the root and contents
  EXPECT_EQ(zip_digest.size(), 64u);
}

TEST(AdvisoryZip, AStoredArchiveReadsLikeADeflatedOne) {
  MemoryFileSystem fs;
  fs.AddFile("osv.zip", MakeZip(kFiles, ZIP_CM_STORE));
  DiagnosticSink sink;
  EXPECT_EQ(ReadAdvisoryFolder(fs, "osv.zip", sink).size(), 2u);
  EXPECT_FALSE(sink.has_errors()) << RenderTextAll(sink, nullptr);
}

TEST(AdvisoryZip, ABadEntryIsLocatedInsideTheArchive) {
  MemoryFileSystem fs;
  fs.AddFile("osv.zip",
             MakeZip({{"GHSA-1.json", Record("GHSA-1")}, {"bad.json", "{\n  \"id\": 1}"}}));
  DiagnosticSink sink;
  EXPECT_EQ(ReadAdvisoryFolder(fs, "osv.zip", sink).size(), 1u);
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "osv.zip/bad.json:2:9: error: expected a string for 'id', found number [wrong-type]\n"
            "osv.zip/bad.json:1:1: error: missing required 'modified' [missing-key]\n");
}

TEST(AdvisoryZip, AnEntryThatExpandsBeyondTheLimitIsRefused) {
  MemoryFileSystem fs;
  const std::string huge((size_t{64} << 20) + 1, ' ');
  fs.AddFile("osv.zip", MakeZip({{"big.json", huge}, {"GHSA-1.json", Record("GHSA-1")}}));
  EXPECT_LT(fs.files().at("osv.zip").size(), size_t{1} << 20);  // a small archive
  DiagnosticSink sink;
  EXPECT_EQ(ReadAdvisoryFolder(fs, "osv.zip", sink).size(), 1u);
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "osv.zip/big.json: error: the entry expands to more than 64 MiB [unreadable-file]\n");
}

TEST(AdvisoryZip, CorruptArchivesAndEntries) {
  MemoryFileSystem fs;
  std::string zip = MakeZip({{"GHSA-1.json", Record("GHSA-1")}}, ZIP_CM_STORE);
  fs.AddFile("truncated.zip", zip.substr(0, zip.size() / 2));
  fs.AddFile("text.zip", "not a zip archive at all");
  const size_t content = zip.find("GHSA-1\"");  // the stored record: its CRC no longer holds
  ASSERT_NE(content, std::string::npos);
  zip[content] = 'X';
  fs.AddFile("crc.zip", zip);
  for (const std::string name : {"truncated.zip", "text.zip"}) {
    DiagnosticSink sink;
    EXPECT_TRUE(ReadAdvisoryFolder(fs, name, sink).empty());
    EXPECT_THAT(RenderTextAll(sink, nullptr),
                HasSubstr(name + ": error: not a readable zip archive: "));
  }
  DiagnosticSink sink;
  EXPECT_TRUE(ReadAdvisoryFolder(fs, "crc.zip", sink).empty());
  EXPECT_EQ(RenderTextAll(sink, nullptr),
            "crc.zip/GHSA-1.json: error: CRC error [unreadable-file]\n");
}

TEST(AdvisoryFolder, AnNvdPageAndAnOsvRecordOfOneIdAreOneAdvisory) {
  MemoryFileSystem fs;
  fs.AddFile("adv/osv/CVE-2026-2000.json",
             R"({"id": "CVE-2026-2000", "modified": "2026-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "versions": ["1"]}]})");
  fs.AddFile("adv/nvd/page-0.json", R"({"format": "NVD_CVE", "version": "2.0", "vulnerabilities": [
    {"cve": {"id": "CVE-2026-2000", "metrics": {"cvssMetricV31": [{"cvssData":
       {"vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}]},
     "configurations": [{"nodes": [{"cpeMatch": [{"vulnerable": true,
       "criteria": "cpe:2.3:a:acme:x:*:*:*:*:*:*:*:*", "versionEndExcluding": "2"}]}]}]}},
    {"cve": {"id": "CVE-2026-2001"}}]})");
  DiagnosticSink sink;
  const std::vector<Advisory> advisories = ReadAdvisoryFolder(fs, "adv", sink);
  EXPECT_EQ(RenderTextAll(sink, nullptr), "");
  ASSERT_EQ(advisories.size(), 2u);
  EXPECT_EQ(advisories[0].source, Advisory::Source::kOsv);
  EXPECT_EQ(advisories[0].affected.size(), 1u);
  ASSERT_EQ(advisories[0].cpes.size(), 1u);  // gained from the NVD page
  EXPECT_EQ(advisories[0].cvss.size(), 1u);
  EXPECT_EQ(advisories[1].id, "CVE-2026-2001");
  EXPECT_EQ(advisories[1].source, Advisory::Source::kNvd);
}

}  // namespace
}  // namespace medtra::sbom
