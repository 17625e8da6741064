# Assistant d'orientation — two commands do everything on a fresh machine:
#   make run    install, train if data changed, start the action server and Rasa (Ctrl-C stops both)
#   make test   install, train if data changed, run every test (tests/unit and tests/stack)
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
# Rasa's command line with the project's changes to Rasa installed first (rasa_ext/cli.py, rasa_ext/patches.py).
RASA    := $(PY) -m rasa_ext.cli
MODEL   := models/assistant.tar.gz
# Python 3.10 is required by Rasa 3.6: pyenv's 3.10.13 first, then any python3.10 on the PATH.
PYTHON310 ?= $(shell PYENV_VERSION=3.10.13 pyenv which python3.10 2>/dev/null || command -v python3.10 2>/dev/null)
# Fingerprint of the training inputs (scripts/model_build.py): rewritten only when a file's content
# changed, so the model is retrained after an edit, not after a mere checkout or touch.
INPUTS_STAMP := models/assistant.inputs.sha256

export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help install train run test test-unit check-python system-deps FORCE
help:
	@echo "Commandes (docs/guide-formateurs.md) :"
	@echo "make run            - installe, entraîne si besoin, démarre l'assistant (http://localhost:5005)"
	@echo "make check          - vérifie exemples, règles et fiches métier : fichier, ligne et quoi corriger"
	@echo "make train          - entraîne l'assistant si les exemples, règles ou domain.yml ont changé"
	@echo "make test           - installe, entraîne si besoin, lance tous les tests"
	@echo "make test-unit      - les tests rapides (tests/unit : ni modèle, ni serveur, ni TensorFlow ; moins d'une minute)"
	@echo "make report         - rapport de qualité de la compréhension dans reports/"
	@echo "make tune           - mesure le seuil de clarification (FallbackClassifier) sur tests/nlu/"
	@echo "make importer FICHE=fiche.txt - crée knowledge/metiers/<id>.yml depuis le texte d'une fiche métier (ECRASER=1 : remplace)"
	@echo "make importer FICHES=dossier/ - importe chaque fiche (*.txt) d'un dossier, une ligne par fiche"
	@echo "make review         - reports/a_relire.yml : les messages d'élèves mal compris, à annoter"
	@echo "make review-import  - ajoute les messages annotés aux exemples, puis make check"
	@echo "make forget SENDER=identifiant - efface une conversation (SECURITY.md)"
	@echo "make purge          - efface les conversations et les journaux de plus de 90 jours (DAYS=30 : 30 jours)"
	@echo "make widget         - sert la fenêtre de discussion et la page de démonstration"
	@echo "make console        - démarre la console des conseillers (http://127.0.0.1:8090)"
	@echo "make console-user LOGIN=c.martin ROLE=conseiller - crée un compte de la console (ROLE=formateur : formateur)"
	@echo "make install        - installe Python et les dépendances (fait par les autres commandes)"

check-python:
	@if [ -z "$(PYTHON310)" ] || ! "$(PYTHON310)" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then \
	  echo "Python 3.10 est introuvable (Rasa 3.6 ne fonctionne pas avec 3.11)."; \
	  echo "Installez-le, par exemple : pyenv install 3.10.13, ou apt-get install python3.10 python3.10-venv,"; \
	  echo "ou indiquez son chemin : make PYTHON310=/chemin/vers/python3.10 ..."; \
	  exit 1; fi

