#pragma once

#include <QString>

#include "trainingcontroller.h"

namespace ui {

// What the window writes about the stable rate (TrainingController::stableRate) and the regime a
// dragged rate's preview predicts: the learning-rate control and the loss plot say the same.

// "stable below 54.7", "no local limit" (lambda_max <= 0), "computing…" while no measure of the
// problem shown has come, "stable rate unknown" where the values are not finite.
QString stableRateLabel(const TrainingController& model);
// One or two sentences on what the stable rate means and that it is local, then where it was
// measured: the tooltip of the mark and of its label.
QString stableRateExplanation(const TrainingController& model);
// "converges", "oscillates", "stalls", "diverges", "blows up"; empty for Starting.
QString predictedRegimeName(core::Regime regime);
// The preview's own regime against the stable rate: "oscillates (lr 80 > stable 54.7)"; empty
// while no whole preview is shown.
QString previewRegimeLabel(const TrainingController& model);

}  // namespace ui
