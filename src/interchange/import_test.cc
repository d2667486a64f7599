// Unit tests of the importers' building blocks: located JSON and YAML documents, ids, and the
// fuzz targets' seeds (each must import to a model that loads, or fail with a located error).
#include "medtra/interchange/import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/import_fuzz.h"
#include "medtra/interchange/located_document.h"

namespace medtra::interchange {
namespace {

std::string Errors(const DiagnosticSink& sink) { return RenderTextAll(sink, nullptr); }

TEST(LocatedJsonTest, EveryValueHasItsPosition) {
  DiagnosticSink sink;
  const std::string text = "{\"a\": [1, \"t\\\"x\", {\"b\": true}],\n  \"c\": -2.5e3, \"é\": null}";
  const auto doc = ParseJsonDocument("f.json", text, sink);
  ASSERT_TRUE(doc) << Errors(sink);
  EXPECT_EQ(ToString(doc->At("")), "f.json:1:1");
  EXPECT_EQ(ToString(doc->At("/a")), "f.json:1:7");
  EXPECT_EQ(ToString(doc->At("/a/0")), "f.json:1:8");
  EXPECT_EQ(ToString(doc->At("/a/1")), "f.json:1:11");
  EXPECT_EQ(ToString(doc->At("/a/2")), "f.json:1:19");
  EXPECT_EQ(ToString(doc->At("/a/2/b")), "f.json:1:25");
  EXPECT_EQ(ToString(doc->At("/c")), "f.json:2:8");
  EXPECT_EQ(ToString(doc->At("/\xc3\xa9")), "f.json:2:21");
  EXPECT_EQ(ToString(doc->At("/a/2/missing")), "f.json:1:19");  // the closest located parent
  EXPECT_EQ(doc->root["a"][1], "t\"x");
}

TEST(LocatedJsonTest, ErrorsAreLocated) {
  DiagnosticSink sink;
  EXPECT_FALSE(ParseJsonDocument("f.json", "{\"a\": 1,\n \"a\": 2}", sink));
  EXPECT_EQ(Errors(sink), "f.json:2:2: error: duplicate key 'a' [duplicate-key]\n");
  DiagnosticSink empty;
  EXPECT_FALSE(ParseJsonDocument("f.json", "", empty));
  EXPECT_EQ(Errors(empty),
            "f.json:1:1: error: JSON syntax error while parsing value - unexpected end of input; "
            "expected '[', '{', or a literal [json-syntax]\n");
  DiagnosticSink utf8;
  EXPECT_FALSE(ParseJsonDocument("f.json", "[\"caf\xe9\"]", utf8));
  EXPECT_EQ(Errors(utf8),
            "f.json:1:7: error: JSON syntax error while parsing value - invalid string: "
            "ill-formed UTF-8 byte [json-syntax]\n");
  DiagnosticSink many;
  EXPECT_FALSE(ParseJsonDocument("f.json", "[1, 2, 3, 4]", many, {64, 3}));
  EXPECT_EQ(Errors(many), "f.json:1:8: error: the file has more than 3 values [file-too-large]\n");
}

TEST(LocatedYamlTest, PlainScalarsTakeTheirJsonTypes) {
  DiagnosticSink sink;
  const auto doc =
      ParseYamlDocument("f.yaml", "a: 1\nb: -2.5\nc: true\nd: ~\ne: '1'\nf: 1.0.0\n", sink);
  ASSERT_TRUE(doc) << Errors(sink);
  EXPECT_EQ(doc->root, nlohmann::json::parse(
                           R"({"a": 1, "b": -2.5, "c": true, "d": null, "e": "1", "f": "1.0.0"})"));
  EXPECT_EQ(ToString(doc->At("/c")), "f.yaml:3:4");
}

TEST(IdTableTest, IdsAreCleanAndUnique) {
  IdTable ids;
  DiagnosticSink sink;
  EXPECT_EQ(ids.Make("Web Server", {"f", 1, 2}, sink), "Web-Server");
  EXPECT_EQ(ids.Make("Web/Server", {"f", 3, 4}, sink), "Web-Server-2");
  EXPECT_EQ(ids.Make("", {"f", 5, 6}, sink), "unnamed");
  EXPECT_EQ(ids.Make("a@b*c\n", {"f", 7, 8}, sink), "a-b-c");
  EXPECT_EQ(Errors(sink),
            "f:3:4: warning: id 'Web-Server' is already used (at f:1:2); this element is "
            "'Web-Server-2' [import-duplicate-id]\n");
}

TEST(IdTableTest, AnElementWithoutASourceIdCannotBeReferredTo) {
  IdTable ids;
  ids.Remember("element", "", "unnamed");
  ids.Remember("element", "z", "zone-z");
  EXPECT_EQ(ids.Find("element", ""), "");  // a missing reference finds nothing, not "unnamed"
  EXPECT_EQ(ids.Find("element", "z"), "zone-z");
  EXPECT_EQ(ids.Find("zone", "z"), "");
}

TEST(ImportFuzzSeedsTest, EverySeedImportsToALoadableModelOrFails) {
  const std::filesystem::path corpus = std::filesystem::path(MEDTRA_SOURCE_DIR) / "fuzz/corpus";
  int seeds = 0;
  for (const char* target : {"otm", "threat_dragon", "threagile", "pytm"}) {
    std::string format = target;
    std::replace(format.begin(), format.end(), '_', '-');
    for (const auto& entry :
         std::filesystem::directory_iterator(corpus / (std::string(target) + "_import_fuzz"))) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const std::string bytes = text.str();
      const std::string file = format == "threagile" ? "f.yaml" : "f.json";
      EXPECT_EQ(FuzzImport(format.c_str(), file.c_str(),
                           reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()),
                0);
      ++seeds;
    }
  }
  EXPECT_GE(seeds, 7);
}

}  // namespace
}  // namespace medtra::interchange
