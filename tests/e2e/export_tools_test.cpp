// `litrev export bibtex|biblatex` read by the tools it is for: classic BibTeX (with a minimal
// .aux citing everything), biber (--tool) and pandoc (-f bibtex / -f biblatex), which must read
// every entry written and no other, with no error. On a library of hostile values (notes with
// braces and an "@article{evil" injection, a broken WoS abstract, odd field names, months, keys)
// and on one library merged from every file of ../shared/corpus/bibtex. Each tool is skipped
// when it is not installed.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "support/test_support.hpp"

namespace litrev::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// Entries as real exports write them, each with something BibTeX tools choke on.
constexpr const char* kHostile = R"(@article{wos1,
  author = {Doe, Jane},
  title = {A chatbot},
  journal = {Sensors},
  year = {{2024}},
  month = {MAR-APR},
  abstract = {a Langchain agent linked to the OpenAI GPT -
\textbackslash{}begin\{document\}\$\$-\$\$\textbackslash{}end\{document\
} 3.5 language model},
  usage-count-(last-180-days) = {3},
  address = {ST ALBAN-ANLAGE 66, CH-4052 BASEL, SWITZERLAND},
  unique-id = {WOS:001234567800001},
  optkey = {}
}
@book{scopus1,
  editor = {Daim T.U., Kozanoglu D.C., Kocaoglu D.F., Anderson T.R.},
  title = {Research and Technology Management in the Electricity Industry},
  year = {2013},
  month = {Winter}
}
@book{bibdesk1,
  editor = {Neil Smelser and Richard Swedberg},
  booktitle = {The Handbook of Economic Sociology},
  publisher = {Princeton University Press},
  year = {1994}
}
@incollection{O'Hara_1999,
  author = {O'Hara, Kieron and May, Keith, and ,},
  title = {Trust},
  crossref = {bibdesk1},
  pages = {1--2}
}
)";

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto i = text.find(what); i != std::string::npos; i = text.find(what, i + 1)) ++n;
  return n;
}

// A .bib that litrev wrote, cut into its head (the header comment and the @preambles) and its
// entries, each from its "@type{key," line to the next.
struct BibParts {
  std::string head;
  std::vector<std::string> entries;
};
BibParts parts_of(const std::string& text) {
  BibParts parts;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    line += "\n";
    if (line[0] == '@' && !line.starts_with("@preamble")) parts.entries.push_back(line);
    else if (parts.entries.empty()) parts.head += line;
    else parts.entries.back() += line;
  }
  return parts;
}

// The result of one tool on one file: how many entries it read, and its complaints.
struct ToolRun {
  bool ran = false;
  int exit_code = 0;
  std::size_t entries = 0;
  std::string errors;  // the lines that report errors
};

// biber --tool: entries in its output file; ERROR lines.
ToolRun biber(const fs::path& bib) {
  ToolRun t;
  if (!program_available("biber")) return t;
  t.ran = true;
  const fs::path out = bib.string() + ".tool.bib";
  const auto r = run_program({"biber", "--tool", "--output-file", out.string(), bib.string()}, {}, {}, bib.parent_path());
  t.exit_code = r.exit_code;
  std::istringstream lines(r.out + r.err);
  for (std::string line; std::getline(lines, line);)
    if (line.find("ERROR") != std::string::npos) t.errors += line + "\n";
  if (fs::exists(out)) t.entries = parts_of(read_file(out)).entries.size();
  return t;
}

