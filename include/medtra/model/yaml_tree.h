// A located YAML tree: every node keeps its 1-based line and column. Built by ParseYaml().
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "medtra/diag/diagnostic.h"

namespace medtra::model {

enum class NodeKind : uint8_t { kScalar, kSequence, kMapping };

class YamlTree;

/// A read-only handle to one node of a YamlTree. Cheap to copy; valid while the tree lives.
class Node {
 public:
  Node() = default;
  Node(const YamlTree* tree, uint32_t id) : tree_(tree), id_(id) {}

  bool valid() const { return tree_ != nullptr; }
  /// The node's index in its tree.
  uint32_t id() const { return id_; }
  NodeKind kind() const;
  bool is_scalar() const { return kind() == NodeKind::kScalar; }
  bool is_sequence() const { return kind() == NodeKind::kSequence; }
  bool is_mapping() const { return kind() == NodeKind::kMapping; }
  /// A plain (unquoted) scalar; only plain scalars can be null, booleans or numbers.
  bool is_plain() const;
  /// A plain scalar spelled `~`, `null`, `Null`, `NULL` or nothing.
  bool is_null() const;
  std::string_view scalar() const;
  SourceLocation location() const;
  int line() const;
  int col() const;
  /// "scalar", "sequence", "mapping" or "null", for messages.
  std::string_view kind_name() const;

  /// Items of a sequence, or number of entries of a mapping.
  size_t size() const;
  Node item(size_t index) const;   ///< sequence item
  Node key(size_t index) const;    ///< mapping key
  Node value(size_t index) const;  ///< mapping value
  /// The value of the scalar key `name` in a mapping, or an invalid node.
  Node Find(std::string_view name) const;

 private:
  const YamlTree* tree_ = nullptr;
  uint32_t id_ = 0;
};

/// The parsed nodes of one file, stored flat (children by index) for speed and small memory.
class YamlTree {
 public:
  /// 16 bytes a node: a scalar's text, or a collection's children, in `begin` and `size`.
  struct Entry {
    uint32_t begin = 0;     // scalar: offset into text_; collection: index into children_
    uint32_t size = 0;      // scalar: bytes; collection: children (a mapping: key, value, key, ...)
    uint32_t line = 0;      // 1-based
    uint32_t col : 29 = 0;  // 1-based (a file is at most 64 MiB, far below 2^29 columns)
    uint32_t kind : 2 = 0;  // NodeKind
    uint32_t plain : 1 = 0;
  };
  static_assert(sizeof(Entry) == 16);

  explicit YamlTree(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }
  Node root() const { return Node(this, root_); }
  size_t node_count() const { return entries_.size(); }

  // Building (used by the reader).
  /// Reserves room for the scalars of a file of `bytes` bytes and for `nodes` nodes (guesses; the
  /// tree still grows).
  void Reserve(size_t bytes, size_t nodes);
  uint32_t AddScalar(std::string_view value, bool plain, uint32_t line, uint32_t col);
  uint32_t AddCollection(NodeKind kind, uint32_t line, uint32_t col);
  void SetChildren(uint32_t id, std::span<const uint32_t> children);
  void SetRoot(uint32_t id) { root_ = id; }
  /// Appends every node of `part` (its lines moved down by `line_offset`); returns the id that
  /// the part's node 0 now has (the others follow in order). The part's root is not made this
  /// tree's root.
  uint32_t Append(const YamlTree& part, uint32_t line_offset);

 private:
  friend class Node;
  std::string file_;
  std::string text_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> children_;
  uint32_t root_ = 0;
};

/// Limits that keep hostile input bounded in time and memory.
struct YamlLimits {
  int max_depth = 64;
  /// A file's size (64 MiB: ten times a model of 10,000 components and 20,000 flows).
  size_t max_bytes = 64u << 20;
  /// Nodes (scalars, sequences, mappings) of a file: with max_bytes, this bounds the tree's memory
  /// (about 40 bytes per node) however small the nodes are.
  size_t max_nodes = 4'000'000;
  /// Aliases may not make the expanded document larger than this many times its stored size
  /// (plus a small allowance): a billion-laughs file fails here instead of eating memory.
  uint64_t max_expansion = 10;
};

/// The same tree as ParseYaml gives, parsed in top-level sections (and long block sequences of a
/// section in runs of items) on up to `threads` threads, for a file that is a block mapping with
/// plain keys at column 0. Returns nullopt, having reported nothing, when the file is not of that
/// shape, too small to be worth it, or when any part fails to parse on its own (an alias to an
/// anchor of another part, a syntax error): the caller then parses it whole, with the errors.
/// `min_bytes`: files smaller than this are declined (the fuzz target cuts small inputs too).
std::optional<YamlTree> ParseYamlInParts(const std::string& file, std::string_view content,
                                         unsigned threads, const YamlLimits& limits = {},
                                         size_t min_bytes = size_t{1} << 20);

/// Parses one YAML document with libyaml's event API. On a syntax or limit error, reports a located
/// diagnostic to `sink` and returns nullopt. Duplicate keys, non-scalar keys, undefined or cyclic
/// aliases, tags, several documents, an empty file and too deep nesting are errors.
std::optional<YamlTree> ParseYaml(const std::string& file, std::string_view content,
                                  DiagnosticSink& sink, const YamlLimits& limits = {});

}  // namespace medtra::model
