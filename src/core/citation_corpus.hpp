#pragma once
// The one narrow interface between the store and the graph module: everything the citation
// networks need, read from the store in one pass (Store::load_citation_corpus) and handed over
// as plain vectors. The graph module never sees SQL; the store never sees a graph.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

struct CorpusWork {
  std::int64_t work_id = 0;  // store id
  std::string key;
  std::string doi;
  std::string title;
  std::string container;
  std::optional<int> year;
  std::optional<std::int64_t> global_citations;
  std::vector<std::string> keywords;
  std::string abstract_text;  // filled only when the caller asks for text (cluster labels)
};

// A cited work that is not in the library, identified by its normalized identity
// ("doi:10.1086/226464" or "ref:mccarthy|1977|82|1212"), shared by every reference to it. One
// per cited work: identities that name one work are grouped (cited_works.hpp) under the
// identity of its DOI variant or its most cited one, labelled by its most complete variant.
struct ExternalWork {
  std::string identity;
  // Readable: "McCarthy JD, 1977, Am J Sociol, 82, 1212", or as a person cites it when a
  // reference was described from the work's own record: "Latour, B. (1987). Science in Action."
  std::string label;
  // As the library's references write it (the most cited variant not described from a record):
  // "Latour B, 1987, Sci Action Follow Sc". Equal to label when no reference writes it otherwise.
  std::string cited_as;
  std::string title;  // the full title when a reference gives one (Scopus, a described reference)
  std::string doi;    // empty when unknown
  std::string raw;    // one raw reference text as seen (the longest)
  // Its authors as a reference gives them: all of them (Scopus), else the first (WoS).
  std::vector<ReferenceAuthor> authors;
  std::optional<int> year;  // as the reference gives it
};

struct CorpusPerson {
  std::int64_t person_id = 0;
  std::string name;  // display form "Family, Given"
  std::string family;
  std::string given;
  std::string orcid;
  std::string idhal;
  std::vector<PersonId> ids;  // other schemes (Person::ids)
};

// citing -> cited. Exactly one of cited_work / cited_external is set (index into the vectors).
struct CorpusCitation {
  std::uint32_t citing_work = 0;
  std::optional<std::uint32_t> cited_work;
  std::optional<std::uint32_t> cited_external;
};

struct CorpusAuthorship {
  std::uint32_t work = 0;    // index into works
  std::uint32_t person = 0;  // index into people
  std::uint32_t position = 0;
};

struct CitationCorpus {
  std::vector<CorpusWork> works;
  std::vector<ExternalWork> externals;
  std::vector<CorpusCitation> citations;
  std::vector<CorpusPerson> people;
  std::vector<CorpusAuthorship> authorships;  // authors only (not editors), in order
};

}  // namespace litrev
