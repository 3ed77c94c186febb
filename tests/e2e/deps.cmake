set(extra_deps nlohmann_json::nlohmann_json PkgConfig::HTTPLIB SQLiteCpp SQLite::SQLite3 litrev_export litrev_store)
