#include "importers/tagged/slot_values.hpp"

#include <algorithm>

namespace litrev::tagged {

SlotValues::SlotValues(FieldVocabulary vocabulary, const TaggedRecord& record) {
  for (const auto& f : record.fields) {
    const FieldSpec* spec = field_spec(vocabulary, f.name);
    if (!spec || spec->slot == Slot::none) continue;
    if (spec->slot == Slot::names) {
      if (std::find(roles_.begin(), roles_.end(), *spec->role) == roles_.end()) roles_.push_back(*spec->role);
      names_.push_back({*spec->role, spec->rank, &f});
      continue;
    }
    const std::size_t i = index(spec->slot);
    all_[i].push_back(&f);
    if (!best_[i] || spec->rank < rank_[i]) {
      best_[i] = &f;
      rank_[i] = spec->rank;
    }
  }
}

std::vector<const TaggedField*> SlotValues::names(Role role) const {
  std::uint8_t best = 255;
  for (const auto& n : names_)
    if (n.role == role) best = std::min(best, n.rank);
  std::vector<const TaggedField*> out;
  for (const auto& n : names_)
    if (n.role == role && n.rank == best) out.push_back(n.field);
  return out;
}

}  // namespace litrev::tagged
