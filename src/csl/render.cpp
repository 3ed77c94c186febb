#include "src/csl/render.hpp"

#include <algorithm>

#include "src/csl/numbers.hpp"
#include "src/csl/rich_text.hpp"
#include "src/csl/text_case.hpp"

namespace litrev::csl {
namespace {

// Variables whose values may hold rich text; identifiers and URLs are taken literally.
bool is_rich(Var v) { return v != Var::url && v != Var::doi && v != Var::isbn && v != Var::issn && v != Var::pmid && v != Var::pmcid; }

// Title-like variables, where citeproc-js applies text-case="title" only to English items.
bool is_title_field(Var v) {
  switch (v) {
    case Var::title: case Var::title_short: case Var::container_title: case Var::container_title_short:
    case Var::collection_title: case Var::publisher: case Var::publisher_place: case Var::event: case Var::event_title:
    case Var::event_place: case Var::original_title: case Var::genre: case Var::medium: case Var::archive:
    case Var::archive_place: case Var::authority: case Var::jurisdiction: case Var::volume_title:
    case Var::part_title: case Var::reviewed_title:
      return true;
    default:
      return false;
  }
}

}  // namespace

void strip_periods(Blob& b) {
  if (b.leaf) {
    std::erase(b.text, '.');
    return;
  }
  for (auto& c : b.children) strip_periods(c);
}

bool Renderer::suppressed(const EntryState& st, Var v) const {
  return std::find(st.suppressed.begin(), st.suppressed.end(), v) != st.suppressed.end();
}

const std::string* Renderer::value_of(const EntryState& st, Var v) {
  const std::string* value = st.item->get(v);
  if (!value && v == Var::citation_number && !st.citation_number.empty()) return &st.citation_number;
  return value;
}

// citeproc-js applies text-case to the text it appends, never to what a group or a macro call
// gathers ("<text macro=... text-case=uppercase>" changes nothing there); styles are written
// against that.
Decor without_text_case(Decor d) {
  d.text_case = TextCase::none;
  return d;
}

bool Renderer::group_renders(const Flags& local, Flags& parent) {
  // citeproc-js's group context: a group shows when a variable in it rendered, or when it
  // holds terms and asked for no variable. A shown group is a success for its parent; a
  // suppressed one hands its parent its own "asked for a variable" (overwriting, as citeproc-js
  // does).
  if (local.rendered || (local.term && !local.called)) {
    parent.rendered = true;
    return true;
  }
  parent.called = local.called;
  return false;
}

Blob Renderer::render_layout(const Layout& layout, EntryState& st) const {
  std::vector<Blob> parts;
  parts.reserve(layout.children.size());
  Flags flags;
  render_nodes(layout.children, st, parts, flags);
  Blob root = Blob::group();
  root.delimiter = layout.delimiter;
  root.children = std::move(parts);
  if (root.children.empty()) return root;
  Decor d = layout.decor;
  root.prefix = d.affixes.prefix;
  root.suffix = d.affixes.suffix;
  root.formatting = d.formatting;
  root.display = d.display;
  root.text_case = d.text_case;
  return root;
}

void Renderer::render_nodes(const std::vector<Node>& nodes, EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  for (const auto& n : nodes) render_node(n, st, out, flags);
}

void Renderer::render_node(const Node& node, EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, TextNode>) {
          text(node, v, st, out, flags);
        } else if constexpr (std::is_same_v<T, NumberNode>) {
          number(node, v, st, out, flags);
        } else if constexpr (std::is_same_v<T, LabelNode>) {
          label(node, v, st, out, flags);
        } else if constexpr (std::is_same_v<T, GroupNode>) {
          Flags local;
          std::vector<Blob> children;
          children.reserve(v.children.size());
          render_nodes(v.children, st, children, local);
          if (!group_renders(local, flags) || children.empty()) return;
          Blob g = Blob::group();
          g.delimiter = v.delimiter;
          g.children = std::move(children);
          g.decorate(without_text_case(node.decor));
          out.push_back(std::move(g));
        } else if constexpr (std::is_same_v<T, ChooseNode>) {
          for (const auto& branch : v.branches) {
            if (branch.is_else || test(branch.condition, st)) {
              render_nodes(branch.children, st, out, flags);
              return;
            }
          }
        } else if constexpr (std::is_same_v<T, NamesNode>) {
          names(node, v, st, out, flags);
        } else if constexpr (std::is_same_v<T, DateNode>) {
          date(node, v, st, out, flags);
        }
      },
      node.v);
}

