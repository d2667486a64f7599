// ParseCpe: the 2.3 formatted string and the 2.2 URI, escapes, wildcards and malformed names.
#include <gtest/gtest.h>

#include "medtra/sbom/cpe.h"

namespace medtra::sbom {
namespace {

Cpe Parse(std::string_view text) {
  std::string error;
  const std::optional<Cpe> cpe = ParseCpe(text, &error);
  EXPECT_TRUE(cpe.has_value()) << text << ": " << error;
  return cpe.value_or(Cpe{});
}

std::string ErrorOf(std::string_view text) {
  std::string error;
  EXPECT_FALSE(ParseCpe(text, &error).has_value()) << text;
  return error;
}

TEST(Cpe, FormattedStringAttributes) {
  const Cpe cpe = Parse("cpe:2.3:a:OpenSSL:openssl:3.0.9:*:*:*:*:*:*:*");
  EXPECT_EQ(cpe.part().text, "a");
  EXPECT_EQ(cpe.vendor().text, "openssl");  // lowercased
  EXPECT_EQ(cpe.product().text, "openssl");
  EXPECT_EQ(cpe.version().text, "3.0.9");
  EXPECT_TRUE(cpe.version().Concrete());
  EXPECT_TRUE(cpe.update().Any());
  EXPECT_FALSE(cpe.update().Concrete());
}

TEST(Cpe, EscapesQuoteSeparatorsAndWildcards) {
  const Cpe cpe = Parse(R"(cpe:2.3:a:acme\:labs:pump\*ctl:1.0\-rc1:-:*:*:*:*:*:*)");
  EXPECT_EQ(cpe.vendor().text, "acme:labs");
  EXPECT_TRUE(cpe.vendor().Concrete());
  EXPECT_EQ(cpe.product().text, "pump*ctl");  // a quoted '*' is a literal
  EXPECT_FALSE(cpe.product().wildcard);
  EXPECT_EQ(cpe.version().text, "1.0-rc1");
  EXPECT_TRUE(cpe.update().Na());
  const Cpe pattern = Parse("cpe:2.3:a:acme:pump*:1.?:*:*:*:*:*:*:*");
  EXPECT_TRUE(pattern.product().wildcard);
  EXPECT_FALSE(pattern.product().Concrete());
  EXPECT_TRUE(pattern.version().wildcard);
}

TEST(Cpe, UriBinding) {
  const Cpe cpe = Parse("cpe:/a:acme%3alabs:pump:2.1");
  EXPECT_EQ(cpe.vendor().text, "acme:labs");
  EXPECT_EQ(cpe.version().text, "2.1");
  EXPECT_TRUE(cpe.update().Any());  // missing attributes are ANY
  EXPECT_TRUE(cpe.values[Cpe::kOther].Any());
  EXPECT_TRUE(Parse("cpe:/o:debian:debian_linux::sp1").version().Any());
  EXPECT_EQ(Parse("cpe:/o:debian:debian_linux::sp1").update().text, "sp1");
  EXPECT_TRUE(Parse("cpe:/a:acme:pump%02").product().wildcard);  // %02 is the URI's '*'
  EXPECT_TRUE(Parse("cpe:/a:acme:-").product().Na());
}

TEST(Cpe, MalformedNames) {
  EXPECT_EQ(ErrorOf("cpe:2.3:a:acme:pump:1.0"),
            "a CPE 2.3 name has 11 attributes after 'cpe:2.3:', not 4");
  EXPECT_EQ(ErrorOf("cpe:2.3:x:acme:pump:1:*:*:*:*:*:*:*"),
            "a CPE part is a (application), o (operating system) or h (hardware), not 'x'");
  EXPECT_EQ(ErrorOf("cpe:2.3:a:acme::1:*:*:*:*:*:*:*"),
            "a CPE 2.3 attribute is empty (ANY is '*')");
  EXPECT_EQ(ErrorOf(R"(cpe:2.3:a:acme:pump:1:*:*:*:*:*:*:\)"),
            "a CPE 2.3 attribute ends with a dangling '\\'");
  EXPECT_EQ(ErrorOf("cpe:2.3:a:ac me:pump:1:*:*:*:*:*:*:*"),
            "a CPE 2.3 attribute holds a space or a non-ASCII character");
  EXPECT_EQ(ErrorOf("cpe:/a:acme%4:pump"), "a CPE 2.2 URI has a malformed percent-encoding");
  EXPECT_EQ(ErrorOf("cpe:/a:a:b:c:d:e:f:g"), "a CPE 2.2 URI has at most 7 attributes, not 8");
  EXPECT_EQ(ErrorOf("pkg:npm/lodash"), "a CPE name starts with 'cpe:2.3:' or 'cpe:/'");
  EXPECT_EQ(ErrorOf("cpe:2.3:a:" + std::string(1100, 'v') + ":p:1:*:*:*:*:*:*:*"),
            "a CPE name is longer than 1,024 characters");
}

}  // namespace
}  // namespace medtra::sbom
