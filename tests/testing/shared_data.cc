// SharedDataPath and HaveSharedData: where the reference data is, and whether it is there.
#include "tests/testing/shared_data.h"

#include <filesystem>

namespace medtra::testing {

std::string SharedDataPath(const std::string& relative) {
  return std::string(MEDTRA_SHARED_DIR) + "/data/" + relative;
}

bool HaveSharedData() {
  std::error_code error;
  return std::filesystem::is_directory(SharedDataPath(""), error);
}

std::string SharedDataAbsentMessage() {
  return "reference data folder " + SharedDataPath("") +
         " is absent; the test needs it (configure with -DMEDTRA_SHARED_DIR=PATH to the shared/ "
         "folder to run it)";
}

}  // namespace medtra::testing
