#pragma once
// Small builders and lookups on records, shared by the tests of several modules.

#include <string>

#include "src/core/record.hpp"

namespace litrev::test {

inline Person person(std::string family, std::string given = {}, std::string particle = {},
                     std::string suffix = {}) {
  Person p;
  p.family = std::move(family);
  p.given = std::move(given);
  p.particle = std::move(particle);
  p.suffix = std::move(suffix);
  return p;
}

// The work's first identifier of this scheme, or "".
inline std::string id_of(const Work& w, IdScheme scheme) {
  for (const auto& id : w.ids)
    if (id.scheme == scheme) return id.value;
  return {};
}

// The first value of a source field, or "<absent>" (so a test can tell absent from empty).
inline std::string field(const SourceRecord& s, const std::string& name) {
  for (const auto& f : s.fields)
    if (f.name == name) return f.value;
  return "<absent>";
}

}  // namespace litrev::test
