#include "graph/cluster_terms.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "src/core/cancellation.hpp"
#include "src/core/text.hpp"

namespace litrev {

namespace {

// Folded forms (no accents): what words() produces.
constexpr std::string_view kStopWords[] = {
    // English
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "among", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "either", "else", "even", "ever", "every",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "neither", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or",
    "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "rather", "same",
    "several", "shall", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through",
    "thus", "to", "too", "toward", "towards", "two", "under", "until", "up", "upon", "us", "very", "via", "was",
    "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
    "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    // French
    "afin", "ainsi", "alors", "au", "aucun", "aussi", "autre", "autres", "aux", "avec", "avoir", "ce", "ceci",
    "cela", "celle", "celles", "celui", "ces", "cet", "cette", "ceux", "chaque", "chez", "comme", "comment",
    "dans", "de", "des", "depuis", "donc", "dont", "du", "elle", "elles", "en", "entre", "est", "et", "etaient",
    "etait", "etant", "ete", "etre", "eux", "fait", "faire", "il", "ils", "je", "la", "le", "les", "leur",
    "leurs", "lors", "lui", "mais", "meme", "memes", "mes", "moins", "mon", "ne", "ni", "nos", "notre", "nous",
    "ont", "ou", "par", "parce", "pas", "peu", "peut", "peuvent", "plus", "plusieurs", "pour", "pourquoi",
    "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "quoi", "sa", "sans", "se", "selon", "ses",
    "si", "sien", "son", "sont", "sous", "sur", "ta", "tandis", "tant", "te", "tes", "toi", "ton", "tous",
    "tout", "toute", "toutes", "tres", "tu", "un", "une", "unes", "uns", "vers", "via", "vos", "votre", "vous",
    "ete", "etude", "etudes", "article", "analyse", "partir", "cas",
    // Academic filler: says nothing about a subject
    "abstract", "analysis", "approach", "article", "based", "case", "chapter", "conclusion", "data", "discuss",
    "discusses", "effect", "effects", "examine", "examines", "paper", "papers", "present", "presents",
    "propose", "proposes", "research", "result", "results", "show", "shows", "studies", "study", "using",
    "use", "used", "new", "findings", "provide", "provides", "author", "authors", "book", "review", "first",
    "three", "introduction", "argue", "argues", "explore", "explores", "elsevier", "rights", "reserved",
    "copyright", "ltd", "inc", "springer", "wiley", "taylor", "francis", "sage", "published", "journal",
    // Reference strings: identifiers and the commonest journal-title abbreviations of WoS and
    // Scopus short forms ("ACAD MANAGE REV", "AM J SOCIOL"), which name no subject.
    "doi", "vol", "pp", "et", "al", "acad", "manage", "rev", "soc", "sci", "int", "ann", "annu", "proc", "conf",
    "res", "stud", "govt", "natl", "univ", "inst", "adm", "ieee", "acm", "arxiv",
};

const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> set(std::begin(kStopWords), std::end(kStopWords));
  return set;
}

bool is_term_word(const std::string& w) {
  if (w.size() < 3) return false;
  // Years, volumes and pages ("1977", "v82", "p1212") are not subjects.
  if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return !is_stop_word(w);
}

// The distinct terms of one document.
std::set<std::string> document_terms(const LabelDocument& doc, bool bigrams) {
  std::set<std::string> terms;
  const auto tokens = words(doc.text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_term_word(tokens[i])) continue;
    terms.insert(tokens[i]);
    if (bigrams && i + 1 < tokens.size() && is_term_word(tokens[i + 1])) terms.insert(tokens[i] + " " + tokens[i + 1]);
  }
  for (const auto& phrase : doc.phrases) {
    const std::string p = normalized_title(phrase);
    const auto n = static_cast<std::size_t>(std::count(p.begin(), p.end(), ' ')) + 1;
    if (!p.empty() && n <= 4 && (n > 1 || is_term_word(p))) terms.insert(p);
  }
  return terms;
}

double xlogx_ratio(double observed, double expected) {
  return observed > 0.0 && expected > 0.0 ? observed * std::log(observed / expected) : 0.0;
}

// Dunning's G2 for a 2x2 table: term in/out of the cluster, documents with/without it.
double g2(double in_with, double in_total, double out_with, double out_total) {
  const double total = in_total + out_total;
  const double with = in_with + out_with;
  const double e11 = in_total * with / total;
  const double e12 = in_total * (total - with) / total;
  const double e21 = out_total * with / total;
  const double e22 = out_total * (total - with) / total;
  return 2.0 * (xlogx_ratio(in_with, e11) + xlogx_ratio(in_total - in_with, e12) + xlogx_ratio(out_with, e21) +
                xlogx_ratio(out_total - out_with, e22));
}

bool contains_word(const std::string& phrase, const std::string& word) {
  std::size_t pos = 0;
  while ((pos = phrase.find(word, pos)) != std::string::npos) {
    const bool starts = pos == 0 || phrase[pos - 1] == ' ';
    const bool ends = pos + word.size() == phrase.size() || phrase[pos + word.size()] == ' ';
    if (starts && ends) return true;
    pos += word.size();
  }
  return false;
}

}  // namespace

bool is_stop_word(std::string_view folded_word) { return stop_words().count(folded_word) > 0; }

