#pragma once
// The litrev library file: SQLite (WAL, foreign keys, busy timeout, versioned schema).
// This folder is the only code in litrev that speaks SQL, always with bound parameters.
//
// The rules the store applies, in one place:
// - Keys: a work keeps the key its first record wanted when it is free; a taken key becomes
//   "key-2", "key-3"...; a record without key gets firstauthor+year+first title word,
//   ASCII-folded ("dimaggio1983iron").
// - Dedup on add. First, a record whose source is stored already, exactly (same kind,
//   origin, original key and fields; the line may differ; a record without key is not
//   checked), adds nothing and is reported merged by rule "same source": importing a file
//   twice changes nothing. Otherwise the first
//   rule that matches: same DOI; same HAL id; same OpenAlex id; same ISBN when both are book-like types (a
//   chapter carries its book's ISBN); same normalized title (title + subtitle) + year + first
//   author family name, when the types are compatible (core/data_model.hpp types_compatible: a
//   conference paper and its journal version are two works) and unless both sides have DOIs
//   and none is shared. The identifier rules also need plausible titles (keys.hpp
//   identifier_match_plausible): one DOI on two clearly different titles, by different first
//   authors or in different years, is an exporter's error (a proceedings DOI on every paper),
//   and the record becomes a work of its own. Records of one input are matched against each
//   other too.
//   A match fills the work's empty readable fields (the existing value wins, keywords are
//   united), gives the work the record's people in the roles it has nobody in (a role that
//   has people keeps them: the existing value wins here too), and adds the record's
//   provenance, identifiers, missing references and the notes it does not have (same text). The type counts as a readable field,
//   except that "misc" (an importer's "don't know") yields to any other type. Fields the user
//   set or hid (set_field, hide_field: the work's "user" source) win over every record.
// - People are one row per person: same ORCID, else same idHAL, else the same other identifier
//   (IdRef, Scopus, OpenAlex, ResearcherID), else same folded name (particle + family | given |
//   suffix) with no conflicting identifier. "Powell, W." and "Powell, Walter" stay two people
//   here (the graph module groups name variants).
// - References resolve to works, strongest first: cite key (the key a record of the same input
//   wrote, then a library key), DOI, OpenAlex work id, then the locator, titled and abbreviated keys of
//   core/reference_keys when exactly one work has them; a reference without DOI also follows
//   its resolved siblings with the same locator. Never to the citing work itself. A reference
//   resolved through a locator, titled or abbreviated key is resolved again when a later work
//   shares that key with its cited work, so citations do not depend on import order.
//   Unresolved references keep core reference_identity, and one without DOI takes the DOI
//   identity of the references with the same locator; load_citation_corpus then groups the
//   identities that name one cited work (core/cited_works.hpp).
// - A Store (and its batches) is used by one thread at a time; several processes may share a
//   library file (WAL, 5 s busy timeout, imports queue on the write lock).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/citation_corpus.hpp"
#include "src/core/record.hpp"

