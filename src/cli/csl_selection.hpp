#pragma once
// What the CSL exports share: the works to export (the library, those with a tag, or the keys
// named), as CSL items; and the CSL module's errors as the CLI's (a style name that does not
// exist is a usage error, exit 2; a style or locale that cannot be used, exit 3).

#include <string>
#include <vector>

#include "src/csl/item.hpp"
#include "src/export/csl_item.hpp"

namespace litrev::csl {
class CslError;
}

namespace litrev::cli {

class Context;

struct WorkSelection {
  std::string tag;                // --tag
  std::vector<std::string> keys;  // KEY...: these works only, in this order
};

// Throws NotFoundError for a key that is not in the library.
std::vector<csl::Item> select_csl_items(Context& ctx, const WorkSelection& selection, const CslItemOptions& options);

// Rethrows a CslError as UsageError (unknown style) or UnreadableError (anything else).
[[noreturn]] void rethrow_csl_error(const csl::CslError& e);

}  // namespace litrev::cli