// Classic BibTeX with plain.bst and \citation{*}: \bibitem count; errors that lose entries.
ToolRun bibtex(const fs::path& bib) {
  ToolRun t;
  if (!program_available("bibtex")) return t;
  t.ran = true;
  const std::string stem = bib.stem().string();
  write_file(bib.parent_path() / (stem + ".aux"), "\\citation{*}\n\\bibdata{" + stem + "}\n\\bibstyle{plain}\n");
  const auto r = run_program({"bibtex", "-terse", stem}, {}, {}, bib.parent_path());
  t.exit_code = r.exit_code;
  // Errors that lose or misread entries; "bad cross reference" to an entry the input lacks is
  // the input's own (biber's test files refer to missing entries on purpose).
  static const std::regex lost(R"(Repeated entry|I'm skipping|I was expecting|has a comma at the end|too many commas|Unbalanced|Illegal)");
  std::istringstream lines(r.out + r.err);
  for (std::string line; std::getline(lines, line);)
    if (std::regex_search(line, lost)) t.errors += line + "\n";
  const fs::path bbl = bib.parent_path() / (stem + ".bbl");
  if (fs::exists(bbl)) t.entries = count_of(read_file(bbl), "\\bibitem");
  return t;
}

// pandoc -f bibtex|biblatex -t csljson: items read, over files of 2000 entries (pandoc's time
// grows faster than the file: 17 MB at once takes over 20 minutes).
ToolRun pandoc(const BibParts& bib, const fs::path& dir, const std::string& reader) {
  ToolRun t;
  if (!program_available("pandoc")) return t;
  t.ran = true;
  for (std::size_t from = 0; from < bib.entries.size() && t.exit_code == 0; from += 2000) {
    std::string text = bib.head;
    for (std::size_t i = from; i < std::min(from + 2000, bib.entries.size()); ++i) text += bib.entries[i];
    const fs::path file = dir / ("pandoc-" + reader + ".bib");
    write_file(file, text);
    const auto r = run_program({"pandoc", "-f", reader, "-t", "csljson", file.string()});
    t.exit_code = r.exit_code;
    t.errors += r.err;
    if (r.exit_code == 0) t.entries += json::parse(r.out).size();
  }
  return t;
}

class ExportTools : public ::testing::Test {
 protected:
  RunResult run(const fs::path& db, std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {"--db", db.string(), "-q"});
    return run_litrev(args, input);
  }
  // Exports db in both dialects and has every installed tool read them: each must read `works`
  // entries (all of them) without error. Only the entries i % stride == 0 go to biber and
  // pandoc, which take minutes on a whole corpus.
  void check_exports(const fs::path& db, std::size_t works, std::size_t stride = 1, std::size_t biber_stride = 1) {
    std::size_t tools = 0;
    for (const std::string dialect : {"bibtex", "biblatex"}) {
      SCOPED_TRACE(dialect);
      const fs::path file = tmp_ / ("all-" + dialect + ".bib");
      const auto e = run(db, {"export", dialect, "--out", file.string()});
      ASSERT_EQ(e.exit_code, 0) << e.err;
      const BibParts all = parts_of(read_file(file));
      ASSERT_EQ(all.entries.size(), works);
      auto sample = [&](std::size_t every) {
        BibParts some{all.head, {}};
        for (std::size_t i = 0; i < all.entries.size(); i += every) some.entries.push_back(all.entries[i]);
        return some;
      };
      if (dialect == "bibtex") {
        const ToolRun b = bibtex(file);
        if (b.ran) {
          ++tools;
          EXPECT_EQ(b.entries, works) << "BibTeX read " << b.entries << " entries of " << works << "\n" << b.errors;
          EXPECT_EQ(b.errors, "");
        }
      }
      const BibParts for_pandoc = sample(stride);
      const ToolRun p = pandoc(for_pandoc, tmp_.path(), dialect);
      if (p.ran) {
        ++tools;
        EXPECT_EQ(p.exit_code, 0) << p.errors.substr(0, 400);
        // @xdata entries hold fields for others to take; pandoc lists no item for them.
        const auto xdata = std::count_if(for_pandoc.entries.begin(), for_pandoc.entries.end(),
                                         [](const std::string& entry) { return entry.starts_with("@xdata{"); });
        EXPECT_EQ(p.entries, for_pandoc.entries.size() - static_cast<std::size_t>(xdata))
            << "pandoc read " << p.entries << " entries";
      }
      const BibParts for_biber = sample(biber_stride);
      std::string text = for_biber.head;
      for (const auto& entry : for_biber.entries) text += entry;
      const fs::path biber_file = tmp_ / ("biber-" + dialect + ".bib");
      write_file(biber_file, text);
      const ToolRun b = biber(biber_file);
      if (b.ran) {
        ++tools;
        EXPECT_EQ(b.exit_code, 0) << b.errors.substr(0, 400);
        EXPECT_EQ(b.errors, "");
        EXPECT_EQ(b.entries, for_biber.entries.size()) << "biber wrote " << b.entries << " entries";
      }
    }
    if (tools == 0) GTEST_SKIP() << "none of bibtex, biber, pandoc is installed";
  }
  TempDir tmp_;
};

