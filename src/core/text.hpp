#pragma once
// Unicode-aware text helpers shared by importers, the store's dedup and the graph's labels.

#include <string>
#include <string_view>
#include <vector>

namespace litrev {

std::string ascii_lower(std::string_view s);
std::string ascii_upper(std::string_view s);
std::string_view trim(std::string_view s);
// Collapses runs of ASCII whitespace into one space and trims.
std::string collapse_spaces(std::string_view s);

// Length of the longest valid UTF-8 prefix of s (== s.size() when s is valid UTF-8).
std::size_t valid_utf8_prefix(std::string_view s);
inline bool is_valid_utf8(std::string_view s) { return valid_utf8_prefix(s) == s.size(); }
// Appends the UTF-8 encoding of code point cp to out.
void append_utf8(std::string& out, char32_t cp);
// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
std::string cp1252_to_utf8(std::string_view s);

// NFC normalization (utf8proc); invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view s);
// Case-folded, accents stripped (NFKD minus combining marks), NFC: "Écoles" -> "ecoles".
std::string fold(std::string_view s);

// Key for comparing titles: folded, every run of non-alphanumeric characters a single space,
// trimmed. "The Iron Cage Revisited: Institutional..." -> "the iron cage revisited institutional"
std::string normalized_title(std::string_view title);

// Words of a folded text (letters and digits only), for similarity and labels.
std::vector<std::string> words(std::string_view s);

// Lower case with accents kept (NFC): "Économie Sociale" -> "économie sociale".
std::string lowercase(std::string_view s);

// The words of a running text as written (NFC), for finding phrases in it: runs of letters,
// digits and combining marks, keeping a hyphen or apostrophe between two of them
// ("co-citation", "l'action", "Lotka's"). `after_punctuation`: something other than spaces
// (a comma, a parenthesis, a dash...) stands between this word and the previous one.
struct TextWord {
  std::string text;
  bool after_punctuation = false;
};
std::vector<TextWord> text_words(std::string_view s);

}  // namespace litrev
