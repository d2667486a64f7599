// The citations that several built-in rules share, written once: the references of RuleInfo and
// the CAPEC and CWE entries (ids and names as in CAPEC 3.9 and CWE 4.15).
#pragma once

#include "medtra/rules/threat_rule.h"

namespace medtra::rules::refs {

/// A CAPEC or CWE entry as a constant; it converts to the CatalogRef a RuleInfo holds.
struct Entry {
  const char* id;
  const char* name;
  operator CatalogRef() const { return {id, name}; }  // implicit: `info.capec = {refs::kCapec94}`
};

// RuleInfo::references.
inline constexpr char kTir57Threats[] =
    "AAMI TIR57:2016/(R)2023, 4.3 (threats, vulnerabilities, assets, adverse impacts)";
inline constexpr char kTir57IntendedUse[] =
    "AAMI TIR57:2016/(R)2023, 4.2 (intended use and characteristics related to security)";
inline constexpr char kFdaControlCategories[] =
    "FDA, Cybersecurity in Medical Devices (2025), Appendix 1: security control categories";
inline constexpr char kIec62443_4_1ThreatModel[] =
    "IEC 62443-4-1:2018, SR-2 (threat model: data flows, trust boundaries, interfaces)";
inline constexpr char kIec62443_3_2ZonesConduits[] =
    "IEC 62443-3-2:2020, ZCR 3.1 (establish zones and conduits)";
inline constexpr char kIec62443_4_2EssentialFunctions[] =
    "IEC 62443-4-2:2019, CCSC 1 (support of essential functions)";

// RuleInfo::capec.
inline constexpr Entry kCapec70{"CAPEC-70", "Try Common or Default Usernames and Passwords"};
inline constexpr Entry kCapec94{"CAPEC-94", "Adversary in the Middle (AiTM)"};
inline constexpr Entry kCapec121{"CAPEC-121", "Exploit Non-Production Interfaces"};
inline constexpr Entry kCapec125{"CAPEC-125", "Flooding"};
inline constexpr Entry kCapec151{"CAPEC-151", "Identity Spoofing"};
inline constexpr Entry kCapec157{"CAPEC-157", "Sniffing Attacks"};
inline constexpr Entry kCapec186{"CAPEC-186", "Malicious Software Update"};

// RuleInfo::cwe.
inline constexpr Entry kCwe294{"CWE-294", "Authentication Bypass by Capture-replay"};
inline constexpr Entry kCwe306{"CWE-306", "Missing Authentication for Critical Function"};
inline constexpr Entry kCwe345{"CWE-345", "Insufficient Verification of Data Authenticity"};
inline constexpr Entry kCwe359{"CWE-359",
                               "Exposure of Private Personal Information to an Unauthorized Actor"};
inline constexpr Entry kCwe494{"CWE-494", "Download of Code Without Integrity Check"};
inline constexpr Entry kCwe668{"CWE-668", "Exposure of Resource to Wrong Sphere"};
inline constexpr Entry kCwe1059{"CWE-1059", "Insufficient Technical Documentation"};

}  // namespace medtra::rules::refs
