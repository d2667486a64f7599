// ModelBuilder::BuildListInParts: the long lists of a large model (components, assets, flows)
// built on several threads, with the model and the diagnostics of one thread.
#include <iterator>

#include "medtra/base/parallel.h"
#include "model/model_builder.h"

namespace medtra::model {
namespace {

/// Below this many items a list is built on one thread: starting threads would cost more.
constexpr size_t kItemsPerPart = 2048;

/// Appends the `list` of every part to `to`, in order, with one allocation.
template <typename Part, typename T>
void MoveAppend(std::vector<Part>& parts, std::vector<T> SystemModel::*list, std::vector<T>* to) {
  size_t total = to->size();
  for (const Part& part : parts) total += (part.model.*list).size();
  to->reserve(total);
  for (Part& part : parts) {
    std::vector<T>& from = part.model.*list;
    to->insert(to->end(), std::make_move_iterator(from.begin()),
               std::make_move_iterator(from.end()));
  }
}

}  // namespace

bool ModelBuilder::BuildListInParts(Node list, void (ModelBuilder::*build)(Node)) {
  const size_t items = list.size();
  if (threads_ <= 1 || items < 2 * kItemsPerPart) return false;
  const size_t count = std::min<size_t>(items / kItemsPerPart, size_t{4} * threads_);
  struct Part {
    SystemModel model;
    DiagnosticSink sink;
    std::vector<Reference> references;
    std::vector<std::pair<std::string, Definition>> definitions;
  };
  std::vector<Part> parts(count);
  ParallelFor(count, threads_, [&](size_t p) {
    Part& part = parts[p];
    ModelBuilder builder(&part.model, part.sink);
    builder.defer_definitions_ = true;
    for (size_t i = items * p / count; i < items * (p + 1) / count; ++i) {
      (builder.*build)(list.item(i));
    }
    part.references = std::move(builder.references_);
    part.definitions = std::move(builder.deferred_);
  });
  for (const Part& part : parts) {
    if (!part.sink.diagnostics().empty() || part.sink.error_count() > 0) return false;
  }
  // Without diagnostics in any part, the definitions in order are the only calls that can still
  // report (a duplicate id), exactly as one thread would have made them.
  for (Part& part : parts) {
    for (const auto& [id, definition] : part.definitions) {
      Define(id, definition.kind, definition.location);
    }
    references_.insert(references_.end(), std::make_move_iterator(part.references.begin()),
                       std::make_move_iterator(part.references.end()));
  }
  MoveAppend(parts, &SystemModel::components, &model_->components);
  MoveAppend(parts, &SystemModel::assets, &model_->assets);
  MoveAppend(parts, &SystemModel::flows, &model_->flows);
  return true;
}

}  // namespace medtra::model
