#include "src/csl/text_case.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>

#include "src/core/text.hpp"

namespace litrev::csl {
namespace {

// CSL's title-case stop words as citeproc-js applies them (its list; only the one-word
// entries can ever match, since words are split on spaces first).
constexpr std::string_view kStopWords[] = {
    "about", "above", "across", "afore", "after", "against", "al", "along", "alongside", "amid", "amidst",
    "among", "amongst", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at", "athwart",
    "atop", "barring", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond",
    "but", "by", "circa", "despite", "down", "during", "et", "except", "for", "forenenst", "from", "given",
    "in", "inside", "into", "lest", "like", "modulo", "near", "next", "notwithstanding", "of", "off", "on",
    "onto", "out", "over", "per", "plus", "pro", "qua", "sans", "since", "than", "through", "throughout",
    "thruout", "till", "to", "toward", "towards", "under", "underneath", "until", "unto", "up", "upon",
    "versus", "vs", "v", "via", "vis-à-vis", "with", "within", "without", "or", "yet", "so", "and", "nor",
    "a", "an", "the", "de", "d'", "von", "van", "c", "ca"};

bool is_stop_word(const std::u32string& lower_word) {
  std::string utf8;
  for (char32_t c : lower_word) append_utf8(utf8, c);
  return std::find(std::begin(kStopWords), std::end(kStopWords), utf8) != std::end(kStopWords);
}

bool is_space(char32_t c) {
  return c == U' ' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x205F || c == 0x3000;
}

bool is_tag_char(char32_t c) {
  switch (c) {
    case U'\u2018': case U'\u2019': case U'\u201C': case U'\u201D': case U'"': case U'\'': case U'-':
    case U'\u2013': case U'\u2014': case U'/': case U'.': case U',': case U';': case U'?': case U'!':
    case U':': case U'[': case U']': case U'(': case U')':
      return true;
    default:
      return false;
  }
}

char32_t lower(char32_t c) { return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))); }
char32_t upper(char32_t c) { return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))); }

struct Token {
  std::size_t begin, end;  // [begin, end) in the code points
};

class CaseEngine {
 public:
  CaseEngine(TextCase tc, std::u32string& cps, const std::vector<bool>& protect) : tc_(tc), cps_(cps), protect_(protect) {}

  void run() {
    split();
    if (!strings_.empty() && has_content(strings_[0]) && !protected_string(0)) transform(0);
    for (std::size_t i = 0; i < tags_.size(); ++i) {
      const auto& tag = tags_[i];
      if (tag.end > tag.begin) {
        const char32_t last = cps_[tag.end - 1];
        if (last == U'!' || last == U'?' || last == U':') after_punct_ = true;
      }
      const bool content = has_content(strings_[i + 1]);
      if (!protected_string(i + 1)) transform(i + 1);
      else if (content) last_word_.reset();
      if (content) {
        first_ = false;
        after_punct_ = false;
      }
    }
    if (tc_ == TextCase::title && last_word_) {
      const auto [b, e] = *last_word_;
      if (e - b > 1) {
        std::u32string lw;
        for (auto k = b; k < e; ++k) lw.push_back(lower(cps_[k]));
        if (is_stop_word(lw)) capitalise(b, e);
      }
    }
  }

 private:
  bool has_content(const Token& t) const {
    for (auto k = t.begin; k < t.end; ++k)
      if (!is_space(cps_[k])) return true;
    return false;
  }
  bool protected_string(std::size_t i) const {
    const auto& t = strings_[i];
    return t.begin < t.end && protect_[t.begin];
  }

