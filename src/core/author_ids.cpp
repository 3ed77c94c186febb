#include "src/core/author_ids.hpp"

#include <algorithm>
#include <string>

#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"

namespace litrev {

void attach_orcids(std::vector<Contributor>& contributors, std::string_view v) {
  if (contributors.empty()) return;
  while (!v.empty() && (v.front() == '{' || v.front() == ' ')) v.remove_prefix(1);
  std::size_t name_start = 0;
  for (std::size_t slash = v.find('/'); slash != std::string_view::npos; slash = v.find('/', slash + 1)) {
    const std::string_view rest = v.substr(slash + 1);
    const std::size_t id_len = std::min<std::size_t>(rest.size(), 19);
    const auto orcid = normalize_orcid(rest.substr(0, id_len));
    if (!orcid) continue;
    std::string_view name = trim(v.substr(name_start, slash - name_start));
    while (!name.empty() && (name.front() == ';' || name.front() == ',')) name = trim(name.substr(1));
    name_start = slash + 1 + id_len;
    const auto comma = name.find(',');
    const std::string family = fold(trim(name.substr(0, comma)));
    const std::string given = comma == std::string_view::npos ? std::string() : fold(trim(name.substr(comma + 1)));
    for (auto& c : contributors) {
      Person& p = c.person;
      if (c.role != Role::author || !p.orcid.empty() || fold(p.family) != family) continue;
      const std::string g = fold(p.given);
      if (!given.empty() && !g.empty() && g.front() != given.front()) continue;
      p.orcid = *orcid;
      break;
    }
  }
}

}  // namespace litrev
