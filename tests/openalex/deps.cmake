# The loopback test server (cpp-httplib) replays recorded and hand-written OpenAlex answers; the
# store tests put the records in a library.
set(extra_deps PkgConfig::HTTPLIB litrev_store)
