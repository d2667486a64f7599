// Sha256Hex: OpenSSL's SHA-256 (uses the CPU's SHA instructions where there are any).
#include "medtra/base/sha256.h"

#include <openssl/evp.h>

namespace medtra {

std::string HexBytes(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  return HexBytes(digest, size);
}

}  // namespace medtra
