// Registers the comm rules.
#include "rules/comm/checksum_spoofing_rule.h"
#include "rules/comm/cleartext_password_rule.h"
#include "rules/comm/cleartext_phi_rule.h"
#include "rules/comm/cleartext_secret_rule.h"
#include "rules/comm/data_tampering_rule.h"
#include "rules/comm/firmware_unsigned_channel_rule.h"
#include "rules/comm/flooding_rule.h"
#include "rules/comm/jamming_rule.h"
#include "rules/comm/memory_access_rule.h"
#include "rules/comm/missing_authentication_rule.h"
#include "rules/comm/obfuscation_rule.h"
#include "rules/comm/remote_aitm_rule.h"
#include "rules/comm/replay_rule.h"
#include "rules/comm/static_identifier_rule.h"
#include "rules/comm/therapy_no_authorization_rule.h"
#include "rules/comm/therapy_tampering_rule.h"
#include "rules/comm/unprotected_conduit_rule.h"
#include "rules/rule_groups.h"
// scripts/new_rule.py adds includes above this line

namespace medtra::rules {

void RegisterCommRules(RuleCatalog& catalog) {
  Add(catalog, std::make_unique<CommCleartextPhiRule>());
  Add(catalog, std::make_unique<CommCleartextSecretRule>());
  Add(catalog, std::make_unique<CommMissingAuthenticationRule>());
  Add(catalog, std::make_unique<CommStaticIdentifierRule>());
  Add(catalog, std::make_unique<CommCleartextPasswordRule>());
  Add(catalog, std::make_unique<CommTherapyTamperingRule>());
  Add(catalog, std::make_unique<CommDataTamperingRule>());
  Add(catalog, std::make_unique<CommReplayRule>());
  Add(catalog, std::make_unique<CommJammingRule>());
  Add(catalog, std::make_unique<CommFloodingRule>());
  Add(catalog, std::make_unique<CommTherapyNoAuthorizationRule>());
  Add(catalog, std::make_unique<CommMemoryAccessRule>());
  Add(catalog, std::make_unique<CommUnprotectedConduitRule>());
  Add(catalog, std::make_unique<CommObfuscationRule>());
  Add(catalog, std::make_unique<CommChecksumSpoofingRule>());
  Add(catalog, std::make_unique<CommFirmwareUnsignedChannelRule>());
  Add(catalog, std::make_unique<CommRemoteAitmRule>());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
