// Store::load_citation_corpus: the graph module's input in a few sequential scans.

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_set>

#include "src/core/cited_works.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/reference_keys.hpp"
#include "src/core/text.hpp"
#include "src/store/keys.hpp"
#include "src/store/library.hpp"
#include "src/store/row_scan.hpp"
#include "src/store/store_impl.hpp"

namespace litrev {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Store id -> vector index. Ids are dense unless many works were merged away, so a plain
// vector indexed by id is the common case (4 bytes per id, no hashing on 10M lookups); very
// sparse ids fall back to binary search over the sorted ids.
class IdIndex {
 public:
  void build(const std::vector<std::int64_t>& sorted_ids) {
    ids_ = &sorted_ids;
    const std::int64_t max = sorted_ids.empty() ? 0 : sorted_ids.back();
    dense_ = max >= 0 && static_cast<std::uint64_t>(max) <= 16 * sorted_ids.size() + (1u << 20);
    if (!dense_) return;
    slots_.assign(static_cast<std::size_t>(max) + 1, kNone);
    for (std::size_t i = 0; i < sorted_ids.size(); ++i)
      if (sorted_ids[i] >= 0) slots_[static_cast<std::size_t>(sorted_ids[i])] = static_cast<std::uint32_t>(i);
  }
  std::uint32_t operator()(std::int64_t id) const {
    if (dense_) return id >= 0 && static_cast<std::size_t>(id) < slots_.size() ? slots_[static_cast<std::size_t>(id)] : kNone;
    const auto it = std::lower_bound(ids_->begin(), ids_->end(), id);
    return it != ids_->end() && *it == id ? static_cast<std::uint32_t>(it - ids_->begin()) : kNone;
  }

 private:
  const std::vector<std::int64_t>* ids_ = nullptr;
  bool dense_ = false;
  std::vector<std::uint32_t> slots_;
};

// Identity hash -> index into corpus.externals, and the longest raw text length seen for it:
// open addressing over one array of slots, so a lookup touches one cache line. Millions of
// references hit a few hundred thousand identities, and this lookup was most of the load.
// Comparing the 64-bit hashes alone (refs.identity_hash) is what makes it cheap: two
// identities with the same hash would be one node, a chance of about 1e-9 for a million
// distinct cited works, accepted.
class IdentityTable {
 public:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t index = kNone;
    std::uint32_t longest = 0;  // longest raw text seen, bytes
  };
  IdentityTable() { resize(1u << 16); }
  // The slot for hash, or nullptr.
  Slot* find(std::uint64_t hash) {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].index == kNone) return nullptr;
      if (slots_[i].hash == hash) return &slots_[i];
    }
  }
  void add(const Slot& slot) {
    if (2 * (++size_) > slots_.size()) resize(2 * slots_.size());
    place(slot);
  }

 private:
  void place(const Slot& slot) {
    std::size_t i = slot.hash & mask_;
    while (slots_[i].index != kNone) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
  void resize(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const auto& slot : old)
      if (slot.index != kNone) place(slot);
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0, size_ = 0;
};

std::string display_name(std::string_view family, std::string_view given, std::string_view particle,
                         std::string_view literal) {
  if (!literal.empty()) return std::string(literal);
  std::string name = particle.empty() ? std::string(family) : std::string(particle) + " " + std::string(family);
  return given.empty() ? name : name + ", " + std::string(given);
}

// A reference's authors: all of them when stored (Scopus), else its first author.
std::vector<ReferenceAuthor> reference_authors(std::string_view stored, const Reference& ref) {
  auto authors = store::split_reference_authors(stored);
  if (authors.empty() && !trim(ref.first_author).empty()) authors.push_back({ref.first_author, ref.author_initials});
  return authors;
}

void load_works(store::Library& lib, bool with_text, CitationCorpus& corpus, std::vector<std::int64_t>& ids) {
  {
    store::RowScan max(lib.db, "SELECT coalesce(max(id), 0) FROM works");
    if (max.next()) {
      corpus.works.reserve(static_cast<std::size_t>(max.int64(0)));
      ids.reserve(static_cast<std::size_t>(max.int64(0)));
    }
  }
  store::RowScan q(lib.db, with_text ? "SELECT id, key, title, container, year, global_citations, abstract, keywords "
                                       "FROM works ORDER BY id"
                                     : "SELECT id, key, title, container, year, global_citations FROM works ORDER BY id");
  while (q.next()) {
    ids.push_back(q.int64(0));
    CorpusWork w;
    w.work_id = ids.back();
    w.key = q.string(1);
    w.title = q.string(2);
    w.container = q.string(3);
    if (!q.null(4)) w.year = static_cast<int>(q.int64(4));
    if (!q.null(5)) w.global_citations = q.int64(5);
    if (with_text) {
      w.abstract_text = q.string(6);
      w.keywords = store::split_keywords(q.text(7));
    }
    corpus.works.push_back(std::move(w));
  }
}

