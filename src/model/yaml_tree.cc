// Node accessors and the flat storage of YamlTree.
#include "medtra/model/yaml_tree.h"

#include <algorithm>
#include <cassert>

namespace medtra::model {

namespace {
constexpr uint32_t kMaxCol = (uint32_t{1} << 29) - 1;
}  // namespace

void YamlTree::Reserve(size_t bytes, size_t nodes) {
  text_.reserve(bytes);
  entries_.reserve(nodes);
  children_.reserve(nodes);
}

uint32_t YamlTree::AddScalar(std::string_view value, bool plain, uint32_t line, uint32_t col) {
  Entry entry;
  entry.begin = static_cast<uint32_t>(text_.size());
  entry.size = static_cast<uint32_t>(value.size());
  entry.line = line;
  entry.col = std::min(col, kMaxCol);
  entry.kind = static_cast<uint32_t>(NodeKind::kScalar);
  entry.plain = plain ? 1 : 0;
  text_.append(value);
  entries_.push_back(entry);
  return static_cast<uint32_t>(entries_.size() - 1);
}

uint32_t YamlTree::AddCollection(NodeKind kind, uint32_t line, uint32_t col) {
  Entry entry;
  entry.line = line;
  entry.col = std::min(col, kMaxCol);
  entry.kind = static_cast<uint32_t>(kind);
  entries_.push_back(entry);
  return static_cast<uint32_t>(entries_.size() - 1);
}

void YamlTree::SetChildren(uint32_t id, std::span<const uint32_t> children) {
  entries_[id].begin = static_cast<uint32_t>(children_.size());
  entries_[id].size = static_cast<uint32_t>(children.size());
  children_.insert(children_.end(), children.begin(), children.end());
}

uint32_t YamlTree::Append(const YamlTree& part, uint32_t line_offset) {
  const auto first = static_cast<uint32_t>(entries_.size());
  const auto text_base = static_cast<uint32_t>(text_.size());
  const auto children_base = static_cast<uint32_t>(children_.size());
  text_.append(part.text_);
  entries_.reserve(entries_.size() + part.entries_.size());
  for (Entry entry : part.entries_) {
    entry.line += line_offset;
    entry.begin +=
        static_cast<NodeKind>(entry.kind) == NodeKind::kScalar ? text_base : children_base;
    entries_.push_back(entry);
  }
  children_.reserve(children_.size() + part.children_.size());
  for (const uint32_t child : part.children_) children_.push_back(child + first);
  return first;
}

NodeKind Node::kind() const { return static_cast<NodeKind>(tree_->entries_[id_].kind); }
bool Node::is_plain() const { return tree_->entries_[id_].plain != 0; }

bool Node::is_null() const {
  if (!is_scalar() || !is_plain()) return false;
  const std::string_view text = scalar();
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string_view Node::scalar() const {
  const YamlTree::Entry& entry = tree_->entries_[id_];
  if (static_cast<NodeKind>(entry.kind) != NodeKind::kScalar) return {};
  return std::string_view(tree_->text_).substr(entry.begin, entry.size);
}

int Node::line() const { return static_cast<int>(tree_->entries_[id_].line); }
int Node::col() const { return static_cast<int>(tree_->entries_[id_].col); }

SourceLocation Node::location() const {
  if (tree_ == nullptr) return {};
  return {tree_->file_, line(), col()};
}

std::string_view Node::kind_name() const {
  switch (kind()) {
    case NodeKind::kScalar:
      return is_null() ? "null" : "scalar";
    case NodeKind::kSequence:
      return "sequence";
    case NodeKind::kMapping:
      return "mapping";
  }
  return "scalar";
}

size_t Node::size() const {
  const YamlTree::Entry& entry = tree_->entries_[id_];
  return static_cast<NodeKind>(entry.kind) == NodeKind::kMapping ? entry.size / 2 : entry.size;
}

Node Node::item(size_t index) const {
  assert(is_sequence() && index < size());
  return Node(tree_, tree_->children_[tree_->entries_[id_].begin + index]);
}

Node Node::key(size_t index) const {
  assert(is_mapping() && index < size());
  return Node(tree_, tree_->children_[tree_->entries_[id_].begin + 2 * index]);
}

Node Node::value(size_t index) const {
  assert(is_mapping() && index < size());
  return Node(tree_, tree_->children_[tree_->entries_[id_].begin + 2 * index + 1]);
}

Node Node::Find(std::string_view name) const {
  if (!valid() || !is_mapping()) return {};
  for (size_t i = 0; i < size(); ++i) {
    const Node k = key(i);
    if (k.is_scalar() && k.scalar() == name) return value(i);
  }
  return {};
}

}  // namespace medtra::model
