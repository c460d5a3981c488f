#pragma once

#include <QRectF>
#include <vector>

#include "trainingcontroller.h"

class QCPItemText;
class QCustomPlot;

namespace ui {

// The loss plot's notes on the rate: the stable rate in the corner beside the regime's name
// ("stable below 54.7", in the stable rate's colour), and the regime the dashed preview of a
// dragged rate predicts, at the preview's end ("oscillates (lr 80 ≥ stable 54.7)"). Their texts
// are named "stableRateLabel" and "previewRegimeLabel".
class LossPlotNotes {
public:
    // Texts on `plot`, the corner one anchored under `regimeLabel`.
    LossPlotNotes(QCustomPlot* plot, QCPItemText* regimeLabel);

    void showStableRate(const TrainingController& model);
    // At the preview's last point (iteration, loss) when it is shown.
    void showPreviewRegime(const TrainingController& model);
    // Takes the regime label's font (without its weight) and padding, and the colours of the
    // theme in force: at the start, and after a new zoom or theme.
    void restyle(const QCPItemText& regimeLabel);
    // Where the notes are drawn, in pixels, for the labels placed around them.
    std::vector<QRectF> occupied() const;

private:
    QCustomPlot* plot_;
    QCPItemText* stableRate_;
    QCPItemText* previewRegime_;
};

}  // namespace ui
