#!/usr/bin/env python3
"""Long-run feeds from the sample shift: camera events and posts repeated
shift after shift (times moved 8 h each copy, ids made unique).
usage: make-feeds.py SAMPLE_DIR OUT_DIR EVENTS POSTS"""
import json, sys
from datetime import datetime, timedelta

sample, out, want_events, want_posts = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def shifted(t, k):
    return (datetime.fromisoformat(t) + timedelta(hours=8 * k)).isoformat()

events = [json.loads(l) for l in open(f"{sample}/camera-events.jsonl", encoding="utf-8") if l.strip()]
n = 0
with open(f"{out}/events.jsonl", "w", encoding="utf-8") as f:
    k = 0
    while n < want_events:
        for e in events:
            if n >= want_events: break
            e = dict(e); e["time"] = shifted(e["time"], k)
            if "track" in e: e["track"] = f'{e["track"]}-{k}'
            f.write(json.dumps(e, separators=(",", ":"), ensure_ascii=False) + "\n"); n += 1
        k += 1
posts = [json.loads(l) for l in open(f"{sample}/posts.jsonl", encoding="utf-8") if l.strip()]
m = 0
with open(f"{out}/posts.jsonl", "w", encoding="utf-8") as f:
    k = 0
    while m < want_posts:
        for p in posts:
            if m >= want_posts: break
            p = dict(p); p["time"] = shifted(p["time"], k); p["id"] = f'{p["id"]}-{k}'
            f.write(json.dumps(p, separators=(",", ":"), ensure_ascii=False) + "\n"); m += 1
        k += 1
print(f"{n} events, {m} posts in {out}")
