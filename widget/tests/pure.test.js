// The widget's pure parts (colours, bot text, storage rules, replies), run by Node's test runner:
//   node --test widget/tests/
// widget.js loaded outside a page exports them and builds nothing.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const widget = require("../widget.js");

// The text a student would read in a piece list (links show their label).
function shown(pieces) {
  return pieces.map((p) => (p.bold ? shown(p.bold) : p.href ? p.label : p.text)).join("");
}
function links(pieces) {
  return pieces.flatMap((p) => (p.bold ? links(p.bold) : p.href ? [p.href] : []));
}

test("colours: any brand colour gives the more readable text on it and an accent with AA contrast on white", () => {
  for (const color of ["#ffff00", "#1a4f8b", "#ff0000", "#777", "#000000", "#ffffff", "pas une couleur"]) {
    const p = widget.palette(color);
    const rgb = widget.parseColor(p.color);
    const on = widget.parseColor(p.onColor);
    assert.ok(widget.contrast(widget.parseColor(p.accent), [255, 255, 255]) >= 4.5, color);
    const other = widget.parseColor(p.onColor === "#ffffff" ? "#1f2328" : "#ffffff");
    assert.ok(widget.contrast(rgb, on) >= widget.contrast(rgb, other), color); // the better of white and ink
  }
  assert.equal(widget.palette("#ffff00").onColor, "#1f2328"); // dark ink on yellow, not white
  assert.equal(widget.palette("pas une couleur").color, "#1a4f8b"); // the default colour
  assert.equal(widget.palette("#abc").color, "#aabbcc");
});

test("bot text: a javascript: link keeps only its label, as text", () => {
  const pieces = widget.parseInline("[cliquez](javascript:alert(1)) ou [ici](data:text/html,x)", true);
  assert.deepEqual(links(pieces), []);
  assert.equal(shown(pieces), "cliquez ou ici");
});

test("bot text: http(s) and mailto links, bare addresses and e-mails become links", () => {
  const pieces = widget.parseInline(
    "Voir [la fiche](https://ecole.fr/fiche), https://onisep.fr. Écrire à conseil@ecole.fr", true);
  assert.deepEqual(links(pieces), ["https://ecole.fr/fiche", "https://onisep.fr/", "mailto:conseil@ecole.fr"]);
  // The sentence's full stop is not part of the address.
  assert.equal(shown(pieces), "Voir la fiche, https://onisep.fr. Écrire à conseil@ecole.fr");
});

test("bot text: HTML stays text (nothing is parsed as markup)", () => {
  const pieces = widget.parseInline("<img src=x onerror=alert(1)> **gras <b>**", true);
  assert.equal(shown(pieces), "<img src=x onerror=alert(1)> gras <b>");
  assert.deepEqual(pieces[1], { bold: [{ text: "gras <b>" }] });
});

test("bot text: consecutive bullets make one list, a blank line ends it, Source is marked", () => {
  const blocks = widget.parseBotText("Les missions :\n• négocier\n- rédiger\n\n* suivre\nSource : fiche");
  assert.deepEqual(blocks.map((b) => (b.list ? b.list.map(shown) : shown(b.paragraph))),
    ["Les missions :", ["négocier", "rédiger"], ["suivre"], "Source : fiche"]);
  assert.equal(blocks[3].source, true);
  assert.equal(blocks[0].source, false);
});

test("storage: a stored history keeps only well-formed messages; a broken one is empty", () => {
  const json = JSON.stringify([{ from: "user", text: "bonjour" }, { from: "x", text: "?" }, { from: "bot" }, null]);
  assert.deepEqual(widget.readHistory(json), [{ from: "user", text: "bonjour" }]);
  assert.deepEqual(widget.readHistory("{pas du json"), []);
  assert.deepEqual(widget.readHistory('{"from": "bot"}'), []);
  assert.deepEqual(widget.readHistory(null), []);
});

