"""Write the answers a routing corpus teaches into an adapter's folder (`answer_vocabulary.txt`), to ship with it.

The studio decodes over the tokens of these answers (`assistant.orchestrators.answer_vocabulary`) and never opens
the corpus; run this with the corpus an adapter was trained on, when that adapter is made.

    python -m assistant.routing.answer_vocabulary_file models/checkpoints/orchestrator_lora_qwen
"""

from __future__ import annotations

import argparse
import os

from assistant.orchestrators.answer_vocabulary import ANSWERS_FILE
from assistant.routing.corpus import compact, generate

EXAMPLES = 4000  # the training examples the vocabulary was computed from at first use before it shipped


def corpus_answers(n: int = EXAMPLES) -> list[str]:
    """The distinct compact answers of n training examples, sorted (their tokens are those of all n)."""
    return sorted({compact(e.calls) for e in generate("train", n)})


def write_answers(adapter: str, n: int = EXAMPLES) -> str:
    path = os.path.join(adapter, ANSWERS_FILE)
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(answer + "\n" for answer in corpus_answers(n))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("adapters", nargs="+", help="adapter folders")
    parser.add_argument("--examples", type=int, default=EXAMPLES)
    args = parser.parse_args()
    for adapter in args.adapters:
        print(f"wrote {write_answers(adapter, args.examples)}")


if __name__ == "__main__":
    main()
