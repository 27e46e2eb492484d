"""Charts as inline SVG, drawn in Python: no script, no network, readable when printed.

Every text in a chart is escaped; sizes are in a viewBox, so a chart scales to its box.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.report.html_text import escape

WIDTH, HEIGHT = 640, 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 16, 16, 50
LABEL_CHARS = 14  #: an axis label longer than this is cut (the full text is in the tooltip)
PALETTE = ("#b42318", "#b54708", "#175cd3", "#067647", "#6941c6", "#c11574", "#475467")
SEVERITY_COLOURS = {"error": "#b42318", "warning": "#dc6803", "info": "#98a2b3"}


def _svg(body: str, label: str, height: int = HEIGHT) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


def _nice_max(value: float) -> float:
    """A ceiling whose quarters are round numbers (1, 2 or 5 times a power of ten)."""
    quarter = max(value, 1.0) / 4
    power = 1.0
    while power * 10 <= quarter:
        power *= 10
    for factor in (1, 2, 5, 10):
        if quarter <= power * factor:
            return 4 * power * factor
    return 40 * power


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _axes(top: float, labels: Sequence[str], fmt: str) -> str:
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    parts = []
    for tick in range(5):
        y = MARGIN_TOP + plot_h * (1 - tick / 4)
        value = top * tick / 4
        parts.append(
            f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'class="grid"/><text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'class="tick">{format(value, fmt)}</text>'
        )
    step = max(1, len(labels) // 8)  # at most about eight labels under the axis
    for n, label in enumerate(labels):
        if n % step == 0 or n == len(labels) - 1:
            x = _x(n, len(labels))
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 16}" text-anchor="middle" '
                f'class="tick">{escape(_short(label))}<title>{escape(label)}</title></text>'
            )
    return "".join(parts)


def _x(n: int, count: int) -> float:
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    return MARGIN_LEFT + plot_w * ((n + 0.5) / count)


def _y(value: float, top: float) -> float:
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    return MARGIN_TOP + plot_h * (1 - value / top)


def line_chart(
    label: str, x_labels: Sequence[str], values: Sequence[float], top: float | None = None,
    fmt: str = ".0%",
) -> str:  # fmt: skip
    """One series over runs, with a dot per run (a single run still shows)."""
    ceiling = top if top is not None else _nice_max(max(values, default=0.0))
    points = [(_x(n, len(values)), _y(v, ceiling)) for n, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" class="dot"><title>{escape(x_labels[n])}: '
        f"{format(values[n], fmt)}</title></circle>"
        for n, (x, y) in enumerate(points)
    )
    line = f'<polyline points="{path}" class="line"/>' if len(points) > 1 else ""
    return _svg(_axes(ceiling, x_labels, fmt) + line + dots, label)


def stacked_bars(
    label: str, x_labels: Sequence[str], layers: Sequence[tuple[str, Sequence[float]]],
    colours: dict[str, str],
) -> str:  # fmt: skip
    """Bars over runs, one layer per series (e.g. findings by severity), with a legend."""
    totals = [sum(values[n] for _, values in layers) for n in range(len(x_labels))]
    ceiling = _nice_max(max(totals, default=0.0))
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    bar_w = max(2.0, min(48.0, plot_w / max(1, len(x_labels)) * 0.6))
    parts = [_axes(ceiling, x_labels, ",.0f")]
    for n in range(len(x_labels)):
        base = 0.0
        for name, values in layers:
            value = values[n]
            if value <= 0:
                continue
            y_top, y_base = _y(base + value, ceiling), _y(base, ceiling)
            parts.append(
                f'<rect x="{_x(n, len(x_labels)) - bar_w / 2:.1f}" y="{y_top:.1f}" '
                f'width="{bar_w:.1f}" height="{y_base - y_top:.1f}" fill="{colours[name]}">'
                f"<title>{escape(x_labels[n])}: {value:,.0f} {escape(name)}</title></rect>"
            )
            base += value
    parts.append(_legend([(name, colours[name]) for name, _ in layers]))
    return _svg("".join(parts), label)


def _legend(items: Sequence[tuple[str, str]]) -> str:
    parts = []
    for n, (name, colour) in enumerate(items):
        x = MARGIN_LEFT + n * 110
        parts.append(
            f'<rect x="{x}" y="{HEIGHT - 14}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{HEIGHT - 5}" class="tick">{escape(name)}</text>'
        )
    return "".join(parts)


def horizontal_bars(
    label: str, items: Sequence[tuple[str, float]], fmt: str = ",.0f", top: float | None = None
) -> str:
    """Labelled bars in the order given (findings by rule, by claim kind); ``top`` is full."""
    row_h, label_w = 26, 200
    height = max(row_h * len(items) + 16, 40)
    ceiling = top if top is not None else _nice_max(max((v for _, v in items), default=0.0))
    plot_w = WIDTH - label_w - 64
    parts = []
    for n, (name, value) in enumerate(items):
        y = 8 + n * row_h
        width = plot_w * value / ceiling
        colour = PALETTE[n % len(PALETTE)]
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="tick">'
            f"{escape(name)}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{max(width, 1):.1f}" height="{row_h - 8}" '
            f'fill="{colour}"><title>{escape(name)}: {format(value, fmt)}</title></rect>'
            f'<text x="{label_w + max(width, 1) + 6:.1f}" y="{y + 16}" class="tick">'
            f"{format(value, fmt)}</text>"
        )
    if not items:
        parts.append(f'<text x="{WIDTH / 2}" y="24" text-anchor="middle" class="tick">none</text>')
    return _svg("".join(parts), label, height)
