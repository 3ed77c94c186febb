# The oracle results in ../shared are JSON.
set(extra_deps nlohmann_json::nlohmann_json)
