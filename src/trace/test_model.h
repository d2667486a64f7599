// A tiny model for the trace module's unit tests (test-only header).
#pragma once

#include <memory>
#include <string>

#include "medtra/base/file_system.h"
#include "medtra/model/model_loader.h"

namespace medtra::trace::testing {

/// system.yaml of the test model: one flow, two risks, a technical and a user measure.
inline constexpr char kSystemYaml[] = R"(medtra: 1
system:
  id: pump-system
  name: Infusion pump
  version: "2.0"
  intended_use: Deliver insulin.
  essential_functions: [{id: EF-dose, name: Deliver dose, component: pump}]
  intended_environment: [{id: ENV-home, name: Home use}]
components:
  - {id: pump, name: Pump, kind: implant, zone: Z-body}
  - {id: app, name: App, kind: mobile-app, zone: Z-home}
zones:
  - {id: Z-body, name: Body, kind: body}
  - {id: Z-home, name: Home, kind: home}
assets:
  - {id: A-dose, name: Dose, kind: function, protect: [integrity]}
flows:
  - {id: F-ble, name: BLE link, between: [app, pump], medium: ble, carries: [A-dose],
     authentication: none, confidentiality: none, integrity: none, freshness: none}
risks:
  - id: "1"
    asset: A-dose
    threat: Attacker changes the dose
    vulnerability: No authentication
    breach: integrity
    likelihood: Medium
    impact: High
    measures: [M-mac, M-lock]
  - id: "2"
    asset: A-dose
    threat: Attacker floods the link
    vulnerability: No rate limit
    breach: availability
    likelihood: Medium
    impact: High
measures:
  - id: M-mac
    name: Authenticate frames
    kind: technical
    provides: {flow: F-ble, integrity: mac}
  - id: M-lock
    name: Lock the phone
    kind: user
    instructions: Lock the phone with a PIN.
)";

/// Loads `files` (path -> text) from memory; fails the test when the model has errors.
inline std::unique_ptr<const model::SystemModel> LoadTestModel(const MemoryFileSystem& fs,
                                                               const std::string& path,
                                                               DiagnosticSink& sink) {
  return model::LoadModel(fs, path, sink, nullptr);
}

}  // namespace medtra::trace::testing