void load_authors(store::Library& lib, const IdIndex& work_index, CitationCorpus& corpus) {
  // Authors only: people who appear as an author of some work.
  std::vector<std::int64_t> person_ids;
  {
    store::RowScan q(lib.db,
                     "SELECT id, family, given, particle, literal, orcid, idhal FROM people p "
                     "WHERE EXISTS (SELECT 1 FROM work_people wp WHERE wp.person = p.id AND wp.role = 'author') "
                     "ORDER BY id");
    while (q.next()) {
      person_ids.push_back(q.int64(0));
      CorpusPerson p;
      p.person_id = person_ids.back();
      p.name = display_name(q.text(1), q.text(2), q.text(3), q.text(4));
      p.family = q.null(4) || q.text(4).empty() ? q.string(1) : q.string(4);
      p.given = q.string(2);
      p.orcid = q.string(5);
      p.idhal = q.string(6);
      corpus.people.push_back(std::move(p));
    }
  }
  IdIndex person_index;
  person_index.build(person_ids);
  {
    store::RowScan q(lib.db, "SELECT person, scheme, value FROM person_identifiers ORDER BY person, scheme");
    while (q.next()) {
      const auto p = person_index(q.int64(0));
      const auto scheme = person_id_scheme_from_name(q.text(1));
      if (p != kNone && scheme) corpus.people[p].ids.push_back({*scheme, q.string(2)});
    }
  }
  store::RowScan q(lib.db, "SELECT work, person FROM work_people WHERE role = 'author' ORDER BY work, position");
  std::int64_t current = std::numeric_limits<std::int64_t>::min();
  std::uint32_t position = 0;
  while (q.next()) {
    const auto work = q.int64(0);
    if (work != current) current = work, position = 0;
    const auto w = work_index(work), p = person_index(q.int64(1));
    if (w == kNone || p == kNone) continue;
    corpus.authorships.push_back(CorpusAuthorship{w, p, position++});
  }
}

// Reads the parts of the reference `ref_id` (the most complete one of its identity) into the
// variant and the external's label, DOI and raw text.
void read_variant(store::Library& lib, SQLite::Statement& details, std::int64_t ref_id, CitedWorkVariant& v,
                  ExternalWork& e) {
  details.bind(1, ref_id);
  if (!details.executeStep()) throw StoreError(fmt::format("{}: reference {} vanished", lib.path.string(), ref_id));
  Reference ref;
  ref.raw = details.getColumn(0).getString();
  ref.doi = details.getColumn(1).isNull() ? std::string() : details.getColumn(1).getString();
  ref.first_author = details.getColumn(2).getString();
  ref.author_initials = details.getColumn(3).getString();
  if (!details.getColumn(4).isNull()) ref.year = details.getColumn(4).getInt();
  ref.title = details.getColumn(5).getString();
  ref.container = details.getColumn(6).getString();
  ref.volume = details.getColumn(7).getString();
  ref.first_page = details.getColumn(8).getString();
  e.identity = details.getColumn(9).getString();
  e.authors = reference_authors(details.getColumn(10).getText(), ref);
  if (!details.getColumn(11).isNull()) ref.openalex = details.getColumn(11).getString();
  details.reset();
  v.identity = e.identity;
  e.label = reference_label(ref);
  e.cited_as = e.label;
  e.title = ref.title;
  v.described = is_described(ref);
  e.doi = e.identity.starts_with("doi:") ? e.identity.substr(4) : ref.doi;
  e.year = ref.year;
  e.raw = std::move(ref.raw);
  v.first_author = std::move(ref.first_author);
  v.author_initials = std::move(ref.author_initials);
  v.year = ref.year;
  v.volume = std::move(ref.volume);
  v.first_page = std::move(ref.first_page);
  v.doi = e.doi;
  v.container = std::move(ref.container);
  v.title = std::move(ref.title);
}

