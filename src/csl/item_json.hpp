#pragma once
// CSL-JSON <-> Item. Reading is what citeproc-js and pandoc accept: ids as strings or numbers,
// numbers as JSON numbers or strings, "date-parts" with numbers or numeric strings, "raw" and
// "literal" dates, "season", "circa", "literal" names, names whose particles are written inside
// "family"/"given" ("van Dijck", "Alexis de"), Zotero's camelCase aliases. Writing produces
// the form every processor reads: particles in their own fields, dates as "date-parts".

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/csl/item.hpp"

namespace litrev::csl {

struct JsonProblem {
  std::size_t index = 0;  // item position in the array
  std::string id;
  std::string field;
  std::string message;
};

struct ItemsRead {
  std::vector<Item> items;
  std::vector<JsonProblem> problems;  // values skipped (the item is kept)
};

// Parses a CSL-JSON array (or a single object). Throws std::runtime_error with the JSON
// parser's position when the text is not JSON or not an array of objects.
ItemsRead read_csl_json(std::string_view json_text);

// One name object and one date value as read_csl_json reads them, for readers that walk the JSON
// themselves (importers/csljson). read_date sets ok to false when "date-parts" hold something
// other than numbers (or numbers no date has); what could be read is returned.
Name read_name(const nlohmann::json& object);
Date read_date(const nlohmann::json& value, bool& ok);
// The same from JSON text (an array of name objects; a date object or string), as the CSL-JSON
// importer keeps them in its source records; nullopt when the text is not that.
std::optional<std::vector<Name>> read_names_json(std::string_view json_text);
std::optional<Date> read_date_json(std::string_view json_text);

// A date string as Zotero writes "raw" dates and BibLaTeX/EDTF dates: "2019", "2019-03-14",
// "2019-03/2020-04", "2019/2020", "March 2019", "15 March 2019", "Spring 2019", "1999?",
// "ca. 1900". Unparseable text becomes a literal date.
Date parse_date_text(std::string_view text);

// Splits particles written inside family/given the way citeproc-js does when "parse-names"
// is not false: leading lower-case words of family ("van der Berg") become the
// non-dropping particle, trailing lower-case words of given ("Alexis de") the dropping one,
// and "d'Alembert" gives "d'".
void split_particles(Name& name);

// One item as a CSL-JSON object, and an array of them (UTF-8, 2-space indent, one item per
// block). Keys: id, type, standard and number variables, names, dates.
std::string write_csl_json(const std::vector<Item>& items);
std::string write_csl_json_item(const Item& item, int indent = 2);

}  // namespace litrev::csl
