// Store::load_citation_corpus: the graph module's input in a few sequential scans.

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "src/core/reference_keys.hpp"
#include "src/store/keys.hpp"
#include "src/store/library.hpp"
#include "src/store/store_impl.hpp"

namespace litrev {

using store::Use;

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

std::string display_name(const std::string& family, const std::string& given, const std::string& particle,
                         const std::string& literal) {
  if (!literal.empty()) return literal;
  std::string name = particle.empty() ? family : particle + " " + family;
  return given.empty() ? name : name + ", " + given;
}

}  // namespace

CitationCorpus Store::load_citation_corpus(bool with_text) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "loading the citation corpus", [&] {
    CitationCorpus corpus;
    // One read transaction: every scan sees the same snapshot even if another process commits.
    lib.db.exec(lib.batch_open ? "SAVEPOINT corpus_read" : "BEGIN");
    struct EndRead {
      store::Library& lib;
      ~EndRead() { lib.db.tryExec(lib.batch_open ? "RELEASE corpus_read" : "COMMIT"); }
    } end_read{lib};

    std::vector<std::int64_t> work_ids;
    {
      SQLite::Statement q(lib.db, with_text ? "SELECT id, key, title, container, year, global_citations, abstract, keywords "
                                              "FROM works ORDER BY id"
                                            : "SELECT id, key, title, container, year, global_citations FROM works ORDER BY id");
      while (q.executeStep()) {
        work_ids.push_back(q.getColumn(0).getInt64());
        CorpusWork w;
        w.work_id = work_ids.back();
        w.key = q.getColumn(1).getString();
        w.title = q.getColumn(2).getString();
        w.container = q.getColumn(3).getString();
        if (!q.getColumn(4).isNull()) w.year = q.getColumn(4).getInt();
        if (!q.getColumn(5).isNull()) w.global_citations = q.getColumn(5).getInt64();
        if (with_text) {
          w.abstract_text = q.getColumn(6).getString();
          w.keywords = store::split_keywords(q.getColumn(7).getText());
        }
        corpus.works.push_back(std::move(w));
      }
    }
    IdIndex work_index;
    work_index.build(work_ids);
    {
      // The DOI shown for a work: its oldest DOI identifier.
      SQLite::Statement q(lib.db, "SELECT work, value FROM identifiers WHERE scheme = 'doi' ORDER BY work, id");
      while (q.executeStep()) {
        const auto i = work_index(q.getColumn(0).getInt64());
        if (i != kNone && corpus.works[i].doi.empty()) corpus.works[i].doi = q.getColumn(1).getString();
      }
    }

    // Authors only: people who appear as an author of some work.
    std::vector<std::int64_t> person_ids;
    {
      SQLite::Statement q(lib.db,
                          "SELECT id, family, given, particle, literal, orcid, idhal FROM people p "
                          "WHERE EXISTS (SELECT 1 FROM work_people wp WHERE wp.person = p.id AND wp.role = 'author') "
                          "ORDER BY id");
      while (q.executeStep()) {
        person_ids.push_back(q.getColumn(0).getInt64());
        CorpusPerson p;
        p.person_id = person_ids.back();
        p.family = q.getColumn(1).getString();
        p.given = q.getColumn(2).getString();
        const std::string particle = q.getColumn(3).getString(), literal = q.getColumn(4).getString();
        p.name = display_name(p.family, p.given, particle, literal);
        if (!literal.empty()) p.family = literal;
        p.orcid = q.getColumn(5).getString();
        p.idhal = q.getColumn(6).getString();
        corpus.people.push_back(std::move(p));
      }
    }
    IdIndex person_index;
    person_index.build(person_ids);
    {
      SQLite::Statement q(lib.db, "SELECT work, person FROM work_people WHERE role = 'author' ORDER BY work, position");
      std::int64_t current = std::numeric_limits<std::int64_t>::min();
      std::uint32_t position = 0;
      while (q.executeStep()) {
        const auto work = q.getColumn(0).getInt64();
        if (work != current) current = work, position = 0;
        const auto w = work_index(work), p = person_index(q.getColumn(1).getInt64());
        if (w == kNone || p == kNone) continue;
        corpus.authorships.push_back(CorpusAuthorship{w, p, position++});
      }
    }

    {
      // Two scans in reference order, merged: references and their citations. Text columns are
      // read only for unresolved references (a resolved one is two integers).
      SQLite::Statement q(lib.db,
                          "SELECT id, work, identity, raw, doi, first_author, author_initials, year, title, "
                          "container, volume, first_page FROM refs ORDER BY id");
      SQLite::Statement cited(lib.db, "SELECT ref, cited_work FROM citations ORDER BY ref");
      bool have_cited = cited.executeStep();
      std::unordered_map<std::string, std::uint32_t> externals;
      while (q.executeStep()) {
        const auto ref_id = q.getColumn(0).getInt64();
        while (have_cited && cited.getColumn(0).getInt64() < ref_id) have_cited = cited.executeStep();
        const auto citing = work_index(q.getColumn(1).getInt64());
        if (citing == kNone) continue;
        CorpusCitation c;
        c.citing_work = citing;
        if (have_cited && cited.getColumn(0).getInt64() == ref_id) {
          const auto to = work_index(cited.getColumn(1).getInt64());
          if (to != kNone) {
            c.cited_work = to;
            corpus.citations.push_back(c);
            continue;
          }
        }
        const SQLite::Column identity = q.getColumn(2);
        const SQLite::Column raw = q.getColumn(3);
        auto [it, inserted] = externals.try_emplace(identity.getString(), static_cast<std::uint32_t>(corpus.externals.size()));
        if (inserted) {
          Reference ref;
          ref.raw = raw.getString();
          if (!q.getColumn(4).isNull()) ref.doi = q.getColumn(4).getString();
          ref.first_author = q.getColumn(5).getString();
          ref.author_initials = q.getColumn(6).getString();
          if (!q.getColumn(7).isNull()) ref.year = q.getColumn(7).getInt();
          ref.title = q.getColumn(8).getString();
          ref.container = q.getColumn(9).getString();
          ref.volume = q.getColumn(10).getString();
          ref.first_page = q.getColumn(11).getString();
          ExternalWork e;
          e.identity = it->first;
          e.label = reference_label(ref);
          e.doi = e.identity.starts_with("doi:") ? e.identity.substr(4) : ref.doi;
          e.raw = std::move(ref.raw);
          corpus.externals.push_back(std::move(e));
        } else if (auto& e = corpus.externals[it->second]; static_cast<std::size_t>(raw.getBytes()) > e.raw.size()) {
          e.raw = raw.getString();
        }
        c.cited_external = it->second;
        corpus.citations.push_back(c);
      }
    }
    return corpus;
  });
}

}  // namespace litrev
