#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "lossextremes.h"
#include "pinnedrun.h"

class QCPGraph;
class QCPItemText;
class QCustomPlot;

namespace ui {

class TrainingController;

// The model's pinned runs drawn on a loss plot: faded curves, each labelled at its end with its
// learning rates (and its problem's name when it ran on another problem).
class PinnedRuns {
public:
    explicit PinnedRuns(QCustomPlot* plot) : plot_(plot) {}

    // Draws the model's pinned runs in place of those drawn before.
    void show(const TrainingController& model);
    // The labels as drawn, oldest first.
    QStringList labels() const;
    // Widens `extremes` and `lastIteration` to take in the runs of the current problem (a run
    // kept from another problem is drawn but does not set the view).
    void include(LossExtremes& extremes, long long& lastIteration) const;

private:
    struct Run {
        QCPGraph* graph;
        QCPItemText* label;
        LossExtremes extremes;
        long long last;
        bool sameProblem;
    };
    void clear();

    QCustomPlot* plot_;
    std::vector<Run> runs_;
};

}  // namespace ui
