#pragma once
// Store::Impl: the connection behind the public Store (internal to src/store/).

#include "src/store/library.hpp"

namespace litrev {

struct Store::Impl {
  explicit Impl(const std::filesystem::path& path) : lib(path) {}
  store::Library lib;
};

}  // namespace litrev
