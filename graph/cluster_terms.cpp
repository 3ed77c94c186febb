#include "graph/cluster_terms.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "graph/label_phrases.hpp"
#include "src/core/cancellation.hpp"

namespace litrev {

namespace {

// Phrases are counted by a 64-bit hash of their key (FNV-1a: the same on every platform), so
// that the counts of a large library hold no strings; the keys and surfaces of the few
// candidates of each cluster are found again afterwards.
std::uint64_t key_hash(std::string_view key) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

struct TermWeight {
  std::uint64_t hash;
  double weight;
};

// The distinct phrases of one document, each with its weight (see TermOptions).
template <typename Sink>
void for_each_phrase(const LabelDocument& doc, const TermOptions& options, Sink&& sink) {
  for (const auto& p : extract_phrases(doc.title, options.max_words)) sink(p, 1.0);
  for (const auto& k : doc.keywords)
    for (const auto& p : extract_phrases(k, options.max_words)) sink(p, 1.0);
  for (const auto& p : extract_phrases(without_publisher_notice(doc.abstract), options.max_words))
    sink(p, options.abstract_weight);
}

std::vector<TermWeight> document_terms(const LabelDocument& doc, const TermOptions& options) {
  std::vector<TermWeight> terms;
  for_each_phrase(doc, options, [&](const Phrase& p, double w) { terms.push_back({key_hash(p.key), w}); });
  std::sort(terms.begin(), terms.end(), [](const TermWeight& a, const TermWeight& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.weight > b.weight;
  });
  terms.erase(std::unique(terms.begin(), terms.end(), [](const TermWeight& a, const TermWeight& b) { return a.hash == b.hash; }),
              terms.end());
  return terms;
}

// Per phrase: summed weights over some documents, and how many of them hold it.
struct Tally {
  double weight = 0.0;
  std::uint32_t documents = 0;
};
using Counts = std::unordered_map<std::uint64_t, Tally>;
using Weights = std::unordered_map<std::uint64_t, double>;

void add_documents(const std::vector<LabelDocument>& docs, const TermOptions& options, Counts* counts, Weights& all) {
  for (const auto& doc : docs) {
    throw_if_cancelled();
    for (const auto& t : document_terms(doc, options)) {
      all[t.hash] += t.weight;
      if (counts) {
        Tally& tally = (*counts)[t.hash];
        tally.weight += t.weight;
        ++tally.documents;
      }
    }
  }
}

double xlogx_ratio(double observed, double expected) {
  return observed > 0.0 && expected > 0.0 ? observed * std::log(observed / expected) : 0.0;
}

// Dunning's G2 for a 2x2 table: documents of the cluster / of the rest, with / without the phrase.
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

// Whether the words of `part` appear in `phrase`, in order and together ("social
// responsibility" in "corporate social responsibility").
bool contains_words(const std::string& phrase, const std::string& part) {
  std::size_t pos = 0;
  while ((pos = phrase.find(part, pos)) != std::string::npos) {
    const bool starts = pos == 0 || phrase[pos - 1] == ' ';
    const bool ends = pos + part.size() == phrase.size() || phrase[pos + part.size()] == ' ';
    if (starts && ends) return true;
    pos += part.size();
  }
  return false;
}

struct Candidate {
  std::uint64_t hash = 0;
  double score = 0.0;
  std::string key;
  std::map<std::string, std::uint32_t> surfaces;  // how it is written, and how often
  std::uint32_t documents = 0;
  std::size_t words() const { return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1; }
  // The commonest spelling ("ChatGPT" over "chatgpt"); ties: the first in code-point order.
  std::string surface() const {
    const auto best = std::max_element(surfaces.begin(), surfaces.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == surfaces.end() ? key : best->first;
  }
};

// Keys and spellings of the candidates, read again from the cluster's documents until each was
// seen often enough to know its commonest spelling (a large cluster is not read twice whole).
void resolve(std::vector<Candidate>& candidates, const std::vector<LabelDocument>& docs, const TermOptions& options) {
  constexpr std::uint32_t kEnoughSpellings = 30;
  std::unordered_map<std::uint64_t, std::size_t> index;
  for (std::size_t i = 0; i < candidates.size(); ++i) index.emplace(candidates[i].hash, i);
  std::vector<std::uint32_t> seen(candidates.size(), 0);
  std::size_t settled = 0;
  for (const auto& doc : docs) {
    if (settled == candidates.size()) break;
    for_each_phrase(doc, options, [&](const Phrase& p, double) {
      const auto it = index.find(key_hash(p.key));
      if (it == index.end()) return;
      Candidate& c = candidates[it->second];
      if (c.key.empty()) c.key = p.key;
      ++c.surfaces[p.surface];
      if (++seen[it->second] == kEnoughSpellings) ++settled;
    });
  }
}

// Best first; the longer phrase on a tie, then the key.
bool better(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.words() != b.words()) return a.words() > b.words();
  return a.key < b.key;
}

std::vector<std::string> split_words(const std::string& key) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= key.size()) {
    const auto end = std::min(key.find(' ', start), key.size());
    out.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The longer phrase two phrases are pieces of, when they overlap: "sustainable development" and
// "development goal" -> "sustainable development goal"; empty when they do not overlap.
std::vector<std::string> joined(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return {};
  for (std::size_t k = std::min(a.size(), b.size()) - 1; k >= 1; --k) {
    if (std::equal(a.end() - static_cast<std::ptrdiff_t>(k), a.end(), b.begin())) {
      std::vector<std::string> out = a;
      out.insert(out.end(), b.begin() + static_cast<std::ptrdiff_t>(k), b.end());
      return out;
    }
  }
  return {};
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The phrase with a run of two or more words written as its initials: "generative artificial
// intelligence" -> "generative ai", "gai"; "large language models" -> "llm".
std::vector<std::string> abbreviations(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from < words.size(); ++from) {
    for (std::size_t to = from + 2; to <= words.size(); ++to) {
      std::string initials, key;
      // Initials of joined nouns are not an abbreviation ("sociology of science" is no "sos").
      const bool linked = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(from),
                                      words.begin() + static_cast<std::ptrdiff_t>(to),
                                      [](const std::string& w) { return w.empty() || w == "of" || w == "de"; });
      if (linked) continue;
      for (std::size_t i = from; i < to; ++i) initials += words[i].front();
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > from && i < to) continue;
        if (!key.empty()) key += ' ';
        key += i == from ? initials : words[i];
      }
      out.push_back(key);
    }
  }
  return out;
}

