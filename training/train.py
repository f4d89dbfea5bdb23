#!/usr/bin/python3
"""Train the topology language model and export it to ONNX for the generation module.

The model is a small decoder-only transformer over the token sequences written by the Java exporter in
training/data (see training/data/README.md): a circuit-type token, a walk over the circuit's device/net graph,
and an end token.  It is conditioned on the circuit type simply because the type token comes first in every
sequence; Java starts decoding from that prefix.

Run from the repository root with Debian's interpreter (python3-torch 1.13, python3-onnx 1.12):

    nice -n 10 /usr/bin/python3 training/train.py

Everything is deterministic on CPU with one thread: the same data and arguments give the same weights.
Training is never part of the build or the tests; the exported model is committed.
"""

import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(REPO, "training", "data")
DEFAULT_ONNX = os.path.join(
    REPO, "generation", "src", "main", "resources", "dev", "kirchhoff", "generation", "topology.onnx")
MAX_ONNX_BYTES = 20 * 1024 * 1024


# ----------------------------------------------------------------------------------------------------- data

class Corpus:
    """Vocabulary, metadata and the three token-id splits read from a training/data folder."""

    def __init__(self, folder):
        for name in ("vocab.txt", "train.txt", "valid.txt", "heldout.txt", "meta.json"):
            if not os.path.isfile(os.path.join(folder, name)):
                sys.exit(f"error: {os.path.join(folder, name)} is missing. Regenerate the training data with the "
                         f"Java exporter (see training/README.md) or pass --data FOLDER.")
        with open(os.path.join(folder, "vocab.txt"), encoding="utf-8") as f:
            self.vocab = [line.rstrip("\n") for line in f]
        # A trailing empty line is not a token.
        while self.vocab and self.vocab[-1] == "":
            self.vocab.pop()
        self.index = {tok: i for i, tok in enumerate(self.vocab)}
        if len(self.index) != len(self.vocab):
            sys.exit("error: vocab.txt lists a token twice; regenerate the training data.")
        with open(os.path.join(folder, "meta.json"), encoding="utf-8") as f:
            self.meta = json.load(f)
        if int(self.meta["vocab_size"]) != len(self.vocab):
            sys.exit(f"error: meta.json says vocab_size {self.meta['vocab_size']} but vocab.txt has "
                     f"{len(self.vocab)} tokens; regenerate the training data.")
        self.max_len = int(self.meta["max_len"])
        self.pad_id = int(self.meta.get("pad_id", self.index.get("<pad>", 0)))
        self.splits = {name: self._read(os.path.join(folder, name + ".txt"))
                       for name in ("train", "valid", "heldout")}

    def _read(self, path):
        seqs = []
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                toks = line.split()
                if not toks:
                    continue
                try:
                    ids = [self.index[t] for t in toks]
                except KeyError as e:
                    sys.exit(f"error: {path}:{n}: token {e.args[0]!r} is not in vocab.txt; regenerate the data.")
                if len(ids) > self.max_len:
                    sys.exit(f"error: {path}:{n}: sequence of {len(ids)} tokens exceeds max_len {self.max_len} "
                             f"from meta.json; regenerate the data.")
                if len(ids) < 2:
                    continue  # nothing to predict
                seqs.append(ids)
        return seqs


def batches(seqs, max_tokens, max_batch, rng, shuffle):
    """Length-bucketed batches: sequences of similar length share a batch, so little compute goes to padding.

    Each batch holds at most max_batch sequences and at most max_tokens padded tokens.  With shuffle the
    sequences are shuffled, sorted by length within windows of 50 batches, and the batches are shuffled.
    """
    order = list(range(len(seqs)))
    if shuffle:
        rng.shuffle(order)
        window = max_batch * 50
        chunks = [sorted(order[i:i + window], key=lambda k: len(seqs[k])) for i in range(0, len(order), window)]
        order = [k for c in chunks for k in c]
    else:
        order.sort(key=lambda k: len(seqs[k]))
    out, cur, cur_max = [], [], 0
    for k in order:
        n = len(seqs[k])
        new_max = max(cur_max, n)
        if cur and (len(cur) + 1 > max_batch or new_max * (len(cur) + 1) > max_tokens):
            out.append(cur)
            cur, new_max = [], n
        cur.append(k)
        cur_max = new_max
    if cur:
        out.append(cur)
    if shuffle:
        rng.shuffle(out)
    return out


