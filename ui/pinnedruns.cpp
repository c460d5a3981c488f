#include "pinnedruns.h"

#include <qcustomplot.h>

#include "palette.h"

namespace ui {

bool PinnedRuns::add(const std::vector<core::LossHistory::Point>& points, const QString& label) {
    if (count() >= maximum || points.empty()) return false;
    // Faded colours of the palette, one per run.
    static const QColor colors[] = {Palette::negative(),      Palette::target(),
                                    Palette::marker(),        Palette::highlight(),
                                    QColor(0x56, 0xB4, 0xE9), QColor(0x80, 0x80, 0x80),
                                    QColor(0xF0, 0xE4, 0x42), QColor(0x33, 0x33, 0x33)};
    QColor color = colors[runs_.size() % std::size(colors)];
    color.setAlpha(140);
    Run run{plot_->addGraph(), new QCPItemText(plot_), label, {}, points.back().iteration};
    run.graph->setPen(QPen(color, 1));
    QVector<QCPGraphData> data;
    for (const auto& point : points) {
        data.append({double(point.iteration), point.loss});
        run.extremes.add(point.loss);
    }
    run.graph->data()->set(data, true);
    run.label->position->setCoords(double(points.back().iteration), points.back().loss);
    run.label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    run.label->setColor(color.darker(130));
    run.label->setFont(plot_->xAxis->tickLabelFont());
    run.label->setText(label);
    runs_.push_back(run);
    return true;
}

void PinnedRuns::remove(int index) {
    if (index < 0 || index >= count()) return;
    plot_->removeGraph(runs_[index].graph);
    plot_->removeItem(runs_[index].label);
    runs_.erase(runs_.begin() + index);
}

QStringList PinnedRuns::labels() const {
    QStringList names;
    for (const Run& run : runs_)
        names.append(run.name);
    return names;
}

void PinnedRuns::include(LossExtremes& extremes, long long& lastIteration) const {
    for (const Run& run : runs_) {
        extremes.add(run.extremes);
        lastIteration = std::max(lastIteration, run.last);
    }
}

}  // namespace ui
