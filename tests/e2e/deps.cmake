set(extra_deps nlohmann_json::nlohmann_json litrev_export litrev_store)
