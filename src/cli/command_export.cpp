// litrev export bibtex / export biblatex: the library (or the works with a tag) as an
// annotated bibliography: original fields written back losslessly, notes in
// annote/annotation, tags in keywords.
#include <fmt/format.h>

#include <ostream>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/output_file.hpp"
#include "src/export/bibtex_writer.hpp"

namespace litrev::cli {
namespace {

class ExportCommand final : public Command {
 public:
  explicit ExportCommand(BibDialect dialect) : dialect_(dialect) {}

  void setup(CLI::App& sub) override {
    sub.add_option("--tag", tag_, "Only works with this tag");
    sub.add_option("-o,--out", out_, "Write to FILE (atomically) instead of standard output");
    sub.add_flag("--ascii", ascii_, "Write generated fields in ASCII with LaTeX accents instead of UTF-8");
    sub.add_flag("--no-notes", no_notes_, "Leave the notes out (they go to annote/annotation by default)");
    sub.add_option("--tags-field", tags_field_, "Field that receives the tags (default keywords; empty: none)");
  }

  int run(Context& ctx) override {
    BibWriterOptions options;
    options.dialect = dialect_;
    const std::string_view format = dialect_ == BibDialect::biblatex ? "biblatex" : "bibtex";
    options.encode.ascii = ascii_;
    options.notes = !no_notes_;
    options.tags_field = tags_field_;
    ListFilter filter;
    if (!tag_.empty()) filter.tag = tag_;

    std::size_t written = 0;
    auto write_all = [&](std::ostream& out) {
      out << fmt::format("% Exported by litrev {} from {} ({})\n", LITREV_VERSION, ctx.db_path().filename().string(),
                         format);
      // The imported files' \newcommand and \def, which their values may use.
      for (const auto& preamble : ctx.store().preambles()) {
        out << '\n';
        write_bib_preamble(out, preamble.text);
      }
      ctx.store().for_each_work(filter, [&](const StoredWork& work) {
        out << '\n';
        write_bib_entry(out, work, options);
        ++written;
      });
    };
    if (out_.empty()) {
      write_all(ctx.out());
    } else {
      write_file_atomically(out_, write_all);
    }
    if (!ctx.quiet())
      ctx.err() << fmt::format("{} works exported{}\n", written, out_.empty() ? "" : " to " + out_);
    return kOk;
  }

 private:
  BibDialect dialect_;
  std::string tag_;
  std::string out_;
  bool ascii_ = false;
  bool no_notes_ = false;
  std::string tags_field_ = "keywords";
};

}  // namespace

std::unique_ptr<Command> make_export_bibtex_command() { return std::make_unique<ExportCommand>(BibDialect::bibtex); }
std::unique_ptr<Command> make_export_biblatex_command() { return std::make_unique<ExportCommand>(BibDialect::biblatex); }

}  // namespace litrev::cli
