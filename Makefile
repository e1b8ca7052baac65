# bibun: a neural network that learns by numerical differentiation, in the browser.
#   make serve   build the site and serve it at http://localhost:8080
#   make test    every test: native, js/wasm under node, and the page in headless Chromium
#   make bench   the benchmark table (see README)

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASMENV   := GOOS=js GOARCH=wasm
# node runs js/wasm tests through nn/simd's go_js_wasm_exec: Go's own, plus
# the SIMD kernels that every binary linking package nn/simd imports.
WASMTEST  := GOROOT="$(GOROOT)" $(WASMENV) $(GO) test -exec $(CURDIR)/nn/simd/go_js_wasm_exec
ADDR      ?= localhost:8080

# Pure packages whose tests also run under js/wasm (node).
WASM_TESTED := ./nn/... ./wasm/...

.PHONY: build serve test test-native test-wasm test-browser bench clean

build: site/wasm_exec.js site/simd.js site/simd.wasm site/app.wasm site/worker.wasm

site/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

# The SIMD128 kernels and their loader (package nn/simd).
site/simd.js: nn/simd/simd.js
	cp $< $@

site/simd.wasm: nn/simd/kernels.wasm
	cp $< $@

site/app.wasm: FORCE
	$(WASMENV) $(GO) build -trimpath -ldflags=-s -o $@ ./wasm/app

site/worker.wasm: FORCE
	$(WASMENV) $(GO) build -trimpath -ldflags=-s -o $@ ./wasm/worker

FORCE:

serve: build
	$(GO) run ./cmd/serve -dir site -addr $(ADDR)

test: build test-native test-wasm test-browser

test-native:
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./wasm/... ./nn/...
	$(GO) vet -tags browser ./e2e/
	$(GO) test -count=1 ./...

# Then nn again without the kernels, as in a browser without SIMD128: the
# same golden digits. (The clock test ran in the first pass; on a busy
# machine it is the one that can miss its bound, so it does not run twice.)
test-wasm:
	$(WASMTEST) -count=1 $(WASM_TESTED)
	BIBUN_NOSIMD=1 $(WASMTEST) -count=1 -skip TestMeasureGradientFast ./nn/...

# The browser tests build nothing themselves: they serve site/ as built above.
test-browser: build
	$(GO) test -count=1 -timeout 20m -tags browser ./e2e/ -v -site $(CURDIR)/site

# The benchmark table (README, "Benchmarks"): cmd/bench builds its own copy of the site in a
# temporary directory (site/ is left alone), runs the nn benchmarks natively and under node, drives
# the page in headless Chromium, times the article's numpy program (../shared/bench/article_numpy.sh)
# and prints one table; the same table goes to artifacts/bench.md. It takes several minutes.
bench:
	$(GO) run ./cmd/bench -go $(GO) -out $(CURDIR)/artifacts/bench.md

clean:
	rm -f site/*.wasm site/wasm_exec.js site/simd.js