TEST_F(ExportTools, HostileValuesAndNotesAreReadAsWritten) {
  const auto db = tmp_ / "hostile.db";
  write_file(tmp_ / "hostile.bib", kHostile);
  ASSERT_LE(run(db, {"import", "bibtex", (tmp_ / "hostile.bib").string()}).exit_code, 1);
  // Notes that used to end their field early, and one that wrote a second entry.
  ASSERT_EQ(run(db, {"note", "wos1", "he said \"hi\" \\ then}"}).exit_code, 0);
  ASSERT_EQ(run(db, {"note", "scopus1", "}}}} and @article{evil, title={x}}"}).exit_code, 0);
  ASSERT_EQ(run(db, {"note", "bibdesk1", "-"}, "line\n@misc{evil2,\n  title = {y}\n}\n").exit_code, 0);
  check_exports(db, 4);
  const std::string text = read_file(tmp_ / "all-bibtex.bib");
  EXPECT_EQ(text.find("usage-count-(last"), std::string::npos);
  EXPECT_EQ(text.find("optkey"), std::string::npos);
  EXPECT_NE(text.find("editor = {Daim, T.U. and Kozanoglu, D.C. and Kocaoglu, D.F. and Anderson, T.R.}"),
            std::string::npos) << text;
  EXPECT_NE(text.find("@incollection{OHara_1999,"), std::string::npos) << text;
  EXPECT_NE(text.find("publisher-address = {ST ALBAN-ANLAGE"), std::string::npos) << text;
  const std::string biblatex = read_file(tmp_ / "all-biblatex.bib");
  EXPECT_EQ(biblatex.find("location"), std::string::npos) << biblatex;
  EXPECT_NE(biblatex.find("date = {2024-03/2024-04}"), std::string::npos) << biblatex;
}

TEST_F(ExportTools, ALibraryOfTheWholeCorpusIsReadAsWritten) {
  LITREV_REQUIRE_SHARED(shared);
  std::vector<std::string> args = {"import", "bibtex"};
  std::istringstream expected(read_file(shared / "corpus/bibtex/EXPECTED.tsv"));
  for (std::string line; std::getline(expected, line);)
    if (!line.empty() && line[0] != '#') args.push_back((shared / "corpus/bibtex" / line.substr(0, line.find('\t'))).string());
  ASSERT_GT(args.size(), 100u);
  const auto db = tmp_ / "corpus.db";
  const auto imported = run(db, args);
  ASSERT_LE(imported.exit_code, 1) << imported.err.substr(0, 400);
  const auto stats = json::parse(run(db, {"stats", "--json"}).out);
  const std::size_t works = stats["works"].get<std::size_t>();
  ASSERT_GT(works, 20000u);
  // BibTeX reads the whole export in a second; pandoc and biber take minutes on 17 MB: they get
  // every 10th (pandoc) and 40th (biber) entry, unless LITREV_FULL_TOOL_CHECK is set.
  const bool full = std::getenv("LITREV_FULL_TOOL_CHECK") != nullptr;
  check_exports(db, works, full ? 1 : 10, full ? 1 : 40);
}

}  // namespace
}  // namespace litrev::test
