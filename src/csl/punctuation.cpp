#include "src/csl/punctuation.hpp"

#include <optional>
#include <string_view>

namespace litrev::csl {
namespace {

// One UTF-8 character at either end of a string ("" when empty).
std::string_view last_char(const std::string& s) {
  if (s.empty()) return {};
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return std::string_view(s).substr(i);
}
std::string_view first_char(const std::string& s) {
  if (s.empty()) return {};
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return std::string_view(s).substr(0, n);
}
void drop_last(std::string& s) { s.resize(s.size() - last_char(s).size()); }
void drop_first(std::string& s) { s.erase(0, first_char(s).size()); }

bool is_punct(std::string_view c) {
  return c.size() == 1 && (c[0] == '!' || c[0] == '?' || c[0] == '.' || c[0] == ':' || c[0] == ',' || c[0] == ';');
}
bool is_punct_or_space(std::string_view c) { return is_punct(c) || c == " " || c == "\u00A0"; }
// Characters that move inside closing quotes (punctuation-in-quote: . , ! ?) / out of them
// (otherwise: only , ; : -- a "?" or "." that ends the quoted title stays inside).
bool swaps_in(std::string_view c) { return is_punct(c) && c != ";" && c != ":"; }
bool swaps_out(std::string_view c) { return c == "," || c == ";" || c == ":"; }

// What two punctuation marks meeting become ("?" + "." -> "?"), or nothing when the pair is
// not in the table (the marks then just move next to each other).
std::optional<std::string_view> merged(std::string_view left, std::string_view right) {
  if (!is_punct(left) || !is_punct(right) || left == right) return std::nullopt;
  const char l = left[0], r = right[0];
  switch (l) {
    case '!':
      return r == '.' || r == ':' ? "!" : (r == '?' ? "!?" : (r == ',' ? "!," : "!;"));
    case '?':
      return r == '.' || r == ':' ? "?" : (r == '!' ? "?!" : (r == ',' ? "?," : "?;"));
    case '.':
      return r == '!' ? ".!" : (r == '?' ? ".?" : (r == ':' ? ".:" : (r == ',' ? ".," : ".;")));
    case ':':
      return r == '!' ? "!" : (r == '?' ? "?" : (r == '.' ? ":" : (r == ',' ? ":," : ":;")));
    case ',':
      return r == '!' ? ",!" : (r == '?' ? ",?" : (r == ':' ? ",:" : (r == '.' ? ",." : ",;")));
    case ';':
      return r == '!' ? "!" : (r == '?' ? "?" : (r == ':' ? ";" : (r == ',' ? ";," : ";")));
  }
  return std::nullopt;
}

// The end of `first` meets the start of `second`. merge_right: the result goes to second.
void merge_chars(std::string& first, std::string& second, bool merge_right) {
  const std::string fc(last_char(first));
  const std::string sc(first_char(second));
  if (fc == sc) {
    if (merge_right) drop_last(first);
    else drop_first(second);
    return;
  }
  if (merge_right) {
    if (!is_punct(fc)) return;
    drop_last(first);
    if (const auto m = merged(fc, sc)) {
      drop_first(second);
      second.insert(0, *m);
    } else {
      second.insert(0, fc);
    }
  } else {
    if (!is_punct(sc)) return;
    drop_first(second);
    if (const auto m = merged(fc, sc)) {
      drop_last(first);
      first += *m;
    } else {
      first += sc;
    }
  }
}

bool is_number_blob(const Blob& b) { return b.number || (!b.leaf && b.children.size() == 1 && b.children[0].number); }

bool ends_in_number(const Blob& b) {
  if (b.number) return true;
  return !b.leaf && !b.children.empty() && ends_in_number(b.children.back());
}

bool has_descendant_quotes(const Blob& b) {
  if (b.quotes) return true;
  return !b.leaf && !b.children.empty() && has_descendant_quotes(b.children.back());
}

bool has_descendant_merging_punctuation(std::string_view parent_char, const Blob& b) {
  std::string_view child_char = last_char(b.suffix);
  if (child_char.empty() && b.leaf) child_char = last_char(b.text);
  if (const auto m = merged(child_char, parent_char); m && m->size() == 1) return true;
  if (b.leaf || b.children.empty()) return false;
  return has_descendant_merging_punctuation(parent_char, b.children.back());
}

bool match_last_char(const Blob& b, std::string_view c) {
  if (!is_punct(c)) return false;
  if (b.leaf) return last_char(b.text) == c;
  if (b.children.empty()) return false;
  const auto& child = b.children.back();
  if (child.suffix.empty()) return match_last_char(child, c);
  return last_char(child.suffix) == c;
}

void upward(Blob& parent) {
  if (parent.leaf) {
    if (is_punct(first_char(parent.suffix)) && first_char(parent.suffix) == last_char(parent.text))
      drop_first(parent.suffix);
    return;
  }
  if (parent.children.empty()) return;
  const bool parent_decorated = parent.has_decorations(true);
  for (std::size_t k = parent.children.size(); k-- > 0;) {
    upward(parent.children[k]);
    auto& child = parent.children[k];
    if (k == 0) {
      if (last_char(parent.prefix) == " " && first_char(child.prefix) == " ") drop_first(child.prefix);
      const std::string c(first_char(child.prefix));
      if (!parent_decorated && is_punct_or_space(c) && parent.prefix.empty()) {
        parent.prefix += c;
        drop_first(child.prefix);
      }
    }
    if (k + 1 == parent.children.size()) {
      if (!parent_decorated && last_char(child.suffix) == " ") {
        if (first_char(parent.suffix) != " ") parent.suffix.insert(0, " ");
        drop_last(child.suffix);
      }
    }
    if (!parent.delimiter.empty() && k > 0) {
      const auto d = last_char(parent.delimiter);
      if (is_punct_or_space(d) && d == first_char(child.prefix)) drop_first(child.prefix);
    }
  }
}

void leftward(Blob& parent) {
  if (parent.leaf || parent.children.empty()) return;
  for (std::size_t k = parent.children.size(); k-- > 0;) {
    leftward(parent.children[k]);
    if (k + 1 < parent.children.size() && parent.delimiter.empty()) {
      auto& child = parent.children[k];
      auto& sibling = parent.children[k + 1];
      const std::string sibling_char(first_char(sibling.prefix));
      const bool decorated = child.has_decorations(false) || sibling.has_decorations(false);
      if (!decorated && is_punct(sibling_char)) {
        const bool suffix_match = sibling_char == last_char(child.suffix);
        const bool field_match = child.suffix.empty() && child.leaf && last_char(child.text) == sibling_char;
        if (!suffix_match && !field_match) merge_chars(child.suffix, sibling.prefix, false);
        else drop_first(sibling.prefix);
      }
    }
  }
}

void downward(Blob& parent, bool punct_in_quote) {
  if (parent.leaf) {
    if (is_punct(first_char(parent.suffix)) && first_char(parent.suffix) == last_char(parent.text))
      drop_first(parent.suffix);
    return;
  }
  if (parent.children.empty()) return;
  // A delimiter's leading punctuation belongs to the end of each child but the last.
  if (!parent.delimiter.empty() && is_punct(first_char(parent.delimiter))) {
    const std::string d(first_char(parent.delimiter));
    for (std::size_t k = 0; k + 1 < parent.children.size(); ++k) {
      auto& s = parent.children[k].suffix;
      if (last_char(s) != d) s += d;
    }
    drop_first(parent.delimiter);
  }
  for (std::size_t k = parent.children.size(); k-- > 0;) {
    auto& child = parent.children[k];
    const bool child_decorated = child.has_decorations(true);
    const bool child_number = is_number_blob(child);
    if (k + 1 == parent.children.size()) {
      const std::string parent_char(first_char(parent.suffix));
      bool allow = false;
      if (is_punct(parent_char)) {
        allow = has_descendant_merging_punctuation(parent_char, child);
        if (!allow && punct_in_quote) allow = has_descendant_quotes(child);
      }
      if (allow && !ends_in_number(child)) {
        merge_chars(child.leaf ? child.text : child.suffix, parent.suffix, false);
        if (first_char(parent.suffix) == ".") {
          child.suffix += ".";
          drop_first(parent.suffix);
        }
      }
      if (last_char(child.suffix) == " " && first_char(parent.suffix) == " ") drop_first(parent.suffix);
      if (is_punct_or_space(first_char(child.suffix))) {
        if (child.leaf && last_char(child.text) == first_char(child.suffix)) drop_first(child.suffix);
        // citeproc-js removes the parent suffix's last character here (sic).
        if (!parent.suffix.empty() && last_char(child.suffix) == first_char(parent.suffix)) drop_last(parent.suffix);
      }
      if (match_last_char(parent, first_char(parent.suffix))) drop_first(parent.suffix);
    } else if (!parent.delimiter.empty()) {
      const auto d = first_char(parent.delimiter);
      if (is_punct_or_space(d) && d == last_char(child.suffix)) drop_last(child.suffix);
    } else {
      auto& sibling = parent.children[k + 1];
      const auto c = last_char(child.suffix);
      if (!child_number && !child_decorated && is_punct_or_space(c) && c == first_char(sibling.prefix))
        drop_first(sibling.prefix);
    }
    // A field ending in punctuation absorbs the same or weaker punctuation of its suffix.
    if (!child_number && !child_decorated && is_punct(first_char(child.suffix)) && child.leaf)
      merge_chars(child.text, child.suffix, false);
    downward(child, punct_in_quote);
  }
}

void swap_to_the_left(Blob& child) {
  // Bounded: each merge removes a character from the suffix.
  while (swaps_in(first_char(child.suffix))) {
    const auto before = child.suffix.size();
    if (child.leaf) merge_chars(child.text, child.suffix, false);
    else if (!child.children.empty()) merge_chars(child.children.back().suffix, child.suffix, false);
    else break;
    if (child.suffix.size() >= before) break;
  }
}

void swap_to_the_right(Blob& child) {
  if (child.leaf) {
    while (swaps_out(last_char(child.text))) {
      const auto before = child.text.size();
      merge_chars(child.text, child.suffix, true);
      if (child.text.size() >= before) break;
    }
  } else if (!child.children.empty()) {
    auto& last = child.children.back();
    while (swaps_out(last_char(last.suffix))) {
      const auto before = last.suffix.size();
      merge_chars(last.suffix, child.suffix, true);
      if (last.suffix.size() >= before) break;
    }
  }
}

void fix(Blob& parent, bool punct_in_quote) {
  if (parent.leaf) return;
  for (auto& child : parent.children) {
    if (child.quotes) {
      if (punct_in_quote) swap_to_the_left(child);
      else swap_to_the_right(child);
    }
    fix(child, punct_in_quote);
  }
}

}  // namespace

void settle_punctuation(Blob& root, bool punctuation_in_quote) {
  upward(root);
  leftward(root);
  downward(root, punctuation_in_quote);
  fix(root, punctuation_in_quote);
}

}  // namespace litrev::csl
