# The loopback test server (cpp-httplib) replays recorded HAL answers.
set(extra_deps PkgConfig::HTTPLIB)
