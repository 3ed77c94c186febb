#include "src/csl/disambiguation.hpp"

#include <algorithm>
#include <map>

#include "src/csl/initials.hpp"

namespace litrev::csl {
namespace {

struct Probe {
  std::string cite;
  std::vector<const Name*> names;  // shown in the first name list
  int total = 0;
};

class Disambiguator {
 public:
  Disambiguator(const Renderer& r, const std::vector<Item>& items) : r_(r), items_(items), out_(items.size()) {}

  std::vector<Disambiguated> run(const std::vector<std::size_t>& order) {
    const auto& opts = r_.style().disambiguation;
    if (!opts.add_year_suffix && !opts.add_names && !opts.add_givenname) return std::move(out_);
    probes_.resize(items_.size());
    for (std::size_t i = 0; i < items_.size(); ++i) probes_[i] = probe(i, out_[i].settings);
    if (opts.add_givenname && !opts.givenname_by_cite) {
      names_across_cites(opts.givenname_primary_only, opts.givenname_full);
      for (std::size_t i = 0; i < items_.size(); ++i)
        if (!out_[i].settings.givens.empty()) probes_[i] = probe(i, out_[i].settings);
    }
    // Alike cites, in bibliography order.
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t pos : order)
      if (!probes_[pos].cite.empty()) groups[probes_[pos].cite].push_back(pos);
    for (auto& [cite, members] : groups) {
      if (members.size() < 2) continue;
      if (opts.add_names) add_names(members);
      if (opts.add_givenname) add_givennames(members, opts.givenname_primary_only, opts.givenname_full);
      if (opts.add_year_suffix) year_suffixes(members);
    }
    return std::move(out_);
  }

 private:
  Probe probe(std::size_t i, const DisambigSettings& settings) const {
    EntryState st;
    st.item = &items_[i];
    st.context = Context::citation;
    st.disambig = &settings;
    Probe p;
    p.cite = r_.render_layout(r_.style().citation, st).plain();
    p.names = std::move(st.cite_names);
    p.total = st.cite_names_total;
    return p;
  }

  static std::string family_key(const Name& n) { return n.non_dropping_particle + " " + n.family; }
  static std::string person_key(const Name& n) { return n.given + "|" + n.dropping_particle + "|" + n.suffix; }

  // all-names / primary-name: a cited name shares its family name with another cited person.
  // Per family name, the distinct persons cited and their initials (linear in the names).
  void names_across_cites(bool primary_only, bool full) {
    struct Person {
      std::string key, initials;
    };
    std::map<std::string, std::vector<Person>> by_family;
    auto considered = [&](const Probe& p, std::size_t j) { return (!primary_only || j == 0) && !p.names[j]->is_literal(); };
    for (const auto& p : probes_) {
      for (std::size_t j = 0; j < p.names.size(); ++j) {
        if (!considered(p, j)) continue;
        auto& persons = by_family[family_key(*p.names[j])];
        const std::string key = person_key(*p.names[j]);
        if (std::none_of(persons.begin(), persons.end(), [&](const Person& q) { return q.key == key; }))
          persons.push_back({key, initialize_given(p.names[j]->given, "", false, true)});
      }
    }
    for (std::size_t i = 0; i < probes_.size(); ++i) {
      const auto& p = probes_[i];
      for (std::size_t j = 0; j < p.names.size(); ++j) {
        if (!considered(p, j)) continue;
        const auto& persons = by_family[family_key(*p.names[j])];
        if (persons.size() < 2) continue;
        const std::string key = person_key(*p.names[j]);
        const std::string initials = initialize_given(p.names[j]->given, "", false, true);
        const bool same_initials = std::any_of(persons.begin(), persons.end(),
                                               [&](const Person& q) { return q.key != key && q.initials == initials; });
        auto& givens = out_[i].settings.givens;
        if (givens.size() <= j) givens.resize(j + 1, 0);
        givens[j] = same_initials && full ? 2 : 1;
      }
    }
  }

  // Members whose cite differs from every other member's.
  std::vector<bool> unique(const std::vector<std::size_t>& members) const {
    std::vector<bool> u(members.size(), true);
    for (std::size_t a = 0; a < members.size(); ++a)
      for (std::size_t b = 0; b < members.size(); ++b)
        if (a != b && probes_[members[a]].cite == probes_[members[b]].cite) u[a] = false;
    return u;
  }

  std::vector<std::size_t> ambiguous(const std::vector<std::size_t>& members) const {
    const auto u = unique(members);
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < members.size(); ++k)
      if (!u[k]) out.push_back(members[k]);
    return out;
  }

  // Tries a change on the still-alike members; keeps it when it separates at least one.
  template <typename Change>
  bool attempt(const std::vector<std::size_t>& members, Change change) {
    const auto before = ambiguous(members);
    if (before.empty()) return false;
    std::vector<DisambigSettings> saved;
    std::vector<Probe> saved_probes;
    for (std::size_t m : before) {
      saved.push_back(out_[m].settings);
      saved_probes.push_back(probes_[m]);
      change(out_[m].settings);
      probes_[m] = probe(m, out_[m].settings);
    }
    if (ambiguous(members).size() < before.size()) return true;
    for (std::size_t k = 0; k < before.size(); ++k) {
      out_[before[k]].settings = saved[k];
      probes_[before[k]] = saved_probes[k];
    }
    return false;
  }

