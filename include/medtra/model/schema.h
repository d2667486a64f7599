// The vocabulary of the model format v1: allowed values of every enumerated key, in one place.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace medtra::model::schema {

/// The values a key may take (documented in docs/model-format.md and schema/).
struct Vocabulary {
  std::vector<std::string> zone_kinds = {"body",     "clinic", "hospital-network", "home", "public",
                                         "internet", "cloud",  "manufacturer",     "other"};
  std::vector<std::string> component_kinds = {
      "implant",     "programmer", "home-monitor",   "mobile-app", "wearable", "cloud", "server",
      "workstation", "gateway",    "network-device", "sensor",     "external", "other"};
  std::vector<std::string> asset_kinds = {"data",       "function", "firmware",
                                          "credential", "log",      "configuration"};
  std::vector<std::string> properties = {"confidentiality", "integrity", "availability"};
  std::vector<std::string> media = {"rf",        "mics", "ble",      "nfc",
                                    "inductive", "wifi", "ethernet", "internet",
                                    "cellular",  "usb",  "serial",   "internal"};
  std::vector<std::string> authentication = {
      "none", "static-identifier", "password", "shared-key", "mac", "signature", "certificate"};
  std::vector<std::string> confidentiality = {"none", "obfuscated", "encrypted"};
  std::vector<std::string> integrity = {"none", "crc", "mac", "signature"};
  std::vector<std::string> freshness = {"none", "counter", "timestamp", "nonce"};
  std::vector<std::string> authorization = {"none", "role-based"};
  std::vector<std::string> availability = {"none", "retry", "redundant"};
  std::vector<std::string> debug_port = {"none", "disabled", "enabled"};
  std::vector<std::string> update = {"none", "signed", "unsigned"};
  std::vector<std::string> credentials = {"none", "unique", "default", "shared"};
  std::vector<std::string> keys = {"none", "per-device", "fleet"};
  std::vector<std::string> instances = {"one", "many"};
  std::vector<std::string> settings = {"clinic", "hospital",  "home",
                                       "mobile", "ambulance", "other"};
  std::vector<std::string> physical_access = {"controlled", "patient", "public"};
  std::vector<std::string> network = {"none", "isolated", "hospital", "internet"};
  std::vector<std::string> operators = {"clinician", "patient", "technician"};
  std::vector<std::string> user_roles = {"clinician", "patient", "technician", "manufacturer",
                                         "other"};
  std::vector<std::string> measure_kinds = {"technical", "user"};
  std::vector<std::string> essential_function_impact = {"none", "degrades", "blocks"};
  std::vector<std::string> harm = {"patient", "data", "none"};
  /// Top-level sections that later stages parse themselves (kept raw by the builder).
  std::vector<std::string> raw_sections = {
      "vulnerabilities", "threat_decisions",    "requirements",   "sdl",
      "labeling",        "security_categories", "cvss_likelihood"};
  /// Every top-level key of a model file.
  std::vector<std::string> top_level = {"medtra",
                                        "system",
                                        "zones",
                                        "components",
                                        "assets",
                                        "flows",
                                        "threat_events",
                                        "hazards",
                                        "risks",
                                        "measures",
                                        "risk_method",
                                        "vulnerabilities",
                                        "threat_decisions",
                                        "requirements",
                                        "sdl",
                                        "labeling",
                                        "security_categories",
                                        "cvss_likelihood",
                                        "document"};
  /// The flow properties a measure can provide, with their vocabularies.
  std::vector<std::string> providable = {"authentication", "confidentiality", "integrity",
                                         "freshness",      "authorization",   "availability"};
};

/// The vocabulary of format version 1 (an immutable value shared by the loader and the docs).
const Vocabulary& V1();

/// The values of one providable flow property, or an empty span.
std::span<const std::string> ProvidableValues(const Vocabulary& vocabulary,
                                              std::string_view property);

}  // namespace medtra::model::schema
