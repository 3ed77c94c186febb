// BibLaTeX inheritance (crossref, xdata) with biber's default rules: see bibtex_records.hpp.

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/bibtex/bibtex_records.hpp"
#include "src/core/text.hpp"
#include "src/core/data_model.hpp"

namespace litrev::bibtex {
namespace {

using namespace std::string_view_literals;

// Fields biber never inherits (its default crossref setup, "* -> *": none), plus xdata itself.
constexpr std::array kNeverInherited = {
    "ids"sv,     "crossref"sv, "xref"sv,     "entryset"sv,       "entrysubtype"sv, "execute"sv,
    "label"sv,   "options"sv,  "presort"sv,  "related"sv,        "relatedoptions"sv, "relatedstring"sv,
    "relatedtype"sv, "shorthand"sv, "shorthandintro"sv, "sortkey"sv, "xdata"sv,
};

bool never_inherited(std::string_view field) {
  return std::find(kNeverInherited.begin(), kNeverInherited.end(), field) != kNeverInherited.end();
}

struct FieldMap {
  std::string_view from;
  std::string_view to;  // empty: not inherited
};
struct InheritRule {
  std::span<const std::string_view> sources;
  std::span<const std::string_view> targets;
  std::span<const FieldMap> fields;
};

constexpr std::array kBookSources = {"mvbook"sv, "book"sv};
constexpr std::array kInBookTargets = {"inbook"sv, "bookinbook"sv, "suppbook"sv};
constexpr std::array kMvBookSource = {"mvbook"sv};
constexpr std::array kMvBookTargets = {"book"sv, "inbook"sv, "bookinbook"sv, "suppbook"sv};
constexpr std::array kMvCollectionSources = {"mvcollection"sv, "mvreference"sv};
constexpr std::array kCollectionTargets = {"collection"sv, "reference"sv, "incollection"sv, "inreference"sv,
                                           "suppcollection"sv};
constexpr std::array kMvProceedingsSource = {"mvproceedings"sv};
constexpr std::array kProceedingsTargets = {"proceedings"sv, "inproceedings"sv};
constexpr std::array kBookSource = {"book"sv};
constexpr std::array kCollectionSources = {"collection"sv, "reference"sv};
constexpr std::array kInCollectionTargets = {"incollection"sv, "inreference"sv, "suppcollection"sv};
constexpr std::array kProceedingsSource = {"proceedings"sv};
constexpr std::array kInProceedingsTarget = {"inproceedings"sv};
constexpr std::array kPeriodicalSource = {"periodical"sv};
constexpr std::array kPeriodicalTargets = {"article"sv, "suppperiodical"sv};

constexpr std::array kAuthorToBookauthor = {FieldMap{"author", "author"}, FieldMap{"author", "bookauthor"}};
constexpr std::array kToMain = {
    FieldMap{"title", "maintitle"},  FieldMap{"subtitle", "mainsubtitle"}, FieldMap{"titleaddon", "maintitleaddon"},
    FieldMap{"shorttitle", ""},      FieldMap{"sorttitle", ""},           FieldMap{"indextitle", ""},
    FieldMap{"indexsorttitle", ""},
};
constexpr std::array kToBook = {
    FieldMap{"title", "booktitle"}, FieldMap{"subtitle", "booksubtitle"}, FieldMap{"titleaddon", "booktitleaddon"},
    FieldMap{"shorttitle", ""},     FieldMap{"sorttitle", ""},            FieldMap{"indextitle", ""},
    FieldMap{"indexsorttitle", ""},
};
constexpr std::array kToJournal = {
    FieldMap{"title", "journaltitle"}, FieldMap{"subtitle", "journalsubtitle"},
    FieldMap{"titleaddon", "journaltitleaddon"}, FieldMap{"shorttitle", ""}, FieldMap{"sorttitle", ""},
    FieldMap{"indextitle", ""}, FieldMap{"indexsorttitle", ""},
};

// biber's default crossref setup (biblatex manual, appendix B).
const std::array kInheritRules = {
    InheritRule{kBookSources, kInBookTargets, kAuthorToBookauthor},
    InheritRule{kMvBookSource, kMvBookTargets, kToMain},
    InheritRule{kMvCollectionSources, kCollectionTargets, kToMain},
    InheritRule{kMvProceedingsSource, kProceedingsTargets, kToMain},
    InheritRule{kBookSource, kInBookTargets, kToBook},
    InheritRule{kCollectionSources, kInCollectionTargets, kToBook},
    InheritRule{kProceedingsSource, kInProceedingsTarget, kToBook},
    InheritRule{kPeriodicalSource, kPeriodicalTargets, kToJournal},
};

bool contains(std::span<const std::string_view> list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// The names a parent field takes in the child: usually itself, none for never-inherited ones.
void target_names(std::string_view field, std::string_view parent_type, std::string_view child_type,
                  std::vector<std::string_view>& out) {
  out.clear();
  if (never_inherited(field)) return;
  bool ruled = false;
  for (const auto& rule : kInheritRules) {
    if (!contains(rule.sources, parent_type) || !contains(rule.targets, child_type)) continue;
    for (const auto& m : rule.fields) {
      if (m.from != field) continue;
      ruled = true;
      if (!m.to.empty()) out.push_back(m.to);
    }
  }
  if (!ruled) out.push_back(field);
}

std::vector<std::string> split_keys(std::string_view value) {
  std::vector<std::string> keys;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ',') {
      std::string_view k = trim(value.substr(start, i - start));
      while (!k.empty() && k.front() == '{' && k.back() == '}') k = trim(k.substr(1, k.size() - 2));
      if (!k.empty()) keys.emplace_back(k);
      start = i + 1;
    }
  }
  return keys;
}

class Resolver {
 public:
  Resolver(const EntryLookup& lookup, std::vector<Diagnostic>& warnings, std::string_view origin,
           const RawEntry& child)
      : lookup_(lookup), warnings_(warnings), origin_(origin), child_(child) {}