namespace litrev {

// Raised for a library that cannot be opened or migrated, or a constraint broken by the caller.
// Caught once in main and mapped to an exit code.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Raised when a name the caller gave (a work's key, a person, a saved run) is not in the
// library: one exception for "not found" wherever a command names something. The message names
// the library and, for keys, the closest keys ("did you mean ...?").
class NotFoundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using WorkId = std::int64_t;

// Outcome of adding one record.
struct AddResult {
  WorkId work_id = 0;
  std::string key;          // the work's key in the library
  bool merged = false;      // true: an existing work was updated instead of a new one created
  std::string merged_rule;  // "doi", "hal", "isbn", "title+year+author" when merged, or
                            // kSameSourceRule: the record was stored already, nothing changed
};
inline constexpr std::string_view kSameSourceRule = "same source";

// A stored work with everything `show` and `list --json` need.
struct StoredWork {
  WorkId id = 0;
  Work work;                          // readable values (key is the library key)
  std::vector<SourceRecord> sources;  // every provenance, oldest first
  std::vector<SourceField> fields;    // union of the sources' original fields, first source wins
  std::vector<std::string> tags;
  struct Note {
    std::int64_t id = 0;
    std::string created_at;
    std::string text;
    std::string edited_at = {};  // "" when never edited
  };
  std::vector<Note> notes;
  struct StoredReference {
    Reference reference;
    std::optional<WorkId> cited_work;
    std::string cited_key;  // key of the cited work when resolved
    std::string identity;   // normalized identity for unresolved references
  };
  std::vector<StoredReference> references;
};

// A BibTeX @preamble block read from an imported file (its \newcommand and \def define
// what values such as {\noopsort{a}} use); exports write these back before the entries.
struct StoredPreamble {
  std::string text;         // the block's value: macros expanded, LaTeX kept
  std::string origin;       // the file it was first read from
  std::string imported_at;  // when it was first read
};

struct LibraryStats {
  std::int64_t works = 0, people = 0, references = 0, citations = 0, notes = 0, tags = 0,
               sources = 0, identifiers = 0;
};

struct SearchHit {
  std::string key;
  std::string title;
  std::optional<int> year;
  std::string snippet;  // with [matched] terms bracketed
  double rank = 0;      // bm25: lower is better
};

struct DuplicateCandidate {
  std::string key_a, key_b;
  double score = 0;  // 0..1 title similarity, adjusted by year and author agreement
  std::string reason;
};

// Which works list_works / for_each_work visit, and in what order. Filters combine (and).
enum class ListSort { added, year, title, author, citations };
struct ListFilter {
  std::optional<std::string> tag;  // case-insensitive
  std::optional<std::int64_t> limit;  // after sorting
  // (Members after tag and limit have default initializers: ListFilter{tag, limit} still reads.)
  std::optional<int> year_from = {}, year_to = {};  // inclusive; works without a year are left out
  std::optional<std::string> type = {};             // a store type (core/data_model.hpp)
  // Every word of it begins a word of an author's (or, for works without authors, an
  // editor's) name, accents and case ignored: "latour", "le gales", "powell w".
  std::optional<std::string> author = {};
  // added: library order. year, title (accents and case ignored), author (first creator's
  // family then given name): ascending; citations: most cited in the library first. Works
  // missing the sort value come last; ties keep library order. reverse flips the order of the
  // works that have the value.
  ListSort sort = ListSort::added;
  bool reverse = false;
};

// A correction by `litrev set` / `unset` (field names: core/work_fields.hpp).
struct FieldChange {
  std::string key;
  std::string field;   // canonical name
  std::string before;  // readable value before the change (core work_field_value)
  std::string after;   // and after
  bool changed() const { return before != after; }
};

// The work's source record that holds the user's own values (`litrev set`), and the value that
// marks a field the user hid (`litrev unset --hide`).
inline constexpr std::string_view kUserSourceKind = "user";
inline constexpr std::string_view kHiddenValue = "";

struct TagCount {
  std::string name;
  std::int64_t works = 0;
};

// A saved clustering run (graph module): what `graph cluster` computed, so that exports and
// later commands can group by cluster and compare runs.
struct ClusterRun {
  std::int64_t id = 0;  // set by the store
  std::string network;  // "cocitation", "coupling", "citation"
  std::string quality_function;
  std::string parameters_json = "{}";
  std::optional<std::int64_t> seed;
  std::string created_at;  // set by the store when empty
  std::optional<double> quality, modularity;
  struct Cluster {
    std::int64_t cluster = 0;
    std::int64_t size = 0;
    std::string label;
    std::vector<std::string> terms;
  };
  std::vector<Cluster> clusters;
  struct Assignment {
    std::optional<WorkId> work;  // a library work, or
    std::string identity;        // an external cited work's identity
    std::int64_t cluster = 0;
    std::string key;  // filled when read back: the work's key (empty for externals)
  };
  std::vector<Assignment> assignments;
};

class Store {
 public:
  // Opens (creating and migrating as needed) the library at path. Throws StoreError.
  static Store open(const std::filesystem::path& path);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // The schema version this build writes (PRAGMA user_version).
  static int schema_version();

  // One import = one transaction: records added inside an ImportBatch become visible together
  // on commit(); destroying an uncommitted batch (error, Ctrl-C unwinding) rolls everything back.
  class ImportBatch {
   public:
    ImportBatch(ImportBatch&&) noexcept;
    ~ImportBatch();
    // Adds one record: dedups against the library (see the rules above), inserts or merges,
    // keeps the provenance. If it throws (I/O error, a bug), the whole batch has been rolled
    // back and closed: later add() and commit() throw StoreError.
    AddResult add(const ImportRecord& record);
    // Keeps a @preamble of the input (one row per distinct text: the same block imported
    // again, or written by several files, is kept once with its first origin). Rolled back
    // with the batch. Blank text is ignored.
    void add_preamble(const std::string& text, const std::string& origin);
    // Indexes the batch for search, resolves its references (and older unresolved ones that
    // its works now match), then commits. Returns how many references became citations.
    std::int64_t commit();

   private:
    friend class Store;
    struct Impl;
    explicit ImportBatch(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
  };
  // Takes the library's write lock (waiting up to two minutes for another importing process).
  // One batch at a time per Store.
  ImportBatch begin_import();

