// Cluster labels: candidate phrases, the word lists, the log-likelihood choice against the rest
// of the library, and the default sizes of a readable map.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "corpus_builder.hpp"
#include "graph/cluster_terms.hpp"
#include "graph/clustering.hpp"
#include "graph/label_phrases.hpp"
#include "graph/label_words.hpp"
#include "graph/thresholds.hpp"

namespace litrev {
namespace {

std::set<std::string> surfaces(std::string_view text) {
  std::set<std::string> out;
  for (const auto& p : extract_phrases(text)) out.insert(p.surface);
  return out;
}

std::set<std::string> keys(std::string_view text) {
  std::set<std::string> out;
  for (const auto& p : extract_phrases(text)) out.insert(p.key);
  return out;
}

LabelDocument titled(std::string title, std::string abstract = {}, std::vector<std::string> keywords = {}) {
  return {.title = std::move(title), .abstract = std::move(abstract), .keywords = std::move(keywords)};
}

std::vector<LabelDocument> repeated(int n, const LabelDocument& d) { return std::vector<LabelDocument>(n, d); }

std::vector<std::string> label_terms(const ClusterLabel& label) {
  std::vector<std::string> out;
  for (const auto& t : label.terms) out.push_back(t.term);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(LabelPhrases, NounPhrasesStopAtPunctuationAndStopWords) {
  const auto p = surfaces("The iron cage revisited: institutional isomorphism and collective rationality");
  EXPECT_TRUE(p.contains("iron cage"));
  EXPECT_TRUE(p.contains("institutional isomorphism"));
  EXPECT_TRUE(p.contains("collective rationality"));
  EXPECT_FALSE(p.contains("revisited institutional"));  // across the colon
  EXPECT_FALSE(p.contains("isomorphism and collective"));
  EXPECT_FALSE(p.contains("revisited"));  // a participle ends no phrase
}

TEST(LabelPhrases, FrenchPhrasesKeepTheirAccentsAndJoinWithDe) {
  const auto p = surfaces("Sociologie de l'action publique : les instruments de l'État et l'économie des conventions");
  EXPECT_TRUE(p.contains("sociologie de l'action publique"));
  EXPECT_TRUE(p.contains("action publique"));
  EXPECT_TRUE(p.contains("économie des conventions"));
  EXPECT_TRUE(p.contains("instruments de l'état"));
  EXPECT_FALSE(p.contains("les instruments"));
  // Counted without accents, articles or plurals, so that spellings meet.
  EXPECT_TRUE(keys("Économie des conventions").contains("economie de convention"));
  EXPECT_TRUE(keys("economie de la convention").contains("economie de convention"));
}

TEST(LabelPhrases, AcronymsAndInnerCapitalsAreKeptUnlessTheTextShouts) {
  const auto p = surfaces("Generative AI in education: ChatGPT and CSR reporting");
  EXPECT_TRUE(p.contains("generative AI"));
  EXPECT_TRUE(p.contains("ChatGPT"));
  EXPECT_TRUE(p.contains("CSR reporting"));
  const auto loud = surfaces("THE INTELLECTUAL STRUCTURE OF CONSUMER RESEARCH");
  EXPECT_TRUE(loud.contains("intellectual structure"));
  EXPECT_TRUE(loud.contains("consumer research"));
}

TEST(LabelPhrases, HyphensPluralsAndPossessivesShareOneKey) {
  EXPECT_TRUE(keys("co-citation networks").contains("cocitation network"));
  EXPECT_TRUE(keys("cocitation network").contains("cocitation network"));
  EXPECT_TRUE(keys("Policies and technologies").contains("policy"));
  EXPECT_TRUE(surfaces("Lotka's law revisited").contains("lotka's law"));
  EXPECT_EQ(word_key("studies"), "study");
  EXPECT_EQ(word_key("processes"), "process");
  EXPECT_EQ(word_key("reseaux"), "reseau");
  EXPECT_EQ(word_key("analysis"), "analysis");
}

TEST(LabelPhrases, PublishersNoticesAreCutFromAbstracts) {
  EXPECT_EQ(without_publisher_notice("Tenure decisions in social work. (c) 2005 by The Haworth Press, Inc."),
            "Tenure decisions in social work. ");
  EXPECT_EQ(without_publisher_notice("Audits. Copyright (C) 2016 Elsevier Ltd. All rights reserved."), "Audits. ");
  EXPECT_EQ(without_publisher_notice("Audits spread. Published by Elsevier B.V. All rights reserved."),
            "Audits spread.");
  EXPECT_EQ(without_publisher_notice("Copyright law and generative AI"), "Copyright law and generative AI");
}

TEST(LabelWords, GenericWordsNeverNameAClusterAlone) {
  for (const char* w : {"primarily", "followed", "highly", "various", "provided", "rise", "ways", "needs", "using",
                        "based", "study", "studies", "paper", "results", "different", "also", "however", "within",
                        "among", "well", "may", "one", "two", "first", "many", "number", "etude", "resultats",
                        "notamment", "enjeux"}) {
    EXPECT_EQ(word_role(w), WordRole::stop) << w;
  }
  // Broad words name a subject only with another word.
  for (const char* w : {"analysis", "research", "actors", "new", "social", "public", "approach", "data"}) {
    EXPECT_EQ(word_role(w), WordRole::weak) << w;
  }
  EXPECT_TRUE(surfaces("new public management").contains("new public management"));
  EXPECT_TRUE(surfaces("actor-network theory and non-state actors").contains("non-state actors"));
  EXPECT_FALSE(surfaces("actors in the field").contains("actors"));
  for (const char* w : {"isomorphism", "audit", "family", "supply", "gouvernance", "ethics"}) {
    EXPECT_EQ(word_role(w), WordRole::content) << w;
  }
  EXPECT_EQ(word_role("ai"), WordRole::stop);
  EXPECT_EQ(word_role("ai", true), WordRole::content);
  EXPECT_TRUE(is_participle("followed"));
  EXPECT_FALSE(is_participle("speed"));
}

TEST(ClusterLabels, DistinctivePhrasesAgainstTheRestOfTheLibrary) {
  ClusterDocuments docs;
  // Cluster 0: CSR; cluster 1: generative AI in education; the rest: AI ethics, which also
  // mentions "artificial intelligence" and "governance" as often as the clusters do.
  auto csr = repeated(6, titled("Corporate social responsibility and stakeholder theory",
                                "This study primarily provided various results based on new data.",
                                {"corporate social responsibility", "legitimacy"}));
  csr.push_back(titled("Corporate social responsibility reporting", "", {"sustainability reporting"}));
  csr.push_back(titled("Stakeholder theory and governance"));
  docs.clusters.push_back(csr);
  auto edu = repeated(6, titled("Generative AI in education: ChatGPT and students",
                                "The rise of generative AI followed highly various ways."));
  edu.push_back(titled("Large language models (LLMs) in higher education"));
  edu.push_back(titled("LLMs and large language models for teaching"));
  edu.push_back(titled("Governance of artificial intelligence"));
  docs.clusters.push_back(edu);
  docs.rest = repeated(10, titled("Artificial intelligence ethics and governance"));

  const auto labels = label_clusters(docs);
  ASSERT_EQ(labels.size(), 2u);
  const auto a = label_terms(labels[0]);
  const auto b = label_terms(labels[1]);
  EXPECT_EQ(a.front(), "corporate social responsibility");
  EXPECT_TRUE(has(a, "stakeholder theory"));
  // Contained in a better phrase: left out.
  EXPECT_FALSE(has(a, "social responsibility"));
  EXPECT_FALSE(has(a, "corporate social"));
  EXPECT_TRUE(has({b.begin(), b.begin() + 3}, "generative AI")) << labels[1].label;
  EXPECT_TRUE(has(b, "ChatGPT"));
  // One of "large language models" and "LLMs", not both.
  EXPECT_NE(has(b, "large language models"), has(b, "LLMs"));
  // As common in the rest of the library: distinguishes nothing.
  EXPECT_FALSE(has(b, "governance"));
  EXPECT_FALSE(has(b, "artificial intelligence"));
  const std::set<std::string> generic = {"primarily", "followed", "highly", "various", "provided", "rise", "ways",
                                         "study", "results", "based", "new", "data"};
  for (const auto& l : labels) {
    for (const auto& t : l.terms) EXPECT_FALSE(generic.contains(t.term)) << t.term;
  }
  EXPECT_EQ(labels[0].label, a[0] + ", " + a[1] + ", " + a[2]);
}

TEST(ClusterLabels, APhraseNamesOnlyTheClusterItDistinguishesBest) {
  ClusterDocuments docs;
  docs.clusters.push_back({titled("Bibliometric indicators"), titled("Bibliometric indicators and citations"),
                           titled("Bibliometric citation indicators"), titled("Citation indicators"),
                           titled("Bibliometric research evaluation")});
  docs.clusters.push_back({titled("Bibliometric patent mapping"), titled("Patents and bibliometric methods"),
                           titled("Patent statistics"), titled("Bibliometric patent analysis")});
  docs.rest = repeated(10, titled("Generative AI"));
  const auto labels = label_clusters(docs);
  const auto a = label_terms(labels[0]);
  const auto b = label_terms(labels[1]);
  // Over-represented in both clusters, "bibliometric" names one of them only.
  EXPECT_FALSE(has(a, "bibliometric") && has(b, "bibliometric")) << labels[0].label << " | " << labels[1].label;
  EXPECT_FALSE(has(b, "bibliometric")) << labels[1].label;  // it distinguishes the first better
  EXPECT_NE(labels[1].label.find("patent"), std::string::npos) << labels[1].label;
  EXPECT_NE(labels[0].label.find("indicators"), std::string::npos) << labels[0].label;
}

TEST(ClusterLabels, FrenchLabelsKeepTheirAccents) {
  ClusterDocuments docs;
  docs.clusters.push_back({titled("L'économie des conventions et la sociologie économique"),
                           titled("Économie des conventions : une introduction"),
                           titled("Sociologie économique des marchés", "", {"économie des conventions"})});
  docs.clusters.push_back(repeated(3, titled("Les instruments de l'action publique")));
  docs.rest = repeated(4, titled("Intelligence artificielle et éthique"));
  const auto labels = label_clusters(docs);
  EXPECT_EQ(label_terms(labels[0]).front(), "économie des conventions");
  EXPECT_TRUE(has(label_terms(labels[0]), "sociologie économique"));
  EXPECT_TRUE(has(label_terms(labels[1]), "instruments de l'action publique"));
}

TEST(ClusterLabels, AbstractsCountLessThanTitlesAndKeywords) {
  ClusterDocuments docs;
  // "audit" is in every title, "verification" in every abstract.
  docs.clusters.push_back(repeated(6, titled("Audit society", "Rituals of verification.")));
  docs.rest = repeated(6, titled("Rankings"));
  const auto labels = label_clusters(docs);
  const auto t = label_terms(labels[0]);
  ASSERT_GE(t.size(), 2u);
  EXPECT_EQ(t[0], "audit society");
  EXPECT_GT(labels[0].terms[0].score, labels[0].terms[1].score);
}

TEST(ClusterLabels, AClusterWithTooFewDocumentsHasNoLabel) {
  ClusterDocuments docs;
  docs.clusters.push_back({titled("Audit society")});
  docs.rest = repeated(6, titled("Rankings"));
  EXPECT_EQ(label_clusters(docs)[0].label, "");
}

TEST(Thresholds, TheMostCitedThousandOrSoRemain) {
  std::vector<std::uint32_t> counts;
  // 10,000 cited works: 5,000 cited once, 2,500 twice, 1,250 three times... a long tail.
  for (std::uint32_t c = 1, n = 5000; n > 0; ++c, n /= 2) counts.insert(counts.end(), n, c);
  const auto t = choose_node_threshold(counts, 1000, 2);
  EXPECT_EQ(t.candidates, counts.size());
  // Cited 4+ times: 625 + 312 + ... = 1,245 works; 5+ times: 620. 1,245 is nearer 1,000.
  EXPECT_EQ(t.min_count, 4u);
  EXPECT_EQ(t.kept, 1245u);
  // Never more than twice the target: with 600 wanted, 1,245 is too many.
  EXPECT_EQ(choose_node_threshold(counts, 600, 2).min_count, 5u);
  EXPECT_EQ(choose_node_threshold(counts, 700, 2).kept, 620u);
  EXPECT_EQ(choose_node_threshold(counts, 100000, 2).min_count, 2u);
}

TEST(Thresholds, TiedCountsNeverEmptyTheMap) {
  const std::vector<std::uint32_t> counts(5000, 3);
  const auto t = choose_node_threshold(counts, 1000, 2);
  EXPECT_EQ(t.min_count, 3u);
  EXPECT_EQ(t.kept, 5000u);
}

TEST(Thresholds, SmallLibrariesKeepTheFloor) {
  const std::vector<std::uint32_t> counts = {1, 1, 1, 2, 2, 3, 5, 8};
  const auto t = choose_node_threshold(counts, 1000, 2);
  EXPECT_EQ(t.min_count, 2u);
  EXPECT_EQ(t.kept, 5u);
  EXPECT_EQ(choose_node_threshold(counts, 1000, 0).kept, 8u);
  // Ties are all in or all out: about 3 nodes keeps those cited 3+ times (3 of them); about 4,
  // the 5 cited twice or more (nearer 4 than 3 is).
  EXPECT_EQ(choose_node_threshold(counts, 3, 2).min_count, 3u);
  EXPECT_EQ(choose_node_threshold(counts, 4, 2).min_count, 2u);
  EXPECT_EQ(choose_node_threshold(counts, 2, 2).min_count, 4u);
  EXPECT_EQ(choose_node_threshold({}, 1000, 2).kept, 0u);
}

TEST(Thresholds, MapsHaveAboutAsManyNodesAsCitingWorksUpToTheCap) {
  EXPECT_EQ(readable_nodes(115), 115u);
  EXPECT_EQ(readable_nodes(469), 469u);
  EXPECT_EQ(readable_nodes(3000), 1000u);
  EXPECT_EQ(readable_nodes(0), 1u);
  EXPECT_EQ(readable_nodes(3000, 2000), 2000u);
}

TEST(Thresholds, MinimumClusterSizeGrowsWithTheNetwork) {
  EXPECT_EQ(default_min_cluster_size(0), 2u);
  EXPECT_EQ(default_min_cluster_size(45), 2u);
  EXPECT_EQ(default_min_cluster_size(789), 7u);
  EXPECT_EQ(default_min_cluster_size(1000), 10u);
  EXPECT_EQ(default_min_cluster_size(30000), 20u);
}

TEST(Thresholds, ClusterGraphChoosesAndReportsThem) {
  // Three groups of works citing their own references; refs cited 1 to 6 times.
  test::CorpusBuilder b;
  std::vector<std::uint32_t> refs;
  for (int j = 0; j < 18; ++j) refs.push_back(b.external("ref:" + std::to_string(j)));
  for (std::uint32_t i = 0; i < 18; ++i) {
    const auto w = b.work("w" + std::to_string(i));
    const std::uint32_t group = i / 6;
    for (std::uint32_t j = 0; j < 6; ++j) {
      if (i % 6 <= j) b.cites_external(w, refs[group * 6 + j]);  // ref j of a group cited j+1 times
    }
  }
  const auto graph = CitationGraph::build(b.corpus());
  ClusterOptions options;
  options.network = NetworkKind::cocitation;
  options.choose_min_citations = true;
  options.readable_nodes_cap = 10;
  options.choose_min_cluster_size = true;
  const auto run = cluster_graph(graph, options);
  EXPECT_TRUE(run.min_citations_chosen);
  EXPECT_EQ(run.candidate_nodes, 18u);
  EXPECT_EQ(run.target_nodes, 10u);
  // Cited 4+ times: 3 per group, 9 nodes (3+ would be 12 > 10).
  EXPECT_EQ(run.min_citations, 4u);
  EXPECT_EQ(run.network_nodes, 9u);
  EXPECT_EQ(run.min_cluster_size, 2u);
  EXPECT_TRUE(run.min_cluster_size_chosen);
  EXPECT_EQ(run.clusters.size(), 3u);
}

TEST(Thresholds, MapsOfLibraryWorksKeepThemAllUnderTheCap) {
  // 6 classics, 6 works citing two of them each, 20 works without references (books of a
  // Zotero library).
  test::CorpusBuilder b;
  for (int i = 0; i < 32; ++i) b.work("w" + std::to_string(i));
  for (std::uint32_t i = 6; i < 12; ++i) b.cites(i, i % 6).cites(i, (i + 1) % 6);
  const auto graph = CitationGraph::build(b.corpus());
  ClusterOptions options;
  options.network = NetworkKind::citation;
  options.choose_min_citations = true;
  const auto run = cluster_graph(graph, options);
  // The works describe their own clusters: all 32 stay, not only about as many as cite something.
  EXPECT_EQ(run.target_nodes, 32u);
  EXPECT_EQ(run.min_citations, 0u);
  EXPECT_EQ(run.network_nodes, 32u);
}

}  // namespace
}  // namespace litrev
