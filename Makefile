# A thin wrapper: `make demo` and `make test` are all a newcomer needs on Debian 12.
PRESET ?= release
BUILD := build/$(PRESET)
DEMO_OUT ?= out/icd

# Debian 12 packages the build, the tests and the demo need.
DEPS := cmake ninja-build g++ clang libclang-rt-14-dev pkg-config libyaml-dev nlohmann-json3-dev \
        libcli11-dev libmbedtls-dev libssl-dev libgtest-dev libgmock-dev libbenchmark-dev \
        graphviz libgraphviz-dev python3 python3-jsonschema python3-yaml

.PHONY: deps build demo test asan-test fuzz bench format clean

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

demo: build
	$(BUILD)/bin/medtra analyze examples/icd -o $(DEMO_OUT) --format html,md,json,csv
	@echo "wrote $(DEMO_OUT)/report.html (open it in a browser), report.md, report.json, report.csv"

test: build
	ctest --preset $(PRESET) -j2

asan-test:
	$(MAKE) test PRESET=asan

fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz
	./fuzz/run-all build/fuzz/bin 20

bench: build
	./bench/run.sh $(BUILD)/bin

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf build out
