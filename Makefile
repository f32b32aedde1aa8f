# Two commands: `make serve` builds and serves the app, `make test` runs every check.
# Both install what they need on first use (scripts/setup.sh, versions in tools/versions.env).
.PHONY: serve test build setup fmt
# scripts/env.sh uses bash features.
SHELL := /bin/bash

serve:
	@./scripts/serve.sh

test:
	@./scripts/check.sh

build:
	@./scripts/setup.sh build && . scripts/env.sh && trunk build --release

setup:
	@./scripts/setup.sh test

fmt:
	@. scripts/env.sh && leptosfmt -q src tests && cargo fmt
