#include "networklayout.h"

#include <QFontMetricsF>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <span>
#include <tuple>

#include "diagramgeometry.h"
#include "fitting.h"
#include "networkcolumns.h"
#include "networkedgelabels.h"
#include "networklabelplacer.h"
#include "networkmeasures.h"
#include "networknodevalues.h"

namespace ui {

namespace {

// Label fonts tried, as fractions of the widget's: from whole size down in steps, to the
// smallest (only a network of several wide layers in a small view needs it). Full labels are
// kept down to kSmallestFullScale before short ones are tried.
constexpr qreal kScaleStep = 0.05;
constexpr qreal kSmallestScale = 0.2;
constexpr qreal kSmallestFullScale = 0.8;
// Short labels keep the path shares' labels down to this scale; below, a dense network's shares
// are shown by their arrows alone.
constexpr qreal kSmallestShareScale = 0.55;
// Short labels without shares are taken down to this scale; below, a dense network in a small
// view labels the edges where labels fit, in this font (hovering shows any edge's numbers).
constexpr qreal kSmallestLabelScale = 0.45;
constexpr qreal kPartialScale = 0.55;
// Below this scale the values under nodes are left out instead, in the font of kPartialScale.
constexpr qreal kSmallestValuesScale = 0.35;
// Above this many edges no edge is labelled (hovering shows any edge's numbers): the placer's
// search grows with labels times edges, and took 30 s for the largest network's 29k edges.
constexpr std::size_t kMostLabelledEdges = 1024;
// Values in two columns are chosen over one column only for a font this much larger.
constexpr qreal kTwoColumnsGain = 0.1;
// E_total's font against the label font, before it shrinks to fit the width.
constexpr qreal kLossFontScale = 2.0;
// A bias node's radius against a node's.
constexpr qreal kBiasNodeScale = 0.8;
// A label keeps this many lines, at most the widest edge's paint and a pixel, from every edge
// it does not belong to.
constexpr qreal kClearanceLines = 0.3;
// A point this many pixels from an edge is on it.
constexpr qreal kEdgeReach = 5;

}  // namespace

NetworkLayout::NetworkLayout(const core::Topology& topology, QSizeF size, const QFont& font,
                             int digits, NetworkLegend legend, WidestNumbers numbers)
    : numbers_(std::move(numbers)), legend_(std::move(legend)) {
    // The fullest drawing that fits at a readable size: full labels, then short ones, then
    // (a dense network) no labels for the path shares; the values under nodes in one column
    // unless two give a clearly larger font.
    struct Density {
        bool compact;
        bool shares;
        bool partial;    // labels only where they fit
        qreal readable;  // the smallest scale at which it is taken
    };
    const Density densities[] = {{false, true, false, kSmallestFullScale},
                                 {true, true, false, kSmallestShareScale},
                                 {true, false, false, kSmallestLabelScale},
                                 {true, false, true, 0}};
    qreal best = 0;
    std::tuple<bool, bool, bool, NodeValues> chosen{true, false, true, NodeValues::TwoColumns};
    // A network whose values fit nowhere at a readable size (the largest) skips the search: its
    // sparsest drawing is tried at that size first.
    const auto sparsestFits = [&](NodeValues values) {
        std::tie(compact_, shares_, partial_, nodeValues_) = std::tuple(true, false, true, values);
        labelFont_ = scaled(font, kSmallestValuesScale);
        return place(topology, size, digits, false);
    };
    const bool valuesFit =
        sparsestFits(NodeValues::Stacked) || sparsestFits(NodeValues::TwoColumns);
    for (const Density& density : valuesFit ? std::span(densities) : std::span<const Density>()) {
        for (const NodeValues values : {NodeValues::Stacked, NodeValues::TwoColumns}) {
            compact_ = density.compact;
            shares_ = density.shares;
            partial_ = density.partial;
            nodeValues_ = values;
            const qreal gain = values == NodeValues::TwoColumns ? kTwoColumnsGain : 0;
            // Each tried from whole size down to where it stops being readable; labels where
            // they fit in a font small enough for most of them.
            const qreal scale =
                partial_ ? largestScale(topology, size, font, digits, kPartialScale, kSmallestScale)
                         : largestScale(topology, size, font, digits, 1.0,
                                        std::max(density.readable, kSmallestScale));
            if (scale > best + gain) best = scale, chosen = {compact_, shares_, partial_, values};
        }
        if (best >= density.readable && best > 0) break;
    }
    std::tie(compact_, shares_, partial_, nodeValues_) = chosen;
    // Too dense for values at a readable size: none, in a readable font.
    if (best < kSmallestValuesScale) nodeValues_ = NodeValues::Omitted, best = kPartialScale;
    labelFont_ = scaled(font, best > 0 ? best : kSmallestScale);
    place(topology, size, digits, true);
}

qreal NetworkLayout::largestScale(const core::Topology& topology, QSizeF size, const QFont& font,
                                  int digits, qreal largest, qreal smallest) {
    // Scales largest, largest - step, .., smallest: the first that fits, by bisection.
    const int count = static_cast<int>(std::lround((largest - smallest) / kScaleStep)) + 1;
    const auto scaleAt = [&](int i) { return largest - i * kScaleStep; };
    int low = 0, high = count;
    while (low < high) {
        const int middle = (low + high) / 2;
        labelFont_ = scaled(font, scaleAt(middle));
        if (place(topology, size, digits, false))
            high = middle;
        else
            low = middle + 1;
    }
    return low < count ? scaleAt(low) : 0;
}

QString NetworkLayout::lossText(const QString& value) {
    return "E_total = " + value;
}

bool NetworkLayout::hasDenseEdges(const core::Topology& topology) {
    int biasEdges = 0;
    for (int l = 1; l < topology.layerCount(); ++l)
        biasEdges += topology.layerSize(l);
    return std::size_t(topology.weightCount() + biasEdges) > kMostLabelledEdges;
}

qreal NetworkLayout::biasNodeRadius() const {
    return radius_ * kBiasNodeScale;
}

QRectF NetworkLayout::labelBox(const std::vector<int>& indices, int index) const {
    const int label = indices[index];
    return label < 0 ? QRectF() : labels_[label].box;
}

QRectF NetworkLayout::targetLine(int output, int line) const {
    const QRectF box = targetBoxes_[output];
    const qreal height = (box.height() - kTextPadding) / 2;
    return {box.left(), box.top() + kTextPadding / 2 + line * height, box.width(), height};
}

bool NetworkLayout::place(const core::Topology& topology, QSizeF size, int digits, bool whole) {
    const Measures measures = NetworkMeasures::measure(topology, labelFont_, digits, numbers_,
                                                       nodeValues_ == NodeValues::TwoColumns);
    legend_.place(size, labelFont_, compact_);
    const QRectF area(measures.margin, measures.margin / 2, size.width() - 2 * measures.margin,
                      legend_.box().top() - measures.margin);
    // A try stops at the first misfit; the last one places everything regardless.
    const bool nodesFit = placeNodes(topology, area, measures);
    if (!nodesFit && !whole) return false;
    placeTargets(topology, area, measures);
    placeLoss(size, measures);
    return placeLabels(topology, measures, size, whole) && nodesFit;
}

// In the corner below the targets, beside the bias nodes' row, which leaves it free.
void NetworkLayout::placeLoss(QSizeF size, const Measures& measures) {
    const auto boxFor = [&](const QFont& font) {
        const QFontMetricsF metrics(font);
        return textBoxSize(metrics, {lossText(widestNumber(metrics, measures.digits))});
    };
    const qreal right = size.width() - measures.margin;
    // Right of the last column's values and targets; without values, right of the last bias
    // node.
    const QRectF values = nodes_.back().front().box;
    const qreal left = values.isEmpty() ? biasNodes_.back().x() + biasNodeRadius() + measures.margin
                                        : std::min(values.left(), targetBoxes_.front().left());
    // Twice the label font, shrunk until the widest E_total fits its corner and the row.
    QFont largest = scaled(labelFont_, kLossFontScale);
    largest.setBold(true);
    lossFont_ = shrunkToFit(largest, kSmallestPointSize, [&](const QFont& font) {
        const QSizeF box = boxFor(font);
        return box.width() <= right - left && box.height() <= biasRowHeight_;
    });
    const QSizeF box = boxFor(lossFont_);
    lossBox_ = QRectF(std::max(measures.margin, right - box.width()),
                      biasNodes_.back().y() - box.height() / 2, box.width(), box.height());
}

bool NetworkLayout::placeNodes(const core::Topology& topology, const QRectF& area,
                               const Measures& measures) {
    NetworkColumns columns(topology, area, measures, nodeValues_ != NodeValues::Omitted);
    radius_ = columns.radius;
    biasRowHeight_ = columns.biasRowHeight;
    nodes_ = std::move(columns.nodes);
    biasNodes_ = std::move(columns.biasNodes);
    // An edge for every weight, then for every node fed by a bias.
    edges_.clear();
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        edges_.push_back(
            {QLineF(node(ends.layer - 1, ends.source), node(ends.layer, ends.destination)), w});
    }
    for (int l = 1; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n)
            edges_.push_back({QLineF(biasNodes_[l], node(l, n)), -1, l, n});
    return columns.fits;
}

