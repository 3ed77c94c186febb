#include "src/csl/bibliography.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "src/csl/disambiguation.hpp"
#include "src/csl/flatten.hpp"
#include "src/csl/punctuation.hpp"
#include "src/csl/sort.hpp"

namespace litrev::csl {
namespace {

Blob* find_mark(Blob& b, int mark) {
  if (b.mark == mark) return &b;
  for (auto& c : b.children)
    if (auto* f = find_mark(c, mark)) return f;
  return nullptr;
}

void find_marks(Blob& b, int mark, std::vector<Blob*>& out) {
  if (b.mark == mark) {
    out.push_back(&b);
    return;
  }
  for (auto& c : b.children) find_marks(c, mark, out);
}

void replace_content(Blob& b, const std::string& text) {
  b.leaf = true;
  b.children.clear();
  b.text = text;
}

// Subsequent-author-substitute: the first names of an entry against the previous entry's.
class AuthorSubstitute {
 public:
  AuthorSubstitute(const BibliographyOptions& o) : options_(o) {}

  void apply(Blob& entry, std::vector<std::string> current) {
    Blob* list = find_mark(entry, kMarkFirstNames);
    if (!list || current.empty()) return;
    std::vector<Blob*> names;
    find_marks(*list, kMarkName, names);
    if (names.size() < current.size()) current.resize(names.size());
    if (current.empty()) return;
    const std::string& sub = options_.subsequent_author_substitute;
    if (!previous_.empty()) {
      switch (options_.subsequent_author_substitute_rule) {
        case SubsequentAuthorRule::complete_all:
          if (current == previous_) {
            list->leaf = false;
            list->children.clear();
            list->delimiter.clear();
            list->children.push_back(Blob::of_text(sub));
          }
          break;
        case SubsequentAuthorRule::complete_each:
          if (current == previous_)
            for (auto* n : names) replace_content(*n, sub);
          break;
        case SubsequentAuthorRule::partial_each:
          for (std::size_t i = 0; i < names.size() && i < previous_.size() && current[i] == previous_[i]; ++i)
            replace_content(*names[i], sub);
          break;
        case SubsequentAuthorRule::partial_first:
          if (current[0] == previous_[0]) replace_content(*names[0], sub);
          break;
      }
    }
    previous_ = std::move(current);
  }

 private:
  const BibliographyOptions& options_;
  std::vector<std::string> previous_;
};

// citeproc-js title-cases only English items: the item's language, else the locale's.
bool title_case_applies(const Item& item, const std::string& locale) {
  const std::string* lang = item.get(Var::language);
  std::string_view l = lang && !lang->empty() ? std::string_view(*lang) : std::string_view(locale);
  return l.size() >= 2 && (l[0] == 'e' || l[0] == 'E') && (l[1] == 'n' || l[1] == 'N') &&
         (l.size() == 2 || !std::isalpha(static_cast<unsigned char>(l[2])));
}

}  // namespace

Processor::Processor(Style style) : style_(std::make_unique<Style>(std::move(style))), renderer_(*style_) {}

Bibliography Processor::bibliography(const std::vector<Item>& items) const {
  Bibliography bib;
  bib.options = style_->bibliography_options;
  // Citation numbers follow the input (the order of first citation), unless the bibliography
  // sorts on something else, in which case they follow the bibliography.
  std::vector<long> numbers(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) numbers[i] = static_cast<long>(i) + 1;
  // A note style without <bibliography> lists its items as full first citations, as Zotero does.
  const bool from_citation = !style_->has_bibliography;
  const Layout& layout = from_citation ? style_->citation : style_->bibliography;
  const Context context = from_citation ? Context::citation : Context::bibliography;
  const auto& keys = from_citation ? style_->citation_sort : style_->bibliography_sort;
  const auto order = sort_order(renderer_, keys, items, numbers, context);
  const bool by_number = std::any_of(keys.begin(), keys.end(),
                                     [](const SortKey& k) { return !k.is_macro && k.var == Var::citation_number; });
  if (!keys.empty() && !by_number)
    for (std::size_t pos = 0; pos < order.size(); ++pos) numbers[order[pos]] = static_cast<long>(pos) + 1;
  const auto disambiguated = disambiguate(renderer_, items, order);

  AuthorSubstitute substitute(style_->bibliography_options);
  bib.entries.reserve(items.size());
  for (std::size_t pos : order) {
    const Item* item = &items[pos];
    EntryState st;
    st.item = item;
    st.citation_number = std::to_string(numbers[pos]);
    st.context = context;
    st.year_suffix = disambiguated[pos].year_suffix;
    st.disambig = &disambiguated[pos].settings;
    st.title_case_ok = title_case_applies(*item, style_->info.default_locale);
    Blob blob = renderer_.render_layout(layout, st);
    if (style_->bibliography_options.has_subsequent_author_substitute) substitute.apply(blob, std::move(st.first_names_raw));
    settle_punctuation(blob, style_->locale.punctuation_in_quote);
    Entry e;
    e.id = item->id;
    e.index = pos;
    e.content = flatten(blob, style_->locale);
    bib.entries.push_back(std::move(e));
  }
  return bib;
}

}  // namespace litrev::csl
