#pragma once
// Reading works back with everything show/list/export need.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "src/store/library.hpp"

namespace litrev::store {

std::optional<WorkId> find_work_id(Library& lib, const std::string& key);
// The id of the work with this key; throws NotFoundError naming the closest keys.
WorkId require_work_id(Library& lib, const std::string& key);
// Keys closest to a mistyped one (core/suggest.hpp), read from the works table.
std::vector<std::string> closest_keys(Library& lib, const std::string& key, std::size_t max_results);

// The readable columns of one work (no contributors, identifiers or references).
Work read_work_row(Library& lib, WorkId id);

std::optional<StoredWork> read_stored_work(Library& lib, WorkId id);

// Visits the works whose id is in [lo, hi], in id order, at most limit of them. Each child
// table (people, identifiers, sources and fields, tags, notes, references) is read in one scan
// ordered by work id and merged with the works as they go, so exporting a large library costs a
// handful of sequential scans instead of several queries per work, and holds one work at a time.
void read_works(Library& lib, WorkId lo, WorkId hi, std::optional<std::int64_t> limit,
                const std::function<void(const StoredWork&)>& visit);

}  // namespace litrev::store
