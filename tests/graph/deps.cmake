# The oracle results in ../shared are JSON; pipeline_test.cpp imports a real WoS export through
# the BibTeX importer and the store, as `litrev graph` will.
set(extra_deps nlohmann_json::nlohmann_json litrev_store litrev_bibtex)
