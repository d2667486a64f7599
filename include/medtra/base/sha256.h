// SHA-256 (OpenSSL) as lowercase hex: file identities in reports and evidence.
#pragma once

#include <string>
#include <string_view>

namespace medtra {

/// The SHA-256 digest of `data`, as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

/// Bytes as lowercase hex.
std::string HexBytes(const unsigned char* bytes, size_t size);

}  // namespace medtra
