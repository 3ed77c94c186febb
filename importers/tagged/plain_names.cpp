#include "importers/tagged/plain_names.hpp"

#include <vector>

#include "src/core/text.hpp"

namespace litrev::tagged {
namespace {

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    std::size_t end = i;
    while (end < s.size() && s[end] != ' ' && s[end] != '\t' && s[end] != '\n') ++end;
    if (end > i) out.push_back(s.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// "van der Berg" -> particle "van der", family "Berg": the leading lower-case words, never the
// last one.
void set_family(Person& p, std::string_view family) {
  const auto words = words_of(family);
  std::size_t particles = 0;
  while (particles + 1 < words.size() && words[particles].front() >= 'a' && words[particles].front() <= 'z')
    ++particles;
  p.particle = join(words, 0, particles);
  p.family = join(words, particles, words.size());
}

// "W.W.", "J.-P.", "A.T.": a word of capitals, each followed by a period (hyphens between).
bool is_initials(std::string_view w) {
  bool letter = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == '.' || c == '-') continue;
    // A letter (ASCII capital or any non-ASCII byte of one) must be followed by a period.
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0xC0) {
      std::size_t next = i + 1;
      while (next < w.size() && (static_cast<unsigned char>(w[next]) & 0xC0) == 0x80) ++next;
      if (next >= w.size() || w[next] != '.') return false;
      letter = true;
      i = next;
      continue;
    }
    return false;
  }
  return letter;
}

}  // namespace

std::optional<Person> plain_name(std::string_view value) {
  const std::string text = collapse_spaces(value);
  if (text.empty()) return std::nullopt;
  Person p;
  const auto comma = text.find(',');
  if (comma == std::string::npos) {
    p.literal = text;
    return p;
  }
  set_family(p, trim(std::string_view(text).substr(0, comma)));
  std::string_view rest = trim(std::string_view(text).substr(comma + 1));
  if (const auto second = rest.find(','); second != std::string_view::npos) {
    p.suffix = std::string(trim(rest.substr(second + 1)));
    rest = trim(rest.substr(0, second));
  }
  p.given = std::string(rest);
  if (p.family.empty()) {  // ", Jane": nothing to call a family name
    p.literal = text;
    p.particle.clear();
    p.given.clear();
    p.suffix.clear();
  }
  return p;
}

std::optional<Person> family_initials_name(std::string_view value) {
  const std::string text = collapse_spaces(value);
  if (text.empty()) return std::nullopt;
  if (text.find(',') != std::string::npos) return plain_name(text);
  const auto words = words_of(text);
  std::size_t first_initial = words.size();
  while (first_initial > 1 && is_initials(words[first_initial - 1])) --first_initial;
  Person p;
  if (first_initial == words.size()) {
    p.literal = text;
    return p;
  }
  set_family(p, join(words, 0, first_initial));
  p.given = join(words, first_initial, words.size());
  return p;
}

}  // namespace litrev::tagged