// One external per cited work (core/cited_works.hpp): identities that name one work become
// one external, under the group's identity, labelled by its most complete variant, with the
// longest raw text and a DOI when any variant has one. Citations are renumbered.
void unify_externals(const std::vector<CitedWorkVariant>& variants, CitationCorpus& corpus) {
  const auto canonical = unify_cited_works(variants);
  std::vector<std::uint32_t> slot_of_canonical(variants.size(), kNone);
  std::vector<std::uint32_t> new_index(variants.size(), kNone);
  std::vector<ExternalWork> out;
  std::vector<std::uint32_t> labelled_by, doi_from, cited_as_from;  // per new external: variant indexes
  for (std::uint32_t i = 0; i < variants.size(); ++i) {
    auto& slot = slot_of_canonical[canonical[i]];
    if (slot == kNone) {
      slot = static_cast<std::uint32_t>(out.size());
      out.emplace_back().identity = variants[canonical[i]].identity;
      labelled_by.push_back(i);
      doi_from.push_back(kNone);
      cited_as_from.push_back(i);
    }
    new_index[i] = slot;
    if (more_complete(variants[i], variants[labelled_by[slot]])) labelled_by[slot] = i;
    // Written as the library's references write it: the most cited variant not described from a record.
    if (const auto& c = variants[cited_as_from[slot]];
        c.described != variants[i].described ? c.described
                                             : (variants[i].citations > c.citations ||
                                                (variants[i].citations == c.citations && variants[i].identity < c.identity)))
      cited_as_from[slot] = i;
    // The canonical variant's DOI, else the DOI of the most cited variant that has one.
    auto& d = doi_from[slot];
    if (!corpus.externals[i].doi.empty() &&
        (d == kNone || (canonical[i] == i) ||
         (canonical[d] != d && (variants[i].citations > variants[d].citations ||
                                (variants[i].citations == variants[d].citations &&
                                 variants[i].identity < variants[d].identity)))))
      d = i;
  }
  std::vector<std::uint32_t> title_from(out.size(), kNone);
  for (std::uint32_t i = 0; i < variants.size(); ++i) {
    const std::uint32_t n = new_index[i];
    ExternalWork& e = out[n];
    const ExternalWork& old = corpus.externals[i];
    if (labelled_by[n] == i) e.label = old.label;
    if (cited_as_from[n] == i) e.cited_as = old.cited_as;
    // The label's title, else the longest (ties: the smallest), so import order does not choose.
    if (auto& t = title_from[n];
        !old.title.empty() && t != labelled_by[n] &&
        (t == kNone || labelled_by[n] == i || old.title.size() > e.title.size() ||
         (old.title.size() == e.title.size() && old.title < e.title))) {
      t = i;
      e.title = old.title;
    }
    if (old.year && (!e.year || labelled_by[n] == i)) e.year = old.year;  // the label's year, else any
    if (doi_from[n] == i) e.doi = old.doi;
    if (old.raw.size() > e.raw.size() || (old.raw.size() == e.raw.size() && old.raw < e.raw)) e.raw = old.raw;
    if (old.authors.size() > e.authors.size()) e.authors = old.authors;  // the fullest author list
  }
  for (auto& c : corpus.citations)
    if (c.cited_external) c.cited_external = new_index[*c.cited_external];
  corpus.externals = std::move(out);
}

