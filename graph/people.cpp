#include "graph/people.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "src/core/identifiers.hpp"
#include "src/core/person_names.hpp"
#include "src/core/text.hpp"

namespace litrev {

namespace {

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

// Family and given names, from the split fields or else from the display form.
std::pair<std::string, std::string> name_parts(const CorpusPerson& p) {
  if (!p.family.empty() || !p.given.empty()) return {p.family, p.given};
  return split_display_name(p.name);
}

// One distinct name among the people without identifier: its people are one author (rule 2).
struct Variant {
  std::string family;  // person_family_key
  GivenName given;
  GivenNameDetail detail;
  std::string given_key;                // given_name_key(given), for order and keys
  std::vector<std::uint32_t> people;    // ascending
};

// An author being formed within one family name. Its tops are its most specific given names:
// every other name it holds is a less specific form of one of them. An author built from
// variants has one top ("Paul J." over "Paul" and "P. J."); an identified author may have
// several ("Joe" and "Jiahui" under one ORCID).
struct Candidate {
  std::vector<std::pair<const GivenName*, std::uint32_t>> tops;   // with the first person bearing it
  std::vector<std::pair<const GivenName*, std::uint32_t>> names;  // every name, tops included
  std::uint32_t anchor = 0;   // a person of the author, to unite with
  std::uint32_t founder = 0;  // its most specific name's person (the reasons point to it)
};

// A name fits an author when it is compatible with one of its tops: then some full form of the
// author's name covers it ("P. J." fits an author holding "Paul J." and "Paul").
bool fits(const GivenName& g, const Candidate& c) {
  return std::any_of(c.tops.begin(), c.tops.end(), [&](const auto& t) { return given_names_compatible(g, *t.first); });
}

// Adds g to the tops it is more specific than, unless a top already covers it.
void add_name(Candidate& c, const GivenName* g, std::uint32_t person) {
  c.names.emplace_back(g, person);
  if (std::any_of(c.tops.begin(), c.tops.end(), [&](const auto& t) { return given_name_covers(*g, *t.first); })) return;
  std::erase_if(c.tops, [&](const auto& t) { return given_names_compatible(*g, *t.first); });
  c.tops.emplace_back(g, person);
}

std::string first_letter(const GivenName& g) {
  if (g.empty()) return {};
  const std::string& t = g.front().text;
  std::size_t len = 1;
  while (len < t.size() && (static_cast<unsigned char>(t[len]) & 0xC0) == 0x80) ++len;
  return t.substr(0, len);
}

// Rule 3 for the variants of one family name. `seeds` are the identified authors with a
// name of this family (their names, fixed); variants are decided tier by tier.
class FamilyGrouping {
 public:
  FamilyGrouping(DisjointSets& sets, std::vector<JoinReason>& why, std::vector<std::uint32_t>& ambiguous_among)
      : sets_(sets), why_(why), ambiguous_among_(ambiguous_among) {}

  void add_seed(Candidate c) { add_candidate(std::move(c)); }

  void run(std::vector<const Variant*> variants) {
    std::stable_sort(variants.begin(), variants.end(), [](const Variant* a, const Variant* b) {
      if (a->detail != b->detail) return a->detail > b->detail;
      return a->given_key < b->given_key;
    });
    for (std::size_t i = 0; i < variants.size();) {
      std::size_t j = i;
      while (j < variants.size() && variants[j]->detail == variants[i]->detail) ++j;
      tier({variants.begin() + static_cast<std::ptrdiff_t>(i), variants.begin() + static_cast<std::ptrdiff_t>(j)});
      i = j;
    }
  }

