# Every dependency comes from a Debian 12 package (scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CURL REQUIRED)
find_package(RocksDB REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(nlohmann_json 3 REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
# Photo decoding (JPEG, PNG, WebP, GIF, EXIF orientation) for PDQ hashes.
pkg_check_modules(VIPS REQUIRED IMPORTED_TARGET vips-cpp)
# Redis wire protocol for the multi-machine crawl (cluster/).
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)

# libphonenumber ships neither a CMake package nor a .pc file on Debian 12.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(phonenumber::phonenumber INTERFACE IMPORTED)
target_include_directories(phonenumber::phonenumber INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(phonenumber::phonenumber INTERFACE ${PHONENUMBER_LIBRARY})

if(PLAINSIGHT_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
