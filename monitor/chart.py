"""The coverage chart, drawn: bar geometry for the web page's SVG, text bars for the
terminal, and the sentence that sums a chart up (pure: no I/O, no clock).

``layout(coverage, href, width=...)`` places one stacked bar a day in a viewBox
``width`` units wide, which the page scales to the screen. The page draws it twice, at
``WIDE`` units for a desktop's column and at ``WIDTH`` for a phone, and its style sheet
shows the one that suits the screen, so that text drawn at ``FONT`` units stays readable
at both sizes: the outlets bottom up in the order of
``Coverage.series`` (most articles first, ``other`` last), the tallest day reaching the
top of the plot, the legend flowing in rows under the day labels. The template
(``monitor/web/templates/_chart.html``) only writes these numbers out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from monitor.store.coverage import Coverage

# at least 3:1 against the white card and against each other's neighbours; "other" grey
PALETTE = ("#0b5cad", "#d55e00", "#1f7a3a", "#b3477f", "#00838f", "#b7791f")
OTHER_COLOUR = "#6b7680"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

WIDTH = 480  # viewBox units of a phone's chart
PLOT_HEIGHT = 120
WIDE = 800  # a desktop's: the page's 52rem column, at about one unit a pixel
WIDE_PLOT_HEIGHT = 150
FONT = 13  # the text size in viewBox units; style.css makes it 16 on a phone,
CHAR = 16 * 0.6  # so the legend and the axis make room for an average character at 16
TOP = 12
DAY_LABELS = 24  # the band under the plot holding the first and last day
ROW = 20  # one legend row
MAX_BAR = 28
LEGEND_NAME = 24  # longer outlet names are cut in the legend (the title keeps them whole)


@dataclass(frozen=True)
class Segment:
    outlet: str
    count: int
    colour: str
    y: float
    height: float


@dataclass(frozen=True)
class Bar:
    day: date
    total: int
    x: float
    width: float
    slot_x: float  # the day's whole column, the area a pointer or a finger can hit
    slot_width: float
    segments: tuple[Segment, ...]
    title: str
    href: str | None  # None for a day without articles


@dataclass(frozen=True)
class LegendEntry:
    outlet: str
    label: str
    colour: str
    x: float  # the swatch's top left corner
    y: float
    text_x: float  # the label's baseline
    text_y: float


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    anchor: str  # "start", "middle" or "end"


@dataclass(frozen=True)
class Chart:
    width: int
    height: float
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    plot_height: float
    bars: tuple[Bar, ...]
    legend: tuple[LegendEntry, ...]
    labels: tuple[Label, ...]  # the max count, 0, the first and the last day
    title: str
    summary: str  # the aria-label
    description: str  # the <desc>


def day_label(day: date) -> str:
    """3 Nov 2026 (the same in every locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def span(days: tuple[date, ...]) -> str:
    """The days a chart covers: 3 Nov 2026, 1–30 Nov 2026, 28 Oct – 26 Nov 2026."""
    if not days:
        return "no days"
    first, last = days[0], days[-1]
    if first == last:
        return day_label(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_label(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {day_label(last)}"
    return f"{day_label(first)} – {day_label(last)}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(coverage: Coverage) -> str:
    """42 articles from 3 outlets, 1–30 Nov 2026."""
    articles = _count(coverage.total, "article")
    return f"{articles} from {_count(coverage.outlets, 'outlet')}, {span(coverage.days)}"


def breakdown(coverage: Coverage) -> str:
    """Trend 20, News.az 12, other 10: each series' total, most first."""
    return ", ".join(f"{s.outlet} {s.total}" for s in coverage.series if s.total)


def colours(coverage: Coverage) -> tuple[str, ...]:
    """One colour per series, in order; ``other`` is grey."""
    return tuple(
        OTHER_COLOUR if s.other else PALETTE[i % len(PALETTE)]
        for i, s in enumerate(coverage.series)
    )


def _description(coverage: Coverage) -> str:
    per_day = coverage.per_day
    busiest = max(range(len(per_day)), key=lambda i: (per_day[i], -i)) if per_day else None
    text = f"Articles per day by outlet, {span(coverage.days)}: {breakdown(coverage) or 'none'}."
    if busiest is not None and per_day[busiest]:
        text += f" Busiest day: {day_label(coverage.days[busiest])}, {per_day[busiest]}."
    return text


def _cut(name: str) -> str:
    return name if len(name) <= LEGEND_NAME else name[: LEGEND_NAME - 1] + "…"


def layout(
    coverage: Coverage,
    href: Callable[[date], str] | None = None,
    *,
    width: int = WIDTH,
    plot_height: int = PLOT_HEIGHT,
) -> Chart:
    """Where every bar, segment, label and legend entry of the SVG chart goes."""
    per_day = coverage.per_day
    peak = max(per_day, default=0)
    plot_left = 8 + CHAR * len(str(peak))
    plot_right = width - 4.0
    plot_top, plot_bottom = float(TOP), float(TOP + plot_height)
    unit = plot_height / max(peak, 1)
    pitch = (plot_right - plot_left) / max(len(coverage.days), 1)
    bar_width = min(pitch * 0.8, MAX_BAR)
    palette = colours(coverage)
    bars = []
    for i, day in enumerate(coverage.days):
        segments, below = [], 0
        for series, colour in zip(coverage.series, palette, strict=True):
            count = series.counts[i]
            if not count:
                continue
            bottom = plot_bottom - below * unit
            top = plot_bottom - (below + count) * unit
            segments.append(
                Segment(series.outlet, count, colour, round(top, 2), round(bottom - top, 2))
            )
            below += count
        parts = ", ".join(f"{s.outlet} {s.count}" for s in segments)
        title = f"{day_label(day)}: {_count(per_day[i], 'article')}" + (
            f" ({parts})" if parts else ""
        )
        slot = plot_left + i * pitch
        bars.append(
            Bar(
                day=day,
                total=per_day[i],
                x=round(slot + (pitch - bar_width) / 2, 2),
                width=round(bar_width, 2),
                slot_x=round(slot, 2),
                slot_width=round(pitch, 2),
                segments=tuple(segments),
                title=title,
                href=href(day) if href and per_day[i] else None,
            )
        )
    shift = FONT * 0.35  # text stands on its baseline: this centres a number on a line
    labels = [(str(peak), plot_left - 4, plot_top + shift, "end")]
    labels.append(("0", plot_left - 4, plot_bottom + shift, "end"))
    if coverage.days:
        under = plot_bottom + DAY_LABELS - 6
        labels.append((day_label(coverage.days[0]), plot_left, under, "start"))
        if len(coverage.days) > 1:
            labels.append((day_label(coverage.days[-1]), plot_right, under, "end"))
    legend, x, y = [], plot_left, plot_bottom + DAY_LABELS + ROW - 4
    for series, colour in zip(coverage.series, palette, strict=True):
        label = f"{_cut(series.outlet)} {series.total}"
        room = 14 + CHAR * len(label) + 14
        if x > plot_left and x + room > width:
            x, y = plot_left, y + ROW
        legend.append(
            LegendEntry(series.outlet, label, colour, round(x, 2), y - 10, round(x + 14, 2), y)
        )
        x += room
    return Chart(
        width=width,
        height=y + 8,
        plot_left=round(plot_left, 2),
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        plot_height=float(plot_height),
        bars=tuple(bars),
        legend=tuple(legend),
        labels=tuple(Label(t, round(x, 2), round(y, 2), a) for t, x, y, a in labels),
        title="Articles per day by outlet",
        summary=summary(coverage),
        description=_description(coverage),
    )


def text_bars(coverage: Coverage, width: int = 40) -> list[tuple[date, int, str]]:
    """(day, articles, bar) per day for a terminal: the busiest day ``width`` blocks
    long, the others in proportion, to an eighth of a block; a day with articles
    always shows a sliver."""
    per_day = coverage.per_day
    peak = max(per_day, default=0)
    rows = []
    for day, count in zip(coverage.days, per_day, strict=True):
        eighths = max(1, round(count * width * 8 / peak)) if count else 0
        full, rest = divmod(eighths, 8)
        rows.append((day, count, "█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[rest]))
    return rows
