// ParseYaml: libyaml events -> YamlTree, with duplicate-key, alias, depth and size checks.
#include <yaml.h>

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "medtra/model/yaml_tree.h"

namespace medtra::model {
namespace {

// libyaml marks are 0-based; diagnostics are 1-based. This is the only conversion.
SourceLocation ToLocation(const std::string& file, const yaml_mark_t& mark) {
  return {file, static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

// The 0-based line and column of a byte offset. Like libyaml's marks, the column counts characters
// (every byte that is not a UTF-8 continuation byte starts one).
yaml_mark_t MarkAt(std::string_view content, size_t offset) {
  yaml_mark_t mark{};
  offset = std::min(offset, content.size());
  const std::string_view before = content.substr(0, offset);
  const size_t newline = before.rfind('\n');
  const size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  mark.index = offset;
  mark.line = static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  mark.column = static_cast<size_t>(std::count_if(before.begin() + static_cast<long>(line_start),
                                                  before.end(),
                                                  [](char c) { return !IsContinuationByte(c); }));
  // libyaml does not count a byte-order mark as a column.
  if (mark.line == 0 && mark.column > 0 && content.substr(0, 3) == "\xef\xbb\xbf") --mark.column;
  return mark;
}

// The first byte of the character at a 0-based mark (line, character column), or -1.
int ByteAt(std::string_view content, const yaml_mark_t& mark) {
  size_t i = 0;
  for (size_t line = 0; line < mark.line; ++line) {
    i = content.find('\n', i);
    if (i == std::string_view::npos) return -1;
    ++i;
  }
  for (size_t column = 0; i < content.size() && content[i] != '\n'; ++i) {
    if (IsContinuationByte(content[i])) continue;
    if (column++ == mark.column) return static_cast<unsigned char>(content[i]);
  }
  return -1;
}

std::string HexByte(int value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  return std::string("0x") + kDigits[(value >> 4) & 15] + kDigits[value & 15];
}

struct ParserDeleter {
  void operator()(yaml_parser_t* parser) const {
    yaml_parser_delete(parser);
    delete parser;
  }
};

struct EventGuard {
  yaml_event_t event;
  ~EventGuard() { yaml_event_delete(&event); }
};

// An open sequence or mapping while its events arrive.
struct OpenCollection {
  uint32_t id;
  std::string anchor;
  size_t first_child;  ///< where its children start on Reader::children_
};

class Reader {
 public:
  Reader(const std::string& file, DiagnosticSink& sink, const YamlLimits& limits)
      : file_(file), sink_(sink), limits_(limits), tree_(file) {}

  std::optional<YamlTree> Parse(std::string_view content);

 private:
  bool Fail(const yaml_mark_t& mark, const std::string& code, const std::string& message) {
    sink_.Error(ToLocation(file_, mark), code, message);
    return false;
  }
  bool Handle(const yaml_event_t& event);
  bool AddNode(uint32_t id, const yaml_mark_t& mark, const char* anchor, uint64_t expanded);
  bool CheckTag(const yaml_char_t* tag, const yaml_mark_t& mark, bool* quoted);
  void CheckDuplicateKeys(std::span<const uint32_t> children);
  void ReportDuplicateKey(uint32_t key, uint32_t first);

  const std::string& file_;
  DiagnosticSink& sink_;
  const YamlLimits& limits_;
  YamlTree tree_;
  std::vector<OpenCollection> stack_;
  std::vector<uint32_t> children_;  ///< children of the open collections, innermost last
  std::unordered_map<std::string, uint32_t> anchors_;
  std::unordered_set<std::string> open_anchors_;
  std::vector<uint64_t> expanded_;  // expanded size per node id (aliases counted in full)
  int documents_ = 0;
  bool has_root_ = false;
};

bool Reader::CheckTag(const yaml_char_t* tag, const yaml_mark_t& mark, bool* quoted) {
  if (tag == nullptr) return true;
  const std::string_view name(reinterpret_cast<const char*>(tag));
  if (name == "tag:yaml.org,2002:str") {
    *quoted = true;
    return true;
  }
  if (name == "tag:yaml.org,2002:map" || name == "tag:yaml.org,2002:seq" || name == "!") {
    return true;
  }
  return Fail(mark, "yaml-tag", "YAML tag '" + std::string(name) + "' is not supported");
}

void Reader::ReportDuplicateKey(uint32_t key, uint32_t first) {
  const Node k(&tree_, key);
  sink_.Error(k.location(), "duplicate-key",
              "duplicate key '" + std::string(k.scalar()) + "' (first defined at line " +
                  std::to_string(Node(&tree_, first).line()) + ")");
}

void Reader::CheckDuplicateKeys(std::span<const uint32_t> children) {
  // Model mappings are small: comparing each key with those before it allocates nothing and is
  // faster than hashing; a large mapping (a hostile file) is hashed to stay linear.
  constexpr size_t kSmall = 32;
  const size_t keys = children.size() / 2;
  std::unordered_map<std::string_view, uint32_t> seen;
  if (keys > kSmall) seen.reserve(keys);
  for (size_t i = 0; i < keys; ++i) {
    const uint32_t id = children[2 * i];
    const Node key(&tree_, id);
    if (!key.is_scalar()) {
      sink_.Error(key.location(), "yaml-key",
                  "mapping keys must be scalars, found a " + std::string(key.kind_name()));
      continue;
    }
    if (keys > kSmall) {
      const auto [it, inserted] = seen.emplace(key.scalar(), id);
      if (!inserted) ReportDuplicateKey(id, it->second);
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      const Node earlier(&tree_, children[2 * j]);
      if (earlier.is_scalar() && earlier.scalar() == key.scalar()) {
        ReportDuplicateKey(id, children[2 * j]);
        break;
      }
    }
  }
}

bool Reader::AddNode(uint32_t id, const yaml_mark_t& mark, const char* anchor, uint64_t expanded) {
  if (expanded_.size() <= id) expanded_.resize(id + 1, 1);
  expanded_[id] = expanded;
  const uint64_t allowance = 10000 + limits_.max_expansion * tree_.node_count();
  if (expanded > allowance) {
    return Fail(mark, "yaml-alias-bomb",
                "aliases expand the document more than " + std::to_string(limits_.max_expansion) +
                    " times its size (an alias bomb?)");
  }
  if (anchor != nullptr) anchors_[anchor] = id;
  if (stack_.empty()) {
    tree_.SetRoot(id);
    has_root_ = true;
  } else {
    children_.push_back(id);
  }
  return true;
}

bool Reader::Handle(const yaml_event_t& event) {
  const yaml_mark_t& mark = event.start_mark;
  const uint32_t line = static_cast<uint32_t>(mark.line) + 1;
  const uint32_t col = static_cast<uint32_t>(mark.column) + 1;
  if (tree_.node_count() >= limits_.max_nodes &&
      (event.type == YAML_SCALAR_EVENT || event.type == YAML_SEQUENCE_START_EVENT ||
       event.type == YAML_MAPPING_START_EVENT)) {
    return Fail(mark, "file-too-large",
                "the file has more than " + std::to_string(limits_.max_nodes) +
                    " YAML nodes (values, lists and mappings)");
  }
  switch (event.type) {
    case YAML_DOCUMENT_START_EVENT:
      if (++documents_ > 1) {
        return Fail(mark, "yaml-documents", "a model file holds one YAML document, found another");
      }
      return true;
    case YAML_SCALAR_EVENT: {
      bool quoted = event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
      if (!CheckTag(event.data.scalar.tag, mark, &quoted)) return false;
      const std::string_view value(reinterpret_cast<const char*>(event.data.scalar.value),
                                   event.data.scalar.length);
      const uint32_t id = tree_.AddScalar(value, !quoted, line, col);
      return AddNode(id, mark, reinterpret_cast<const char*>(event.data.scalar.anchor), 1);
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
      const bool is_map = event.type == YAML_MAPPING_START_EVENT;
      bool quoted = false;
      const yaml_char_t* tag =
          is_map ? event.data.mapping_start.tag : event.data.sequence_start.tag;
      if (!CheckTag(tag, mark, &quoted)) return false;
      if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
        return Fail(mark, "yaml-depth",
                    "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
      }
      const auto* anchor = reinterpret_cast<const char*>(is_map ? event.data.mapping_start.anchor
                                                                : event.data.sequence_start.anchor);
      const uint32_t id =
          tree_.AddCollection(is_map ? NodeKind::kMapping : NodeKind::kSequence, line, col);
      stack_.push_back({id, anchor ? anchor : "", children_.size()});
      if (anchor != nullptr) open_anchors_.insert(anchor);
      return true;
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: {
      OpenCollection done = std::move(stack_.back());
      stack_.pop_back();
      const std::span<const uint32_t> children =
          std::span<const uint32_t>(children_).subspan(done.first_child);
      if (event.type == YAML_MAPPING_END_EVENT) CheckDuplicateKeys(children);
      tree_.SetChildren(done.id, children);
      uint64_t expanded = 1;
      for (uint32_t child : children) {
        expanded = std::min<uint64_t>(expanded + expanded_[child], uint64_t{1} << 62);
      }
      children_.resize(done.first_child);
      if (!done.anchor.empty()) open_anchors_.erase(done.anchor);
      const Node node(&tree_, done.id);
      yaml_mark_t start = mark;
      start.line = static_cast<size_t>(node.line() - 1);
      start.column = static_cast<size_t>(node.col() - 1);
      return AddNode(done.id, start, done.anchor.empty() ? nullptr : done.anchor.c_str(), expanded);
    }
    case YAML_ALIAS_EVENT: {
      const std::string name(reinterpret_cast<const char*>(event.data.alias.anchor));
      if (open_anchors_.count(name)) {
        return Fail(mark, "yaml-alias-cycle",
                    "alias '*" + name + "' refers to a node that contains it (a cycle)");
      }
      const auto it = anchors_.find(name);
      if (it == anchors_.end()) {
        return Fail(mark, "yaml-alias", "alias '*" + name + "' names no anchor defined before it");
      }
      return AddNode(it->second, mark, nullptr, expanded_[it->second]);
    }
    default:
      return true;
  }
}

std::optional<YamlTree> Reader::Parse(std::string_view content) {
  const yaml_mark_t origin{};
  if (content.size() > limits_.max_bytes) {
    Fail(origin, "file-too-large",
         "file is larger than " + std::to_string(limits_.max_bytes) + " bytes");
    return std::nullopt;
  }
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) {
    Fail(origin, "internal", "cannot initialise the YAML parser");
    return std::nullopt;
  }
  tree_.Reserve(content.size(), std::min(content.size() / 16, limits_.max_nodes));
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(content.data()),
                               content.size());
  while (true) {
    EventGuard guard;
    if (!yaml_parser_parse(parser.get(), &guard.event)) {
      yaml_mark_t at = parser->problem_mark;
      std::string message = parser->problem ? parser->problem : "invalid YAML";
      if (parser->error == YAML_READER_ERROR) {
        // The reader reports a byte offset, not a mark: turn it into a line and column.
        size_t offset = parser->problem_offset;
        std::string bytes = parser->problem_value >= 0 ? HexByte(parser->problem_value) : "";
        if (message == "invalid trailing UTF-8 octet" && offset < content.size()) {
          // Point at the character that the bad byte fails to continue, not at the byte.
          size_t lead = offset;
          while (lead > 0 && IsContinuationByte(content[lead - 1])) --lead;
          if (lead > 0) --lead;
          bytes += " after " + HexByte(static_cast<unsigned char>(content[lead]));
          offset = lead;
        }
        at = MarkAt(content, offset);
        if (!bytes.empty()) message += " (byte " + bytes + ")";
        if (message.find("UTF-8") != std::string::npos) message += "; model files are UTF-8";
      } else {
        if (parser->context) message = std::string(parser->context) + ": " + message;
        if (ByteAt(content, at) == '\t') message += " (a tab: YAML indents with spaces only)";
      }
      Fail(at, "yaml-syntax", message);
      return std::nullopt;
    }
    if (guard.event.type == YAML_STREAM_END_EVENT) break;
    if (!Handle(guard.event)) return std::nullopt;
  }
  if (!has_root_) {
    Fail(origin, "empty-file", "the file holds no YAML document");
    return std::nullopt;
  }
  return std::move(tree_);
}

}  // namespace

std::optional<YamlTree> ParseYaml(const std::string& file, std::string_view content,
                                  DiagnosticSink& sink, const YamlLimits& limits) {
  Reader reader(file, sink, limits);
  return reader.Parse(content);
}

}  // namespace medtra::model
