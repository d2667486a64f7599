// LocatedDocument lookups and JSON pointers.
#include "medtra/document/located_document.h"

namespace medtra::document {

SourceLocation LocatedDocument::At(std::string_view pointer) const {
  std::string at(pointer);
  while (true) {
    if (const auto found = where.find(at); found != where.end()) {
      return {file, found->second.line, found->second.col};
    }
    const size_t slash = at.rfind('/');
    if (slash == std::string::npos) return {file, 0, 0};
    at.resize(slash);
  }
}

std::string PointerChild(std::string_view parent, std::string_view token) {
  std::string pointer(parent);
  pointer += '/';
  for (const char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

std::string PointerChild(std::string_view parent, size_t index) {
  return std::string(parent) + "/" + std::to_string(index);
}

}  // namespace medtra::document
