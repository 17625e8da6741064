# make check : les données d'entraînement et les fichiers de connaissances, avant d'entraîner.
#   make check                          vérifications du projet, puis rasa data validate --fail-on-warnings
#   make check CHECK_ARGS=--sans-rasa   seulement les vérifications rapides (une seconde)
# Chaque problème est écrit en français : le fichier, la ligne, et quoi faire (docs/guide-formateurs.md).
.PHONY: check
check: install
	@$(PY) scripts/check.py $(CHECK_ARGS)
