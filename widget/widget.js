/*
 * Chat widget of the career-advice assistant (Rasa REST channel).
 *
 * Embed with one tag (no framework, no build step, no CDN):
 *   <script src="http://HOST:8080/widget.js" data-server="http://localhost:5005"
 *           data-title="Assistant orientation" data-color="#1a4f8b"
 *           data-welcome="Bonjour ! ..." defer></script>
 *
 * Optional attributes (README.md lists them all):
 *   data-metier         profession id (knowledge/metiers/<id>.yml), sent with every message
 *   data-storage        "local" (default: shared by the site's tabs) or "session" (one tab only)
 *   data-idle-minutes   a new conversation starts after this much inactivity (default 30, 0 = never)
 *   data-privacy-url    page « Vos données » linked in the panel
 *   data-z-index        stacking order (default 10000: above themes, below consent banners)
 *   data-timeout        milliseconds before the error state (default 10000)
 *   data-storage-key    prefix of the storage keys (default "assistant-widget")
 *   data-lang           language of the widget (default "fr")
 *   data-config-url     JSON of starter topics and professions (default: widget-config.json next to
 *                       widget.js; "none" to disable)
 *   data-mode="page"    the full-page chat (widget/chat.html)
 *   data-text-<name>    any interface string, e.g. data-text-launcher="Une question ?"
 * The same settings may be given in JS before the tag: window.assistantWidgetOptions =
 * { metier: "...", texts: { launcher: "..." } } (these win over the data- attributes).
 *
 * Isolation: the widget lives in a shadow root (the site's CSS neither reaches it nor is reached).
 * CSP: no inline script or style, no eval; see README.md for the policy a school needs.
 * Security: every bot or student string is inserted with textContent / createTextNode, never as
 * HTML. Only http:, https: and mailto: URLs become links.
 *
 * One file for schools (no build step), in two halves: pure parts (colours, bot text, storage rules,
 * replies; unit-tested by `node --test widget/tests/`) and browser parts by concern (settings, storage,
 * transport, rendering, hand-off, conversation, panel).
 */
