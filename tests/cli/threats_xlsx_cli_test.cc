// `medtra threats export --format xlsx`, read back with python3's zipfile and xml (stdlib): the
// exact cells of the CSV, no formula anywhere (a hostile "=HYPERLINK(...)" stays text), the header
// row frozen and an autofilter over the table.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/icd_copy.h"
#include "tests/testing/run_command.h"

namespace medtra {
namespace {

using nlohmann::json;
using testing::Outcome;

// Prints {"rows": [[cell, ...], ...], "formulas": N, "frozen": bool, "filter": REF} of sheet 1.
constexpr const char* kRead = R"(import json, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m']))
          for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)]
sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
rows = []
for row in sheet.find('m:sheetData', ns).findall('m:row', ns):
    cells = []
    for c in row.findall('m:c', ns):
        if c.get('t') is None and c.find('m:v', ns) is None:
            cells.append('')  # an empty string is written as a blank (formatted) cell
            continue
        if c.get('t') != 's': sys.exit('a cell that is not a shared string: %s' % c.get('r'))
        cells.append(shared[int(c.find('m:v', ns).text)])
    rows.append(cells)
pane = sheet.find('.//m:pane', ns)
print(json.dumps({'rows': rows, 'formulas': len(sheet.findall('.//m:f', ns)),
                  'frozen': pane is not None and pane.get('state') == 'frozen' and pane.get('ySplit') == '1',
                  'filter': sheet.find('m:autoFilter', ns).get('ref')}))
)";

TEST(ThreatsXlsxCliTest, CellsAreTheCsvTextsAndNeverFormulas) {
  testing::IcdCopy icd;
  const std::string hostile = "=HYPERLINK(\"http://evil.example/\",\"click\")";
  ASSERT_TRUE(icd.Replace(
      "icd/threats.yaml",
      "rationale: The programmer is kept in a room with controlled access and never left "
      "unattended.",
      "rationale: '" + hostile + "'"));
  const Outcome o = icd.Run("threats export icd --format xlsx -o threats.xlsx");
  ASSERT_EQ(o.code, 0) << o.err;
  const testing::CommandResult read =
      testing::RunCommand({"/usr/bin/python3", "-c", kRead, (icd.dir() / "threats.xlsx").string()});
  ASSERT_EQ(read.exit_code, 0) << read.out << read.err;
  const json sheet = json::parse(read.out);
  EXPECT_EQ(sheet["formulas"], 0);
  EXPECT_EQ(sheet["frozen"], true);
  const json& rows = sheet["rows"];
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0], json::parse(R"(["id", "title", "targets", "status", "decision", "rationale",
                                     "risk", "measures", "ticket"])"));
  EXPECT_EQ(sheet["filter"], "A1:I" + std::to_string(rows.size()));
  EXPECT_EQ(rows[1][0], "comm-cleartext-phi@F-telemetry");
  EXPECT_EQ(rows[1][1], "Eavesdropping of Patient data on F-telemetry");
  EXPECT_EQ(rows[1][3], "mitigated");
  EXPECT_EQ(rows[1][7], "M-encrypt");
  bool found = false;
  for (const json& row : rows) {
    if (row[0] != "device-no-user-authentication@programmer") continue;
    found = true;
    EXPECT_EQ(row[4], "mitigated");
    EXPECT_EQ(row[5], hostile);  // as text, without the CSV's protective quote
  }
  EXPECT_TRUE(found);
  // As many rows as the CSV has records.
  const std::string csv = icd.Run("threats export icd").out;
  size_t records = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
    ++records;
  }
  EXPECT_EQ(rows.size(), records);
}

}  // namespace
}  // namespace medtra
