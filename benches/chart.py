#!/usr/bin/env python3
"""Draws benches/cost_vs_size.svg from target/bench/verify.csv (written by
`cargo bench --bench verify`): each implementation's time relative to the raw HMAC floor, by
body size. Pure Python, no plotting library needed. Usage: python3 benches/chart.py"""
import csv
import math
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
rows = list(csv.DictReader(open(root / "target/bench/verify.csv")))
data = {}
for row in rows:
    data.setdefault(row["case"], {})[int(row["size"])] = float(row["ns"])
floor = data["raw_hmac"]
series = [
    ("core", "tower-webhook Verifier::verify", "#1b7837"),
    ("service_fn_ours", "tower-webhook layer around a service_fn", "#5aae61"),
    ("router_layer", "tower-webhook layer in an axum Router (incl. routing)", "#a6dba0"),
    ("webhook_verify", "webhook-verify verify()", "#762a83"),
    ("service_fn_webhook_verify", "webhook-verify VerifyLayer around a service_fn", "#c2a5cf"),
    ("standard_ours", "tower-webhook, Standard Webhooks scheme", "#2166ac"),
    ("standard_crate", "standardwebhooks crate", "#d6604d"),
]
sizes = sorted(floor)
width, height, left, right, top, bottom = 860, 480, 70, 300, 40, 60
ymax = max(data[key][s] / floor[s] for key, _, _ in series for s in sizes)
ymax = math.ceil(ymax)

def x(size):
    span = math.log2(sizes[-1]) - math.log2(sizes[0])
    return left + (math.log2(size) - math.log2(sizes[0])) / span * (width - left - right)

def y(ratio):
    return top + (1 - ratio / ymax) * (height - top - bottom)

out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
       f'<rect width="{width}" height="{height}" fill="white"/>',
       f'<text x="{left}" y="22" font-size="15">Time relative to raw HMAC-SHA256 (1.0 = the hash itself), by body size</text>']
for tick in range(0, ymax + 1):
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(tick)}" y2="{y(tick)}" stroke="#ddd"/>')
    out.append(f'<text x="{left - 8}" y="{y(tick) + 4}" text-anchor="end">{tick}x</text>')
for size in sizes:
    label = f"{size // 1024} KiB" if size >= 1024 else f"{size} B"
    if size >= 1 << 20:
        label = f"{size >> 20} MiB"
    out.append(f'<text x="{x(size)}" y="{height - bottom + 20}" text-anchor="middle">{label}</text>')
out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(1)}" y2="{y(1)}" stroke="black" stroke-dasharray="4 3"/>')
for index, (key, label, color) in enumerate(series):
    points = " ".join(f"{x(s):.1f},{y(data[key][s] / floor[s]):.1f}" for s in sizes)
    out.append(f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="2.5"/>')
    for s in sizes:
        out.append(f'<circle cx="{x(s):.1f}" cy="{y(data[key][s] / floor[s]):.1f}" r="3" fill="{color}"/>')
    ly = top + 20 + index * 22
    out.append(f'<line x1="{width - right + 15}" x2="{width - right + 40}" y1="{ly}" y2="{ly}" stroke="{color}" stroke-width="3"/>')
    out.append(f'<text x="{width - right + 46}" y="{ly + 4}">{label}</text>')
out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">body size (log scale)</text>')
out.append("</svg>")
(root / "benches/cost_vs_size.svg").write_text("\n".join(out) + "\n")
print("wrote benches/cost_vs_size.svg")
