# The loopback test server (cpp-httplib) replays recorded HAL answers; the merge test also
# fetches from Crossref and stores both records in a library.
set(extra_deps PkgConfig::HTTPLIB litrev_crossref litrev_store)
