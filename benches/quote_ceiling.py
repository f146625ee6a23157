#!/usr/bin/env python3
"""What an output that follows SPEC.md exactly would score on ../shared/eval/quote_eval.py.

The gold quotes themselves are turned into predictions the way SPEC.md splits quotations: every stretch
inside double quotation marks is one quote (SPEC: “A,” he said. “B.” is two quotes with the same speaker;
a paragraph-final closed quote and a quote-only paragraph after it are two quotes). Each keeps the gold
speaker, renamed to korea-brief's canonical name where one of our predictions overlaps it (so that the
scorer's same-speaker merging sees names as we give them); `--names mention` keeps the gold mention
instead. The result is the ceiling of exact F1 for any SPEC-conforming tool under this scorer.

Usage (from the project root, after `cargo build --release`):
  python3 ../shared/eval/run_quotes.py --bin target/release/korea-brief \\
      --gold ../shared/data/quotes/polnear/dev.jsonl --keep /tmp/pred.jsonl
  python3 benches/quote_ceiling.py --gold ../shared/data/quotes/polnear/dev.jsonl \\
      --pred /tmp/pred.jsonl [--kinds direct] [--view quoted] [--names ours|mention] [--skip-partial]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/eval"))
import quote_eval  # noqa: E402  (the scorer the issues name)


def overlapping_name(quote, ours):
    """Our speaker name for the first of our quotes overlapping this gold quote, if any."""
    for o in ours:
        if o["end"] > quote["start"] and o["start"] < quote["end"] and o.get("speaker"):
            return o["speaker"]
    return None


def spec_split(gold, ours, names, kinds):
    """Gold quotes of `kinds` as SPEC-split predictions, per document."""
    pred = {}
    for doc_id, doc in gold.items():
        regions = quote_eval.quoted_regions(doc["text"])
        our_quotes = ours.get(doc_id, {"quotes": []})["quotes"]
        quotes = []
        for q in doc["quotes"]:
            if q["kind"] not in kinds:
                continue
            speaker = q.get("speaker")
            if names == "ours":
                speaker = overlapping_name(q, our_quotes) or speaker
            for start, end in quote_eval.clip([tuple(s) for s in q["segments"]], regions):
                quotes.append({"start": start, "end": end, "speaker": speaker})
        pred[doc_id] = {"id": doc_id, "quotes": quotes}
    return pred


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True, help="korea-brief's predictions (run_quotes.py --keep)")
    ap.add_argument("--kinds", default="direct")
    ap.add_argument("--view", default="content", choices=["content", "quoted"])
    ap.add_argument("--names", default="ours", choices=["ours", "mention"])
    ap.add_argument("--skip-partial", action="store_true",
                    help="predict the direct gold quotes only (an output with no partial quotes at all)")
    a = ap.parse_args()
    gold = quote_eval.load(a.gold)
    predicted = ("direct",) if a.skip_partial else ("direct", "partial")
    pred = spec_split(gold, quote_eval.load(a.pred), a.names, predicted)
    result = quote_eval.score(gold, pred, set(a.kinds.split(",")), a.view, True)
    p, r, f = (100 * x for x in result["exact"])
    print(f"SPEC-split gold {'/'.join(predicted)} quotes ({a.names} names), scored on kinds {a.kinds}, view {a.view}: exact P/R/F1 {p:.1f} / {r:.1f} / {f:.1f}")


if __name__ == "__main__":
    main()
