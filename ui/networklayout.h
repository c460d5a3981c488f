#pragma once

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

#include "core/topology.h"
#include "networkitem.h"

namespace ui {

// Where every part of a network's drawing goes: nodes in one column per layer, one bias node
// per non-input layer below the column before it, a label box on every edge, targets beside the
// outputs, the loss in a corner and a legend. Label boxes never overlap one another or a node:
// a search slides each along its edge to a free place, and all labels shrink until they fit.
// Dense networks get short labels before the font shrinks further. Depends only on the shape,
// the size, the font and the digits shown, so it stays put while training runs.
class NetworkLayout {
public:
    NetworkLayout() = default;
    NetworkLayout(const core::Topology& topology, QSizeF size, const QFont& font, int digits);

    qreal nodeRadius() const { return radius_; }
    QPointF node(int layer, int index) const { return nodes_[layer][index]; }
    // The lines under a node: net and out (an input: its value).
    QRectF nodeText(int layer, int index) const { return nodeTexts_[layer][index]; }
    // The bias node feeding `layer` (>= 1), drawn in the column before it.
    QPointF biasNode(int layer) const { return biasNodes_[layer]; }
    // The label of a weight's edge: its value and gradient.
    QRectF weightLabel(int weight) const { return weightLabels_[weight]; }
    // The label of a bias: beside its bias node when shared, on its edge when per node.
    QRectF biasLabel(int bias) const { return biasLabels_[bias]; }
    // The box beside output `output` with its target and error.
    QRectF targetBox(int output) const { return targetBoxes_[output]; }
    QRectF lossBox() const { return lossBox_; }
    QRectF legendBox() const { return legendBox_; }
    // The font of node texts and labels (the widget's, shrunk when space is short).
    const QFont& labelFont() const { return labelFont_; }
    // Whether labels use the short form ("0.4 ▼" over "∂ 0.08217") to fit a dense network.
    bool compactLabels() const { return compact_; }
    // Every box that must stay clear of the others: labels, node texts and targets.
    std::vector<QRectF> labelBoxes() const;
    // What is drawn at `position`: a label, a node or bias node, E_total, or an edge.
    NetworkItem itemAt(const core::Topology& topology, QPointF position) const;
    // Every node and bias node as its circle's bounding box.
    std::vector<QRectF> nodeBoxes() const;

private:
    // Places everything; false if a label found no free place.
    bool place(const core::Topology& topology, QSizeF size, int digits);

    qreal radius_ = 0;
    QFont labelFont_;
    bool compact_ = false;
    std::vector<std::vector<QPointF>> nodes_;
    std::vector<std::vector<QRectF>> nodeTexts_;
    std::vector<QPointF> biasNodes_;
    std::vector<QRectF> weightLabels_;
    std::vector<QRectF> biasLabels_;
    std::vector<QRectF> targetBoxes_;
    QRectF lossBox_;
    QRectF legendBox_;
};

}  // namespace ui
