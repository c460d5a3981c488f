#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QSizeF>
#include <QString>

#include "core/topology.h"
#include "networknodevalues.h"
#include "networktexts.h"

namespace ui {

// The widest text %.*g writes with `digits` significant digits: the exponent form with a minus
// sign and a three-digit exponent ("-8.888e+308"), or the fixed form with the most zeros
// ("-0.0008888"; one more zero and %g turns to the exponent).
QString widestNumber(const QFontMetricsF& metrics, int digits);

// The sizes of a network drawing's texts at one label font, which NetworkLayout places its boxes
// by: a line, the margin, the widest number of each kind, the values under a node and a target
// box.
struct NetworkMeasures {
    // The texts of `topology` in `labelFont` with `digits` significant digits, its numbers as
    // wide as `numbers` (those left empty: the widest at `digits`), the values under a node in
    // two columns when `twoColumns`.
    static NetworkMeasures measure(const core::Topology& topology, const QFont& labelFont,
                                   int digits, const WidestNumbers& numbers, bool twoColumns);

    QFontMetricsF metrics;     // of the label font
    qreal line;                // the label font's line spacing
    qreal margin;              // kept free at the view's edges
    int digits;                // significant digits of the numbers shown
    QString parameter;         // the widest parameter value
    QString gradient;          // the widest gradient
    QString node;              // the widest node value, share, input, target or error
    NetworkNodeValues values;  // where the values under a node go
    QSizeF target;             // a target box
};

}  // namespace ui
