# Third-party libraries, all from Debian packages (see `make deps`). Nothing is downloaded.
find_package(PkgConfig REQUIRED)
pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)  # JUnit XML evidence (src/trace)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)  # zipped advisory exports (src/sbom)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # threats export --format xlsx
pkg_check_modules(SQLITE REQUIRED IMPORTED_TARGET sqlite3)  # the review store (src/store)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)  # the review store on PostgreSQL
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(OpenSSL 3 REQUIRED)
# cpp-httplib for `medtra serve` (Debian builds it as a shared library with TLS through OpenSSL;
# its pkg-config file sets the CPPHTTPLIB_*_SUPPORT definitions that every includer must share).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(Threads REQUIRED)  # the advisory folder is read by several workers
find_library(MBEDCRYPTO_LIB mbedcrypto REQUIRED)
# The two Graphviz plugins the DFD links in (src/report/dfd.cc says why no others are loaded).
pkg_get_variable(GVC_LIBDIR libgvc libdir)
find_library(GVPLUGIN_DOT_LIB gvplugin_dot_layout PATHS ${GVC_LIBDIR}/graphviz NO_DEFAULT_PATH REQUIRED)
find_library(GVPLUGIN_CORE_LIB gvplugin_core PATHS ${GVC_LIBDIR}/graphviz NO_DEFAULT_PATH REQUIRED)
find_path(MBEDTLS_INCLUDE_DIR mbedtls/ccm.h REQUIRED)
# Boost.Graph (header-only here): the max-flow / min-cut of the attack paths (src/paths).
find_path(BOOST_GRAPH_INCLUDE_DIR boost/graph/boykov_kolmogorov_max_flow.hpp REQUIRED)

add_library(medtra_deps INTERFACE)
target_include_directories(medtra_deps SYSTEM INTERFACE ${MBEDTLS_INCLUDE_DIR} ${BOOST_GRAPH_INCLUDE_DIR})
target_link_libraries(medtra_deps INTERFACE PkgConfig::YAML PkgConfig::GVC PkgConfig::EXPAT
                                            PkgConfig::LIBZIP PkgConfig::XLSXWRITER
                                            PkgConfig::SQLITE PkgConfig::LIBPQ PkgConfig::HTTPLIB
                                            nlohmann_json::nlohmann_json
                                            ${GVPLUGIN_DOT_LIB} ${GVPLUGIN_CORE_LIB} ${MBEDCRYPTO_LIB}
                                            OpenSSL::SSL OpenSSL::Crypto Threads::Threads)