  // Tags: the punctuation citeproc-js splits on, and every change between protected and
  // unprotected text. A straight apostrophe followed by text is part of the word ("l'action").
  void split() {
    const auto n = cps_.size();
    std::size_t start = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const bool boundary = (k == 0 && protect_[0]) || (k > 0 && protect_[k] != protect_[k - 1]);
      if (boundary) {
        strings_.push_back({start, k});
        tags_.push_back({k, k});
        start = k;
      }
      if (is_tag_char(cps_[k])) {
        if (cps_[k] == U'\'' && k + 1 < n && !is_tag_char(cps_[k + 1]) && protect_[k + 1] == protect_[k]) continue;
        strings_.push_back({start, k});
        tags_.push_back({k, k + 1});
        start = k + 1;
      }
    }
    strings_.push_back({start, n});
  }

  void capitalise(std::size_t b, std::size_t e) {
    std::size_t k = b;
    while (k < e && is_space(cps_[k])) ++k;
    if (k >= e) return;
    // A lone Greek letter stays as it is (a variable name in a science title).
    const bool greek = cps_[k] >= 0x370 && cps_[k] <= 0x3FF && k + 1 == e;
    if (!greek) cps_[k] = upper(cps_[k]);
  }

  bool is_lower_word(std::size_t b, std::size_t e) const {
    for (auto k = b; k < e; ++k)
      if (lower(cps_[k]) != cps_[k]) return false;
    return true;
  }

  // Words of string i: separated by spaces (sentence, lower/upper case: only U+0020).
  std::vector<Token> words(std::size_t i, bool only_ascii_space) const {
    std::vector<Token> out;
    const auto& t = strings_[i];
    std::size_t start = t.begin;
    for (auto k = t.begin; k < t.end; ++k) {
      const bool sp = only_ascii_space ? cps_[k] == U' ' : is_space(cps_[k]);
      if (sp) {
        out.push_back({start, k});
        start = k + 1;
      }
    }
    out.push_back({start, t.end});
    return out;
  }

  void transform(std::size_t i) {
    const auto& s = strings_[i];
    switch (tc_) {
      case TextCase::lowercase:
      case TextCase::uppercase:
        for (auto k = s.begin; k < s.end; ++k) cps_[k] = tc_ == TextCase::lowercase ? lower(cps_[k]) : upper(cps_[k]);
        return;
      case TextCase::sentence:
        for (const auto& w : words(i, true)) {
          if (w.end == w.begin) continue;
          if (first_) {
            capitalise(w.begin, w.end);
            first_ = false;
          } else {
            for (auto k = w.begin; k < w.end; ++k) cps_[k] = lower(cps_[k]);
          }
        }
        return;
      case TextCase::capitalize_first:
        for (const auto& w : words(i, false)) {
          if (w.end == w.begin) continue;
          if (first_) {
            if (is_lower_word(w.begin, w.end)) capitalise(w.begin, w.end);
            first_ = false;
          }
          break;
        }
        return;
      case TextCase::capitalize_all:
        for (const auto& w : words(i, false))
          if (w.end > w.begin && is_lower_word(w.begin, w.end)) capitalise(w.begin, w.end);
        return;
      case TextCase::title:
        title(i);
        return;
      case TextCase::none:
        return;
    }
  }

  void title(std::size_t i) {
    if (!has_content(strings_[i])) return;
    const auto ws = words(i, false);
    // citeproc-js looks at the following hyphen for the first string only (it passes the
    // wrong argument for the others); its output is what styles are checked against.
    const bool hyphen_follows =
        i == 0 && !tags_.empty() && tags_[0].end == tags_[0].begin + 1 && cps_[tags_[0].begin] == U'-';
    for (std::size_t j = 0; j < ws.size(); ++j) {
      const auto& w = ws[j];
      if (w.end == w.begin) continue;
      std::u32string lw;
      for (auto k = w.begin; k < w.end; ++k) lw.push_back(lower(cps_[k]));
      bool cap = false;
      if (w.end - w.begin > 1 && !is_stop_word(lw)) cap = true;
      else if (j + 1 == ws.size() && hyphen_follows) cap = true;
      else if (first_ || after_punct_) cap = true;
      if (cap && is_lower_word(w.begin, w.end)) capitalise(w.begin, w.end);
      after_punct_ = false;
      first_ = false;
      last_word_ = std::make_pair(w.begin, w.end);
    }
  }

  TextCase tc_;
  std::u32string& cps_;
  const std::vector<bool>& protect_;
  std::vector<Token> strings_, tags_;
  bool first_ = true;
  bool after_punct_ = false;
  std::optional<std::pair<std::size_t, std::size_t>> last_word_;
};

void decode(const std::string& s, std::u32string& out) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t remaining = static_cast<utf8proc_ssize_t>(s.size());
  while (remaining > 0) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p, remaining, &cp);
    if (n <= 0) {  // invalid byte: keep it as U+FFFD's neighbour, one byte at a time
      cp = static_cast<unsigned char>(*p);
      n = 1;
    }
    out.push_back(static_cast<char32_t>(cp));
    p += n;
    remaining -= n;
  }
}

}  // namespace

void apply_text_case(TextCase text_case, const std::vector<CaseSegment>& segments) {
  if (text_case == TextCase::none || segments.empty()) return;
  std::u32string cps;
  std::vector<bool> protect;
  std::vector<std::size_t> ends;
  for (const auto& seg : segments) {
    decode(*seg.text, cps);
    protect.resize(cps.size(), seg.protect);
    ends.push_back(cps.size());
  }
  if (cps.empty()) return;
  CaseEngine(text_case, cps, protect).run();
  std::size_t begin = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (!segments[i].protect) {
      std::string out;
      for (auto k = begin; k < ends[i]; ++k) append_utf8(out, cps[k]);
      *segments[i].text = std::move(out);
    }
    begin = ends[i];
  }
}

std::string text_cased(TextCase text_case, std::string text) {
  apply_text_case(text_case, {{&text, false}});
  return text;
}

}  // namespace litrev::csl
