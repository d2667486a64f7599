// Tests of the purl parser and printer: every vector of purl-spec's specification and deb tests,
// and the normalisation and round-trip properties.
#include "medtra/sbom/purl.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/testing/shared_data.h"

namespace medtra::sbom {
namespace {

std::string OrEmpty(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : "";
}

Purl PartsOf(const nlohmann::json& object) {
  Purl parts;
  parts.type = OrEmpty(object["type"]);
  parts.namespace_ = OrEmpty(object["namespace"]);
  parts.name = OrEmpty(object["name"]);
  parts.version = OrEmpty(object["version"]);
  parts.subpath = OrEmpty(object["subpath"]);
  if (object["qualifiers"].is_object()) {
    for (const auto& [key, value] : object["qualifiers"].items()) parts.qualifiers[key] = value;
  }
  return parts;
}

// Runs every vector of a purl-spec test file; returns how many ran.
int RunVectors(const std::string& file) {
  std::ifstream in(testing::SharedDataPath("samples/purl-vers/" + file));
  EXPECT_TRUE(in) << file;
  const nlohmann::json tests = nlohmann::json::parse(in)["tests"];
  int ran = 0;
  for (const nlohmann::json& test : tests) {
    const std::string type = test["test_type"];
    const bool fails = test["expected_failure"];
    SCOPED_TRACE(type + ": " + test["description"].get<std::string>() + ": " +
                 test["input"].dump());
    std::string error;
    std::optional<Purl> purl;
    if (type == "build") {
      purl = MakePurl(PartsOf(test["input"]), &error);
    } else {
      purl = ParsePurl(test["input"].get<std::string>(), &error);
    }
    ++ran;
    if (fails) {
      EXPECT_FALSE(purl.has_value()) << purl->ToString();
      EXPECT_FALSE(error.empty());
      continue;
    }
    EXPECT_TRUE(purl.has_value()) << error;
    if (!purl) continue;
    if (type == "parse") {
      EXPECT_EQ(*purl, PartsOf(test["expected_output"]));
    } else {
      EXPECT_EQ(purl->ToString(), test["expected_output"].get<std::string>());
    }
    // Canonical forms read back as the same purl.
    EXPECT_EQ(ParsePurl(purl->ToString(), &error), purl);
  }
  return ran;
}

TEST(PurlTest, EverySpecificationVector) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(RunVectors("purl-spec_tests_spec_specification-test.json"), 18);
}

TEST(PurlTest, EveryDebVector) {
  MEDTRA_SKIP_WITHOUT_SHARED_DATA();
  EXPECT_EQ(RunVectors("purl-spec_tests_types_deb-test.json"), 19);
}

TEST(PurlTest, ParsesEveryPart) {
  std::string error;
  const auto purl = ParsePurl(
      "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&upstream=openssl#usr/lib", &error);
  ASSERT_TRUE(purl) << error;
  EXPECT_EQ(purl->type, "deb");
  EXPECT_EQ(purl->namespace_, "debian");
  EXPECT_EQ(purl->name, "openssl");
  EXPECT_EQ(purl->version, "3.0.11-1~deb12u2");
  EXPECT_EQ(purl->Qualifier("upstream"), "openssl");
  EXPECT_EQ(purl->Qualifier("distro"), "");
  EXPECT_EQ(purl->subpath, "usr/lib");
}

TEST(PurlTest, NormalisesPerType) {
  std::string error;
  EXPECT_EQ(ParsePurl("PKG:PyPI/Django_Rest@1.0", &error)->ToString(), "pkg:pypi/django-rest@1.0");
  EXPECT_EQ(ParsePurl("pkg:npm/%40Angular/Core@12.3.1", &error)->ToString(),
            "pkg:npm/%40angular/core@12.3.1");
  EXPECT_EQ(ParsePurl("pkg:npm/@angular/core", &error)->namespace_, "@angular");
  EXPECT_EQ(ParsePurl("pkg:maven/Org.Apache/Commons@1.0", &error)->ToString(),
            "pkg:maven/Org.Apache/Commons@1.0");
  EXPECT_EQ(ParsePurl("pkg://golang//github.com/x//y@v1?Z=1&a=&b=2#./a/../b/", &error)->ToString(),
            "pkg:golang/github.com/x/y@v1?b=2&z=1#a/b");
}

TEST(PurlTest, RejectsMalformed) {
  const std::pair<const char*, const char*> cases[] = {
      {"npm/x", "the scheme 'pkg:' is missing"},
      {"pkg:npm", "the type or the name is missing"},
      {"pkg:npm/", "the name is missing"},
      {"pkg:n$m/x", "invalid type 'n$m'"},
      {"pkg:npm/x@", "the version after '@' is empty"},
      {"pkg:npm/x%4", "malformed percent-encoding in the name"},
      {"pkg:npm/x?a", "qualifier 'a' has no '='"},
      {"pkg:npm/x?a=1&A=2", "duplicate qualifier 'a'"},
      {"pkg:npm/x?1a=2", "invalid qualifier key '1a'"},
      {"pkg:npm/a%2Fb/x", "a namespace segment contains '/'"},
  };
  for (const auto& [text, message] : cases) {
    std::string error;
    EXPECT_FALSE(ParsePurl(text, &error)) << text;
    EXPECT_EQ(error, message) << text;
  }
}

TEST(PurlTest, PercentCoding) {
  EXPECT_EQ(PercentEncode("a b+c:d/é"), "a%20b%2Bc:d%2F%C3%A9");
  EXPECT_EQ(PercentDecode("a%20b%2bc"), "a b+c");
  EXPECT_EQ(PercentDecode("%g0"), std::nullopt);
}

}  // namespace
}  // namespace medtra::sbom
