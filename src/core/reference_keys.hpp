#pragma once
// How references and works are matched to each other, and how one cited work written in
// several ways (WoS short form with or without DOI, Scopus long form, Crossref unstructured)
// gets one identity. Pure functions, shared by the store (resolution) and the graph (nodes).

#include <string>
#include <string_view>

#include "src/core/record.hpp"

namespace litrev {

// Family name reduced for matching: folded, particles and non-letters dropped.
// "McCarthy" / "MCCARTHY" -> "mccarthy"; "van der Berg" -> "berg"; "D'Aveni" -> "daveni".
std::string family_token(std::string_view family);

// Keys under which a reference or a work can be found, strongest first; empty when unknown.
struct MatchKeys {
  std::string doi;      // normalized DOI
  std::string locator;  // "family|year|volume|firstpage"  (journal articles)
  std::string titled;   // "family|year|first words of normalized title"
};
MatchKeys reference_keys(const Reference& ref);
MatchKeys work_keys(const Work& work);

// The identity of a cited work that is not in the library: "doi:<doi>" when the reference has
// one, else "ref:<locator>" or "ref:family|year|<title or source token>". Equal identities =
// one cited work.
std::string reference_identity(const Reference& ref);

// A readable short form that contains at least the first author's family name and the year:
// "McCarthy JD, 1977, Am J Sociol, 82, 1212".
std::string reference_label(const Reference& ref);

}  // namespace litrev
