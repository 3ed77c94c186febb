#include "src/core/author_ids.hpp"

#include <algorithm>
#include <string>

#include "src/core/identifiers.hpp"
#include "src/core/person_names.hpp"
#include "src/core/text.hpp"

namespace litrev {

void attach_person_ids(std::vector<Contributor>& contributors, std::string_view v, PersonIdScheme scheme) {
  std::vector<Person*> authors;
  std::vector<std::string> families;  // particle + family, or the literal
  for (auto& c : contributors) {
    if (c.role != Role::author) continue;
    authors.push_back(&c.person);
    const Person& p = c.person;
    families.push_back(!p.literal.empty() ? p.literal : p.particle.empty() ? p.family : p.particle + " " + p.family);
  }
  if (authors.empty()) return;
  std::vector<NameRef> names;
  for (std::size_t i = 0; i < authors.size(); ++i) names.push_back({families[i], authors[i]->given});
  auto is_blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  std::size_t name_start = 0;
  for (std::size_t slash = v.find('/'); slash != std::string_view::npos; slash = v.find('/', name_start)) {
    std::size_t end = slash + 1;
    while (end < v.size() && !is_blank(v[end]) && v[end] != ';') ++end;
    const auto id = normalize_person_id(scheme, v.substr(slash + 1, end - slash - 1));
    std::string_view name = trim(v.substr(name_start, slash - name_start));
    while (!name.empty() && (name.front() == ';' || name.front() == ',')) name = trim(name.substr(1));
    name_start = end;
    if (!id) continue;
    const auto [family, given] = split_display_name(name);
    const auto who = designated_name(names, family, given);
    if (!who) continue;
    Person& p = *authors[*who];
    if (scheme == PersonIdScheme::orcid) {
      if (p.orcid.empty()) p.orcid = *id;
    } else if (std::none_of(p.ids.begin(), p.ids.end(), [&](const PersonId& x) { return x.scheme == scheme; })) {
      p.ids.push_back({scheme, *id});
    }
  }
}

}  // namespace litrev
