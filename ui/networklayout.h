#pragma once

#include <QFont>
#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/topology.h"
#include "networkitem.h"
#include "networklegend.h"
#include "networknodevalues.h"
#include "networktexts.h"
#include "painting.h"

namespace ui {

struct NetworkMeasures;

// Where every part of a network's drawing goes: nodes in one column per layer, aligned in rows,
// with their values under them; one bias node per non-input layer in a row at the bottom,
// between the column before it and its own; a label for every weight and bias, and for every
// path share, on or beside its edge; targets beside the outputs, E_total in the bottom right
// corner and the legend along the bottom. Every box is sized for the widest number it may show
// (given, or the widest at the digits shown; E_total's always the widest at the digits) and lies
// inside the view. No label overlaps another box or a node, nor touches an edge it does not
// belong to (a search tries places along its edge, then beside it with a leader line). Texts
// shrink until everything fits; a dense network gets short labels, its values in two columns,
// no labels for the path shares, and at last labels only where they fit. A network too dense to
// show its values readably (the largest: 64 nodes a layer) keeps a readable font and leaves the
// values under nodes out, its nodes small dots; a network of over 1,024 edges has no edge labels
// (hovering shows an edge's, or a node's, numbers). Depends only on the
// shape, the size, the font, the digits, the widest numbers and the legend's text, so it stays
// put while training runs (as long as the numbers fit).
class NetworkLayout {
public:
    // How the five values under a node are set: in one column, or in two (net and out on the
    // left, the backward values on the right) when height is short; or left out, when even two
    // columns would need too small a font.
    enum class NodeValues { Stacked, TwoColumns, Omitted };
    // An edge of the drawing: weight `weight`'s, or (weight -1) the one from the bias node of
    // `layer` into node `node` of it.
    struct Edge {
        QLineF line;
        int weight = -1;
        int layer = -1;
        int node = -1;
    };
    // A label on or beside an edge: a weight's, a bias's or the share of the path along weight
    // `index`'s edge; off its edge it has a leader line to it.
    struct Label {
        enum class Kind { Weight, Bias, Share };
        Kind kind = Kind::Weight;
        int index = -1;
        QRectF box;
        std::optional<QLineF> leader = std::nullopt;
    };

    NetworkLayout() = default;
    // Whether `topology` has too many edges (over 1,024) for labels, arrows and widths: its
    // edges are drawn as thin lines, and an edge's numbers show when it is hovered.
    static bool hasDenseEdges(const core::Topology& topology);
    // The layout of `topology` in a view of `size` whose font is `font`, its numbers as wide as
    // `numbers` (those left empty: the widest %g writes at `digits`).
    NetworkLayout(const core::Topology& topology, QSizeF size, const QFont& font, int digits,
                  NetworkLegend legend, WidestNumbers numbers = {});

