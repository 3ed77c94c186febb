// litrev export bibtex / export biblatex: the library (or the works with a tag) as an
// annotated bibliography: original fields written back losslessly, notes in
// annote/annotation, tags in keywords.
#include <fmt/format.h>

#include <ostream>
#include <set>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/output_file.hpp"
#include "src/core/text.hpp"
#include "src/export/bib_values.hpp"
#include "src/export/bibtex_writer.hpp"

namespace litrev::cli {
namespace {

// The work's key, or, when BibTeX, biber or pandoc would reject it ("O’Leary2015",
// "D'Angelo2011"), the key without the characters they reject -- unless another work has that
// key already. A key that an earlier entry of this export has in another case ("chen_2009",
// "Chen_2009") is one key for BibTeX, which would skip the second entry. In both cases "-" and
// the work's id follow. written: the keys so far, lower case.
std::string citation_key(const Store& store, const StoredWork& work, std::set<std::string>& written) {
  std::string key = bib_citation_key(work.work.key);
  if ((key != work.work.key && (key.empty() || store.contains(key))) || written.contains(ascii_lower(key)))
    key += (key.empty() ? "work-" : "-") + std::to_string(work.id);
  written.insert(ascii_lower(key));
  return key;
}

class ExportCommand final : public Command {
 public:
  explicit ExportCommand(BibDialect dialect) : dialect_(dialect) {}

  void setup(CLI::App& sub) override {
    sub.add_option("--tag", tag_, "Only works with this tag");
    sub.add_option("-o,--out", out_,
                   "Write to FILE instead of standard output; FILE is replaced only once the export is complete");
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
    std::set<std::string> keys_written;
    auto write_all = [&](std::ostream& out) {
      out << fmt::format("% Exported by litrev {} from {} ({})\n", LITREV_VERSION, ctx.db_path().filename().string(),
                         format);
      // The imported files' \newcommand and \def, which their values may use.
      for (const auto& preamble : ctx.store().preambles()) {
        out << '\n';
        write_bib_preamble(out, preamble.text);
      }
      ctx.store().for_each_work(filter, [&](const StoredWork& work) {
        // Ctrl-C: stop here; an output file is left as it was (OutputFile removes its draft).
        if (interrupted())
          throw InterruptedError(out_.empty() || out_ == "-" ? "export interrupted"
                                                            : out_ + ": interrupted; the file was left as it was");
        out << '\n';
        BibEntry entry = to_bib_entry(work, options);
        entry.key = citation_key(ctx.store(), work, keys_written);
        write_bib_entry(out, entry);
        ++written;
      });
    };
    write_output(out_, ctx.raw_out(), write_all);
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
