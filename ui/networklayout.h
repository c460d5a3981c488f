#pragma once

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "core/topology.h"
#include "networkitem.h"
#include "networklegend.h"

namespace ui {

// Where every part of a network's drawing goes: nodes in one column per layer, one bias node
// per non-input layer below the column before it, a label box on every edge, targets beside the
// outputs, E_total in the top right corner and the legend at the bottom. Every box is sized for
// the widest number at the digits shown and lies inside the view. Label boxes never overlap one
// another or a node: a search slides each along its edge to a free place, and all labels shrink
// until they fit. Dense networks get short labels before the font shrinks further. Depends only
// on the shape, the size, the font, the digits shown and the legend's text, so it stays put
// while training runs.
class NetworkLayout {
public:
    NetworkLayout() = default;
    NetworkLayout(const core::Topology& topology, QSizeF size, const QFont& font, int digits,
                  NetworkLegend legend);

    // The radius of a node's circle (a bias node's is smaller).
    qreal nodeRadius() const { return radius_; }
    // The radius of a bias node's circle.
    qreal biasNodeRadius() const;
    // The centre of node `index` of `layer`.
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
    // The heading's text for E_total's value `value`: "E_total = 0.2984".
    static QString lossText(const QString& value);
    // The heading "E_total = ..." in the top right corner.
    QRectF lossBox() const { return lossBox_; }
    // The heading's font: bold, twice the label font, smaller when that is too wide for the view.
    const QFont& lossFont() const { return lossFont_; }
    // The legend at the bottom, placed.
    const NetworkLegend& legend() const { return legend_; }
    // The font of node texts and labels (the widget's, shrunk when space is short).
    const QFont& labelFont() const { return labelFont_; }
    // Whether labels use the short form ("0.4 ▼" over "∂ 0.08217") to fit a dense network.
    bool compactLabels() const { return compact_; }
    // Every box that must stay clear of the others: labels, node texts, targets, E_total and the
    // legend's lines and texts.
    std::vector<QRectF> labelBoxes() const;
    // What is drawn at `position`: a label, a node or bias node, E_total, or an edge.
    NetworkItem itemAt(const core::Topology& topology, QPointF position) const;
    // Every node and bias node as its circle's bounding box.
    std::vector<QRectF> nodeBoxes() const;

private:
    struct Measures;   // text sizes at the label font
    struct Grid;       // where the columns and rows go
    struct EdgeLabel;  // a label to be placed along its edge
    class Occupancy;   // the boxes placed so far

    // Places everything at the current label font; false if a box found no free place.
    bool place(const core::Topology& topology, QSizeF size, int digits);
    // Sizes of the texts at the label font, and the spacing that follows from it.
    Measures measure(const core::Topology& topology, int digits) const;
    // E_total at the top right, its font shrunk until it fits between the margins.
    void placeHeader(QSizeF size, const Measures& measures);
    // The region between header and footer that the network fills.
    QRectF networkArea(QSizeF size, const Measures& measures) const;
    // The node radius and the columns and rows, spread across `area`.
    Grid sizeGrid(const core::Topology& topology, const QRectF& area, const Measures& measures);
    // Nodes, bias nodes and the texts under nodes, in columns spread across `area`.
    void placeNodes(const core::Topology& topology, const QRectF& area, const Measures& measures);
    // The target boxes beside the outputs.
    void placeTargets(const core::Topology& topology, const Measures& measures);
    // Takes everything placed so far; false if any of it overlaps or leaves the view.
    bool takeFixedBoxes(Occupancy& occupancy) const;
    // Shared biases' labels beside their bias nodes; false if one found no free place.
    bool placeBiasLabels(const core::Topology& topology, const Measures& measures,
                         Occupancy& occupancy);
    // Every weight's label on its edge, and with biases per node every bias's on its edge.
    bool placeEdgeLabels(const core::Topology& topology, const Measures& measures,
                         Occupancy& occupancy);
    // Room for the two lines of a weight's or a bias's label, full ("w5 = .. new" over
    // "∂E/∂w5 = ..") or short.
    QSizeF labelSize(const Measures& measures, const std::string& name, bool weight) const;
    // Places every label on its edge clear of all else; false if that took too many tries.
    static bool searchEdgePlaces(const std::vector<EdgeLabel>& labels, Occupancy& occupancy);
    // Each label at its first free place, or the middle of its edge; false if one had none.
    static bool placeFirstFree(const std::vector<EdgeLabel>& labels, Occupancy& occupancy);

    qreal radius_ = 0;
    QFont labelFont_;
    QFont lossFont_;
    bool compact_ = false;
    std::vector<std::vector<QPointF>> nodes_;
    std::vector<std::vector<QRectF>> nodeTexts_;
    std::vector<QPointF> biasNodes_;
    std::vector<QRectF> weightLabels_;
    std::vector<QRectF> biasLabels_;
    std::vector<QRectF> targetBoxes_;
    QRectF lossBox_;
    NetworkLegend legend_;
};

}  // namespace ui
