// Store::preambles and the insert behind ImportBatch::add_preamble.

#include "src/store/preambles.hpp"

#include "src/core/text.hpp"
#include "src/store/store_impl.hpp"

namespace litrev {

using store::Use;

void store::insert_preamble(Library& lib, const std::string& text, const std::string& origin,
                            const std::string& now) {
  if (trim(text).empty()) return;
  Use s(lib.cache, "INSERT OR IGNORE INTO preambles(text, origin, imported_at) VALUES (?1, ?2, ?3)");
  s->bind(1, text);
  s->bind(2, origin);
  s->bind(3, now);
  s->exec();
}

std::vector<StoredPreamble> Store::preambles() const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "reading the preambles", [&] {
    std::vector<StoredPreamble> out;
    Use q(lib.cache, "SELECT text, origin, imported_at FROM preambles ORDER BY id");
    while (q->executeStep())
      out.push_back({q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getString()});
    return out;
  });
}

}  // namespace litrev
