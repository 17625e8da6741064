#!/usr/bin/env bash
# Start the action server, Rasa, the widget's page and the school's console together; Ctrl-C stops them.
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

log() {  # where a server's output goes: its file, or the terminal with VERBOSE=1
  if [ "${VERBOSE:-0}" = 1 ]; then echo /dev/stdout; else echo "var/logs/$1.log"; fi
}
echo "Démarrage de l'assistant (journaux complets : var/logs/, ou VERBOSE=1 pour les voir ici)..."
# The conversations database must be usable: Rasa would otherwise keep the conversations in memory
# only (rasa_ext/database_check.py, French message and exit code 3). It is checked while the servers
# import their libraries (seconds before either listens); a problem stops everything.
.venv/bin/python -m rasa_ext.database_check endpoints.yml >var/logs/database_check.log 2>&1 &
CHECK_PID=$!
# Both servers start at once; Rasa does not wait for the action server (ACTIONS_WAIT=0): this script does.
# The action server follows knowledge/ while it runs (actions/live_school.py): what it tells the trainer
# (knowledge reloaded, or a file with an error and the previous facts kept) comes here, on descriptor 3.
# Libraries' DeprecationWarnings are for developers: never on the trainer's screen.
if [ "${VERBOSE:-0}" = 1 ]; then NOTICES_FD=""; else exec 3>&1; NOTICES_FD=3; fi
KNOWLEDGE_NOTICES_FD="$NOTICES_FD" PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning}" \
  .venv/bin/python scripts/serve.py actions --actions actions --port "$ACTION_PORT" --quiet >"$(log actions)" 2>&1 &
ACTIONS_PID=$!
ACTIONS_WAIT=0 DATABASE_PRECHECK=0 .venv/bin/python scripts/serve.py rasa run --model models/assistant.tar.gz --endpoints endpoints.yml \
  --credentials credentials.yml --interface "$RASA_INTERFACE" --port "$RASA_PORT" \
  --cors $RASA_CORS_ORIGINS --quiet >"$(log rasa)" 2>&1 &
RASA_PID=$!
.venv/bin/python widget/serve.py "$WIDGET_PORT" >"$(log widget)" 2>&1 &
WIDGET_PID=$!
.venv/bin/python -m console serve >"$(log console)" 2>&1 &
CONSOLE_PID=$!
stop() {
  echo "Arrêt de l'assistant..."
  kill "$ACTIONS_PID" "$RASA_PID" "$WIDGET_PID" "$CONSOLE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

if ! wait "$CHECK_PID"; then
  trap - EXIT
  kill "$ACTIONS_PID" "$RASA_PID" "$WIDGET_PID" "$CONSOLE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  # The French diagnosis, without the libraries' warnings (whole output: var/logs/database_check.log).
  awk '/^[^ ].*(\.py|>):[0-9]+: [A-Za-z]*Warning/ {skip=1; next}
       skip && (/^  / || /^Implementing/) {next}
       {skip=0; print}' var/logs/database_check.log >&2
  exit 3
fi

.venv/bin/python scripts/readiness.py --nom "Serveur d'actions (http://${SANIC_HOST}:${ACTION_PORT})" \
  --url "http://${SANIC_HOST}:${ACTION_PORT}/health" --pid "$ACTIONS_PID" --journal "var/logs/actions.log"
.venv/bin/python scripts/readiness.py --nom "Rasa (compréhension et dialogue)" \
  --url "http://127.0.0.1:${RASA_PORT}/webhooks/rest/" --pid "$RASA_PID" --journal "var/logs/rasa.log"
.venv/bin/python scripts/readiness.py --nom "Console de l'école (${CONSOLE_PUBLIC_URL})" \
  --url "http://127.0.0.1:${CONSOLE_PORT}/connexion" --pid "$CONSOLE_PID" --journal "var/logs/console.log"
echo "Assistant prêt : http://localhost:${RASA_PORT}/webhooks/rest/webhook"
echo "Page de démonstration avec le widget : http://localhost:${WIDGET_PORT}/"
echo "Console des conseillers : ${CONSOLE_PUBLIC_URL}/ (compte : make console-user LOGIN=… ROLE=conseiller)"
echo "Ctrl-C pour arrêter."
wait "$RASA_PID"
