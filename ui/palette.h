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
    static QColor positive() {
        return pick({0x00, 0x72, 0xB2}, {0x56, 0xB4, 0xE9}, {0x00, 0x45, 0x7A});
    }  // blue: a positive weight
    static QColor negative() {
        return pick({0xD5, 0x5E, 0x00}, {0xF0, 0x7D, 0x3C}, {0x9A, 0x36, 0x00});
    }  // vermillion: a negative weight
    static QColor highlight() {
        return pick({0xE6, 0x9F, 0x00}, {0xE6, 0x9F, 0x00}, {0x87, 0x48, 0x00});
    }                                                 // orange: what is being computed
    static QColor lossCurve() { return positive(); }  // blue: E_total against iteration
    static QColor marker() {
        return pick({0xCC, 0x79, 0xA7}, {0xDD, 0x8F, 0xBB}, {0x80, 0x2E, 0x5E});
    }  // purple: a learning-rate change
    static QColor target() {
        return pick({0x00, 0x9E, 0x73}, {0x2E, 0xC4, 0x9C}, {0x00, 0x5E, 0x44});
    }  // green: targets and errors
    static QColor neutral() {
        return pick({0x80, 0x80, 0x80}, {0x9A, 0x9A, 0x9A}, {0x4D, 0x4D, 0x4D});
    }  // grey: nothing to say yet
    static QColor skyBlue() {
        return pick({0x56, 0xB4, 0xE9}, {0x8C, 0xCF, 0xF5}, {0x00, 0x5A, 0x9C});
    }  // a further pinned run
    static QColor yellow() {
        return pick({0xF0, 0xE4, 0x42}, {0xF0, 0xE4, 0x42}, {0x6B, 0x62, 0x00});
    }  // a further pinned run
    static QColor dark() {
        return pick({0x33, 0x33, 0x33}, {0xC8, 0xC8, 0xC8}, {0x00, 0x00, 0x00});
    }                                                   // a further pinned run
    static QColor stableRate() { return target(); }     // bluish green: the stable rate
    static QColor ink() { return {0x33, 0x33, 0x33}; }  // outlines over a map's colours, any theme
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

    // The shade of a colour for the theme in force: on light, on dark, in high contrast.
    static QColor pick(QColor light, QColor dark, QColor contrast) {
        switch (currentTheme()) {
            case Theme::Light:
                break;
            case Theme::Dark:
                return dark;
            case Theme::HighContrast:
                return contrast;
        }
        return light;
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
    const QColor light[] = {
        {0x00, 0x72, 0xB2},  // blue
        {0xD5, 0x5E, 0x00},  // vermillion
        {0x00, 0x9E, 0x73},  // bluish green
        {0xCC, 0x79, 0xA7},  // reddish purple
        {0x90, 0x89, 0x28},  // olive: the yellow, darkened
    };
    const QColor dark[] = {{0x56, 0xB4, 0xE9},
                           {0xF0, 0x7D, 0x3C},
                           {0x2E, 0xC4, 0x9C},
                           {0xDD, 0x8F, 0xBB},
                           {0xD8, 0xCE, 0x5A}};
    const QColor contrast[] = {{0x00, 0x45, 0x7A},
                               {0x9A, 0x36, 0x00},
                               {0x00, 0x5E, 0x44},
                               {0x80, 0x2E, 0x5E},
                               {0x5A, 0x55, 0x00}};
    const std::size_t i = static_cast<std::size_t>(k) % std::size(light);
    return pick(light[i], dark[i], contrast[i]);
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
