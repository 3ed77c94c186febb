// litrev export ris: the library (or the works with a tag) as RIS for Zotero, EndNote and
// Mendeley: notes in N1, tags in KW (src/export/ris_writer.hpp).
#include <fmt/format.h>

#include <ostream>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/output_file.hpp"
#include "src/export/ris_writer.hpp"

namespace litrev::cli {
namespace {

class ExportRisCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--tag", tag_, "Only works with this tag");
    sub.add_option("-o,--out", out_, "Write to FILE instead of standard output; FILE is replaced only once the export is complete");
    sub.add_flag("--no-notes", no_notes_, "Leave the notes out (they go to N1 lines by default)");
    sub.add_flag("--no-tags", no_tags_, "Leave the tags out (they go to KW lines after the keywords by default)");
  }

  int run(Context& ctx) override {
    RisWriterOptions options;
    options.notes = !no_notes_;
    options.tags = !no_tags_;
    ListFilter filter;
    if (!tag_.empty()) filter.tag = tag_;
    std::size_t written = 0;
    auto write_all = [&](std::ostream& out) {
      ctx.store().for_each_work(filter, [&](const StoredWork& work) {
        // Ctrl-C: stop here; an output file is left as it was (OutputFile removes its draft).
        if (interrupted())
          throw InterruptedError(out_.empty() || out_ == "-" ? "export interrupted"
                                                            : out_ + ": interrupted; the file was left as it was");
        if (written > 0) out << "\r\n";
        write_ris_record(out, work, options);
        ++written;
      });
    };
    write_output(out_, ctx.raw_out(), write_all);
    if (!ctx.quiet()) ctx.err() << fmt::format("{} works exported{}\n", written, out_.empty() ? "" : " to " + out_);
    return kOk;
  }

 private:
  std::string tag_;
  std::string out_;
  bool no_notes_ = false;
  bool no_tags_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export_ris_command() { return std::make_unique<ExportRisCommand>(); }

}  // namespace litrev::cli
