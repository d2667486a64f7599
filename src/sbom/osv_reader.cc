// ReadOsvRecord: one OSV record (OSV schema 1.x) into an Advisory, with located errors.
#include <algorithm>

#include "medtra/document/json_cursor.h"
#include "medtra/sbom/advisory.h"

namespace medtra::sbom {
namespace {

using document::JsonCursor;

struct EventKey {
  std::string_view key;
  OsvEvent::Kind kind;
};
constexpr EventKey kEventKeys[] = {{"introduced", OsvEvent::Kind::kIntroduced},
                                   {"fixed", OsvEvent::Kind::kFixed},
                                   {"last_affected", OsvEvent::Kind::kLastAffected},
                                   {"limit", OsvEvent::Kind::kLimit}};

std::optional<AdvisoryRange::Type> RangeType(std::string_view text) {
  if (text == "SEMVER") return AdvisoryRange::Type::kSemver;
  if (text == "ECOSYSTEM") return AdvisoryRange::Type::kEcosystem;
  if (text == "GIT") return AdvisoryRange::Type::kGit;
  return std::nullopt;
}

std::optional<OsvEvent> ReadEvent(const JsonCursor& event) {
  if (!event.ExpectObject("events[]")) return std::nullopt;
  if (event.value().size() != 1) {
    event.Error("osv-event", "an event has exactly one of introduced, fixed, last_affected, limit");
    return std::nullopt;
  }
  const std::string key = event.value().begin().key();
  const auto found = std::find_if(std::begin(kEventKeys), std::end(kEventKeys),
                                  [&](const EventKey& k) { return k.key == key; });
  if (found == std::end(kEventKeys)) {
    event.Error("osv-event",
                "unknown event '" + key + "' (introduced, fixed, last_affected or limit)");
    return std::nullopt;
  }
  std::optional<std::string> version = event.Member(key).String(key, true);
  if (!version) return std::nullopt;
  if (version->empty()) {
    event.Member(key).Error("osv-event", "an event's version is empty");
    return std::nullopt;
  }
  return OsvEvent{found->kind, std::move(*version)};
}

void ReadRange(const JsonCursor& range, AdvisoryPackage* package) {
  if (!range.ExpectObject("ranges[]")) return;
  const std::optional<std::string> type_text = range.Member("type").String("type", true);
  if (!type_text) return;
  const std::optional<AdvisoryRange::Type> type = RangeType(*type_text);
  if (!type) {
    range.Member("type").Error(
        "osv-range", "unknown range type '" + *type_text + "' (SEMVER, ECOSYSTEM or GIT)");
    return;
  }
  AdvisoryRange out;
  out.type = *type;
  out.repo = range.Member("repo").String("repo", *type == AdvisoryRange::Type::kGit).value_or("");
  if (!range.Member("events").ExpectArray("events", true)) return;
  bool introduced = false, fixed = false, last_affected = false;
  for (const JsonCursor& event : range.Member("events").Items()) {
    std::optional<OsvEvent> e = ReadEvent(event);
    if (!e) continue;
    introduced |= e->kind == OsvEvent::Kind::kIntroduced;
    fixed |= e->kind == OsvEvent::Kind::kFixed;
    last_affected |= e->kind == OsvEvent::Kind::kLastAffected;
    out.events.push_back(std::move(*e));
  }
  if (!introduced) range.Member("events").Error("osv-range", "a range has no 'introduced' event");
  if (fixed && last_affected) {
    range.Member("events").Error("osv-range",
                                 "a range has both 'fixed' and 'last_affected' events");
  }
  package->ranges.push_back(std::move(out));
}

void ReadAffected(const JsonCursor& affected, Advisory* advisory) {
  if (!affected.ExpectObject("affected[]")) return;
  AdvisoryPackage package;
  const JsonCursor pkg = affected.Member("package");
  if (pkg.present() && pkg.ExpectObject("package")) {
    package.ecosystem = pkg.Member("ecosystem").String("ecosystem", true).value_or("");
    package.name = pkg.Member("name").String("name", true).value_or("");
    package.purl = pkg.Member("purl").String("purl").value_or("");
  }
  if (affected.Member("ranges").ExpectArray("ranges")) {
    for (const JsonCursor& range : affected.Member("ranges").Items()) ReadRange(range, &package);
  }
  package.versions = affected.Member("versions").Strings("versions");
  advisory->affected.push_back(std::move(package));
}

std::optional<Advisory> ReadRecord(const document::LocatedDocument& doc, DiagnosticSink& sink) {
  const int errors = sink.error_count();
  const std::string& file = doc.file;
  const JsonCursor root(doc, sink);
  if (!root.ExpectObject("the OSV record", true)) return std::nullopt;
  Advisory advisory;
  advisory.file = file;
  advisory.location = root.location();
  advisory.id = root.Member("id").String("id", true).value_or("");
  advisory.modified = root.Member("modified").String("modified", true).value_or("");
  advisory.published = root.Member("published").String("published").value_or("");
  advisory.withdrawn = root.Member("withdrawn").String("withdrawn").value_or("");
  advisory.summary = root.Member("summary").String("summary").value_or("");
  advisory.aliases = root.Member("aliases").Strings("aliases");
  if (root.Member("severity").ExpectArray("severity")) {
    for (const JsonCursor& severity : root.Member("severity").Items()) {
      if (!severity.ExpectObject("severity[]")) continue;
      const std::string type = severity.Member("type").String("type", true).value_or("");
      const std::string score = severity.Member("score").String("score", true).value_or("");
      if (type.starts_with("CVSS_V")) advisory.cvss.push_back(score);
    }
  }
  if (root.Member("affected").ExpectArray("affected")) {
    for (const JsonCursor& affected : root.Member("affected").Items()) {
      ReadAffected(affected, &advisory);
    }
  }
  if (sink.error_count() != errors) return std::nullopt;
  return advisory;
}

}  // namespace

std::optional<Advisory> ReadOsvRecord(const std::string& file, std::string_view text,
                                      DiagnosticSink& sink) {
  return document::ReadLocated(file, text, sink, {}, ReadRecord);
}

}  // namespace medtra::sbom
