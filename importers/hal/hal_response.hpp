#pragma once
// Reading a HAL search answer, whatever form it takes: JSON (wt=json, the default) with or
// without `label_xml`, TEI (wt=xml-tei), or an error. Pure functions of the HTTP answer.
//  - HAL reports a bad query with HTTP 200 and {"error":{"msg":...}} (its PHP front end even
//    writes the message JSON-encoded twice, which is not valid JSON); Solr's own errors come as
//    4xx with {"error":{"msg":...,"code":400}} or <lst name="error"><str name="msg">.
//    All of these are detected and reported with HAL's message.
//  - A search without results (numFound 0) is an empty page, not an error.

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "importers/net/http_types.hpp"
#include "src/core/record.hpp"

namespace litrev {

struct HalError {
  enum class Kind {
    api_error,    // HAL/Solr explained what is wrong with the query
    http_status,  // an unexpected status without a HAL message
    unreadable,   // neither JSON nor TEI, or broken
  };
  Kind kind = Kind::unreadable;
  std::string url;
  long status = 0;
  std::string message;
  std::string describe() const;  // "HAL: <message> (HTTP 200): <url>"
};

struct HalPage {
  std::vector<ImportRecord> records;
  std::size_t docs = 0;                  // documents in this answer
  std::optional<std::size_t> num_found;  // the search's total
  std::string next_cursor_mark;          // empty when the answer carries none (TEI never does)
  std::vector<Diagnostic> diagnostics;
  // Documents answered with nothing to store: no readable label_xml and no title in the Solr
  // fields (HAL's default field list is halId, docType, DOI and label_xml). Storing them would
  // make untitled "Anon. (n.d.)" works; the recipes report them as failed, by HAL id.
  std::vector<std::string> unusable;
};

std::expected<HalPage, HalError> parse_hal_response(const HttpResponse& response);

// HAL's message when the body is one of its error forms, nullopt otherwise.
std::optional<std::string> hal_error_message(std::string_view body);

// One document of a JSON answer. With `label_xml` (the document's full TEI) the TEI is read;
// otherwise the Solr fields are mapped (title_s, authFirstName_s/authLastName_s with idHAL from
// authFullNamePersonIDIDHal_fs, journalTitle_s, doiId_s...). Every other field is kept in the
// source record.
ImportRecord hal_json_doc_to_record(const nlohmann::json& doc, std::string_view origin,
                                    std::vector<Diagnostic>& diagnostics);

}  // namespace litrev
