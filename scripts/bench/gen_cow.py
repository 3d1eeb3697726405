#!/usr/bin/python3
"""A synthetic file in the COW v4.1 by-member format, of about the real file's
size, for the import benchmark and for exercising tests/cli/cli_import_real.sh.

    gen_cow.py OUT.csv [--alliances 414] [--seed 20261124]

It is NOT the COW data (which hubspoke may not redistribute): alliances are
random, 1816-2012, 70% of them bilateral, the rest of 3-16 members with
staggered entry and some exits and re-entries; about a third are still in
force in 2012 (empty end year). Two fixed alliances stand in for NATO-like
and Warsaw-Pact-like blocs, so that the real-data script's searches have
something to find. States are drawn from 120 real COW codes.
"""
import argparse
import csv
import random

CCODES = [2, 20, 40, 41, 42, 70, 90, 91, 92, 93, 94, 95, 100, 101, 130, 135, 140, 145, 150, 155, 160, 165,
          200, 205, 210, 211, 212, 220, 225, 230, 235, 255, 260, 265, 290, 300, 305, 310, 315, 325, 339, 345,
          350, 355, 360, 365, 375, 380, 385, 390, 395, 432, 433, 434, 435, 436, 437, 438, 439, 450, 451, 452,
          461, 471, 475, 481, 482, 483, 484, 490, 500, 501, 510, 516, 517, 520, 530, 540, 541, 551, 552, 553,
          560, 600, 615, 616, 620, 625, 630, 640, 645, 651, 652, 660, 663, 666, 670, 690, 692, 694, 696, 698,
          700, 710, 712, 713, 731, 732, 740, 750, 770, 775, 800, 811, 812, 816, 817, 820, 840, 850, 900, 920]
HEADER = ("version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,"
          "all_end_year,ss_type,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,"
          "left_censor,right_censor,defense,neutrality,nonaggression,entente,version").split(",")
TYPES = {(1, 0, 0, 0): "Type I: Defense Pact", (0, 1, 1, 0): "Type II: Neutrality or Non-aggression",
         (0, 0, 0, 1): "Type III: Entente"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--alliances", type=int, default=414)
    ap.add_argument("--seed", type=int, default=20261124)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    rows = []

    def add(aid, spells, flags):
        start = min(s for _, s, _ in spells)
        ends = [e for _, _, e in spells]
        end = None if None in ends else max(ends)
        for c, s, e in spells:
            rows.append([aid, c, "State %d" % c, 1, 1, start, "" if end is None else 1, "" if end is None else 12,
                         "" if end is None else end, TYPES[flags], 1, 1, s, "" if e is None else 1,
                         "" if e is None else 12, "" if e is None else e, 0, int(e is None)] + list(flags) + ["4.1"])

    add(1, [(c, 1949, None) for c in (2, 20, 200, 220, 210, 211, 212, 325, 385, 390, 395, 235)] +
        [(350, 1952, None), (640, 1952, None), (260, 1955, 1990), (255, 1990, None)], (1, 0, 0, 0))
    add(2, [(c, 1955, 1991) for c in (365, 290, 315, 310, 355, 360, 265)] + [(339, 1955, 1968)], (1, 0, 0, 0))
    for aid in range(3, a.alliances + 1):
        flags = rnd.choice([(1, 0, 0, 0)] * 3 + [(0, 1, 1, 0), (0, 0, 0, 1)])
        start = rnd.randint(1816, 2010)
        end = None if rnd.random() < 0.35 else min(2012, start + rnd.randint(0, 40))
        size = 2 if rnd.random() < 0.7 else rnd.randint(3, 16)
        states = rnd.sample(CCODES, size)
        spells = []
        for i, c in enumerate(states):
            s = start if i < 2 else rnd.randint(start, end if end else 2012)
            if end is not None and size > 2 and rnd.random() < 0.1 and end - s >= 4:
                gap = rnd.randint(s + 1, end - 2)  # leaves and rejoins
                spells += [(c, s, gap - 1), (c, gap + 1, end)]
            else:
                spells.append((c, s, end))
        add(aid, spells, flags)
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)


main()