// One word and its adjective: "education" and "educational", "ethic(s)" and "ethical".
bool same_stem(const std::string& a, const std::string& b) {
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (shorter.size() < 5 || !longer.starts_with(shorter)) return false;
  const std::string_view rest = std::string_view(longer).substr(shorter.size());
  return rest == "al" || rest == "ic" || rest == "ical";
}

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

// Whether `t` says again what the chosen `x` says: the same phrase abbreviated ("LLMs" and
// "large language models"), written in one word ("healthcare", "health care"), as an adjective
// ("educational" after "education"), or a piece of a longer phrase of the documents that `x` is
// another piece of ("development goal" after "sustainable development").
bool repeats(const std::vector<std::string>& t, const std::string& t_key, const std::vector<std::string>& x,
             const std::string& x_key, const std::unordered_set<std::string>& phrases) {
  if (without_spaces(t_key) == without_spaces(x_key)) return true;
  if (t.size() == 1 && x.size() == 1 && same_stem(t_key, x_key)) return true;
  for (const auto& longer : {joined(t, x), joined(x, t)})
    if (!longer.empty() && phrases.contains(join_words(longer))) return true;
  for (const auto& a : abbreviations(t))
    if (contains_words(x_key, a) || contains_words(a, x_key)) return true;
  for (const auto& a : abbreviations(x))
    if (contains_words(t_key, a) || contains_words(a, t_key)) return true;
  return false;
}

