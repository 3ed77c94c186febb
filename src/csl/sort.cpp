#include "src/csl/sort.hpp"

#include <algorithm>
#include <cstdio>

#include "src/core/text.hpp"
#include "src/csl/rich_text.hpp"

namespace litrev::csl {
namespace {

std::string name_sort_string(const Name& n, DemoteParticle demote) {
  if (n.is_literal()) return !n.literal.empty() ? n.literal : (n.family.empty() ? n.given : n.family);
  std::string s;
  auto add = [&](const std::string& part, const char* sep) {
    if (part.empty()) return;
    if (!s.empty()) s += sep;
    s += part;
  };
  if (demote == DemoteParticle::never) {
    add(n.non_dropping_particle, " ");
    add(n.family, " ");
    add(n.dropping_particle, " ");
    add(n.given, "\x01");
  } else {
    add(n.family, " ");
    add(n.given, "\x01");
    add(n.dropping_particle, " ");
    add(n.non_dropping_particle, " ");
  }
  add(n.suffix, " ");
  return s;
}

std::string date_sort_string(const Date& d) {
  if (d.from.empty()) return d.literal;
  auto digits = [](const DateParts& p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%05d%02d%02d", p.year + 50000, p.month > 12 ? 0 : p.month, p.day);
    return std::string(buf);
  };
  std::string s = digits(d.from);
  if (d.to) s += digits(*d.to);
  return s;
}

}  // namespace

std::string collation_key(std::string_view text) {
  const std::string folded = fold(text);
  std::string key;
  key.reserve(folded.size());
  std::size_t i = 0;
  while (i < folded.size()) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < folded.size() && folded[j] >= '0' && folded[j] <= '9') ++j;
      std::size_t start = i;
      while (start + 1 < j && folded[start] == '0') ++start;
      // Digits before letters, shorter numbers first: a length byte below every letter.
      key.push_back(static_cast<char>(0x10 + std::min<std::size_t>(j - start, 15)));
      key.append(folded, start, j - start);
      i = j;
      continue;
    }
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        key.push_back(static_cast<char>(c | 0x20));
      } else if (c == ' ' || c == '\x01' || c == '|' || c == '\t') {
        // citeproc-js's keys join words and name parts with "|", a symbol ICU does not
        // ignore and sorts before digits and letters: "Smith John" < "Smithers A".
        if (key.empty() || key.back() != '\x01') key.push_back('\x01');
      } else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '~') {
        key.push_back('\x02');  // symbols: kept, before digits
      }
      ++i;  // punctuation and controls are ignored
      continue;
    }
    // Non-ASCII: keep letters (their bytes); drop general punctuation (U+2000-U+206F) and
    // no-break spaces.
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const std::string_view ch(folded.data() + i, std::min(len, folded.size() - i));
    const bool punct = (ch.size() == 3 && ch[0] == '\xE2' && (ch[1] == '\x80' || ch[1] == '\x81')) ||
                       ch == "\xC2\xA0" || ch == "\xC2\xAB" || ch == "\xC2\xBB";
    if (!punct) key.append(ch);
    i += ch.size();
  }
  while (!key.empty() && key.back() == '\x01') key.pop_back();
  return key;
}

std::string Renderer::sort_value(const SortKey& key, EntryState& st) const {
  const Item& item = *st.item;
  if (key.is_macro) {
    st.sort_mode = true;
    st.key = &key;
    std::vector<Blob> out;
    Flags flags;
    render_nodes(key.macro->children, st, out, flags);
    std::string s;
    for (const auto& b : out) b.append_plain(s);
    return s;
  }
  switch (var_kind(key.var)) {
    case VarKind::name: {
      const auto* names = item.get_names(key.var);
      if (!names) return {};
      std::string s;
      for (const auto& n : *names) {
        if (!s.empty()) s += "\x01";
        s += name_sort_string(n, style_.demote_non_dropping_particle);
      }
      return s;
    }
    case VarKind::date: {
      const auto* d = item.get_date(key.var);
      return d ? date_sort_string(*d) : std::string();
    }
    default: {
      const auto* v = item.get(key.var);
      return v ? strip_rich_text(*v) : std::string();
    }
  }
}

std::vector<std::size_t> sort_order(const Renderer& renderer, const std::vector<SortKey>& keys,
                                    const std::vector<Item>& items, const std::vector<long>& citation_numbers,
                                    Context context) {
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (keys.empty()) return order;
  // One collation key per item and sort key, computed once.
  std::vector<std::vector<std::string>> values(items.size(), std::vector<std::string>(keys.size()));
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const auto& key = keys[k];
      if (!key.is_macro && key.var == Var::citation_number) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%ld", citation_numbers[i]);
        values[i][k] = collation_key(buf);
        continue;
      }
      EntryState st;
      st.item = &items[i];
      st.context = context;
      values[i][k] = collation_key(renderer.sort_value(key, st));
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const auto& va = values[a][k];
      const auto& vb = values[b][k];
      if (va == vb) continue;
      // Missing values last, whatever the direction.
      if (va.empty()) return false;
      if (vb.empty()) return true;
      return keys[k].descending ? vb < va : va < vb;
    }
    return false;
  });
  return order;
}

}  // namespace litrev::csl