test("storage: a long history drops its oldest messages first and keeps at least the last", () => {
  const items = [1, 2, 3, 4].map((n) => ({ from: "bot", text: String(n).repeat(40) }));
  const trimmed = widget.trimHistory(items, 150);
  assert.deepEqual(trimmed.items.map((m) => m.text[0]), ["3", "4"]);
  assert.equal(trimmed.json, JSON.stringify(trimmed.items));
  assert.deepEqual(widget.trimHistory(items, 10).items.map((m) => m.text[0]), ["4"]);
});

test("storage: a conversation idle too long expires, unless idle time is 0 or a counsellor reply is awaited", () => {
  const now = 10 * 60 * 60000;
  const anHourAgo = String(now - 60 * 60000);
  assert.equal(widget.isIdle(anHourAgo, now, 30, false), true);
  assert.equal(widget.isIdle(anHourAgo, now, 90, false), false);
  assert.equal(widget.isIdle(anHourAgo, now, 0, false), false);
  assert.equal(widget.isIdle(anHourAgo, now, 30, true), false);
  assert.equal(widget.isIdle(null, now, 30, false), false); // never active: nothing to forget
  assert.equal(widget.readSeen('{"seen": 7}'), 7);
  assert.equal(widget.readSeen("cassé"), 0);
});

test("replies: text, buttons, profession and hand-off are kept; an image is a link; unsafe parts dropped", () => {
  const answers = widget.answersFrom([
    { text: "Un Bac+5 est demandé.", buttons: [{ title: "Salaire", payload: "/salaire" }, { title: 3 }],
      metier: { intitule: "Chargé de mission", id: "charge_mission" }, handoff: true },
    { image: "javascript:alert(1)" },
    { image: "https://ecole.fr/plan.png" },
    { metier: { intitule: "X", id: "Pas Un Id" }, text: "suite" },
    "pas un objet",
  ], "m1", "vide", []);
  assert.deepEqual(answers, [
    { from: "bot", text: "Un Bac+5 est demandé.", buttons: [{ title: "Salaire", payload: "/salaire" }],
      replyTo: "m1", metier: "Chargé de mission", metierId: "charge_mission", handoff: true },
    { from: "bot", text: "https://ecole.fr/plan.png", buttons: [], replyTo: "m1" },
    { from: "bot", text: "suite", buttons: [], replyTo: "m1", metier: "X" },
  ]);
});

test("replies: an empty reply is never silence (a note and the starter topics)", () => {
  const starters = [{ title: "Diplômes", payload: "/diplome" }];
  assert.deepEqual(widget.answersFrom([], "m2", "Je n'ai pas de réponse.", starters),
    [{ from: "bot", text: "Je n'ai pas de réponse.", buttons: starters }]);
});

test("counsellor: only replies newer than the last one shown, with a safe booking link", () => {
  const fresh = widget.counsellorMessages([
    { id: 3, texte: "déjà vue" },
    { id: 5, texte: "Bonjour, oui.", rendez_vous: "https://rdv.ecole.fr/x" },
    { id: 6, texte: "Autre", rendez_vous: "javascript:alert(1)" },
    { id: 9 },
  ], 3, "Prendre rendez-vous");
  assert.deepEqual(fresh.messages.map((m) => m.text),
    ["Bonjour, oui.\nPrendre rendez-vous : https://rdv.ecole.fr/x", "Autre"]);
  assert.ok(fresh.messages.every((m) => m.counsellor && m.from === "bot"));
  assert.equal(fresh.seen, 6);
});

test("hand-off: the question offered is the student's last typed one, not a button nor the request", () => {
  const history = [
    { from: "user", id: "a", text: "Faut-il parler anglais ?" },
    { from: "bot", text: "La fiche ne le dit pas." },
    { from: "user", id: "b", text: "Salaire", payload: "/salaire" },
    { from: "user", id: "c", text: "je veux un conseiller" },
    { from: "bot", text: "Contact", replyTo: "c", metierId: "charge_mission" },
  ];
  assert.equal(widget.questionBefore(history, 4), "Faut-il parler anglais ?");
  assert.equal(widget.currentProfessionId(history, "autre"), "charge_mission");
  assert.equal(widget.currentProfessionId([], "autre"), "autre");
  assert.equal(widget.latestProfession([{ from: "bot", text: "", metier: "A" }, { from: "bot", text: "" }]), "A");
});