// The distinctive phrases in order, none contained in another: a phrase inside a chosen one
// adds nothing; a phrase containing a chosen one replaces it when it covers at least half of
// its documents ("generative" -> "generative AI"), else it is left out; a phrase repeating a
// chosen one (see repeats) is left out, and so are its pieces.
std::vector<const Candidate*> choose(const std::vector<Candidate>& sorted, std::size_t terms,
                                     const std::unordered_set<std::string>& phrases) {
  std::vector<const Candidate*> chosen;
  std::vector<std::vector<std::string>> chosen_words;
  std::vector<std::string> left_out;  // repeats, whose pieces are repeats too
  for (const auto& t : sorted) {
    if (chosen.size() >= terms) break;
    const auto t_words = split_words(t.key);
    bool inside = false, wider = false, replaces = false, repeated = false;
    for (const auto& r : left_out) repeated = repeated || contains_words(r, t.key);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      const Candidate* x = chosen[i];
      if (contains_words(x->key, t.key)) inside = true;
      else if (contains_words(t.key, x->key)) {
        wider = true;
        replaces = replaces || 2 * t.documents >= x->documents;
      } else if (repeats(t_words, t.key, chosen_words[i], x->key, phrases)) {
        repeated = true;
      }
    }
    if (repeated) {
      // Its pieces too: "intelligence" once "artificial intelligence" repeats "AI ethics".
      left_out.push_back(t.key);
      for (std::size_t i = chosen.size(); i-- > 0;) {
        if (contains_words(t.key, chosen[i]->key)) {
          chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(i));
          chosen_words.erase(chosen_words.begin() + static_cast<std::ptrdiff_t>(i));
        }
      }
    }
    if (inside || repeated || (wider && !replaces)) continue;
    if (!wider) {
      chosen.push_back(&t);
      chosen_words.push_back(t_words);
      continue;
    }
    // Takes the place of the first phrase it contains; the others it contains go.
    bool placed = false;
    std::vector<const Candidate*> next;
    std::vector<std::vector<std::string>> next_words;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      if (!contains_words(t.key, chosen[i]->key)) {
        next.push_back(chosen[i]);
        next_words.push_back(chosen_words[i]);
      } else if (!placed) {
        next.push_back(&t);
        next_words.push_back(t_words);
        placed = true;
      }
    }
    chosen = std::move(next);
    chosen_words = std::move(next_words);
  }
  return chosen;
}

// The cluster's candidate phrases, best first, with their keys and spellings.
std::vector<Candidate> candidates_of(const std::vector<LabelDocument>& docs, const Counts& in, const Weights& all,
                                     double in_total, double out_total, const TermOptions& options) {
  const double min_weight = std::max<double>(options.min_documents, options.min_share * in_total);
  std::vector<Candidate> candidates;
  for (const auto& [hash, tally] : in) {
    const double in_with = tally.weight;
    if (in_with < min_weight) continue;
    const double out_with = all.at(hash) - in_with;
    // Over-represented only: a phrase as common elsewhere does not distinguish the cluster.
    if (out_total > 0.0 && in_with / in_total <= out_with / out_total) continue;
    Candidate c;
    c.hash = hash;
    c.score = out_total > 0.0 ? g2(in_with, in_total, out_with, out_total) : in_with;
    c.documents = tally.documents;
    candidates.push_back(std::move(c));
  }
  // Only the best few are read again; enough that containment and ownership can drop some.
  const std::size_t keep = std::min(candidates.size(), 20 * options.terms + 20);
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(),
                    [](const Candidate& a, const Candidate& b) {
                      return a.score != b.score ? a.score > b.score : a.hash < b.hash;
                    });
  candidates.resize(keep);
  resolve(candidates, docs, options);
  std::sort(candidates.begin(), candidates.end(), better);
  return candidates;
}

}  // namespace