 private:
  std::vector<std::uint32_t> fitting(const GivenName& g, std::size_t below) const {
    std::vector<std::uint32_t> out;
    // A name can only fit the authors with a top of its first letter or without given name.
    auto scan = [&](const std::string& bucket) {
      const auto it = buckets_.find(bucket);
      if (it == buckets_.end()) return;
      for (std::uint32_t c : it->second)
        if (c < below && fits(g, candidates_[c])) out.push_back(c);
    };
    if (g.empty()) {
      for (const auto& [bucket, list] : buckets_) scan(bucket);
    } else {
      scan(first_letter(g));
      scan("");
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void index_tops(std::uint32_t id) {
    for (const auto& t : candidates_[id].tops) {
      auto& list = buckets_[first_letter(*t.first)];
      if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    }
  }

  void add_candidate(Candidate c) {
    const auto id = static_cast<std::uint32_t>(candidates_.size());
    candidates_.push_back(std::move(c));
    index_tops(id);
  }

  void join(const Variant& v, std::uint32_t c) {
    Candidate& cand = candidates_[c];
    // The same name as an identified author's: "same name"; else the rule by what it holds.
    JoinReason r;
    r.via = cand.founder;
    for (const auto& [g, person] : cand.names) {
      if (*g == v.given) {
        r.rule = JoinRule::same_name;
        r.via = person;
      }
    }
    if (r.rule != JoinRule::same_name) {
      r.rule = v.given.empty() ? JoinRule::family_name_only
               : v.detail.full > 0 ? JoinRule::given_name_fits
                                   : JoinRule::initials_fit;
    }
    why_[v.people.front()] = r;
    sets_.unite(cand.anchor, v.people.front());
    add_name(cand, &v.given, v.people.front());
    index_tops(c);
  }

  void found(const Variant& v, std::uint32_t ambiguous) {
    Candidate c;
    add_name(c, &v.given, v.people.front());
    c.anchor = c.founder = v.people.front();
    if (ambiguous >= 2) ambiguous_among_[v.people.front()] = ambiguous;
    add_candidate(std::move(c));
  }

  // Two names joining one author in the same tier must not contradict each other: one is a
  // form of the other, or a top of the author covers both.
  bool consistent(const GivenName& a, const GivenName& b, const Candidate& c) const {
    if (given_names_compatible(a, b)) return true;
    return std::any_of(c.tops.begin(), c.tops.end(), [&](const auto& t) {
      return given_name_covers(a, *t.first) && given_name_covers(b, *t.first);
    });
  }

  void tier(std::span<const Variant* const> tier) {
    const std::size_t before = candidates_.size();
    std::vector<std::vector<std::uint32_t>> fit(tier.size());
    std::map<std::uint32_t, std::vector<std::size_t>> chosen;  // candidate -> variants of this tier
    for (std::size_t k = 0; k < tier.size(); ++k) {
      fit[k] = fitting(tier[k]->given, before);
      if (fit[k].size() == 1) chosen[fit[k].front()].push_back(k);
    }
    // Two variants of one tier choosing one author must fit each other too.
    std::vector<bool> accepted(tier.size(), false);
    for (const auto& [c, ks] : chosen) {
      for (std::size_t a : ks) {
        accepted[a] = std::all_of(ks.begin(), ks.end(), [&](std::size_t b) {
          return a == b || consistent(tier[a]->given, tier[b]->given, candidates_[c]);
        });
      }
    }
    for (std::size_t k = 0; k < tier.size(); ++k)
      if (accepted[k]) join(*tier[k], fit[k].front());
    // The others start authors of their own; within the tier, one may still join another new
    // one it alone fits ("Jo A." / "J. Andrew" are not of one tier, but equal details can be).
    for (std::size_t k = 0; k < tier.size(); ++k) {
      if (accepted[k]) continue;
      const auto ambiguous = static_cast<std::uint32_t>(fit[k].size());
      if (ambiguous == 0) {
        std::vector<std::uint32_t> fresh;
        for (std::uint32_t c : fitting(tier[k]->given, candidates_.size()))
          if (c >= before) fresh.push_back(c);
        if (fresh.size() == 1) {
          join(*tier[k], fresh.front());
          continue;
        }
      }
      found(*tier[k], ambiguous);
    }
  }

  DisjointSets& sets_;
  std::vector<JoinReason>& why_;
  std::vector<std::uint32_t>& ambiguous_among_;
  std::vector<Candidate> candidates_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> buckets_;
};

std::string_view rule_scheme_label(std::string_view scheme) {
  if (const auto s = person_id_scheme_from_name(scheme)) return person_id_scheme_label(*s);
  return scheme;
}

}  // namespace

std::vector<std::string> person_identifier_keys(const CorpusPerson& person) {
  std::vector<std::string> out;
  if (!person.orcid.empty()) out.push_back("orcid:" + person.orcid);
  if (!person.idhal.empty()) out.push_back("idhal:" + person.idhal);
  std::vector<PersonId> ids = person.ids;
  std::stable_sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.scheme < b.scheme; });
  for (const auto& id : ids) out.push_back(std::string(person_id_scheme_name(id.scheme)) + ":" + id.value);
  return out;
}

AuthorGroups group_people(std::span<const CorpusPerson> people, const AuthorOverrides& overrides) {
  const auto n = static_cast<std::uint32_t>(people.size());
  DisjointSets sets(n);
  AuthorGroups result;
  result.why.assign(n, JoinReason{});
  std::vector<std::uint32_t> ambiguous_among(n, 0);

  std::unordered_map<std::int64_t, std::uint32_t> by_person_id;
  for (std::uint32_t i = 0; i < n; ++i)
    if (people[i].person_id != 0) by_person_id.emplace(people[i].person_id, i);
  std::vector<bool> split(n, false);
  for (std::int64_t id : overrides.split) {
    if (const auto it = by_person_id.find(id); it != by_person_id.end()) split[it->second] = true;
  }

  // 1. Identifiers.
  std::vector<bool> identified(n, false);
  {
    std::unordered_map<std::string, std::uint32_t> first_with;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (split[i]) continue;
      for (auto& key : person_identifier_keys(people[i])) {
        identified[i] = true;
        const auto [it, inserted] = first_with.emplace(key, i);
        if (inserted || sets.find(it->second) == sets.find(i)) continue;
        if (result.why[i].rule == JoinRule::first) result.why[i] = {JoinRule::identifier, it->second, key};
        sets.unite(it->second, i);
      }
    }
  }

