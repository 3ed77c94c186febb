# The loopback test server (cpp-httplib) and zlib to gzip a body by hand.
find_package(ZLIB REQUIRED)
set(extra_deps PkgConfig::HTTPLIB ZLIB::ZLIB)
