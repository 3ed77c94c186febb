// Store::load_citation_corpus: the graph module's input in a few sequential scans.

#include <algorithm>
#include <limits>
#include <string_view>

#include "src/core/reference_keys.hpp"
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

// Two scans in reference order, merged: the narrow index refs_corpus (work, identity hash and
// raw length of every reference) and citations. A reference's text is read only the first time
// its identity is seen (for the label), and the longest raw text of each cited work at the end.
void load_citations(store::Library& lib, const IdIndex& work_index, CitationCorpus& corpus) {
  {
    // Reserved from the largest id (no count(*) scan): the vector is the biggest of the corpus,
    // and growing it by doubling would hold two copies at once.
    store::RowScan max(lib.db, "SELECT coalesce(max(id), 0) FROM refs");
    if (max.next()) corpus.citations.reserve(static_cast<std::size_t>(max.int64(0)));
  }
  store::RowScan refs(lib.db, "SELECT id, work, identity_hash, raw_length FROM refs INDEXED BY refs_corpus ORDER BY id");
  store::RowScan cited(lib.db, "SELECT ref, cited_work FROM citations ORDER BY ref");
  SQLite::Statement details(lib.db,
                            "SELECT identity, raw, doi, first_author, author_initials, year, title, container, volume, "
                            "first_page FROM refs WHERE id = ?1");
  std::vector<std::int64_t> longest_ref;  // per external: the reference with the longest raw, 0 = read
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
    const auto raw_length = static_cast<std::uint32_t>(refs.int64(3));
    std::uint32_t index;
    if (auto* slot = externals.find(hash)) {
      index = slot->index;
      if (raw_length > slot->longest) slot->longest = raw_length, longest_ref[index] = ref_id;
    } else {
      index = static_cast<std::uint32_t>(corpus.externals.size());
      details.bind(1, ref_id);
      if (!details.executeStep()) throw StoreError(fmt::format("{}: reference {} vanished", lib.path.string(), ref_id));
      Reference ref;
      ref.raw = details.getColumn(1).getString();
      ref.doi = details.getColumn(2).isNull() ? std::string() : details.getColumn(2).getString();
      ref.first_author = details.getColumn(3).getString();
      ref.author_initials = details.getColumn(4).getString();
      if (!details.getColumn(5).isNull()) ref.year = details.getColumn(5).getInt();
      ref.title = details.getColumn(6).getString();
      ref.container = details.getColumn(7).getString();
      ref.volume = details.getColumn(8).getString();
      ref.first_page = details.getColumn(9).getString();
      ExternalWork e;
      e.identity = details.getColumn(0).getString();
      details.reset();
      e.label = reference_label(ref);
      e.doi = e.identity.starts_with("doi:") ? e.identity.substr(4) : ref.doi;
      e.raw = std::move(ref.raw);
      corpus.externals.push_back(std::move(e));
      longest_ref.push_back(0);
      externals.add(IdentityTable::Slot{hash, index, raw_length});
    }
    c.cited_external = index;
    corpus.citations.push_back(c);
  }
  // The longest raw text of each cited work, read once.
  SQLite::Statement raw(lib.db, "SELECT raw FROM refs WHERE id = ?1");
  for (std::size_t i = 0; i < longest_ref.size(); ++i) {
    if (longest_ref[i] == 0) continue;
    raw.bind(1, longest_ref[i]);
    if (raw.executeStep()) corpus.externals[i].raw = raw.getColumn(0).getString();
    raw.reset();
  }
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