(function () {
  "use strict";

  /* =============================================================================================
   * PURE PARTS: no DOM, no window, no storage, no network. They decide what to show, keep or send;
   * the browser parts below draw, store and send. widget/tests/*.test.js runs them under Node's
   * test runner (`node --test widget/tests/`), which loads this file and gets them as a module.
   * ============================================================================================= */

  var ID_PATTERN = /^[a-z0-9_]{1,64}$/;

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

  /* ---------- bot text: read into text, bold and links; drawn later with textContent only ---------- */

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

  // **bold**, [label](url) (one level of parentheses allowed in url), bare http(s):// or mailto:
  // URLs, bare e-mail addresses.
  var INLINE = /\*\*([^*\n]+?)\*\*|\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|((?:https?:\/\/|mailto:)[^\s<>"]+)|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
  var TRAILING = /[.,;:!?)\]»"']+$/;

  // One line of bot text as pieces: {text}, {bold: [pieces]} or {href, label}. A link whose
  // scheme is not allowed (javascript:, data:...) keeps only its label, as text.
  function parseInline(text, allowBold) {
    var pieces = [];
    var push = function (piece) {
      if (piece.text !== "") {
        pieces.push(piece);
      }
    };
    var re = new RegExp(INLINE.source, "g"); // own regex state: this function nests for bold
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m[1] !== undefined && !allowBold) {
        continue; // no bold inside bold: the asterisks stay as text
      }
      push({ text: text.slice(last, m.index) });
      last = re.lastIndex;
      if (m[1] !== undefined) {
        pieces.push({ bold: parseInline(m[1], false) });
      } else if (m[2] !== undefined) {
        var href = safeHref(m[3]);
        push(href ? { href: href, label: m[2] } : { text: m[2] });
      } else if (m[4] !== undefined) {
        var url = m[4];
        var tail = (TRAILING.exec(url) || [""])[0];
        url = url.slice(0, url.length - tail.length);
        var safe = safeHref(url);
        push(safe ? { href: safe, label: url.replace(/^mailto:/i, "") } : { text: url });
        push({ text: tail });
      } else {
        var mail = safeHref("mailto:" + m[5]);
        push(mail ? { href: mail, label: m[5] } : { text: m[5] });
      }
    }
    push({ text: text.slice(last) });
    return pieces;
  }

  var BULLET = /^\s*(?:•|-|\*)\s+/;

  // A bot message as blocks: {list: [pieces per item]} for bullet lines that follow each other,
  // {paragraph: pieces, source: true when the line gives the fiche's source} for the others.
  function parseBotText(text) {
    var blocks = [];
    var list = null;
    String(text).split(/\r?\n/).forEach(function (line) {
      if (!line.trim()) {
        list = null;
        return;
      }
      if (BULLET.test(line)) {
        if (!list) {
          list = { list: [] };
          blocks.push(list);
        }
        list.list.push(parseInline(line.replace(BULLET, ""), true));
        return;
      }
      list = null;
      blocks.push({ paragraph: parseInline(line, true), source: /^Source\s*:/.test(line) });
    });
    return blocks;
  }

  /* ---------- storage rules ---------- */

  // The stored history (JSON), keeping only well-formed messages; [] for anything else.
  function readHistory(json) {
    try {
      var items = JSON.parse(json || "[]");
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

  // The newest messages whose JSON fits in maxChars (at least the last one), and that JSON.
  function trimHistory(items, maxChars) {
    var kept = items.slice();
    var json = JSON.stringify(kept);
    while (json.length > maxChars && kept.length > 1) {
      kept.shift();
      json = JSON.stringify(kept);
    }
    return { items: kept, json: json };
  }

  // True when a conversation last active at lastActive (ms) has been idle longer than idleMinutes
  // at now. Never with idleMinutes 0, nor while a question waits for the counsellor (the reply
  // will come to this conversation).
  function isIdle(lastActive, now, idleMinutes, waitingForCounsellor) {
    if (!idleMinutes || waitingForCounsellor) {
      return false;
    }
    var last = parseInt(lastActive || "0", 10);
    return last > 0 && now - last > idleMinutes * 60000;
  }

  // The id of the last counsellor reply shown, from the stored {"seen": id}; 0 when unreadable.
  function readSeen(json) {
    try {
      return parseInt(JSON.parse(json).seen, 10) || 0;
    } catch (e) {
      return 0;
    }
  }

  /* ---------- replies and the conversation ---------- */

  // Buttons as {title, payload}, dropping anything else a server or a config file may send.
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

  // The bot messages to store for the server's replies to the student's message `id`. An image is
  // a link, never an <img>. Nothing usable: emptyText with the starter topics (never silence).
  function answersFrom(replies, id, emptyText, starters) {
    var answers = [];
    replies.forEach(function (reply) {
      if (!reply || typeof reply !== "object") {
        return;
      }
      var text = typeof reply.text === "string" ? reply.text : "";
      var image = typeof reply.image === "string" && safeHref(reply.image);
      if (image) {
        text += (text ? "\n" : "") + image;
      }
      var buttons = cleanButtons(reply.buttons || reply.quick_replies);
      var about = reply.metier && typeof reply.metier.intitule === "string" ? reply.metier.intitule : "";
      if (text || buttons.length) {
        var answer = { from: "bot", text: text, buttons: buttons, replyTo: id };
        if (about) {
          answer.metier = about.slice(0, 200);
          if (typeof reply.metier.id === "string" && ID_PATTERN.test(reply.metier.id)) {
            answer.metierId = reply.metier.id;
          }
        }
        if (reply.handoff === true) {
          answer.handoff = true;
        }
        answers.push(answer);
      }
    });
    if (!answers.length) {
      answers.push({ from: "bot", text: emptyText, buttons: starters });
    }
    return answers;
  }

  // The counsellor's replies newer than `seen`, as bot messages, and the new `seen`.
  function counsellorMessages(reponses, seen, bookingLabel) {
    var messages = [];
    var newest = seen;
    reponses.forEach(function (r) {
      var id = r && parseInt(r.id, 10) || 0;
      if (!r || typeof r.texte !== "string" || id <= seen) {
        return;
      }
      var booking = typeof r.rendez_vous === "string" && safeHref(r.rendez_vous);
      messages.push({ from: "bot", counsellor: true,
                      text: r.texte + (booking ? "\n" + bookingLabel + " : " + booking : "") });
      newest = Math.max(newest, id);
    });
    return { messages: messages, seen: newest };
  }

  // The student's last question before the message at `index`: not a button's payload, nor the
  // message that asked for the counsellor (the one this contact answers).
  function questionBefore(history, index) {
    var asking = history[index] && history[index].replyTo;
    for (var i = index - 1; i >= 0; i--) {
      var m = history[i];
      if (m.from === "user" && m.text && m.text.charAt(0) !== "/" && !m.payload && m.id !== asking) {
        return m.text;
      }
    }
    return "";
  }

  // The id of the profession the conversation is about: the latest answer's, else the page's.
  function currentProfessionId(history, pageMetier) {
    for (var i = history.length - 1; i >= 0; i--) {
      if (history[i].metierId) {
        return history[i].metierId;
      }
    }
    return pageMetier || "";
  }

  // The title of the profession of the latest answer about one ("" when none).
  function latestProfession(history) {
    var about = "";
    history.forEach(function (m) {
      if (m.from === "bot" && typeof m.metier === "string" && m.metier) {
        about = m.metier;
      }
    });
    return about;
  }

  var pure = {
    parseColor: parseColor, contrast: contrast, palette: palette,
    safeHref: safeHref, parseInline: parseInline, parseBotText: parseBotText,
    readHistory: readHistory, trimHistory: trimHistory, isIdle: isIdle, readSeen: readSeen,
    cleanButtons: cleanButtons, answersFrom: answersFrom, counsellorMessages: counsellorMessages,
    questionBefore: questionBefore, currentProfessionId: currentProfessionId,
    latestProfession: latestProfession
  };
  if (typeof document === "undefined") {
    // Node (the unit tests): the pure parts only; nothing below runs outside a page.
    if (typeof module === "object" && module.exports) {
      module.exports = pure;
    }
    return;
  }

  /* =============================================================================================
   * BROWSER PARTS: settings, storage, transport, rendering, hand-off, conversation, panel.
   * ============================================================================================= */

  /* ---------- settings: public API, the tag's data- attributes, the interface texts ---------- */
  // The public API: safe to call at any time, even before the widget is built.
  var api = window.__assistantWidget;
  if (api && api.loaded) {
    return; // the tag was included twice: keep a single widget
  }
  var wanted = null; // "open" / "close" asked before the widget was built
  api = {
    loaded: true,
    ready: false,
    open: function () { wanted = "open"; },
    close: function () { wanted = "close"; },
    restart: function () {},
    senderId: function () { return senderId(); },
    config: null
  };
  window.__assistantWidget = api;

  var script = document.currentScript || (function () {
    var tags = document.querySelectorAll("script[src]");
    for (var i = tags.length - 1; i >= 0; i--) {
      if (/widget\.js(\?|#|$)/.test(tags[i].getAttribute("src"))) {
        return tags[i];
      }
    }
    return null;
  })();

  var options = window.assistantWidgetOptions;
  options = options && typeof options === "object" ? options : {};

  // A setting: the JS option, then the data- attribute, then the default.
  function setting(option, name, fallback) {
    var value = options[option];
    if (typeof value === "number") {
      value = String(value);
    }
    if (typeof value === "string" && value.trim()) {
      return value.trim();
    }
    value = script && script.getAttribute("data-" + name);
    return value && value.trim() ? value.trim() : fallback;
  }

  function number(value, fallback) {
    var n = parseFloat(value);
    return isFinite(n) && n >= 0 ? n : fallback;
  }

  var mode = setting("mode", "mode", "widget") === "page" ? "page" : "widget";

  function metierSetting() {
    var value = setting("metier", "metier", "");
    if (!value && mode === "page") {
      value = new URLSearchParams(window.location.search).get("metier") || "";
    }
    value = value.trim();
    if (value && !ID_PATTERN.test(value)) {
      console.warn("[assistant] data-metier=\"" + value + "\" n'est pas un identifiant de métier " +
        "(lettres minuscules, chiffres, _) : il est ignoré.");
      return "";
    }
    return value;
  }

  function defaultConfigUrl() {
    try {
      return new URL("widget-config.json", script && script.src ? script.src : window.location.href).href;
    } catch (e) {
      return "";
    }
  }

  var CONFIG = {
    server: setting("server", "server", "http://localhost:5005").replace(/\/+$/, ""),
    title: setting("title", "title", "Assistant orientation"),
    color: setting("color", "color", "#1a4f8b"),
    welcome: setting("welcome", "welcome", ""),
    timeout: parseInt(setting("timeout", "timeout", "10000"), 10) || 10000,
    storageKey: setting("storageKey", "storage-key", "assistant-widget"),
    storage: setting("storage", "storage", "local") === "session" ? "session" : "local",
    idleMinutes: number(setting("idleMinutes", "idle-minutes", "30"), 30),
    privacyUrl: setting("privacyUrl", "privacy-url", ""),
    zIndex: parseInt(setting("zIndex", "z-index", "10000"), 10) || 10000,
    lang: setting("lang", "lang", "fr"),
    metier: metierSetting(),
    configUrl: setting("configUrl", "config-url", defaultConfigUrl()),
    // The school's console (console/): a question left to the counsellor, and the replies. Default:
    // widget-config.json's « console »; none: the contact only.
    consoleUrl: setting("consoleUrl", "console", "").replace(/\/+$/, ""),
    mode: mode
  };
  api.config = CONFIG;

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
    starters: "Sujets pour commencer",
    about: "Métier : {metier}",
    counsellor: "Conseiller : ",
    counsellorLabel: "Réponse du service d'orientation",
    booking: "Prendre rendez-vous",
    handoff: "Laisser ma question au conseiller",
    handoffQuestion: "Votre question pour le conseiller (vous pouvez la modifier)",
    handoffEmail: "Votre e-mail (facultatif)",
    handoffEmailHelp: "Facultatif : il sert seulement à vous prévenir par un court e-mail (sans votre " +
      "question) qu'une réponse vous attend ici, et il est effacé avec la conversation. Sans e-mail, " +
      "revenez sur cette page avec le même appareil : la réponse s'affichera dans cette conversation.",
    handoffSend: "Envoyer au conseiller",
    handoffCancel: "Annuler",
    handoffEmpty: "Écrivez la question à laisser au conseiller.",
    handoffFailed: "La question n'a pas pu être envoyée. Réessayez dans quelques instants, ou utilisez le " +
      "contact ci-dessus.",
    handoffAfter: "La réponse s'affichera ici, dans cette conversation, sur cet appareil.",
    error: "Le service est momentanément indisponible, réessayez dans quelques instants.",
    failed: "Non envoyé.",
    retry: "Réessayer",
    empty: "Je n'ai pas de réponse à ce message. Reformulez votre question ou choisissez un sujet.",
    newTab: " (nouvel onglet)",
    note: "Réponses tirées de la fiche métier de l'école. Ne donnez ni votre nom ni vos coordonnées.",
    privacy: "Vos données",
    unread: " (nouvelle réponse)",
    voteGroup: "Cette réponse vous aide-t-elle ?",
    voteUp: "Réponse utile",
    voteDown: "Réponse fausse ou inutile",
    voteThanks: "Merci, votre avis est enregistré.",
    voteFailed: "Votre avis n'a pas pu être enregistré, réessayez plus tard.",
    expired: "Nouvelle conversation : la précédente a été effacée après une longue inactivité.",
    welcome: "Bonjour ! Je réponds à vos questions sur le métier : diplômes, salaire, missions, " +
      "évolutions… Posez votre question ci-dessous ou choisissez un sujet.",
    welcomeMetier: "Bonjour ! Je réponds à vos questions sur le métier de {metier} : diplômes, " +
      "salaire, missions, évolutions… Posez votre question ci-dessous ou choisissez un sujet."
  };
  // Every string may be replaced: data-text-launcher="…" or options.texts = { launcher: "…" }.
  Object.keys(TEXT).forEach(function (key) {
    var kebab = key.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); });
    var fromTag = script && script.getAttribute("data-text-" + kebab);
    var fromJs = options.texts && typeof options.texts[key] === "string" ? options.texts[key] : "";
    var value = fromJs.trim() || (fromTag && fromTag.trim());
    if (value) {
      TEXT[key] = value;
    }
  });

  /* ---------- storage (may be unavailable: private mode, blocked cookies) ---------- */

  var MAX_HISTORY_CHARS = 100000; // about 50 long answers; the oldest messages go first
  var KEY_SENDER = CONFIG.storageKey + ":sender";
  var KEY_HISTORY = CONFIG.storageKey + ":history";
  var KEY_ACTIVE = CONFIG.storageKey + ":active";
  var KEY_UNREAD = CONFIG.storageKey + ":unread";
  var KEY_OPEN = CONFIG.storageKey + ":open";
  // {"seen": id of the last counsellor reply shown}, while questions left to the counsellor wait.
  var KEY_HANDOFF = CONFIG.storageKey + ":handoff";

  var memory = {};
  function storageArea(kind) {
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
  var session = storageArea("sessionStorage");
  // The conversation: shared by the site's tabs (local), or one tab only (session, shared computers).
  var store = CONFIG.storage === "session" ? session : storageArea("localStorage");
  var storeArea = CONFIG.storage === "session" ? null : (function () {
    try { return window.localStorage; } catch (e) { return null; }
  })();

  function randomId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12) +
      Math.random().toString(36).slice(2, 12);
  }

  function senderId() {
    var id = store.getItem(KEY_SENDER);
    if (!id) {
      id = "web-" + randomId();
      store.setItem(KEY_SENDER, id);
    }
    return id;
  }

  function loadHistory() {
    return readHistory(store.getItem(KEY_HISTORY));
  }

  var warnedQuota = false;
  // Keeps the newest messages that fit in MAX_HISTORY_CHARS; if the browser's quota is smaller,
  // drops more of the oldest until it fits (the conversation on screen is never cut).
  function saveHistory() {
    var trimmed = trimHistory(history, MAX_HISTORY_CHARS);
    var kept = trimmed.items, json = trimmed.json;
    for (;;) {
      try {
        store.setItem(KEY_HISTORY, json);
        history = kept;
        return;
      } catch (e) {
        if (kept.length <= 1) {
          if (!warnedQuota) {
            warnedQuota = true;
            console.warn("[assistant] stockage du navigateur plein : la conversation ne sera pas " +
              "retrouvée au rechargement de la page.", e);
          }
          return;
        }
        kept = kept.slice(Math.ceil(kept.length / 2));
        json = JSON.stringify(kept);
      }
    }
  }

  function touch() {
    store.setItem(KEY_ACTIVE, String(Date.now()));
  }

  // True when the stored conversation has been idle longer than idleMinutes (shared computers).
  function idleExpired() {
    return isIdle(store.getItem(KEY_ACTIVE), Date.now(), CONFIG.idleMinutes, !!store.getItem(KEY_HANDOFF));
  }

  function forgetConversation() {
    store.removeItem(KEY_SENDER);
    store.removeItem(KEY_HISTORY);
    store.removeItem(KEY_ACTIVE);
    store.removeItem(KEY_UNREAD);
    store.removeItem(KEY_HANDOFF);
  }

  /* ---------- transport: Rasa's REST channel, the site config, the school's console ---------- */

  function post(body) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = setTimeout(function () {
      if (controller) {
        controller.abort();
      }
    }, CONFIG.timeout);
    var request = fetch(CONFIG.server + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined,
      credentials: "omit"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
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

  function metadata() {
    return CONFIG.metier ? { metier: CONFIG.metier } : {};
  }

  function getJson(url) {
    return fetch(url, { credentials: "omit" }).then(function (response) {
      return response.ok ? response.json() : null;
    });
  }

  // A question left to the counsellor: resolves to the console's JSON answer, or rejects with the
  // console's own message (French) when it refuses the question.
  function postHandoff(question, email) {
    return fetch(CONFIG.consoleUrl + "/api/demandes", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender_id: senderId(), question: question, email: email,
                             profession: currentProfessionId(history, CONFIG.metier) }),
      credentials: "omit"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data || {} }; });
    }).then(function (result) {
      if (!result.ok) {
        throw new Error(typeof result.data.erreur === "string" ? result.data.erreur : TEXT.handoffFailed);
      }
      return result.data;
    });
  }

  /* ---------- rendering: DOM nodes, text only (never HTML) ---------- */

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

  function appendPieces(parent, pieces) {
    pieces.forEach(function (piece) {
      if (piece.bold) {
        var strong = document.createElement("strong");
        appendPieces(strong, piece.bold);
        parent.appendChild(strong);
      } else if (piece.href) {
        parent.appendChild(link(piece.href, piece.label));
      } else {
        parent.appendChild(document.createTextNode(piece.text));
      }
    });
  }

  function renderBotText(container, text) {
    parseBotText(text).forEach(function (block) {
      if (block.list) {
        var list = document.createElement("ul");
        block.list.forEach(function (item) {
          var li = document.createElement("li");
          appendPieces(li, item);
          list.appendChild(li);
        });
        container.appendChild(list);
        return;
      }
      var p = document.createElement("p");
      if (block.source) {
        p.className = "aw-source";
      }
      appendPieces(p, block.paragraph);
      container.appendChild(p);
    });
  }

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

  function button(className, text) {
    var b = el("button", className, text);
    b.type = "button";
    return b;
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
  var ICON_UP = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
  var ICON_DOWN_VOTE = "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z";
  var ICON_SEND = "M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z";

  var host, shadow, root, launcher, panel, title, profession, log, typing, errorBox, form, input, sendButton, voteStatus;
  var history = [];
  var busy = false;
  var starters = [];     // [{title, payload}] from widget-config.json
  var metiers = null;    // {id: title} from widget-config.json, null when unknown
  var inertNodes = [];   // page elements made inert by the phone modal, restored on close
  var phone = window.matchMedia ? window.matchMedia("(max-width: 600px)") : { matches: false };

  function isOpen() {
    return !!panel && !panel.hidden;
  }

  function isModal() {
    return mode === "widget" && isOpen() && phone.matches;
  }

  function welcomeText() {
    if (CONFIG.welcome) {
      return CONFIG.welcome;
    }
    var name = CONFIG.metier && metiers && metiers[CONFIG.metier];
    return name ? TEXT.welcomeMetier.replace("{metier}", name) : TEXT.welcome;
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

  function quickButtons(buttons, label) {
    var group = el("div", "aw-buttons");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", label);
    buttons.forEach(function (b) {
      var quick = button("aw-quick", b.title);
      quick.addEventListener("click", function (event) {
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
      group.appendChild(quick);
    });
    return group;
  }

  function findUser(id) {
    for (var i = history.length - 1; i >= 0; i--) {
      if (history[i].from === "user" && history[i].id === id) {
        return history[i];
      }
    }
    return null;
  }

  function voteButtons(question) {
    var group = el("div", "aw-votes");
    group.setAttribute("data-for", question.id);
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", TEXT.voteGroup);
    // Drawn icons, not emoji: a computer without an emoji font would show empty boxes.
    [["up", ICON_UP, TEXT.voteUp], ["down", ICON_DOWN_VOTE, TEXT.voteDown]].forEach(function (v) {
      var b = button("aw-vote aw-vote--" + v[0]);
      var drawn = icon(v[1]);
      drawn.setAttribute("width", "18");
      drawn.setAttribute("height", "18");
      b.appendChild(drawn);
      b.setAttribute("aria-label", v[2]);
      b.title = v[2];
      b.setAttribute("aria-pressed", question.vote === v[0] ? "true" : "false");
      b.addEventListener("click", function () { vote(question.id, v[0]); });
      group.appendChild(b);
    });
    return group;
  }

  function failedMark(message) {
    var mark = el("div", "aw-failed");
    mark.appendChild(el("span", "aw-failed-text", TEXT.failed));
    var retry = button("aw-retry", TEXT.retry);
    retry.addEventListener("click", function () { retrySending(message.id); });
    mark.appendChild(retry);
    return mark;
  }

  function renderMessage(message, index) {
    var row = el("div", "aw-msg aw-msg--" + message.from);
    if (message.id) {
      row.setAttribute("data-id", message.id);
    }
    if (message.welcome) {
      row.classList.add("aw-welcome");
    }
    row.appendChild(el("span", "aw-sr-only", message.from === "user" ? TEXT.you
      : message.counsellor ? TEXT.counsellor : TEXT.bot));
    var bubble = el("div", "aw-bubble");
    if (message.from === "user") {
      bubble.textContent = message.text;
    } else {
      if (message.counsellor) {
        row.classList.add("aw-msg--counsellor");
        bubble.appendChild(el("p", "aw-author", TEXT.counsellorLabel));
      }
      renderBotText(bubble, message.welcome ? welcomeText() : message.text);
    }
    row.appendChild(bubble);
    log.appendChild(row);

    if (message.from === "user" && message.failed) {
      row.classList.add("aw-msg--failed");
      log.appendChild(failedMark(message));
    }

    var next = history[index + 1];
    var last = !history.slice(index + 1).some(function (m) { return m.from === "user"; });
    // Votes under the last bubble of each answer from the server.
    if (message.from === "bot" && message.replyTo && !(next && next.replyTo === message.replyTo)) {
      var question = findUser(message.replyTo);
      if (question) {
        log.appendChild(voteButtons(question));
      }
    }
    // Suggestions stay clickable only after the last bot turn; starters under the welcome.
    if (last) {
      var buttons = message.welcome ? starters : (Array.isArray(message.buttons) ? message.buttons : []);
      if (message.from === "bot" && message.handoff && CONFIG.consoleUrl) {
        log.appendChild(handoffOffer(index));
      }
      if (message.from === "bot" && buttons.length) {
        log.appendChild(quickButtons(buttons, message.welcome ? TEXT.starters : TEXT.suggestions));
      }
    }
  }

  // The header's « Métier : … », from the latest answer about one profession (text, never HTML).
  function showProfession() {
    if (!profession) {
      return;
    }
    var about = latestProfession(history);
    profession.textContent = about ? TEXT.about.replace("{metier}", about) : "";
    profession.hidden = !about;
  }

  // Draws the whole conversation (first display, another tab's change, new conversation).
  function renderHistory() {
    if (!log) {
      return;
    }
    while (log.firstChild) {
      log.removeChild(log.firstChild);
    }
    history.forEach(renderMessage);
    showProfession();
    if (!history.some(function (m) { return m.failed; })) {
      showError(false);
    }
    scrollToEnd();
  }

  // Read-modify-write on the stored history: another tab may have added messages meanwhile.
  // New messages are appended to the log (a screen reader announces only them); if another tab
  // changed the conversation, the whole log is drawn again.
  function changeHistory(change) {
    var stored = loadHistory();
    var inSync = stored.length === history.length;
    history = stored;
    var from = history.length;
    change(history);
    saveHistory();
    if (!inSync) {
      renderHistory();
      return;
    }
    from = Math.min(from, history.length);
    if (history[from] && history[from].from === "user") {
      // Older suggestions go: only those of the last answer can be clicked.
      Array.prototype.forEach.call(log.querySelectorAll(".aw-buttons"), function (group) {
        group.parentNode.removeChild(group);
      });
    }
    for (var i = from; i < history.length; i++) {
      renderMessage(history[i], i);
    }
    showProfession();
  }

  function addMessage(message) {
    changeHistory(function (items) { items.push(message); });
  }

  // Marks (or unmarks) a student's message that could not be sent, with its own retry button.
  function setFailed(id, failed) {
    changeHistory(function (items) {
      items.forEach(function (m) {
        if (m.from === "user" && m.id === id) {
          if (failed) {
            m.failed = true;
          } else {
            delete m.failed;
          }
        }
      });
    });
    var row = log.querySelector(".aw-msg[data-id=\"" + id + "\"]");
    if (!row) {
      return;
    }
    var mark = row.nextSibling && row.nextSibling.classList &&
      row.nextSibling.classList.contains("aw-failed") ? row.nextSibling : null;
    row.classList.toggle("aw-msg--failed", failed);
    if (failed && !mark) {
      row.parentNode.insertBefore(failedMark(findUser(id) || { id: id }), row.nextSibling);
    } else if (!failed && mark) {
      mark.parentNode.removeChild(mark);
    }
  }

  function showWelcomeIfEmpty() {
    if (!history.length) {
      // First visit: nothing is sent to the server, the welcome text is shown locally.
      addMessage({ from: "bot", text: "", welcome: true });
    }
  }

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
    panel.classList.toggle("aw-has-error", !!show);
  }

  /* ---------- a question left to the counsellor (the school's console) ---------- */

  // « Laisser ma question au conseiller » under the counsellor's contact: opens the form in place.
  function handoffOffer(index) {
    var offer = el("div", "aw-buttons aw-handoff-offer");
    var open = button("aw-quick", TEXT.handoff);
    open.addEventListener("click", function () {
      var form = handoffForm(index);
      offer.parentNode.replaceChild(form, offer);
      form.querySelector("textarea").focus();
    });
    offer.appendChild(open);
    return offer;
  }

  function handoffForm(index) {
    var form = el("form", "aw-handoff");
    form.setAttribute("novalidate", "");
    form.setAttribute("aria-label", TEXT.handoff);
    var qLabel = el("label", "aw-handoff-label", TEXT.handoffQuestion);
    qLabel.htmlFor = "aw-handoff-question";
    var question = el("textarea", "aw-handoff-question");
    question.id = "aw-handoff-question";
    question.rows = 3;
    question.maxLength = 1000;
    question.value = questionBefore(history, index);
    var eLabel = el("label", "aw-handoff-label", TEXT.handoffEmail);
    eLabel.htmlFor = "aw-handoff-email";
    var email = el("input", "aw-handoff-email");
    email.id = "aw-handoff-email";
    email.type = "email";
    email.autocomplete = "email";
    email.maxLength = 254;
    email.setAttribute("aria-describedby", "aw-handoff-help");
    var help = el("p", "aw-handoff-help", TEXT.handoffEmailHelp);
    help.id = "aw-handoff-help";
    var status = el("p", "aw-handoff-status");
    status.setAttribute("role", "alert");
    var actions = el("div", "aw-buttons");
    var submit = el("button", "aw-quick aw-handoff-send", TEXT.handoffSend);
    submit.type = "submit";
    var cancel = button("aw-quick", TEXT.handoffCancel);
    cancel.addEventListener("click", function () {
      form.parentNode.replaceChild(handoffOffer(index), form);
    });
    actions.appendChild(submit);
    actions.appendChild(cancel);
    [qLabel, question, eLabel, email, help, status, actions].forEach(function (node) { form.appendChild(node); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = question.value.trim();
      if (!text) {
        status.textContent = TEXT.handoffEmpty;
        question.focus();
        return;
      }
      submit.disabled = true;
      postHandoff(text, email.value.trim()).then(function (data) {
        if (!store.getItem(KEY_HANDOFF)) {
          store.setItem(KEY_HANDOFF, JSON.stringify({ seen: 0 }));
        }
        form.parentNode.removeChild(form);
        var said = typeof data.message === "string" ? data.message : "";
        addMessage({ from: "user", text: text, handedOff: true });
        addMessage({ from: "bot", text: (said ? said + " " : "") + TEXT.handoffAfter });
        touch();
        scrollToEnd();
      }).catch(function (error) {
        submit.disabled = false;
        status.textContent = error && error.message && !/fetch|network|json/i.test(error.message)
          ? error.message : TEXT.handoffFailed;
      });
    });
    return form;
  }

  // The counsellor's replies to this conversation, shown when the widget loads or opens, and every
  // minute while a question waits; the launcher's unread mark when the panel is closed.
  function checkCounsellorReplies() {
    var pending = store.getItem(KEY_HANDOFF);
    var sender = store.getItem(KEY_SENDER);
    if (!CONFIG.consoleUrl || !pending || !sender || typeof fetch !== "function") {
      return;
    }
    var seen = readSeen(pending);
    var url = CONFIG.consoleUrl + "/api/reponses/" + encodeURIComponent(sender) + "?apres=" + seen;
    getJson(url).then(function (data) {
      if (!data || !Array.isArray(data.reponses) || store.getItem(KEY_SENDER) !== sender) {
        return;
      }
      var fresh = counsellorMessages(data.reponses, seen, TEXT.booking);
      if (!fresh.messages.length) {
        return;
      }
      changeHistory(function (items) { Array.prototype.push.apply(items, fresh.messages); });
      store.setItem(KEY_HANDOFF, JSON.stringify({ seen: fresh.seen }));
      if (!isOpen()) {
        setUnread(true);
      }
    }).catch(function () {
      /* the console is unreachable: the replies will be shown next time */
    });
  }

  /* ---------- the conversation: sending, answers, votes, new conversation ---------- */

  // Sends the stored user message `id`. The same id on a retry: the server processes it once.
  function deliver(id) {
    var message = findUser(id);
    if (!message) {
      return Promise.resolve();
    }
    setBusy(true);
    showError(false);
    touch();
    var sender = senderId();
    return post({ sender: sender, message: message.payload || message.text, message_id: id,
                  metadata: metadata() }).then(function (replies) {
      if (!Array.isArray(replies)) {
        throw new Error("unexpected reply");
      }
      setBusy(false);
      if (store.getItem(KEY_SENDER) !== sender) {
        return; // the conversation was restarted meanwhile: this answer belongs to the old one
      }
      // An empty reply is not silence: a short note, and the topics to start again.
      var answers = answersFrom(replies, id, TEXT.empty, starters);
      setFailed(id, false);
      changeHistory(function (items) { Array.prototype.push.apply(items, answers); });
      touch();
      if (!isOpen()) {
        setUnread(true); // the answer arrived while the panel was closed
      }
      scrollToQuestion();
    }).catch(function () {
      setBusy(false);
      setFailed(id, true);
      showError(true);
      scrollToEnd();
    });
  }

  function send(payload, shownText) {
    if (idleExpired()) {
      expireConversation();
    }
    var id = randomId().replace(/[^A-Za-z0-9_-]/g, "");
    var message = { from: "user", text: shownText, id: id };
    if (payload !== shownText) {
      message.payload = payload;
    }
    addMessage(message);
    scrollToEnd();
    return deliver(id);
  }

  function retrySending(id) {
    if (busy) {
      return;
    }
    deliver(id).then(function () {
      var message = findUser(id);
      if (message && !message.failed) {
        input.focus({ preventScroll: true }); // the retry button is gone
      } else {
        var again = log.querySelector(".aw-retry");
        if (again) {
          again.focus({ preventScroll: true });
        }
      }
    });
  }

  function vote(id, value) {
    var question = findUser(id);
    if (!question) {
      return;
    }
    post({ sender: senderId(), message: "", metadata: { feedback: value, message_id: id } }).then(function () {
      changeHistory(function (items) {
        items.forEach(function (m) {
          if (m.from === "user" && m.id === id) {
            m.vote = value;
          }
        });
      });
      var group = log.querySelector(".aw-votes[data-for=\"" + id + "\"]");
      if (group) {
        Array.prototype.forEach.call(group.querySelectorAll(".aw-vote"), function (b) {
          b.setAttribute("aria-pressed", b.classList.contains("aw-vote--" + value) ? "true" : "false");
        });
      }
      voteStatus.textContent = TEXT.voteThanks;
    }, function () {
      voteStatus.textContent = TEXT.voteFailed;
    });
  }

  /* ---------- conversation lifecycle ---------- */

  function startFresh(note) {
    forgetConversation();
    history = [];
    renderHistory();
    showError(false);
    addMessage({ from: "bot", text: "", welcome: true });
    if (note) {
      voteStatus.textContent = note;
    }
    touch();
  }

  function restartConversation() {
    if (busy) {
      return;
    }
    startFresh("");
    scrollToEnd();
    if (phone.matches) {
      title.focus({ preventScroll: true });
    } else {
      input.focus();
    }
  }

  function expireConversation() {
    startFresh(TEXT.expired);
  }

  function checkIdle() {
    if (!busy && idleExpired()) {
      expireConversation();
    }
  }

  function setUnread(value) {
    if (value) {
      store.setItem(KEY_UNREAD, "1");
    } else {
      store.removeItem(KEY_UNREAD);
    }
    updateUnread();
  }

  function updateUnread() {
    var unread = store.getItem(KEY_UNREAD) === "1" && !isOpen();
    launcher.classList.toggle("aw-unread", unread);
    // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
    launcher.setAttribute("aria-label", TEXT.launcher + " " + TEXT.open + (unread ? TEXT.unread : ""));
  }

  /* ---------- the panel: built once, starter topics ---------- */

  function build() {
    if (idleExpired()) {
      forgetConversation();
      session.removeItem(KEY_OPEN);
    }
    history = loadHistory();
    buildRoot();
    launcher = buildLauncher();
    panel = buildPanel();
    root.addEventListener("keydown", onKeydown);
    root.appendChild(panel);
    if (mode === "widget") {
      root.appendChild(launcher);
    }
    mountRoot();
    listen();

    updateUnread();
    renderHistory();
    if (mode === "page") {
      showWelcomeIfEmpty();
      if (!phone.matches) {
        input.focus({ preventScroll: true });
      }
    } else if (wanted === "open" || (wanted !== "close" && session.getItem(KEY_OPEN) === "1")) {
      openPanel(wanted === "open"); // the student had the chat open on the previous page
    }
    api.open = function () { openPanel(true); };
    api.close = function () { closePanel(false); };
    api.restart = restartConversation;
    api.ready = true;
    loadSiteConfig();
    checkCounsellorReplies();
    setInterval(function () {
      if (!document.hidden) {
        checkCounsellorReplies();
      }
    }, 60000);
  }

  // A custom element no theme styles, holding a shadow root no theme reaches.
  function buildRoot() {
    var colors = palette(CONFIG.color);
    host = document.createElement("assistant-widget");
    host.id = "assistant-widget";
    shadow = host.attachShadow({ mode: "open" });

    root = el("div", "aw-root" + (mode === "page" ? " aw-page" : ""));
    root.setAttribute("lang", CONFIG.lang);
    root.hidden = true; // shown once widget.css is loaded (no unstyled flash)
    // CSSOM properties, not a style attribute: allowed by a strict CSP without 'unsafe-inline'.
    root.style.setProperty("--aw-color", colors.color);
    root.style.setProperty("--aw-on-color", colors.onColor);
    root.style.setProperty("--aw-accent", colors.accent);
    root.style.zIndex = String(CONFIG.zIndex);
  }

  // A disclosure button: aria-expanded tells whether the panel is open; a click toggles it.
  function buildLauncher() {
    var launcher = button("aw-launcher");
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "aw-panel");
    var chatIcon = icon(ICON_CHAT);
    chatIcon.setAttribute("class", "aw-icon-chat");
    var downIcon = icon(ICON_DOWN);
    downIcon.setAttribute("class", "aw-icon-down");
    launcher.appendChild(chatIcon);
    launcher.appendChild(downIcon);
    launcher.appendChild(el("span", "aw-launcher-text", TEXT.launcher));
    var badge = el("span", "aw-badge");
    badge.setAttribute("aria-hidden", "true");
    launcher.appendChild(badge);
    launcher.addEventListener("click", function () {
      if (isOpen()) {
        closePanel(true);
      } else {
        openPanel(true);
      }
    });
    return launcher;
  }

  // The dialog (a phone) or the page's main region: header, log, status lines, form, note.
  function buildPanel() {
    var panel = el(mode === "page" ? "main" : "div", "aw-panel");
    panel.id = "aw-panel";
    panel.hidden = mode !== "page";
    if (mode === "widget") {
      panel.setAttribute("role", "dialog");
    }
    panel.setAttribute("aria-labelledby", "aw-title");
    panel.appendChild(buildHeader());
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
    errorBox.appendChild(el("p", "aw-error-text", TEXT.error));

    voteStatus = el("p", "aw-sr-only");
    voteStatus.setAttribute("role", "status");

    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(errorBox);
    panel.appendChild(voteStatus);
    panel.appendChild(buildForm());
    panel.appendChild(buildNote());
    return panel;
  }

  // The title, the profession of the conversation, « Nouvelle conversation » and « Fermer ».
  function buildHeader() {
    var header = el("div", "aw-header");
    title = el(mode === "page" ? "h1" : "h2", "aw-title", CONFIG.title);
    title.id = "aw-title";
    title.tabIndex = -1; // receives the focus on a phone (the keyboard stays closed)
    var restart = el("button", "aw-icon-button aw-restart");
    restart.type = "button";
    restart.setAttribute("aria-label", TEXT.restart);
    restart.title = TEXT.restart;
    restart.appendChild(icon(ICON_RESTART));
    restart.addEventListener("click", restartConversation);
    // Which profession the conversation is about (the « metier » of the latest answer about one).
    var heading = el("div", "aw-heading");
    profession = el("p", "aw-profession");
    profession.hidden = true;
    profession.setAttribute("aria-live", "polite");
    heading.appendChild(title);
    heading.appendChild(profession);
    header.appendChild(heading);
    header.appendChild(restart);
    if (mode === "widget") {
      var close = el("button", "aw-icon-button aw-close");
      close.type = "button";
      close.setAttribute("aria-label", TEXT.close);
      close.title = TEXT.close;
      close.appendChild(icon(ICON_CLOSE));
      close.addEventListener("click", function () { closePanel(true); });
      header.appendChild(close);
    }
    return header;
  }

  function buildForm() {
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
    return form;
  }

  // « Ne donnez ni votre nom… » and the school's « Vos données » link.
  function buildNote() {
    var note = el("p", "aw-note", TEXT.note);
    var privacy = safeHref(CONFIG.privacyUrl);
    if (privacy) {
      note.appendChild(document.createTextNode(" "));
      note.appendChild(link(privacy, TEXT.privacy));
    }
    return note;
  }

  // widget.css inside the shadow root; the root is shown once it is loaded (no unstyled flash).
  function mountRoot() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = script && script.src ? new URL("widget.css", script.src).href : "widget.css";
    var show = function () {
      root.hidden = false;
      if (isOpen()) {
        scrollToEnd(); // the layout exists only now
      }
    };
    css.addEventListener("load", show);
    css.addEventListener("error", show);
    shadow.appendChild(css);
    shadow.appendChild(root);
    var mount = mode === "page" && document.getElementById("assistant-chat");
    (mount || document.body).appendChild(host);
  }

  // The focus trap of the phone modal, other tabs' changes, the idle timer.
  function listen() {
    // The page behind a phone modal cannot get the focus (inert), and the focus cannot leave it.
    document.addEventListener("focusin", function (event) {
      if (isModal() && event.target !== host) {
        title.focus({ preventScroll: true });
      }
    });
    if (phone.addEventListener) {
      phone.addEventListener("change", updateModal);
    }
    // Tabs of the same site share the conversation: redraw when another tab changes it.
    window.addEventListener("storage", function (event) {
      if (!storeArea || event.storageArea !== storeArea) {
        return;
      }
      if (event.key === KEY_HISTORY || event.key === KEY_SENDER || event.key === null) {
        history = loadHistory();
        renderHistory();
      } else if (event.key === KEY_UNREAD) {
        updateUnread();
      }
    });
    // A shared computer left with the chat open: the conversation is forgotten after the idle time.
    setInterval(checkIdle, 30000);
    document.addEventListener("visibilitychange", checkIdle);
    window.addEventListener("focus", checkIdle);
  }

  function loadSiteConfig() {
    if (!CONFIG.configUrl || CONFIG.configUrl === "none" || typeof fetch !== "function") {
      return;
    }
    getJson(CONFIG.configUrl).then(function (data) {
      if (!data || typeof data !== "object") {
        return;
      }
      starters = cleanButtons(data.sujets);
      if (!CONFIG.consoleUrl && typeof data.console === "string" && /^https?:\/\//.test(data.console)) {
        CONFIG.consoleUrl = data.console.replace(/\/+$/, "");
        renderHistory();
        checkCounsellorReplies();
      }
      if (Array.isArray(data.metiers)) {
        metiers = {};
        data.metiers.forEach(function (m) {
          if (m && typeof m.id === "string" && typeof m.titre === "string") {
            metiers[m.id] = m.titre;
          }
        });
        if (CONFIG.metier && !Object.prototype.hasOwnProperty.call(metiers, CONFIG.metier)) {
          console.warn("[assistant] data-metier=\"" + CONFIG.metier + "\" ne correspond à aucun métier " +
            "connu (" + Object.keys(metiers).join(", ") + ") : l'assistant répond pour le métier par défaut.");
        }
      }
      // Update the welcome in place (the focus and the screen reader stay where they are).
      Array.prototype.forEach.call(log.querySelectorAll(".aw-welcome .aw-bubble"), function (bubble) {
        while (bubble.firstChild) {
          bubble.removeChild(bubble.firstChild);
        }
        renderBotText(bubble, welcomeText());
      });
      var lastItem = history[history.length - 1];
      if (lastItem && lastItem.welcome && starters.length && !log.querySelector(".aw-buttons")) {
        log.appendChild(quickButtons(starters, TEXT.starters));
      }
    }).catch(function () {
      /* no starter topics: the student types the question */
    });
  }

  /* ---------- open / close, the phone modal ---------- */

  function onKeydown(event) {
    if ((event.key === "Escape" || event.key === "Esc") && isOpen() && mode === "widget") {
      event.preventDefault();
      closePanel(true);
      return;
    }
    if (event.key === "Tab" && isModal()) {
      // Keep the focus inside the full-screen dialog.
      var items = Array.prototype.filter.call(
        panel.querySelectorAll("button, input, a[href], [tabindex=\"0\"]"),
        function (node) { return !node.disabled && node.getClientRects().length > 0; });
      if (!items.length) {
        return;
      }
      var active = shadow.activeElement;
      var first = items[0], lastItem = items[items.length - 1];
      if (event.shiftKey && (active === first || active === title || items.indexOf(active) < 0)) {
        event.preventDefault();
        lastItem.focus();
      } else if (!event.shiftKey && (active === lastItem || items.indexOf(active) < 0 && active !== title)) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  // On a phone the open panel covers the screen: a modal dialog, the page behind inert.
  function updateModal() {
    var modal = isModal();
    if (modal) {
      panel.setAttribute("aria-modal", "true");
      if (!inertNodes.length) {
        Array.prototype.forEach.call(document.body.children, function (node) {
          if (node !== host && !node.contains(host) && !node.inert && node.tagName !== "SCRIPT") {
            node.inert = true;
            inertNodes.push(node);
          }
        });
      }
    } else {
      panel.removeAttribute("aria-modal");
      inertNodes.forEach(function (node) { node.inert = false; });
      inertNodes = [];
    }
  }

  function openPanel(focus) {
    if (idleExpired()) {
      expireConversation();
    }
    panel.hidden = false;
    root.classList.add("aw-open");
    launcher.setAttribute("aria-expanded", "true");
    session.setItem(KEY_OPEN, "1");
    setUnread(false);
    showWelcomeIfEmpty();
    checkCounsellorReplies();
    updateModal();
    scrollToEnd();
    if (focus) {
      // On a phone the keyboard would cover the welcome: the focus goes to the dialog's title.
      if (phone.matches) {
        title.focus({ preventScroll: true });
      } else {
        input.focus();
      }
    }
  }

  // restoreFocus: the student closed it (button, Escape); the JS API only moves the focus when
  // it was inside the widget.
  function closePanel(restoreFocus) {
    if (!isOpen() || mode === "page") {
      return;
    }
    var focusInside = !!shadow.activeElement;
    panel.hidden = true;
    root.classList.remove("aw-open");
    launcher.setAttribute("aria-expanded", "false");
    session.setItem(KEY_OPEN, "0");
    updateModal();
    updateUnread();
    if (restoreFocus || focusInside) {
      launcher.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
