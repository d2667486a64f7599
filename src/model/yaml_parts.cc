// ParseYamlInParts: a large model file's top-level sections (and runs of items of its long
// sequences) parsed on several threads and joined into the tree that one parse gives.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/base/parallel.h"
#include "medtra/model/yaml_tree.h"

namespace medtra::model {
namespace {

/// One piece of the file: a top-level section, or a run of the items of a section's block
/// sequence after its first run (then parsed behind a copy of the section's key line).
struct Part {
  size_t begin = 0;  ///< byte offsets into the file
  size_t end = 0;
  uint32_t line = 0;       ///< the 0-based line of `begin`
  bool continues = false;  ///< more items of the previous part's sequence
  std::string_view key_line;
};

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

/// The key of a line `key:` or `key: value` that starts at column 0 with a letter or '_', or "".
std::string_view TopLevelKey(std::string_view line) {
  if (line.empty() || !((line[0] >= 'a' && line[0] <= 'z') || (line[0] >= 'A' && line[0] <= 'Z') ||
                        line[0] == '_')) {
    return {};
  }
  size_t i = 1;
  while (i < line.size() && IsKeyChar(line[i])) ++i;
  if (i == line.size() || line[i] != ':') return {};
  if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\r') return {};
  return line.substr(0, i);
}

/// Whether a key line has nothing after the colon (a block value follows on the next lines).
bool OpensBlock(std::string_view line, std::string_view key) {
  for (size_t i = key.size() + 1; i < line.size(); ++i) {
    if (line[i] != ' ' && line[i] != '\r') return false;
  }
  return true;
}

/// The file cut into parts, or nothing when it is not a block mapping whose every line at column
/// 0 is a plain, distinct key, a comment or blank. Sections whose value is a block sequence are cut
/// further between items, at lines that start with the sequence's own indent and "- ", into runs
/// of about `run_bytes`.
std::vector<Part> Cut(std::string_view content, size_t run_bytes) {
  std::vector<Part> parts;
  std::set<std::string_view> keys;
  std::string_view item_prefix;  // "  - " for the open section's sequence, when it has one
  bool expect_first_item = false;
  uint32_t line_number = 0;
  for (size_t pos = 0; pos < content.size(); ++line_number) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(pos, end - pos);
    const size_t next = end + 1;
    if (!line.empty() && line[0] != ' ' && line[0] != '#' && line[0] != '\r') {
      const std::string_view key = TopLevelKey(line);
      if (key.empty() || !keys.insert(key).second) return {};
      if (parts.empty()) {
        parts.push_back({0, content.size(), 0, false, line});  // with the comments before it
      } else {
        parts.back().end = pos;
        parts.push_back({pos, content.size(), line_number, false, line});
      }
      item_prefix = {};
      expect_first_item = OpensBlock(line, key);
    } else if (expect_first_item) {
      // The first item line fixes the sequence's indent; a mapping value has no "- ".
      const size_t indent = line.find_first_not_of(' ');
      if (indent != std::string_view::npos && line[indent] != '#' && line[indent] != '\r') {
        expect_first_item = false;
        if (line.substr(indent, 2) == "- ") item_prefix = line.substr(0, indent + 2);
      }
    } else if (!item_prefix.empty() && line.starts_with(item_prefix) &&
               pos - parts.back().begin >= run_bytes) {
      const std::string_view key_line = parts.back().key_line;
      parts.back().end = pos;
      parts.push_back({pos, content.size(), line_number, true, key_line});
    }
    pos = next;
  }
  return parts;
}

}  // namespace

std::optional<YamlTree> ParseYamlInParts(const std::string& file, std::string_view content,
                                         unsigned threads, const YamlLimits& limits,
                                         size_t min_bytes) {
  // Below min_bytes (1 MiB by default) threads would cost more than they gain.
  if (threads <= 1 || content.size() < min_bytes || content.size() > limits.max_bytes) {
    return std::nullopt;
  }
  if (content.starts_with("\xef\xbb\xbf")) return std::nullopt;
  // The parts are cut at line feeds; libyaml also breaks lines at a lone carriage return and at
  // NEL, LS and PS, which would shift the line numbers of the parts after them.
  for (size_t cr = content.find('\r'); cr != std::string_view::npos;
       cr = content.find('\r', cr + 1)) {
    if (cr + 1 == content.size() || content[cr + 1] != '\n') return std::nullopt;
  }
  for (const std::string_view line_break : {"\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9"}) {
    if (content.find(line_break) != std::string_view::npos) return std::nullopt;
  }
  const std::vector<Part> parts = Cut(content, std::max<size_t>(content.size() / (4 * threads), 1));
  if (parts.size() < 2) return std::nullopt;

  // A continuing part is parsed as "key:\n" and its items: one line more, taken off again below.
  std::vector<std::optional<YamlTree>> trees(parts.size());
  ParallelFor(parts.size(), threads, [&](size_t i) {
    const Part& part = parts[i];
    DiagnosticSink ignored(1);
    std::string text;
    std::string_view piece = content.substr(part.begin, part.end - part.begin);
    if (part.continues) {
      text.reserve(part.key_line.size() + 1 + piece.size());
      text.append(part.key_line).append("\n").append(piece);
      piece = text;
    }
    trees[i] = ParseYaml(file, piece, ignored, limits);
    // A part that reports anything (a duplicate key still gives a tree) is not used.
    if (!ignored.diagnostics().empty()) trees[i].reset();
  });

  YamlTree joined(file);
  size_t nodes = 1;
  for (const std::optional<YamlTree>& tree : trees) {
    if (!tree) return std::nullopt;
    nodes += tree->node_count();
  }
  if (nodes > limits.max_nodes) return std::nullopt;
  joined.Reserve(content.size(), nodes + parts.size());
  // The root mapping's children, and each section's sequence items while its runs are joined.
  std::vector<uint32_t> root_children;
  std::vector<uint32_t> items;
  uint32_t open_sequence = 0;  // the joined sequence of the current section, when it is cut
  auto close_sequence = [&] {
    if (!items.empty()) joined.SetChildren(open_sequence, items);
    items.clear();
  };
  const Node first_root = trees[0]->root();
  const uint32_t root_line = static_cast<uint32_t>(first_root.line());
  const uint32_t root_col = static_cast<uint32_t>(first_root.col());
  for (size_t i = 0; i < parts.size(); ++i) {
    const Node root = trees[i]->root();
    if (!root.is_mapping() || root.size() != 1) return std::nullopt;
    const uint32_t offset = parts[i].line - (parts[i].continues ? 1 : 0);
    const Node part_root(&joined, joined.Append(*trees[i], offset) + root.id());
    trees[i].reset();  // joined: one copy of the nodes at a time, not two
    const bool next_continues = i + 1 < parts.size() && parts[i + 1].continues;
    if (!parts[i].continues) {
      close_sequence();
      root_children.push_back(part_root.key(0).id());
      const Node value = part_root.value(0);
      if (next_continues) {
        if (!value.is_sequence()) return std::nullopt;
        open_sequence = value.id();
        for (size_t k = 0; k < value.size(); ++k) items.push_back(value.item(k).id());
      }
      root_children.push_back(value.id());
      continue;
    }
    const Node value = part_root.value(0);
    if (!value.is_sequence()) return std::nullopt;
    for (size_t k = 0; k < value.size(); ++k) items.push_back(value.item(k).id());
  }
  close_sequence();
  const uint32_t root = joined.AddCollection(NodeKind::kMapping, root_line, root_col);
  joined.SetChildren(root, root_children);
  joined.SetRoot(root);
  return joined;
}

}  // namespace medtra::model
