set(extra_deps nlohmann_json::nlohmann_json pugixml::pugixml PkgConfig::HTTPLIB SQLiteCpp SQLite::SQLite3 litrev_export)
