// What the CycloneDX and SPDX readers share: the document, the SBOM they fill, typed fields with
// located errors, and the refs whose uniqueness and targets are checked once both are known.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "document/json_fields.h"
#include "medtra/sbom/sbom.h"

namespace medtra::sbom {

struct SbomContext {
  SbomContext(const document::LocatedDocument& document, DiagnosticSink& diagnostics)
      : doc(document), sink(diagnostics), fields{doc, sink, "sbom-wrong-type", "sbom-required"} {}

  const document::LocatedDocument& doc;
  DiagnosticSink& sink;
  document::JsonFields fields;
  Sbom sbom;
  std::map<std::string, SourceLocation> known;  ///< refs defined so far, where

  /// One use of a ref (a dependency, an affected component), checked by CheckRefs.
  struct Use {
    std::string ref;
    std::string pointer;
    std::string_view what;  ///< "dependency", "affected component"
  };
  std::vector<Use> uses;
};

/// Defines `ref` (at `pointer`); a second definition is an error `sbom-duplicate-ref`.
void DefineRef(SbomContext& context, const std::string& ref, std::string_view pointer,
               std::string_view what);
/// Reports each use of a ref that no component defines (`sbom-dangling-ref`).
void CheckRefs(SbomContext& context);
/// Parses `text` (the value at `pointer`) into `component`; a malformed purl is `sbom-bad-purl`.
void SetPurl(SbomContext& context, const std::string& text, std::string_view pointer,
             SbomComponent* component);
/// Checks a date value (at `pointer`) and keeps its date part; else `sbom-bad-date` and "".
std::string DateAt(SbomContext& context, const std::string& text, std::string_view pointer,
                   std::string_view what);

/// The format readers: fill context.sbom from context.doc, reporting every error.
void ReadCycloneDx(SbomContext& context);
void ReadSpdx(SbomContext& context);

}  // namespace medtra::sbom
