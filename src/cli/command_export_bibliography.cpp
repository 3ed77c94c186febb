// litrev export bibliography: the works formatted in a CSL style (any of the official
// repository's, by name or alias, or a .csl file), one entry per line in text, or as HTML,
// Markdown or LaTeX, in the style's order.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/csl_selection.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/output_file.hpp"
#include "src/csl/bibliography.hpp"
#include "src/csl/catalog.hpp"
#include "src/csl/csl_error.hpp"

namespace litrev::cli {
namespace {

// A whole document around the bibliography (--standalone).
std::string standalone(const std::string& body, csl::OutputFormat format, const csl::Style& style) {
  if (format == csl::OutputFormat::html) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n"
        "<style>body{{font-family:serif;max-width:46em;margin:2em auto;line-height:1.4}}"
        ".csl-entry{{margin-bottom:.6em}}.csl-left-margin{{float:left;min-width:2.5em}}"
        ".csl-right-inline{{margin-left:2.5em}}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        style.locale.lang, "Bibliography", body);
  }
  if (format == csl::OutputFormat::latex) {
    return "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n\\section*{Bibliography}\n" + body +
           "\\end{document}\n";
  }
  return body;
}

class ExportBibliographyCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("keys", selection_.keys, "Only these works (library keys)");
    sub.add_option("-s,--style", style_, "Style name (apa, asa, chicago, mla, harvard, rfs...; see litrev styles) or FILE.csl")
        ->required();
    sub.add_option("--locale", locale_, "Locale for terms and dates (fr-FR, en-GB...; default: the style's)");
    sub.add_option("-f,--format", format_, "text (one entry per line), html, markdown or latex")
        ->check(CLI::IsMember({"text", "html", "markdown", "latex"}));
    sub.add_option("--tag", selection_.tag, "Only works with this tag");
    sub.add_option("-o,--out", out_, "Write to FILE (atomically) instead of standard output");
    sub.add_flag("--standalone", standalone_, "A whole HTML page or LaTeX document, not a fragment");
    sub.add_flag("--json", json_, "One JSON array of {key, entry} in the style's order (entry in --format)");
  }

  int run(Context& ctx) override {
    csl::OutputFormat format = csl::OutputFormat::text;
    csl::parse_output_format(format_, format);
    try {
      const auto catalog = csl::StyleCatalog::from_environment();
      csl::Processor processor(catalog.load(style_, locale_));
      const auto items = select_csl_items(ctx, selection_, CslItemOptions{});
      const auto bib = processor.bibliography(items);
      std::string text;
      if (json_) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& e : bib.entries) arr.push_back({{"key", e.id}, {"entry", csl::render(e.content, format)}});
        text = arr.dump(out_.empty() ? -1 : 1) + "\n";
      } else {
        text = csl::render_bibliography(bib, format);
        if (standalone_) text = standalone(text, format, processor.style());
      }
      if (out_.empty()) ctx.out() << text;
      else write_file_atomically(out_, [&](std::ostream& out) { out << text; });
      if (!ctx.quiet())
        ctx.err() << fmt::format("{} entries in {} ({}){}\n", bib.entries.size(), processor.style().info.title,
                                 processor.style().locale.lang, out_.empty() ? "" : " written to " + out_);
    } catch (const csl::CslError& e) {
      rethrow_csl_error(e);
    }
    return kOk;
  }

 private:
  WorkSelection selection_;
  std::string style_;
  std::string locale_;
  std::string format_ = "text";
  std::string out_;
  bool standalone_ = false;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export_bibliography_command() { return std::make_unique<ExportBibliographyCommand>(); }

}  // namespace litrev::cli
