#include "pinnedruns.h"

#include <qcustomplot.h>

#include "palette.h"
#include "plotstyle.h"
#include "trainingcontroller.h"

namespace ui {

void PinnedRuns::show(const TrainingController& model) {
    clear();
    for (const PinnedRun& pin : model.pins()) {
        if (pin.points.empty()) continue;
        const QColor color = Palette::pinnedRun(int(runs_.size()));
        const bool same = model.isCurrentProblem(pin);
        Run run{plot_->addGraph(), new QCPItemText(plot_), {}, pin.points.back().iteration, same};
        run.graph->setPen(QPen(color, zoomedWidth(1, model.zoomFactor()),
                               Palette::seriesStyle(int(runs_.size()))));
        run.label->setObjectName("pinnedRunLabel");
        QVector<QCPGraphData> data;
        data.reserve(int(pin.points.size()));
        for (const auto& point : pin.points) {
            data.append({double(point.iteration), point.loss});
            run.extremes.add(point.loss);
        }
        run.graph->data()->set(data, true);
        run.label->position->setCoords(double(pin.points.back().iteration), pin.points.back().loss);
        run.label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        run.label->setColor(color.darker(130));
        run.label->setFont(plot_->xAxis->tickLabelFont());
        run.label->setText(same ? pin.label : pin.problemName + ": " + pin.label);
        runs_.push_back(run);
    }
}

void PinnedRuns::clear() {
    for (const Run& run : runs_) {
        plot_->removeGraph(run.graph);
        plot_->removeItem(run.label);
    }
    runs_.clear();
}

QStringList PinnedRuns::labels() const {
    QStringList names;
    for (const Run& run : runs_)
        names.append(run.label->text());
    return names;
}

void PinnedRuns::include(LossExtremes& extremes, long long& lastIteration) const {
    for (const Run& run : runs_) {
        if (!run.sameProblem) continue;
        extremes.add(run.extremes);
        lastIteration = std::max(lastIteration, run.last);
    }
}

}  // namespace ui
