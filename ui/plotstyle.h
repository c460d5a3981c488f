#pragma once

#include <QtGlobal>

class QCustomPlot;
class QPalette;

namespace ui {

// Styles `plot` for the theme in force and the zoom `zoom`: its background and axes from
// `colors` (base, text), the axes' texts `fontScale` times the application's font times the
// zoom, their pens, ticks and grid as wide as zoomedWidth says.
void stylePlot(QCustomPlot& plot, const QPalette& colors, qreal zoom, qreal fontScale);
// A pen's natural width `width` at `zoom`, thickened in high contrast (Palette::lineScale).
qreal zoomedWidth(qreal width, qreal zoom);

}  // namespace ui
