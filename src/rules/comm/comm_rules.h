// The comm rules (STRIDE per flow): one factory per rule, each defined in its own
// src/rules/comm/<name>_rule.cc; RegisterXxxRules() in comm_rules.cc registers them.
#pragma once

#include <memory>

#include "medtra/rules/threat_rule.h"

namespace medtra::rules {

/// comm-checksum-spoofing: Checksum instead of a cryptographic integrity check.
std::unique_ptr<ThreatRule> MakeCommChecksumSpoofingRule();
/// comm-cleartext-password: Password sent without encryption.
std::unique_ptr<ThreatRule> MakeCommCleartextPasswordRule();
/// comm-cleartext-phi: Eavesdropping of personal health data.
std::unique_ptr<ThreatRule> MakeCommCleartextPhiRule();
/// comm-cleartext-secret: Secrets sent without encryption.
std::unique_ptr<ThreatRule> MakeCommCleartextSecretRule();
/// comm-data-tampering: Modification of data in transit.
std::unique_ptr<ThreatRule> MakeCommDataTamperingRule();
/// comm-firmware-unsigned-channel: Firmware over a channel without signatures.
std::unique_ptr<ThreatRule> MakeCommFirmwareUnsignedChannelRule();
/// comm-flooding: Flooding of a network link an essential function needs.
std::unique_ptr<ThreatRule> MakeCommFloodingRule();
/// comm-jamming: Jamming or denial of a wireless link an essential function needs.
std::unique_ptr<ThreatRule> MakeCommJammingRule();
/// comm-memory-access: Raw memory read/write over an interface.
std::unique_ptr<ThreatRule> MakeCommMemoryAccessRule();
/// comm-missing-authentication: Spoofing of an unauthenticated sender.
std::unique_ptr<ThreatRule> MakeCommMissingAuthenticationRule();
/// comm-obfuscation: Obfuscation instead of encryption.
std::unique_ptr<ThreatRule> MakeCommObfuscationRule();
/// comm-remote-aitm: Adversary in the middle on an internet link.
std::unique_ptr<ThreatRule> MakeCommRemoteAitmRule();
/// comm-replay: Replay of captured messages.
std::unique_ptr<ThreatRule> MakeCommReplayRule();
/// comm-static-identifier: Spoofing with a static identifier.
std::unique_ptr<ThreatRule> MakeCommStaticIdentifierRule();
/// comm-therapy-no-authorization: Therapy changes without authorisation.
std::unique_ptr<ThreatRule> MakeCommTherapyNoAuthorizationRule();
/// comm-therapy-tampering: Modification of therapy data.
std::unique_ptr<ThreatRule> MakeCommTherapyTamperingRule();
/// comm-unprotected-conduit: Unprotected conduit between zones.
std::unique_ptr<ThreatRule> MakeCommUnprotectedConduitRule();
// scripts/new_rule.py adds factories above this line

}  // namespace medtra::rules
