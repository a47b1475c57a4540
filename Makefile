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

# make install: where a distribution puts things (PREFIX=/usr for a package, /usr/local by
# default; systemd reads units, sysusers.d and tmpfiles.d under both). DESTDIR stages.
PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      ?= $(PREFIX)/bin
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
DATADIR     ?= $(PREFIX)/share/concert
DOCDIR      ?= $(PREFIX)/share/doc/concert
SYSCONFDIR  ?= /etc
INSTALL     ?= install
RELEASE_BIN  = $(CURDIR)/.build/release
# The units name /usr/bin/concertd and /usr/share/doc/concert; install rewrites them.
UNIT_SED     = -e 's|/usr/bin/concertd|$(BINDIR)/concertd|g' -e 's|/usr/share/doc/concert|$(DOCDIR)|g'

# Debian packages the build and the tests need.
APT_PACKAGES = libsqlite3-dev python3 python3-venv python3-pip systemd libsystemd-dev pkg-config strace

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

.PHONY: install uninstall

## install: release binaries, systemd units, sysusers.d/tmpfiles.d, the sample plan (in
## $(SYSCONFDIR)/concert unless a plan is there already, and as an example) and the docs.
install:
	$(SWIFT) build -c release
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
	  $(DESTDIR)$(DATADIR)/workflows/pnipgm $(DESTDIR)$(DOCDIR)/examples
	$(INSTALL) -m 0755 $(RELEASE_BIN)/concertd $(RELEASE_BIN)/concertctl $(DESTDIR)$(BINDIR)/
	for unit in concertd.service concertd.socket; do \
	  sed $(UNIT_SED) Units/$$unit > $(DESTDIR)$(UNITDIR)/$$unit && chmod 0644 $(DESTDIR)$(UNITDIR)/$$unit || exit 1; \
	done
	sed $(UNIT_SED) Units/concertd.service.d/smtp-relay.conf > $(DESTDIR)$(DOCDIR)/examples/smtp-relay.conf
	$(INSTALL) -m 0644 Units/concert.sysusers $(DESTDIR)$(SYSUSERSDIR)/concert.conf
	$(INSTALL) -m 0644 Units/concert.tmpfiles $(DESTDIR)$(TMPFILESDIR)/concert.conf
	$(INSTALL) -m 0644 Workflows/pnipgm/* $(DESTDIR)$(DATADIR)/workflows/pnipgm/
	$(INSTALL) -m 0644 README.md $(DESTDIR)$(DOCDIR)/README.md
	@if [ -n "$$(ls -A $(DESTDIR)$(SYSCONFDIR)/concert 2>/dev/null)" ]; then \
	  echo "$(DESTDIR)$(SYSCONFDIR)/concert is not empty: kept the plan there (the sample is in $(DATADIR)/workflows/pnipgm)"; \
	else \
	  echo "installing the sample plan in $(DESTDIR)$(SYSCONFDIR)/concert"; \
	  $(INSTALL) -d -m 0755 $(DESTDIR)$(SYSCONFDIR)/concert && \
	  $(INSTALL) -m 0644 Workflows/pnipgm/* $(DESTDIR)$(SYSCONFDIR)/concert/; \
	fi

## uninstall: removes what install put under PREFIX; keeps the plan in $(SYSCONFDIR)/concert
## and the state in /var/lib/concert.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/concertd $(DESTDIR)$(BINDIR)/concertctl
	rm -f $(DESTDIR)$(UNITDIR)/concertd.service $(DESTDIR)$(UNITDIR)/concertd.socket
	rm -f $(DESTDIR)$(SYSUSERSDIR)/concert.conf $(DESTDIR)$(TMPFILESDIR)/concert.conf
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)
	@echo "kept $(SYSCONFDIR)/concert (the plan) and /var/lib/concert (the event log)"
