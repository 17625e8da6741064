#!/usr/bin/env bash
# Start the action server, Rasa and the widget's page together; Ctrl-C stops them.
# Both servers go through scripts/serve.py, which refuses a non-loopback address not set explicitly.
# Settings come from the environment (see .env.example); defaults suit one machine.
# The terminal shows only what starts, where, and when it is ready; each server's full log is in
# var/logs/ (VERBOSE=1 shows them here instead). The assistant is announced only once both servers
# answer their health check, so no student message arrives before it can be answered.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && set -a && . ./.env && set +a

source scripts/defaults.sh

# Only the model that `make train` built from the current files (SECURITY.md): a model file can run code.
.venv/bin/python scripts/model_build.py verify

mkdir -p var/logs
# The conversations database is checked by scripts/serve.py before Rasa starts (rasa_ext/database_check.py):
# a database that cannot be used stops the start with its French message, shown below from rasa.log.

log() {  # where a server's output goes: its file, or the terminal with VERBOSE=1
  if [ "${VERBOSE:-0}" = 1 ]; then echo /dev/stdout; else echo "var/logs/$1.log"; fi
}
echo "Démarrage de l'assistant (journaux complets : var/logs/, ou VERBOSE=1 pour les voir ici)..."
# Both start at once; Rasa does not wait for the action server (ACTIONS_WAIT=0): this script does.
.venv/bin/python scripts/serve.py actions --actions actions --port "$ACTION_PORT" --quiet >"$(log actions)" 2>&1 &
ACTIONS_PID=$!
ACTIONS_WAIT=0 .venv/bin/python scripts/serve.py rasa run --model models/assistant.tar.gz --endpoints endpoints.yml \
  --credentials credentials.yml --interface "$RASA_INTERFACE" --port "$RASA_PORT" \
  --cors $RASA_CORS_ORIGINS --quiet >"$(log rasa)" 2>&1 &
RASA_PID=$!
.venv/bin/python widget/serve.py "$WIDGET_PORT" >"$(log widget)" 2>&1 &
WIDGET_PID=$!
stop() {
  echo "Arrêt de l'assistant..."
  kill "$ACTIONS_PID" "$RASA_PID" "$WIDGET_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/python scripts/readiness.py --nom "Serveur d'actions (http://${SANIC_HOST}:${ACTION_PORT})" \
  --url "http://${SANIC_HOST}:${ACTION_PORT}/health" --pid "$ACTIONS_PID" --journal "var/logs/actions.log"
.venv/bin/python scripts/readiness.py --nom "Rasa (compréhension et dialogue)" \
  --url "http://127.0.0.1:${RASA_PORT}/webhooks/rest/" --pid "$RASA_PID" --journal "var/logs/rasa.log"
echo "Assistant prêt : http://localhost:${RASA_PORT}/webhooks/rest/webhook"
echo "Page de démonstration avec le widget : http://localhost:${WIDGET_PORT}/"
echo "Ctrl-C pour arrêter."
wait "$RASA_PID"
