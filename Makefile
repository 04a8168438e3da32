# Tantième — build and test.
#   make run    installs what Fyne needs, builds the desktop program and opens it on the demo residence
#   make test   vet, format check and every test (installs the test tools when missing)
#   make dist   the packages that can be built here, into dist/ (Windows installer and zip, Linux .tar.xz and .deb)
GO ?= go
export LANG := fr_FR.UTF-8
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin

.PHONY: run build cli test vet cross-vet fmt-check fuzz bench deps test-deps dist dist-windows dist-linux dist-deps

run: deps build
	./bin/tantieme --demo

build:
	$(GO) build -o bin/tantieme ./cmd/tantieme

cli:
	CGO_ENABLED=0 $(GO) build -o bin/tantieme-cli ./cmd/tantieme-cli

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi

# Everything but the real window builds and tests without cgo (ARCHITECTURE.md):
# that also proves nothing below ui/ imports Fyne's drivers. The window itself
# is built with cgo.
NOCGO_PKGS = $(shell $(GO) list ./... | grep -v '/cmd/tantieme$$')
test: test-deps vet fmt-check
	CGO_ENABLED=0 $(GO) test $(NOCGO_PKGS)
	$(GO) build -o /dev/null ./cmd/tantieme

# Windows and macOS cannot be tested here, but every package but the Fyne
# window compiles and vets for them without cgo, so the per-system files
# (internal/desktop, the writer lock, disk space) always compile. ./ui and
# ./ui/widgets too for Windows, where Fyne's widgets need no cgo; not for
# macOS, where Fyne's internal/widget does (scroller_behavior_darwin.go),
# like cmd/tantieme everywhere (GLFW): those are built with cgo by the
# packaging.
CROSS_PKGS = $(shell $(GO) list ./... | grep -v -e '/cmd/tantieme$$' -e '/ui$$' -e '/ui/')
cross-vet:
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) vet $(CROSS_PKGS) ./ui/...
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) vet $(CROSS_PKGS)

# Short runs of every fuzz test (parsers of outside files, money rules).
FUZZTIME ?= 10s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; CGO_ENABLED=0 $(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 3s || exit 1; \
	  done; \
	done

bench:
	CGO_ENABLED=0 $(GO) test ./ledger -run '^$$' -bench . -benchtime 20x
	CGO_ENABLED=0 $(GO) test ./app/... -run '^$$' -bench . -benchtime 1x

# Packages (scripts/dist-*; macOS: the README). The Windows
# window is cross-compiled with cgo and mingw-w64: minutes the first time,
# then Go's build cache makes it quick. scripts/windows-smoke tests them under Wine.
DIST ?= dist
dist: dist-windows dist-linux

dist-windows: dist-deps
	scripts/dist-windows $(DIST)

dist-linux: dist-deps
	scripts/dist-linux $(DIST)

dist-deps:
	@scripts/install-deps
	@scripts/install-deps --dist
