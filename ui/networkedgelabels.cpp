#include "networkedgelabels.h"

#include <algorithm>

#include "fitting.h"
#include "painting.h"

namespace ui {

namespace {

// The room kept free around a full label, in lines, to keep neighbours apart.
constexpr qreal kRoomWidthLines = 0.3;
constexpr qreal kRoomHeightLines = 0.2;
// Pixels between a shared bias node and its label, beyond the room kept round both.
constexpr qreal kLabelGap = 2;
// The smallest a label's first line is written once its update shows ("w5: 0.4 → 0.3589").
constexpr qreal kUpdatedLineScale = 0.85;
// Where along its edge a label is best: a weight's or bias's in the middle, a share's nearer
// the node it flows back to.
constexpr qreal kParameterPlace = 0.5;
constexpr qreal kSharePlace = 0.35;

}  // namespace

NetworkEdgeLabels::NetworkEdgeLabels(const core::Topology& topology, const Style& style,
                                     const Drawing& drawing)
    : style_(style), metrics_(style.font) {
    const qreal line = metrics_.lineSpacing();
    room_ = style.compact ? QSizeF(0, 0) : QSizeF(line * kRoomWidthLines, line * kRoomHeightLines);
    using Kind = NetworkLayout::Label::Kind;
    for (int w = 0; w < topology.weightCount(); ++w)
        add(Kind::Weight, w,
            NetworkLabelPlacer::alongEdge(drawing.edges[w].line,
                                          parameterSize(topology.weightName(w), false),
                                          kParameterPlace, line),
            {w});
    // The bias edges follow the weights, layer by layer.
    const int firstBiasEdge = topology.weightCount() - topology.inputCount();
    for (int b = 0; b < topology.biasCount(); ++b) {
        const int layer = topology.biasLayer(b);
        const QSizeF size = parameterSize(topology.biasName(b), true);
        std::vector<int> own;
        for (int n = 0; n < topology.layerSize(layer); ++n)
            if (topology.biasIndex(layer, n) == b)
                own.push_back(firstBiasEdge + topology.nodeIndex(layer, n));
        if (topology.biasMode() == core::BiasMode::Shared)
            add(Kind::Bias, b,
                NetworkLabelPlacer::besidePoint(
                    drawing.biasNodes[layer], drawing.biasNodeRadius, size,
                    kLabelGap + drawing.nodeClearance + room_.width() / 2),
                own);
        else
            add(Kind::Bias, b,
                NetworkLabelPlacer::alongEdge(drawing.edges[own.front()].line, size,
                                              kParameterPlace, line),
                own);
    }
    for (int w = 0; w < topology.weightCount() && style.shares; ++w) {
        if (topology.weightEnds(w).layer < 2) continue;
        const QString text =
            shareLabel(QString::fromStdString(topology.weightName(w)), style.share, style.compact);
        add(Kind::Share, w,
            NetworkLabelPlacer::alongEdge(drawing.edges[w].line, textBoxSize(metrics_, {text}),
                                          kSharePlace, line),
            {w});
    }
}

void NetworkEdgeLabels::add(NetworkLayout::Label::Kind kind, int index,
                            std::vector<NetworkLabelPlacer::Candidate> candidates,
                            std::vector<int> ownEdges) {
    labels_.push_back({kind, index, {}});
    requests_.push_back({std::move(candidates), std::move(ownEdges), room_});
}

QSizeF NetworkEdgeLabels::parameterSize(const std::string& name, bool bias) const {
    const ParameterText before{
        QString::fromStdString(name), style_.parameter, kDownArrow, {}, style_.gradient};
    QStringList texts = parameterLabel(before, style_.compact).split('\n');
    if (bias)
        texts += parameterLabel({before.name, before.value, fixedNote(), {}, {}}, style_.compact)
                     .section('\n', 0, 0);
    ParameterText after = before;
    after.newValue = style_.parameter;
    const qreal updated =
        metrics_.horizontalAdvance(parameterLabel(after, style_.compact).section('\n', 0, 0));
    return {std::max(textBoxSize(metrics_, texts).width(),
                     updated * kUpdatedLineScale + metrics_.averageCharWidth()),
            2 * metrics_.lineSpacing() + kTextPadding};
}

}  // namespace ui
