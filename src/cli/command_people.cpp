// litrev people list / merge / split: who is who among the authors. The graph commands group
// name variants automatically (identifiers, then compatible given names: graph/people.hpp);
// these commands show the groups, why each variant is in its group, and let the user correct them.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "graph/people.hpp"
#include "src/core/identifiers.hpp"
#include "src/core/text.hpp"
#include "src/cli/command.hpp"
#include "src/cli/commands.hpp"
#include "src/cli/context.hpp"
#include "src/cli/exit_codes.hpp"
#include "src/cli/people_overrides.hpp"

namespace litrev::cli {
namespace {

// An author named on the command line: a group id as `people list` shows it ("name:powell|walter-w",
// "orcid:...") or a person id ("#123" or "123"). Returns the person ids it stands for.
std::vector<std::int64_t> resolve_author(const std::string& arg, const CitationCorpus& corpus,
                                         const AuthorGroups& groups) {
  std::string digits = arg.starts_with('#') ? arg.substr(1) : arg;
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::int64_t id = std::stoll(digits);
    for (const auto& p : corpus.people)
      if (p.person_id == id) return {id};
    throw NotFoundError(fmt::format("no person #{} in the library", id));
  }
  for (const auto& g : groups.groups) {
    if (g.key != arg) continue;
    std::vector<std::int64_t> ids;
    for (auto p : g.people) ids.push_back(corpus.people[p].person_id);
    return ids;
  }
  throw NotFoundError(fmt::format("no author '{}' (see litrev people list)", arg));
}

std::string_view rule_name(JoinRule rule) {
  switch (rule) {
    case JoinRule::first: return "first";
    case JoinRule::identifier: return "identifier";
    case JoinRule::same_name: return "same-name";
    case JoinRule::given_name_fits: return "given-name-fits";
    case JoinRule::initials_fit: return "initials-fit";
    case JoinRule::family_name_only: return "family-name-only";
    case JoinRule::merged: return "merged";
  }
  return "first";
}

// "ORCID 0000-...; IdRef 0123": the identifiers a person holds, for people.
std::string identifiers_text(const CorpusPerson& p) {
  std::string out;
  for (const auto& key : person_identifier_keys(p)) {
    const auto colon = key.find(':');
    const auto scheme = person_id_scheme_from_name(std::string_view(key).substr(0, colon));
    out += fmt::format("{}{} {}", out.empty() ? "" : "; ", scheme ? person_id_scheme_label(*scheme) : key.substr(0, colon),
                       key.substr(colon + 1));
  }
  return out;
}

class PeopleListCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("--name", name_, "Only authors whose name contains this text (case-insensitive)");
    sub.add_flag("--json", json_,
                 "Print a JSON array of {id, name, ambiguous_among, people: [{person, name, identifiers, reason, via, "
                 "why}]}");
    sub.footer(
        "Each variant says why it is in its author: a shared identifier (ORCID, idHAL, IdRef, Scopus, OpenAlex, "
        "ResearcherID), the same name, a given name or initials that fit only this author, or people merge. An "
        "author whose name fits several others is kept apart and says so.\n\n" +
        sub.get_footer());
  }
  int run(Context& ctx) override {
    const CitationCorpus corpus = ctx.store().load_citation_corpus(false);
    const AuthorGroups groups = group_authors(corpus, load_people_overrides(ctx.store(), corpus));
    auto lower = [](std::string s) {
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    const std::string needle = lower(name_);
    auto array = nlohmann::json::array();
    for (const auto& g : groups.groups) {
      bool match = needle.empty();
      for (auto p : g.people) match = match || lower(corpus.people[p].name).find(needle) != std::string::npos;
      if (!match) continue;
      if (json_) {
        auto people = nlohmann::json::array();
        for (auto p : g.people) {
          const JoinReason& why = groups.why[p];
          people.push_back({{"person", corpus.people[p].person_id},
                            {"name", corpus.people[p].name},
                            {"identifiers", person_identifier_keys(corpus.people[p])},
                            {"reason", rule_name(why.rule)},
                            {"via", why.via == kNoPerson ? nlohmann::json(nullptr) : nlohmann::json(corpus.people[why.via].person_id)},
                            {"why", describe_join(groups, corpus.people, p)}});
        }
        array.push_back({{"id", g.key}, {"name", g.name}, {"ambiguous_among", g.ambiguous_among}, {"people", std::move(people)}});
        continue;
      }
      if (g.people.size() == 1) {
        const auto p = g.people.front();
        std::string notes = identifiers_text(corpus.people[p]);
        if (const auto why = describe_join(groups, corpus.people, p); !why.empty()) notes += (notes.empty() ? "" : "; ") + why;
        ctx.out() << fmt::format("{:<34} {:<30} #{}{}\n", g.key, g.name, corpus.people[p].person_id,
                                 notes.empty() ? "" : "  (" + notes + ")");
        continue;
      }
      ctx.out() << fmt::format("{:<34} {}  ({} name variants)\n", g.key, g.name, g.people.size());
      for (auto p : g.people) {
        std::string notes = describe_join(groups, corpus.people, p);
        if (groups.why[p].rule != JoinRule::identifier) {
          const std::string ids = identifiers_text(corpus.people[p]);
          if (!ids.empty()) notes = ids + (notes.empty() ? "" : "; " + notes);
        }
        ctx.out() << fmt::format("    {:<36} {}\n", fmt::format("#{} {}", corpus.people[p].person_id, corpus.people[p].name),
                                 notes);
      }
    }
    if (json_) ctx.print_json(array);
    return kOk;
  }

 private:
  std::string name_;
  bool json_ = false;
};

