# A thin wrapper: `make demo` and `make test` are all a newcomer needs on Debian 12.
PRESET ?= release
BUILD := build/$(PRESET)
DEMO_OUT ?= out/icd

# Debian 12 packages the build, the tests and the demo need.
DEPS := cmake ninja-build g++ clang libclang-rt-14-dev pkg-config libyaml-dev libexpat1-dev libzip-dev \
        libxlsxwriter-dev libboost-graph-dev nlohmann-json3-dev libcli11-dev libmbedtls-dev libssl-dev libgtest-dev libgmock-dev libbenchmark-dev \
        graphviz libgraphviz-dev python3 python3-jsonschema python3-yaml python3-packaging python3-rpm \
        python3-openpyxl python3-docx poppler-utils chromium pandoc \
        time bc libmimalloc-dev
# medtra serve: the review store (SQLite, PostgreSQL and its server for the tests), HTTP(S), and the
# openssl command of its tests (chromium is listed above).
DEPS += libsqlite3-dev libpq-dev postgresql libcpp-httplib-dev openssl

.PHONY: deps build demo test asan-test fuzz bench format clean oracles browser-deps

deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then echo "please install: $$missing"; exit 1; fi; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	echo "installing: $$missing"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing

build: deps
	cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET)

demo: deps
	cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET) --target medtra
	@echo "== the attacker simulator: legacy link vs secure link (evidence for the risk file)"
	$(BUILD)/bin/medtra sim --attack all --seed 11
	@echo "== the threat/risk analysis of the case study (reads examples/icd/evidence/)"
	$(BUILD)/bin/medtra analyze examples/icd -o $(DEMO_OUT)
	@echo "open $(DEMO_OUT)/report.html in a browser; report.md, report.json, report.csv (risk register),"
	@echo "report.trace.csv (traceability matrix) and report.dot (data-flow diagram) are beside it"

test: build oracles browser-deps
	ctest --preset $(PRESET) -j2

# The reference implementations the version-ordering tests compare with: node-semver, pinned in
# tests/oracles/package-lock.json (dpkg and python3-packaging come from DEPS). npm comes with the
# machine's Node.js when it has one (NodeSource packages include it); else from Debian's npm.
oracles: deps
	@if ! command -v npm >/dev/null 2>&1; then \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "installing: npm"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq npm; \
	fi
	@[ -d tests/oracles/node_modules ] || npm ci --prefix tests/oracles --no-audit --no-fund --silent

# The browser tests of `medtra serve`: playwright-core, pinned in tests/browser/package-lock.json to
# the release that drives Debian's chromium (from DEPS; Playwright's own browser download is never
# used).
browser-deps: oracles
	@[ -d tests/browser/node_modules ] || npm ci --prefix tests/browser --no-audit --no-fund --silent

asan-test:
	$(MAKE) test PRESET=asan

# The fuzz targets come from the asan build (after `make asan-test` only they are linked).
fuzz: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan --target fuzzers
	./fuzz/run-all build/asan/bin 20

bench: deps
	cmake --preset $(PRESET) -DMEDTRA_BENCH=ON >/dev/null
	cmake --build --preset $(PRESET)
	$(BUILD)/bin/cvss_bench
	$(BUILD)/bin/link_bench
	$(BUILD)/bin/derive_bench
	./bench/pipeline.sh $(BUILD)/bin 1000 10000

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf build out
