#pragma once
// A record made of named fields, as RIS, Web of Science (plain text and tab-delimited) and
// Scopus CSV write them: what their lexers produce and tagged_work.hpp turns into an
// ImportRecord. Values are as the file gave them (UTF-8), continuation lines joined by '\n'.

#include <cstdint>
#include <string>
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

}  // namespace litrev::tagged
