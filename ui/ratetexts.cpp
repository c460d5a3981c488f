#include "ratetexts.h"

#include <QCoreApplication>

namespace ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("RateTexts", text);
}

// A rate as the labels write it: three significant digits ("54.7", "0.0123", "1.23e+04").
QString rateText(double rate) {
    return QString::number(rate, 'g', 3);
}

}  // namespace

QString stableRateLabel(const TrainingController& model) {
    const auto& curvature = model.curvature();
    if (!curvature) return tr("stable rate: computing\u2026");
    if (!curvature->finite) return tr("stable rate unknown");
    if (const auto rate = model.stableRate()) return tr("stable below %1").arg(rateText(*rate));
    return tr("no local limit");
}

QString stableRateExplanation(const TrainingController& model) {
    QString text =
        tr("Near the current state, steps with a learning rate below this are stable along every "
           "direction: lr < 2(1+\u03b2)/\u03bbmax, \u03bbmax the largest curvature of the loss "
           "(Hessian eigenvalue). It is local: the worked example's sigmoids saturate, so it "
           "converges even far above its mark.");
    const auto& curvature = model.curvature();
    if (!curvature) return text;
    if (!curvature->finite)
        return text + "\n" +
               tr("At iteration %1 the values are not finite.").arg(model.curvatureIteration());
    return text + "\n" +
           tr("At iteration %1: \u03bbmax = %2, \u03b2 = %3.")
               .arg(model.curvatureIteration())
               .arg(curvature->lambdaMax, 0, 'g', 4)
               .arg(model.momentum());
}

QString predictedRegimeName(core::Regime regime) {
    switch (regime) {
        case core::Regime::Starting:
            return {};
        case core::Regime::Converging:
            return tr("converges");
        case core::Regime::Oscillating:
            return tr("oscillates");
        case core::Regime::Stalled:
            return tr("stalls");
        case core::Regime::Diverging:
            return tr("diverges");
        case core::Regime::Diverged:
            return tr("blows up");
    }
    return {};
}

QString previewRegimeLabel(const TrainingController& model) {
    if (!model.isDraggingRate() || model.previewLosses().empty()) return {};
    const QString name = predictedRegimeName(model.previewRegime());
    if (name.isEmpty()) return {};
    const auto stable = model.stableRate();
    if (!stable) return name;
    const double rate = model.learningRate();
    return tr("%1 (lr %2 %3 stable %4)")
        .arg(name, rateText(rate), rate < *stable ? "<" : "\u2265", rateText(*stable));
}

}  // namespace ui
