// LoadFromText and the minimal model used by unit tests.
#include "tests/testing/model_fixture.h"

namespace medtra::testing {

LoadedModel LoadFromText(const std::string& yaml) {
  MemoryFileSystem fs;
  fs.AddFile("m.yaml", yaml);
  DiagnosticSink sink;
  LoadedModel out;
  out.model = model::LoadModel(fs, "m.yaml", sink, nullptr);
  out.diagnostics = RenderTextAll(sink, nullptr);
  return out;
}

std::string MinimalModel() {
  return R"(medtra: 1
system:
  id: s
  name: Pump
  intended_use: Deliver insulin
  essential_functions: [{id: EF-1, name: Deliver insulin, component: pump}]
  intended_environment: [{id: ENV-home, name: Home use, setting: home}]
components:
  - {id: pump, name: Pump, kind: wearable}
  - {id: app, name: App, kind: mobile-app}
assets:
  - {id: A-data, name: Glucose data, kind: data, personal_health_data: true}
  - {id: A-dose, name: Dosing, kind: function, essential_function: EF-1}
flows:
  - {id: F-1, between: [app, pump], medium: ble, carries: [A-data, A-dose],
     authentication: none, confidentiality: none, integrity: none, freshness: none}
hazards:
  - {id: H-1, name: Overdose}
measures:
  - {id: M-1, name: Encrypt, kind: technical, provides: {flow: F-1, confidentiality: encrypted},
     essential_function_impact: none, verified_by: [sim:eavesdrop]}
)";
}

}  // namespace medtra::testing
