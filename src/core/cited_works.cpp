#include "src/core/cited_works.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "src/core/reference_keys.hpp"
#include "src/core/source_names.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

// The comparable parts of one variant.
struct Facts {
  std::uint32_t bucket = 0;  // family|year, numbered
  int completeness = 0;  // volume and page known: 2, one of them: 1
  std::string initials;  // upper-case letters
  std::string volume, page, doi;
  std::string source;  // the container, normalized
  const CitedWorkVariant* variant = nullptr;
};

std::string initials_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= 'A' && c <= 'Z') out.push_back(c);
    else if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c - 'a' + 'A'));
  return out;
}

std::string doi_of(const CitedWorkVariant& v) {
  if (v.identity.starts_with("doi:")) return v.identity.substr(4);
  return ascii_lower(trim(v.doi));
}

int completeness(const CitedWorkVariant& v) {
  return (locator_volume(v.volume).empty() ? 0 : 1) + (locator_page(v.first_page).empty() ? 0 : 1);
}

// Only variants with a person or organisation as first author, a year, and a volume or page
// take part: the others cannot show the positive evidence the rules ask for.
std::optional<Facts> facts_of(const CitedWorkVariant& v, std::unordered_map<std::string, std::uint32_t>& buckets) {
  if (!v.year) return std::nullopt;
  Facts f;
  f.volume = locator_volume(v.volume);
  f.page = locator_page(v.first_page);
  if (f.volume.empty() && f.page.empty()) return std::nullopt;
  const std::string family = family_token(v.first_author);
  if (family.empty() || family == "anonymous" || family == "anon") return std::nullopt;
  f.completeness = (f.volume.empty() ? 0 : 1) + (f.page.empty() ? 0 : 1);
  // Buckets are numbered in the order met: that order only decides which bucket is done first.
  f.bucket = buckets.try_emplace(family + "|" + std::to_string(*v.year), static_cast<std::uint32_t>(buckets.size()))
                 .first->second;
  f.initials = initials_of(v.author_initials);
  f.doi = doi_of(v);
  if (f.page.empty()) f.source = normalized_title(v.container);
  f.variant = &v;
  return f;
}

enum class Sources { unknown, same, different };

Sources compare_sources(const CitedWorkVariant& a, const CitedWorkVariant& b) {
  bool known_a = false, known_b = false;
  for (const std::string* x : {&a.container, &a.title}) {
    if (x->empty()) continue;
    known_a = true;
    for (const std::string* y : {&b.container, &b.title}) {
      if (y->empty()) continue;
      known_b = true;
      if (source_names_match(*x, *y)) return Sources::same;
    }
  }
  if (!known_b) known_b = !b.container.empty() || !b.title.empty();
  return known_a && known_b ? Sources::different : Sources::unknown;
}

bool known_and_differ(const std::string& a, const std::string& b) { return !a.empty() && !b.empty() && a != b; }
bool known_and_equal(const std::string& a, const std::string& b) { return !a.empty() && a == b; }

enum class Link { conflict, neutral, positive };

Link link(const Facts& x, const Facts& y) {
  if (!x.initials.empty() && !y.initials.empty() && !x.initials.starts_with(y.initials) &&
      !y.initials.starts_with(x.initials))
    return Link::conflict;
  if (known_and_differ(x.volume, y.volume) || known_and_differ(x.page, y.page)) return Link::conflict;
  const bool same_volume = known_and_equal(x.volume, y.volume), same_page = known_and_equal(x.page, y.page);
  if (!same_volume && !same_page) return Link::neutral;
  const bool full_locator = same_volume && same_page;
  const bool two_dois = known_and_differ(x.doi, y.doi);
  // Sources are compared only when the locator leaves a doubt (compare_sources folds text).
  if (full_locator && !two_dois) return Link::positive;
  const Sources sources = compare_sources(*x.variant, *y.variant);
  if (sources == Sources::different) return Link::conflict;
  if (two_dois) return full_locator && sources == Sources::same ? Link::positive : Link::conflict;
  // One of volume and page agrees, the other is missing on a side. A volume without any page
  // on either side is the weakest evidence (PLOS ONE, Phys Rev E: thousands of articles per
  // volume): it needs the source written the same way, i.e. by the same index, where the
  // reference with a DOI and the one without are copies of one line.
  if (x.page.empty() && y.page.empty())
    return !x.source.empty() && x.source == y.source ? Link::positive : Link::neutral;
  return sources == Sources::same ? Link::positive : Link::neutral;
}

// A variant joins a group when it conflicts with no member and has positive evidence with one.
bool joins(const Facts& x, const std::vector<std::uint32_t>& members, const std::vector<Facts>& facts) {
  bool positive = false;
  for (std::uint32_t m : members) {
    const Link l = link(x, facts[m]);
    if (l == Link::conflict) return false;
    positive = positive || l == Link::positive;
  }
  return positive;
}

