# Default settings for one machine; every value can be overridden from the environment or .env.
export RASA_PORT="${RASA_PORT:-5005}"
export RASA_INTERFACE="${RASA_INTERFACE:-127.0.0.1}"
export ACTION_PORT="${ACTION_PORT:-5055}"
# rasa_sdk reads SANIC_HOST: the action server listens on loopback only.
export SANIC_HOST="${SANIC_HOST:-127.0.0.1}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTION_PORT}/webhook}"
# SQLite file by default; a postgresql://assistant:CHANGE_ME@host:5432/assistant URL switches to PostgreSQL.
export TRACKER_STORE_URL="${TRACKER_STORE_URL:-sqlite:///var/conversations.db}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export RASA_TELEMETRY_ENABLED="${RASA_TELEMETRY_ENABLED:-false}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export WIDGET_PORT="${WIDGET_PORT:-8080}"
# Pages allowed to call Rasa from a browser (separated by spaces): by default the demo page that
# make run serves, on its port; a school adds its own site here.
export RASA_CORS_ORIGINS="${RASA_CORS_ORIGINS:-http://localhost:${WIDGET_PORT} http://127.0.0.1:${WIDGET_PORT}}"
# The Rasa server the demo page and the full-page chat (widget/serve.py) talk to: the one make run starts.
export WIDGET_SERVER_URL="${WIDGET_SERVER_URL:-http://localhost:${RASA_PORT}}"
# The school's console (console/): counsellors' inbox; the widget leaves questions there.
export CONSOLE_PORT="${CONSOLE_PORT:-8090}"
export CONSOLE_PUBLIC_URL="${CONSOLE_PUBLIC_URL:-http://127.0.0.1:${CONSOLE_PORT}}"
