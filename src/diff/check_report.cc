// CheckReport: a report JSON given to `medtra diff` has the shape that the diff reads.
#include "medtra/diff/diff.h"

namespace medtra::diff {
namespace {

// The keys of a report item that the diff reads as text, and as a boolean.
struct Shape {
  const char* list;
  std::initializer_list<const char*> texts;
  std::initializer_list<const char*> booleans;
};

}  // namespace

Status CheckReport(const nlohmann::json& report) {
  if (!report.is_object() || report.value("format", nlohmann::json()) != "medtra-report") {
    return Status::Error("not a medtra report JSON (\"format\": \"medtra-report\")");
  }
  const Shape shapes[] = {{"threats", {"id", "title", "status"}, {}},
                          {"risks", {"id"}, {"safety_related"}},
                          {"measures", {"id"}, {}},
                          {"findings", {"severity", "code", "message"}, {}}};
  for (const Shape& shape : shapes) {
    if (!report.contains(shape.list)) continue;
    const nlohmann::json& items = report[shape.list];
    if (!items.is_array()) return Status::Error(std::string("'") + shape.list + "' is not a list");
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string where = std::string("/") + shape.list + "/" + std::to_string(i);
      if (!items[i].is_object()) return Status::Error(where + " is not an object");
      for (const char* key : shape.texts) {
        if (items[i].contains(key) && !items[i][key].is_string()) {
          return Status::Error(where + "/" + key + " is not a string");
        }
      }
      for (const char* key : shape.booleans) {
        if (items[i].contains(key) && !items[i][key].is_boolean()) {
          return Status::Error(where + "/" + key + " is not a boolean");
        }
      }
    }
  }
  if (report.contains("system") && !report["system"].is_object()) {
    return Status::Error("'system' is not an object");
  }
  return Status::Ok();
}

}  // namespace medtra::diff
