#!/usr/bin/env python3
"""Builds dateline's WordNet tables from a WordNet 3.0 database.

    apt-get install wordnet-base        # Debian: /usr/share/wordnet
    python3 scripts/wordnet/tables.py [/usr/share/wordnet]

Writes, under crates/dateline/data/wordnet/:
  words.tsv       one line per single-word lemma (nouns only where some sense is eventive): the word, then for each part of speech it has
                  (n, v, a) the lexicographer files of its senses, most frequent sense first;
  inflections.tsv irregular inflected forms and their lemma, per part of speech (WordNet's
                  exception lists);
  concepts.tsv    for each verb (phrasal verbs with a particle included, "step down") and each
                  noun that can name a happening: the concepts its most frequent senses name
                  (their synsets; for nouns also the verbs they derive from, and each verb they
                  nominalize in any sense, "eruption" of "erupt"; for verbs what they
                  cause, "kill" causing "die") and, apart, the broader concepts one step up
                  (hypernyms that are not too general). Concepts are numbered densely.
The output is sorted and deterministic: running it again on the same database changes nothing.
"""
import os
import sys
from collections import OrderedDict

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "dateline", "data", "wordnet")

LEXFILES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
    "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
    "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
    "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition",
    "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
    "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl",
]


# Noun files whose senses can be happenings, states or acts.
EVENTIVE = {"act", "event", "process", "phenomenon", "state", "feeling", "communication",
            "cognition", "possession", "attribute", "motive"}


def plain(word):
    return word.isascii() and word.replace("-", "").replace("'", "").isalpha()