  // The first name position (from `from`) where the still-alike members' name lists differ
  // (by family name, or by given name too), or -1: beyond it adding names or given names
  // cannot separate them, and trying costs a rendering per member and step.
  int first_difference(const std::vector<std::size_t>& members, std::size_t from, bool given) const {
    std::size_t longest = 0;
    for (std::size_t m : members) longest = std::max(longest, items_names(m).size());
    for (std::size_t k = from; k < longest; ++k) {
      const Name* first = nullptr;
      for (std::size_t m : members) {
        const auto& names = items_names(m);
        if (k >= names.size()) return static_cast<int>(k);
        const Name& n = names[k];
        if (!first) {
          first = &n;
          continue;
        }
        if (family_key(n) != family_key(*first) || n.literal != first->literal) return static_cast<int>(k);
        if (given && person_key(n) != person_key(*first)) return static_cast<int>(k);
      }
    }
    return -1;
  }

  // The names of the item's first cited name list (what the probe showed).
  const std::vector<Name>& items_names(std::size_t m) const {
    static const std::vector<Name> kNone;
    const auto& p = probes_[m];
    if (p.names.empty()) return kNone;
    for (const auto& [var, names] : items_[m].names)
      if (!names.empty() && &names.front() == p.names.front()) return names;
    return kNone;
  }

  void add_names(const std::vector<std::size_t>& members) {
    int shown = 0, most = 0;
    for (std::size_t m : members) {
      shown = std::max(shown, static_cast<int>(probes_[m].names.size()));
      most = std::max(most, probes_[m].total);
    }
    const int diff = first_difference(ambiguous(members), static_cast<std::size_t>(shown), false);
    if (diff < 0) return;
    for (int n = diff + 1; n <= most && !ambiguous(members).empty(); ++n)
      attempt(members, [n](DisambigSettings& s) { s.names = n; });
  }

  void add_givennames(const std::vector<std::size_t>& members, bool primary_only, bool full) {
    std::size_t positions = 0;
    for (std::size_t m : members) positions = std::max(positions, probes_[m].names.size());
    if (primary_only) positions = std::min<std::size_t>(positions, 1);
    for (std::size_t j = 0; j < positions && !ambiguous(members).empty(); ++j) {
      // Only where the alike members name different persons.
      const int diff = first_difference(ambiguous(members), j, true);
      if (diff < 0) break;
      j = static_cast<std::size_t>(diff);
      if (j >= positions) break;
      for (int level = 1; level <= (full ? 2 : 1); ++level) {
        attempt(members, [j, level](DisambigSettings& s) {
          if (s.givens.size() <= j) s.givens.resize(j + 1, 0);
          s.givens[j] = std::max(s.givens[j], level);
        });
      }
    }
  }

  void year_suffixes(const std::vector<std::size_t>& members) {
    // Members are in bibliography order; those still alike share a cite.
    std::map<std::string, std::vector<std::size_t>> alike;
    for (std::size_t m : ambiguous(members)) alike[probes_[m].cite].push_back(m);
    for (auto& [cite, group] : alike) {
      std::sort(group.begin(), group.end(),
                [&](std::size_t a, std::size_t b) { return position(a) < position(b); });
      for (std::size_t k = 0; k < group.size(); ++k) out_[group[k]].year_suffix = letters(k);
    }
  }

  std::size_t position(std::size_t item) const { return rank_.empty() ? item : rank_[item]; }

 public:
  void set_order(const std::vector<std::size_t>& order) {
    rank_.assign(items_.size(), 0);
    for (std::size_t p = 0; p < order.size(); ++p) rank_[order[p]] = p;
  }

  // a, b, ... z, aa, ab, ... (citeproc-js's suffixes).
  static std::string letters(std::size_t n) {
    std::string key;
    ++n;
    do {
      const std::size_t x = n % 26 == 0 ? 26 : n % 26;
      key.insert(key.begin(), static_cast<char>('a' + x - 1));
      n = (n - x) / 26;
    } while (n != 0);
    return key;
  }

 private:
  const Renderer& r_;
  const std::vector<Item>& items_;
  std::vector<Disambiguated> out_;
  std::vector<Probe> probes_;
  std::vector<std::size_t> rank_;
};

}  // namespace

std::vector<Disambiguated> disambiguate(const Renderer& renderer, const std::vector<Item>& items,
                                        const std::vector<std::size_t>& order) {
  if (renderer.style().citation.children.empty()) return std::vector<Disambiguated>(items.size());
  Disambiguator d(renderer, items);
  d.set_order(order);
  return d.run(order);
}

}  // namespace litrev::csl
