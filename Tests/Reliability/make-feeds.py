#!/usr/bin/env python3
"""Long-run feeds from the sample shift: camera events and posts repeated
shift after shift (times moved 8 h each copy, ids made unique).
usage: make-feeds.py SAMPLE_DIR OUT_DIR EVENTS POSTS"""
import json, sys
from datetime import datetime, timedelta

sample, out, want_events, want_posts = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def shifted(t, k):
    return (datetime.fromisoformat(t) + timedelta(hours=8 * k)).isoformat()

def repeat(name, want, change):
    """Copies of the sample file, shift after shift, until `want` lines; `change(item, k)` adapts copy k."""
    items = [json.loads(l) for l in open(f"{sample}/{name}", encoding="utf-8") if l.strip()]
    n, k = 0, 0
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        while n < want:
            for item in items[: want - n]:
                item = dict(item)
                item["time"] = shifted(item["time"], k)
                change(item, k)
                f.write(json.dumps(item, separators=(",", ":"), ensure_ascii=False) + "\n")
            n += min(len(items), want - n)
            k += 1
    return n

def event(e, k):
    if "track" in e: e["track"] = f'{e["track"]}-{k}'

def post(p, k):
    p["id"] = f'{p["id"]}-{k}'

n = repeat("camera-events.jsonl", want_events, event)
m = repeat("posts.jsonl", want_posts, post)
print(f"{n} events, {m} posts in {out}")
