/*
 * Chat widget of the career-advice assistant (Rasa REST channel).
 *
 * Embed with one tag (no framework, no build step, no CDN):
 *   <script src="http://HOST:8080/widget.js" data-server="http://localhost:5005"
 *           data-title="Assistant orientation" data-color="#1a4f8b"
 *           data-welcome="Bonjour ! ..." defer></script>
 *
 * Optional attributes: data-timeout (milliseconds before the error state, default 10000),
 * data-storage-key (prefix of the localStorage keys, default "assistant-widget").
 *
 * Security: every bot or student string is inserted with textContent / createTextNode, never as
 * HTML. Only http:, https: and mailto: URLs become links.
 */
(function () {
  "use strict";

  if (window.__assistantWidget) {
    return; // the tag was included twice: keep a single widget
  }

  var script = document.currentScript || (function () {
    var tags = document.querySelectorAll("script[src]");
    for (var i = tags.length - 1; i >= 0; i--) {
      if (/widget\.js(\?|#|$)/.test(tags[i].getAttribute("src"))) {
        return tags[i];
      }
    }
    return null;
  })();

  function attr(name, fallback) {
    var value = script && script.getAttribute("data-" + name);
    return value && value.trim() ? value.trim() : fallback;
  }

  var CONFIG = {
    server: attr("server", "http://localhost:5005").replace(/\/+$/, ""),
    title: attr("title", "Assistant orientation"),
    color: attr("color", "#1a4f8b"),
    welcome: attr("welcome",
      "Bonjour ! Je réponds à vos questions sur le métier : diplômes, salaire, missions, " +
      "évolutions… Posez votre question ci-dessous."),
    timeout: parseInt(attr("timeout", "10000"), 10) || 10000,
    storageKey: attr("storage-key", "assistant-widget")
  };

  var TEXT = {
    launcher: "Une question sur le métier ?",
    open: "Ouvrir l'assistant d'orientation",
    close: "Fermer l'assistant",
    restart: "Nouvelle conversation",
    log: "Conversation avec l'assistant",
    you: "Vous : ",
    bot: "Assistant : ",
    inputLabel: "Votre question",
    placeholder: "Écrivez votre question…",
    send: "Envoyer",
    typing: "L'assistant écrit…",
    suggestions: "Questions suggérées",
    error: "Le service est momentanément indisponible, réessayez dans quelques instants.",
    retry: "Réessayer",
    newTab: " (nouvel onglet)",
    note: "Réponses tirées de la fiche métier de l'école."
  };

  var MAX_HISTORY = 200;
  var KEY_SENDER = CONFIG.storageKey + ":sender";
  var KEY_HISTORY = CONFIG.storageKey + ":history";
  var KEY_OPEN = CONFIG.storageKey + ":open";

  /* ---------- storage (localStorage may be unavailable: private mode, blocked cookies) ---------- */

  var memory = {};
  function store(kind) {
    try {
      var s = window[kind];
      var probe = CONFIG.storageKey + ":probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  }
  var local = store("localStorage");
  var session = store("sessionStorage");

  function newSenderId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return "web-" + window.crypto.randomUUID();
    }
    return "web-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function senderId() {
    var id = local.getItem(KEY_SENDER);
    if (!id) {
      id = newSenderId();
      local.setItem(KEY_SENDER, id);
    }
    return id;
  }

  function loadHistory() {
    try {
      var items = JSON.parse(local.getItem(KEY_HISTORY) || "[]");
      if (!Array.isArray(items)) {
        return [];
      }
      return items.filter(function (m) {
        return m && (m.from === "bot" || m.from === "user") && typeof m.text === "string";
      });
    } catch (e) {
      return [];
    }
  }

  function saveHistory() {
    try {
      local.setItem(KEY_HISTORY, JSON.stringify(history.slice(-MAX_HISTORY)));
    } catch (e) {
      /* quota exceeded: the conversation goes on, only the reload history is lost */
    }
  }

  /* ---------- colours: keep WCAG AA contrast whatever data-color is ---------- */

  function parseColor(value) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value || "");
    if (!m) {
      return null;
    }
    var hex = m[1].length === 3 ? m[1].replace(/(.)/g, "$1$1") : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function toHex(rgb) {
    return "#" + rgb.map(function (v) { return ("0" + v.toString(16)).slice(-2); }).join("");
  }

  function palette(value) {
    var white = [255, 255, 255], ink = [31, 35, 40];
    var rgb = parseColor(value) || parseColor("#1a4f8b");
    // Text on the brand colour: white or dark ink, whichever contrasts most.
    var onColor = contrast(rgb, white) >= contrast(rgb, ink) ? "#ffffff" : "#1f2328";
    // Brand colour used as text on white and on the light bot bubble (quick replies, links):
    // darken until 5.2:1 on white, which keeps AA (4.5:1) on the #f0f2f5 bubble too.
    var accent = rgb.slice();
    while (contrast(accent, white) < 5.2) {
      accent = accent.map(function (v) { return Math.max(0, Math.round(v * 0.85)); });
    }
    return { color: toHex(rgb), onColor: onColor, accent: toHex(accent) };
  }

  /* ---------- safe rendering of bot text ---------- */

  var SAFE_PROTOCOLS = { "http:": true, "https:": true, "mailto:": true };

  // Returns a normalised href if the URL is http(s)/mailto, otherwise null (javascript:, data:...).
  function safeHref(raw) {
    var value = String(raw || "").trim();
    // Relative or protocol-less URLs are not links: only absolute, explicitly allowed schemes.
    if (!/^(https?:\/\/|mailto:)/i.test(value)) {
      return null;
    }
    try {
      var url = new URL(value);
      return SAFE_PROTOCOLS[url.protocol] ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(href, label) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    if (!/^mailto:/i.test(href)) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      var hint = document.createElement("span");
      hint.className = "aw-sr-only";
      hint.textContent = TEXT.newTab;
      a.appendChild(hint);
    }
    return a;
  }

  // **bold**, [label](url) (one level of parentheses allowed in url), bare http(s):// or mailto:
  // URLs, bare e-mail addresses.
  var INLINE = /\*\*([^*\n]+?)\*\*|\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|((?:https?:\/\/|mailto:)[^\s<>"]+)|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
  var TRAILING = /[.,;:!?)\]»"']+$/;

  function appendInline(parent, text, allowBold) {
    var re = new RegExp(INLINE.source, "g"); // own regex state: this function nests for bold
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m[1] !== undefined && !allowBold) {
        continue; // no bold inside bold: the asterisks stay as text
      }
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      last = re.lastIndex;
      if (m[1] !== undefined) {
        var strong = document.createElement("strong");
        appendInline(strong, m[1], false);
        parent.appendChild(strong);
      } else if (m[2] !== undefined) {
        var href = safeHref(m[3]);
        // A forbidden scheme (javascript:, data:...) keeps only its label, as plain text.
        parent.appendChild(href ? link(href, m[2]) : document.createTextNode(m[2]));
      } else if (m[4] !== undefined) {
        var url = m[4];
        var tail = (TRAILING.exec(url) || [""])[0];
        url = url.slice(0, url.length - tail.length);
        var safe = safeHref(url);
        parent.appendChild(safe ? link(safe, url.replace(/^mailto:/i, "")) : document.createTextNode(url));
        if (tail) {
          parent.appendChild(document.createTextNode(tail));
        }
      } else {
        var mail = safeHref("mailto:" + m[5]);
        parent.appendChild(mail ? link(mail, m[5]) : document.createTextNode(m[5]));
      }
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  var BULLET = /^\s*(?:•|-|\*)\s+/;

  function renderBotText(container, text) {
    var list = null;
    String(text).split(/\r?\n/).forEach(function (line) {
      if (!line.trim()) {
        list = null;
        return;
      }
      if (BULLET.test(line)) {
        if (!list) {
          list = document.createElement("ul");
          container.appendChild(list);
        }
        var li = document.createElement("li");
        appendInline(li, line.replace(BULLET, ""), true);
        list.appendChild(li);
        return;
      }
      list = null;
      var p = document.createElement("p");
      if (/^Source\s*:/.test(line)) {
        p.className = "aw-source";
      }
      appendInline(p, line, true);
      container.appendChild(p);
    });
  }

  /* ---------- DOM ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function icon(path) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "24");
    svg.setAttribute("height", "24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", path);
    p.setAttribute("fill", "currentColor");
    svg.appendChild(p);
    return svg;
  }

  var ICON_CHAT = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 5v2h10V9H7zm0 4v2h7v-2H7z";
  var ICON_CLOSE = "M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z";
  var ICON_RESTART = "M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z";
  var ICON_DOWN = "M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z";
  var ICON_SEND = "M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z";

  var root, launcher, panel, log, typing, errorBox, form, input, sendButton;
  var history = loadHistory();
  var busy = false;
  var failed = null; // the message whose sending failed, resent by "Réessayer"

  function build() {
    var colors = palette(CONFIG.color);
    root = el("div", "aw-root");
    root.id = "assistant-widget";
    root.style.display = "none"; // shown once widget.css is loaded (no unstyled flash)
    root.style.setProperty("--aw-color", colors.color);
    root.style.setProperty("--aw-on-color", colors.onColor);
    root.style.setProperty("--aw-accent", colors.accent);

    launcher = el("button", "aw-launcher");
    launcher.type = "button";
    // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
    launcher.setAttribute("aria-label", TEXT.launcher + " " + TEXT.open);
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "aw-panel");
    // A disclosure button: aria-expanded tells whether the panel is open; a click toggles it.
    var chatIcon = icon(ICON_CHAT);
    chatIcon.setAttribute("class", "aw-icon-chat");
    var downIcon = icon(ICON_DOWN);
    downIcon.setAttribute("class", "aw-icon-down");
    launcher.appendChild(chatIcon);
    launcher.appendChild(downIcon);
    launcher.appendChild(el("span", "aw-launcher-text", TEXT.launcher));
    launcher.addEventListener("click", function () {
      if (panel.hidden) {
        openPanel(true);
      } else {
        closePanel();
      }
    });

    panel = el("div", "aw-panel");
    panel.id = "aw-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "aw-title");

    var header = el("div", "aw-header");
    var title = el("h2", "aw-title", CONFIG.title);
    title.id = "aw-title";
    var restart = el("button", "aw-icon-button aw-restart");
    restart.type = "button";
    restart.setAttribute("aria-label", TEXT.restart);
    restart.title = TEXT.restart;
    restart.appendChild(icon(ICON_RESTART));
    restart.addEventListener("click", restartConversation);
    var close = el("button", "aw-icon-button aw-close");
    close.type = "button";
    close.setAttribute("aria-label", TEXT.close);
    close.title = TEXT.close;
    close.appendChild(icon(ICON_CLOSE));
    close.addEventListener("click", function () { closePanel(); });
    header.appendChild(title);
    header.appendChild(restart);
    header.appendChild(close);

    log = el("div", "aw-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-relevant", "additions");
    log.setAttribute("aria-label", TEXT.log);
    log.tabIndex = 0; // scrollable region reachable with the keyboard

    typing = el("div", "aw-typing");
    typing.hidden = true;
    typing.setAttribute("role", "status");
    var dots = el("span", "aw-dots");
    dots.setAttribute("aria-hidden", "true");
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    typing.appendChild(dots);
    typing.appendChild(el("span", "aw-typing-text", TEXT.typing));

    errorBox = el("div", "aw-error");
    errorBox.hidden = true;
    errorBox.setAttribute("role", "alert");
    var errorText = el("p", "aw-error-text", TEXT.error);
    var retry = el("button", "aw-retry", TEXT.retry);
    retry.type = "button";
    retry.addEventListener("click", retrySending);
    errorBox.appendChild(errorText);
    errorBox.appendChild(retry);

    form = el("form", "aw-form");
    form.setAttribute("novalidate", "");
    var label = el("label", "aw-sr-only", TEXT.inputLabel);
    label.htmlFor = "aw-input";
    input = el("input", "aw-input");
    input.id = "aw-input";
    input.type = "text";
    input.autocomplete = "off";
    input.maxLength = 1000;
    input.placeholder = TEXT.placeholder;
    input.setAttribute("enterkeyhint", "send");
    sendButton = el("button", "aw-send");
    sendButton.type = "submit";
    sendButton.setAttribute("aria-label", TEXT.send);
    sendButton.title = TEXT.send;
    sendButton.appendChild(icon(ICON_SEND));
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(sendButton);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text || busy) {
        return;
      }
      input.value = "";
      send(text, text);
    });

    var note = el("p", "aw-note", TEXT.note);

    panel.appendChild(header);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(errorBox);
    panel.appendChild(form);
    panel.appendChild(note);
    root.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && !panel.hidden) {
        event.preventDefault();
        closePanel();
      }
    });

    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);

    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = script && script.src ? new URL("widget.css", script.src).href : "widget.css";
    var show = function () {
      root.style.display = "";
      if (!panel.hidden) {
        scrollToEnd(); // the layout exists only now
      }
    };
    css.addEventListener("load", show);
    css.addEventListener("error", show);
    document.head.appendChild(css);

    renderHistory();
    if (session.getItem(KEY_OPEN) === "1") {
      openPanel(false); // the student had the chat open on the previous page
    }
  }

  /* ---------- messages ---------- */

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  // After an answer, show the student's question at the top of the log and the answer below it
  // (a long answer is read from its beginning, not from its end).
  function scrollToQuestion() {
    var rows = log.querySelectorAll(".aw-msg--user");
    var question = rows[rows.length - 1];
    if (!question) {
      scrollToEnd();
      return;
    }
    var offset = question.getBoundingClientRect().top - log.getBoundingClientRect().top;
    log.scrollTop = Math.max(0, log.scrollTop + offset - 12);
  }

  function removeSuggestions() {
    var groups = log.querySelectorAll(".aw-buttons");
    for (var i = 0; i < groups.length; i++) {
      groups[i].parentNode.removeChild(groups[i]);
    }
  }

  function renderMessage(message, withButtons) {
    var row = el("div", "aw-msg aw-msg--" + message.from);
    row.appendChild(el("span", "aw-sr-only", message.from === "user" ? TEXT.you : TEXT.bot));
    var bubble = el("div", "aw-bubble");
    if (message.from === "user") {
      bubble.textContent = message.text;
    } else {
      renderBotText(bubble, message.text);
    }
    row.appendChild(bubble);
    log.appendChild(row);

    var buttons = Array.isArray(message.buttons) ? message.buttons : [];
    if (withButtons && buttons.length) {
      var group = el("div", "aw-buttons");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", TEXT.suggestions);
      buttons.forEach(function (b) {
        var button = el("button", "aw-quick", b.title);
        button.type = "button";
        button.addEventListener("click", function (event) {
          if (busy) {
            return;
          }
          // The clicked button disappears with the suggestions: keep the focus in the chat.
          // Keyboard activation (detail 0) goes back to the text box; a tap does not open the
          // phone's keyboard.
          if (event.detail === 0) {
            input.focus({ preventScroll: true });
          } else {
            log.focus({ preventScroll: true });
          }
          send(b.payload, b.title);
        });
        group.appendChild(button);
      });
      log.appendChild(group);
    }
  }

  function renderHistory() {
    while (log.firstChild) {
      log.removeChild(log.firstChild);
    }
    history.forEach(function (message, i) {
      // Suggestions stay clickable only after the last bot turn.
      var laterUser = history.slice(i + 1).some(function (m) { return m.from === "user"; });
      renderMessage(message, !laterUser);
    });
    scrollToEnd();
  }

  function addMessage(message) {
    if (message.from === "user") {
      removeSuggestions();
    }
    history.push(message);
    saveHistory();
    renderMessage(message, true);
    if (message.from === "user") {
      scrollToEnd();
    }
  }

  function cleanButtons(buttons) {
    if (!Array.isArray(buttons)) {
      return [];
    }
    return buttons.filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string" && b.title.trim();
    }).map(function (b) {
      return { title: b.title, payload: b.payload };
    });
  }

  /* ---------- talking to Rasa ---------- */

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    sendButton.setAttribute("aria-disabled", value ? "true" : "false");
    if (value) {
      scrollToEnd();
    }
  }

  function showError(show) {
    errorBox.hidden = !show;
    if (show) {
      panel.classList.add("aw-has-error");
    } else {
      panel.classList.remove("aw-has-error");
    }
  }

  function post(payload) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = setTimeout(function () {
      if (controller) {
        controller.abort();
      }
    }, CONFIG.timeout);
    var request = fetch(CONFIG.server + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: senderId(), message: payload }),
      signal: controller ? controller.signal : undefined,
      credentials: "omit"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (data) {
      if (!Array.isArray(data)) {
        throw new Error("unexpected reply");
      }
      return data;
    });
    // Without AbortController, a slow server still ends in the error state after the timeout.
    var deadline = new Promise(function (resolve, reject) {
      setTimeout(function () { reject(new Error("timeout")); }, CONFIG.timeout + 50);
    });
    return Promise.race([request, deadline]).then(function (data) {
      clearTimeout(timer);
      return data;
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  function deliver(payload) {
    setBusy(true);
    showError(false);
    failed = null;
    return post(payload).then(function (replies) {
      setBusy(false);
      replies.forEach(function (reply) {
        if (!reply || typeof reply !== "object") {
          return;
        }
        var text = typeof reply.text === "string" ? reply.text : "";
        var image = typeof reply.image === "string" && safeHref(reply.image);
        if (image) {
          text += (text ? "\n" : "") + image; // shown as a link, never as an <img>
        }
        var buttons = cleanButtons(reply.buttons || reply.quick_replies);
        if (text || buttons.length) {
          addMessage({ from: "bot", text: text, buttons: buttons });
        }
      });
      scrollToQuestion();
    }, function () {
      setBusy(false);
      failed = payload;
      showError(true);
      scrollToEnd();
    });
  }

  function send(payload, shownText) {
    addMessage({ from: "user", text: shownText });
    return deliver(payload);
  }

  function retrySending() {
    if (failed !== null && !busy) {
      var payload = failed;
      deliver(payload).then(function () {
        if (errorBox.hidden) {
          input.focus();
        }
      });
    }
  }

  function restartConversation() {
    if (busy) {
      return;
    }
    local.removeItem(KEY_SENDER);
    history = [];
    saveHistory();
    failed = null;
    showError(false);
    renderHistory();
    addMessage({ from: "bot", text: CONFIG.welcome, buttons: [] });
    scrollToEnd();
    input.focus();
  }

  /* ---------- open / close ---------- */

  function openPanel(focus) {
    panel.hidden = false;
    root.classList.add("aw-open");
    launcher.setAttribute("aria-expanded", "true");
    session.setItem(KEY_OPEN, "1");
    if (!history.length) {
      // First visit: nothing is sent to the server, the welcome text is shown locally.
      addMessage({ from: "bot", text: CONFIG.welcome, buttons: [] });
    }
    scrollToEnd();
    if (focus) {
      input.focus();
    }
  }

  function closePanel() {
    panel.hidden = true;
    root.classList.remove("aw-open");
    launcher.setAttribute("aria-expanded", "false");
    session.setItem(KEY_OPEN, "0");
    launcher.focus();
  }

  window.__assistantWidget = {
    open: function () { openPanel(true); },
    close: closePanel,
    senderId: senderId,
    config: CONFIG
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