bool canonical_before(const CitedWorkVariant& a, const CitedWorkVariant& b) {
  const bool doi_a = a.identity.starts_with("doi:"), doi_b = b.identity.starts_with("doi:");
  if (doi_a != doi_b) return doi_a;
  if (a.citations != b.citations) return a.citations > b.citations;
  return a.identity < b.identity;
}

// Stage two (cited_works.hpp): a variant that knows the full title under a DOI or OpenAlex
// identity, and the identity its parts would have without that identifier.
bool titled_under_identifier(const CitedWorkVariant& v) {
  return !v.title.empty() && v.year && (v.identity.starts_with("doi:") || v.identity.starts_with("openalex:"));
}

std::string abbreviated_identity(const CitedWorkVariant& v) {
  if (!locator_volume(v.volume).empty() && !locator_page(v.first_page).empty()) return {};  // stage one's
  Reference r;
  r.first_author = v.first_author;
  r.author_initials = v.author_initials;
  r.year = v.year;
  r.title = v.title;
  r.container = v.container;
  r.volume = v.volume;
  return reference_identity(r);
}

bool same_title(const std::string& a, const std::string& b) {
  return abbreviates_title(a, b) || abbreviates_title(b, a);
}

// `abbreviated` (a WoS or Scopus form without identifier) and `titled` can be one work.
bool titles_link(const CitedWorkVariant& abbreviated, const CitedWorkVariant& titled) {
  const std::string a = initials_of(abbreviated.author_initials), t = initials_of(titled.author_initials);
  if (!a.empty() && !t.empty() && !a.starts_with(t) && !t.starts_with(a)) return false;
  if (known_and_differ(doi_of(abbreviated), doi_of(titled))) return false;
  if (known_and_differ(locator_volume(abbreviated.volume), locator_volume(titled.volume))) return false;
  for (const std::string* x : {&abbreviated.title, &abbreviated.container})
    if (!x->empty() && same_title(*x, titled.title)) return true;
  return false;
}

std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// Joins the groups of stage one through title links, then names each joined group by its
// canonical variant. Links and the canonical order do not depend on the variants' order.
void join_titled_variants(const std::vector<CitedWorkVariant>& variants, std::vector<std::uint32_t>& result) {
  std::unordered_map<std::string_view, std::uint32_t> by_identity;
  for (std::uint32_t i = 0; i < variants.size(); ++i)
    if (variants[i].identity.starts_with("ref:")) by_identity.emplace(variants[i].identity, i);
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> titled_of;  // abbreviated -> titled
  for (std::uint32_t d = 0; d < variants.size(); ++d) {
    if (!titled_under_identifier(variants[d])) continue;
    const std::string alias = abbreviated_identity(variants[d]);
    const auto it = alias.empty() ? by_identity.end() : by_identity.find(alias);
    if (it == by_identity.end()) continue;
    const CitedWorkVariant& w = variants[it->second];
    if (titles_link(w, variants[d]) && !known_and_differ(doi_of(variants[result[it->second]]), doi_of(variants[d])))
      titled_of[it->second].push_back(d);
  }
  if (titled_of.empty()) return;
  std::vector<std::uint32_t> parent = result;
  for (const auto& [w, ds] : titled_of) {
    // Several titled variants under one abbreviation must be one work themselves: every pair
    // agrees (pairs, not each with the first, so that their order decides nothing).
    bool one_work = true;
    for (std::size_t a = 0; a < ds.size() && one_work; ++a)
      for (std::size_t b = a + 1; b < ds.size() && one_work; ++b)
        one_work = !known_and_differ(doi_of(variants[ds[a]]), doi_of(variants[ds[b]])) &&
                   same_title(variants[ds[a]].title, variants[ds[b]].title);
    if (!one_work) continue;
    for (std::uint32_t d : ds) parent[find_root(parent, result[d])] = find_root(parent, result[w]);
  }
  std::unordered_map<std::uint32_t, std::uint32_t> best_of_root;
  for (std::uint32_t i = 0; i < variants.size(); ++i) {
    auto [it, added] = best_of_root.try_emplace(find_root(parent, i), i);
    if (!added && canonical_before(variants[i], variants[it->second])) it->second = i;
  }
  for (std::uint32_t i = 0; i < variants.size(); ++i) result[i] = best_of_root[find_root(parent, i)];
}

}  // namespace

bool more_complete(const CitedWorkVariant& a, const CitedWorkVariant& b) {
  if (a.described != b.described) return a.described;
  const int ca = completeness(a), cb = completeness(b);
  if (ca != cb) return ca > cb;
  if (a.citations != b.citations) return a.citations > b.citations;
  return a.identity < b.identity;
}

