"""Measure the fallback threshold on held-out sentences: for each threshold, how many questions
the assistant answers (the others get "Vouliez-vous parler de… ?") and how often those answers
are about the right topic.

    .venv/bin/python trainer/tune_fallback.py [models/assistant.tar.gz]
"""
import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("LOG_LEVEL", "WARNING")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HELD_OUT = [ROOT / "tests" / "nlu" / "test_nlu.yml", ROOT / "tests" / "nlu" / "test_robustesse.yml"]
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]


def top_intent(parsed):
    """Best real intent and its confidence, whatever the FallbackClassifier decided."""
    ranking = [r for r in parsed["intent_ranking"] if r["name"] != "nlu_fallback"]
    return ranking[0]["name"], ranking[0]["confidence"]


def measure(model_path):
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data

    agent = Agent.load(str(model_path))
    examples = [m for f in HELD_OUT for m in load_data(str(f)).intent_examples]

    async def parse_all():
        return [await agent.parse_message(m.get("text")) for m in examples]

    parsed = asyncio.run(parse_all())
    pairs = [(m.get("intent"), *top_intent(p)) for m, p in zip(examples, parsed)]
    rows = []
    for threshold in THRESHOLDS:
        answered = [(truth, guess) for truth, guess, conf in pairs if conf >= threshold]
        right = sum(truth == guess for truth, guess in answered)
        rows.append((threshold, len(answered) / len(pairs), right / max(1, len(answered))))
    return len(pairs), rows


def main():
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "models" / "assistant.tar.gz"
    total, rows = measure(model)
    print(f"{total} phrases jamais vues à l'entraînement")
    print("seuil | répond à | réponses sur le bon sujet (précision)")
    for threshold, rate, precision in rows:
        print(f" {threshold:.1f}  |  {rate:6.1%}  | {precision:6.1%}")


if __name__ == "__main__":
    main()
