#pragma once
// Citation disambiguation, as far as a bibliography shows it (CSL 1.0.2 "Disambiguation",
// citeproc-js's choices where the specification leaves room):
// 1. givenname-disambiguation-rule all-names / primary-name (…-with-initials): a name shown
//    in a first cite gets its initials, or its given name, when another cited person shares
//    the family name;
// 2. cites that still read alike ("Lascoumes and Le Galès 2004" twice) get more names
//    (disambiguate-add-names), then more of their given names, name after name
//    (disambiguate-add-givenname; a step that separates no cite is undone);
// 3. those still alike get year suffixes a, b, c… in bibliography order
//    (disambiguate-add-year-suffix).
// The bibliography then shows the added names and given names where it would show less.

#include <string>
#include <vector>

#include "src/csl/item.hpp"
#include "src/csl/render.hpp"

namespace litrev::csl {

struct Disambiguated {
  DisambigSettings settings;
  std::string year_suffix;
};

// One result per item; order is the bibliography order (suffixes follow it).
std::vector<Disambiguated> disambiguate(const Renderer& renderer, const std::vector<Item>& items,
                                        const std::vector<std::size_t>& order);

}  // namespace litrev::csl
