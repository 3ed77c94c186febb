#include "src/cli/commands.hpp"

#include <array>

namespace litrev::cli {

std::span<const CommandSpec> all_commands() {
  static const std::array specs = {
      CommandSpec{"init", "Create the library file (optional: every command creates it on first use)", make_init_command},
      CommandSpec{"import", "Import files of any format litrev reads, guessed from their content", [] { return make_import_file_command(""); }},
      CommandSpec{"import bibtex", "Import BibTeX/BibLaTeX files (- for stdin) into the library", [] { return make_import_file_command("bibtex"); }},
      CommandSpec{"import ris", "Import RIS files (Zotero, EndNote, Mendeley, publishers, Scopus RIS)", [] { return make_import_file_command("ris"); }},
      CommandSpec{"import wos", "Import Web of Science exports (plain text or tab-delimited)", [] { return make_import_file_command("wos"); }},
      CommandSpec{"import scopus", "Import Scopus CSV exports", [] { return make_import_file_command("scopus"); }},
      CommandSpec{"import csl-json", "Import CSL-JSON (Zotero, Better BibTeX, pandoc, litrev export csl-json)", [] { return make_import_file_command("csl-json"); }},
      CommandSpec{"import crossref", "Import works from Crossref by DOI (--doi, --doi-file, --enrich) or search", make_import_crossref_command},
      CommandSpec{"import hal", "Import documents from HAL by query, id, collection or idHAL", make_import_hal_command},
      CommandSpec{"import openalex", "Import works from OpenAlex by DOI, id, search or filter; --enrich adds reference lists", make_import_openalex_command},
      CommandSpec{"config", "Show or set a library setting (mailto, openalex.key)", make_config_command},
      CommandSpec{"list", "List the works of the library: --tag, --year, --type, --author filters; --sort", make_list_command},
      CommandSpec{"show", "Show one work: fields, identifiers, references, notes, tags, sources", make_show_command},
      CommandSpec{"search", "Full-text search over titles, abstracts, keywords, people and notes", make_search_command},
      CommandSpec{"note", "Add a Markdown note to a work, or list (--list), edit (--edit N) or delete (--delete N) its notes", make_note_command},
      CommandSpec{"tag", "Add tags to a work", make_tag_command},
      CommandSpec{"untag", "Remove tags from a work", make_untag_command},
      CommandSpec{"tags", "Every tag with how many works carry it", make_tags_command},
      CommandSpec{"set", "Correct a field of a work (title, year, doi, langid...): kept as your own source record", make_set_command},
      CommandSpec{"unset", "Give a field back its sources' value, or hide it (--hide)", make_unset_command},
      CommandSpec{"duplicates", "List probable duplicates that the import rules did not merge", make_duplicates_command},
      CommandSpec{"merge", "Merge two works by hand (nothing is lost: values stay in the source records)", make_merge_command},
      CommandSpec{"stats", "Count works, people, references, citations, notes and tags", make_stats_command},
      CommandSpec{"export ris", "Export as RIS for Zotero, EndNote and Mendeley (notes in N1, tags in KW)", make_export_ris_command},
      CommandSpec{"export table", "Export a CSV/TSV table for spreadsheets and R (graph columns on request)", make_export_table_command},
      CommandSpec{"export bibtex", "Export the library as BibTeX: original fields, notes in annote, tags in keywords", make_export_bibtex_command},
      CommandSpec{"export biblatex", "Export the library as BibLaTeX: notes in annotation, tags in keywords", make_export_biblatex_command},
      CommandSpec{"export csl-json", "Export the library as CSL-JSON (Zotero, pandoc, citeproc-js): notes in note", make_export_csl_json_command},
      CommandSpec{"export bibliography", "Format the library in a citation style (CSL): text, HTML, Markdown or LaTeX", make_export_bibliography_command},
      CommandSpec{"export annotated", "Annotated bibliography: formatted entries with notes, tags and clusters (HTML, Markdown, LaTeX, docx, odt)", make_export_annotated_command},
      CommandSpec{"styles", "Find citation styles (CSL) by name or title for export bibliography --style", make_styles_command},
      CommandSpec{"graph rank", "Key works: citations in the library, global citations, PageRank, betweenness", make_graph_rank_command},
      CommandSpec{"graph authors", "Key authors: citations, PageRank, co-authorship betweenness, h-index", make_graph_authors_command},
      CommandSpec{"graph cluster", "Cluster the literature (Leiden) and label the clusters", make_graph_cluster_command},
      CommandSpec{"graph missing", "Works the library cites most but does not hold", make_graph_missing_command},
      CommandSpec{"graph export", "Write a network for Gephi, VOSviewer, Pajek, Graphviz or a spreadsheet", make_graph_export_command},
      CommandSpec{"graph map", "Draw the literature: an interactive HTML map (or SVG) with clusters, authors, timeline", make_graph_map_command},
      CommandSpec{"graph timeline", "Works per year, in total and per cluster", make_graph_timeline_command},
      CommandSpec{"graph bursts", "References whose citations burst (Kleinberg, as CiteSpace)", make_graph_bursts_command},
      CommandSpec{"graph historiograph", "Citations among the most locally cited works, by year (Garfield)", make_graph_historiograph_command},
      CommandSpec{"people list", "Authors as the graph commands group them, with their name variants", make_people_list_command},
      CommandSpec{"people show", "One author: identifiers (ORCID, idHAL, IdRef, OpenAlex...), name variants, works", make_people_show_command},
      CommandSpec{"people merge", "Make several authors (name variants) one", make_people_merge_command},
      CommandSpec{"people split", "Keep one person apart from the author it was grouped with", make_people_split_command},
  };
  return specs;
}

}  // namespace litrev::cli
