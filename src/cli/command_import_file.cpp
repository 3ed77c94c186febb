// litrev import FILE... (the format guessed from each file's content) and litrev import
// bibtex|ris|wos|scopus|csl-json FILE... (the format forced): each file is one transaction; bad records
// are reported with FILE:LINE and skipped, every good record is stored, duplicates are merged
// and reported. The work is file_import.hpp's; this file only declares the options.
#include <fmt/format.h>

#include <filesystem>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/file_import.hpp"
#include "src/core/suggest.hpp"

namespace litrev::cli {
namespace {

class ImportFileCommand final : public Command {
 public:
  explicit ImportFileCommand(const FileFormat* forced) { options_.forced = forced; }

  void setup(CLI::App& sub) override {
    app_ = &sub;
    const std::string what = options_.forced ? fmt::format("{} files", options_.forced->label)
                                             : std::string("Files (BibTeX, RIS, Web of Science, Scopus CSV, CSL-JSON)");
    // Not ->required() on `import`: CLI11 would ask for it before `import ris FILE` too.
    auto* files = sub.add_option("files", files_, what + "; - reads standard input")->expected(1, -1);
    if (options_.forced) files->required();
    sub.add_flag("--json", options_.json,
                 "Print one JSON object per file: file, format, read_as, read, new, merged, skipped, errors...");
    if (!options_.forced || options_.forced->name == "bibtex")
      sub.add_flag("--no-incomplete", no_incomplete_,
                   "BibTeX: skip entries cut short by a syntax error instead of keeping the fields read before it");
    if (!options_.forced) {
      std::string names;
      for (const auto& f : file_formats()) names += (names.empty() ? "" : "|") + std::string(f.name);
      sub.footer(fmt::format("The format of each file is guessed from its content, not its name, and said in the "
                             "summary line; a file whose format cannot be told is refused. `litrev import {} FILE` "
                             "names the format.",
                             names));
    }
  }

  int run(Context& ctx) override {
    if (files_.empty()) throw UsageError("import: name the files to import (or a source: import crossref, import hal)");
    if (!options_.forced) refuse_mistyped_format(files_.front());
    options_.parser.keep_incomplete_entries = !no_incomplete_;
    return import_files(ctx, files_, options_);
  }

 private:
  // `litrev import bibtx x.bib`: a first "file" that does not exist but is close to a format or
  // source name is a mistyped command, not a missing file.
  void refuse_mistyped_format(const std::string& first) const {
    std::error_code ec;
    if (first == "-" || std::filesystem::exists(first, ec)) return;
    std::vector<std::string> names;
    for (const CLI::App* sub : app_->get_subcommands({})) names.push_back(sub->get_name());
    const auto near = closest_matches(first, names);
    if (!near.empty())
      throw UsageError(fmt::format("unknown command '{}' for 'litrev import'; did you mean {}?", first,
                                   quoted_alternatives(near)));
  }

  CLI::App* app_ = nullptr;
  std::vector<std::string> files_;
  FileImportOptions options_;
  bool no_incomplete_ = false;
};

}  // namespace

std::unique_ptr<Command> make_import_file_command(std::string_view format) {
  return std::make_unique<ImportFileCommand>(format.empty() ? nullptr : find_file_format(format));
}

}  // namespace litrev::cli
