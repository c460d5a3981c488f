#include "pinnedrun.h"

#include <QCoreApplication>
#include <QStringList>

namespace ui {

namespace {

constexpr int kRatesInLabel = 3;  // rates a pinned run's label lists before eliding

}  // namespace

core::NetworkConfig problemOf(const core::NetworkConfig& config) {
    core::NetworkConfig problem = config;
    problem.learningRate = 0.0;
    problem.momentum = 0.0;
    return problem;
}

PinnedRun pinnedRunOf(const TrainingRun& run, const QString& name,
                      const core::NetworkConfig& config) {
    // The label names the rates of the run: "lr 0.5", or "lr 0.5 → 30 → … → 2".
    QStringList rates;
    for (const RateChange& change : run.rateChanges())
        rates.append(QString::number(change.learningRate, 'g', 4));
    if (rates.size() > kRatesInLabel)
        rates = rates.mid(0, kRatesInLabel - 1) + QStringList{"\u2026", rates.last()};
    QString label =
        QCoreApplication::translate("ui::TrainingController", "lr %1").arg(rates.join(" \u2192 "));
    if (config.momentum != 0.0)
        label += QCoreApplication::translate("ui::TrainingController", ", \u03b2 %1")
                     .arg(config.momentum, 0, 'g', 4);
    return {label, name, problemOf(config), run.losses().summary(PinnedRun::maximumPoints)};
}

}  // namespace ui
