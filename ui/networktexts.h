#pragma once

#include <QFontMetricsF>
#include <QString>

#include "core/stepreveal.h"
#include "painting.h"

namespace ui {

// The widest number of each kind a drawing shows, as text: what its boxes make room for. Empty
// texts stand for the widest number %g writes at the digits shown.
struct WidestNumbers {
    QString parameters;  // weights and biases, before and after the update
    QString gradients;   // dE/dw and dE/db
    QString nodes;       // node values, path shares, inputs, targets and errors

    bool operator==(const WidestNumbers&) const = default;
};

// What the network view writes at a position: every label, line and value, with the digits and
// the sample shown; "?" for a value not computed yet, "—" for one never computed.
class NetworkTexts {
public:
    NetworkTexts(const core::StepReveal& reveal, int sample, int digits, bool compact);

    // A weight's (or bias's) label in parts: name, value, direction or "(fixed)", new value
    // once its update is revealed, gradient.
    ParameterText parameter(bool weight, int index) const;
    // Its two lines: "w5 = 0.4 ▼" over "∂E/∂w5 = 0.08217"; after the update "w5: 0.4 → 0.3589".
    QString parameterLabel(bool weight, int index) const {
        return ui::parameterLabel(parameter(weight, index), compact_);
    }
    // The path share on weight `weight`'s edge, "δ·w5 = 0.0554"; empty while not computed
    // (and for an edge out of an input, which has none).
    QString share(int weight) const;
    // A node's value on line `line` (an input's value for any line).
    QString nodeValue(int layer, int node, NodeLine line) const;
    // The two lines beside output `output`: "target 0.01" and "E_o1 0.2748".
    QString target(int output) const;
    QString outputError(int output) const;
    // E_total's value.
    QString loss() const;
    bool compact() const { return compact_; }

    // The widest numbers of each kind the view may write for `step` at `digits` (every sample,
    // the values before and after the update), as `metrics` measures them; all empty for a step
    // too large to scan.
    static WidestNumbers widestNumbers(const core::StepSnapshot& step, int digits,
                                       const QFontMetricsF& metrics);
    // Whether some number of `more` is wider than its kind in `less`, as `metrics` measures.
    static bool isWider(const WidestNumbers& more, const WidestNumbers& less,
                        const QFontMetricsF& metrics);

private:
    QString number(double value) const;
    QString text(const core::QuantityRef& ref) const;

    const core::StepReveal& reveal_;
    int sample_;
    int digits_;
    bool compact_;
};

}  // namespace ui