std::vector<ClusterLabel> label_clusters(const std::vector<std::vector<LabelDocument>>& documents,
                                         const TermOptions& options) {
  const std::size_t k = documents.size();
  // term -> documents containing it, per cluster
  std::unordered_map<std::string, std::vector<std::uint32_t>> counts;
  std::vector<double> sizes(k, 0.0);
  double total_docs = 0.0;
  for (std::size_t c = 0; c < k; ++c) {
    for (const auto& doc : documents[c]) {
      throw_if_cancelled();
      sizes[c] += 1.0;
      for (const auto& term : document_terms(doc, options.bigrams)) {
        auto& per_cluster = counts[term];
        if (per_cluster.empty()) per_cluster.assign(k, 0);
        ++per_cluster[c];
      }
    }
    total_docs += sizes[c];
  }

  std::vector<ClusterLabel> labels(k);
  for (std::size_t c = 0; c < k; ++c) {
    if (sizes[c] == 0.0) continue;
    const std::uint32_t min_docs =
        std::min<std::uint32_t>(options.min_documents, static_cast<std::uint32_t>(sizes[c]));
    std::vector<ScoredTerm> scored;
    for (const auto& [term, per_cluster] : counts) {
      const double in_with = per_cluster[c];
      if (in_with < min_docs) continue;
      double with = 0.0;
      for (auto x : per_cluster) with += x;
      const double out_with = with - in_with;
      const double out_total = total_docs - sizes[c];
      // Over-represented only: a term rarer here than elsewhere does not name the cluster.
      if (out_total > 0.0 && in_with / sizes[c] <= out_with / out_total) continue;
      const double score = out_total > 0.0 ? g2(in_with, sizes[c], out_with, out_total) : in_with;
      scored.push_back({term, score, static_cast<std::uint32_t>(in_with)});
    }
    // Best first; on a tie the longer term, which says more ("organizational fields" over
    // "fields" when both are in the same works); then alphabetical, for stable output.
    auto words_in = [](const std::string& t) { return std::count(t.begin(), t.end(), ' '); };
    std::sort(scored.begin(), scored.end(), [&](const ScoredTerm& a, const ScoredTerm& b) {
      if (a.score != b.score) return a.score > b.score;
      if (words_in(a.term) != words_in(b.term)) return words_in(a.term) > words_in(b.term);
      return a.term < b.term;
    });
    // A word inside a chosen two-word term adds nothing. A two-word term containing a chosen
    // word replaces it when it covers at least half of that word's works ("institutional"
    // -> "institutional theory"), else it is left out.
    auto& chosen = labels[c].terms;
    for (const auto& t : scored) {
      if (chosen.size() >= options.terms) break;
      bool keep = true;
      for (auto& x : chosen) {
        if (contains_word(x.term, t.term)) {
          keep = false;
          break;
        }
        if (contains_word(t.term, x.term)) {
          if (words_in(x.term) == 0 && 2 * t.documents >= x.documents &&
              std::none_of(chosen.begin(), chosen.end(), [&](const ScoredTerm& y) { return y.term == t.term; })) {
            x = t;
          }
          keep = false;
          break;
        }
      }
      if (keep) chosen.push_back(t);
    }
    for (std::size_t i = 0; i < chosen.size() && i < options.label_terms; ++i) {
      if (i > 0) labels[c].label += ", ";
      labels[c].label += chosen[i].term;
    }
  }
  return labels;
}

std::vector<std::vector<LabelDocument>> cluster_documents(const CitationCorpus& corpus, const CitationGraph& graph,
                                                          const Clustering& run) {
  std::vector<std::vector<LabelDocument>> documents(run.clusters.size());
  if (run.network != NetworkKind::cocitation) {
    for (const auto& c : run.clusters) {
      for (VertexId v : c.vertices) documents[c.id].push_back(vertex_document(corpus, graph, v));
    }
    return documents;
  }
  const Adjacency out = graph.out();
  std::vector<std::uint32_t> cited(run.clusters.size(), 0);
  for (VertexId w = 0; w < graph.num_works(); ++w) {
    std::uint32_t best = kUnclustered;
    for (VertexId u : out.neighbors(w)) {
      const std::uint32_t c = u < run.cluster_of.size() ? run.cluster_of[u] : kUnclustered;
      if (c == kUnclustered) continue;
      ++cited[c];
      // Clusters are numbered largest first: on a tie the smaller id is the larger cluster.
      if (best == kUnclustered || cited[c] > cited[best] || (cited[c] == cited[best] && c < best)) best = c;
    }
    for (VertexId u : out.neighbors(w)) {
      if (u < run.cluster_of.size() && run.cluster_of[u] != kUnclustered) cited[run.cluster_of[u]] = 0;
    }
    if (best == kUnclustered && w < run.cluster_of.size()) best = run.cluster_of[w];  // a member citing no cluster
    if (best != kUnclustered) documents[best].push_back(vertex_document(corpus, graph, w));
  }
  return documents;
}

LabelDocument vertex_document(const CitationCorpus& corpus, const CitationGraph& graph, VertexId v) {
  LabelDocument doc;
  const NodeRef ref = graph.node(v);
  if (ref.kind == NodeKind::work) {
    const CorpusWork& w = corpus.works[ref.index];
    doc.text = w.title + ". " + w.abstract_text;
    doc.phrases = w.keywords;
  } else {
    const ExternalWork& e = corpus.externals[ref.index];
    doc.text = e.raw.empty() ? e.label : e.raw;
  }
  return doc;
}

}  // namespace litrev
