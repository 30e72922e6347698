#!/usr/bin/python3
# A PyTorch twin of the DnCNN reference models (examples/ReferenceRuns/Models/DnCnn.cs) for trying training recipes quickly
# with right gradients and its own data pipeline (docs/reference-runs.md, colour-denoise). Needs Debian's python3-torch and
# python3-pil. Usage: dncnn_twin.py NAME [lr=1e-3 steps=150 batch=49 patch=48 smin=0.5 smax=1 init=default|orth|kaiming|dirac
#   opt=adam|sgd last=1 clip=0 loss=mse|l1 ch=3 threads=1 data=../shared/datasets/photos-train gain=1]; prints the loss every 5 steps.
import sys, glob, random, time
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from PIL import Image

args = dict(a.split('=') for a in sys.argv[2:])
name = sys.argv[1]
lr = float(args.get('lr', 1e-3)); steps = int(args.get('steps', 150)); batch = int(args.get('batch', 49))
patch = int(args.get('patch', 48)); smin = float(args.get('smin', 0.5)); smax = float(args.get('smax', 1.0)); init = args.get('init', 'default')
opt_kind = args.get('opt', 'adam'); threads = int(args.get('threads', 1)); last = float(args.get('last', 1.0))
clip = float(args.get('clip', 0)); ch = int(args.get('ch', 3))
torch.set_num_threads(threads); torch.manual_seed(7); random.seed(7)
sigma = 25 / 255.0
photos = [np.asarray(Image.open(f).convert('RGB' if ch == 3 else 'L'), dtype=np.float32) / 255.0
          for f in sorted(glob.glob(args.get('data', '../shared/datasets/photos-train') + '/*.png'))]
if not photos: sys.exit(f"no .png files in {args.get('data', '../shared/datasets/photos-train')}: pass data=FOLDER")
photos = [torch.from_numpy(p).reshape(p.shape[0], p.shape[1], -1).permute(2, 0, 1).contiguous() for p in photos]

resized = {}
def scaled(i, s):
    # Scales rounded to 0.05 and each size resized once: resizing a whole photo for every patch was most of a step.
    s = round(s * 20) / 20
    if s >= 1.0: return photos[i]
    if (i, s) not in resized:
        img = photos[i]; h, w = int(img.shape[1] * s), int(img.shape[2] * s)
        resized[(i, s)] = F.interpolate(img[None], size=(h, w), mode='bilinear', antialias=True, align_corners=False)[0]
    return resized[(i, s)]

def sample():
    out = []
    for _ in range(batch):
        img = scaled(random.randrange(len(photos)), random.uniform(smin, smax))
        y = random.randrange(img.shape[1] - patch + 1); x = random.randrange(img.shape[2] - patch + 1)
        p = img[:, y:y + patch, x:x + patch]
        if random.random() < 0.5: p = p.flip(2)
        if random.random() < 0.5: p = p.flip(1)
        out.append(p)
    return torch.stack(out)

layers = [nn.Conv2d(ch, 64, 3, padding=1), nn.ReLU()]
for _ in range(15): layers += [nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU()]
layers += [nn.Conv2d(64, ch, 3, padding=1)]
net = nn.Sequential(*layers)
for m in net.modules():
    if isinstance(m, nn.Conv2d):
        if init == 'orth': nn.init.orthogonal_(m.weight, gain=float(args.get('gain', 1.0)))
        elif init == 'kaiming': nn.init.kaiming_normal_(m.weight, nonlinearity='relu')
        elif init == 'dirac' and m.in_channels == m.out_channels:
            # Identity filters plus a little noise: the noisy input's detail reaches the last layer from the start.
            nn.init.dirac_(m.weight)
            with torch.no_grad(): m.weight.add_(torch.randn_like(m.weight) * float(args.get('gain', 0.01)))
with torch.no_grad():
    net[-1].weight.mul_(last)
opt = torch.optim.Adam(net.parameters(), lr=lr) if opt_kind == 'adam' else torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=1e-4)
t0 = time.time()
for step in range(1, steps + 1):
    clean = sample(); noise = torch.randn_like(clean) * sigma
    pred = net(clean + noise)
    loss = F.mse_loss(pred, noise) if args.get("loss", "mse") == "mse" else F.l1_loss(pred, noise)
    opt.zero_grad(); loss.backward()
    if clip > 0: nn.utils.clip_grad_norm_(net.parameters(), clip)
    opt.step()
    if step % 5 == 0 or step < 5:
        print(f'{name} step {step} loss {loss.item():.5f} ({time.time() - t0:.0f} s)', flush=True)
