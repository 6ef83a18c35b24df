"""Score a blind judge's verdicts against the painting requests, by rule.

Rules (fixed before any verdict was read):
- subject named: one of the row's `accept` words (as a whole word, plural s/es allowed) is in the judge's
  `main_subject` or `things`; `subject_main` counts only `main_subject`.
- scene right: one of the row's `scene` words is in `main_subject`, `things` or `scene`.
- time / weather right: the judge's choice equals the asked one (only rows that ask; `rain`/`rainy`, `misty`/`foggy`
  spelled either way). Since stop 25 the asked word is read the same way as the judge's (a row asking "fog",
  "sunset" or "morning" asks misty, dusk, dawn: no judge's choice could equal those words before).
- no-subject rows: `concrete` when the judge's main subject names a thing (none of ABSTRACT_WORDS), `mood right`
  when the judge's mood is one of the row's `mood_seen`.
- keep: the judge's 1-5; `ones` and `twos` count them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from evals.common import print_table

ABSTRACT_WORDS = (
    "unclear",
    "abstract",
    "nothing",
    "blotch",
    "smear",
    "colour field",
    "color field",
    "texture",
    "pattern",
    "shapes",
    "blur",
    "noise",
    "wash",
    "bands",
    "stripes",
    "murky",
    "blank",
    "smudge",
)
SAME_WEATHER = {
    "rainy": "rain",
    "foggy": "misty",
    "fog": "misty",
    "mist": "misty",
    "snowy": "snow",
    "snowstorm": "snow",
    "blizzard": "snow",
    "storm": "stormy",
    "thunderstorm": "stormy",
    "overcast": "cloudy",
    "sunny": "clear",
}
SAME_TIME = {
    "sunrise": "dawn",
    "morning": "dawn",
    "early morning": "dawn",
    "daybreak": "dawn",
    "sunset": "dusk",
    "evening": "dusk",
    "twilight": "dusk",
    "noon": "day",
    "midday": "day",
    "afternoon": "day",
    "midnight": "night",
}


def plain(text) -> str:
    """Lower-case words separated by single spaces (lists joined)."""
    if isinstance(text, list):
        text = " ; ".join(str(t) for t in text)
    return " ".join(re.findall(r"[\w']+", str(text or "").lower()))


def mentions(text: str, terms: list[str]) -> bool:
    """Whether any term occurs in the text as whole words, a plural s/es allowed."""
    return any(re.search(r"\b" + re.escape(plain(term)) + r"(s|es)?\b", text) for term in terms)


def is_abstract(main_subject: str) -> bool:
    return not main_subject or any(word in main_subject for word in ABSTRACT_WORDS)


def score_one(row: dict, verdict: dict) -> dict:
    """The rule scores of one judged work (None where a row does not ask)."""
    main = plain(verdict.get("main_subject"))
    things = plain(verdict.get("things"))
    scene = plain(verdict.get("scene"))
    out = {
        "id": row["id"],
        "category": row["category"],
        "keep": int(verdict.get("keep", 1)),
        "judge_subject": verdict.get("main_subject"),
        "expected": row.get("subject"),
    }
    if row.get("subject"):
        out["subject_named"] = mentions(f"{main} ; {things}", row["accept"])
        out["subject_main"] = mentions(main, row["accept"])
        out["scene_right"] = mentions(f"{main} ; {things} ; {scene}", row["scene"])
    else:
        out["concrete"] = not is_abstract(main)
        out["mood_right"] = plain(verdict.get("mood")) in row.get("mood_seen", [])
    for field, asked, same in (
        ("time_of_day", row.get("time"), SAME_TIME),
        ("weather", row.get("weather"), SAME_WEATHER),
    ):
        if asked:
            seen, asked = plain(verdict.get(field)), plain(asked)
            out[f"{field}_right"] = same.get(seen, seen) == same.get(asked, asked)
    return out


def _rate(items: list[dict], field: str) -> dict:
    values = [i[field] for i in items if i.get(field) is not None]
    return {"n": len(values), "rate": sum(values) / len(values) if values else None}


def aggregate(items: list[dict]) -> dict:
    keeps = [i["keep"] for i in items]
    fields = (
        "subject_named",
        "subject_main",
        "scene_right",
        "time_of_day_right",
        "weather_right",
        "concrete",
        "mood_right",
    )
    return {
        "n": len(items),
        "keep_mean": sum(keeps) / len(keeps) if keeps else None,
        "ones": keeps.count(1),
        "twos": keeps.count(2),
        **{f: _rate(items, f) for f in fields},
    }


def score_rows(rows: dict[str, dict], key: dict[str, dict], verdicts: list[dict]) -> dict:
    """All figures: overall, per category, and each work's scores beside the judge's words."""
    by_file = {v["file"]: v for v in verdicts}
    missing = sorted(set(key) - set(by_file))
    items = [
        score_one(rows[key[name]["id"]], by_file[name]) | {"file": name, "seconds": key[name].get("seconds")}
        for name in sorted(key)
        if name in by_file
    ]
    groups = defaultdict(list)
    for item in items:
        groups[item["category"]].append(item)
    return {
        "overall": aggregate(items),
        "by_category": {c: aggregate(g) for c, g in sorted(groups.items())},
        "missing_verdicts": missing,
        "works": sorted(items, key=lambda i: i["id"]),
    }


def _cell(block: dict, field: str) -> str:
    r = block[field]
    return "-" if r["rate"] is None else f"{r['rate']:.2f} ({round(r['rate'] * r['n'])}/{r['n']})"


def summary_table(report: dict) -> None:
    """Print overall and per-category figures."""
    headers = ["category", "n", "subject named", "scene", "time", "weather", "concrete (no subj.)", "keep", "1s", "2s"]
    blocks = [("all", report["overall"]), *report["by_category"].items()]
    print_table(
        f"blind judge: {report['job']} ({report['set']} set, {report.get('commit')})",
        headers,
        [
            [
                name,
                b["n"],
                _cell(b, "subject_named"),
                _cell(b, "scene_right"),
                _cell(b, "time_of_day_right"),
                _cell(b, "weather_right"),
                _cell(b, "concrete"),
                f"{b['keep_mean']:.2f}",
                b["ones"],
                b["twos"],
            ]
            for name, b in blocks
        ],
    )
    if report["missing_verdicts"]:
        print(f"no verdict for {len(report['missing_verdicts'])} works: {report['missing_verdicts']}")


def _short(block: dict, field: str) -> str:
    r = block[field]
    return "-" if r["rate"] is None else f"{round(r['rate'] * r['n'])}/{r['n']}"


def markdown_table(reports: dict[str, dict]) -> str:
    """One row per category, each cell the reports' figures in order ("5/58 → 40/58"), for the README and card."""
    labels = list(reports)
    first = reports[labels[0]]
    names = ["all", *first["by_category"]]

    def block(report: dict, name: str) -> dict:
        return report["overall"] if name == "all" else report["by_category"][name]

    def cells(name: str, show) -> str:
        return " → ".join(show(block(reports[label], name)) for label in labels)

    columns = (
        ("subject named", lambda b: _short(b, "subject_named")),
        ("scene right", lambda b: _short(b, "scene_right")),
        ("time right", lambda b: _short(b, "time_of_day_right")),
        ("weather right", lambda b: _short(b, "weather_right")),
        ("shows a scene (no subject)", lambda b: _short(b, "concrete")),
        ("mean keep", lambda b: f"{b['keep_mean']:.2f}"),
        ("1s", lambda b: str(b["ones"])),
        ("2s", lambda b: str(b["twos"])),
    )
    lines = [
        f"| category ({' → '.join(labels)}) | n | " + " | ".join(c for c, _ in columns) + " |",
        "|---" * (len(columns) + 2) + "|",
    ]
    for name in names:
        lines.append(f"| {name} | {block(first, name)['n']} | " + " | ".join(cells(name, f) for _, f in columns) + " |")
    return "\n".join(lines) + "\n"
