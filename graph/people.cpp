#include "graph/people.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "src/core/text.hpp"

namespace litrev {

namespace {

// Leading particles dropped from family names so that "van der Berg", "Berg" (particle kept
// apart by the source) and "Van Der Berg" meet.
constexpr std::array<std::string_view, 17> kParticles = {"van", "von", "der", "den", "de", "del", "della", "di", "da",
                                                         "du",  "des", "la",  "le", "ter", "ten", "dos", "das"};

bool is_particle(std::string_view w) { return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end(); }

std::string family_part(std::string_view family) {
  auto parts = words(family);
  std::size_t first = 0;
  while (first + 1 < parts.size() && is_particle(parts[first])) ++first;
  std::string out;
  for (std::size_t i = first; i < parts.size(); ++i) out += parts[i];
  return out;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// "Walter W." -> "ww", "W. W." -> "ww", "WW" (WoS: initials run together) -> "ww",
// "Jean-Pierre" -> "jp".
std::string initials(std::string_view given) {
  const bool has_lower = std::any_of(given.begin(), given.end(), is_ascii_lower);
  std::string out;
  std::size_t i = 0;
  while (i < given.size()) {
    while (i < given.size() && (given[i] == ' ' || given[i] == '.' || given[i] == '-' || given[i] == ',')) ++i;
    std::size_t j = i;
    while (j < given.size() && given[j] != ' ' && given[j] != '.' && given[j] != '-' && given[j] != ',') ++j;
    if (j == i) break;
    const std::string_view token = given.substr(i, j - i);
    const bool run_of_initials = !has_lower && token.size() <= 3 && std::all_of(token.begin(), token.end(), is_ascii_upper);
    if (run_of_initials) {
      for (char c : token) out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      const auto w = words(token);
      if (!w.empty()) {
        // First code point of the folded token (a letter may take several bytes).
        const std::string& s = w.front();
        std::size_t len = 1;
        while (len < s.size() && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) ++len;
        out.append(s, 0, len);
      }
    }
    i = j;
  }
  return out;
}

// Family and given names, from the split fields or else from the display form
// "Family, Given" (or "Given Family" without a comma).
std::pair<std::string, std::string> name_parts(const CorpusPerson& p) {
  if (!p.family.empty() || !p.given.empty()) return {p.family, p.given};
  const std::string_view name = p.name;
  if (const auto comma = name.find(','); comma != std::string_view::npos) {
    return {std::string(trim(name.substr(0, comma))), std::string(trim(name.substr(comma + 1)))};
  }
  const std::string_view t = trim(name);
  if (const auto space = t.rfind(' '); space != std::string_view::npos) {
    return {std::string(t.substr(space + 1)), std::string(t.substr(0, space))};
  }
  return {std::string(t), {}};
}

class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::uint32_t{0}); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller root survives, so a group's root is its first person.
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<std::uint32_t> parent_;
};

}  // namespace

std::string author_name_key(const CorpusPerson& person) {
  const auto [family, given] = name_parts(person);
  const std::string fam = family_part(family);
  if (fam.empty()) return "=" + normalized_title(person.name);
  return fam + "|" + initials(given);
}

