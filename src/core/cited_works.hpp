#pragma once
// One node per cited work. Every reference gets an identity when it is stored
// (reference_keys.hpp: its DOI, else its locator, else its abbreviated key), so one cited work
// written by different indexes can still carry several identities:
//   "Brown TB, 2020, Adv. Neural. Inf. Process. Syst, P1877"           (no volume: no locator)
//   "Brown T., 2020, Advances in neural information processing systems, V33, P1877"
//   "WOOD DJ, 1991, ACAD MANAGE REV, V16, P691, DOI 10.2307/258977"    (JSTOR's DOI)
//   "WOOD DJ, 1991, ACAD MANAGE REV, V16, P691, DOI 10.5465/AMR.1991.4279616"  (the AOM's)
// unify_cited_works groups such identities. A wrong merge is worse than a missed one, so the
// rules ask for agreement on everything both sides know and for positive evidence:
// - same first-author family (reference_keys.hpp family_token) and year, always;
// - initials compatible (one begins the other: "T" and "TB", not "TB" and "TM");
// - no volume, first page or DOI known on both sides that differs, except that two DOIs
//   may name one work when volume and first page agree and the sources match (publishers
//   re-register DOIs: JSTOR and the AOM for one article);
// - and then either volume and first page both agree, or one of them agrees, the other is
//   missing on a side, and the sources match (source_names.hpp: "Adv. Neural. Inf. Process.
//   Syst" ~ "Advances in neural information processing systems"); a volume with no page on
//   either side needs the source written identically (the same index's line with and without
//   its DOI), since a journal volume holds many articles of one author.
// References without author, year, or without both volume and first page are left as their
// identity made them (books already meet through the abbreviated key), with one exception: a
// variant that knows the full title under a DOI or OpenAlex identity (Scopus, a described
// OpenAlex reference) joins the one variant whose identity is its abbreviated key
// ("Latour B, 1987, SCI ACTION FOLLOW SC" = "ref:latour|1987|sa") when initials, DOI and
// volume do not disagree and the abbreviation stands for its title (abbreviates_title). A variant that would
// join two different works (a page-less "Zhang Y, 2020, IEEE ACCESS, V8" beside two articles
// of that volume) joins neither.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "src/core/record.hpp"

namespace litrev {

// What is known of one identity: the parts of one reference that carries it (the most
// complete one seen) and how many references carry it.
struct CitedWorkVariant {
  std::string identity;  // "doi:10.2307/258977", "ref:brown|2020|33|1877"
  std::string first_author;
  std::string author_initials;
  std::optional<int> year;
  std::string volume;
  std::string first_page;
  std::string doi;
  std::string container;  // journal, proceedings or book as written (WoS: abbreviated)
  std::string title;      // Scopus and free-text references name the work too
  // Written from the cited work's own record (an OpenAlex reference described by
  // `import openalex --with-referenced-metadata`): full authors, year and title.
  bool described = false;
  std::uint32_t citations = 0;
};

// For each variant, the index of the variant whose identity its cited work takes: itself when
// it stands alone; in a group, the variant with a DOI identity first, then the most cited, then
// the smallest identity. A function of the set of variants: their order changes nothing, so
// the graph does not depend on the order files were imported in. Near-linear: variants are
// compared only within one family + year, and there only with groups sharing a volume or page.
std::vector<std::uint32_t> unify_cited_works(const std::vector<CitedWorkVariant>& variants);

// The variants of a set of parsed references as the store sees them, for measuring and testing
// without a library: each reference's identity (ReferenceIdentities learned over the whole set),
// per identity the reference with the longest raw text (ties: the smallest text) and how many
// references carry it. variant_of[i] is the variant of refs[i].
std::vector<CitedWorkVariant> cited_work_variants(const std::vector<Reference>& refs,
                                                  std::vector<std::uint32_t>& variant_of);

// The most complete of a group's variants (described from the work's own record, then volume
// and page, then one of them, then the most cited, then the smallest identity): the one to
// label the group with.
bool more_complete(const CitedWorkVariant& a, const CitedWorkVariant& b);

}  // namespace litrev
