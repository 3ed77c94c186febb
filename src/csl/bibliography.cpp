#include "src/csl/bibliography.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "src/csl/flatten.hpp"
#include "src/csl/punctuation.hpp"
#include "src/csl/sort.hpp"

namespace litrev::csl {
namespace {

// a, b, ... z, aa, ab, ... (citeproc-js's suffixes).
std::string suffix_letters(std::size_t n) {
  std::string key;
  ++n;
  do {
    const std::size_t x = n % 26 == 0 ? 26 : n % 26;
    key.insert(key.begin(), static_cast<char>('a' + x - 1));
    n = (n - x) / 26;
  } while (n != 0);
  return key;
}

void plain(const Blob& b, std::string& out) {
  out += b.prefix;
  if (b.leaf) {
    out += b.text;
  } else {
    for (std::size_t i = 0; i < b.children.size(); ++i) {
      if (i > 0) out += b.delimiter;
      plain(b.children[i], out);
    }
  }
  out += b.suffix;
}

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

std::vector<std::string> Processor::year_suffixes(const std::vector<Item>& items, const std::vector<std::size_t>& order) const {
  std::vector<std::string> out(items.size());
  if (!style_->disambiguation.add_year_suffix || style_->citation.children.empty()) return out;
  // What a first cite of each item reads, with every name and full given names when the
  // style may add them: items still alike after that need a suffix.
  std::unordered_map<std::string, std::vector<std::size_t>> by_cite;
  std::vector<std::string> cites(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    EntryState st;
    st.item = &items[i];
    st.context = Context::citation;
    st.expand_names = style_->disambiguation.add_names;
    if (style_->disambiguation.add_givenname) st.expand_given = style_->disambiguation.givenname_full ? 2 : 1;
    Blob b = renderer_.render_layout(style_->citation, st);
    std::string s;
    plain(b, s);
    cites[i] = s;
  }
  for (std::size_t pos : order) by_cite[cites[pos]].push_back(pos);
  for (auto& [cite, members] : by_cite) {
    if (members.size() < 2 || cite.empty()) continue;
    for (std::size_t k = 0; k < members.size(); ++k) out[members[k]] = suffix_letters(k);
  }
  return out;
}

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
  const auto suffixes = year_suffixes(items, order);

  AuthorSubstitute substitute(style_->bibliography_options);
  bib.entries.reserve(items.size());
  for (std::size_t pos : order) {
    const Item* item = &items[pos];
    EntryState st;
    st.item = item;
    st.citation_number = std::to_string(numbers[pos]);
    st.context = context;
    st.year_suffix = suffixes[pos];
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
