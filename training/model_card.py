#!/usr/bin/python3
"""Write generation/MODEL_CARD.md from a training run's log and the training data's meta.json.

    /usr/bin/python3 training/model_card.py [--log training/target/train-log.json] [--data training/data]

The card's numbers (data counts, hyper-parameters, per-epoch losses, held-out loss, time, file size) all come
from those two files, so re-running this after train.py keeps the card true to the shipped model.
"""

import argparse
import json
import math
import os
import platform
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_name():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def command_line(a, epochs_run):
    """The train.py invocation that reproduces the run, listing only arguments that differ from the defaults."""
    defaults = {"seed": 20261129, "d_model": 128, "layers": 4, "heads": 4, "d_ff": 512, "dropout": 0.1,
                "epochs": 5, "epoch_size": 0, "max_tokens": 4096, "max_batch": 64, "lr": 2e-3, "min_lr": 1e-4,
                "warmup": 100, "weight_decay": 0.05, "clip": 1.0, "patience": 3, "valid_limit": 0,
                "opset": 14, "threads": 1}
    parts = ["nice -n 10 /usr/bin/python3 training/train.py"]
    for key, default in defaults.items():
        if a.get(key) != default:
            parts.append(f"--{key.replace('_', '-')} {a.get(key)}")
    if a.get("epochs") and epochs_run < a["epochs"]:
        parts.append(f"--stop-after {epochs_run}")
    return " ".join(parts)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--log", default=os.path.join(REPO, "training", "target", "train-log.json"))
    p.add_argument("--data", default=os.path.join(REPO, "training", "data"))
    p.add_argument("--out", default=os.path.join(REPO, "generation", "MODEL_CARD.md"))
    p.add_argument("--date", default=None, help="training date to print (default: from the log)")
    args = p.parse_args()
    if not os.path.isfile(args.log):
        sys.exit(f"error: {args.log} is missing; run training/train.py first.")
    with open(args.log, encoding="utf-8") as f:
        log = json.load(f)
    with open(os.path.join(args.data, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    a = log["args"]
    d = log["data"]
    epochs = log["epochs"]
    skipped = meta.get("skipped", {})
    date = args.date or log["finished_utc"][:10]
    mb = log["onnx_bytes"] / 1e6
    type_counts = {}
    with open(os.path.join(args.data, "train.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                t = line.split(None, 1)[0].strip("<>")
                type_counts[t] = type_counts.get(t, 0) + 1
    walks = int(meta.get("walks_per_train_circuit", 1)) or 1
    by_type = sorted(((n // walks, t) for t, n in type_counts.items()), reverse=True)
    type_table = ", ".join(f"{t} {n}" for n, t in by_type)
    rare = ", ".join(t for n, t in by_type if n < 50) or "none"
    n_train_circuits = meta.get("circuits_used", 0) - len(meta.get("heldout_ids", [])) - len(meta.get("valid_ids", []))

    rows = "\n".join(
        f"| {e['epoch']} | {e['steps']} | {e['train_loss']:.4f} | {e['valid_loss']:.4f} | "
        f"{math.exp(e['valid_loss']):.3f} | {e['seconds']:.0f} |{' best' if e['epoch'] == log['best_epoch'] else ''}"
        for e in epochs)
    skipped_text = "; ".join(f"{reason}: {count}" for reason, count in skipped.items()) or "none recorded"
    epoch_size = a["epoch_size"] or d["train_sequences"]
    verified = (f"{log['onnx_verified_with']}: every logit agrees with torch to {log['onnx_max_abs_diff']:.1e}"
                if log.get("onnx_max_abs_diff") is not None else
                "the graph passed `onnx.checker`; no ONNX Runtime was available to compare logits")

    card = f"""# Model card: `topology.onnx`

A small decoder-only transformer that writes analog circuit topologies as token sequences, one circuit type at a
time. It ships inside the `generation` module
(`generation/src/main/resources/dev/kirchhoff/generation/topology.onnx`) and is decoded in-process with ONNX
Runtime under a token-level grammar mask, so every finished sequence is a circuit that passes the analog-topology
rules. Training is never part of the build or the tests; this file and the model are rebuilt by hand
(see [How to rebuild](#how-to-rebuild)).

| | |
|---|---|
| trained | {date} (UTC), finished {log['finished_utc']} |
| parameters | {log['parameters']:,} |
| file size | {log['onnx_bytes']:,} bytes ({mb:.2f} MB), float32, ONNX opset {a['opset']} |
| held-out loss | **{log['heldout_loss']:.4f} nats/token**, perplexity **{log['heldout_perplexity']:.3f}** ({d['heldout_sequences']} held-out circuits, {d['heldout_tokens']:,} predicted tokens) |
| best valid loss | {log['best_valid_loss']:.4f} nats/token (epoch {log['best_epoch']} of {len(epochs)}) |
| training time | {log['train_seconds'] / 60:.1f} min ({log['total_seconds'] / 60:.1f} min with data loading, evaluation and export) |
| hardware | one thread (`nice -n 10`) of an {cpu_name()} with {os.cpu_count()} cores shared with other jobs, no GPU; times vary with the machine's load |
| software | Debian bookworm: Python {platform.python_version()}, python3-torch 1.13.1 (torch {log['torch']}), python3-onnx 1.12, OpenBLAS (libopenblas0-serial) |

## Data

- **Source**: AnalogGenie (xz-group/AnalogGenie, `Dataset/`, MIT licence, Copyright (c) 2025 XZ Group), 3,350
  transistor-level circuits in 15 types, copied with its licence into `data/analoggenie/` (see the README there).
- **Selection**: {meta.get('circuits_used', '?')} circuits are used. Skipped: {skipped_text}. Only circuits without an
  analog-topology error under the validator's rules are trained on.
- **Split by circuit id** (fixed seed {meta.get('seed', '?')}), decided before any augmentation:
  {n_train_circuits} training circuits, {len(meta.get('valid_ids', []))} validation circuits (early stopping and
  checkpoint choice), {len(meta.get('heldout_ids', []))} held-out circuits (evaluated once, at the end). Valid and
  held-out circuits appear once each, never augmented and never in the training file; their ids are in
  `training/data/meta.json`.
- **Augmentation**: {meta.get('walks_per_train_circuit', '?')} sequences per training circuit, each a different
  random walk and a different renaming of devices and internal nets, for {d['train_sequences']:,} training
  sequences and {d['train_tokens']:,} predicted tokens. Training circuits per type: {type_table}.
- **Sequences**: a circuit-type token (`<Opamp>`, `<LDO>`, …), then a walk over the bipartite graph of nets and
  device pins starting at `VSS` that covers every connection once, then `<eos>`. Vocabulary
  {log['vocab_size']} tokens: `<pad>` (id {log['pad_id']}), `<eos>`, 15 type tokens, net names (VSS, VDD, ports such as
  VIN1 / VOUT1 / VB1 / IB1, internal nets N1…), and device pins (`NM3:G`, `PM1:D`, `NPN2:C`, `R1:1`, `C1:2`,
  `L1:1`, `D1:A`). Sequences are at most max_len = {log['max_len']} tokens. The exact format, and how the files are
  regenerated, is in `training/data/README.md`.

## Architecture

Decoder-only transformer, pre-layer-norm: token embedding + learned positional embedding (positions 0…{log['max_len'] - 1}),
{a['layers']} blocks of causal multi-head self-attention ({a['heads']} heads, d_model {a['d_model']}) and a GELU
feed-forward layer (d_ff {a['d_ff']}), final layer norm, output projection tied to the token embedding.
Dropout {a['dropout']} in training. The circuit type conditions generation by being the first token.

ONNX interface: input `input_ids` int64 `[batch, seq]` (both dynamic, 1 ≤ seq ≤ {log['max_len']}), output
`logits` float32 `[batch, seq, {log['vocab_size']}]`; the logits at position t predict token t + 1. The causal mask
is computed from the input length inside the graph, so any prefix length works without padding; there is no KV
cache. Right-padding is harmless for the positions before it (attention is causal). Verified at export:
{verified}.

## Training

| hyper-parameter | value |
|---|---|
| objective | next-token cross-entropy; padding ignored |
| optimizer | AdamW, betas (0.9, 0.95), weight decay {a['weight_decay']} on matrices only |
| learning rate | linear warm-up over {a['warmup']} steps to {a['lr']}, cosine decay to {a['min_lr']} over the {a['epochs']}-epoch schedule |
| batches | length-bucketed, at most {a['max_batch']} sequences and {a['max_tokens']} padded tokens |
| epoch | {epoch_size:,} training sequences{' (the whole training file)' if not a['epoch_size'] else ' drawn from one shuffle of the training file, continued across epochs'} |
| gradient clipping | {a['clip']} |
| early stopping | best valid loss kept; stop after {a['patience']} epochs without improvement{f"; time budget {a['time_budget_min']} min" if a.get('time_budget_min') else ''} |
| seed | {a['seed']} (Python, NumPy, torch; deterministic algorithms, 1 thread) |

Per-epoch losses (nats per predicted token; perplexity = e^loss):

| epoch | steps | train loss | valid loss | valid ppl | seconds | |
|---|---|---|---|---|---|---|
{rows}

The shipped weights are the best-valid checkpoint (epoch {log['best_epoch']}). Held-out loss
{log['heldout_loss']:.4f} (perplexity {log['heldout_perplexity']:.3f}).

## How to rebuild

```
apt-get install -y python3-torch python3-onnx libopenblas0-serial   # Debian bookworm; OpenBLAS only for speed
{command_line(a, len(epochs))}
/usr/bin/python3 training/model_card.py
```

Step by step, including regenerating the data, in `training/README.md`. On one CPU thread the run is
deterministic: the same data and arguments give the same weights.

## Intended use

Proposing transistor-level topologies of a requested type (op-amps, LDOs, bandgap references, comparators, …) as
starting points for design exploration, inside `kirchhoff generate`, always decoded under the grammar mask and
checked by the validator. Its output is a connection graph only: no device sizes, values or models; the generate
command applies a default sizing/biasing pass before any simulation.

## Limits

- Trained on about {n_train_circuits:,} textbook and paper circuits: it reproduces their style, and types with fewer
  than 50 training circuits ({rare}) are generated less reliably than {by_type[0][1]} or {by_type[1][1]}.
- The model alone does not guarantee valid circuits: unmasked samples can leave pins dangling, put a net on
  one device or skip a supply. The grammar mask, not the model, enforces the topology rules.
- A valid topology is not a working circuit: nothing here checks gain, stability, bias points or
  matching. Simulate and review every result.
- Device counts are bounded by the vocabulary (e.g. at most 24 NMOS, 20 PMOS, 10 resistors) and sequences by
  max_len = {log['max_len']} tokens.
- Circuits with digital cells, sub-circuits or more devices than the vocabulary allows were left out of training.
"""
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        f.write(card)
    os.replace(args.out + ".tmp", args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
