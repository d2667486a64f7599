// CheckSbomElements: the NTIA minimum elements and the FDA's support fields, as located warnings.
#include <set>

#include "medtra/sbom/sbom.h"

namespace medtra::sbom {
namespace {

// "component 'openssl' (ref 'pkg:...')" for messages.
std::string Named(const SbomComponent& component) {
  std::string text = "component '" + component.name + "'";
  if (!component.ref.empty() && component.ref != component.name) {
    text += " (" + component.ref + ")";
  }
  return text;
}

void Component(const SbomComponent& component, const std::set<std::string>& in_graph,
               bool has_graph, std::string_view today, DiagnosticSink& sink) {
  const SourceLocation& at = component.location;
  const std::string named = Named(component);
  if (component.name.empty()) {
    sink.Warning(at, "sbom-missing-name", "a component has no name");
  }
  if (component.supplier.empty()) {
    sink.Warning(at, "sbom-missing-supplier", named + " has no supplier");
  }
  if (component.version.empty()) {
    sink.Warning(at, "sbom-missing-version", named + " has no version");
  }
  if (!component.purl && component.cpes.empty()) {
    sink.Warning(at, "sbom-missing-identifier",
                 named + " has no unique identifier (a purl or a CPE)");
  }
  if (has_graph && in_graph.count(component.ref) == 0) {
    sink.Warning(at, "sbom-missing-dependency", named + " is in no dependency relationship");
  }
  if (component.support_level.empty()) {
    sink.Warning(at, "sbom-missing-support-level", named + " has no support level");
  }
  if (component.end_of_support.empty()) {
    sink.Warning(at, "sbom-missing-end-of-support", named + " has no end-of-support date");
  } else if (!today.empty() && component.end_of_support < today) {
    sink.Warning(at, "sbom-end-of-support-passed",
                 named + " reached its end of support on " + component.end_of_support);
  }
}

}  // namespace

void CheckSbomElements(const Sbom& sbom, DiagnosticSink& sink) {
  CheckSbomElements(sbom, "", sink);
}

void CheckSbomElements(const Sbom& sbom, std::string_view today, DiagnosticSink& sink) {
  if (sbom.authors.empty()) {
    sink.Warning(sbom.location, "sbom-missing-author", "the SBOM names no author of its data");
  }
  if (sbom.timestamp.empty()) {
    sink.Warning(sbom.location, "sbom-missing-timestamp", "the SBOM has no timestamp");
  }
  std::set<std::string> in_graph;
  for (const SbomDependency& dependency : sbom.dependencies) {
    in_graph.insert(dependency.ref);
    in_graph.insert(dependency.depends_on.begin(), dependency.depends_on.end());
  }
  const bool has_graph = !sbom.dependencies.empty();
  if (!has_graph && !sbom.components.empty()) {
    sink.Warning(sbom.location, "sbom-missing-dependency",
                 "the SBOM states no dependency relationships");
  }
  const std::string_view date = IsIsoDate(today) ? today.substr(0, 10) : std::string_view();
  for (const SbomComponent& component : sbom.components) {
    Component(component, in_graph, has_graph, date, sink);
  }
}

}  // namespace medtra::sbom