def lexfile_of_synsets(pos):
    """Synset offset -> lexicographer file name, from data.<pos>."""
    out = {}
    with open(os.path.join(WN, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" ", 3)
            out[parts[0]] = LEXFILES[int(parts[1])].split(".", 1)[1]
    return out


def senses(pos):
    """Single-word lemma -> lexicographer files of its synsets, most frequent first, unique."""
    lex = lexfile_of_synsets(pos)
    out = {}
    with open(os.path.join(WN, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            word = parts[0]
            if "_" in word or not plain(word):
                continue
            n_ptr = int(parts[3])
            offsets = parts[4 + n_ptr + 2:]
            files = list(OrderedDict.fromkeys(lex[o] for o in offsets))
            out[word] = files
    return out


SENSES = 3
PARTICLES = {"up", "down", "out", "off", "over", "in", "back", "away", "on", "through", "forward"}
# Hypernyms with more direct hyponyms than this say too little ("change", "act", "move").
MAX_HYPONYMS = 60
# Nouns with a sense in these files, or derived from a verb, can name a happening ("talks",
# "summit", "death", "resignation").
HAPPENING_NOUN_FILES = {"act", "event", "process", "phenomenon", "communication", "state",
                        "group", "possession"}


def synsets(pos):
    """Synset offset -> (lexicographer file, pointers [(symbol, offset, pos)])."""
    out = {}
    with open(os.path.join(WN, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split("|")[0].split()
            n = int(p[3], 16)
            k = 4 + 2 * n
            m = int(p[k])
            k += 1
            ptrs = []
            words = [p[4 + 2 * i].lower() for i in range(n)]
            lexical = []
            for _ in range(m):
                sym, off, ps, st = p[k], p[k + 1], p[k + 2], p[k + 3]
                k += 4
                ptrs.append((sym, off, "a" if ps == "s" else ps))
                # A lexical pointer ties one word of this synset to one word of the other.
                if sym == "+" and st != "0000":
                    lexical.append((words[int(st[:2], 16) - 1], off, ps, int(st[2:], 16)))
            out[p[0]] = (LEXFILES[int(p[1])].split(".", 1)[1], ptrs, words, lexical)
    return out


def index_offsets(pos):
    out = {}
    with open(os.path.join(WN, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            n_ptr = int(p[3])
            out[p[0]] = p[4 + n_ptr + 2:]
    return out


def concepts():
    data = {"n": synsets("noun"), "v": synsets("verb")}
    index = {"n": index_offsets("noun"), "v": index_offsets("verb")}
    hyponyms = {}
    for pos in "nv":
        for off, (_, ptrs, _, _) in data[pos].items():
            for sym, o, ps in ptrs:
                if sym in ("@", "@i") and ps == pos:
                    hyponyms[(pos, o)] = hyponyms.get((pos, o), 0) + 1

    def lemmas():
        for word, offs in index["v"].items():
            parts = word.split("_")
            if len(parts) == 1 and plain(word):
                yield word, "v", offs
            elif len(parts) == 2 and plain(parts[0]) and parts[1] in PARTICLES:
                yield parts[0] + " " + parts[1], "v", offs
        for word, offs in index["n"].items():
            if "_" in word or not plain(word):
                continue
            files = [data["n"][o][0] for o in offs[:SENSES]]
            derived = any(sym == "+" and ps == "v" for o in offs[:SENSES]
                          for sym, _, ps in data["n"][o][1])
            if derived or any(f in HAPPENING_NOUN_FILES for f in files):
                yield word, "n", offs

    rows = []
    for word, pos, offs in lemmas():
        core, broad = set(), set()
        # A noun made from a verb names what the verb does in whichever senses the two share
        # ("eruption" of a volcano, "erupt"; "hearing" of a court, "hear"): each verb is a
        # concept of its own, which its nominalizations have too (WordNet's lexical
        # derivation pointers from any sense of the noun).
        if pos == "v" and " " not in word:
            core.add(("d", word))
        elif pos == "n":
            for off in offs:
                for source, o, ps, target in data["n"][off][3]:
                    if source == word and ps == "v":
                        verb = data["v"][o][2][target - 1]
                        if "_" not in verb and plain(verb):
                            core.add(("d", verb))
        for off in offs[:SENSES]:
            _, ptrs, _, _ = data[pos][off]
            core.add((pos, off))
            for sym, o, ps in ptrs:
                if sym == "+" and pos == "n" and ps == "v":
                    core.add(("v", o))
                elif sym == ">" and pos == "v" and ps == "v":
                    core.add(("v", o))
        for c in list(core):
            if c[0] == "d":
                continue
            for sym, o, ps in data[c[0]][c[1]][1]:
                if sym in ("@", "@i") and ps == c[0] and hyponyms.get((ps, o), 0) <= MAX_HYPONYMS:
                    broad.add((ps, o))
        broad -= core
        rows.append((word, pos, core, broad))
    used = sorted({c for _, _, core, broad in rows for c in core | broad})
    number = {c: i + 1 for i, c in enumerate(used)}
    with open(os.path.join(OUT, "concepts.tsv"), "w") as f:
        f.write("# Generated by scripts/wordnet/tables.py from WordNet 3.0 (see LICENSE-WordNet).\n")
        f.write("# lemma<TAB>pos<TAB>concepts of its first senses<TAB>broader concepts, numbered densely\n")
        for word, pos, core, broad in sorted(rows):
            f.write("%s\t%s\t%s\t%s\n" % (
                word, pos,
                " ".join(str(n) for n in sorted(number[c] for c in core)),
                " ".join(str(n) for n in sorted(number[c] for c in broad))))


def main():
    os.makedirs(OUT, exist_ok=True)
    tables = {"n": senses("noun"), "v": senses("verb"), "a": senses("adj")}
    # Nouns that are nothing else and name no kind of happening in any sense (animals, artifacts,
    # people, places, substances...) are left out: a word the table lacks reads the same.
    def kept(w):
        if w in tables["v"] or w in tables["a"]:
            return True
        return any(f in EVENTIVE for f in tables["n"].get(w, ()))
    words = sorted(w for w in set().union(*tables.values()) if kept(w))
    with open(os.path.join(OUT, "words.tsv"), "w") as f:
        f.write("# Generated by scripts/wordnet/tables.py from WordNet 3.0 (see LICENSE-WordNet).\n")
        f.write("# word<TAB>pos:lexicographer files of its senses, most frequent first; n noun, v verb, a adjective\n")
        for w in words:
            cols = []
            for pos in "nva":
                files = tables[pos].get(w)
                if files is not None:
                    # Adjectives: only whether the word is one (their files say little).
                    cols.append(pos if pos == "a" else pos + ":" + ",".join(files))
            f.write(w + "\t" + " ".join(cols) + "\n")
    with open(os.path.join(OUT, "inflections.tsv"), "w") as f:
        f.write("# Generated by scripts/wordnet/tables.py from WordNet 3.0's exception lists (see LICENSE-WordNet).\n")
        f.write("# form<TAB>pos<TAB>lemma\n")
        rows = set()
        for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj")):
            with open(os.path.join(WN, name + ".exc"), encoding="latin-1") as exc:
                for line in exc:
                    form, *lemmas = line.split()
                    if not plain(form) or not lemmas or not plain(lemmas[0]):
                        continue
                    rows.add((form, pos, lemmas[0]))
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    concepts()


if __name__ == "__main__":
    main()
