// ReadNvdDocument: a page of the NVD CVE API 2.0 into advisories with CPE criteria.
#include "medtra/document/json_cursor.h"
#include "medtra/sbom/advisory.h"

namespace medtra::sbom {
namespace {

using document::JsonCursor;

// A boolean member ("vulnerable", "negate"); absent is `fallback`, another type an error.
bool Flag(const JsonCursor& object, std::string_view key, bool fallback) {
  const JsonCursor member = object.Member(key);
  if (!member.present()) return fallback;
  if (!member.value().is_boolean()) {
    member.Error("wrong-type", "expected a boolean for '" + std::string(key) + "'");
    return fallback;
  }
  return member.value().get<bool>();
}

void ReadMatch(const JsonCursor& match, bool with_platform, Advisory* advisory) {
  if (!match.ExpectObject("cpeMatch[]")) return;
  if (!Flag(match, "vulnerable", false)) return;  // a platform the vulnerable CPE runs on
  AdvisoryCpe out;
  out.criteria = match.Member("criteria").String("criteria", true).value_or("");
  if (out.criteria.empty()) return;
  std::string error;
  std::optional<Cpe> cpe = ParseCpe(out.criteria, &error);
  if (!cpe) {
    match.Member("criteria").Error("nvd-bad-cpe", error);
    return;
  }
  out.cpe = std::move(*cpe);
  const std::string start_in =
      match.Member("versionStartIncluding").String("versionStartIncluding").value_or("");
  const std::string start_ex =
      match.Member("versionStartExcluding").String("versionStartExcluding").value_or("");
  const std::string end_in =
      match.Member("versionEndIncluding").String("versionEndIncluding").value_or("");
  const std::string end_ex =
      match.Member("versionEndExcluding").String("versionEndExcluding").value_or("");
  if ((!start_in.empty() && !start_ex.empty()) || (!end_in.empty() && !end_ex.empty())) {
    match.Error("nvd-range", "a CPE match has both an including and an excluding bound");
    return;
  }
  out.start = start_in.empty() ? start_ex : start_in;
  out.start_including = start_ex.empty();
  out.end = end_in.empty() ? end_ex : end_in;
  out.end_including = !end_in.empty();
  out.with_platform = with_platform;
  advisory->cpes.push_back(std::move(out));
}

void ReadConfiguration(const JsonCursor& configuration, Advisory* advisory) {
  if (!configuration.ExpectObject("configurations[]")) return;
  if (Flag(configuration, "negate", false)) return;
  const std::string op = configuration.Member("operator").String("operator").value_or("OR");
  const JsonCursor nodes = configuration.Member("nodes");
  if (!nodes.ExpectArray("nodes", true)) return;
  const bool with_platform = op == "AND" && nodes.value().size() > 1;
  for (const JsonCursor& node : nodes.Items()) {
    if (!node.ExpectObject("nodes[]") || Flag(node, "negate", false)) continue;
    const JsonCursor matches = node.Member("cpeMatch");
    if (!matches.ExpectArray("cpeMatch", true)) continue;
    for (const JsonCursor& match : matches.Items()) ReadMatch(match, with_platform, advisory);
  }
}

void ReadCve(const JsonCursor& item, const std::string& file, std::vector<Advisory>* out) {
  if (!item.ExpectObject("vulnerabilities[]")) return;
  const JsonCursor cve = item.Member("cve");
  if (!cve.ExpectObject("cve", true)) return;
  Advisory advisory;
  advisory.source = Advisory::Source::kNvd;
  advisory.file = file;
  advisory.location = cve.location();
  advisory.id = cve.Member("id").String("id", true).value_or("");
  advisory.published = cve.Member("published").String("published").value_or("");
  advisory.modified = cve.Member("lastModified").String("lastModified").value_or("");
  if (cve.Member("vulnStatus").String("vulnStatus").value_or("") == "Rejected") {
    advisory.withdrawn = advisory.modified.empty() ? "rejected" : advisory.modified;
  }
  const JsonCursor descriptions = cve.Member("descriptions");
  if (descriptions.ExpectArray("descriptions")) {
    for (const JsonCursor& d : descriptions.Items()) {
      if (!d.ExpectObject("descriptions[]")) continue;
      if (d.Member("lang").String("lang").value_or("") != "en") continue;
      advisory.summary = d.Member("value").String("value").value_or("");
      break;
    }
  }
  const JsonCursor metrics = cve.Member("metrics");
  if (metrics.ExpectObject("metrics")) {
    for (const std::string_view key : {"cvssMetricV31", "cvssMetricV40", "cvssMetricV30"}) {
      const JsonCursor list = metrics.Member(key);
      if (!list.ExpectArray(key)) continue;
      for (const JsonCursor& metric : list.Items()) {
        if (!metric.ExpectObject("cvssMetric[]")) continue;
        const JsonCursor data = metric.Member("cvssData");
        if (!data.ExpectObject("cvssData", true)) continue;
        advisory.cvss.push_back(
            data.Member("vectorString").String("vectorString", true).value_or(""));
      }
    }
  }
  const JsonCursor configurations = cve.Member("configurations");
  if (configurations.ExpectArray("configurations")) {
    for (const JsonCursor& c : configurations.Items()) ReadConfiguration(c, &advisory);
  }
  out->push_back(std::move(advisory));
}

std::optional<std::vector<Advisory>> ReadDocument(const document::LocatedDocument& doc,
                                                  DiagnosticSink& sink) {
  const int errors = sink.error_count();
  const JsonCursor root(doc, sink);
  if (!root.ExpectObject("the NVD CVE document", true)) return std::nullopt;
  const std::string format = root.Member("format").String("format", true).value_or("");
  if (!format.empty() && format != "NVD_CVE") {
    root.Member("format").Error("nvd-format", "an NVD CVE document has format 'NVD_CVE'");
  }
  const std::string version = root.Member("version").String("version").value_or("2.0");
  if (!version.starts_with("2.")) {
    root.Member("version").Error("nvd-format",
                                 "medtra reads the NVD CVE API 2.x, not version " + version);
  }
  std::vector<Advisory> advisories;
  const JsonCursor list = root.Member("vulnerabilities");
  if (list.ExpectArray("vulnerabilities", true)) {
    for (const JsonCursor& item : list.Items()) ReadCve(item, doc.file, &advisories);
  }
  if (sink.error_count() != errors) return std::nullopt;
  return advisories;
}

// The top-level "format" of a JSON document is "NVD_CVE": the NVD API writes it among the first
// members, so the first 4 KiB tell.
bool LooksLikeNvd(std::string_view text) {
  const std::string_view head = text.substr(0, 4096);
  const std::size_t key = head.find("\"format\"");
  if (key == std::string_view::npos) return false;
  const std::size_t value = head.find('"', head.find(':', key + 8));
  return value != std::string_view::npos && head.substr(value).starts_with("\"NVD_CVE\"");
}

}  // namespace

std::vector<Advisory> ReadNvdDocument(const std::string& file, std::string_view text,
                                      DiagnosticSink& sink) {
  return document::ReadLocated(file, text, sink, {}, ReadDocument)
      .value_or(std::vector<Advisory>{});
}

std::vector<Advisory> ReadAdvisoryFile(const std::string& file, std::string_view text,
                                       DiagnosticSink& sink) {
  if (LooksLikeNvd(text)) return ReadNvdDocument(file, text, sink);
  std::vector<Advisory> out;
  if (std::optional<Advisory> a = ReadOsvRecord(file, text, sink)) out.push_back(std::move(*a));
  return out;
}

}  // namespace medtra::sbom
