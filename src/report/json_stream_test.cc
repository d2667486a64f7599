// JsonStream writes the same bytes as nlohmann's dump(2) of the same document.
#include "report/json_stream.h"

#include <gtest/gtest.h>

#include <sstream>

namespace medtra::report {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& value) {
  return value.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string Stream(const Json& value) {
  std::string out;
  JsonStream j(&out);
  j.Value(value);
  return out;
}

TEST(JsonStreamTest, LayoutMatchesNlohmann) {
  Json doc = Json::object();
  doc["empty_object"] = Json::object();
  doc["empty_array"] = Json::array();
  doc["nested"] = {{"a", Json::array({1, -2, Json::array(), Json::object()})},
                   {"b", {{"c", nullptr}, {"d", true}, {"e", false}}}};
  doc["numbers"] = Json::array({0, 42, -7, 3.25, 10.0, 0.1, 1e300, static_cast<size_t>(7)});
  doc["strings"] = Json::array({"", "plain", "quote \" backslash \\ slash /",
                                "tab\tnew\nline\rcr\bbs\fff", std::string("nul\0x", 5),
                                "\x01\x1f\x7f", "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80",
                                "bad \xff\xfe utf-8 \xc3", "<html> & 'x'"});
  EXPECT_EQ(Stream(doc), Dump(doc));
  EXPECT_EQ(Stream(Json::array()), Dump(Json::array()));
  EXPECT_EQ(Stream(Json::object()), Dump(Json::object()));
  EXPECT_EQ(Stream(Json("top")), Dump(Json("top")));
}

TEST(JsonStreamTest, WritesMembersInOrder) {
  std::string out;
  JsonStream j(&out);
  j.BeginObject();
  j.Key("id");
  j.String("T-1");
  j.Key("risk");
  j.StringOrNull("");
  j.Key("targets");
  j.Strings(std::vector<std::string>{"F-1", "C-\xc3\xa9"});
  j.Key("none");
  j.Strings({});
  j.Key("n");
  j.Int(-3);
  j.Key("x");
  j.Double(0.5);
  j.EndObject();
  const Json expected = {
      {"id", "T-1"},           {"risk", nullptr}, {"targets", {"F-1", "C-\xc3\xa9"}},
      {"none", Json::array()}, {"n", -3},         {"x", 0.5}};
  EXPECT_EQ(out, Dump(expected));
}

TEST(JsonStreamTest, StreamsInChunksWithTheSameBytes) {
  Json doc = Json::array();
  for (int i = 0; i < 30000; ++i) doc.push_back("item " + std::to_string(i) + std::string(60, 'x'));
  std::string buffer;
  std::ostringstream sink;
  JsonStream j(&buffer, &sink);
  j.BeginArray();
  for (const Json& item : doc) {
    j.Value(item);
    j.Flush();
  }
  j.EndArray();
  EXPECT_LT(buffer.size(), size_t{1} << 20);  // some of it is out already
  j.Flush(true);
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(sink.str(), Dump(doc));
}

}  // namespace
}  // namespace medtra::report

namespace medtra::report {
namespace {

// Items() on several threads gives nlohmann's bytes of the same document, for counts around the
// run size (512) and its multiples, inside an object two levels deep, streamed or not.
TEST(JsonStreamItemsTest, TheSameBytesOnAnyNumberOfThreads) {
  for (const size_t count :
       {size_t{0}, size_t{1}, size_t{1023}, size_t{1024}, size_t{1025}, size_t{4096 + 7}}) {
    Json items = Json::array();
    for (size_t i = 0; i < count; ++i) {
      items.push_back({{"id", "T-" + std::to_string(i)}, {"n", i}, {"tags", Json::array({"a"})}});
    }
    const Json doc = {{"head", 1}, {"outer", {{"items", items}, {"tail", "end"}}}};
    for (const unsigned threads : {1u, 2u, 3u, 8u}) {
      for (const bool streamed : {false, true}) {
        std::string buffer;
        std::ostringstream sink;
        JsonStream j = streamed ? JsonStream(&buffer, &sink) : JsonStream(&buffer);
        j.BeginObject();
        j.Key("head");
        j.Int(1);
        j.Key("outer");
        j.BeginObject();
        j.Key("items");
        j.BeginArray();
        j.Items(count, threads, [&](JsonStream& s, size_t i) { s.Value(items[i]); });
        j.EndArray();
        j.Key("tail");
        j.String("end");
        j.EndObject();
        j.EndObject();
        j.Flush(true);
        const std::string text = streamed ? sink.str() : buffer;
        EXPECT_TRUE(text == Dump(doc)) << count << " items on " << threads << " threads";
      }
    }
  }
}

}  // namespace
}  // namespace medtra::report
