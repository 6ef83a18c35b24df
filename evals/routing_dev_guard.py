"""Does the 444 development set fall under the new decoding rules? Scored where the rules can act, old and new.

    python -m evals.routing_dev_guard [--set evals/data/routing_handwritten.jsonl] [--out FILE]

The decoding rules (`assistant.orchestrators.decoding_rules`) only refuse tokens; they can change a greedy answer
only where it has a subject, a number, a key, a mode, a form or more than one work, or where the request writes
a number, key, mode, form or line count (which also adds tokens). A case whose expected answer has none of these
and whose request writes none is decoded token for token as before when the old answer was right (every token of
the expected answer is still accepted), so right answers there cannot change. This scores the other cases (the
ones the rules can touch) with the shipped adapter twice, under the rules of ff6f0e2 and under today's, back to
back in one process, and adds the difference to the published 444 figures. One caveat: an old answer that was
invalid at first (repaired with a note) can change outside these cases; `valid_first_try` of the old run shows
how many there are among them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from assistant.orchestrators.base import PlanRequest
from assistant.orchestrators.local_lm import ADAPTERS, LocalLMOrchestrator, request_line
from assistant.orchestrators.request_facts import facts_of
from evals.routing_report import DEFAULT_SET, load_cases, score_case, summarise

WORK_TOOLS = {"compose_melody", "paint", "write_text"}
WRITTEN = {"subject", "key", "mode", "tempo", "bars", "add_bars", "lines", "form"}


def rules_can_act(case: dict) -> bool:
    """The request writes a value the rules read, or the expected answer has one they constrain or several works."""
    facts = facts_of(" ".join(case["request"].split()))
    calls = case["calls"]
    arguments = {name for _, args in calls for name in args}
    works = sum(1 for name, _ in calls if name in WORK_TOOLS)
    return (
        bool(facts.numbers or facts.keys or facts.modes or facts.form or facts.lines)
        or works >= 2
        or bool(arguments & WRITTEN)
    )


class BeforeRules(LocalLMOrchestrator):
    """The decoding of ff6f0e2: schema, names and copy constraints only; the repair note in the prompt."""

    def _plan_over_answer_tokens(self, request: PlanRequest, tokenizer) -> str:
        from assistant.orchestrators.answer_vocabulary import allowed_token_ids, stop_token_ids, token_texts
        from assistant.orchestrators.argument_gates import closed_arguments, without
        from assistant.orchestrators.copy_constraint import copy_ok
        from assistant.orchestrators.routed_arguments import once_per_turn, routed_argument_names
        from assistant.orchestrators.schema_constraint import closed, names_ok
        from models.language.shared_lm import LM_LOCK, with_adapter
        from models.language.sub_vocabulary_decoding import greedy_sub_vocabulary

        line = request_line(request)
        allowed = allowed_token_ids(tokenizer, line, self.adapter)
        texts, once = token_texts(tokenizer), once_per_turn()
        names = without(routed_argument_names(), closed_arguments(line))
        stops = stop_token_ids(tokenizer, allowed)

        def accept(tokens: list[int], token: int) -> bool:
            answer = tokenizer.decode(tokens)
            complete, stop = closed(answer), token in stops
            if stop or complete:
                return stop and complete
            return copy_ok(answer, texts[token], line) and names_ok(answer + texts[token], names, once)

        model = with_adapter(self.adapter, key=self.base)
        with LM_LOCK:
            ids = tokenizer(line, return_tensors="pt").input_ids.to(model.device)
            tokens = greedy_sub_vocabulary(model, ids, allowed, 64, stops, accept)
        return tokenizer.decode(tokens, skip_special_tokens=True).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default=DEFAULT_SET)
    parser.add_argument("--out", default="evals/data/routing_dev_guard.json")
    parser.add_argument("--reuse", default=None, help="rows of an earlier run to keep where no written value is read")
    parser.add_argument("--summarise", default=None, help="only summarise a rows file (a run cut short)")
    args = parser.parse_args()
    if args.summarise:
        with open(args.summarise) as f:
            pairs = [json.loads(line) for line in f if line.strip()]
        report(
            args.set,
            args.out,
            len(load_cases(args.set)),
            len([c for c in load_cases(args.set) if rules_can_act(c)]),
            {label: [p[label] for p in pairs] for label in ("before", "after")},
        )
        return
    cases = load_cases(args.set)
    touched = [c for c in cases if rules_can_act(c)]
    touched = [c for offset in range(4) for c in touched[offset::4]]  # an even sample first, if cut short
    before, after = BeforeRules(ADAPTERS["qwen"], base="qwen"), LocalLMOrchestrator(ADAPTERS["qwen"], base="qwen")
    rows = {"before": [], "after": []}
    reused = {}
    if args.reuse:
        with open(args.reuse) as f:
            reused = {(r := json.loads(line))["before"]["request"]: r for line in f if line.strip()}
    for i, case in enumerate(touched, 1):
        facts = facts_of(" ".join(case["request"].split()))
        if case["request"] in reused and not (facts.numbers or facts.keys or facts.modes):
            for label in rows:
                rows[label].append(reused[case["request"]][label])
        else:
            for label, orchestrator in (("before", before), ("after", after)):
                rows[label].append(score_case(orchestrator, case))
        b, a = rows["before"][-1], rows["after"][-1]
        mark = (
            "same"
            if b["got"] == a["got"]
            else f"{'+' if a['exact'] > b['exact'] else '-' if a['exact'] < b['exact'] else '~'}"
        )
        print(f"{i}/{len(touched)} {mark} {case['request']!r}: {b['got']} -> {a['got']}", file=sys.stderr, flush=True)
        with open(args.out + ".partial.jsonl", "a") as f:
            f.write(json.dumps({"before": b, "after": a}) + "\n")
    report(args.set, args.out, len(cases), len(touched), rows)


def report(path: str, out: str, cases: int, touched: int, rows: dict[str, list[dict]]) -> None:
    """Write and print the figures: the touched cases scored so far, before and after, and what changed."""
    scored = len(rows["after"])
    result = {
        "set": path,
        "cases": cases,
        "touched": touched,
        "scored": scored,
        "before": summarise(rows["before"]),
        "after": summarise(rows["after"]),
        "changed": [
            {"request": b["request"], "expected": b["expected"], "before": b["got"], "after": a["got"]}
            for b, a in zip(rows["before"], rows["after"])
            if b["got"] != a["got"]
        ],
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    for key in ("right_tools", "fully_right"):
        gain = (result["after"][key] - result["before"][key]) * scored
        print(
            f"{key}: {gain:+.0f} cases of {cases} ({result['before'][key]:.3f} -> {result['after'][key]:.3f} on the "
            f"{scored} scored of {touched} the rules can act on)"
        )


if __name__ == "__main__":
    main()
