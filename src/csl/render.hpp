#pragma once
// Evaluates a compiled style on one item: walks the rendering elements and builds the entry's
// blob tree (blob.hpp). Internal to the module; bibliography.hpp is the public face.
// One Renderer per style; render calls are const and may run concurrently on different items.

#include <string>
#include <vector>

#include "src/csl/blob.hpp"
#include "src/csl/item.hpp"
#include "src/csl/style.hpp"

namespace litrev::csl {

// What citation disambiguation decided for an item (disambiguation.hpp): how many names its
// first name list shows and how much of each given name (0 style's default, 1 initials,
// 2 in full). The bibliography shows them too where it would show less, as citeproc-js does.
struct DisambigSettings {
  int names = 0;
  std::vector<int> givens;
};

// What one item's rendering needs to remember while it walks the style.
struct EntryState {
  const Item* item = nullptr;
  Context context = Context::bibliography;
  bool sort_mode = false;        // a sort key: names in sort form, dates as YYYYMMDD
  const SortKey* key = nullptr;  // the key's names-min/use-first/use-last overrides
  const DisambigSettings* disambig = nullptr;  // for the first name list with names
  bool disambig_used = false;
  // Filled while rendering a citation: the names its first name list shows, and how many
  // it has (disambiguation compares them).
  std::vector<const Name*> cite_names;
  int cite_names_total = 0;
  std::vector<Var> suppressed;   // variables substituted for names: not rendered again
  std::string year_suffix;       // "a", "b"... when the item needs one
  std::string citation_number;   // the item's number when it has none of its own
  bool year_suffix_done = false;
  bool title_case_ok = true;     // English item: text-case="title" applies to its titles
  bool first_names_done = false; // the first cs:names is marked for subsequent-author-substitute
  std::vector<Var>* log = nullptr;  // while substituting: the variables that rendered
  bool rendered_any = false;  // some text (not a number) is already in the entry
  bool sas_opaque = false;  // see render_names.cpp
  const NamesNode* substituting = nullptr;  // the cs:names whose cs:substitute is rendering
  // The names of the first cs:names (not substituted), as raw parts: what
  // subsequent-author-substitute compares, as citeproc-js does.
  std::vector<std::string> first_names_raw;
};

// Blob marks for subsequent-author-substitute.
inline constexpr int kMarkFirstNames = 1;  // the first names element's name list
inline constexpr int kMarkName = 2;        // one name inside it
inline constexpr int kMarkNamesLabel = 3;  // its label

class Renderer {
 public:
  explicit Renderer(const Style& style) : style_(style) {}

  // The item's entry for a layout (bibliography or citation); an empty group when nothing.
  Blob render_layout(const Layout& layout, EntryState& st) const;
  // The text of a sort key for the item ("" when empty).
  std::string sort_value(const SortKey& key, EntryState& st) const;

  const Style& style() const { return style_; }

 private:
  struct Flags {
    bool called = false;    // a variable was asked for
    bool rendered = false;  // a variable produced output
    bool term = false;      // a term or value was written
  };
  // Whether a group (or macro call) with these flags shows; updates its parent's flags.
  static bool group_renders(const Flags& local, Flags& parent);
  void render_nodes(const std::vector<Node>& nodes, EntryState& st, std::vector<Blob>& out, Flags& flags) const;
  static void log(EntryState& st, Var v) {
    if (st.log) st.log->push_back(v);
  }
  void render_node(const Node& node, EntryState& st, std::vector<Blob>& out, Flags& flags) const;
  bool text(const Node& node, const TextNode& t, EntryState& st, std::vector<Blob>& out, Flags& flags) const;
  void number(const Node& node, const NumberNode& n, EntryState& st, std::vector<Blob>& out, Flags& flags) const;
  void label(const Node& node, const LabelNode& l, EntryState& st, std::vector<Blob>& out, Flags& flags) const;
  bool test(const Condition& c, const EntryState& st) const;
  // render_names.cpp
  void names(const Node& node, const NamesNode& n, EntryState& st, std::vector<Blob>& out, Flags& flags) const;
  bool substitute_first(const std::vector<Node>& nodes, const NamesNode& parent, const Node& names_node, EntryState& st,
                        std::vector<Blob>& out, Flags& flags) const;
  // render_dates.cpp
  void date(const Node& node, const DateNode& d, EntryState& st, std::vector<Blob>& out, Flags& flags) const;

  Blob variable_blob(Var var, const std::string& value, const Decor& decor, const EntryState& st) const;
  std::string number_text(Var var, const std::string& value, NumberForm form) const;
  bool suppressed(const EntryState& st, Var v) const;
  // The item's value, or the processor's for citation-number.
  static const std::string* value_of(const EntryState& st, Var v);

  const Style& style_;
};

// Applies strip-periods to every leaf of a blob.
void strip_periods(Blob& b);

}  // namespace litrev::csl
