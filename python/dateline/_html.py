"""The notebook view of a timeline: a compact visual time axis over a table of events, with
conflicts highlighted and their claims listed. Plain HTML and inline SVG: no JavaScript, so it
shows the same in Jupyter, VS Code, GitHub's notebook viewer and exported HTML."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING, List, Tuple

if TYPE_CHECKING:
    from ._timeline import Timeline
    from ._values import Event

#: Rows shown before the table is cut (the rest are counted); the axis shows every event.
MAX_ROWS = 200

_CONFLICT = "#fdecea"
_CONFLICT_MARK = "#c62828"
_EVENT_MARK = "#1565c0"

_WIDTH, _HEIGHT, _PAD = 720, 56, 16


def _axis(events: Tuple[Event, ...]) -> str:
    """An SVG time axis: one tick per dated event (a bar for events longer than a day), red
    where the sources disagree, with the first and last day as labels."""
    dated: List[Tuple[date, date, bool, str]] = [
        (e.when.start, e.when.end, e.conflict is not None, f"{e.when.display}: {e.summary}")
        for e in events
        if e.when is not None and e.when.start is not None and e.when.end is not None
    ]
    if not dated:
        return ""
    first = min(s for s, _, _, _ in dated).toordinal()
    last = max(e for _, e, _, _ in dated).toordinal()
    span = max(last - first, 1)

    def x(day: date) -> float:
        return _PAD + (day.toordinal() - first) / span * (_WIDTH - 2 * _PAD)

    marks = []
    # Long intervals first, so day ticks are drawn over them.
    for start, end, conflict, summary in sorted(dated, key=lambda d: d[0] - d[1]):
        colour = _CONFLICT_MARK if conflict else _EVENT_MARK
        title = f"<title>{escape(summary[:160])}</title>"
        x0, x1 = x(start), x(end)
        if x1 - x0 >= 3:
            marks.append(
                f'<rect x="{x0:.1f}" y="22" width="{x1 - x0:.1f}" height="8" fill="{colour}" '
                f'fill-opacity="0.25">{title}</rect>'
            )
        else:
            marks.append(
                f'<line x1="{x0:.1f}" y1="16" x2="{x0:.1f}" y2="36" stroke="{colour}" '
                f'stroke-width="2">{title}</line>'
            )
    lo, hi = date.fromordinal(first), date.fromordinal(last)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{_HEIGHT}" '
        f'role="img" aria-label="events from {lo} to {hi}">'
        f'<line x1="{_PAD}" y1="26" x2="{_WIDTH - _PAD}" y2="26" stroke="#999"/>'
        + "".join(marks)
        + f'<text x="{_PAD}" y="50" font-size="11" fill="#555">{lo}</text>'
        f'<text x="{_WIDTH - _PAD}" y="50" font-size="11" fill="#555" text-anchor="end">{hi}</text>'
        "</svg>"
    )


def _row(event: Event) -> str:
    when = escape(event.when.display) if event.when else "<i>undated</i>"
    people = escape(", ".join(p.name for p in event.participants))
    sources = escape(", ".join(event.sources))
    style = ""
    claims = ""
    if event.conflict is not None:
        style = f' style="background:{_CONFLICT}"'
        chosen = event.conflict.chosen
        items = "".join(
            ('<li style="font-weight:bold">' if i == chosen else "<li>")
            + f"{escape(c.when.display)}: {escape(', '.join(c.docs))}</li>"
            for i, c in enumerate(event.conflict.claims)
        )
        claims = (
            f'<div style="color:{_CONFLICT_MARK}">conflict ({escape(event.conflict.rule)}):'
            f'<ul style="margin:0">{items}</ul></div>'
        )
    return (
        f"<tr{style}><td style=\"white-space:nowrap\">{when}</td>"
        f"<td style=\"text-align:left\">{escape(event.summary)}{claims}</td>"
        f"<td style=\"text-align:left\">{people}</td><td>{sources}</td></tr>"
    )


def timeline_html(timeline: Timeline) -> str:
    """The HTML that a notebook shows for ``timeline``."""
    events = timeline.events
    conflicts = sum(1 for e in events if e.conflict is not None)
    head = (
        f"<b>dateline.Timeline</b>: {len(events)} event{'s' if len(events) != 1 else ''} from "
        f"{len(timeline.documents)} documents, {conflicts} conflict{'s' if conflicts != 1 else ''}"
        f" (policy {escape(timeline.policy)})"
    )
    rows = "".join(_row(e) for e in events[:MAX_ROWS])
    more = (
        f'<tr><td colspan="4"><i>… {len(events) - MAX_ROWS} more events</i></td></tr>'
        if len(events) > MAX_ROWS
        else ""
    )
    return (
        f'<div class="dateline-timeline"><div>{head}</div>{_axis(events)}'
        '<table><thead><tr><th>when</th><th style="text-align:left">event</th>'
        '<th style="text-align:left">participants</th><th>sources</th></tr></thead>'
        f"<tbody>{rows}{more}</tbody></table></div>"
    )