def collate(seqs, idx, pad_id):
    """Inputs are each sequence without its last token, targets without its first; padding is ignored."""
    longest = max(len(seqs[k]) for k in idx) - 1
    x = torch.full((len(idx), longest), pad_id, dtype=torch.long)
    y = torch.full((len(idx), longest), -100, dtype=torch.long)
    for row, k in enumerate(idx):
        s = torch.tensor(seqs[k], dtype=torch.long)
        x[row, :len(s) - 1] = s[:-1]
        y[row, :len(s) - 1] = s[1:]
    return x, y


# ---------------------------------------------------------------------------------------------------- model

class CausalSelfAttention(nn.Module):
    """Multi-head self-attention where position t sees positions 0..t only."""

    def __init__(self, d_model, n_heads, dropout):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.head_dim = d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, future):
        """x is [batch, seq, d_model]; future [seq, seq] is true where the key lies after the query."""
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q = q.reshape(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        k = k.reshape(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        v = v.reshape(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        att = torch.matmul(q, k.transpose(-2, -1)) * (1.0 / math.sqrt(self.head_dim))
        att = att.masked_fill(future, float("-inf"))
        att = self.dropout(torch.softmax(att, dim=-1))
        y = torch.matmul(att, v).transpose(1, 2).reshape(b, t, c)
        return self.dropout(self.proj(y))


class Block(nn.Module):
    """Pre-norm transformer block: attention then a GELU feed-forward, each with a residual connection."""

    def __init__(self, d_model, n_heads, d_ff, dropout):
        super().__init__()
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = CausalSelfAttention(d_model, n_heads, dropout)
        self.ln2 = nn.LayerNorm(d_model)
        self.ff = nn.Sequential(nn.Linear(d_model, d_ff), nn.GELU(), nn.Linear(d_ff, d_model), nn.Dropout(dropout))

    def forward(self, x, future):
        x = x + self.attn(self.ln1(x), future)
        return x + self.ff(self.ln2(x))


class TopologyModel(nn.Module):
    """Decoder-only transformer: token ids [batch, seq] to next-token logits [batch, seq, vocab].

    The Java generator re-implements this forward pass with a key/value cache, reading the weights from the
    exported file by their names (tok, pos, blocks.N.{ln1, attn.qkv, attn.proj, ln2, ff.0, ff.2}, ln) and the
    MatMul weights in graph order; it checks its logits against ONNX Runtime at load and falls back to ONNX
    Runtime alone if they differ. Renaming modules or changing the block layout therefore costs decoding speed,
    not correctness; see training/data/README.md.
    """

    def __init__(self, vocab_size, max_len, d_model, n_layers, n_heads, d_ff, dropout):
        super().__init__()
        self.tok = nn.Embedding(vocab_size, d_model)
        self.pos = nn.Embedding(max_len, d_model)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList([Block(d_model, n_heads, d_ff, dropout) for _ in range(n_layers)])
        self.ln = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab_size, bias=False)
        self.head.weight = self.tok.weight  # tied input/output embeddings keep the file small
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)

    def forward(self, input_ids):
        t = input_ids.shape[1]
        # The causal mask is computed from the input's length (a Range op in the ONNX graph, not a constant
        # baked in at export), so the exported model accepts any prefix length up to max_len.
        pos = torch.arange(t, device=input_ids.device)
        future = pos.unsqueeze(0) > pos.unsqueeze(1)
        x = self.tok(input_ids) + self.pos(pos).unsqueeze(0)
        x = self.drop(x)
        for block in self.blocks:
            x = block(x, future)
        return self.head(self.ln(x))


# ------------------------------------------------------------------------------------------------- training

def evaluate(model, seqs, pad_id, max_tokens, max_batch):
    """Mean cross-entropy per predicted token (nats) over seqs."""
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for idx in batches(seqs, max_tokens, max_batch, None, shuffle=False):
            x, y = collate(seqs, idx, pad_id)
            logits = model(x)
            total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                     ignore_index=-100, reduction="sum").item()
            count += int((y != -100).sum())
    model.train()
    return total / max(count, 1)


