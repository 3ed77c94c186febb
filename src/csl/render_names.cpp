// cs:names: name lists with et-al, "and", labels, editor-translator merging, substitution,
// and the name forms of CSL 1.0.2 as citeproc-js assembles them (particles, suffixes,
// initials, inversion, non-Latin names without spaces).
#include <algorithm>

#include "src/csl/initials.hpp"
#include "src/csl/render.hpp"
#include "src/csl/rich_text.hpp"

namespace litrev::csl {
namespace {

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Names written in a Latin-like script get spaces and inversion; others (CJK) are written
// family name first without a space. 2: romanesque, 1: mixed, 0: none.
int romanesque(const Name& n) {
  auto has_roman = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') return true;
        continue;
      }
      // Decode one UTF-8 code point.
      char32_t cp = 0;
      int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      cp = c & (0x3F >> (len - 1));
      for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      i += static_cast<std::size_t>(len - 1);
      if (in(cp, 0x0E01, 0x0E5B) || in(cp, 0xC0, 0x17F) || in(cp, 0x370, 0x3FF) || in(cp, 0x400, 0x52F) ||
          in(cp, 0x590, 0x5FF) || in(cp, 0x1F00, 0x1FFF) || in(cp, 0x600, 0x6FF) || in(cp, 0x200C, 0x200E) ||
          in(cp, 0x218, 0x21B) || in(cp, 0x202A, 0x202E))
        return true;
    }
    return false;
  };
  if (has_roman(n.family)) return 2;
  if (!n.given.empty() && has_roman(n.given.substr(0, 1))) return 1;
  return 0;
}

bool ends_with_joiner(std::string_view s) {
  return s.ends_with("'") || s.ends_with("\u2019") || s.ends_with("-") || s.ends_with(" ");
}

// Joins the non-empty blobs with a delimiter (suffix of all but the last), as one level.
Blob join(std::vector<Blob> parts, std::string_view delimiter) {
  std::erase_if(parts, [](const Blob& b) { return b.empty(); });
  if (parts.empty()) return Blob::of_text("");
  if (parts.size() == 1) return std::move(parts[0]);
  Blob g = Blob::group();
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) parts[i].suffix += delimiter;
  g.children = std::move(parts);
  return g;
}

Blob part(std::string text, const NamePart& p, bool with_affixes) {
  if (text.empty()) return Blob::of_text("");
  // Names are text like any other: "O'Neil" gets its typographic apostrophe.
  Blob b = parse_rich_text(text);
  Decor d;
  d.formatting = p.formatting;
  d.text_case = p.text_case;
  if (with_affixes) d.affixes = p.affixes;
  b.decorate(d);
  return b;
}

void add_affixes(Blob& b, const Affixes& a) {
  if (b.empty() || (a.prefix.empty() && a.suffix.empty())) return;
  b.prefix = a.prefix + b.prefix;
  b.suffix += a.suffix;
}

// cs:name's formatting applies to each name, not to the delimiters between them.
void name_formatting(Blob& b, const Formatting& f) {
  if (f.empty() || b.empty()) return;
  Decor d;
  d.formatting = f;
  b.decorate(d);
}

struct NameStyle {
  const NameSpec* spec;
  NameOptions opts;
  bool fr_spaces;  // French, Russian, Czech locales: no-break space inside particles
  DemoteParticle demote;
  bool with_hyphen;
  bool sort_mode;
  bool initials_rule = false;  // givenname-disambiguation-rule *-with-initials
};

