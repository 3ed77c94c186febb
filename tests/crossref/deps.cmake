# The loopback test server (cpp-httplib) replays recorded Crossref answers.
set(extra_deps PkgConfig::HTTPLIB)
