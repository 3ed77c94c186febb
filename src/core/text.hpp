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

// Where the words of s stand, unfolded: byte ranges of the maximal runs of letters, digits and
// combining marks, the way SQLite's unicode61 tokenizer cuts text. Invalid bytes separate words.
struct WordSpan {
  std::size_t begin = 0, end = 0;
};
std::vector<WordSpan> word_spans(std::string_view s);

// Text for people on a terminal: C0 controls other than tab and newline, DEL and the C1
// controls U+0080..U+009F become U+FFFD, so a title read from a file or an API cannot move the
// cursor, recolour the terminal or retitle its window. Everything else passes byte for byte
// (invalid UTF-8 too: a lone byte 0x80..0x9F is no control to a UTF-8 terminal).
// feed() may be called with any split of the text, even inside a UTF-8 sequence.
class ControlCharFilter {
 public:
  void feed(std::string_view in, std::string& out);
  // Flushes a byte held back at the end of the text.
  void finish(std::string& out);

 private:
  bool pending_c2_ = false;  // a 0xC2 lead byte whose continuation decides
};
std::string printable_text(std::string_view s);

}  // namespace litrev
