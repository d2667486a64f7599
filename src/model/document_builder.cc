// ModelBuilder: the `document:` section (document control) and the `threats:` links of a risk.
#include "medtra/base/strings.h"
#include "model/model_builder.h"

namespace medtra::model {

std::vector<ThreatLink> ModelBuilder::BuildThreatLinks(Node node) {
  std::vector<ThreatLink> links;
  if (!node.is_sequence() && !node.is_scalar()) {
    ReportWrongType(sink_, node, "a list of threat ids or patterns", "threats");
    return links;
  }
  const size_t n = node.is_sequence() ? node.size() : 1;
  for (size_t i = 0; i < n; ++i) {
    const Node item = node.is_sequence() ? node.item(i) : node;
    if (!item.is_scalar()) {
      ReportWrongType(sink_, item, "a threat id or pattern", "threats");
      continue;
    }
    const std::string pattern(item.scalar());
    const bool blank = pattern.empty() || pattern.find_first_of(" \t\r\n") != std::string::npos;
    if (blank || pattern.front() == '@' || pattern.back() == '@') {
      sink_.Error(item.location(), "invalid-threat-pattern",
                  "'" + pattern +
                      "' is not a threat id or pattern: write RULE@TARGET[@TARGET...], where '*' "
                      "matches any text (e.g. 'comm-*@F-telemetry')");
      continue;
    }
    links.push_back({pattern, item.location()});
  }
  return links;
}

void ModelBuilder::BuildDocument(Node node) {
  if (model_->document) {
    sink_.Error(node.location(), "duplicate-section",
                "a model has one 'document' section; found another");
    return;
  }
  MapReader reader(node, "document", sink_);
  if (!reader.ok()) return;
  DocumentControl doc;
  doc.location = node.location();
  doc.id = reader.String("id", true).value_or("");
  doc.revision = reader.String("revision", true).value_or("");
  doc.date = reader.String("date").value_or("");
  doc.author = reader.String("author").value_or("");
  const Node approvals = reader.Raw("approvals");
  if (approvals.valid() && !approvals.is_null() && !approvals.is_sequence()) {
    ReportWrongType(sink_, approvals, "a list", "approvals");
  } else if (approvals.valid() && approvals.is_sequence()) {
    for (size_t i = 0; i < approvals.size(); ++i) {
      MapReader item(approvals.item(i), "approval", sink_);
      if (!item.ok()) continue;
      Approval a;
      a.location = approvals.item(i).location();
      a.name = item.String("name", true).value_or("");
      a.role = item.String("role", true).value_or("");
      a.date = item.String("date", true).value_or("");
      a.meaning = item.String("meaning", true).value_or("");
      item.Finish();
      doc.approvals.push_back(std::move(a));
    }
  }
  reader.Finish();
  model_->document = std::move(doc);
}

}  // namespace medtra::model
