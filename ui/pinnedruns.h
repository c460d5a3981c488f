#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "core/losshistory.h"
#include "lossextremes.h"

class QCPGraph;
class QCPItemText;
class QCustomPlot;

namespace ui {

// The runs pinned on a loss plot: faded curves, each labelled at its end (with its learning
// rate), kept to compare runs from the same start.
class PinnedRuns {
public:
    static constexpr int maximum = 8;

    explicit PinnedRuns(QCustomPlot* plot) : plot_(plot) {}

    // Pins `points` as a run called `label`; false when `maximum` runs are pinned already.
    bool add(const std::vector<core::LossHistory::Point>& points, const QString& label);
    void remove(int index);
    int count() const { return int(runs_.size()); }
    QStringList labels() const;
    // Widens `extremes` and `lastIteration` to take in every pinned run.
    void include(LossExtremes& extremes, long long& lastIteration) const;

private:
    struct Run {
        QCPGraph* graph;
        QCPItemText* label;
        QString name;
        LossExtremes extremes;
        long long last;
    };

    QCustomPlot* plot_;
    std::vector<Run> runs_;
};

}  // namespace ui
