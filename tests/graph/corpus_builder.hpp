#pragma once
// A small fluent builder for hand-made citation corpora in tests.

#include <cstdint>
#include <string>
#include <vector>

#include "src/core/citation_corpus.hpp"

namespace litrev::test {

class CorpusBuilder {
 public:
  // Returns the work index.
  std::uint32_t work(const std::string& key, std::optional<int> year = std::nullopt) {
    CorpusWork w;
    w.work_id = static_cast<std::int64_t>(corpus_.works.size()) + 100;
    w.key = key;
    w.year = year;
    corpus_.works.push_back(std::move(w));
    return static_cast<std::uint32_t>(corpus_.works.size() - 1);
  }
  // Returns the external index.
  std::uint32_t external(const std::string& identity, const std::string& label = {}, const std::string& doi = {},
                         const std::string& raw = {}) {
    ExternalWork& e = corpus_.externals.emplace_back();
    e.identity = identity;
    e.label = e.cited_as = label.empty() ? identity : label;
    e.doi = doi;
    e.raw = raw;
    return static_cast<std::uint32_t>(corpus_.externals.size() - 1);
  }
  CorpusBuilder& cites(std::uint32_t citing, std::uint32_t cited_work) {
    CorpusCitation c;
    c.citing_work = citing;
    c.cited_work = cited_work;
    corpus_.citations.push_back(c);
    return *this;
  }
  CorpusBuilder& cites_external(std::uint32_t citing, std::uint32_t external) {
    CorpusCitation c;
    c.citing_work = citing;
    c.cited_external = external;
    corpus_.citations.push_back(c);
    return *this;
  }
  // Returns the person index.
  std::uint32_t person(const std::string& family, const std::string& given, const std::string& orcid = {},
                       const std::string& idhal = {}) {
    CorpusPerson p;
    p.person_id = static_cast<std::int64_t>(corpus_.people.size()) + 1000;
    p.name = given.empty() ? family : family + ", " + given;
    p.family = family;
    p.given = given;
    p.orcid = orcid;
    p.idhal = idhal;
    corpus_.people.push_back(std::move(p));
    return static_cast<std::uint32_t>(corpus_.people.size() - 1);
  }
  CorpusBuilder& wrote(std::uint32_t person, std::uint32_t work) {
    std::uint32_t position = 0;
    for (const auto& a : corpus_.authorships) position += a.work == work;
    corpus_.authorships.push_back({work, person, position});
    return *this;
  }
  const CitationCorpus& corpus() const { return corpus_; }
  CitationCorpus& corpus() { return corpus_; }

 private:
  CitationCorpus corpus_;
};

}  // namespace litrev::test
