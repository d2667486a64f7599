// The vocabulary table: enum <-> name functions, and docs/model-format.md says what the table says.
#include "medtra/model/vocabulary.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "medtra/base/strings.h"

namespace medtra::model {
namespace {

static_assert(Name(ComponentKind::kInfusionPump) == "infusion-pump");
static_assert(FromName<Medium>("ble") == Medium::kBle);
static_assert(!FromName<ComponentKind>("pump").has_value());

template <VocabularyEnum Enum>
void ExpectRoundTrip() {
  const std::span<const std::string_view> names = Names<Enum>();
  ASSERT_FALSE(names.empty()) << VocabularyRow<Enum>::kType;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::optional<Enum> value = FromName<Enum>(names[i]);
    ASSERT_TRUE(value.has_value()) << names[i];
    EXPECT_EQ(static_cast<size_t>(*value), i) << names[i];
    EXPECT_EQ(Name(*value), names[i]);
  }
  EXPECT_FALSE(FromName<Enum>("").has_value());
  EXPECT_FALSE(FromName<Enum>("No Such Value").has_value());
}

TEST(Vocabulary, EveryEnumRoundTripsThroughItsNames) {
#define MEDTRA_VALUE(enumerator, text)
#define MEDTRA_ATTRIBUTE(Type, member, where, values) ExpectRoundTrip<Type>();
#include "medtra/model/vocabulary.def"
}

TEST(Vocabulary, NamesAndRows) {
  EXPECT_EQ(Name(ZoneKind::kBody), "body");
  EXPECT_EQ(Name(Authentication::kStaticIdentifier), "static-identifier");
  EXPECT_EQ(FromName<ComponentKind>("ehr"), ComponentKind::kEhr);
  EXPECT_EQ(FromName<Harm>("patient"), Harm::kPatient);
  EXPECT_EQ(Names<MeasureKind>().size(), 2u);
  EXPECT_EQ(VocabularyRow<Property>::kWhere, "assets[].protect, risks[].breach");
  const AttributeRow& components = AttributeRows()[1];
  EXPECT_EQ(components.type, "ComponentKind");
  EXPECT_EQ(components.member, "component_kinds");
  EXPECT_EQ(components.where, "components[].kind");
  EXPECT_EQ(std::vector<std::string_view>(components.names.begin(), components.names.end()),
            (std::vector<std::string_view>{
                "implant",      "programmer",    "home-monitor",   "mobile-app",      "wearable",
                "insulin-pump", "infusion-pump", "ventilator",     "patient-monitor", "imaging",
                "hub",          "cloud",         "server",         "database",        "ehr",
                "workstation",  "gateway",       "network-device", "sensor",          "external",
                "other"}));
}

std::string TrimSpaces(std::string_view text) {
  const size_t begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(' ') - begin + 1));
}

// docs/model-format.md, split in lines.
std::vector<std::string> DocLines() {
  std::ifstream in(std::string(MEDTRA_SOURCE_DIR) + "/docs/model-format.md");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Backticked(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back("`" + item + "`");
  return Join(quoted, ", ");
}

std::vector<std::string> Strings(std::span<const std::string_view> names) {
  return std::vector<std::string>(names.begin(), names.end());
}

// The rows of the table that follows the line `header`.
std::vector<std::string> TableAfter(const std::vector<std::string>& lines,
                                    const std::string& header) {
  std::vector<std::string> rows;
  size_t i = 0;
  while (i < lines.size() && lines[i] != header) ++i;
  for (i += 2; i < lines.size() && StartsWith(lines[i], "|"); ++i) rows.push_back(lines[i]);
  return rows;
}

TEST(Vocabulary, DocsTableIsTheTable) {
  const std::vector<std::string> rows = TableAfter(DocLines(), "| Attribute | Keys | Values |");
  std::vector<std::string> expected;
  for (const AttributeRow& row : AttributeRows()) {
    std::vector<std::string> keys;
    for (const std::string& key : Split(std::string(row.where), ',')) {
      keys.push_back(TrimSpaces(key));
    }
    expected.push_back("| `" + std::string(row.member) + "` | " + Backticked(keys) + " | " +
                       Backticked(Strings(row.names)) + " |");
  }
  EXPECT_EQ(rows, expected);
}

// The values a section's table gives for `key`: the backticked names that start its last cell.
// `section` is the word in the section's heading ("components" for "### 3.3 `components`").
std::vector<std::string> DocumentedValues(const std::vector<std::string>& lines,
                                          const std::string& section, const std::string& key) {
  bool in_section = false;
  for (const std::string& line : lines) {
    if (StartsWith(line, "#")) in_section = line.find("`" + section + "`") != std::string::npos;
    if (!in_section || !StartsWith(line, "| `" + key + "` |")) continue;
    std::string cell = line.substr(0, line.size() - 1);  // drop the closing '|'
    cell = TrimSpaces(cell.substr(cell.rfind('|') + 1));
    std::vector<std::string> values;
    static const std::regex kValue("^`([^`]+)`(, )?");
    std::smatch match;
    while (std::regex_search(cell, match, kValue)) {
      values.push_back(match[1]);
      cell = match.suffix();
      if (match[2].length() == 0) break;
    }
    return values;
  }
  return {};
}

TEST(Vocabulary, EverySectionListsTheValuesOfItsKeys) {
  const std::vector<std::string> lines = DocLines();
  for (const AttributeRow& row : AttributeRows()) {
    for (const std::string& where : Split(std::string(row.where), ',')) {
      const std::string path = TrimSpaces(where);  // components[].kind, system.users[].role
      const std::string section = path.substr(0, path.find_first_of(".["));
      const std::string key = path.substr(path.rfind('.') + 1);
      EXPECT_EQ(DocumentedValues(lines, section, key), Strings(row.names))
          << "docs/model-format.md, section `" << section << "`, key `" << key << "`";
    }
  }
}

TEST(Vocabulary, DocsDescribeEveryComponentKind) {
  std::vector<std::string> kinds;
  for (const std::string& row :
       TableAfter(DocLines(), "| Kind | What it is | Rules that look at the kind |")) {
    kinds.push_back(row.substr(3, row.find('`', 3) - 3));
  }
  EXPECT_EQ(kinds, Strings(Names<ComponentKind>()));
}

}  // namespace
}  // namespace medtra::model
