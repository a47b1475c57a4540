# Concert: build, run and test.
#
#   make run    install what is missing, build, start concertd on the sample plan
#   make test   install what is missing, build, run every test
#
# State, socket and the Python checkers live in this folder (.state/, .venv/).

SHELL        = /bin/bash
SWIFT       ?= swift
CONFIG      ?= debug
WORKFLOWS   ?= $(CURDIR)/Workflows/pnipgm
STATE_DIR   ?= $(CURDIR)/.state
SOCKET      ?= $(STATE_DIR)/concert.sock
VENV        ?= $(CURDIR)/.venv
PYTHON      ?= python3
BIN          = $(CURDIR)/.build/$(CONFIG)

# Debian packages the build and the tests need.
APT_PACKAGES = libsqlite3-dev python3 python3-venv python3-pip systemd

.PHONY: all deps venv build run test clean help

all: build

help:
	@sed -n '1,8p' Makefile

## deps: install the Debian packages that are missing (needs root; runs apt-get update first).
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift not found: install Swift 6.2 or later (swift.org) and put it on PATH"; exit 1; }

## venv: the Python checkers (the varlink reference client and certification test).
venv: $(VENV)/.installed

$(VENV)/.installed: Tests/requirements.txt | deps
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python3 -m pip install -q --disable-pip-version-check -r Tests/requirements.txt
	touch $@

build: deps
	$(SWIFT) build -c $(CONFIG)

run: build
	@mkdir -p $(STATE_DIR)
	@echo "concertd: plan $(WORKFLOWS), state $(STATE_DIR), socket $(SOCKET)"
	@echo ""
	@echo "In another terminal:"
	@echo "  export CONCERT_SOCKET=$(SOCKET)"
	@echo "  $(BIN)/concertctl status"
	@echo "  $(BIN)/concertctl measures --overdue"
	@echo "  $(BIN)/concertctl measure show M01"
	@echo "  $(BIN)/concertctl report M01 --status in_progress --note 'started'"
	@echo "  $(BIN)/concertctl events --follow"
	@echo ""
	@echo "Stop with Ctrl-C."
	@echo ""
	exec $(BIN)/concertd --workflows $(WORKFLOWS) --state-dir $(STATE_DIR) --socket $(SOCKET)

test: build venv
	set -o pipefail; CONCERT_PYTHON=$(VENV)/bin/python3 CONCERT_BIN_DIR=$(BIN) \
	  $(SWIFT) test -c $(CONFIG) --no-parallel 2>&1 | tee .build/test.log
	@sed -n 's/.*Test run with \([0-9]*\) tests* in .* passed.*/\1 passed, 0 failed/p' .build/test.log | tail -1

clean:
	rm -rf .build $(STATE_DIR)
