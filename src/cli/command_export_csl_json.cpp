// litrev export csl-json: every work (or those with a tag, or the keys given) as CSL-JSON, the
// format Zotero, Better BibTeX, pandoc and citeproc-js read. The user's notes go to "note".
#include <fmt/format.h>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/csl_selection.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/output_file.hpp"
#include "src/csl/item_json.hpp"

namespace litrev::cli {
namespace {

class ExportCslJsonCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("keys", selection_.keys, "Only these works (library keys), in this order");
    sub.add_option("--tag", selection_.tag, "Only works with this tag");
    sub.add_option("-o,--out", out_, "Write to FILE (atomically) instead of standard output");
    sub.add_flag("--no-notes", no_notes_, "Leave the notes out (they go to \"note\" by default)");
    sub.add_flag("--no-guess-language", no_guess_, "Do not guess \"language\" (French/English) for works without one");
  }

  int run(Context& ctx) override {
    CslItemOptions options;
    options.with_notes = !no_notes_;
    options.with_tags = true;
    options.guess_language = !no_guess_;
    const auto items = select_csl_items(ctx, selection_, options);
    const std::string json = csl::write_csl_json(items);
    if (out_.empty()) ctx.out() << json;
    else write_file_atomically(out_, [&](std::ostream& out) { out << json; });
    if (!ctx.quiet()) ctx.err() << fmt::format("{} works exported{}\n", items.size(), out_.empty() ? "" : " to " + out_);
    return kOk;
  }

 private:
  WorkSelection selection_;
  std::string out_;
  bool no_notes_ = false;
  bool no_guess_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export_csl_json_command() { return std::make_unique<ExportCslJsonCommand>(); }

}  // namespace litrev::cli