  // 2. Name variants: one per distinct folded name among the people without identifier.
  std::vector<std::string> family(n);
  std::vector<GivenName> given(n);
  std::vector<Variant> variants;
  std::unordered_map<std::string, std::uint32_t> variant_of_name;
  std::vector<std::string> corporate(n);  // "=" + normalized name, for names without a family
  for (std::uint32_t i = 0; i < n; ++i) {
    if (split[i]) continue;
    const auto [fam, giv] = name_parts(people[i]);
    family[i] = person_family_key(fam);
    given[i] = given_name_tokens(giv);
    if (family[i].empty()) corporate[i] = "=" + normalized_title(people[i].name);
    if (identified[i]) continue;
    const std::string name = family[i].empty() ? corporate[i] : family[i] + "|" + given_name_key(given[i]);
    const auto [it, inserted] = variant_of_name.emplace(name, static_cast<std::uint32_t>(variants.size()));
    if (inserted) {
      Variant v;
      v.family = family[i];
      v.given = given[i];
      v.detail = given_name_detail(v.given);
      v.given_key = family[i].empty() ? corporate[i] : given_name_key(v.given);
      variants.push_back(std::move(v));
    }
    Variant& v = variants[it->second];
    if (!v.people.empty()) {
      result.why[i] = {JoinRule::same_name, v.people.front(), {}};
      sets.unite(v.people.front(), i);
    }
    v.people.push_back(i);
  }