  // Own fields plus everything inherited, own first, each name once (first wins).
  std::vector<RawField> effective(const RawEntry& entry, std::vector<std::string>& chain) {
    std::vector<RawField> all;
    for (const auto& f : entry.fields) add(all, f.name, f);
    append_inherited(entry, chain, all);
    return all;
  }

  // Only the inherited part for `entry`, appended to `all` (which holds the entry's own fields).
  void append_inherited(const RawEntry& entry, std::vector<std::string>& chain, std::vector<RawField>& all) {
    const ParentKeys parents = parent_keys(entry);
    if (parents.empty()) return;
    if (chain.size() > 32) return;
    chain.push_back(entry.key);
    const std::string_view child_type = store_type_from(TypeVocabulary::bibtex, entry.type);
    for (const auto& key : parents.xdata) {
      const RawEntry* x = find(key, "xdata", entry, chain);
      if (!x) continue;
      for (auto& f : effective(*x, chain))
        if (!never_inherited(f.name)) add(all, f.name, f);
    }
    if (!parents.crossref.empty()) {
      if (const RawEntry* p = find(parents.crossref, "crossref", entry, chain)) {
        const std::string_view parent_type = store_type_from(TypeVocabulary::bibtex, p->type);
        std::vector<std::string_view> names;
        for (auto& f : effective(*p, chain)) {
          target_names(f.name, parent_type, child_type, names);
          for (auto name : names) add(all, name, f);
        }
      }
    }
    chain.pop_back();
  }

 private:
  static void add(std::vector<RawField>& all, std::string_view name, const RawField& f) {
    for (const auto& existing : all)
      if (existing.name == name) return;
    all.push_back({std::string(name), f.value, f.line, f.column});
  }

  const RawEntry* find(const std::string& key, std::string_view what, const RawEntry& from,
                       const std::vector<std::string>& chain) {
    if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
      std::string path;
      for (const auto& k : chain) path += k + " -> ";
      warn(std::string(what) + " cycle: " + path + key + "; inheritance stops there");
      return nullptr;
    }
    const RawEntry* e = lookup_(key);
    if (!e) {
      warn(std::string(what) + " '" + key + "' of entry '" + from.key + "' is not in this input; nothing inherited from it");
    }
    return e;
  }

  void warn(std::string message) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::warning;
    d.source = std::string(origin_);
    d.line = child_.line;
    d.column = child_.column;
    d.message = std::move(message);
    warnings_.push_back(std::move(d));
  }

  const EntryLookup& lookup_;
  std::vector<Diagnostic>& warnings_;
  std::string_view origin_;
  const RawEntry& child_;
};

}  // namespace

ParentKeys parent_keys(const RawEntry& entry) {
  ParentKeys keys;
  for (const auto& f : entry.fields) {
    if (f.name == "crossref" && keys.crossref.empty()) {
      auto k = split_keys(f.value);
      if (!k.empty()) keys.crossref = std::move(k.front());
    } else if (f.name == "xdata") {
      for (auto& k : split_keys(f.value)) keys.xdata.push_back(std::move(k));
    }
  }
  return keys;
}

std::vector<RawField> inherited_fields(const RawEntry& child, const EntryLookup& lookup,
                                       std::vector<Diagnostic>& warnings, std::string_view origin) {
  Resolver resolver(lookup, warnings, origin, child);
  std::vector<RawField> all;
  for (const auto& f : child.fields) all.push_back({f.name, {}, f.line, f.column});  // names only: own wins
  const std::size_t own = all.size();
  std::vector<std::string> chain;
  resolver.append_inherited(child, chain, all);
  return {std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(own)), std::make_move_iterator(all.end())};
}

}  // namespace litrev::bibtex
