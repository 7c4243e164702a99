"""The seeds timeline from Python: build it, print it, list the conflicts, one person's events.

    python examples/seeds_timeline.py [DIRECTORY] [--about NAME]

Needs the dateline package (pip install ./python). DIRECTORY defaults to the repository's seeds/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import dateline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", default=Path(__file__).resolve().parents[1] / "seeds", type=Path)
    parser.add_argument("--about", default="Sergey Lavrov", help="a person or organisation to follow")
    args = parser.parse_args()

    timeline = dateline.build_timeline(dateline.read_dir(args.directory))
    print(f"{len(timeline)} events from {len(timeline.documents)} documents\n")
    for event in timeline:
        when = event.when.display if event.when else "undated"
        mark = "!" if event.conflict else " "
        print(f"{mark} {when:28} {event.summary[:90]}")

    print("\nWhere the sources disagree:")
    for event in timeline.conflicts:
        assert event.conflict is not None
        print(f"  {event.summary[:80]}")
        for i, claim in enumerate(event.conflict.claims):
            chosen = "chosen" if i == event.conflict.chosen else "      "
            print(f"    {chosen} {claim.when.display:26} {', '.join(claim.docs)}")
        print(f"    {event.conflict.explanation}")

    print(f"\nThe events of {args.about}:")
    for event in timeline.about(args.about):
        when = event.when.display if event.when else "undated"
        print(f"  {when:28} {event.summary[:90]}")

    print("\nPublication dates:")
    for d in timeline.documents:
        bounds = f" (between {d.published_bounds.start} and {d.published_bounds.end})" if d.published_bounds else ""
        print(f"  {d.id}: {d.published or 'unknown'}, {d.published_source}{bounds}")


if __name__ == "__main__":
    main()
