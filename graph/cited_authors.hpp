#pragma once
// The authors the library cites, not only those it holds: for every cited work (a library work
// or an external one), its authors, grouped into people by the same rules as the library's
// authors (people.hpp), so "LATOUR B" (WoS), "Latour, B." (Scopus) and "Latour, Bruno" (a library
// work's author) are one author when nothing else fits.
//
// A cited library work has its full author list. An external cited work has the authors its
// reference gives: WoS references name the first author only, Scopus references all of them
// (ExternalWork::authors).
//
// Counting: first-author counting (the default) credits each cited work to its first author
// only, the same for every source, so WoS and Scopus references count alike (as in White &
// Griffith's and CiteSpace's author co-citation on WoS data). All-author counting credits every
// author the reference names, which only adds authors where the source lists them.

#include <cstdint>
#include <vector>

#include "graph/citation_graph.hpp"
#include "graph/people.hpp"
#include "src/core/citation_corpus.hpp"

namespace litrev {

enum class CitedAuthorCounting { first_author, all_authors };

struct CitedAuthors {
  std::vector<CorpusPerson> names;  // corpus.people, then the cited names (person_id 0)
  AuthorGroups groups;              // over names
  // Citation-graph vertex -> its author groups in author order, each once.
  std::vector<std::vector<std::uint32_t>> by_vertex;
};

// Overrides (people merge/split) apply to the library's people; cited names follow the rules.
CitedAuthors cited_authors(const CitationCorpus& corpus, const CitationGraph& graph, const AuthorOverrides& overrides = {});

// The authors a cited work is credited to under the counting (the first one, or all).
std::span<const std::uint32_t> credited_authors(const CitedAuthors& authors, VertexId cited, CitedAuthorCounting counting);

struct CitedAuthorMetrics {
  std::uint32_t group = 0;
  std::uint32_t citations = 0;      // citations from library works to works credited to them
  std::uint32_t citing_works = 0;   // library works citing at least one of those works
  std::uint32_t cited_works = 0;    // their works cited (library and external)
  std::uint32_t library_works = 0;  // of which in the library
  VertexId most_cited = 0;          // their most cited work (lowest vertex on a tie)
};

// Every cited author (at least one citation), most cited first (then citing works, then group
// order).
std::vector<CitedAuthorMetrics> rank_cited_authors(const CitationGraph& graph, const CitedAuthors& authors,
                                                   CitedAuthorCounting counting);

// A readable form of a name as a reference writes it: "LATOUR B" -> "Latour, B.",
// "KNORR-CETINA K" -> "Knorr-Cetina, K."; names in mixed case are kept.
CorpusPerson cited_person(std::string_view family, std::string_view given);

}  // namespace litrev
