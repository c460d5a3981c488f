#pragma once

#include <QString>
#include <optional>

#include "core/stepreveal.h"
#include "networkitem.h"

namespace ui {

// Every partial of `item` at this step, as rich text: a node's net, out, dE/dout, dout/dnet and
// delta in sample `sample`; a parameter's value, dnet/dp, dE/dp (per sample and for the batch)
// and its update; with `finiteDifference`, that estimate of dE/dp beside backpropagation's and
// their difference. Values not computed yet show "?".
QString describeItem(const core::StepReveal& reveal, const NetworkItem& item, int sample,
                     int digits, std::optional<double> finiteDifference = std::nullopt);

}  // namespace ui
