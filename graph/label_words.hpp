#pragma once
// What each word may do in a cluster label, from English and French word lists (data in
// label_words.cpp). Words are looked up folded (no case, no accents: core/text.hpp fold()).

#include <string_view>

namespace litrev {

enum class WordRole {
  content,  // may name a subject: "isomorphism", "audit", "gouvernance"
  weak,     // names a subject only with another word: "analysis" (but "network analysis"),
            // "social" (but "social media"), "actors" (but "non-state actors")
  linker,   // joins two nouns inside a phrase: "of", "de" ("sociology of science", "action de l'État")
  article,  // French article allowed right after a linker: "sociologie de la traduction"
  stop,     // never in a label, and cuts phrases: function words, academic filler
            // ("study", "results", "primarily", "provided"), publishers' notices
};

// The role of a folded word. Besides the lists: words with digits, words shorter than three
// letters (unless `acronym`: "AI", "EU") and English "-ly" adverbs ("highly", "primarily") are
// stop words; English adjectives in -able/-ible are weak.
WordRole word_role(std::string_view folded_word, bool acronym = false);

// Words that are no part of a subject: stop words, linkers and articles.
bool is_stop_word(std::string_view folded_word);

// English past participles ("followed", "provided", "related") qualify a noun that comes after
// them ("embedded agency", "grounded theory") but name nothing at the end of a phrase.
bool is_participle(std::string_view folded_word);

}  // namespace litrev
