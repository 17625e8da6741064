# Mesures et déploiement à plusieurs instances (bench/README.md, deploy/README.md).
#   make bench                          mesure complète (~40 min, 2 cœurs) : entraîne notre pipeline et
#                                       la référence (rasa init), démarre tout, écrit bench/results/
#   make bench BENCH_ARGS=--quick       moins de messages, pour essayer
#   make bench BENCH_ARGS=--catalogue   seulement le catalogue : 1, 100, 600 et 1 600 métiers aux titres réels du ROME (~12 min)
#   make test-deploy                    le test à plusieurs instances seul (Redis, PostgreSQL, nginx,
#                                       2 Rasa, 2 serveurs d'actions ; aussi lancé par make test)
.PHONY: bench test-deploy
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

test-deploy: install system-deps train
	$(PY) -m pytest tests/stack/test_deploy.py
