#include "networkmeasures.h"

#include "fitting.h"

namespace ui {

QString widestNumber(const QFontMetricsF& metrics, int digits) {
    const QString mantissa = digits > 1 ? "8." + QString(digits - 1, '8') : QStringLiteral("8");
    const QString exponentForm = "-" + mantissa + "e+308";
    const QString fixedForm = "-0.000" + QString(digits, '8');
    return metrics.horizontalAdvance(exponentForm) >= metrics.horizontalAdvance(fixedForm)
               ? exponentForm
               : fixedForm;
}

NetworkMeasures NetworkMeasures::measure(const core::Topology& topology, const QFont& labelFont,
                                         int digits, const WidestNumbers& numbers,
                                         bool twoColumns) {
    const QFontMetricsF metrics(labelFont);
    const QString widest = widestNumber(metrics, digits);
    const auto orWidest = [&](const QString& text) { return text.isEmpty() ? widest : text; };
    const QString number = orWidest(numbers.nodes);
    const qreal line = metrics.lineSpacing();
    const int last = topology.layerCount() - 1;
    const QString output =
        QString::fromStdString(topology.nodeName(last, topology.layerSize(last) - 1));
    return {metrics,
            line,
            line * kMarginLines,
            digits,
            orWidest(numbers.parameters),
            orWidest(numbers.gradients),
            number,
            NetworkNodeValues(labelFont, number, twoColumns),
            textBoxSize(metrics, {"target " + number, "E_" + output + " " + number})};
}

}  // namespace ui
