#include "src/cli/csl_selection.hpp"

#include <fmt/format.h>

#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/csl/csl_error.hpp"

namespace litrev::cli {

std::vector<csl::Item> select_csl_items(Context& ctx, const WorkSelection& selection, const CslItemOptions& options) {
  std::vector<csl::Item> items;
  if (!selection.keys.empty()) {
    for (const auto& key : selection.keys) {
      const auto work = ctx.store().find_work(key);
      if (!work) throw NotFoundError(fmt::format("no work with key \"{}\" in {}", key, ctx.db_path().string()));
      items.push_back(to_csl_item(*work, options));
    }
    return items;
  }
  ListFilter filter;
  if (!selection.tag.empty()) filter.tag = selection.tag;
  ctx.store().for_each_work(filter, [&](const StoredWork& work) { items.push_back(to_csl_item(work, options)); });
  return items;
}

void rethrow_csl_error(const csl::CslError& e) {
  if (e.kind() == csl::CslError::Kind::unknown_style) throw UsageError(e.what());
  throw UnreadableError(e.what());
}

}  // namespace litrev::cli