void NetworkLayout::placeTargets(const core::Topology& topology, const QRectF& area,
                                 const Measures& measures) {
    const int last = topology.layerCount() - 1;
    const int outputs = topology.outputCount();
    const bool values = nodeValues_ != NodeValues::Omitted;
    const qreal beside =
        std::max(radius_, values ? measures.values.size().width() / 2 : 0.0) + measures.margin / 2;
    const QSizeF size = measures.target;
    targetBoxes_.clear();
    // Beside each output; outputs too close for that (dots) get theirs stacked round their
    // middle, or none when even that does not fit (hovering an output shows its target).
    const qreal middle = (node(last, 0).y() + node(last, outputs - 1).y()) / 2;
    const bool stacked = !values && outputs * size.height() <= area.height();
    const qreal top = std::clamp(middle - outputs * size.height() / 2, area.top(),
                                 area.bottom() - outputs * size.height());
    for (int k = 0; k < outputs; ++k) {
        const QPointF center = node(last, k);
        const qreal y = stacked ? top + k * size.height() : center.y() - size.height() / 2;
        targetBoxes_.push_back(values || stacked ? QRectF(QPointF(center.x() + beside, y), size)
                                                 : QRectF());
    }
}

bool NetworkLayout::placeLabels(const core::Topology& topology, const Measures& measures,
                                QSizeF size, bool whole) {
    const qreal line = measures.line;
    std::vector<QLineF> lines;
    for (const Edge& edge : edges_)
        lines.push_back(edge.line);
    NetworkLabelPlacer placer(QRectF(QPointF(0, 0), size), std::move(lines),
                              std::min(widestEdgeHalfWidth() + 1, line * kClearanceLines));
    // What is already placed must fit, and labels stay clear of it; of nodes a little more.
    bool fixedFit = true;
    const auto take = [&](const QRectF& box, qreal clearance) {
        fixedFit = fixedFit && placer.isFree(box);
        placer.take(box.adjusted(-clearance, -clearance, clearance, clearance));
    };
    take(lossBox_, 0);
    take(legend_.box(), 0);
    for (const auto& column : nodes_)
        for (const NetworkNodeValues::Place& place : column)
            if (!place.box.isEmpty()) take(place.box, 0);
    for (const QRectF& box : targetBoxes_)
        if (!box.isEmpty()) take(box, 0);
    for (const QRectF& box : nodeBoxes())
        take(box, kNodeClearance);
    if (!fixedFit && !whole) return false;
    weightLabels_.assign(topology.weightCount(), -1);
    biasLabels_.assign(topology.biasCount(), -1);
    shareLabels_.assign(topology.weightCount(), -1);
    if (edges_.size() > kMostLabelledEdges) {
        labels_.clear();
        return partial_ && fixedFit;
    }

    const NetworkEdgeLabels edgeLabels(
        topology,
        {labelFont_, measures.parameter, measures.gradient, measures.node, compact_, shares_},
        {edges_, biasNodes_, biasNodeRadius(), kNodeClearance});
    labels_ = edgeLabels.labels();
    const std::vector<NetworkLabelPlacer::Label>& requests = edgeLabels.requests();
    using Misfit = NetworkLabelPlacer::Misfit;
    bool labelsFit = false;
    const std::vector<int> chosen = placer.place(
        requests, partial_ ? Misfit::Drop : (whole ? Misfit::Overlap : Misfit::Stop), labelsFit);
    // Labels left out (a dense network's) have no place: their boxes stay empty.
    std::vector<Label> placed;
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        std::vector<int>& indices = labels_[i].kind == Label::Kind::Weight ? weightLabels_
                                    : labels_[i].kind == Label::Kind::Bias ? biasLabels_
                                                                           : shareLabels_;
        indices[labels_[i].index] = chosen[i] < 0 ? -1 : static_cast<int>(placed.size());
        if (chosen[i] < 0) continue;
        const NetworkLabelPlacer::Candidate& place = requests[i].candidates[chosen[i]];
        placed.push_back({labels_[i].kind, labels_[i].index, place.box, place.leader});
    }
    labels_ = std::move(placed);
    if (partial_) return fixedFit;
    return fixedFit && labelsFit;
}

