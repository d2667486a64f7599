// The web pages' files, compiled into the binary (generated from src/serve/assets/ by
// cmake/embed_assets.cmake): nothing is read from disk at run time, so no request path can.
#pragma once

#include <span>
#include <string_view>

namespace medtra::serve {

struct Asset {
  std::string_view path;  ///< the URL path, e.g. "/app.js"
  std::string_view content_type;
  std::string_view body;
};

/// Every asset; "/" is index.html.
std::span<const Asset> Assets();

/// The asset at exactly `path`, or null.
const Asset* FindAsset(std::string_view path);

}  // namespace medtra::serve
