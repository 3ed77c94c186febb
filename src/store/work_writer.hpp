#pragma once
// Writing one work's rows: the pieces shared by import (new work or dedup merge) and by the
// manual merge. Callers hold the write transaction.

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/core/record.hpp"
#include "src/store/library.hpp"

namespace litrev::store {

// Finds or creates the person row for a contributor. The rule (deterministic, documented in
// ARCHITECTURE terms as "reuse on identifier, else on the exact folded name"):
//   1. same ORCID -> that person; 2. same idHAL -> that person; 3. same other identifier
//      (IdRef, Scopus, OpenAlex, ResearcherID: person_identifiers) -> that person;
//   4. same person_name_key and no conflicting identifier of any scheme -> the oldest such
//      person, whose missing identifiers are then filled in; 5. otherwise a new person.
// Initials variants ("Powell, W." vs "Powell, Walter") stay separate people here.
class PersonResolver {
 public:
  explicit PersonResolver(Library& lib) : lib_(lib) {}
  std::int64_t resolve(const Person& person);

 private:
  std::int64_t resolve_uncached(const Person& person, bool has_id);
  // Whether person has an identifier of a scheme the stored person holds another value of.
  bool other_ids_conflict(std::int64_t stored, const Person& person);
  void add_other_ids(std::int64_t stored, const Person& person);
  Library& lib_;
  // Name parts as written -> person, for names without ORCID/idHAL (nearly every BibTeX
  // name): saves the folding and a query per author on large imports. Valid for one
  // transaction (the resolver lives no longer than one batch or one merge).
  std::unordered_map<std::string, std::int64_t> by_raw_name_;
};

// The readable columns of works (no contributors, identifiers or references); reading them
// back is read_work_row in work_reader.hpp.
// dedup is dedup_key(work), computed once by the caller that also matched on it.
WorkId insert_work_row(Library& lib, const Work& work, const std::string& key, const std::string& dedup,
                       const std::string& now);
// Rewrites the readable columns only: call refresh_match_keys afterwards, since the derived
// keys depend on contributors and identifiers that a bare row does not carry.
void update_work_row(Library& lib, WorkId id, const Work& work, const std::string& now);

// Fills into's empty readable fields from from; the existing value wins on conflict, keywords
// are united, global_citations takes the larger count (counts only grow). Returns whether
// anything changed.
bool fill_empty(Work& into, const Work& from);

void insert_contributors(Library& lib, PersonResolver& people, WorkId id, const std::vector<Contributor>& contributors);
// The roles a work has people in, and the next free position.
struct ContributorsOnWork {
  std::set<std::string, std::less<>> roles;
  int next_position = 0;
};
ContributorsOnWork load_contributors_on_work(Library& lib, WorkId id);

// Adds the contributors of the roles the work has nobody in yet, after the existing ones, and
// records those roles in on. A role the work already has keeps its people, as every other
// readable field keeps its value on a merge: the other record's names stay readable in its
// source record. (Uniting the lists made one work of two author lists written differently --
// "Lenstra, H. W., Jr." and "Lenstra, Hendrik W." -- and an export that could not give them
// back.) Returns how many were added.
int append_missing_contributors(Library& lib, PersonResolver& people, WorkId id, ContributorsOnWork& on,
                                const std::vector<Contributor>& contributors);

// When an API record merges into a work whose authors came from another source and the two
// author lists match one to one (same count and order, same family name key, compatible given
// names), the work's people gain the record's person identifiers: ORCID and idHAL where they
// have none, the other schemes where they hold none of that scheme. Never when the lists do not
// match, and never over an identifier a person holds already. Returns the people that gained one.
int lend_person_identifiers(Library& lib, WorkId id, const std::vector<Contributor>& contributors);

// Identifiers must already be normalized; duplicates are ignored.
void insert_identifiers(Library& lib, WorkId id, const std::vector<Identifier>& ids);

// encoded_fields is encode_fields(source.fields) (field_encoding.hpp), computed once by the caller.
std::int64_t insert_source(Library& lib, WorkId id, const SourceRecord& source, const std::string& encoded_fields,
                           const std::string& now);

void insert_references(Library& lib, WorkId id, const std::vector<Reference>& refs);

// The references a work already lists, by DOI, locator key, titled key and raw text (spaces
// collapsed): two sources of one work carry the same bibliography written differently, and a
// reference matching any of these is the same entry.
class ListedReferences {
 public:
  ListedReferences(Library& lib, WorkId work);
  bool contains(const std::string& doi, const std::string& locator, const std::string& titled,
                std::string_view raw) const;
  void add(const std::string& doi, const std::string& locator, const std::string& titled, std::string_view raw);
  // The position for the next appended reference.
  int take_position() { return next_position_++; }
  bool empty() const { return next_position_ == 0; }

 private:
  std::unordered_set<std::string> seen_;  // "d:doi", "l:locator", "t:titled", "r:raw"
  int next_position_ = 0;
};

// Adds the references the work does not list yet (see ListedReferences).
int append_missing_references(Library& lib, WorkId id, const std::vector<Reference>& refs);

// Adds the notes the work does not have yet (same text once trimmed), dated now. Returns how
// many were added.
int append_missing_notes(Library& lib, WorkId id, const std::vector<std::string>& notes, const std::string& now);

// The readable columns and contributors of a work: what its match keys are computed from.
Work read_work_for_keys(Library& lib, WorkId id);

// Recomputes the dedup and match keys of a work after its rows changed (fields filled,
// contributors added, a merge).
void refresh_match_keys(Library& lib, WorkId id);

}  // namespace litrev::store
