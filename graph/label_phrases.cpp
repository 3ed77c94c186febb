#include "graph/label_phrases.hpp"

#include <algorithm>
#include <array>

#include "graph/label_words.hpp"
#include "src/core/text.hpp"

namespace litrev {

namespace {

// French elided words: "l'" and "d'" act as article and linker, the others are pronouns and
// conjunctions.
constexpr std::array<std::string_view, 13> kElided = {"l",  "d",     "j",      "m",      "n",      "s",     "t",
                                                      "c",  "qu",    "jusqu",  "lorsqu", "puisqu", "quoiqu"};

struct Item {
  std::string key;
  std::string surface;
  WordRole role = WordRole::stop;
  bool participle = false;
  bool break_before = false;  // punctuation between this item and the previous one
};

bool is_word_role(WordRole r) { return r == WordRole::content || r == WordRole::weak; }

// Replaces typographic apostrophes by ASCII ones (fold keeps them).
std::string ascii_apostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u2019") == 0 || s.compare(i, 2, "\u02BC") == 0) {
      out.push_back('\'');
      i += s.compare(i, 3, "\u2019") == 0 ? 2 : 1;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Hyphens and apostrophes dropped: "co-citation" -> "cocitation".
std::string joined_word(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '-' && c != '\'') out.push_back(c);
  return out;
}

bool has_ascii_lower(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
bool has_ascii_upper(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Mostly capitals: a WoS title of the 1990s, not a sentence with acronyms.
bool shouting(const std::vector<TextWord>& words) {
  std::size_t caps = 0, lettered = 0;
  for (const auto& w : words) {
    if (!has_ascii_upper(w.text) && !has_ascii_lower(w.text)) continue;
    ++lettered;
    if (!has_ascii_lower(w.text)) ++caps;
  }
  return lettered >= 3 && caps * 10 >= lettered * 6;
}

// One word as written -> its items (two when a French elision is split off).
void add_items(std::string_view written, bool break_before, bool loud, std::vector<Item>& items) {
  std::string original = ascii_apostrophes(written);
  std::string folded = fold(original);
  if (const auto apostrophe = folded.find('\''); apostrophe != std::string::npos) {
    const std::string_view before = std::string_view(folded).substr(0, apostrophe);
    const auto cut = original.find('\'');
    if (std::find(kElided.begin(), kElided.end(), before) != kElided.end()) {
      Item elided;
      elided.key = before == "d" ? "de" : std::string(before);
      elided.surface = lowercase(original.substr(0, cut + 1));
      elided.role = before == "d" ? WordRole::linker : before == "l" ? WordRole::article : WordRole::stop;
      elided.break_before = break_before;
      items.push_back(std::move(elided));
      original = original.substr(cut + 1);
      folded = folded.substr(apostrophe + 1);
      break_before = false;
    } else if (folded.substr(apostrophe + 1) == "s") {  // English possessive: "Lotka's law"
      folded = std::string(before);
    }
  }
  const std::string bare = joined_word(folded);
  // "AI", "CSR", "ChatGPT", "OpenAI": capitals after the first letter, in a text that is not
  // all capitals.
  const bool inner_capitals = !loud && original.size() > 1 && has_ascii_upper(original.substr(1));
  const bool acronym = inner_capitals && !has_ascii_lower(original);
  Item item;
  item.role = word_role(bare, acronym);
  item.participle = is_participle(bare);
  item.key = word_key(bare);
  if (item.role == WordRole::linker) item.key = item.key == "of" ? "of" : "de";
  item.surface = inner_capitals ? original : lowercase(original);
  item.break_before = break_before;
  items.push_back(std::move(item));
}

}  // namespace

std::string word_key(std::string_view w) {
  std::string k = joined_word(w);
  auto strip = [&](std::size_t n, std::string_view add = {}) { k = k.substr(0, k.size() - n) + std::string(add); };
  if (k.size() > 4 && k.ends_with("ies")) strip(3, "y");
  else if (k.size() > 5 && k.ends_with("eaux")) strip(1);
  else if (k.size() > 4 && (k.ends_with("sses") || k.ends_with("xes") || k.ends_with("ches") || k.ends_with("shes"))) strip(2);
  else if (k.size() > 3 && k.ends_with('s') && !k.ends_with("ss") && !k.ends_with("us") && !k.ends_with("is") &&
           k != "news") strip(1);
  return k;
}

std::vector<Phrase> extract_phrases(std::string_view text, std::size_t max_words) {
  const std::vector<TextWord> words = text_words(text);
  const bool loud = shouting(words);
  std::vector<Item> items;
  items.reserve(words.size());
  for (const auto& w : words) add_items(w.text, w.after_punctuation, loud, items);

  std::vector<Phrase> phrases;
  const std::size_t n = items.size();
  for (std::size_t start = 0; start < n; ++start) {
    if (!is_word_role(items[start].role)) continue;
    std::size_t count = 0;  // content and weak words so far
    bool linked = false;
    Phrase p;
    for (std::size_t j = start; j < n; ++j) {
      const Item& it = items[j];
      if (j > start && it.break_before) break;
      if (it.role == WordRole::linker) {
        // One linker per phrase, between two words (an article may follow it).
        if (linked || j + 1 >= n) break;
        std::size_t next = j + 1;
        if (items[next].role == WordRole::article && !items[next].break_before) ++next;
        if (next >= n || !is_word_role(items[next].role) || items[next].break_before) break;
        linked = true;
        p.key += " " + it.key;
        p.surface += " " + it.surface;
        if (next == j + 2) {
          p.surface += " " + items[j + 1].surface;
          j = j + 1;
        }
        continue;
      }
      if (!is_word_role(it.role)) break;
      if (++count > max_words) break;
      if (!p.key.empty()) p.key += ' ';
      p.key += it.key;
      // No space after an elided article or linker: "d'entreprise", "l'action".
      if (!p.surface.empty() && !p.surface.ends_with('\'')) p.surface += ' ';
      p.surface += it.surface;
      // A broad word names a subject only with another: "social media", "big data".
      if ((count > 1 || it.role == WordRole::content) && !it.participle) phrases.push_back(p);
    }
  }
  return phrases;
}

std::string_view without_publisher_notice(std::string_view abstract) {
  std::size_t cut = abstract.size();
  auto earliest = [&](std::string_view marker, bool from_sentence_start) {
    const auto at = abstract.find(marker);
    if (at == std::string_view::npos) return;
    std::size_t from = at;
    if (from_sentence_start) {
      const auto stop = abstract.rfind(". ", at);
      from = stop == std::string_view::npos ? 0 : stop + 1;
    }
    cut = std::min(cut, from);
  };
  for (std::string_view m : {"\u00A9", "(C) 1", "(C) 2", "(c) 1", "(c) 2", "Copyright (C)", "Copyright (c)",
                             "Copyright 1", "Copyright 2", "COPYRIGHT"}) {
    earliest(m, false);
  }
  for (std::string_view m : {"All rights reserved", "all rights reserved", "Published by "}) earliest(m, true);
  return abstract.substr(0, cut);
}

}  // namespace litrev
