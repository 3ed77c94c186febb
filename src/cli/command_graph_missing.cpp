// litrev graph missing: the works the library cites most but does not hold, with the library
// works that cite each (the reason it is suggested) and the best metadata known.
#include <fmt/format.h>

#include "graph/missing.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/graph_input.hpp"
#include "src/cli/option_checks.hpp"

namespace litrev::cli {
namespace {

class GraphMissingCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("-k,--min-citations", min_citations_, "Cited by at least K library works")->check(at_least(1));
    sub.add_option("-n,--top", top_, "How many (0: all)");
    sub.add_flag("--json", json_, "Print a JSON array of {reference (as cited), label, title, authors, year, doi, count, cited_by: [keys], ...}");
  }

  int run(Context& ctx) override {
    CitationGraphOptions graph_options;
    graph_options.min_external_citations = min_citations_;
    const GraphInput in = load_graph_input(ctx, false, graph_options);
    auto missing = missing_works(in.corpus, in.graph, min_citations_);
    if (top_ > 0 && missing.size() > top_) missing.resize(top_);
    if (json_) {
      auto array = nlohmann::json::array();
      for (const auto& m : missing) {
        auto cited_by = nlohmann::json::array();
        for (auto w : m.cited_by) cited_by.push_back(in.corpus.works[w].key);
        const ExternalWork& e = in.corpus.externals[m.external];
        auto authors = nlohmann::json::array();
        for (const auto& a : e.authors) authors.push_back({{"family", a.family}, {"initials", a.initials}});
        // `reference` as the library's references write it (a WoS abbreviation stays one);
        // `label`, `title`, `authors` and `year` from the best description known.
        array.push_back({{"reference", e.cited_as.empty() ? m.label : e.cited_as},
                         {"label", m.label},
                         {"title", e.title.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.title)},
                         {"authors", std::move(authors)},
                         {"year", e.year ? nlohmann::json(*e.year) : nlohmann::json(nullptr)},
                         {"doi", m.doi.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.doi)},
                         {"count", m.count},
                         {"cocitation", m.cocitation},
                         {"identity", m.identity},
                         {"raw", m.raw},
                         {"cited_by", std::move(cited_by)}});
      }
      ctx.print_json(array);
      return kOk;
    }
    ctx.out() << fmt::format("Works cited by at least {} library works but not in the library: {}\n", min_citations_,
                             missing.size());
    std::size_t with_doi = 0, with_openalex_id = 0;
    for (const auto& m : missing) {
      with_doi += m.doi.empty() ? 0 : 1;
      with_openalex_id += m.doi.empty() && m.identity.starts_with("openalex:") ? 1 : 0;
      std::string cited_by;
      for (auto w : m.cited_by) cited_by += (cited_by.empty() ? "" : ", ") + in.corpus.works[w].key;
      ctx.out() << fmt::format("{:>4}  {}{}\n      cited by: {}\n", m.count, m.label,
                               m.doi.empty() ? "" : "  doi:" + m.doi, cited_by);
    }
    if (with_doi > 0)
      ctx.out() << fmt::format("\n{} of them have a DOI: litrev import crossref --missing --min-citations {}\n", with_doi,
                               min_citations_);
    if (with_openalex_id > 0)
      ctx.out() << fmt::format("{} have a DOI or an OpenAlex id: litrev import openalex --missing --min-citations {}\n",
                               with_doi + with_openalex_id, min_citations_);
    return kOk;
  }

 private:
  std::uint32_t min_citations_ = 2;
  std::size_t top_ = 0;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_missing_command() { return std::make_unique<GraphMissingCommand>(); }

}  // namespace litrev::cli