// One personal name as a blob; inverted says whether name-as-sort-order applied to it.
// given_level: what disambiguation asked for (0 nothing more than the style, 1 initials,
// 2 the given name as written).
Blob one_name(const Name& n, const NameStyle& s, bool inverted, int given_level) {
  const auto& spec = *s.spec;
  if (n.is_literal()) {
    std::string lit = !n.literal.empty() ? n.literal : (n.family.empty() ? n.given : n.family);
    return part(std::move(lit), spec.family, true);
  }
  const std::string space = s.fr_spaces ? "\u00A0" : " ";
  // Given name: none in the short form, initials with initialize-with, more when
  // disambiguation asks (citeproc-js's levels: the larger of the style's and the request).
  const int style_level = s.opts.form != NameForm::long_ ? 0 : (s.opts.has_initialize_with ? 1 : 2);
  const int level = std::max(style_level, given_level);
  std::string given;
  bool has_given = level > 0;
  if (has_given) {
    given = n.given;
    const bool initials = s.opts.has_initialize_with || s.initials_rule;
    if (level == 1 && initials && !n.family.empty())
      given = initialize_given(given, s.opts.has_initialize_with ? s.opts.initialize_with : "", !s.opts.initialize,
                               s.with_hyphen);
    if (given.empty()) has_given = false;
  }
  std::string dp_text = has_given ? n.dropping_particle : std::string();
  std::string ndp_text = n.non_dropping_particle;
  std::string suffix_text = has_given ? n.suffix : std::string();
  if (s.sort_mode) {
    std::erase(dp_text, '\'');
    std::erase(ndp_text, '\'');
  }
  if (!suffix_text.empty() && s.opts.has_initialize_with)
    suffix_text = initialize_given(suffix_text, s.opts.initialize_with, true, s.with_hyphen);

  Blob family = part(n.family, spec.family, false);
  Blob ndp = part(ndp_text, spec.family, false);
  Blob dp = part(dp_text, spec.given, false);
  Blob giv = part(given, spec.given, false);
  Blob suf = Blob::of_text(suffix_text);
  if (suf.text.ends_with('.')) {
    suf.text.pop_back();
    suf.suffix = ".";
  }
  const bool hyphenated_ndp = ends_with_joiner(ndp_text);
  const std::string& sort_sep = s.opts.sort_separator;
  const int roman = romanesque(n);

  Blob out;
  if (roman == 0) {
    out = join({std::move(ndp), std::move(family), std::move(giv)}, "");
  } else if (roman == 1 || n.static_ordering) {
    Blob merged = join({std::move(ndp), std::move(family)}, space);
    out = join({std::move(merged), std::move(giv)}, " ");
  } else if (s.sort_mode) {
    // Sort keys: family first; the particle sorts with the family unless demoted.
    if (s.demote == DemoteParticle::never) {
      Blob merged = join({std::move(ndp), std::move(family)}, space);
      merged = join({std::move(merged), std::move(dp)}, " ");
      merged = join({std::move(merged), std::move(giv)}, "\x01");
      out = join({std::move(merged), std::move(suf)}, " ");
    } else {
      Blob second = join({std::move(giv), std::move(dp), std::move(ndp)}, " ");
      Blob merged = join({std::move(family), std::move(second)}, "\x01");
      out = join({std::move(merged), std::move(suf)}, " ");
    }
  } else if (inverted) {
    if (s.demote == DemoteParticle::display_and_sort) {
      Blob second = join({std::move(giv), std::move(dp)}, " ");
      second = join({std::move(second), std::move(ndp)}, " ");
      add_affixes(second, spec.given.affixes);
      add_affixes(family, spec.family.affixes);
      Blob merged = join({std::move(family), std::move(second)}, sort_sep);
      out = join({std::move(merged), std::move(suf)}, sort_sep);
    } else {
      Blob first = join({std::move(ndp), std::move(family)}, hyphenated_ndp ? "" : space);
      add_affixes(first, spec.family.affixes);
      Blob second = join({std::move(giv), std::move(dp)}, " ");
      add_affixes(second, spec.given.affixes);
      Blob merged = join({std::move(first), std::move(second)}, sort_sep);
      out = join({std::move(merged), std::move(suf)}, sort_sep);
    }
  } else {
    // "d'" as a dropping particle sticks to the family name.
    if (!dp_text.empty() && !n.family.empty() && ndp_text.empty() && ends_with_joiner(dp_text) &&
        !dp_text.ends_with(" ") && dp_text.substr(0, dp_text.size() - 1) != "de") {
      family = join({std::move(dp), std::move(family)}, "");
      dp = Blob::of_text("");
    }
    Blob second;
    if (hyphenated_ndp) {
      second = join({std::move(ndp), std::move(family)}, "");
      second = join({std::move(dp), std::move(second)}, space);
    } else {
      second = join({std::move(dp), std::move(ndp), std::move(family)}, space);
    }
    second = join({std::move(second), std::move(suf)}, n.comma_suffix ? ", " : " ");
    add_affixes(second, spec.family.affixes);
    add_affixes(giv, spec.given.affixes);
    const bool nb = s.opts.has_initialize_with &&
                    (s.opts.initialize_with.find("\u00A0") != std::string::npos ||
                     s.opts.initialize_with.find("\uFEFF") != std::string::npos);
    out = join({std::move(giv), std::move(second)}, nb ? space : " ");
  }
  return out;
}

}  // namespace