install: $(VENV)/.installed
# The pinned packages are installed by uv (pinned in requirements.lock, SECURITY.md): it downloads and unpacks
# them in parallel, 26 s for what pip took 77 s (same packages, same versions: `pip freeze` compared). The venv's
# own pip (23.0.1 with Python 3.10.13 has advisories, SECURITY.md) only fetches uv's wheel (no source package);
# pip itself is then replaced by its pinned version. Where uv cannot be installed, pip installs everything as
# before. The commands are for developers: shown with VERBOSE=1 only; a trainer reads one French line (errors
# stay visible).
$(VENV)/.installed: requirements.lock | check-python
	@echo "Installation de Python et des dépendances dans $(VENV) (quelques minutes, une seule fois)..."
	@$(if $(filter 1,$(VERBOSE)),set -x;) test -x $(PY) || "$(PYTHON310)" -m venv $(VENV)
	@$(if $(filter 1,$(VERBOSE)),set -x;) if $(PY) -m pip install --quiet --disable-pip-version-check --only-binary :all: $$(grep -E '^uv==' requirements.lock) >/dev/null 2>&1; then \
	  $(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps -r requirements.lock; \
	else \
	  $(PY) -m pip install --quiet --disable-pip-version-check $$(grep -E '^pip==' requirements.lock) \
	  && $(PY) -m pip install --quiet --disable-pip-version-check $$(grep -E '^(setuptools|wheel)==' requirements.lock) \
	  && $(PY) -m pip install --quiet --disable-pip-version-check --no-compile --no-deps -r requirements.lock; fi
	@# Bytecode compiled once, on every core (pip compiles file by file: 141 s in all, 123 s this way); as
	@# pip does, a file that does not compile (a template) is left to Python.
	@$(if $(filter 1,$(VERBOSE)),set -x;) $(PY) -m compileall -q -j 0 $(VENV)/lib >/dev/null 2>&1 || true
	@$(PY) -m pip check --disable-pip-version-check >/dev/null || { $(PY) -m pip check; echo "Des dépendances installées sont incompatibles (ci-dessus)."; false; }
	@touch $@

train: $(MODEL)
$(INPUTS_STAMP): FORCE | check-python
	@"$(PYTHON310)" scripts/model_build.py stamp

# The model and its record (models/assistant.build.json): scripts/run.sh loads no other model.
$(MODEL): $(VENV)/.installed $(INPUTS_STAMP)
	@"$(PYTHON310)" scripts/model_build.py announce
	@# Rasa's own output goes to var/logs/train.log (VERBOSE=1 shows it here); a failure shows its end.
	@mkdir -p var/logs; start=$$(date +%s); \
	  if [ "$${VERBOSE:-0}" = 1 ]; then $(RASA) train --fixed-model-name assistant --out models --num-threads 2; \
	  else $(RASA) train --fixed-model-name assistant --out models --num-threads 2 >var/logs/train.log 2>&1 \
	    || { tail -n 30 var/logs/train.log; echo "L'entraînement a échoué (journal complet : var/logs/train.log)."; false; }; fi \
	  && touch $@ && "$(PYTHON310)" scripts/model_build.py record $$(( $$(date +%s) - start )) \
	  && echo "Modèle entraîné en $$(( $$(date +%s) - start )) s (journal : var/logs/train.log)."

run: install train
	./scripts/run.sh

system-deps:
	./scripts/system_deps.sh

# The tests run in TEST_WORKERS processes (pytest-xdist): the CI has two cores, and most tests wait on a
# server or a subprocess. Tests that must share a process or a folder say so (xdist_group marks).
TEST_WORKERS ?= 2
# The project's own modules are compiled first: where PYTHONDONTWRITEBYTECODE is set (CI machines),
# each of the ~100 processes the tests start would otherwise compile them again.
test: install system-deps train
	@$(PY) -m compileall -q -j 0 actions bench console core loading rasa_ext scripts stack tests trainer widget >/dev/null 2>&1 || true
	$(PY) -m pytest tests -n $(TEST_WORKERS) --dist loadgroup

# tests/unit: no trained model, no server, no browser, no database (tests/stack has those). A trainer runs it
# often: pytest keeps its rewritten test modules (even where PYTHONDONTWRITEBYTECODE is set: 4 s less per
# process from the second run), and hypothesis's plugin, only for the stack's fuzz tests, is not loaded.
test-unit: install
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest tests/unit -m "not rasa_cli" -n $(TEST_WORKERS) --dist loadgroup -p no:hypothesispytest

# Extra targets of each part of the project (widget, checks, benchmark...).
-include mk/*.mk
