#pragma once

#include <QColor>
#include <QString>

#include "core/regime.h"

namespace ui {

// Every colour of Backprop Lab, from the Okabe-Ito set: told apart by colour-blind eyes and
// readable on light and dark system themes. Sign is also shown by line style, never by hue alone.
struct Palette {
    static QColor positive() { return {0x00, 0x72, 0xB2}; }    // blue: a positive weight
    static QColor negative() { return {0xD5, 0x5E, 0x00}; }    // vermillion: a negative weight
    static QColor highlight() { return {0xE6, 0x9F, 0x00}; }   // orange: what is being computed
    static QColor lossCurve() { return {0x00, 0x72, 0xB2}; }   // blue: E_total against iteration
    static QColor marker() { return {0xCC, 0x79, 0xA7}; }      // purple: a learning-rate change
    static QColor target() { return {0x00, 0x9E, 0x73}; }      // green: targets and errors
    static QColor neutral() { return {0x80, 0x80, 0x80}; }     // grey: nothing to say yet
    static QColor skyBlue() { return {0x56, 0xB4, 0xE9}; }     // a further pinned run
    static QColor yellow() { return {0xF0, 0xE4, 0x42}; }      // a further pinned run
    static QColor dark() { return {0x33, 0x33, 0x33}; }        // a further pinned run
    static QColor stableRate() { return {0x00, 0x9E, 0x73}; }  // bluish green: the stable rate
    // The decision map's scale: orange at its low end, near white in the middle, blue at its
    // high end (light, lightest, dark in grey).
    static QColor scaleLow() { return highlight(); }
    static QColor scaleMiddle() { return {0xF7, 0xF7, 0xF7}; }
    static QColor scaleHigh() { return positive(); }

    // The glow under the parts the current term involves.
    static QColor glow() { return withAlpha(highlight(), 150); }
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
    const QColor colors[] = {
        {0x00, 0x72, 0xB2},  // blue
        {0xD5, 0x5E, 0x00},  // vermillion
        {0x00, 0x9E, 0x73},  // bluish green
        {0xCC, 0x79, 0xA7},  // reddish purple
        {0x90, 0x89, 0x28},  // olive: the yellow, darkened
    };
    return colors[static_cast<std::size_t>(k) % std::size(colors)];
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
