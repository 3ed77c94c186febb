#pragma once
// Factories of every subcommand, one per command_*.cpp file; commands.cpp orders them.

#include <memory>
#include <string_view>

#include "src/cli/command.hpp"

namespace litrev::cli {

std::unique_ptr<Command> make_init_command();
// `import` (format guessed) when format is empty, else `import <format>` (file_formats.hpp).
std::unique_ptr<Command> make_import_file_command(std::string_view format);
std::unique_ptr<Command> make_import_crossref_command();
std::unique_ptr<Command> make_import_hal_command();
std::unique_ptr<Command> make_import_openalex_command();
std::unique_ptr<Command> make_config_command();
std::unique_ptr<Command> make_stats_command();
std::unique_ptr<Command> make_list_command();
std::unique_ptr<Command> make_show_command();
std::unique_ptr<Command> make_search_command();
std::unique_ptr<Command> make_note_command();
std::unique_ptr<Command> make_tag_command();
std::unique_ptr<Command> make_untag_command();
std::unique_ptr<Command> make_tags_command();
std::unique_ptr<Command> make_set_command();
std::unique_ptr<Command> make_unset_command();
std::unique_ptr<Command> make_duplicates_command();
std::unique_ptr<Command> make_merge_command();
std::unique_ptr<Command> make_export_ris_command();
std::unique_ptr<Command> make_export_table_command();
std::unique_ptr<Command> make_export_bibtex_command();
std::unique_ptr<Command> make_export_biblatex_command();
std::unique_ptr<Command> make_export_csl_json_command();
std::unique_ptr<Command> make_export_bibliography_command();
std::unique_ptr<Command> make_export_annotated_command();
std::unique_ptr<Command> make_styles_command();
std::unique_ptr<Command> make_graph_rank_command();
std::unique_ptr<Command> make_graph_authors_command();
std::unique_ptr<Command> make_graph_cluster_command();
std::unique_ptr<Command> make_graph_missing_command();
std::unique_ptr<Command> make_graph_export_command();
std::unique_ptr<Command> make_graph_map_command();
std::unique_ptr<Command> make_graph_timeline_command();
std::unique_ptr<Command> make_graph_bursts_command();
std::unique_ptr<Command> make_graph_historiograph_command();
std::unique_ptr<Command> make_people_list_command();
std::unique_ptr<Command> make_people_show_command();
std::unique_ptr<Command> make_people_merge_command();
std::unique_ptr<Command> make_people_split_command();

}  // namespace litrev::cli