AuthorGroups group_authors(const CitationCorpus& corpus, const AuthorOverrides& overrides) {
  const auto n = static_cast<std::uint32_t>(corpus.people.size());
  DisjointSets sets(n);
  std::unordered_map<std::int64_t, std::uint32_t> by_person_id;
  for (std::uint32_t i = 0; i < n; ++i) by_person_id.emplace(corpus.people[i].person_id, i);
  std::vector<bool> split(n, false);
  for (std::int64_t id : overrides.split) {
    if (const auto it = by_person_id.find(id); it != by_person_id.end()) split[it->second] = true;
  }

  // 1. Identifiers.
  std::unordered_map<std::string, std::uint32_t> first_with;
  auto join_on = [&](const std::string& prefix, const std::string& value, std::uint32_t i) {
    if (value.empty()) return;
    const auto [it, inserted] = first_with.emplace(prefix + value, i);
    if (!inserted) sets.unite(it->second, i);
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    if (split[i]) continue;
    join_on("orcid:", corpus.people[i].orcid, i);
    join_on("idhal:", corpus.people[i].idhal, i);
  }
  auto identified = [&](std::uint32_t i) { return !corpus.people[i].orcid.empty() || !corpus.people[i].idhal.empty(); };

  // 2-3. Name keys, with initials that are a prefix of one family's longer initials resolved.
  std::vector<std::string> key(n);
  std::map<std::string, std::map<std::string, std::string>> by_family;  // family -> initials -> key
  for (std::uint32_t i = 0; i < n; ++i) {
    if (split[i]) continue;
    key[i] = author_name_key(corpus.people[i]);
    const auto bar = key[i].find('|');
    if (key[i].front() != '=' && bar != std::string::npos) {
      by_family[key[i].substr(0, bar)][key[i].substr(bar + 1)] = key[i];
    }
  }
  std::unordered_map<std::string, std::string> resolved;  // name key -> the key it joins
  for (const auto& [family, variants] : by_family) {
    // Longest initials first, so extensions are resolved before their prefixes.
    std::vector<std::string> order;
    for (const auto& [ini, k] : variants) order.push_back(ini);
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& ini : order) {
      const std::string& k = variants.at(ini);
      std::string target;
      bool ambiguous = false;
      for (const auto& [other, ok] : variants) {
        if (other.size() <= ini.size() || other.compare(0, ini.size(), ini) != 0) continue;
        const std::string& r = resolved.count(ok) ? resolved[ok] : ok;
        if (target.empty()) {
          target = r;
        } else if (target != r) {
          ambiguous = true;
        }
      }
      resolved[k] = (target.empty() || ambiguous) ? k : target;
    }
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    if (split[i]) continue;
    if (const auto it = resolved.find(key[i]); it != resolved.end()) key[i] = it->second;
  }

  // 4. Everyone under one name key joins, unless it holds two identified authors.
  std::map<std::string, std::vector<std::uint32_t>> people_by_key;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!split[i]) people_by_key[key[i]].push_back(i);
  }
  for (const auto& [k, people] : people_by_key) {
    std::vector<std::uint32_t> id_roots;
    for (std::uint32_t i : people) {
      if (identified(i)) id_roots.push_back(sets.find(i));
    }
    std::sort(id_roots.begin(), id_roots.end());
    id_roots.erase(std::unique(id_roots.begin(), id_roots.end()), id_roots.end());
    // Homonyms (two identified authors) or nobody identified: the unidentified people under
    // this key form one author of their own.
    std::uint32_t anchor = static_cast<std::uint32_t>(-1);
    if (id_roots.size() == 1) anchor = id_roots.front();
    for (std::uint32_t i : people) {
      if (identified(i)) continue;
      if (anchor == static_cast<std::uint32_t>(-1)) {
        anchor = i;
      } else {
        sets.unite(anchor, i);
      }
    }
  }

  // 5. Explicit merges.
  for (const auto& set : overrides.merge) {
    std::uint32_t first = static_cast<std::uint32_t>(-1);
    for (std::int64_t id : set) {
      const auto it = by_person_id.find(id);
      if (it == by_person_id.end()) continue;
      if (first == static_cast<std::uint32_t>(-1)) {
        first = it->second;
      } else {
        sets.unite(first, it->second);
      }
    }
  }

  AuthorGroups result;
  result.group_of_person.assign(n, 0);
  std::unordered_map<std::uint32_t, std::uint32_t> group_of_root;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t root = sets.find(i);
    const auto [it, inserted] = group_of_root.emplace(root, static_cast<std::uint32_t>(result.groups.size()));
    if (inserted) result.groups.emplace_back();
    result.group_of_person[i] = it->second;
    result.groups[it->second].people.push_back(i);
  }
  for (auto& g : result.groups) {
    std::string orcid;
    std::string idhal;
    std::uint32_t display = g.people.front();
    for (std::uint32_t i : g.people) {
      const auto& p = corpus.people[i];
      if (orcid.empty()) orcid = p.orcid;
      if (idhal.empty()) idhal = p.idhal;
      if (name_parts(p).second.size() > name_parts(corpus.people[display]).second.size()) display = i;
    }
    g.name = corpus.people[display].name;
    if (!orcid.empty()) {
      g.key = "orcid:" + orcid;
    } else if (!idhal.empty()) {
      g.key = "idhal:" + idhal;
    } else if (split[g.people.front()]) {
      g.key = "person:" + std::to_string(corpus.people[g.people.front()].person_id);
    } else {
      g.key = "name:" + key[g.people.front()];
    }
  }
  return result;
}

std::vector<std::vector<std::uint32_t>> authors_by_work(const CitationCorpus& corpus, const AuthorGroups& groups) {
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> ordered(corpus.works.size());
  for (const auto& a : corpus.authorships) {
    if (a.work < corpus.works.size() && a.person < groups.group_of_person.size()) {
      ordered[a.work].emplace_back(a.position, groups.group_of_person[a.person]);
    }
  }
  std::vector<std::vector<std::uint32_t>> result(corpus.works.size());
  for (std::size_t w = 0; w < ordered.size(); ++w) {
    std::stable_sort(ordered[w].begin(), ordered[w].end());
    for (const auto& [position, group] : ordered[w]) {
      if (std::find(result[w].begin(), result[w].end(), group) == result[w].end()) result[w].push_back(group);
    }
  }
  return result;
}

}  // namespace litrev