  bool contains(const std::string& key) const;

  // The preambles of every imported file, in the order first read.
  std::vector<StoredPreamble> preambles() const;

  std::optional<StoredWork> find_work(const std::string& key) const;
  // The work with this key; throws NotFoundError naming the closest keys when there is none.
  StoredWork work(const std::string& key) const;
  // Keys of the library closest to a mistyped one (edit distance, or the key begins with it),
  // best first: for "did you mean ...?".
  std::vector<std::string> closest_keys(const std::string& key, std::size_t max_results = 3) const;
  // Works in library order (oldest first), optionally only those with a tag (case-insensitive).
  std::vector<StoredWork> list_works(const ListFilter& filter = {}) const;
  // Streams works one by one (export of a large library without holding it all). visit may
  // call back into the store.
  void for_each_work(const ListFilter& filter, const std::function<void(const StoredWork&)>& visit) const;

  // FTS5 over title + subtitle, abstract, keywords, people and notes, best first (bm25, title
  // and keywords weighted up). A query that is not valid FTS5 syntax ("AI: ethics", an
  // unbalanced quote) searches for its words instead of failing.
  std::vector<SearchHit> search(const std::string& fts_query, int limit = 20) const;

  // Adds a timestamped note; throws NotFoundError when the key is unknown.
  std::int64_t add_note(const std::string& key, const std::string& markdown);
  // The work's notes, oldest first. Throws NotFoundError when the key is unknown.
  std::vector<StoredWork::Note> notes(const std::string& key) const;
  // Replaces / deletes note note_id of the work (search follows). Throw NotFoundError when the
  // key is unknown or the work has no such note.
  void edit_note(const std::string& key, std::int64_t note_id, const std::string& markdown);
  void delete_note(const std::string& key, std::int64_t note_id);

  // The user's corrections, kept as the work's source record of kind "user" (one per work,
  // holding one [field, value] per corrected field), which counts before every imported source:
  // the readable value, `show`, the exports and the dedup, search and citation keys follow it,
  // and a later import of any source fills no field the user set or hid. field is a name or
  // alias of core/work_fields.hpp; value must be normalize_work_field's output (else
  // StoreError). Throw NotFoundError when the key is unknown.
  // set_field: the user's value for field.
  FieldChange set_field(const std::string& key, const std::string& field, const std::string& value);
  // hide_field: the field is empty whatever the sources say (until unset_field).
  FieldChange hide_field(const std::string& key, const std::string& field);
  // unset_field: forgets the user's value or hiding; the value the sources gave comes back.
  // Nothing changes (before == after) when the user had not touched the field.
  FieldChange unset_field(const std::string& key, const std::string& field);
  // Returns the tags actually added / removed (as stored: a tag keeps its first spelling and
  // is unique case-insensitively). Throw NotFoundError when the key is unknown.
  std::vector<std::string> tag(const std::string& key, const std::vector<std::string>& tags);
  std::vector<std::string> untag(const std::string& key, const std::vector<std::string>& tags);
  // Every tag with how many works carry it: most used first, then by name (case-insensitive).
  std::vector<TagCount> tag_counts() const;

  // Probable duplicates the dedup rules did not merge, best first (see duplicates.hpp for the
  // score: title trigram similarity adjusted by year and first author agreement).
  std::vector<DuplicateCandidate> find_duplicates(double min_score = 0.85) const;
  // Merges `other` into `keep`: provenances, identifiers, notes, tags and references move,
  // other's people come in for the roles keep has nobody in, keep's empty fields are filled, citations to other now
  // point to keep; the losing values stay readable in the moved source records, and the merge
  // is recorded (table merges). Throws NotFoundError when a key is unknown, StoreError for a
  // work merged with itself or while an import batch is open.
  void merge(const std::string& keep, const std::string& other);

  LibraryStats stats() const;

  // Re-runs reference resolution over the whole library; returns how many became citations.
  std::int64_t resolve_references();

  // The graph module's input (see core/citation_corpus.hpp). with_text adds abstracts/keywords.
  CitationCorpus load_citation_corpus(bool with_text = false) const;

  // Clustering runs: saved with their clusters and assignments; listed without assignments.
  std::int64_t save_cluster_run(const ClusterRun& run);
  std::vector<ClusterRun> cluster_runs() const;
  std::optional<ClusterRun> cluster_run(std::int64_t id) const;

  // Per-library settings (e.g. "mailto").
  std::optional<std::string> config(const std::string& name) const;
  void set_config(const std::string& name, const std::string& value);

  const std::filesystem::path& path() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace litrev
