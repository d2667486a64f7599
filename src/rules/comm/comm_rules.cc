// Registers the comm rules.
#include "rules/comm/comm_rules.h"
#include "rules/rule_groups.h"

namespace medtra::rules {

void RegisterCommRules(RuleCatalog& catalog) {
  Add(catalog, MakeCommCleartextPhiRule());
  Add(catalog, MakeCommCleartextSecretRule());
  Add(catalog, MakeCommMissingAuthenticationRule());
  Add(catalog, MakeCommStaticIdentifierRule());
  Add(catalog, MakeCommCleartextPasswordRule());
  Add(catalog, MakeCommTherapyTamperingRule());
  Add(catalog, MakeCommDataTamperingRule());
  Add(catalog, MakeCommReplayRule());
  Add(catalog, MakeCommJammingRule());
  Add(catalog, MakeCommFloodingRule());
  Add(catalog, MakeCommTherapyNoAuthorizationRule());
  Add(catalog, MakeCommMemoryAccessRule());
  Add(catalog, MakeCommUnprotectedConduitRule());
  Add(catalog, MakeCommObfuscationRule());
  Add(catalog, MakeCommChecksumSpoofingRule());
  Add(catalog, MakeCommFirmwareUnsignedChannelRule());
  Add(catalog, MakeCommRemoteAitmRule());
  // scripts/new_rule.py adds registrations above this line
}

}  // namespace medtra::rules
