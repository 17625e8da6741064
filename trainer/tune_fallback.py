"""Measure the fallback threshold on held-out sentences: for each threshold, how many questions
the assistant answers (the others get "Vouliez-vous parler de… ?") and how often those answers
are about the right topic.

    make tune                                         # models/assistant.tar.gz
    python -m trainer.tune_fallback [models/assistant.tar.gz]
"""
import asyncio
import sys
from pathlib import Path

from trainer.project import ROOT, Project
from trainer.report import quiet_rasa

THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]


def top_intent(parsed):
    """Best real intent and its confidence, whatever the FallbackClassifier decided."""
    ranking = [r for r in parsed["intent_ranking"] if r["name"] != "nlu_fallback"]
    return ranking[0]["name"], ranking[0]["confidence"]


def rates(pairs, thresholds=THRESHOLDS):
    """[(threshold, share answered, share of answers on the right topic)] from (truth, guess, confidence)."""
    rows = []
    for threshold in thresholds:
        answered = [(truth, guess) for truth, guess, conf in pairs if conf >= threshold]
        right = sum(truth == guess for truth, guess in answered)
        rows.append((threshold, len(answered) / max(1, len(pairs)), right / max(1, len(answered))))
    return rows


def measure(model_path, project: Project):
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    sentences = project.held_out()

    async def parse_all():
        return [await agent.parse_message(s.text) for s in sentences]

    pairs = [(s.intent, *top_intent(p)) for s, p in zip(sentences, asyncio.run(parse_all()))]
    return len(pairs), rates(pairs)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    quiet_rasa()
    model = Path(argv[0]) if argv else ROOT / "models" / "assistant.tar.gz"
    if not model.exists():
        print(f"Aucun modèle : {model} n'existe pas. Lancez `make train`.")
        return 1
    total, rows = measure(model, Project(ROOT))
    print(f"{total} phrases jamais vues à l'entraînement")
    print("seuil | répond à | réponses sur le bon sujet (précision)")
    for threshold, rate, precision in rows:
        print(f" {threshold:.1f}  |  {rate:6.1%}  | {precision:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
