// Test helper: the reference data of ../shared/data (MEDTRA_SHARED_DIR), which a clone may lack.
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace medtra::testing {

/// MEDTRA_SHARED_DIR + "/data/" + `relative`: "cvss/cvss31_public.tsv" -> ".../shared/data/...".
std::string SharedDataPath(const std::string& relative);
/// True when the folder MEDTRA_SHARED_DIR/data exists.
bool HaveSharedData();
/// "reference data folder .../shared/data is absent (configure with -DMEDTRA_SHARED_DIR=...)".
std::string SharedDataAbsentMessage();

}  // namespace medtra::testing

/// Skips the current test, naming the folder, when MEDTRA_SHARED_DIR/data is absent; CI, which
/// has the folder, runs the test.
#define MEDTRA_SKIP_WITHOUT_SHARED_DATA()                           \
  do {                                                              \
    if (!::medtra::testing::HaveSharedData()) {                     \
      GTEST_SKIP() << ::medtra::testing::SharedDataAbsentMessage(); \
    }                                                               \
  } while (false)