// Two scans in reference order, merged: the narrow index refs_corpus (work, identity hash and
// raw length of every reference) and citations. Each cited work outside the library is read
// once at the end, from its reference with the longest raw text (the most complete form, and
// a choice that does not depend on the order references were stored in, up to equal lengths).
void load_citations(store::Library& lib, const IdIndex& work_index, CitationCorpus& corpus) {
  {
    // Reserved from the largest id (no count(*) scan): the vector is the biggest of the corpus,
    // and growing it by doubling would hold two copies at once.
    store::RowScan max(lib.db, "SELECT coalesce(max(id), 0) FROM refs");
    if (max.next()) corpus.citations.reserve(static_cast<std::size_t>(max.int64(0)));
  }
  // References described from the cited work's own record (open ones, keyed "w:<id>"): they
  // label their cited work, but never stand for how the library's references write it.
  std::unordered_set<std::int64_t> described;
  {
    store::RowScan q(lib.db,
                     "SELECT k.ref FROM ref_keys k JOIN refs r ON r.id = k.ref "
                     "WHERE k.key >= 'w:' AND k.key < 'w;' AND r.title <> ''");
    while (q.next()) described.insert(q.int64(0));
  }
  std::vector<std::int64_t> described_ref;  // per external: its first described reference, or 0
  store::RowScan refs(lib.db, "SELECT id, work, identity_hash, raw_length FROM refs INDEXED BY refs_corpus ORDER BY id");
  store::RowScan cited(lib.db, "SELECT ref, cited_work FROM citations ORDER BY ref");
  std::vector<std::int64_t> longest_ref;  // per external: the reference with the longest raw
  std::vector<std::uint32_t> counts;      // per external: references carrying its identity
  bool have_cited = cited.next();
  IdentityTable externals;
  while (refs.next()) {
    const auto ref_id = refs.int64(0);
    while (have_cited && cited.int64(0) < ref_id) have_cited = cited.next();
    const auto citing = work_index(refs.int64(1));
    if (citing == kNone) continue;
    CorpusCitation c;
    c.citing_work = citing;
    if (have_cited && cited.int64(0) == ref_id) {
      if (const auto to = work_index(cited.int64(1)); to != kNone) {
        c.cited_work = to;
        corpus.citations.push_back(c);
        continue;
      }
    }
    const auto hash = static_cast<std::uint64_t>(refs.int64(2));
    const bool is_described = !described.empty() && described.contains(ref_id);
    const auto raw_length = is_described ? 0u : static_cast<std::uint32_t>(refs.int64(3));
    std::uint32_t index;
    if (auto* slot = externals.find(hash)) {
      index = slot->index;
      if (raw_length > slot->longest) slot->longest = raw_length, longest_ref[index] = ref_id;
    } else {
      index = static_cast<std::uint32_t>(longest_ref.size());
      longest_ref.push_back(ref_id);
      described_ref.push_back(0);
      counts.push_back(0);
      externals.add(IdentityTable::Slot{hash, index, raw_length});
    }
    if (is_described && described_ref[index] == 0) described_ref[index] = ref_id;
    ++counts[index];
    c.cited_external = index;
    corpus.citations.push_back(c);
  }
  SQLite::Statement details(lib.db,
                            "SELECT raw, doi, first_author, author_initials, year, title, container, volume, "
                            "first_page, identity, authors, openalex FROM refs WHERE id = ?1");
  std::vector<CitedWorkVariant> variants(longest_ref.size());
  corpus.externals.resize(longest_ref.size());
  for (std::size_t i = 0; i < longest_ref.size(); ++i) {
    variants[i].citations = counts[i];
    read_variant(lib, details, longest_ref[i], variants[i], corpus.externals[i]);
    if (described_ref[i] != 0 && described_ref[i] != longest_ref[i]) {
      // Described by a record: its parts and label, the references' own form kept as cited_as.
      ExternalWork plain = std::move(corpus.externals[i]);
      read_variant(lib, details, described_ref[i], variants[i], corpus.externals[i]);
      corpus.externals[i].cited_as = std::move(plain.cited_as);
      corpus.externals[i].raw = std::move(plain.raw);
    }
  }
  unify_externals(variants, corpus);
}

}  // namespace

CitationCorpus Store::load_citation_corpus(bool with_text) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "loading the citation corpus", [&] {
    CitationCorpus corpus;
    // One read transaction: every scan sees the same snapshot even if another process commits.
    // Nothing is written: ending it by rollback (the destructor) ends the read.
    const store::TransactionScope snapshot(lib, SQLite::TransactionBehavior::DEFERRED);

    std::vector<std::int64_t> work_ids;
    load_works(lib, with_text, corpus, work_ids);
    IdIndex work_index;
    work_index.build(work_ids);
    {
      // The DOI shown for a work: its oldest DOI identifier.
      store::RowScan q(lib.db, "SELECT work, value FROM identifiers WHERE scheme = 'doi' ORDER BY work, id");
      while (q.next()) {
        const auto i = work_index(q.int64(0));
        if (i != kNone && corpus.works[i].doi.empty()) corpus.works[i].doi = q.string(1);
      }
    }
    load_authors(lib, work_index, corpus);
    load_citations(lib, work_index, corpus);
    return corpus;
  });
}

}  // namespace litrev
