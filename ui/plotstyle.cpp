#include "plotstyle.h"

#include <qcustomplot.h>
#include <QApplication>
#include <cmath>

#include "fitting.h"
#include "palette.h"

namespace ui {

namespace {

constexpr int kTickLength = 5;     // QCustomPlot's own, in pixels at 100%
constexpr int kSubTickLength = 2;  // the same for sub-ticks
constexpr int kGridAlpha = 70;     // the grid's opacity over the background

}  // namespace

qreal zoomedWidth(qreal width, qreal zoom) {
    return width * zoom * Palette::lineScale();
}

void stylePlot(QCustomPlot& plot, const QPalette& colors, qreal zoom, qreal fontScale) {
    const QColor text = colors.color(QPalette::Text);
    plot.setBackground(colors.brush(QPalette::Base));
    const QFont font = scaled(QApplication::font(), fontScale * zoom);
    const QPen pen(text, zoomedWidth(1, zoom));
    QList<QCPAxis*> axes = plot.axisRect()->axes();
    for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
        if (auto* scale = qobject_cast<QCPColorScale*>(element)) axes.append(scale->axis());
    for (QCPAxis* axis : axes) {
        axis->setBasePen(pen);
        axis->setTickPen(pen);
        axis->setSubTickPen(pen);
        axis->setTickLength(0, int(std::lround(kTickLength * zoom)));
        axis->setSubTickLength(0, int(std::lround(kSubTickLength * zoom)));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setLabelFont(font);
        axis->setTickLabelFont(font);
        axis->grid()->setPen(
            QPen(Palette::withAlpha(text, kGridAlpha), zoomedWidth(1, zoom) / 2, Qt::DotLine));
        axis->grid()->setSubGridPen(Qt::NoPen);
    }
}

}  // namespace ui
