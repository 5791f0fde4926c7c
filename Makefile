# Find Your Place: `make run` runs the product, `make test` passes every test.
# Each target sets itself up from nothing and is quick the second time: environments and the
# Rasa model are rebuilt only when their inputs change (stamp files).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RASA_VENV := .venv-rasa
RASA_PY := $(RASA_VENV)/bin/python
RASA := PYTHONPATH=$(CURDIR) $(RASA_VENV)/bin/rasa
MODEL := models/current.tar.gz
export DIRECTORY_DATABASE_URL ?= sqlite:///$(CURDIR)/var/directory.db
# Rasa's logs at DEBUG carry message text: never below INFO (DESIGN §7, no message text in logs).
export LOG_LEVEL ?= INFO

# What the model is trained from: any change retrains, nothing else does.
TRAINING_INPUTS := config.yml domain.yml $(shell find data/nlu data/rules data/stories -name '*.yml' 2>/dev/null) \
	$(wildcard bot/safety/*.py) $(wildcard bot/safety/data/*) $(wildcard bot/crisis_policy.py) bot/facts_first.py \
	directory/search/ages.py

.PHONY: help run run-cluster test test-cluster lint test-directory test-fuzz test-security test-bot test-stories test-nlu \
	test-e2e test-browser test-chat eval-chat bench bench-search bench-safety safety-net train chromium migrate seed screenshots clean

help:
	@echo "make run          - set up and run the product: directory, Rasa, action server"
	@echo "make test         - set up and run every test suite"
	@echo "make bench        - every benchmark against its baselines; writes bench/REPORT.md (20-30 min)"
	@echo "make bench-search - search latency and memory at 1k/10k/100k services"
	@echo "make bench-safety - the safety layer's cost per message (p95 target 5 ms)"
	@echo "make safety-net   - rebuild the safety layer's second net after a rule or phrase change"
	@echo "make eval-chat    - play the conversation corpus through the REST channel; pass rate and failures"
	@echo "make train        - train the Rasa model if its data changed"
	@echo "make run-cluster  - 2 replicas of every process on PostgreSQL and Redis"

# -- environments ---------------------------------------------------------------------------
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(RASA_VENV)/.installed: requirements-rasa.txt
	@py310=$$(scripts/find_python310.sh) || exit 1; \
	test -x $(RASA_PY) || $$py310 -m venv $(RASA_VENV)
	$(RASA_PY) -m pip install -q -r requirements-rasa.txt
	touch $@

chromium:
	scripts/ensure_chromium.sh

# -- directory --------------------------------------------------------------------------------
migrate: $(VENV)/.installed
	$(PY) -m directory migrate

seed: migrate
	$(PY) -m directory seed --if-empty

# -- bot --------------------------------------------------------------------------------------
# Trained into a temporary folder, then moved: a running Rasa never reads a half-written model.
$(MODEL): $(RASA_VENV)/.installed $(TRAINING_INPUTS)
	$(RASA_PY) scripts/build_lookups.py --check
	$(RASA_PY) scripts/build_crisis_domain.py --check
	rm -rf models/.training
	$(RASA) train --fixed-model-name current --out models/.training
	mv models/.training/current.tar.gz $(MODEL)
	rm -rf models/.training

train: $(MODEL)

# -- tests --------------------------------------------------------------------------------------
lint: $(VENV)/.installed
	$(PY) -m ruff check directory bench tests/directory tests/fuzz tests/security tests/browser tests/e2e tests/cluster \
		bot actions tests/bot tests/chat_eval scripts

test-directory: $(VENV)/.installed
	$(PY) -m pytest tests/directory -q

# Schemathesis over our OpenAPI (public and admin) and the Open Referral UK profile's.
test-fuzz: $(VENV)/.installed
	$(PY) -m pytest tests/fuzz -q -p no:cacheprovider

# Rasa's token, staff keys, secrets in the repository, pip-audit (docs/SECURITY.md).
test-security: $(MODEL) $(VENV)/.installed
	$(PY) -m pytest tests/security -q -p no:cacheprovider

test-bot: $(RASA_VENV)/.installed $(VENV)/.installed
	$(RASA) data validate --fail-on-warnings
	$(RASA_PY) -m pytest tests/bot -q -p no:cacheprovider

test-stories: $(MODEL)
	$(RASA) test core --stories tests/stories --model $(MODEL) --out results/stories --fail-on-prediction-errors

test-nlu: $(MODEL)
	$(RASA) test nlu --nlu tests/nlu/holdout.yml --model $(MODEL) --out results/nlu
	$(RASA_PY) scripts/nlu_score.py results/nlu/intent_report.json

test-e2e: $(MODEL) $(VENV)/.installed
	$(RASA_PY) -m pytest tests/e2e -q -p no:cacheprovider

test-browser: $(MODEL) $(VENV)/.installed chromium
	$(PY) -m pytest tests/browser -q -p no:cacheprovider

# The conversation corpus played through Rasa's REST channel against the real stack (tests/chat_eval/README.md):
# `eval-chat` prints the pass rate and every failure with its transcript; `test-chat` fails below the floor.
# The floor sits under the figure the whole corpus reaches today (92.0%, README: Conversations), so no
# change can quietly undo it; the issue's aim is 95%. Raise it as the figure rises.
CHAT_EVAL_MIN ?= 0.90
export CHAT_EVAL_MIN
eval-chat: $(MODEL) $(VENV)/.installed
	$(RASA_PY) tests/chat_eval/evaluate.py

test-chat: $(MODEL) $(VENV)/.installed
	$(RASA_PY) -m pytest tests/chat_eval -q -p no:cacheprovider

test-cluster: $(MODEL) $(VENV)/.installed
	$(RASA_PY) -m pytest tests/cluster -q -p no:cacheprovider

test: lint test-directory test-fuzz test-bot test-stories test-nlu test-security test-e2e test-chat test-browser test-cluster

# -- running ----------------------------------------------------------------------------------
run: seed $(MODEL)
	@token=$${RASA_AUTH_TOKEN:-$$($(PY) -c 'import secrets; print(secrets.token_hex(16))')}; \
	echo ""; \
	echo "  Chat (demo page):   http://127.0.0.1:8000/"; \
	echo "  Directory API:      http://127.0.0.1:8000/services   docs: http://127.0.0.1:8000/docs"; \
	echo "  Rasa REST channel:  http://127.0.0.1:5005/webhooks/rest/webhook"; \
	echo "  Action server:      http://127.0.0.1:5055/health"; \
	echo ""; \
	RASA_AUTH_TOKEN=$$token PYTHONPATH=$(CURDIR) $(VENV)/bin/honcho start -f Procfile

# Several replicas of every process on the machine's PostgreSQL and Redis (README: Scaling out).
CLUSTER_DB ?= postgresql://postgres@127.0.0.1:5432/findyourplace
CLUSTER_CHAT_DB ?= postgresql://postgres@127.0.0.1:5432/findyourplace_chat
run-cluster: $(VENV)/.installed $(MODEL)
	$(PY) scripts/ensure_database.py $(CLUSTER_DB)
	$(PY) scripts/ensure_database.py $(CLUSTER_CHAT_DB)
	DIRECTORY_DATABASE_URL=$(CLUSTER_DB) $(PY) -m directory seed --if-empty
	@token=$${RASA_AUTH_TOKEN:-$$($(PY) -c 'import secrets; print(secrets.token_hex(16))')}; \
	echo ""; \
	echo "  Chat (demo page):     http://127.0.0.1:8000/  and  http://127.0.0.1:8001/"; \
	echo "  Directory replicas:   http://127.0.0.1:8000  http://127.0.0.1:8001"; \
	echo "  Rasa servers:         http://127.0.0.1:5005  http://127.0.0.1:5006  (2 Sanic workers each)"; \
	echo "  Action servers:       http://127.0.0.1:5055  http://127.0.0.1:5056"; \
	echo ""; \
	RASA_AUTH_TOKEN=$$token PYTHONPATH=$(CURDIR) DIRECTORY_DATABASE_URL=$(CLUSTER_DB) \
	DIRECTORY_INDEX_POLL_SECONDS=$${DIRECTORY_INDEX_POLL_SECONDS:-5} SANIC_WORKERS=$${SANIC_WORKERS:-2} \
	TRACKER_STORE_TYPE=sql TRACKER_STORE_URL=$(CLUSTER_CHAT_DB) LOCK_STORE_TYPE=redis \
	REDIS_HOST=$${REDIS_HOST:-127.0.0.1} DIRECTORY_REDIS_URL=$${DIRECTORY_REDIS_URL:-redis://127.0.0.1:6379/4} \
	$(VENV)/bin/honcho start -f Procfile.cluster

# Profilers for the benchmarks only: not needed to run or test the product.
$(VENV)/.bench-installed: $(VENV)/.installed bench/requirements.txt
	$(PY) -m pip install -q -r bench/requirements.txt
	touch $@

bench: $(VENV)/.bench-installed $(RASA_VENV)/.installed
	$(PY) -m bench

bench-search: $(VENV)/.installed
	$(PY) -m bench.search

# The second net's weights are committed (bot/safety/data/net.json); rebuild them after changing
# a rule, a phrase set or the chat corpus's tuning half. A test fails while they are out of date.
safety-net: $(RASA_VENV)/.installed
	PYTHONPATH=$(CURDIR) $(RASA_PY) -m bot.safety.train_net

bench-safety: $(VENV)/.installed
	PYTHONPATH=$(CURDIR) $(PY) -m bench.safety

screenshots: $(MODEL) $(VENV)/.installed chromium
	UPDATE_SCREENSHOTS=1 $(PY) -m pytest tests/browser -q -k screenshots

clean:
	rm -rf var models results .pytest_cache test-artifacts
