#include "networktexts.h"

#include <QCoreApplication>
#include <algorithm>
#include <span>
#include <vector>

#include "core/markup.h"

namespace ui {

NetworkTexts::NetworkTexts(const core::StepReveal& reveal, int sample, int digits, bool compact)
    : reveal_(reveal), sample_(sample), digits_(digits), compact_(compact) {}

QString NetworkTexts::number(double value) const {
    return QString::fromStdString(core::formatNumber(value, digits_));
}

QString NetworkTexts::text(const core::QuantityRef& ref) const {
    return QString::fromStdString(reveal_.text(ref, digits_));
}

// The value before the step; the direction the update will move it once the gradient is
// known, "(fixed)" for a bias that does not train; the new value once the update is revealed.
ParameterText NetworkTexts::parameter(bool weight, int index) const {
    using core::Quantity;
    const core::StepSnapshot& step = reveal_.step();
    const core::QuantityRef gradientRef{
        .quantity = weight ? Quantity::DLoss_dWeight : Quantity::DLoss_dBias, .parameter = index};
    const core::QuantityRef updateRef{.quantity = weight ? Quantity::NewWeight : Quantity::NewBias,
                                      .parameter = index};
    ParameterText parts;
    parts.name = QString::fromStdString(weight ? step.topology().weightName(index)
                                               : step.topology().biasName(index));
    parts.value = number(weight ? step.weightsBefore()[index] : step.biasesBefore()[index]);
    parts.gradient = text(gradientRef);
    if (!weight && !step.trainsBiases()) {
        parts.note = fixedNote();
        parts.gradient = QStringLiteral("\u2014");  // frozen: never computed
    } else if (reveal_.isKnown(updateRef)) {
        parts.newValue = number(step.value(updateRef));
    } else if (reveal_.isKnown(gradientRef)) {
        parts.note = updateArrow(step.value(gradientRef));
    }
    return parts;
}

QString NetworkTexts::share(int weight) const {
    const core::Topology& topology = reveal_.step().topology();
    const core::WeightEnds ends = topology.weightEnds(weight);
    if (ends.layer < 2) return {};
    const core::QuantityRef ref{.quantity = core::Quantity::PathDLoss_dOut,
                                .sample = sample_,
                                .layer = ends.layer - 1,
                                .node = ends.source,
                                .via = ends.destination};
    if (!reveal_.isKnown(ref)) return {};
    return shareLabel(QString::fromStdString(topology.weightName(weight)), text(ref), compact_);
}

QString NetworkTexts::nodeValue(int layer, int node, NodeLine line) const {
    using core::Quantity;
    if (layer == 0) return "= " + number(reveal_.step().samples()[sample_].input[node]);
    static constexpr Quantity kQuantities[] = {Quantity::Net, Quantity::Out, Quantity::DLoss_dOut,
                                               Quantity::DOut_dNet, Quantity::Delta};
    return text({kQuantities[static_cast<int>(line)], sample_, layer, node});
}

QString NetworkTexts::target(int output) const {
    return QCoreApplication::translate("NetworkView", "target %1")
        .arg(number(reveal_.step().samples()[sample_].target[output]));
}

QString NetworkTexts::outputError(int output) const {
    const int last = reveal_.step().topology().layerCount() - 1;
    return "E_" + QString::fromStdString(reveal_.step().topology().nodeName(last, output)) + " " +
           text({core::Quantity::OutputError, sample_, last, output});
}

namespace {

// The widest of `values` written with `digits`: of the longest texts, the widest measured
// (measuring is the dearer part).
QString widest(const std::vector<double>& values, int digits, const QFontMetricsF& metrics) {
    std::vector<std::string> longest;
    for (const double value : values) {
        std::string text = core::formatNumber(value, digits);
        if (!longest.empty() && text.size() < longest.front().size()) continue;
        if (!longest.empty() && text.size() > longest.front().size()) longest.clear();
        if (std::find(longest.begin(), longest.end(), text) == longest.end())
            longest.push_back(std::move(text));
    }
    QString widestText;
    qreal widestWidth = -1;
    for (const std::string& text : longest) {
        const qreal width = metrics.horizontalAdvance(QString::fromStdString(text));
        if (width > widestWidth) widestText = QString::fromStdString(text), widestWidth = width;
    }
    return widestText;
}

}  // namespace

WidestNumbers NetworkTexts::widestNumbers(const core::StepSnapshot& step, int digits,
                                          const QFontMetricsF& metrics) {
    constexpr std::size_t kMostScanned = 2000;  // numbers scanned before giving up (~0.5 ms)
    const core::Topology& topology = step.topology();
    const std::size_t perSample = std::size_t(topology.nodeCount()) * core::kNodeFieldCount +
                                  topology.weightCount() + 2 * topology.outputCount();
    if (perSample * step.sampleCount() > kMostScanned) return {};
    std::vector<double> parameters, gradients, nodes;
    const auto add = [](std::vector<double>& to, std::span<const double> more) {
        to.insert(to.end(), more.begin(), more.end());
    };
    add(parameters, step.weightsBefore());
    add(parameters, step.weightsAfter());
    add(parameters, step.biasesBefore());
    add(parameters, step.biasesAfter());
    add(gradients, step.dLoss_dWeights());
    add(gradients, step.dLoss_dBiases());
    const int last = topology.layerCount() - 1;
    for (int s = 0; s < step.sampleCount(); ++s) {
        add(nodes, step.samples()[s].input);
        add(nodes, step.samples()[s].target);
        for (int k = 0; k < topology.outputCount(); ++k)
            nodes.push_back(step.outputError(s, k));
        for (int l = 1; l < topology.layerCount(); ++l)
            for (int n = 0; n < topology.layerSize(l); ++n) {
                const core::NodeValues v = step.node(s, l, n);
                nodes.insert(nodes.end(), {v.net, v.out, v.dLoss_dOut, v.dOut_dNet, v.delta});
                if (l < last)
                    for (int k = 0; k < topology.layerSize(l + 1); ++k)
                        nodes.push_back(step.value({.quantity = core::Quantity::PathDLoss_dOut,
                                                    .sample = s,
                                                    .layer = l,
                                                    .node = n,
                                                    .via = k}));
            }
    }
    return {widest(parameters, digits, metrics), widest(gradients, digits, metrics),
            widest(nodes, digits, metrics)};
}

bool NetworkTexts::isWider(const WidestNumbers& more, const WidestNumbers& less,
                           const QFontMetricsF& metrics) {
    const auto wider = [&](const QString& one, const QString& other) {
        // An empty text stands for the widest number there is.
        if (one.isEmpty() || other.isEmpty()) return one.isEmpty() && !other.isEmpty();
        return metrics.horizontalAdvance(one) > metrics.horizontalAdvance(other);
    };
    return wider(more.parameters, less.parameters) || wider(more.gradients, less.gradients) ||
           wider(more.nodes, less.nodes);
}

QString NetworkTexts::loss() const {
    return text({core::Quantity::Loss});
}

}  // namespace ui