    // The radius of a node's circle (a bias node's is smaller).
    qreal nodeRadius() const { return radius_; }
    // Whether node names fit in their circles (not in the small dots of a network too dense).
    bool showsNodeNames() const { return nodeValues_ != NodeValues::Omitted; }
    // The radius of a bias node's circle.
    qreal biasNodeRadius() const;
    // The centre of node `index` of `layer`.
    QPointF node(int layer, int index) const { return nodes_[layer][index].center; }
    // The box of the values under a node (an input: its value).
    QRectF nodeText(int layer, int index) const { return nodes_[layer][index].box; }
    // One value's line under a node (an input has only NodeLine::Out, its value).
    QRectF nodeLine(int layer, int index, NodeLine line) const {
        return nodes_[layer][index].lines[static_cast<int>(line)];
    }
    // Where the value of that line starts: its name is written right-aligned before it.
    qreal nodeValueLeft(int layer, int index, NodeLine line) const {
        return nodes_[layer][index].valueLeft[static_cast<int>(line)];
    }
    // How the values under nodes are set.
    NodeValues nodeValues() const { return nodeValues_; }
    // The bias node feeding `layer` (>= 1), in the bottom row before that layer's column.
    QPointF biasNode(int layer) const { return biasNodes_[layer]; }
    // The label of a weight's edge: its value and gradient. Empty for a label left out (a
    // dense network in a small view labels its edges only where labels fit).
    QRectF weightLabel(int weight) const { return labelBox(weightLabels_, weight); }
    // The label of a bias: beside its bias node when shared, on its edge when per node.
    QRectF biasLabel(int bias) const { return labelBox(biasLabels_, bias); }
    // The label of the path share on weight `weight`'s edge; empty for an edge out of an input,
    // and for every edge of a network too dense for them (hasShareLabels()).
    QRectF shareLabel(int weight) const { return labelBox(shareLabels_, weight); }
    // Whether the path shares have labels (a dense network's show only their arrows).
    bool hasShareLabels() const { return shares_; }
    // Whether every edge has its labels (a dense network in a small view has them only where
    // they fit).
    bool labelsEveryEdge() const { return !partial_; }
    // Every label on or beside an edge, with its leader line when it has one.
    const std::vector<Label>& labels() const { return labels_; }
    // Every edge: the weights' in order, then the bias edges layer by layer.
    const std::vector<Edge>& edges() const { return edges_; }
    // The box beside output `output` with its target and error.
    QRectF targetBox(int output) const { return targetBoxes_[output]; }
    // Its line `line`: 0 the target, 1 the error.
    QRectF targetLine(int output, int line) const;
    // The heading's text for E_total's value `value`: "E_total = 0.2984".
    static QString lossText(const QString& value);
    // The heading "E_total = ..." in the bottom right corner, below the targets.
    QRectF lossBox() const { return lossBox_; }
    // The heading's font: bold, twice the label font, smaller when that is too wide for its
    // corner.
    const QFont& lossFont() const { return lossFont_; }
    // The legend at the bottom, placed.
    const NetworkLegend& legend() const { return legend_; }
    // The font of node texts and labels (the widget's, shrunk when space is short).
    const QFont& labelFont() const { return labelFont_; }
    // Whether labels use the short form ("w5 0.4 ▼" over "∂ 0.08217") to fit a dense network.
    bool compactLabels() const { return compact_; }
    // Every box that must stay clear of the others: labels, node texts, targets, E_total and the
    // legend's lines and texts.
    std::vector<QRectF> labelBoxes() const;
    // What is drawn at `position`: a label (a share's is its weight's), a node or bias node,
    // E_total, or an edge.
    NetworkItem itemAt(const core::Topology& topology, QPointF position) const;
    // Every node and bias node as its circle's bounding box.
    std::vector<QRectF> nodeBoxes() const;

private:
    using Measures = NetworkMeasures;  // text sizes at the label font

    // The box of label `indices[index]`, or an empty one.
    QRectF labelBox(const std::vector<int>& indices, int index) const;
    // The largest font scale from `largest` down to `smallest` at which place() succeeds with
    // these settings, or 0.
    qreal largestScale(const core::Topology& topology, QSizeF size, const QFont& font, int digits,
                       qreal largest, qreal smallest);
    // Places everything at the current label font; false if a box found no free place. Unless
    // `whole`, it gives up at the first box that does not fit.
    bool place(const core::Topology& topology, QSizeF size, int digits, bool whole);
    // E_total in the bottom right corner, its font shrunk until it fits there.
    void placeLoss(QSizeF size, const Measures& measures);
    // Nodes, bias nodes, the values under nodes and the edges, in columns across `area`; false
    // when they do not fit in it.
    bool placeNodes(const core::Topology& topology, const QRectF& area, const Measures& measures);
    void placeTargets(const core::Topology& topology, const QRectF& area, const Measures& measures);
    // Every label on or beside its edge; false if one found no free place.
    bool placeLabels(const core::Topology& topology, const Measures& measures, QSizeF size,
                     bool whole);

    WidestNumbers numbers_;  // the widest numbers of each kind made room for
    qreal radius_ = 0;
    qreal biasRowHeight_ = 0;  // the height of the row of bias nodes, at the bottom
    QFont labelFont_;
    QFont lossFont_;
    bool compact_ = false;
    bool shares_ = true;
    bool partial_ = false;
    NodeValues nodeValues_ = NodeValues::Stacked;
    std::vector<std::vector<NetworkNodeValues::Place>> nodes_;
    std::vector<QPointF> biasNodes_;
    std::vector<Edge> edges_;
    std::vector<Label> labels_;
    std::vector<int> weightLabels_;  // index into labels_ of each weight's label
    std::vector<int> biasLabels_;    // of each bias's label
    std::vector<int> shareLabels_;   // of each weight's share label, or -1
    std::vector<QRectF> targetBoxes_;
    QRectF lossBox_;
    NetworkLegend legend_;
};

}  // namespace ui
