#pragma once
// A record made of named fields, as RIS, Web of Science (plain text and tab-delimited) and
// Scopus CSV write them: what their lexers produce and tagged_work.hpp turns into an
// ImportRecord. Values are as the file gave them (UTF-8), continuation lines joined by '\n'.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace litrev::tagged {

struct TaggedField {
  std::string name;  // the tag or column, in the vocabulary's case ("AU", "author full names")
  std::string value;
  std::uint32_t line = 0;
};

struct TaggedRecord {
  std::uint32_t line = 0;  // where the record starts
  std::vector<TaggedField> fields;
};

// The first field of that name, nullptr when none.
inline const TaggedField* field_named(const TaggedRecord& r, std::string_view name) {
  for (const auto& f : r.fields)
    if (f.name == name) return &f;
  return nullptr;
}
// Its value, empty when none.
inline std::string_view field_value(const TaggedRecord& r, std::string_view name) {
  const TaggedField* f = field_named(r, name);
  return f ? std::string_view(f->value) : std::string_view();
}

}  // namespace litrev::tagged
