#pragma once

#include <QColor>
#include <QString>

#include "core/regime.h"
#include "theme.h"

namespace ui {

// Every colour of Backprop Lab, from the Okabe-Ito set: told apart by colour-blind eyes. Each
// theme has its shades: as published on light, lightened on dark, darkened to at least 7:1 on
// white in high contrast. Sign is also shown by line style, never by hue alone.
struct Palette {
    // blue: a positive weight
    static QColor positive() { return pick(0x0072B2, 0x56B4E9, 0x00457A); }
    // vermillion: a negative weight
    static QColor negative() { return pick(0xD55E00, 0xF07D3C, 0x9A3600); }
    // orange: what is being computed
    static QColor highlight() { return pick(0xE69F00, 0xE69F00, 0x874800); }
    // blue: E_total against iteration
    static QColor lossCurve() { return positive(); }
    // reddish purple: a learning-rate change
    static QColor marker() { return pick(0xCC79A7, 0xDD8FBB, 0x802E5E); }
    // bluish green: targets and errors
    static QColor target() { return pick(0x009E73, 0x2EC49C, 0x005E44); }
    // grey: nothing to say yet
    static QColor neutral() { return pick(0x808080, 0x9A9A9A, 0x4D4D4D); }
    // sky blue, yellow, dark grey: further pinned runs
    static QColor skyBlue() { return pick(0x56B4E9, 0x8CCFF5, 0x005A9C); }
    static QColor yellow() { return pick(0xF0E442, 0xF0E442, 0x6B6200); }
    static QColor dark() { return pick(0x333333, 0xC8C8C8, 0x000000); }
    // bluish green: the stable rate
    static QColor stableRate() { return target(); }
    // outlines over a map's colours, in any theme
    static QColor ink() { return QColor(0x333333); }
    // How many times thicker than natural a thin line is drawn (frames, outlines, the plots'
    // pens, an edge's least width): 2 in high contrast.
    static qreal lineScale() { return currentTheme() == Theme::HighContrast ? 2.0 : 1.0; }
    // The line style of the `index`-th of several series told apart by colour: solid in the
    // light and dark themes, in high contrast a pattern of its own as well.
    static Qt::PenStyle seriesStyle(int index);
    // The decision map's scale: orange at its low end, near white in the middle, blue at its
    // high end (light, lightest, dark in grey).
    static QColor scaleLow() { return highlight(); }
    static QColor scaleMiddle() { return {0xF7, 0xF7, 0xF7}; }
    static QColor scaleHigh() { return positive(); }

    // The highlight laid under text at opacity `alpha`: half as opaque in high contrast, whose
    // darker highlight would otherwise leave black text on brown.
    static QColor highlightFill(int alpha) {
        return withAlpha(highlight(), currentTheme() == Theme::HighContrast ? alpha / 2 : alpha);
    }
    // The glow under the parts the current term involves.
    static QColor glow() { return highlightFill(150); }
    // The background of a label on the network, nearly opaque over the edges under it.
    static QColor labelBackground(QColor base) { return withAlpha(base, 235); }
    // The faded colour of the `index`-th pinned run.
    static QColor pinnedRun(int index);
    // The colour of a regime's name: green converging, orange oscillating, vermillion
    // diverging or diverged, grey otherwise.
    static QColor regime(core::Regime regime);
    // The colour of factor `k` (>= 0) of a term (core::Term::factors, markup class "fk"): its
    // symbol, its number and its place on the network share it. Five hues readable on light and
    // dark backgrounds, none the highlight orange, repeating from factor 5 on.
    static QColor factor(int k);
    // Rich-text CSS that colours the factor classes f0 .. f(count - 1), for
    // QTextDocument::setDefaultStyleSheet: ".f0 { color: #0072b2; }\n.f1 { ... }".
    static QString factorStyleSheet(int count);

    // The shade of a colour (0xRRGGBB) for the theme in force: on light, on dark, in high
    // contrast.
    static QColor pick(QRgb light, QRgb dark, QRgb contrast) {
        switch (currentTheme()) {
            case Theme::Light:
                break;
            case Theme::Dark:
                return QColor(dark);
            case Theme::HighContrast:
                return QColor(contrast);
        }
        return QColor(light);
    }
    static QColor withAlpha(QColor color, int alpha) {
        color.setAlpha(alpha);
        return color;
    }
    // `color` laid over the opaque `base`: the opaque colour it gives (which the raster engine
    // fills several times faster than a translucent one).
    static QColor over(QColor color, QColor base) {
        const qreal alpha = color.alphaF();
        return QColor::fromRgbF(color.redF() * alpha + base.redF() * (1 - alpha),
                                color.greenF() * alpha + base.greenF() * (1 - alpha),
                                color.blueF() * alpha + base.blueF() * (1 - alpha));
    }
};

inline QColor Palette::pinnedRun(int index) {
    const QColor colors[] = {negative(), target(),  marker(), highlight(),
                             skyBlue(),  neutral(), yellow(), dark()};
    return withAlpha(colors[index % std::size(colors)], 140);
}

inline QColor Palette::factor(int k) {
    // Okabe-Ito without its orange (the highlight), black (lost on dark) and sky blue (faint on
    // white, and next to the blue); its yellow darkened to an olive that reads on white.
    switch (k % 5) {
        case 0:
            return positive();
        case 1:
            return negative();
        case 2:
            return target();
        case 3:
            return marker();
    }
    return pick(0x908928, 0xD8CE5A, 0x5A5500);  // olive: the yellow, darkened
}

inline Qt::PenStyle Palette::seriesStyle(int index) {
    if (currentTheme() != Theme::HighContrast) return Qt::SolidLine;
    const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};
    return styles[static_cast<std::size_t>(index) % std::size(styles)];
}

inline QString Palette::factorStyleSheet(int count) {
    QString css;
    for (int k = 0; k < count; ++k)
        css += QStringLiteral(".f%1 { color: %2; }\n").arg(k).arg(factor(k).name());
    return css;
}

inline QColor Palette::regime(core::Regime regime) {
    switch (regime) {
        case core::Regime::Converging:
            return target();
        case core::Regime::Oscillating:
            return highlight();
        case core::Regime::Diverging:
        case core::Regime::Diverged:
            return negative();
        case core::Regime::Stalled:
        case core::Regime::Starting:
            break;
    }
    return neutral();
}

}  // namespace ui
