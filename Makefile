# bibun: a neural network that learns by numerical differentiation, in the browser.
#   make serve   build the site and serve it at http://localhost:8080
#   make test    every test: native, js/wasm under node, the page in headless Chromium, and its
#                golden digits in Firefox and WebKit too
#   make bench   the benchmark table (see README)

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASMENV   := GOOS=js GOARCH=wasm
# node runs js/wasm tests through nn/simd's go_js_wasm_exec: Go's own, plus
# the SIMD kernels that every binary linking package nn/simd imports.
WASMTEST  := GOROOT="$(GOROOT)" $(WASMENV) $(GO) test -exec $(CURDIR)/nn/simd/go_js_wasm_exec
ADDR      ?= localhost:8080
# The site's public address, for the link previews' absolute og:image and og:url:
#   make build SITE_URL=https://example.org/bibun/
# Without it they are relative, which some previewers do not follow.
SITE_URL  ?=

# Pure packages whose tests also run under js/wasm (node).
WASM_TESTED := ./nn/... ./wasm/...

.PHONY: build serve test test-native lint test-wasm test-browser test-engines bench clean

# sitegen runs last: it writes index.html (from web/), og.png, and sw.js, which lists every other
# file of the site with its digest.
build: site/wasm_exec.js site/simd.js site/simd.wasm site/bibun.wasm
	$(GO) run ./cmd/sitegen -web web -site site -url '$(SITE_URL)'

site/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

# The SIMD128 kernels and their loader (package nn/simd).
site/simd.js: nn/simd/simd.js
	cp $< $@

site/simd.wasm: nn/simd/kernels.wasm
	cp $< $@

# One program for the page and its workers (package wasm/app decides which
# it is). The two binaries of earlier builds go: sw.js would list them.
# Inlining in the page's packages (view above all) only copies vecty's small
# constructors into every render, for 0.55 MB of code (99 kB gzipped) the
# browser must fetch and compile; -l leaves them calls. cmd/bench builds with
# the same flags.
# wasmmerge then joins the data segments Go's linker writes apart (tens of
# thousands, each with an offset gzip cannot predict): 0.11 MB less gzipped,
# the same memory (package internal/wasmdata).
WASMFLAGS := -trimpath -ldflags=-s -gcflags=bibun/wasm/app/...=-l
site/bibun.wasm: FORCE
	$(WASMENV) $(GO) build $(WASMFLAGS) -o $@ ./wasm/app
	$(GO) run ./cmd/wasmmerge $@
	rm -f site/app.wasm site/worker.wasm

FORCE:

e2e/node_modules/axe-core/axe.min.js: e2e/package.json e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund
	touch $@

serve: build
	$(GO) run ./cmd/serve -dir site -addr $(ADDR)

test: build test-native test-wasm test-browser test-engines

# staticcheck is a tool dependency in go.mod (go tool staticcheck); it is built natively and then
# checks the js/wasm packages as js/wasm code. actionlint (also in go.mod) checks the workflows in
# .github/workflows (the GitHub Pages deployment).
STATICCHECK = $(shell $(GO) tool -n staticcheck)

test-native: lint
	$(GO) test -count=1 ./...

lint:
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./wasm/... ./nn/...
	$(GO) vet -tags browser ./e2e/...
	$(STATICCHECK) ./...
	$(WASMENV) $(STATICCHECK) ./wasm/... ./nn/...
	$(STATICCHECK) -tags browser ./e2e/...
	$(GO) tool actionlint

# Then nn again without the kernels, as in a browser without SIMD128: the
# same golden digits.
test-wasm:
	$(WASMTEST) -count=1 $(WASM_TESTED)
	BIBUN_NOSIMD=1 $(WASMTEST) -count=1 ./nn/...

# The browser tests build nothing themselves: they serve site/ as built above. axe-core comes
# from npm (e2e/package-lock.json) for the accessibility checks.
test-browser: build e2e/node_modules/axe-core/axe.min.js
	$(GO) test -count=1 -timeout 20m -tags browser ./e2e/ -v -site $(CURDIR)/site

# The golden runs, and the same run with 1 and 2 workers, in Chromium, Firefox and WebKit
# (e2e/engines, README "Browsers"): Firefox over WebDriver BiDi, WebKit over WebDriver classic
# under xvfb-run. An engine not installed is skipped, unless CI is set.
test-engines: build
	$(GO) test -count=1 -timeout 30m -tags browser ./e2e/engines/ -v -site $(CURDIR)/site

# The benchmark table (README, "Benchmarks"): cmd/bench builds its own copy of the site in a
# temporary directory (site/ is left alone), runs the nn benchmarks natively and under node, drives
# the page in headless Chromium, then Firefox and WebKit, times the article's numpy program
# (../shared/bench/article_numpy.sh) and prints one table; the same table goes to
# artifacts/bench.md. It takes several minutes.
bench:
	$(GO) run ./cmd/bench -go $(GO) -out $(CURDIR)/artifacts/bench.md

clean:
	rm -f site/*.wasm site/wasm_exec.js site/simd.js site/index.html site/og.png site/sw.js