Blob Renderer::variable_blob(Var var, const std::string& value, const Decor& decor, const EntryState& st) const {
  Blob b = is_rich(var) ? parse_rich_text(value) : Blob::of_text(value);
  if (decor.strip_periods) strip_periods(b);
  Decor d = decor;
  if (d.text_case == TextCase::title && is_title_field(var) && !st.title_case_ok) d.text_case = TextCase::none;
  b.decorate(d);
  return b;
}

bool Renderer::text(const Node& node, const TextNode& t, EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  const Item& item = *st.item;
  switch (t.source) {
    case TextNode::Source::variable: {
      flags.called = true;
      Var var = t.var;
      if (var == Var::year_suffix) {
        // Always counts as output, so that a group holding "n.d." and the suffix renders.
        flags.rendered = true;
        if (st.year_suffix.empty() || st.sort_mode) return false;
        st.year_suffix_done = true;
        Blob b = Blob::of_text(st.year_suffix);
        b.decorate(node.decor);
        out.push_back(std::move(b));
        return true;
      }
      if (t.short_form) {
        if (var == Var::title && item.has(Var::title_short)) var = Var::title_short;
        else if (var == Var::container_title && item.has(Var::container_title_short)) var = Var::container_title_short;
      }
      if (suppressed(st, t.var)) return false;
      const std::string* value = value_of(st, var);
      if (var == Var::page_first && !value) {
        if (const auto* page = item.get(Var::page)) {
          const auto tokens = number_tokens(*page);
          static const std::string empty;
          if (!tokens.empty()) {
            Blob b = Blob::of_text(tokens.front().text);
            b.number = true;
            b.decorate(node.decor);
            out.push_back(std::move(b));
            flags.rendered = true;
            return true;
          }
        }
      }
      if (!value || value->empty()) return false;
      flags.rendered = true;
      log(st, t.var);
      if (st.sort_mode && var_kind(var) == VarKind::number) {
        out.push_back(Blob::of_text(*value));
        return true;
      }
      Blob b;
      const bool numeric = var_kind(var) == VarKind::number && is_numeric(*value);
      // Numbers are no words: a term after them is still capitalized (citeproc-js).
      if (!numeric) st.rendered_any = true;
      if (var == Var::page) {
        b = Blob::of_text(format_page_range(*value, style_.page_range_format, style_.page_range_delimiter));
        b.number = numeric;
        if (node.decor.strip_periods) strip_periods(b);
        b.decorate(node.decor);
      } else if (numeric && var != Var::citation_number) {
        // "3-4" -> "3–4", as citeproc-js writes number variables.
        b = Blob::of_text(number_text(var, *value, NumberForm::numeric));
        b.number = true;
        if (node.decor.strip_periods) strip_periods(b);
        b.decorate(node.decor);
      } else {
        b = variable_blob(var, *value, node.decor, st);
        if (numeric) b.number = b.leaf || b.number;
      }
      out.push_back(std::move(b));
      return true;
    }
    case TextNode::Source::macro: {
      Flags local;
      std::vector<Blob> children;
      children.reserve(t.macro->children.size());
      render_nodes(t.macro->children, st, children, local);
      // citeproc-js treats a macro call like a group: nothing when its variables are all empty.
      if (!group_renders(local, flags) || children.empty()) return false;
      // Two levels, as citeproc-js builds them: the macro's own group, inside the level of the
      // <text> that calls it (its affixes). Punctuation settles differently on one level.
      Blob g = Blob::group();
      g.children = std::move(children);
      if (node.decor.strip_periods) strip_periods(g);
      Blob call = Blob::group();
      call.children.push_back(std::move(g));
      call.decorate(without_text_case(node.decor));
      out.push_back(std::move(call));
      return true;
    }
    case TextNode::Source::term: {
      const std::string& value = t.plural ? t.term_plural : t.value;
      if (value.empty()) return false;
      // citeproc-js capitalizes a term that opens the entry ("N.d.", "In:").
      Blob b = Blob::of_text(st.rendered_any || st.sort_mode ? value : text_cased(TextCase::capitalize_first, value));
      st.rendered_any = true;
      flags.term = true;
      if (node.decor.strip_periods) strip_periods(b);
      b.decorate(node.decor);
      out.push_back(std::move(b));
      return true;
    }
    case TextNode::Source::value: {
      if (t.unknown_variable) {
        flags.called = true;
        return false;
      }
      if (t.value.empty()) return false;
      st.rendered_any = true;
      flags.term = true;
      Blob b = parse_rich_text(t.value);
      if (node.decor.strip_periods) strip_periods(b);
      b.decorate(node.decor);
      out.push_back(std::move(b));
      return true;
    }
  }
  return false;
}