NetworkItem NetworkLayout::itemAt(const core::Topology& topology, QPointF position) const {
    using Kind = NetworkItem::Kind;
    for (const Label& label : labels_)
        if (label.box.contains(position))
            return {label.kind == Label::Kind::Bias ? Kind::Bias : Kind::Weight, 0, label.index};
    const auto near = [&](QPointF center, qreal reach) {
        const QPointF offset = position - center;
        return QPointF::dotProduct(offset, offset) <= reach * reach;
    };
    for (int l = 0; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n)
            if (near(node(l, n), radius_)) return {Kind::Node, l, n};
    if (topology.biasMode() == core::BiasMode::Shared)
        for (int l = 1; l < topology.layerCount(); ++l)
            if (near(biasNode(l), radius_)) return {Kind::Bias, 0, l - 1};
    if (lossBox_.contains(position)) return {Kind::Loss};
    // Edges: within a few pixels of the line.
    for (const Edge& edge : edges_) {
        const QPointF along = edge.line.p2() - edge.line.p1();
        const qreal t = std::clamp(QPointF::dotProduct(position - edge.line.p1(), along) /
                                       QPointF::dotProduct(along, along),
                                   0.0, 1.0);
        if (!near(edge.line.p1() + along * t, kEdgeReach)) continue;
        if (edge.weight >= 0) return {Kind::Weight, 0, edge.weight};
        return {Kind::Bias, 0, topology.biasIndex(edge.layer, edge.node)};
    }
    return {};
}

std::vector<QRectF> NetworkLayout::labelBoxes() const {
    std::vector<QRectF> boxes;
    for (const Label& label : labels_)
        boxes.push_back(label.box);
    for (const QRectF& box : targetBoxes_)
        if (!box.isEmpty()) boxes.push_back(box);
    for (const auto& column : nodes_)
        for (const NetworkNodeValues::Place& place : column)
            if (!place.box.isEmpty()) boxes.push_back(place.box);
    boxes.push_back(lossBox_);
    for (const NetworkLegend::Entry& entry : legend_.entries())
        for (const QRectF& box : {entry.sampleBox, entry.textBox})
            if (!box.isEmpty()) boxes.push_back(box);
    return boxes;
}

std::vector<QRectF> NetworkLayout::nodeBoxes() const {
    std::vector<QRectF> boxes;
    const QSizeF node(2 * radius_, 2 * radius_);
    for (const auto& column : nodes_)
        for (const NetworkNodeValues::Place& place : column)
            boxes.push_back(centeredAt(place.center, node));
    for (std::size_t l = 1; l < biasNodes_.size(); ++l)
        boxes.push_back(centeredAt(biasNodes_[l], node * kBiasNodeScale));
    return boxes;
}

}  // namespace ui
