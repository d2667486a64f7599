// The format-1 vocabulary, built once on first use (immutable afterwards).
#include "medtra/model/schema.h"

namespace medtra::model::schema {

const Vocabulary& V1() {
  static const Vocabulary kVocabulary;
  return kVocabulary;
}

std::span<const std::string> ProvidableValues(const Vocabulary& v, std::string_view property) {
  if (property == "authentication") return v.authentication;
  if (property == "confidentiality") return v.confidentiality;
  if (property == "integrity") return v.integrity;
  if (property == "freshness") return v.freshness;
  if (property == "authorization") return v.authorization;
  if (property == "availability") return v.availability;
  return {};
}

}  // namespace medtra::model::schema