std::string Renderer::number_text(Var var, const std::string& value, NumberForm form) const {
  const auto tokens = number_tokens(value);
  if (tokens.empty()) return value;
  const auto gender = style_.locale.gender_of(var_name(var));
  const std::string& range_delimiter = style_.page_range_delimiter;
  std::string out;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const auto& tok = tokens[k];
    if (tok.element && !tok.number) {
      out += tok.text;  // "2nd", "B": as written
      continue;
    }
    if (!tok.number) {
      // Separators as CSL writes them: ranges with an en dash, lists with ", " and " & ".
      std::string_view sep = tok.text;
      while (!sep.empty() && sep.front() == ' ') sep.remove_prefix(1);
      while (!sep.empty() && sep.back() == ' ') sep.remove_suffix(1);
      const bool between_numbers = k > 0 && k + 1 < tokens.size() && tokens[k - 1].number && tokens[k + 1].number;
      if ((sep.starts_with("-") || sep == "\u2013") && between_numbers) out += range_delimiter;
      else if (sep.starts_with("-") || sep == "\u2013") out += tok.text;
      else if (sep == ",") out += ", ";
      else if (sep == "&") out += " & ";
      else out += tok.text;
      continue;
    }
    switch (form) {
      case NumberForm::numeric: out += tok.text; break;
      case NumberForm::ordinal: out += style_.locale.ordinal(tok.value, gender); break;
      case NumberForm::long_ordinal: out += style_.locale.long_ordinal(tok.value, gender); break;
      case NumberForm::roman: out += roman(tok.value); break;
    }
  }
  return out;
}

void Renderer::number(const Node& node, const NumberNode& n, EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  flags.called = true;
  if (suppressed(st, n.var)) return;
  const std::string* value = value_of(st, n.var);
  if (!value || value->empty()) return;
  flags.rendered = true;
  log(st, n.var);
  if (st.sort_mode) {
    out.push_back(Blob::of_text(*value));
    return;
  }
  Blob b;
  if (is_numeric(*value)) {
    std::string text = n.var == Var::page
                           ? format_page_range(*value, style_.page_range_format, style_.page_range_delimiter)
                           : number_text(n.var, *value, n.form);
    b = Blob::of_text(std::move(text));
    b.number = true;
  } else {
    b = parse_rich_text(*value);
  }
  if (node.decor.strip_periods) strip_periods(b);
  b.decorate(node.decor);
  out.push_back(std::move(b));
}

void Renderer::label(const Node& node, const LabelNode& l, EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  // citeproc-js writes a label even when its variable is empty (in the singular): a group
  // around it then decides, as for any term.
  const std::string* value = st.item->get(l.var);
  const bool has_value = value && !value->empty() && !suppressed(st, l.var);
  bool plural = false;
  switch (l.plural) {
    case Plural::always: plural = true; break;
    case Plural::never: plural = false; break;
    case Plural::contextual: plural = has_value && label_plural(l.var, *value); break;
  }
  const std::string& term = plural ? l.multiple : l.single;
  if (term.empty()) return;
  flags.term = true;
  Blob b = Blob::of_text(term);
  if (node.decor.strip_periods) strip_periods(b);
  b.decorate(node.decor);
  out.push_back(std::move(b));
}

bool Renderer::test(const Condition& c, const EntryState& st) const {
  using K = Condition::Test::Kind;
  const Item& item = *st.item;
  auto eval = [&](const Condition::Test& t) -> bool {
    switch (t.kind) {
      case K::type:
        return std::find(t.values.begin(), t.values.end(), item.type) != t.values.end();
      case K::variable:
        if (t.flag) return false;
        if (t.var == Var::year_suffix) return !st.year_suffix.empty();
        if (t.var == Var::page_first) return item.has(Var::page_first) || item.has(Var::page);
        if (t.var == Var::citation_number) return true;
        return item.has(t.var);
      case K::is_numeric: {
        if (t.flag) return false;
        const auto* v = item.get(t.var);
        return v && is_numeric(*v);
      }
      case K::is_uncertain_date: {
        if (t.flag) return false;
        const auto* d = item.get_date(t.var);
        return d && d->circa;
      }
      case K::locator:
        return false;  // bibliographies have no locators
      case K::position:
        return false;  // nor cite positions
      case K::disambiguate:
        return !t.flag;
    }
    return false;
  };
  switch (c.match) {
    case Condition::Match::all:
      return std::all_of(c.tests.begin(), c.tests.end(), eval);
    case Condition::Match::any:
      return std::any_of(c.tests.begin(), c.tests.end(), eval);
    case Condition::Match::none:
      return std::none_of(c.tests.begin(), c.tests.end(), eval);
  }
  return false;
}

}  // namespace litrev::csl
