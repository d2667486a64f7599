// The simulated NVM with power loss at write points, and the file-backed store.
#include "medtra/link/nv_store.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace medtra::link {

Result<std::optional<Bytes>> MemoryStore::Read(std::string_view name) const {
  auto it = records_.find(name);
  if (it == records_.end()) return std::optional<Bytes>();
  return std::optional<Bytes>(it->second);
}

Status MemoryStore::Write(std::string_view name, ByteView data) {
  if (!powered_) return Status::Error("nvm: no power");
  ++writes_;
  if (cut_at_ && writes_ >= *cut_at_) {
    powered_ = false;
    if (tear_) records_[std::string(name)] = Bytes(data.begin(), data.begin() + data.size() / 2);
    return Status::Error("nvm: power lost at write " + std::to_string(writes_));
  }
  records_[std::string(name)] = Bytes(data.begin(), data.end());
  return Status::Ok();
}

void MemoryStore::CutPowerAt(uint64_t write, bool tear) {
  cut_at_ = writes_ + write;
  tear_ = tear;
}

void MemoryStore::Restart() {
  powered_ = true;
  cut_at_.reset();
}

std::string FileStore::Path(std::string_view name) const {
  return (std::filesystem::path(directory_) / std::string(name)).string();
}

Result<std::optional<Bytes>> FileStore::Read(std::string_view name) const {
  const std::string path = Path(name);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (ec) return Result<std::optional<Bytes>>::Error("nvm: cannot read " + path);
    return std::optional<Bytes>();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<std::optional<Bytes>>::Error("nvm: cannot open " + path);
  Bytes data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Result<std::optional<Bytes>>::Error("nvm: cannot read " + path);
  return std::optional<Bytes>(std::move(data));
}

Status FileStore::Write(std::string_view name, ByteView data) {
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  if (ec) return Status::Error("nvm: cannot create " + directory_);
  const std::string path = Path(name);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data.data()),
              static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) return Status::Error("nvm: cannot write " + tmp);
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::Error("nvm: cannot replace " + path);
  return Status::Ok();
}

}  // namespace medtra::link
