// Private to the VEX writers: document ids derived from content.
#pragma once

#include <string>

namespace medtra::report {

/// A name-based UUID (the layout of RFC 9562 version 8) from the document's content, so that the
/// same statements give the same serial number.
std::string ContentUuid(const std::string& content);

}  // namespace medtra::report
