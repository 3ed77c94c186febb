set(extra_deps nlohmann_json::nlohmann_json pugixml::pugixml litrev_export)
