# Qualité de la compréhension et relecture des conversations réelles (docs/guide-formateurs.md).
#   make report                    entraîne si besoin, puis écrit reports/rapport.md, intentions.csv,
#                                  erreurs.csv et confusion.png (phrases de test de tests/nlu/)
#   make review                    reports/a_relire.yml : les messages d'élèves mal compris, à annoter
#   make review SEUIL=0.6          autre seuil de confiance (défaut 0.7) ; DEPUIS=30 : les 30 derniers jours
#   make review ECRASER=1          remplace un fichier dont les annotations n'ont pas été importées
#   make review-import             ajoute les messages annotés à data/nlu/ (sans doublon), puis make check
#   make tune                      entraîne si besoin, puis mesure le seuil de clarification (config.yml,
#                                  FallbackClassifier) sur les phrases de tests/nlu/
.PHONY: report review review-import tune
report: train
	@PYTHONWARNINGS=ignore $(PY) -m trainer.report

tune: train
	@PYTHONWARNINGS=ignore $(PY) -m trainer.tune_fallback

review: install
	@source scripts/defaults.sh && $(PY) -m trainer.review export $(if $(SEUIL),--seuil $(SEUIL)) \
	  $(if $(DEPUIS),--depuis $(DEPUIS)) $(if $(ECRASER),--ecraser)

review-import: install
	@$(PY) -m trainer.review import
	@echo "Vérification du projet (make check)…"
	@$(MAKE) --no-print-directory check || $(FAIL)
