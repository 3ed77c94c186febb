#include "graph/label_words.hpp"

#include <algorithm>
#include <span>
#include <string>
#include <unordered_map>

namespace litrev {

namespace {

// Every list is folded (lower case, no accents). A word is looked up as written, then in the
// singular (see word_role), so most lists give one form.

// Function words, English then French.
constexpr std::string_view kFunctionWords[] = {
    "a", "about", "above", "across", "after", "again", "against", "all", "along", "also", "although", "am",
    "among", "amongst", "an", "and", "another", "any", "anything", "are", "around", "as", "at", "away", "be",
    "because", "been", "before", "being", "below", "beside", "besides", "between", "beyond", "both", "but", "by",
    "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else",
    "enough", "etc", "even", "ever", "every", "everything", "few", "for", "from", "further", "furthermore", "had",
    "has", "have", "having", "he", "hence", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "however", "i", "if", "in", "indeed", "instead", "into", "is", "it", "its", "itself", "just", "least", "less",
    "like", "many", "may", "me", "might", "more", "moreover", "most", "much", "must", "my", "myself", "namely",
    "near", "neither", "no", "nor", "not", "nothing", "now", "of", "off", "on", "once", "one", "only", "onto",
    "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps",
    "rather", "same", "several", "shall", "she", "should", "since", "so", "some", "something", "still", "such",
    "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "thereby", "therefore",
    "these", "they", "this", "those", "though", "through", "throughout", "thus", "to", "together", "too",
    "toward", "towards", "under", "unlike", "until", "up", "upon", "us", "very", "via", "versus", "vs", "was",
    "we", "well", "were", "what", "whatever", "when", "where", "whereas", "whereby", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand",
    "million", "first", "second", "third", "fourth", "fifth", "last", "latter", "former",
    // French
    "afin", "ainsi", "alors", "apres", "au", "aucun", "aucune", "aujourdhui", "aupres", "auquel", "aussi",
    "autant", "autour", "autre", "autres", "aux", "avant", "avec", "avoir", "beaucoup", "bien", "car", "ce",
    "ceci", "cela", "celle", "celles", "celui", "cependant", "certain", "certaine", "certaines", "certains",
    "ces", "cet", "cette", "ceux", "chaque", "chez", "comme", "comment", "contre", "dans", "depuis", "deja",
    "dela", "desormais", "deux", "trois", "quatre", "donc", "dont", "duquel", "elle", "elles", "encore",
    "enfin", "ensuite", "entre", "est", "et", "etaient", "etait", "etant", "ete", "etre", "eux", "fait", "faire",
    "font", "ici", "il", "ils", "jamais", "je", "jusqu", "laquelle", "lequel", "lesquelles", "lesquels", "leur",
    "leurs", "lors", "lorsque", "lui", "mais", "meme", "memes", "mes", "moins", "mon", "ne", "neanmoins", "ni",
    "non", "nos", "notre", "nous", "on", "ont", "ou", "par", "parce", "parmi", "pas", "pendant", "peu", "peut",
    "peuvent", "plus", "plusieurs", "pour", "pourquoi", "pourtant", "puis", "quand", "que", "quel", "quelle",
    "quelles", "quels", "qui", "quoi", "sa", "sans", "se", "selon", "ses", "si", "sien", "soit", "son", "sont",
    "sous", "souvent", "sur", "ta", "tandis", "tant", "te", "tel", "telle", "telles", "tels", "tes", "toi", "ton",
    "toujours", "tous", "tout", "toute", "toutes", "toutefois", "tres", "tu", "un", "une", "unes", "uns", "vers",
    "voire", "vos", "votre", "vous", "premier", "premiere", "premiers", "premieres", "deuxieme", "seconde",
};

// Academic filler: the words of writing about research, not of a subject. Chosen from the
// labels of real libraries (WoS, Scopus, HAL exports) where they crowded out the subjects:
// discourse verbs, hedges, evaluative adjectives, the headings of structured abstracts and
// publishers' names (their notices are cut from abstracts: label_phrases.hpp).
constexpr std::string_view kAcademicFiller[] = {
    // English
    "abstract", "account", "accordance", "according", "achieve", "achieved", "add", "additional", "address",
    "addressed", "addressing", "adopt", "adopted", "adopting", "aim", "aimed", "aiming", "allow", "allowing", "already", "always",
    "analyse", "analysed", "analysing", "analyze", "analyzed", "analyzing", "apply", "argue", "argued", "arguing",
    "applied", "applying", "article", "aspect", "assess", "assessed", "assessing", "associated", "attention", "author", "available", "basis", "based",
    "become", "becomes", "becoming", "began", "better", "best", "book", "bring", "brings", "called", "certain",
    "chapter", "characterize", "characterized", "clear", "clearly", "come", "comes", "common", "commonly",
    "compare", "compared", "comparing", "comprehensive", "concern", "concerning", "concerned", "conclude",
    "concluded", "conclusion", "conduct", "conducted", "consider", "considered", "considering", "consist",
    "contribute", "contributes", "contribution", "crucial", "current", "currently", "demonstrate",
    "demonstrated", "describe", "described", "despite", "detail", "determine", "develop", "developed",
    "developing", "different", "differ", "discuss", "discussed", "discussing", "discussion", "due", "easily",
    "emerge", "emerged", "emerging", "employ", "employed", "enable", "enables", "ensure", "especially",
    "essential", "et", "al", "evaluate", "evaluated", "examine", "examined", "examining", "example", "existing",
    "explain", "explained", "explore", "explored", "exploring", "extent", "fact", "far", "find", "finding",
    "findings", "focus", "focused", "focusing", "follow", "followed", "following", "found", "gain", "gained",
    "get", "give", "given", "gives", "go", "goes", "going", "good", "got", "great", "greater", "grow", "growing",
    "grown", "help", "helps", "highlight", "highlighted", "identify", "identified", "identifying", "illustrate",
    "implication", "important", "importance", "include", "included", "including", "increase", "increased",
    "increasing", "indicate", "indicated", "insight", "introduce", "introduced", "introduction", "investigate",
    "investigated", "investigating", "investigation", "involve", "involved", "involving", "issue", "keep",
    "kind", "know", "known", "lack", "larger", "lead", "leading", "led", "lens", "let", "likely",
    "limitation", "little", "long", "look", "made", "main", "major", "make", "making", "mean", "means",
    "measure", "measured", "moreover", "need", "newly", "novel", "number", "numerous", "objective",
    "obtain", "obtained", "offer", "offered", "offering", "often", "originality", "outline",
    "overall", "overview", "paper", "part", "particular", "past", "perform", "performed", "place", "play",
    "plays", "point", "possible", "potential", "potentially", "present", "presented", "presenting", "previous",
    "prior", "propose", "proposed", "proposing", "prove", "provide", "provided", "providing", "purpose", "put",
    "question", "raise", "raised", "range", "recent", "recently", "regard", "regarding", "related", "relating",
    "relevant", "remain", "remains", "report", "reported", "represent", "represented", "require", "required",
    "respect", "respectively", "result", "resulting", "reveal", "revealed", "rise", "said", "say", "see",
    "seek", "seeks", "seem", "seems", "seen", "set", "show", "showed", "showing", "shown", "significant",
    "significantly", "similar", "smaller", "sort", "specific", "specifically", "start", "strong",
    "studied", "study", "studying", "suggest", "suggested", "summarize", "summary", "take", "taken", "taking",
    "term", "test", "tested", "thing", "think", "time", "today", "topic", "total", "type", "typically",
    "understand", "undertaken", "used", "useful", "using", "usually", "variety", "various", "way",
    "whole", "wide", "widely", "within", "year", "decade", "nowadays", "era", "day",
    // The verbs of titles ("Navigating...", "Harnessing...", "Unlocking...")
    "boost", "bridge", "bridging", "capture", "capturing", "create", "creating", "drive", "driving", "empower",
    "empowering", "enhance", "enhanced", "enhancing", "explain", "extract", "extracting", "evaluating",
    "facilitate", "facilitating", "foster", "fostering", "generate", "generating", "harness", "harnessing",
    "improve", "improving", "integrate", "integrating", "leverage", "leveraging", "mitigate", "mitigating",
    "navigate", "navigating", "produce", "producing", "promote", "promoting", "reshape", "reshaping",
    "rethink", "rethinking", "revisit", "revisiting", "shape", "shaping", "supporting",
    "transform", "transforming", "unlock", "unlocking", "unleash", "unleashing", "unveil",
    "unveiling", "toward", "socalled",
    // Publishers' notices and reference-string abbreviations (WoS and Scopus short forms:
    // "ACAD MANAGE REV", "AM J SOCIOL").
    "elsevier", "springer", "wiley", "emerald", "haworth", "informa",
    "routledge", "ltd", "inc", "llc", "gmbh", "publishing", "published", "publisher", "doi", "vol", "pp",
    "acad", "manage", "rev", "soc", "sci", "int", "ann", "annu", "proc", "conf", "res", "stud", "govt", "natl",
    "univ", "inst", "adm", "ieee", "acm", "arxiv",
    // French
    "analysons", "apport", "apporte", "article", "auteur", "cas", "chapitre", "contribution", "demarche",
    "differente", "differentes", "differents", "divers", "diverse", "diverses", "egalement", "enjeu", "enjeux",
    "etude", "examine", "facon", "fois", "lieu", "maniere", "mise", "montre", "montrent", "montrons",
    "notamment", "nouveau", "nouveaux", "nouvelle", "nouvelles", "nombreuse", "nombreuses", "nombreux",
    "oeuvre", "œuvre", "ouvrage", "part", "particulier", "particuliere", "partir", "permet", "permettent",
    "permettre", "place", "presente", "presentons", "principale", "principales", "principaux", "propose",
    "proposons", "resultat", "sein", "sens", "travers", "texte", "face", "aborde", "abordons",
    "interroge", "questionne", "analyser", "comprendre", "mieux",
};

// Broad words: they name a subject only together with another word.
constexpr std::string_view kWeakWords[] = {
    // English
    "activity", "actor", "age", "analysis", "analyses", "application", "approach", "area", "benefit", "big",
    "business", "challenge", "change", "company", "concept", "conceptual", "context", "country", "critical",
    "cultural", "daily", "data", "deep", "degree", "design", "development", "digital", "dimension", "domain",
    "early", "economic", "effect", "element", "empirical", "evidence", "factor", "feature", "field", "firm",
    "form", "framework", "future", "general", "global", "group", "high", "higher", "human", "impact",
    "individual", "influence", "information", "international", "knowledge", "level", "literature", "local",
    "low", "management", "method", "methodology", "model", "national", "online", "opportunity", "organization",
    "organizational", "outcome", "people", "perspective", "political", "practical", "practice", "problem",
    "process", "public", "publication", "qualitative", "quality", "quantitative", "relation", "relationship",
    "research", "researcher", "review", "role", "scholar", "scholarly", "scholarship", "sector", "social",
    "society", "strategy", "structure", "survey", "system", "systematic", "technological", "technology",
    "theme", "theoretical", "theory", "tool", "user", "value", "view", "world", "journal", "understanding",
    "interaction", "mechanism", "case", "key", "central", "collective", "state", "industry", "sample",
    "performance", "learning", "working", "person", "individuals", "emotion", "question", "status",
    "work", "use", "large", "new", "order", "small", "support",
    // French
    "analyse", "approche", "cadre", "champ", "developpement", "dispositif", "dynamique", "economique",
    "enquete", "general", "generale", "grand", "grande", "grandes", "grands", "individu", "logique", "modele",
    "objet", "outil", "perspective", "petit", "politique", "pratique", "processus", "publique", "public",
    "question", "recherche", "role", "social", "sociale", "sociaux", "societe", "systeme", "theorie", "travail",
    "acteur", "action", "entreprise", "organisation", "usage", "etat",
};

// French articles and English/French noun-joining words, inside a phrase only.
constexpr std::string_view kLinkers[] = {"of", "de", "du", "des", "d"};
constexpr std::string_view kArticles[] = {"la", "le", "les", "l"};

// Words in -ly and -ed that are nouns or adjectives, not adverbs or participles.
constexpr std::string_view kNotAdverbs[] = {
    "anomaly", "assembly", "butterfly", "comply", "daily", "early", "elderly", "family", "folly", "friendly",
    "homily", "italy", "melancholy", "monopoly", "monthly", "oligopoly", "rally", "reply", "scholarly",
    "sicily", "supply", "weekly", "yearly", "quarterly", "jolly", "belly", "bully", "holly",
};
constexpr std::string_view kNotParticiples[] = {
    "ahmed", "alfred", "bleed", "breed", "creed", "embed", "exceed", "freed", "greed", "hundred", "kindred",
    "mohammed", "naked", "proceed", "sacred", "speed", "steed", "succeed", "tweed", "wicked", "mahmoud",
};

using RoleTable = std::unordered_map<std::string_view, WordRole>;

const RoleTable& roles() {
  static const RoleTable table = [] {
    RoleTable t;
    // Later lists win: a word both weak and in a longer list keeps the most permissive role
    // given last.
    for (auto w : kFunctionWords) t[w] = WordRole::stop;
    for (auto w : kAcademicFiller) t[w] = WordRole::stop;
    for (auto w : kWeakWords) t[w] = WordRole::weak;
    for (auto w : kArticles) t[w] = WordRole::article;
    for (auto w : kLinkers) t[w] = WordRole::linker;
    return t;
  }();
  return table;
}

bool contains(std::span<const std::string_view> list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_ascii(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The singular of a regular English or French plural, for the lists only ("studies" ->
// "study", "actors" -> "actor", "enjeux" stays: listed).
std::string list_singular(std::string_view w) {
  if (w.size() > 4 && w.ends_with("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) {
    return std::string(w.substr(0, w.size() - 1));
  }
  return std::string(w);
}

}  // namespace

WordRole word_role(std::string_view w, bool acronym) {
  if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return WordRole::stop;
  const auto& table = roles();
  if (auto it = table.find(w); it != table.end()) return it->second;
  const std::string singular = list_singular(w);
  if (singular != w) {
    if (auto it = table.find(singular); it != table.end()) return it->second;
  }
  // Counted in code points: "é" is two bytes.
  const auto letters = std::count_if(w.begin(), w.end(), [](char c) { return (c & 0xC0) != 0x80; });
  if (letters < 3 && !acronym) return WordRole::stop;
  if (w.size() >= 5 && w.ends_with("ly") && is_ascii(w) && !contains(kNotAdverbs, w)) return WordRole::stop;
  // Adjectives in -able/-ible qualify a subject ("responsible AI", "explainable AI",
  // "sustainable development") but name none alone ("valuable", "reliable").
  if (w.size() >= 6 && (w.ends_with("able") || w.ends_with("ible")) && is_ascii(w)) return WordRole::weak;
  return WordRole::content;
}

bool is_stop_word(std::string_view folded_word) {
  const WordRole role = word_role(folded_word);
  return role != WordRole::content && role != WordRole::weak;
}

bool is_participle(std::string_view w) {
  return w.size() >= 5 && w.ends_with("ed") && is_ascii(w) && !contains(kNotParticiples, w) &&
         !w.ends_with("eed");
}

}  // namespace litrev
