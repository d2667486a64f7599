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