void Renderer::names(const Node& node, const NamesNode& self, EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  flags.called = true;
  // A <names> without <name> inside a cs:substitute takes the name, et-al and label of the
  // <names> being substituted for.
  const NamesNode& n = !self.has_name && st.substituting ? *st.substituting : self;
  const int ctx_index = static_cast<int>(st.context);
  const std::string& names_delimiter = self.delimiter[ctx_index].empty() ? n.delimiter[ctx_index] : self.delimiter[ctx_index];
  const NamesNode* outer_substituting = st.substituting;
  st.substituting = nullptr;
  struct Restore {
    EntryState& st;
    const NamesNode* p;
    ~Restore() { st.substituting = p; }
  } restore{st, outer_substituting};
  const Item& item = *st.item;
  NameStyle ns{&n.name, n.name.options[static_cast<int>(st.context)],
               style_.info.default_locale.starts_with("fr") || style_.info.default_locale.starts_with("ru") ||
                   style_.info.default_locale.starts_with("cs"),
               style_.demote_non_dropping_particle, style_.initialize_with_hyphen, st.sort_mode};
  NameOptions& o = ns.opts;
  if (st.key) {
    if (st.key->names_min) o.et_al_min = *st.key->names_min;
    if (st.key->names_use_first) o.et_al_use_first = *st.key->names_use_first;
    if (st.key->names_use_last) o.et_al_use_last = *st.key->names_use_last;
  }
  ns.initials_rule = !style_.disambiguation.givenname_full;

  struct List {
    Var var;
    const std::vector<Name>* names;
    std::string term;  // label term name
  };
  std::vector<List> lists;
  for (Var v : self.vars) {
    if (suppressed(st, v)) continue;
    const auto* names = item.get_names(v);
    if (!names || names->empty()) continue;
    lists.push_back({v, names, std::string(var_name(v))});
  }
  // An editor who is also the translator is named once, as "editor & translator".
  {
    auto ed = std::find_if(lists.begin(), lists.end(), [](const List& l) { return l.var == Var::editor; });
    auto tr = std::find_if(lists.begin(), lists.end(), [](const List& l) { return l.var == Var::translator; });
    if (ed != lists.end() && tr != lists.end() && ed->names->size() == tr->names->size()) {
      bool same = true;
      for (std::size_t i = 0; i < ed->names->size() && same; ++i) {
        const auto &a = (*ed->names)[i], &b = (*tr->names)[i];
        same = a.family == b.family && a.given == b.given && a.literal == b.literal;
      }
      if (same) {
        ed->term = "editortranslator";
        lists.erase(tr);
      }
    }
  }

  // The bibliography's first cs:names that has names takes part in subsequent-author-substitute.
  const bool mark = st.context == Context::bibliography && !st.first_names_done && !st.sort_mode && !st.sas_opaque;
  if (!lists.empty()) st.first_names_done = true;

  if (lists.empty()) {
    // citeproc-js sorts an empty name count as "0" (before the works that have names).
    if (st.sort_mode && o.form == NameForm::count && !self.has_substitute) {
      out.push_back(Blob::of_text("0"));
      return;
    }
    if (!self.has_substitute) return;
    const bool outer_opaque = st.sas_opaque;
    substitute_first(self.substitute, n, node, st, out, flags);
    st.sas_opaque = outer_opaque;
    return;
  }
  flags.rendered = true;
  st.rendered_any = true;
  if (st.log)
    for (const auto& l : lists) st.log->push_back(l.var);

  if (mark)
    for (const auto& nm : *lists.front().names)
      st.first_names_raw.push_back(nm.family + nm.given + nm.non_dropping_particle + nm.dropping_particle + nm.suffix +
                                   nm.literal);

  if (o.form == NameForm::count) {
    long count = 0;
    for (const auto& l : lists) {
      const long total = static_cast<long>(l.names->size());
      const bool truncate = o.et_al_min > 0 && total >= o.et_al_min && o.et_al_use_first < total;
      count += truncate ? o.et_al_use_first : total;
    }
    if (count == 0) return;
    Blob b = Blob::of_text(std::to_string(count));
    b.decorate(node.decor);
    out.push_back(std::move(b));
    return;
  }

  std::vector<Blob> list_blobs;
  for (const auto& l : lists) {
    const auto& names = *l.names;
    const int total = static_cast<int>(names.size());
    int shown = total;
    bool truncated = false;
    bool use_last = false;
    if (o.et_al_min > 0 && total >= o.et_al_min && o.et_al_use_first < total) {
      shown = std::max(o.et_al_use_first, 1);
      truncated = shown < total;
      use_last = truncated && o.et_al_use_last && total >= shown + 2;
    }
    if (st.sort_mode && !st.key) {
      shown = total;
      truncated = false;
    }
    // Citation disambiguation: more names (add-names), more of the given names (add-givenname).
    const DisambigSettings* dis = nullptr;
    if (st.disambig && !st.disambig_used && &l == &lists.front() && !st.sort_mode) {
      dis = st.disambig;
      st.disambig_used = true;
      if (dis->names > 0) {
        const bool applies = st.context == Context::citation ? true : (dis->names > shown && total >= o.et_al_min);
        if (applies && (o.et_al_min > 0 && total >= o.et_al_min)) {
          shown = std::min(dis->names, total);
          truncated = shown < total;
          use_last = truncated && o.et_al_use_last && total >= shown + 2;
        }
      }
    }
    if (st.context == Context::citation && &l == &lists.front() && st.cite_names.empty()) {
      for (int i = 0; i < shown; ++i) st.cite_names.push_back(&names[static_cast<std::size_t>(i)]);
      st.cite_names_total = total;
    }
    std::vector<Blob> parts;
    std::vector<bool> inverted_flags;
    for (int i = 0; i < shown; ++i) {
      const bool inverted = o.name_as_sort_order == NameAsSortOrder::all ||
                            (o.name_as_sort_order == NameAsSortOrder::first && i == 0 && &l == &lists.front());
      const int level = dis && static_cast<std::size_t>(i) < dis->givens.size() ? dis->givens[static_cast<std::size_t>(i)] : 0;
      Blob nb = one_name(names[static_cast<std::size_t>(i)], ns, inverted, level);
      name_formatting(nb, n.name.formatting);
      if (mark) nb.mark = kMarkName;
      parts.push_back(std::move(nb));
      inverted_flags.push_back(inverted && !names[static_cast<std::size_t>(i)].is_literal());
    }
    Blob list = Blob::group();
    if (st.sort_mode) {
      list.delimiter = "\x01";
      list.children = std::move(parts);
    } else {
      auto precedes = [&](DelimiterRule rule, std::size_t count, bool prev_inverted) {
        switch (rule) {
          case DelimiterRule::always: return true;
          case DelimiterRule::never: return false;
          case DelimiterRule::after_inverted_name: return prev_inverted;
          case DelimiterRule::contextual: return count >= 3;
        }
        return false;
      };
      const std::size_t count = parts.size();
      for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) {
          const bool last = i + 1 == count && !truncated;
          std::string sep;
          if (last && o.and_mode != AndMode::none) {
            sep = precedes(o.delimiter_precedes_last, count, inverted_flags[i - 1]) ? o.delimiter : " ";
            sep += o.and_text + " ";
          } else {
            sep = o.delimiter;
          }
          list.children.push_back(Blob::of_text(sep));
        }
        list.children.push_back(std::move(parts[i]));
      }
      if (use_last) {
        list.children.push_back(Blob::of_text(o.delimiter + "\u2026 "));
        Blob last = one_name(names.back(), ns, o.name_as_sort_order == NameAsSortOrder::all, 0);
        name_formatting(last, n.name.formatting);
        if (mark) last.mark = kMarkName;
        list.children.push_back(std::move(last));
      } else if (truncated && !n.et_al.text.empty()) {
        const bool delim = n.et_al.text.empty()
                               ? false
                               : (o.delimiter_precedes_et_al == DelimiterRule::contextual
                                      ? count >= 2
                                      : precedes(o.delimiter_precedes_et_al, count, inverted_flags.back()));
        list.children.push_back(Blob::of_text(delim ? o.delimiter : " "));
        Blob et_al = Blob::of_text(n.et_al.text);
        Decor d;
        d.formatting = n.et_al.formatting;
        d.affixes = n.et_al.affixes;
        et_al.decorate(d);
        list.children.push_back(std::move(et_al));
      }
      Decor nd;
      nd.affixes = n.name.affixes;
      list.decorate(nd);
    }
    if (mark && &l == &lists.front()) list.mark = kMarkFirstNames;
    // The label (editor, translator...): plural when the list has several names.
    if (n.label.present && !st.sort_mode) {
      bool plural = n.label.plural == Plural::always || (n.label.plural == Plural::contextual && total > 1);
      if (const auto* t = style_.locale.term(l.term, n.label.form)) {
        const std::string& text = t->get(plural);
        if (!text.empty()) {
          Blob lb = Blob::of_text(text);
          if (n.label.decor.strip_periods) strip_periods(lb);
          lb.decorate(n.label.decor);
          if (mark && &l == &lists.front()) lb.mark = kMarkNamesLabel;
          Blob with = Blob::group();
          if (n.label.after_name) {
            with.children.push_back(std::move(list));
            with.children.push_back(std::move(lb));
          } else {
            with.children.push_back(std::move(lb));
            with.children.push_back(std::move(list));
          }
          list_blobs.push_back(std::move(with));
          continue;
        }
      }
    }
    list_blobs.push_back(std::move(list));
  }
  Blob all = Blob::group();
  all.delimiter = names_delimiter;
  if (st.sort_mode) all.delimiter = "\x01";
  all.children = std::move(list_blobs);
  all.decorate(node.decor);
  out.push_back(std::move(all));
}

}  // namespace litrev::csl

