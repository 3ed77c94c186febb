#pragma once
// The fields of one tagged record sorted into the slots the data model gives them
// (core/data_model.hpp): the best field of each slot by rank, every field of multi-valued
// slots, the name fields of each role.

#include <array>
#include <string_view>
#include <vector>

#include "importers/tagged/tagged_record.hpp"
#include "src/core/data_model.hpp"

namespace litrev::tagged {

class SlotValues {
 public:
  SlotValues(FieldVocabulary vocabulary, const TaggedRecord& record);

  // The field of the slot with the lowest rank (the first of them in the record); nullptr.
  const TaggedField* best(Slot slot) const { return best_[index(slot)]; }
  bool has(Slot slot) const { return best(slot) != nullptr; }
  // Its value, "" when the record has none.
  std::string_view get(Slot slot) const { return has(slot) ? std::string_view(best(slot)->value) : std::string_view(); }
  // Every field of the slot, in record order (keywords, notes, names).
  const std::vector<const TaggedField*>& all(Slot slot) const { return all_[index(slot)]; }
  // The roles named, in order of first appearance, and for each the fields of its best rank,
  // in record order ("AF" lines rather than "AU" lines for WoS authors).
  const std::vector<Role>& roles() const { return roles_; }
  std::vector<const TaggedField*> names(Role role) const;

 private:
  static std::size_t index(Slot s) { return static_cast<std::size_t>(s); }
  struct NameField {
    Role role;
    std::uint8_t rank;
    const TaggedField* field;
  };
  std::array<const TaggedField*, static_cast<std::size_t>(Slot::count_)> best_{};
  std::array<std::uint8_t, static_cast<std::size_t>(Slot::count_)> rank_{};
  std::array<std::vector<const TaggedField*>, static_cast<std::size_t>(Slot::count_)> all_;
  std::vector<Role> roles_;
  std::vector<NameField> names_;
};

}  // namespace litrev::tagged
