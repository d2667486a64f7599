// The implant's non-volatile memory as named records, with an in-memory model (power loss at any
// write point) and a file-backed implementation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "medtra/base/status.h"
#include "medtra/link/bytes.h"

namespace medtra::link {

/// Named records. A Write either leaves the old record or the new one, unless the model tears it
/// (then the record holds a prefix of the new bytes, which its reader must detect).
class NonVolatileStore {
 public:
  virtual ~NonVolatileStore() = default;
  /// The record, nullopt when it was never written; an error when the medium cannot be read.
  virtual Result<std::optional<Bytes>> Read(std::string_view name) const = 0;
  /// Fails when power was lost during (or before) this write.
  virtual Status Write(std::string_view name, ByteView data) = 0;
};

/// The simulated NVM: power can be cut at the n-th write (counting from 1), optionally tearing that
/// record. After the cut every write fails until Restart().
class MemoryStore final : public NonVolatileStore {
 public:
  Result<std::optional<Bytes>> Read(std::string_view name) const override;
  Status Write(std::string_view name, ByteView data) override;

  /// Cuts power at write number `write` (1 = the next write); `tear` leaves a torn record.
  void CutPowerAt(uint64_t write, bool tear);
  /// Power is back: writes work again (the records are as they were at the cut).
  void Restart();
  uint64_t writes() const { return writes_; }
  /// Direct access for tests that play a hostile or corrupted medium.
  std::map<std::string, Bytes, std::less<>>& records() { return records_; }

 private:
  std::map<std::string, Bytes, std::less<>> records_;
  uint64_t writes_ = 0;
  std::optional<uint64_t> cut_at_;
  bool tear_ = false;
  bool powered_ = true;
};

/// One file per record in a directory; a write goes to a temporary file renamed over the record.
class FileStore final : public NonVolatileStore {
 public:
  explicit FileStore(std::string directory) : directory_(std::move(directory)) {}
  Result<std::optional<Bytes>> Read(std::string_view name) const override;
  Status Write(std::string_view name, ByteView data) override;

 private:
  std::string Path(std::string_view name) const;
  std::string directory_;
};

}  // namespace medtra::link
