#!/usr/bin/env bash
# Start the action server and Rasa together; Ctrl-C stops both.
# Both go through scripts/serve.py, which refuses a non-loopback address not set explicitly.
# Settings come from the environment (see .env.example); defaults suit one machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && set -a && . ./.env && set +a

source scripts/defaults.sh

# Only the model that `make train` built from the current files (SECURITY.md): a model file can run code.
.venv/bin/python scripts/model_build.py verify

mkdir -p var
# The conversations database must be usable before anything starts: Rasa would otherwise keep the
# conversations in memory only (rasa_ext/database_check.py; French message and exit code 3).
.venv/bin/python -m rasa_ext.database_check endpoints.yml
echo "Serveur d'actions sur http://${SANIC_HOST}:${ACTION_PORT} ..."
.venv/bin/python scripts/serve.py actions --actions actions --port "$ACTION_PORT" --quiet &
ACTIONS_PID=$!
.venv/bin/python widget/serve.py "$WIDGET_PORT" &
WIDGET_PID=$!
stop() {
  echo "Arrêt de l'assistant..."
  kill "$ACTIONS_PID" "${RASA_PID:-}" "$WIDGET_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/python scripts/serve.py rasa run --model models/assistant.tar.gz --endpoints endpoints.yml \
  --credentials credentials.yml --interface "$RASA_INTERFACE" --port "$RASA_PORT" \
  --cors $RASA_CORS_ORIGINS --quiet &
RASA_PID=$!
echo "Assistant : http://localhost:${RASA_PORT}/webhooks/rest/webhook (prêt dans 10 à 20 secondes)"
echo "Page de démonstration avec le widget : http://localhost:${WIDGET_PORT}/"
wait "$RASA_PID"
