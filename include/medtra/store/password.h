// Password hashing for the accounts: scrypt (memory-hard, OpenSSL's EVP_PBE_scrypt) with a random
// salt; the parameters are stored with the digest so that they can be raised later.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "medtra/base/status.h"

namespace medtra::store {

struct KdfParams {
  uint64_t n = uint64_t{1} << 15;  ///< CPU/memory cost: 128 * n * r bytes = 32 MiB
  uint64_t r = 8;
  uint64_t p = 1;
};

/// "scrypt$N$r$p$SALT$DIGEST" (salt and digest in hex) for `password` with a fresh random salt.
Result<std::string> HashPassword(std::string_view password, const KdfParams& params = {});

/// Whether `password` matches `stored` (HashPassword()'s text), compared in constant time. A
/// malformed `stored` never matches.
bool VerifyPassword(std::string_view password, const std::string& stored);

/// `bytes` random bytes from OpenSSL's CSPRNG, as hex (session and CSRF tokens).
Result<std::string> RandomHex(size_t bytes);

}  // namespace medtra::store
