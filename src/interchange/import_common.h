// What every importer shares: the context it fills, element origins, kept raw values, the flow
// design it assumes where the source says nothing, and status tables.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "document/json_fields.h"
#include "medtra/interchange/imported_model.h"
#include "medtra/interchange/located_document.h"

namespace medtra::interchange {

struct ImportContext {
  const LocatedDocument& doc;
  DiagnosticSink& sink;
  ImportedModel model;
  IdTable ids;
};

/// A new element whose origin is the value at `pointer`, with a unique id made from `raw_id`.
/// When the id differs from `raw_id`, the source block keeps the original as `id`.
ImportedElement NewElement(ImportContext& context, std::string_view pointer,
                           std::string_view raw_id);

using document::Member;
using document::Text;
using document::ValueText;
bool Truthy(const nlohmann::json& object, std::string_view key);

/// Copies every member of `object` not named in `used` (and not null) into `element.source`.
void KeepRest(const nlohmann::json& object, std::initializer_list<std::string_view> used,
              ImportedElement* element);

/// The system element: id and name from the source, intended use, essential functions and
/// intended environment "not stated" (empty), with a note saying so.
ImportedElement NewSystem(ImportContext& context, std::string_view raw_id, std::string_view name);

/// A flow's design, with the properties the source did not state listed as `assumed`.
struct FlowDesign {
  std::string medium = "ethernet";
  std::string authentication = "none";
  std::string confidentiality = "none";
  std::string integrity = "none";
  std::string freshness = "none";
  std::vector<std::string> stated;  ///< the properties the source stated
};

/// The medium a protocol name or a public network implies, or "" when nothing does.
std::string MediumFor(std::string_view protocol, bool public_network);
/// Whether a protocol name says that it encrypts (https, tls, ssh, ...).
bool EncryptingProtocol(std::string_view protocol);

/// Adds `between`, the design and the "assumed" note to a flow.
void SetFlowDesign(const std::string& from, const std::string& to, const FlowDesign& design,
                   ImportedElement* flow);

/// Adds `carries`: the ids remembered under `scope` for the names in the arrays `keys` of
/// `object` (the object at `pointer`), each once; unknown names are left out.
void SetCarries(ImportContext& context, const nlohmann::json& object, std::string_view pointer,
                std::initializer_list<std::string_view> keys, std::string_view scope,
                ImportedElement* flow);

/// One row of a per-format kind table (docs/interchange.md): source type -> medtra kind.
struct KindRow {
  std::string_view source;
  std::string_view medtra;
};
/// The medtra kind of `type` in `table`, else "other".
std::string KindOf(std::span<const KindRow> table, std::string_view type);

/// One row of a per-format status table (docs/interchange.md): source value -> medtra status.
struct StatusRow {
  std::string_view source;
  std::string_view medtra;
};

/// A source threat as a threat event. `status` is the source's value; `table` maps it (case and
/// spaces ignored); an unknown value is "open" and reported as a warning at `pointer`.
ImportedElement NewThreat(ImportContext& context, std::string_view pointer, std::string_view raw_id,
                          std::string_view name, std::string_view text, std::string_view status,
                          std::span<const StatusRow> table);

/// The member `key` of the object at `pointer` when it is an array (or an object, for ObjectAt);
/// an empty value when absent or null; a wrong type is a located error (`import-wrong-type`).
const nlohmann::json& ArrayAt(ImportContext& context, const nlohmann::json& object,
                              std::string_view pointer, std::string_view key);
const nlohmann::json& ObjectAt(ImportContext& context, const nlohmann::json& object,
                               std::string_view pointer, std::string_view key);

/// Checks that the document is an object with every key of `keys`; else a located error
/// `import-format` ("not a FORMAT file") and false.
bool RequireRoot(ImportContext& context, std::initializer_list<std::string_view> keys,
                 std::string_view format_name);

/// Reports a value that has no medtra home and is not kept (e.g. a drawn boundary).
void ReportUnmapped(ImportContext& context, std::string_view pointer, const std::string& what);

}  // namespace medtra::interchange
