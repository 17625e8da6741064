# Chat widget: serve widget.js/widget.css and the demo school page (stdlib only, loopback by default).
#   make widget                   http://localhost:8080/
#   make widget WIDGET_PORT=8081  another port
WIDGET_PORT ?= 8080
WIDGET_PYTHON := $(if $(wildcard $(PY)),$(PY),python3)

.PHONY: widget
widget:
	WIDGET_PORT=$(WIDGET_PORT) $(WIDGET_PYTHON) widget/serve.py