namespace litrev::csl {

// cs:substitute: the first rendering element that produces output stands for the names; a
// cs:choose inside counts element by element (citeproc-js), so that <names variable="editor"/>
// <names variable="translator"/> inside one <if> does not print both.
bool Renderer::substitute_first(const std::vector<Node>& nodes, const NamesNode& parent, const Node& names_node,
                                EntryState& st, std::vector<Blob>& out, Flags& flags) const {
  for (const auto& sub : nodes) {
    if (const auto* choose = std::get_if<ChooseNode>(&sub.v)) {
      for (const auto& branch : choose->branches) {
        if (branch.is_else || test(branch.condition, st)) {
          if (substitute_first(branch.children, parent, names_node, st, out, flags)) return true;
          break;
        }
      }
      continue;
    }
    std::vector<Blob> got;
    Flags local;
    std::vector<Var> used;
    auto* outer_log = st.log;
    st.log = &used;
    // A <names> without <name> anywhere inside the substitute inherits the parent's.
    const NamesNode* outer_parent = st.substituting;
    st.substituting = &parent;
    render_node(sub, st, got, local);
    st.substituting = outer_parent;
    st.log = outer_log;
    // Observed in citeproc-js: after a substitute <names> with a <name> of its own, the lists
    // that inherit the parent's name no longer count for subsequent-author-substitute.
    if (const auto* ns_sub = std::get_if<NamesNode>(&sub.v); ns_sub && ns_sub->has_name) st.sas_opaque = true;
    if (got.empty()) continue;
    // What stood in for the names is not repeated later in the entry.
    st.suppressed.insert(st.suppressed.end(), used.begin(), used.end());
    if (outer_log) outer_log->insert(outer_log->end(), used.begin(), used.end());
    flags.rendered = true;
    Blob g = Blob::group();
    g.children = std::move(got);
    g.decorate(names_node.decor);
    out.push_back(std::move(g));
    return true;
  }
  return false;
}

}  // namespace litrev::csl