def lr_at(step, total, warmup, peak, floor):
    """Linear warm-up, then cosine decay from peak to floor over the remaining steps."""
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    return floor + 0.5 * (peak - floor) * (1.0 + math.cos(math.pi * progress))


def export_onnx(model, path, vocab_size, max_len, opset):
    """Write the model as ONNX: input_ids int64 [batch, seq] to logits float32 [batch, seq, vocab]."""
    model.eval()
    example = torch.zeros((2, 7), dtype=torch.long)
    tmp = path + ".tmp"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.onnx.export(model, (example,), tmp, input_names=["input_ids"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}},
                      opset_version=opset, do_constant_folding=True)
    import onnx
    m = onnx.load(tmp)
    onnx.checker.check_model(m)
    m.doc_string = (f"Kirchhoff topology model: decoder-only transformer, vocab {vocab_size}, "
                    f"max_len {max_len}; see generation/MODEL_CARD.md")
    onnx.save(m, tmp)
    os.replace(tmp, path)  # never leave a half-written model in place
    size = os.path.getsize(path)
    if size > MAX_ONNX_BYTES:
        sys.exit(f"error: {path} is {size} bytes, over the 20 MB limit; train a smaller model.")
    return size


# A single-file Java program (run with `java File.java`) that compares ONNX Runtime's logits with torch's.
# Debian has no onnxruntime for Python, but the generation module's Maven build brings ONNX Runtime for Java,
# which is also what loads the model in production, so that is the runtime worth checking against.
JAVA_CHECK = r"""
import ai.onnxruntime.*;
import java.nio.file.*;
import java.util.*;
public class OrtCheck {
  public static void main(String[] a) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    double worst = 0;
    try (OrtSession s = env.createSession(a[0], new OrtSession.SessionOptions())) {
      List<String> lines = Files.readAllLines(Path.of(a[1]));
      for (int i = 0; i < lines.size(); i += 3) {
        String[] h = lines.get(i).split(" ");
        int b = Integer.parseInt(h[0]), t = Integer.parseInt(h[1]), v = Integer.parseInt(h[2]);
        long[] ids = Arrays.stream(lines.get(i + 1).split(" ")).mapToLong(Long::parseLong).toArray();
        double[] ref = Arrays.stream(lines.get(i + 2).split(" ")).mapToDouble(Double::parseDouble).toArray();
        try (OnnxTensor in = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), new long[] {b, t});
             OrtSession.Result r = s.run(Map.of("input_ids", in))) {
          float[][][] out = (float[][][]) r.get(0).getValue();
          for (int x = 0; x < b; x++)
            for (int y = 0; y < t; y++)
              for (int z = 0; z < v; z++)
                worst = Math.max(worst, Math.abs(out[x][y][z] - ref[(x * t + y) * v + z]));
        }
      }
    }
    System.out.println(worst);
  }
}
"""