std::vector<std::uint32_t> unify_cited_works(const std::vector<CitedWorkVariant>& variants) {
  std::vector<std::uint32_t> result(variants.size());
  std::iota(result.begin(), result.end(), 0u);

  std::vector<Facts> facts;
  std::vector<std::uint32_t> index_of;  // facts index -> variants index
  facts.reserve(variants.size());
  index_of.reserve(variants.size());
  std::unordered_map<std::string, std::uint32_t> buckets;
  for (std::uint32_t i = 0; i < variants.size(); ++i)
    if (auto f = facts_of(variants[i], buckets)) {
      facts.push_back(std::move(*f));
      index_of.push_back(i);
    }
  // Within a bucket, the most complete variants first, so that groups form around them and a
  // partial variant then sees every group it could join.
  std::vector<std::uint32_t> order(facts.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Facts &x = facts[a], &y = facts[b];
    if (x.bucket != y.bucket) return x.bucket < y.bucket;
    if (x.completeness != y.completeness) return x.completeness > y.completeness;
    if (x.variant->citations != y.variant->citations) return x.variant->citations > y.variant->citations;
    return x.variant->identity < y.variant->identity;
  });

  std::vector<std::vector<std::uint32_t>> groups;  // facts indexes; reset per bucket
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_locator_part;  // "v:82", "p:1212" -> groups
  std::vector<std::string> parts_seen;                                           // keys of the current bucket
  auto finish_bucket = [&] {
    for (const auto& members : groups) {
      if (members.size() < 2) continue;
      const auto best = *std::min_element(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) {
        return canonical_before(variants[index_of[a]], variants[index_of[b]]);
      });
      for (std::uint32_t m : members) result[index_of[m]] = index_of[best];
    }
    groups.clear();
    // Erased key by key: clear() walks every slot the map ever grew to, once per bucket.
    for (const auto& part : parts_seen) by_locator_part.erase(part);
    parts_seen.clear();
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::uint32_t i = order[k];
    if (k > 0 && facts[order[k - 1]].bucket != facts[i].bucket) finish_bucket();
    const Facts& x = facts[i];
    std::vector<std::uint32_t> candidates;
    for (const std::string& part : {"v:" + x.volume, "p:" + x.page}) {
      if (part.size() == 2) continue;
      if (auto it = by_locator_part.find(part); it != by_locator_part.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::optional<std::uint32_t> chosen;
    bool ambiguous = false;
    for (std::uint32_t g : candidates) {
      if (!joins(x, groups[g], facts)) continue;
      if (chosen) ambiguous = true;
      chosen = g;
    }
    std::uint32_t g;
    if (chosen && !ambiguous) {
      g = *chosen;
    } else {
      g = static_cast<std::uint32_t>(groups.size());
      groups.emplace_back();
    }
    groups[g].push_back(i);
    for (const std::string& part : {"v:" + x.volume, "p:" + x.page}) {
      if (part.size() == 2) continue;
      auto [it, added] = by_locator_part.try_emplace(part);
      if (added) parts_seen.push_back(part);
      if (std::find(it->second.begin(), it->second.end(), g) == it->second.end()) it->second.push_back(g);
    }
  }
  finish_bucket();
  join_titled_variants(variants, result);
  return result;
}

std::vector<CitedWorkVariant> cited_work_variants(const std::vector<Reference>& refs,
                                                  std::vector<std::uint32_t>& variant_of) {
  ReferenceIdentities ids;
  for (const auto& r : refs) ids.learn(r);
  std::vector<CitedWorkVariant> out;
  std::vector<const Reference*> longest;
  std::unordered_map<std::string, std::uint32_t> index;
  variant_of.clear();
  for (const auto& r : refs) {
    auto [it, added] = index.try_emplace(ids.identity(r), static_cast<std::uint32_t>(out.size()));
    if (added) {
      out.emplace_back().identity = it->first;
      longest.push_back(&r);
    }
    const Reference*& best = longest[it->second];
    if (r.raw.size() > best->raw.size() || (r.raw.size() == best->raw.size() && r.raw < best->raw)) best = &r;
    ++out[it->second].citations;
    variant_of.push_back(it->second);
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Reference& r = *longest[i];
    CitedWorkVariant& v = out[i];
    v.first_author = r.first_author;
    v.author_initials = r.author_initials;
    v.year = r.year;
    v.volume = r.volume;
    v.first_page = r.first_page;
    v.doi = r.doi;
    v.container = r.container;
    v.title = r.title;
    v.described = is_described(r);
  }
  return out;
}

}  // namespace litrev