  // 3. Per family name: identified authors as fixed candidates, then the variants.
  std::map<std::string, std::vector<const Variant*>> variants_by_family;
  for (const auto& v : variants) variants_by_family[v.family.empty() ? v.given_key : v.family].push_back(&v);
  std::map<std::string, std::map<std::uint32_t, Candidate>> seeds;  // family -> root -> author
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!identified[i]) continue;
    const std::string& fam = family[i].empty() ? corporate[i] : family[i];
    if (!variants_by_family.contains(fam)) continue;
    Candidate& c = seeds[fam][sets.find(i)];
    if (c.names.empty()) c.anchor = c.founder = i;
    if (std::none_of(c.names.begin(), c.names.end(), [&](const auto& g) { return *g.first == given[i]; }))
      add_name(c, &given[i], i);
  }
  for (const auto& [fam, vs] : variants_by_family) {
    FamilyGrouping grouping(sets, result.why, ambiguous_among);
    if (const auto it = seeds.find(fam); it != seeds.end())
      for (auto& [root, c] : it->second) grouping.add_seed(std::move(c));
    // A corporate name only meets itself (rule 2 did that); a family name runs the rules.
    if (fam.starts_with('=')) continue;
    grouping.run(vs);
  }

  // 4. Explicit merges.
  for (const auto& set : overrides.merge) {
    std::uint32_t first = kNoPerson;
    for (std::int64_t id : set) {
      const auto it = by_person_id.find(id);
      if (it == by_person_id.end()) continue;
      if (first == kNoPerson) {
        first = it->second;
      } else if (sets.find(first) != sets.find(it->second)) {
        // The person's own group joins as a whole: its first person says why.
        const std::uint32_t root = sets.find(it->second);
        result.why[root] = {JoinRule::merged, first, {}};
        sets.unite(first, it->second);
      }
    }
  }

  result.group_of_person.assign(n, 0);
  std::unordered_map<std::uint32_t, std::uint32_t> group_of_root;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t root = sets.find(i);
    const auto [it, inserted] = group_of_root.emplace(root, static_cast<std::uint32_t>(result.groups.size()));
    if (inserted) result.groups.emplace_back();
    result.group_of_person[i] = it->second;
    result.groups[it->second].people.push_back(i);
  }
  std::unordered_set<std::string> keys;
  for (auto& g : result.groups) {
    std::string id_key;
    auto id_rank = static_cast<std::size_t>(-1);
    std::uint32_t display = g.people.front();
    std::uint32_t specific = g.people.front();
    // Library people (with a store id) are shown before cited names written in capitals, then
    // the longest given name.
    const auto better = [&](std::uint32_t a, std::uint32_t b) {
      if ((people[a].person_id != 0) != (people[b].person_id != 0)) return people[a].person_id != 0;
      return name_parts(people[a]).second.size() > name_parts(people[b]).second.size();
    };
    for (std::uint32_t i : g.people) {
      // The key: the strongest scheme present, held by the group's first person with it.
      if (const auto ids = person_identifier_keys(people[i]); !ids.empty()) {
        const auto scheme = person_id_scheme_from_name(std::string_view(ids.front()).substr(0, ids.front().find(':')));
        const auto rank = static_cast<std::size_t>(scheme.value_or(PersonIdScheme::researcherid));
        if (rank < id_rank) id_rank = rank, id_key = ids.front();
      }
      if (better(i, display)) display = i;
      if (given_name_detail(given[i]) > given_name_detail(given[specific])) specific = i;
      g.ambiguous_among = std::max(g.ambiguous_among, ambiguous_among[i]);
    }
    g.name = people[display].name;
    g.split = split[g.people.front()];
    std::string key;
    if (!id_key.empty()) {
      key = id_key;
    } else if (g.split) {
      key = "person:" + std::to_string(people[g.people.front()].person_id);
    } else {
      key = "name:" + (family[specific].empty() ? corporate[specific]
                                                : family[specific] + "|" + given_name_key(given[specific]));
    }
    std::string unique = key;
    for (int k = 2; !keys.insert(unique).second; ++k) unique = key + "~" + std::to_string(k);
    g.key = std::move(unique);
  }
  return result;
}

std::string describe_join(const AuthorGroups& groups, std::span<const CorpusPerson> people, std::uint32_t person) {
  const JoinReason& r = groups.why[person];
  auto who = [&](std::uint32_t i) {
    if (i == kNoPerson || i >= people.size()) return std::string();
    return people[i].person_id != 0 ? fmt::format("#{}", people[i].person_id) : "\"" + people[i].name + "\"";
  };
  switch (r.rule) {
    case JoinRule::first: {
      const AuthorGroup& g = groups.groups[groups.group_of_person[person]];
      if (g.split) return "kept apart by people split";
      if (g.ambiguous_among >= 2 && g.people.front() == person)
        return fmt::format("fits {} authors: kept apart", g.ambiguous_among);
      return {};
    }
    case JoinRule::identifier: {
      const auto colon = r.identifier.find(':');
      return fmt::format("{} {} (as {})", rule_scheme_label(r.identifier.substr(0, colon)),
                         r.identifier.substr(colon + 1), who(r.via));
    }
    case JoinRule::same_name: return fmt::format("same name as {}", who(r.via));
    case JoinRule::given_name_fits: return fmt::format("given name fits only {}", who(r.via));
    case JoinRule::initials_fit: return fmt::format("initials fit only {}", who(r.via));
    case JoinRule::family_name_only: return fmt::format("family name only; the only author of that name ({})", who(r.via));
    case JoinRule::merged: return fmt::format("merged by hand with {}", who(r.via));
  }
  return {};
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