def verify_onnx(model, path, vocab_size, max_len, scratch):
    """Compare ONNX Runtime's logits with torch's for several batch sizes and prefix lengths up to max_len.

    Uses onnxruntime for Python when installed, else ONNX Runtime for Java from the local Maven repository
    (present once the generation module has been built), else reports that only onnx.checker ran.
    Returns the largest absolute logit difference, or None when no runtime was found.
    """
    g = torch.Generator().manual_seed(7)
    cases = []
    model.eval()
    for b, t in ((1, 1), (3, 17), (2, min(300, max_len)), (1, max_len)):
        x = torch.randint(0, vocab_size, (b, t), generator=g)
        with torch.no_grad():
            cases.append((x, model(x)))
    try:
        import onnxruntime as ort
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        worst = max(float(np.abs(y.numpy() - sess.run(["logits"], {"input_ids": x.numpy()})[0]).max())
                    for x, y in cases)
        runtime = "onnxruntime (Python)"
    except ImportError:
        import glob
        import shutil
        import subprocess
        jars = sorted(glob.glob(os.path.expanduser(
            "~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/*/onnxruntime-*.jar")))
        jars = [j for j in jars if not j.endswith(("-sources.jar", "-javadoc.jar"))]
        if not jars or not shutil.which("java"):
            print("verify: no ONNX Runtime found (Python module or Maven jar); checked the graph with onnx.checker "
                  "only. Build the generation module once and re-run with --export-only to compare.", flush=True)
            return None, None
        os.makedirs(scratch, exist_ok=True)
        ref = os.path.join(scratch, "onnx-reference.txt")
        with open(ref, "w", encoding="utf-8") as f:
            for x, y in cases:
                f.write(f"{x.shape[0]} {x.shape[1]} {vocab_size}\n")
                f.write(" ".join(map(str, x.flatten().tolist())) + "\n")
                f.write(" ".join(f"{v:.8g}" for v in y.flatten().tolist()) + "\n")
        src = os.path.join(scratch, "OrtCheck.java")
        with open(src, "w", encoding="utf-8") as f:
            f.write(JAVA_CHECK)
        done = subprocess.run(["java", f"-Djava.io.tmpdir={scratch}", "-cp", jars[-1], src, path, ref],
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"error: ONNX Runtime for Java could not run {path}:\n{done.stderr.strip()}")
        worst = float(done.stdout.strip().splitlines()[-1])
        runtime = "ONNX Runtime for Java " + os.path.basename(os.path.dirname(jars[-1]))
    print(f"verify: {runtime}: max |torch - onnx| logit difference {worst:.2e} over batch x seq "
          f"{', '.join(f'{x.shape[0]}x{x.shape[1]}' for x, _ in cases)}", flush=True)
    if worst > 1e-3:
        sys.exit("error: the ONNX export disagrees with torch; do not ship it.")
    return worst, runtime + " on batch x seq " + ", ".join(f"{x.shape[0]}x{x.shape[1]}" for x, _ in cases)


