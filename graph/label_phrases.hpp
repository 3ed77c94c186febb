#pragma once
// The candidate phrases of a text, from which cluster labels are chosen: runs of one to three
// content words not crossing punctuation or stop words (see label_words.hpp), two of them
// possibly joined by "of" / "de" ("sociology of science", "sociologie de l'action publique"):
// noun phrases, approximately, without a part-of-speech tagger.

#include <string>
#include <string_view>
#include <vector>

namespace litrev {

struct Phrase {
  // What occurrences are counted by: folded (no case, no accents), hyphens and apostrophes
  // dropped, regular plurals made singular, "du"/"des"/"d'" read as "de", articles left out:
  // "Co-citation networks" -> "cocitation network", "réseaux d'acteurs" -> "reseau de acteur".
  std::string key;
  // As shown: lower case with the accents kept, words with inner capitals kept ("ChatGPT",
  // "AI"): "sociologie de l'action publique", "generative AI".
  std::string surface;
};

// Phrases of 1..max_words words, in text order, repeats included. A phrase of one word holds a
// content word, not a weak one; no phrase starts or ends with a linker or ends with an English
// past participle ("technologies used"). A text mostly in capitals ("THE IRON CAGE") is read as
// lower case, so that its words are not taken for acronyms.
std::vector<Phrase> extract_phrases(std::string_view text, std::size_t max_words = 3);

// The counting key of one folded word: "studies" -> "study", "reseaux" -> "reseau",
// "co-citation" -> "cocitation", "lotka's" -> "lotka".
std::string word_key(std::string_view folded_word);

// The abstract without its publisher's notice ("(C) 2016 Elsevier Ltd. All rights reserved.",
// "© 2005 by The Haworth Press"), whose words would name clusters by publisher.
std::string_view without_publisher_notice(std::string_view abstract);

}  // namespace litrev