// One author as the graph commands see it: the name, every identifier its name variants hold,
// the variants and why they are one author, and the works.
class PeopleShowCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("author", author_,
                   "A name (or part of one), an author id from `litrev people list`, or a person id (#123)")
        ->required();
    sub.add_flag("--json", json_, "Print a JSON array of {id, name, identifiers, people, works}");
  }
  int run(Context& ctx) override {
    const CitationCorpus corpus = ctx.store().load_citation_corpus(false);
    const AuthorGroups groups = group_authors(corpus, load_people_overrides(ctx.store(), corpus));
    std::vector<std::size_t> chosen;  // group indexes
    // Every word of the name given, in any order: "Claire Martin" finds "Martin, Claire".
    const std::vector<std::string> needles = words(fold(author_));
    auto names = [&](const std::string& name) {
      const std::string folded = fold(name);
      return !needles.empty() && std::all_of(needles.begin(), needles.end(), [&](const std::string& w) {
        return folded.find(w) != std::string::npos;
      });
    };
    for (std::size_t gi = 0; gi < groups.groups.size(); ++gi) {
      const auto& g = groups.groups[gi];
      bool match = g.key == author_;
      for (auto p : g.people)
        match = match || names(corpus.people[p].name) ||
                "#" + std::to_string(corpus.people[p].person_id) == author_ ||
                std::to_string(corpus.people[p].person_id) == author_;
      if (match) chosen.push_back(gi);
    }
    if (chosen.empty()) throw NotFoundError(fmt::format("no author '{}' (see litrev people list)", author_));
    std::vector<std::vector<std::uint32_t>> works_of(corpus.people.size());
    for (const auto& a : corpus.authorships) works_of[a.person].push_back(a.work);
    auto array = nlohmann::json::array();
    for (const std::size_t gi : chosen) {
      const auto& g = groups.groups[gi];
      std::vector<std::string> ids;
      std::vector<std::uint32_t> works;
      for (auto p : g.people) {
        for (auto& k : person_identifier_keys(corpus.people[p]))
          if (std::find(ids.begin(), ids.end(), k) == ids.end()) ids.push_back(std::move(k));
        works.insert(works.end(), works_of[p].begin(), works_of[p].end());
      }
      std::sort(works.begin(), works.end(), [&](auto a, auto b) {
        return std::tuple(corpus.works[a].year.value_or(0), corpus.works[a].key) <
               std::tuple(corpus.works[b].year.value_or(0), corpus.works[b].key);
      });
      works.erase(std::unique(works.begin(), works.end()), works.end());
      if (json_) {
        auto people = nlohmann::json::array();
        for (auto p : g.people)
          people.push_back({{"person", corpus.people[p].person_id},
                            {"name", corpus.people[p].name},
                            {"identifiers", person_identifier_keys(corpus.people[p])},
                            {"why", describe_join(groups, corpus.people, p)}});
        auto work_list = nlohmann::json::array();
        for (auto w : works)
          work_list.push_back({{"key", corpus.works[w].key},
                               {"year", corpus.works[w].year ? nlohmann::json(*corpus.works[w].year) : nlohmann::json(nullptr)},
                               {"title", corpus.works[w].title}});
        array.push_back({{"id", g.key}, {"name", g.name}, {"identifiers", ids}, {"people", std::move(people)},
                         {"works", std::move(work_list)}});
        continue;
      }
      ctx.out() << fmt::format("{}  ({})\n", g.name, g.key);
      ctx.out() << "  identifiers: ";
      if (ids.empty()) ctx.out() << "none\n";
      for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto colon = ids[i].find(':');
        const auto scheme = person_id_scheme_from_name(std::string_view(ids[i]).substr(0, colon));
        ctx.out() << fmt::format("{}{} {}", i ? "; " : "", scheme ? person_id_scheme_label(*scheme) : ids[i].substr(0, colon),
                                 ids[i].substr(colon + 1))
                  << (i + 1 == ids.size() ? "\n" : "");
      }
      ctx.out() << fmt::format("  name variants ({}):\n", g.people.size());
      for (auto p : g.people) {
        const std::string why = describe_join(groups, corpus.people, p);
        ctx.out() << fmt::format("    #{} {}{}\n", corpus.people[p].person_id, corpus.people[p].name,
                                 why.empty() ? "" : "  (" + why + ")");
      }
      ctx.out() << fmt::format("  works ({}):\n", works.size());
      for (auto w : works)
        ctx.out() << fmt::format("    {:<24} {}  {}\n", corpus.works[w].key,
                                 corpus.works[w].year ? std::to_string(*corpus.works[w].year) : "n.d.", corpus.works[w].title);
    }
    if (json_) ctx.print_json(array);
    return kOk;
  }

 private:
  std::string author_;
  bool json_ = false;
};

class PeopleMergeCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("authors", authors_, "Two or more authors: ids from `litrev people list` or person ids (#123)")
        ->required()
        ->expected(2, -1);
  }
  int run(Context& ctx) override {
    auto& store = ctx.store();
    const CitationCorpus corpus = store.load_citation_corpus(false);
    AuthorOverrides overrides = load_people_overrides(store, corpus);
    const AuthorGroups groups = group_authors(corpus, overrides);
    std::vector<std::int64_t> ids;
    for (const auto& a : authors_)
      for (auto id : resolve_author(a, corpus, groups)) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // A person merged by hand is no longer kept apart.
    std::erase_if(overrides.split, [&](auto id) { return std::binary_search(ids.begin(), ids.end(), id); });
    overrides.merge.push_back(ids);
    save_people_overrides(store, overrides);
    if (!ctx.quiet()) ctx.err() << fmt::format("{} name variants are now one author\n", ids.size());
    return kOk;
  }

 private:
  std::vector<std::string> authors_;
};

class PeopleSplitCommand final : public Command {
 public:
  void setup(CLI::App& sub) override {
    sub.add_option("person", person_, "Person id (#123, from `litrev people list`) to keep apart from every other")->required();
  }
  int run(Context& ctx) override {
    auto& store = ctx.store();
    const CitationCorpus corpus = store.load_citation_corpus(false);
    AuthorOverrides overrides = load_people_overrides(store, corpus);
    const auto ids = resolve_author(person_.starts_with('#') ? person_ : "#" + person_, corpus, group_authors(corpus, overrides));
    for (auto& set : overrides.merge) std::erase(set, ids.front());
    std::erase_if(overrides.merge, [](const auto& set) { return set.size() < 2; });
    overrides.split.push_back(ids.front());
    save_people_overrides(store, overrides);
    if (!ctx.quiet()) ctx.err() << fmt::format("person #{} is now an author of its own\n", ids.front());
    return kOk;
  }

 private:
  std::string person_;
};

}  // namespace

std::unique_ptr<Command> make_people_list_command() { return std::make_unique<PeopleListCommand>(); }
std::unique_ptr<Command> make_people_show_command() { return std::make_unique<PeopleShowCommand>(); }
std::unique_ptr<Command> make_people_merge_command() { return std::make_unique<PeopleMergeCommand>(); }
std::unique_ptr<Command> make_people_split_command() { return std::make_unique<PeopleSplitCommand>(); }

}  // namespace litrev::cli
