#pragma once

#include <QString>

#include "core/explanation.h"
#include "core/stepsummary.h"

namespace ui {

// The summaries the equation panel shows when a phase or a step is done, as Qt rich text, and
// as the plain text its Copy button gives. A large network's step computes millions of values:
// a summary lists the first summaryRows and says how many more there are.

// The most values a summary lists.
constexpr int summaryRows = 256;

// The values the phase `phase` of `terms` computed, one row each: "out_h1 = 0.593269992".
QString phaseSummaryHtml(const core::Explanation& terms, core::Phase phase);
QString phaseSummaryText(const core::Explanation& terms, core::Phase phase);

// What a step did: "E_total 0.298371109 → 0.291027774", then each parameter's update with its
// gradient: "w5: 0.4 → 0.35891648   ∂E_total/∂w5 = 0.0821670406".
QString stepSummaryHtml(const core::StepSummary& summary, int digits);
QString stepSummaryText(const core::StepSummary& summary, int digits);

}  // namespace ui
