// Store::find_duplicates: reads what the similarity needs in three ordered scans.

#include <algorithm>

#include "src/store/duplicates.hpp"
#include "src/store/keys.hpp"
#include "src/store/library.hpp"
#include "src/store/store_impl.hpp"

namespace litrev {

using store::Use;

std::vector<DuplicateCandidate> Store::find_duplicates(double min_score) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "looking for duplicates", [&] {
    std::vector<WorkId> ids;
    std::vector<store::DuplicateInput> inputs;
    {
      Use q(lib.cache, "SELECT id, key, title, subtitle, year FROM works ORDER BY id");
      while (q->executeStep()) {
        ids.push_back(q->getColumn(0).getInt64());
        store::DuplicateInput in;
        in.key = q->getColumn(1).getString();
        in.title = q->getColumn(2).getString();
        if (q->getColumn(3).getBytes() > 0) in.title += " " + q->getColumn(3).getString();
        if (!q->getColumn(4).isNull()) in.year = q->getColumn(4).getInt();
        inputs.push_back(std::move(in));
      }
    }
    auto index_of = [&](WorkId id) -> store::DuplicateInput* {
      const auto it = std::lower_bound(ids.begin(), ids.end(), id);
      return it != ids.end() && *it == id ? &inputs[static_cast<std::size_t>(it - ids.begin())] : nullptr;
    };
    {
      // The first author, else the first contributor: rows come in position order per work.
      Use q(lib.cache,
            "SELECT wp.work, wp.role, p.family, p.particle, p.literal FROM work_people wp "
            "JOIN people p ON p.id = wp.person ORDER BY wp.work, wp.position");
      WorkId current = 0;
      bool have_author = false;
      while (q->executeStep()) {
        const WorkId work = q->getColumn(0).getInt64();
        if (work != current) current = work, have_author = false;
        auto* in = index_of(work);
        if (!in || have_author) continue;
        const bool author = std::string_view(q->getColumn(1).getText()) == "author";
        if (!author && !in->family.empty()) continue;
        Person p;
        p.family = q->getColumn(2).getString();
        p.particle = q->getColumn(3).getString();
        p.literal = q->getColumn(4).getString();
        in->family = store::folded_family(p);
        have_author = author;
      }
    }
    {
      Use q(lib.cache, "SELECT work, value FROM identifiers WHERE scheme = 'doi'");
      while (q->executeStep())
        if (auto* in = index_of(q->getColumn(0).getInt64())) in->dois.push_back(q->getColumn(1).getString());
    }
    std::vector<DuplicateCandidate> out;
    for (auto& pair : store::find_similar_titles(inputs, min_score))
      out.push_back(DuplicateCandidate{inputs[pair.a].key, inputs[pair.b].key, pair.score, std::move(pair.reason)});
    return out;
  });
}

}  // namespace litrev