std::vector<ClusterLabel> label_clusters(const ClusterDocuments& documents, const TermOptions& options) {
  const std::size_t k = documents.clusters.size();
  std::vector<Counts> in(k);
  Weights all;
  double total = static_cast<double>(documents.rest.size());
  for (std::size_t c = 0; c < k; ++c) {
    add_documents(documents.clusters[c], options, &in[c], all);
    total += static_cast<double>(documents.clusters[c].size());
  }
  add_documents(documents.rest, options, nullptr, all);

  std::vector<std::vector<Candidate>> candidates(k);
  for (std::size_t c = 0; c < k; ++c) {
    const auto in_total = static_cast<double>(documents.clusters[c].size());
    if (in_total > 0.0) candidates[c] = candidates_of(documents.clusters[c], in[c], all, in_total, total - in_total, options);
    Counts().swap(in[c]);
  }
  // A phrase names the one cluster where it is most distinctive, so that labels tell clusters
  // apart: "bibliometric", over-represented in three clusters of a scientometrics library,
  // names only the one it distinguishes best (ties: the larger cluster, numbered first).
  std::unordered_map<std::uint64_t, std::pair<double, std::size_t>> owner;
  for (std::size_t c = 0; c < k; ++c) {
    for (const auto& t : candidates[c]) {
      auto [it, added] = owner.try_emplace(t.hash, t.score, c);
      if (!added && t.score > it->second.first) it->second = {t.score, c};
    }
  }

  std::vector<ClusterLabel> labels(k);
  for (std::size_t c = 0; c < k; ++c) {
    std::unordered_set<std::string> phrases;  // every candidate, for choose()'s "pieces of a longer phrase"
    for (const auto& t : candidates[c]) phrases.insert(t.key);
    std::erase_if(candidates[c], [&](const Candidate& t) { return owner.at(t.hash).second != c; });
    ClusterLabel& label = labels[c];
    label.documents = documents.clusters[c].size();
    for (const Candidate* t : choose(candidates[c], options.terms, phrases)) {
      label.terms.push_back({t->surface(), t->score, t->documents});
    }
    for (std::size_t i = 0; i < label.terms.size() && i < options.label_terms; ++i) {
      if (i > 0) label.label += ", ";
      label.label += label.terms[i].term;
    }
  }
  return labels;
}

ClusterDocuments cluster_documents(const CitationCorpus& corpus, const CitationGraph& graph, const Clustering& run) {
  ClusterDocuments documents;
  documents.clusters.resize(run.clusters.size());
  std::vector<bool> describes(graph.num_works(), false);
  if (run.network != NetworkKind::cocitation) {
    for (const auto& c : run.clusters) {
      for (VertexId v : c.vertices) {
        documents.clusters[c.id].push_back(vertex_document(corpus, graph, v));
        if (v < graph.num_works()) describes[v] = true;
      }
    }
  } else {
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
      if (best != kUnclustered) {
        documents.clusters[best].push_back(vertex_document(corpus, graph, w));
        describes[w] = true;
      }
    }
  }
  for (VertexId w = 0; w < graph.num_works(); ++w) {
    if (!describes[w]) documents.rest.push_back(vertex_document(corpus, graph, w));
  }
  return documents;
}

LabelDocument vertex_document(const CitationCorpus& corpus, const CitationGraph& graph, VertexId v) {
  LabelDocument doc;
  const NodeRef ref = graph.node(v);
  if (ref.kind == NodeKind::work) {
    const CorpusWork& w = corpus.works[ref.index];
    doc.title = w.title;
    doc.abstract = w.abstract_text;
    doc.keywords = w.keywords;
  } else {
    const ExternalWork& e = corpus.externals[ref.index];
    doc.title = e.raw.empty() ? e.label : e.raw;
  }
  return doc;
}

}  // namespace litrev