def tune_malloc():
    """Keep freed memory in the process: without this glibc returns the large attention buffers to the kernel
    after every step and page-faults them back in, which costs about a third of the training time here."""
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3
        libc.mallopt(m_mmap_threshold, 32 * 1024 * 1024)  # the largest value glibc accepts
        libc.mallopt(m_trim_threshold, 1 << 30)
        libc.mallopt(m_top_pad, 256 * 1024 * 1024)
    except OSError:
        pass  # not glibc: only slower


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=DEFAULT_DATA, help="folder with vocab/train/valid/heldout/meta")
    p.add_argument("--out", default=DEFAULT_ONNX, help="where to write the ONNX model")
    p.add_argument("--checkpoint", default=os.path.join(REPO, "training", "target", "best.pt"),
                   help="best-valid checkpoint (git ignores target/)")
    p.add_argument("--log", default=os.path.join(REPO, "training", "target", "train-log.json"),
                   help="per-epoch losses and the run's settings, as JSON (input to the model card)")
    p.add_argument("--seed", type=int, default=20261129)
    p.add_argument("--d-model", type=int, default=128)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--d-ff", type=int, default=512)
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--epochs", type=int, default=5, help="passes over the epoch's training sequences")
    p.add_argument("--epoch-size", type=int, default=0,
                   help="training sequences per epoch, drawn in order from one fixed shuffle that is "
                        "re-drawn when used up; 0 means the whole train split")
    p.add_argument("--max-tokens", type=int, default=4096, help="padded tokens per batch")
    p.add_argument("--max-batch", type=int, default=64, help="sequences per batch")
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--min-lr", type=float, default=1e-4)
    p.add_argument("--warmup", type=int, default=100, help="warm-up steps")
    p.add_argument("--weight-decay", type=float, default=0.05)
    p.add_argument("--clip", type=float, default=1.0)
    p.add_argument("--patience", type=int, default=3, help="stop after this many epochs without a better valid loss")
    p.add_argument("--valid-limit", type=int, default=0, help="evaluate on the first N valid sequences (0 = all)")
    p.add_argument("--stop-after", type=int, default=0,
                   help="train only the first N epochs of the --epochs schedule (to reproduce a run that the "
                        "time budget cut short); 0 = all")
    p.add_argument("--time-budget-min", type=float, default=0,
                   help="stop before an epoch that would end past this many minutes (0 = no limit)")
    p.add_argument("--opset", type=int, default=14)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--export-only", action="store_true",
                   help="skip training: load --checkpoint, evaluate held-out loss and export it")
    p.add_argument("--bench-steps", type=int, default=0,
                   help="only time this many training steps and print tokens/s (to size a run), then exit")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    tune_malloc()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)

    t0 = time.time()
    corpus = Corpus(args.data)
    train, valid, heldout = corpus.splits["train"], corpus.splits["valid"], corpus.splits["heldout"]
    if args.valid_limit:
        valid = valid[:args.valid_limit]
    ntok = lambda ss: sum(len(s) - 1 for s in ss)
    print(f"data: vocab {len(corpus.vocab)}, max_len {corpus.max_len}, pad id {corpus.pad_id}; "
          f"train {len(train)} seqs / {ntok(train)} predicted tokens, valid {len(valid)} / {ntok(valid)}, "
          f"heldout {len(heldout)} / {ntok(heldout)}", flush=True)

    model = TopologyModel(len(corpus.vocab), corpus.max_len, args.d_model, args.layers, args.heads,
                          args.d_ff, args.dropout)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"model: {n_params} parameters (d_model {args.d_model}, {args.layers} layers, {args.heads} heads, "
          f"d_ff {args.d_ff})", flush=True)

    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.95))

    rng = random.Random(args.seed)
    epoch_size = args.epoch_size or len(train)
    pool, pool_pos = list(range(len(train))), len(train)

    def next_epoch_seqs():
        nonlocal pool_pos
        chosen = []
        while len(chosen) < epoch_size:
            if pool_pos >= len(pool):
                rng.shuffle(pool)
                pool_pos = 0
            take = min(epoch_size - len(chosen), len(pool) - pool_pos)
            chosen.extend(pool[pool_pos:pool_pos + take])
            pool_pos += take
        return [train[k] for k in chosen]

    if args.bench_steps:
        seqs = next_epoch_seqs()
        plan = batches(seqs, args.max_tokens, args.max_batch, rng, shuffle=True)[:args.bench_steps]
        start, tokens = time.time(), 0
        for idx in plan:
            x, y = collate(seqs, idx, corpus.pad_id)
            loss = F.cross_entropy(model(x).reshape(-1, len(corpus.vocab)), y.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            opt.step()
            tokens += int((y != -100).sum())
        secs = time.time() - start
        print(f"bench: {len(plan)} steps, {tokens} tokens in {secs:.1f} s = {tokens / secs:.0f} tokens/s; "
              f"a full train pass is {ntok(train)} tokens = {ntok(train) / tokens * secs / 60:.1f} min", flush=True)
        return

    # Steps per epoch are known up front (batching depends only on lengths), so the cosine schedule can span
    # the whole run.
    steps_per_epoch = len(batches(train[:epoch_size], args.max_tokens, args.max_batch, random.Random(0),
                                  shuffle=True))
    total_steps = steps_per_epoch * args.epochs
    print(f"schedule: {args.epochs} epochs x ~{steps_per_epoch} steps, warm-up {args.warmup}, "
          f"lr {args.lr} -> {args.min_lr} cosine", flush=True)

    history, best, best_epoch, bad, step = [], float("inf"), 0, 0, 0
    os.makedirs(os.path.dirname(args.checkpoint), exist_ok=True)
    train_start = time.time()
    for epoch in range(1, 0 if args.export_only else args.epochs + 1):
        epoch_start = time.time()
        seqs = next_epoch_seqs()
        plan = batches(seqs, args.max_tokens, args.max_batch, rng, shuffle=True)
        model.train()
        total, count = 0.0, 0
        for idx in plan:
            for group in opt.param_groups:
                group["lr"] = lr_at(step, total_steps, args.warmup, args.lr, args.min_lr)
            x, y = collate(seqs, idx, corpus.pad_id)
            logits = model(x)
            loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1), ignore_index=-100)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            opt.step()
            n = int((y != -100).sum())
            total += loss.item() * n
            count += n
            step += 1
        train_loss = total / count
        valid_loss = evaluate(model, valid, corpus.pad_id, args.max_tokens * 2, args.max_batch * 2)
        secs = time.time() - epoch_start
        improved = valid_loss < best
        history.append({"epoch": epoch, "train_loss": round(train_loss, 4), "valid_loss": round(valid_loss, 4),
                        "seconds": round(secs, 1), "steps": step})
        print(f"epoch {epoch:2d}  train {train_loss:.4f}  valid {valid_loss:.4f}  "
              f"({secs:.0f} s, step {step}){'  *best' if improved else ''}", flush=True)
        if improved:
            best, best_epoch, bad = valid_loss, epoch, 0
            torch.save(model.state_dict(), args.checkpoint)
        else:
            bad += 1
            if bad >= args.patience:
                print(f"early stop: no better valid loss for {args.patience} epochs", flush=True)
                break
        if args.stop_after and epoch >= args.stop_after:
            print(f"stop-after: stopping after epoch {epoch}", flush=True)
            break
        elapsed = time.time() - train_start
        if args.time_budget_min and elapsed + secs > args.time_budget_min * 60 and epoch < args.epochs:
            print(f"time budget: stopping after epoch {epoch} ({elapsed / 60:.1f} min used of "
                  f"{args.time_budget_min})", flush=True)
            break
    train_secs = time.time() - train_start

    if not os.path.isfile(args.checkpoint):
        sys.exit(f"error: no checkpoint at {args.checkpoint}; train first (drop --export-only).")
    model.load_state_dict(torch.load(args.checkpoint))
    model.eval()
    if args.export_only:
        best = evaluate(model, valid, corpus.pad_id, args.max_tokens * 2, args.max_batch * 2)
    heldout_loss = evaluate(model, heldout, corpus.pad_id, args.max_tokens * 2, args.max_batch * 2)
    print(f"best epoch {best_epoch}: valid {best:.4f}; held-out loss {heldout_loss:.4f} nats/token, "
          f"perplexity {math.exp(heldout_loss):.3f}", flush=True)

    size = export_onnx(model, args.out, len(corpus.vocab), corpus.max_len, args.opset)
    print(f"exported {args.out}: {size} bytes ({size / 1e6:.2f} MB), opset {args.opset}", flush=True)
    max_diff, runtime = verify_onnx(model, args.out, len(corpus.vocab), corpus.max_len,
                                    os.path.dirname(args.checkpoint))

    log = {"args": vars(args), "parameters": n_params, "vocab_size": len(corpus.vocab),
           "max_len": corpus.max_len, "pad_id": corpus.pad_id,
           "data": {"train_sequences": len(train), "train_tokens": ntok(train), "valid_sequences": len(valid),
                    "valid_tokens": ntok(valid), "heldout_sequences": len(heldout), "heldout_tokens": ntok(heldout)},
           "epochs": history, "best_epoch": best_epoch, "best_valid_loss": round(best, 4),
           "heldout_loss": round(heldout_loss, 4), "heldout_perplexity": round(math.exp(heldout_loss), 4),
           "train_seconds": round(train_secs, 1), "total_seconds": round(time.time() - t0, 1),
           "onnx_bytes": size, "onnx_max_abs_diff": max_diff, "onnx_verified_with": runtime,
           "torch": torch.__version__, "finished_utc": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())}
    if args.export_only and os.path.isfile(args.log):
        # Keep the training history of the run that produced the checkpoint.
        with open(args.log, encoding="utf-8") as f:
            previous = json.load(f)
        for key in ("args", "epochs", "best_epoch", "best_valid_loss", "train_seconds", "total_seconds"):
            if key in previous:
                log[key] = previous[key]
    os.makedirs(os.path.dirname(args.log), exist_ok=True)
    with open(args.log, "w", encoding="utf-8") as f:
        json.dump(log, f, indent=2)
    if args.export_only:
        print(f"log: {args.log} (training history kept from the run that wrote the checkpoint)", flush=True)
        return
    print(f"log: {args.log}; {len(history)} epochs ran (of a {args.epochs}-epoch schedule): to reproduce the "
          f"weights exactly, run with the same arguments plus --stop-after {len(history)}", flush=True)


if __name__ == "__main__":
    main()
