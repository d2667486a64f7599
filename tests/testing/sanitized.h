// MEDTRA_TEST_SANITIZED is defined when the tests are built with AddressSanitizer (GCC or clang):
// tests then run commands without an address-space limit, which ASan's shadow memory cannot meet.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define MEDTRA_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEDTRA_TEST_SANITIZED 1
#endif
#endif

#include <string>

namespace medtra::testing {

/// The shell prefix for a hostile-input run: a hang guard and, outside sanitizer builds, a 1 GiB
/// address-space limit.
inline std::string HostileGuard() {
#ifdef MEDTRA_TEST_SANITIZED
  return "timeout 120";
#else
  return "timeout 120 prlimit --as=1073741824 --";
#endif
}

}  // namespace medtra::testing
