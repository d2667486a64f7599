// HashPassword / VerifyPassword: scrypt through OpenSSL, CRYPTO_memcmp for the comparison.
#include "medtra/store/password.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <vector>

#include "medtra/base/sha256.h"
#include "medtra/base/strings.h"

namespace medtra::store {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kDigestBytes = 32;
// Refuse stored parameters beyond this (a tampered row must not exhaust memory): 256 MiB.
constexpr uint64_t kMaxMemory = uint64_t{256} << 20;

bool Scrypt(std::string_view password, const std::vector<unsigned char>& salt,
            const KdfParams& params, unsigned char* digest) {
  if (params.n < 2 || params.r == 0 || params.p == 0 || params.r * params.p > 64 ||
      128 * params.n * params.r > kMaxMemory) {
    return false;
  }
  return EVP_PBE_scrypt(password.data(), password.size(), salt.data(), salt.size(), params.n,
                        params.r, params.p, kMaxMemory + (uint64_t{1} << 20), digest,
                        kDigestBytes) == 1;
}

bool FromHex(std::string_view hex, std::vector<unsigned char>* out) {
  if (hex.size() % 2 != 0) return false;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < hex.size(); i += 2) {
    const int hi = digit(hex[i]);
    const int lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return true;
}

bool ParseNumber(const std::string& text, uint64_t* out) {
  if (text.empty() || text.size() > 12 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *out = std::stoull(text);
  return true;
}

}  // namespace

Result<std::string> RandomHex(size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  if (RAND_bytes(buffer.data(), static_cast<int>(bytes)) != 1) {
    return Result<std::string>::Error("the random generator failed");
  }
  return HexBytes(buffer.data(), buffer.size());
}

Result<std::string> HashPassword(std::string_view password, const KdfParams& params) {
  std::vector<unsigned char> salt(kSaltBytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    return Result<std::string>::Error("the random generator failed");
  }
  unsigned char digest[kDigestBytes];
  if (!Scrypt(password, salt, params, digest)) {
    return Result<std::string>::Error("scrypt failed (parameters out of range?)");
  }
  return "scrypt$" + std::to_string(params.n) + "$" + std::to_string(params.r) + "$" +
         std::to_string(params.p) + "$" + HexBytes(salt.data(), salt.size()) + "$" +
         HexBytes(digest, kDigestBytes);
}

bool VerifyPassword(std::string_view password, const std::string& stored) {
  const std::vector<std::string> parts = Split(stored, '$');
  if (parts.size() != 6 || parts[0] != "scrypt") return false;
  KdfParams params;
  std::vector<unsigned char> salt;
  std::vector<unsigned char> expected;
  if (!ParseNumber(parts[1], &params.n) || !ParseNumber(parts[2], &params.r) ||
      !ParseNumber(parts[3], &params.p) || !FromHex(parts[4], &salt) ||
      !FromHex(parts[5], &expected) || expected.size() != kDigestBytes) {
    return false;
  }
  unsigned char digest[kDigestBytes];
  if (!Scrypt(password, salt, params, digest)) return false;
  return CRYPTO_memcmp(digest, expected.data(), kDigestBytes) == 0;
}

}  // namespace medtra::store
