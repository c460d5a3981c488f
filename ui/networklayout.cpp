#include "networklayout.h"

#include <QFontMetricsF>
#include <QStringList>
#include <algorithm>
#include <functional>

#include "fitting.h"
#include "painting.h"

namespace ui {

namespace {

// Label places along an edge: from the middle outwards in steps of this fraction of the edge,
constexpr qreal kLabelPositionStep = 0.02;
// up to this far from the middle, clear of the nodes at its ends.
constexpr qreal kLabelPositionReach = 0.43;
// The smallest label font with full labels, then with short ones, as a fraction of the widget's
// (only a network of several wide layers needs the last).
constexpr qreal kSmallestFullScale = 0.8;
constexpr qreal kSmallestScale = 0.45;
// How much smaller each try makes a font, as a fraction of the font it started from.
constexpr qreal kScaleStep = 0.05;
// Slack in comparing scales that are sums of kScaleStep.
constexpr qreal kScaleTolerance = 1e-9;
// Tries the search for label places may make before the labels shrink.
constexpr int kSearchBudget = 4000;
// E_total's font against the label font, before it shrinks to fit the width.
constexpr qreal kLossFontScale = 2.0;
// A node's radius: this fraction of the row height or of the column distance, the smaller,
constexpr qreal kRadiusPerRow = 0.2;
constexpr qreal kRadiusPerColumn = 0.1;
// but at least and at most this many lines of the label font.
constexpr qreal kSmallestRadiusLines = 0.75;
constexpr qreal kLargestRadiusLines = 1.6;
// A bias node's radius against a node's.
constexpr qreal kBiasNodeScale = 0.8;
// Pixels between a node and the text under it, and added to a text's lines.
constexpr qreal kTextGap = 1;
constexpr qreal kTextPadding = 2;
// Pixels between a shared bias node and its label, and kept free around every node.
constexpr qreal kLabelGap = 2;
constexpr qreal kNodeClearance = 2;
// The room kept free around a full label on its edge, in lines, to keep neighbours apart.
constexpr qreal kRoomWidthLines = 0.3;
constexpr qreal kRoomHeightLines = 0.2;
// A point this many pixels from an edge is on it.
constexpr qreal kEdgeReach = 5;

// Where along an edge a label may sit, best first: the middle, then outwards in small steps.
const std::vector<qreal>& labelPositions() {
    static const std::vector<qreal> positions = [] {
        std::vector<qreal> list{0.5};
        for (qreal offset = kLabelPositionStep; offset < kLabelPositionReach;
             offset += kLabelPositionStep) {
            list.push_back(0.5 - offset);
            list.push_back(0.5 + offset);
        }
        return list;
    }();
    return positions;
}

// The widest text %.*g writes with `digits` significant digits: the exponent form with a minus
// sign and a three-digit exponent ("-8.888e+308"), or the fixed form with the most zeros
// ("-0.0008888"; one more zero and %g turns to the exponent).
QString widestNumber(const QFontMetricsF& metrics, int digits) {
    const QString mantissa = digits > 1 ? "8." + QString(digits - 1, '8') : QStringLiteral("8");
    const QString exponentForm = "-" + mantissa + "e+308";
    const QString fixedForm = "-0.000" + QString(digits, '8');
    return metrics.horizontalAdvance(exponentForm) >= metrics.horizontalAdvance(fixedForm)
               ? exponentForm
               : fixedForm;
}

// The size of a box holding `lines`, with a little padding.
QSizeF boxSize(const QFontMetricsF& metrics, const QStringList& lines) {
    qreal width = 0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    return {width + metrics.averageCharWidth(),
            lines.size() * metrics.lineSpacing() + kTextPadding};
}

// A box of `size` around `center`.
QRectF centeredAt(QPointF center, QSizeF size) {
    return {center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(),
            size.height()};
}

}  // namespace

struct NetworkLayout::Measures {
    QFontMetricsF metrics;  // of the label font
    qreal line;             // the label font's line spacing
    qreal margin;           // kept free at the view's edges
    int digits;             // significant digits of the numbers shown
    QString number;         // the widest number at those digits
    QSizeF nodeText;        // the lines under a node
    QSizeF target;          // a target box
};

struct NetworkLayout::Grid {
    qreal firstColumn;  // the x of the input layer
    qreal columnStep;   // from one layer's column to the next
    int rows;           // rows of the tallest column, its bias node included
    qreal rowStep;      // from one row to the next
};

// A label to be placed somewhere along the edge from `from` to `to`, into `*box`.
struct NetworkLayout::EdgeLabel {
    QPointF from;
    QPointF to;
    QSizeF size;
    QSizeF room;  // kept free around the label, to keep neighbours apart
    QRectF* box;

    // The label's box at `t` along its edge, with its room around it.
    QRectF at(qreal t) const { return centeredAt(from + (to - from) * t, size + room); }
    // Where the label goes in `placed`, a box from at().
    void put(const QRectF& placed) const { *box = centeredAt(placed.center(), size); }
};

// The rectangles placed so far, to keep new ones clear of them.
class NetworkLayout::Occupancy {
public:
    explicit Occupancy(QRectF bounds) : bounds_(bounds) {}
    bool isFree(const QRectF& box) const {
        if (!bounds_.contains(box)) return false;
        return std::none_of(taken_.begin(), taken_.end(),
                            [&](const QRectF& other) { return other.intersects(box); });
    }
    void take(const QRectF& box) { taken_.push_back(box); }
    // Frees the box taken last.
    void release() { taken_.pop_back(); }

private:
    QRectF bounds_;
    std::vector<QRectF> taken_;
};

NetworkLayout::NetworkLayout(const core::Topology& topology, QSizeF size, const QFont& font,
                             int digits, NetworkLegend legend)
    : legend_(std::move(legend)) {
    // Shrink full labels until every one finds a free place, then try short ones from full size;
    // keep the last try when even that fails.
    for (const bool compact : {false, true}) {
        compact_ = compact;
        const qreal smallest = compact ? kSmallestScale : kSmallestFullScale;
        for (qreal scale = 1.0; scale >= smallest - kScaleTolerance; scale -= kScaleStep) {
            labelFont_ = scaled(font, scale);
            if (place(topology, size, digits)) return;
        }
    }
}

QString NetworkLayout::lossText(const QString& value) {
    return "E_total = " + value;
}

qreal NetworkLayout::biasNodeRadius() const {
    return radius_ * kBiasNodeScale;
}

bool NetworkLayout::place(const core::Topology& topology, QSizeF size, int digits) {
    const Measures measures = measure(topology, digits);
    placeHeader(size, measures);
    legend_.place(size, labelFont_, compact_);
    placeNodes(topology, networkArea(size, measures), measures);
    placeTargets(topology, measures);
    Occupancy occupancy(QRectF(QPointF(0, 0), size));
    const bool fixedFit = takeFixedBoxes(occupancy);
    const bool biasesPlaced = placeBiasLabels(topology, measures, occupancy);
    return placeEdgeLabels(topology, measures, occupancy) && biasesPlaced && fixedFit;
}

NetworkLayout::Measures NetworkLayout::measure(const core::Topology& topology, int digits) const {
    const QFontMetricsF metrics(labelFont_);
    const QString number = widestNumber(metrics, digits);
    const int last = topology.layerCount() - 1;
    const QString output =
        QString::fromStdString(topology.nodeName(last, topology.layerSize(last) - 1));
    return {metrics,
            metrics.lineSpacing(),
            metrics.lineSpacing() * kMarginLines,
            digits,
            number,
            boxSize(metrics, {"out " + number, "net " + number}),
            boxSize(metrics, {"target " + number, "E_" + output + " " + number})};
}

void NetworkLayout::placeHeader(QSizeF size, const Measures& measures) {
    const auto boxFor = [&](const QFont& font) {
        const QFontMetricsF metrics(font);
        return boxSize(metrics, {lossText(widestNumber(metrics, measures.digits))});
    };
    // Twice the label font, shrunk until the widest E_total fits between the margins.
    QFont largest = scaled(labelFont_, kLossFontScale);
    largest.setBold(true);
    const qreal widest = size.width() - 2 * measures.margin;
    lossFont_ = shrunkToFit(largest, kSmallestPointSize,
                            [&](const QFont& font) { return boxFor(font).width() <= widest; });
    const QSizeF box = boxFor(lossFont_);
    lossBox_ = QRectF(std::max(measures.margin, size.width() - box.width() - measures.margin),
                      measures.margin / 2, box.width(), box.height());
}

QRectF NetworkLayout::networkArea(QSizeF size, const Measures& measures) const {
    return QRectF(measures.margin, lossBox_.bottom() + measures.margin / 2,
                  size.width() - 2 * measures.margin,
                  legend_.box().top() - lossBox_.bottom() - measures.margin);
}

NetworkLayout::Grid NetworkLayout::sizeGrid(const core::Topology& topology, const QRectF& area,
                                            const Measures& measures) {
    // Columns from the left edge to the targets on the right, as far apart as they can be.
    const int layers = topology.layerCount();
    const qreal firstColumn = area.left() + measures.nodeText.width() / 2;
    const qreal besideNode =
        std::max(measures.line * kLargestRadiusLines, measures.nodeText.width() / 2) +
        measures.margin / 2;
    const qreal lastColumn = area.right() - measures.target.width() - besideNode;
    const qreal columnStep = (lastColumn - firstColumn) / std::max(1, layers - 1);
    int rows = 0;
    for (int l = 0; l < layers; ++l)
        rows = std::max(rows, topology.layerSize(l) + (l < layers - 1));
    const qreal rowStep = area.height() / rows;
    radius_ = std::clamp(std::min(rowStep * kRadiusPerRow, columnStep * kRadiusPerColumn),
                         measures.line * kSmallestRadiusLines, measures.line * kLargestRadiusLines);
    return {firstColumn, columnStep, rows, rowStep};
}

void NetworkLayout::placeNodes(const core::Topology& topology, const QRectF& area,
                               const Measures& measures) {
    const Grid grid = sizeGrid(topology, area, measures);
    // A node and the two lines under it, centred in its row.
    const qreal blockHeight = 2 * radius_ + 2 * measures.line + kTextGap + kTextPadding;
    const qreal nodeOffset = std::max(radius_, (grid.rowStep - blockHeight) / 2 + radius_);
    const int layers = topology.layerCount();
    nodes_.assign(layers, {});
    nodeTexts_.assign(layers, {});
    biasNodes_.assign(layers, {});
    for (int l = 0; l < layers; ++l) {
        const qreal x = grid.firstColumn + grid.columnStep * l;
        const int count = topology.layerSize(l) + (l < layers - 1);
        const qreal top = area.top() + grid.rowStep * (grid.rows - count) / 2.0 + nodeOffset;
        for (int n = 0; n < topology.layerSize(l); ++n) {
            const QPointF center(x, top + grid.rowStep * n);
            nodes_[l].push_back(center);
            const qreal lines = l == 0 ? 1 : 2;
            nodeTexts_[l].push_back(
                QRectF(x - measures.nodeText.width() / 2, center.y() + radius_ + kTextGap,
                       measures.nodeText.width(), lines * measures.line + kTextPadding));
        }
        if (l < layers - 1) biasNodes_[l + 1] = QPointF(x, top + grid.rowStep * (count - 1));
    }
}

void NetworkLayout::placeTargets(const core::Topology& topology, const Measures& measures) {
    const int last = topology.layerCount() - 1;
    const qreal beside = std::max(radius_, measures.nodeText.width() / 2) + measures.margin / 2;
    const QSizeF size = measures.target;
    targetBoxes_.clear();
    for (int k = 0; k < topology.outputCount(); ++k) {
        const QPointF center = nodes_[last][k];
        targetBoxes_.push_back(QRectF(center.x() + beside, center.y() - size.height() / 2,
                                      size.width(), size.height()));
    }
}

bool NetworkLayout::takeFixedBoxes(Occupancy& occupancy) const {
    bool allFree = true;
    const auto take = [&](const QRectF& box, const QRectF& kept) {
        allFree = allFree && occupancy.isFree(box);
        occupancy.take(kept);
    };
    take(lossBox_, lossBox_);
    take(legend_.box(), legend_.box());
    for (const auto& column : nodeTexts_)
        for (const QRectF& box : column)
            take(box, box);
    for (const QRectF& box : targetBoxes_)
        take(box, box);
    // A node keeps a little more free around it than it needs itself.
    for (const QRectF& box : nodeBoxes())
        take(box, box.adjusted(-kNodeClearance, -kNodeClearance, kNodeClearance, kNodeClearance));
    return allFree;
}

bool NetworkLayout::placeBiasLabels(const core::Topology& topology, const Measures& measures,
                                    Occupancy& occupancy) {
    biasLabels_.assign(topology.biasCount(), {});
    if (topology.biasMode() != core::BiasMode::Shared) return true;
    bool allPlaced = true;
    // Beside its bias node, to the right, or else below it.
    for (int b = 0; b < topology.biasCount(); ++b) {
        const QPointF center = biasNodes_[topology.biasLayer(b)];
        const QSizeF size = labelSize(measures, topology.biasName(b), false);
        const QRectF right(center.x() + biasNodeRadius() + kLabelGap,
                           center.y() - size.height() / 2, size.width(), size.height());
        const QRectF below = centeredAt(center + QPointF(0, radius_ + size.height() / 2), size);
        biasLabels_[b] = occupancy.isFree(right) ? right : below;
        allPlaced = allPlaced && occupancy.isFree(biasLabels_[b]);
        occupancy.take(biasLabels_[b]);
    }
    return allPlaced;
}

bool NetworkLayout::placeEdgeLabels(const core::Topology& topology, const Measures& measures,
                                    Occupancy& occupancy) {
    weightLabels_.assign(topology.weightCount(), {});
    std::vector<EdgeLabel> labels;
    const QSizeF room =
        compact_ ? QSizeF(0, 0)
                 : QSizeF(measures.line * kRoomWidthLines, measures.line * kRoomHeightLines);
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        labels.push_back({nodes_[ends.layer - 1][ends.source], nodes_[ends.layer][ends.destination],
                          labelSize(measures, topology.weightName(w), true), room,
                          &weightLabels_[w]});
    }
    if (topology.biasMode() == core::BiasMode::PerNode)
        for (int b = 0; b < topology.biasCount(); ++b) {
            const int layer = topology.biasLayer(b);
            const int node = b - topology.layer(layer).biasOffset;
            labels.push_back({biasNodes_[layer], nodes_[layer][node],
                              labelSize(measures, topology.biasName(b), false), room,
                              &biasLabels_[b]});
        }
    return searchEdgePlaces(labels, occupancy) || placeFirstFree(labels, occupancy);
}

// Room for a parameter's label with the widest numbers and the widest note it can show after
// its value: "new" once updated, and for a bias that does not train "(fixed)".
QSizeF NetworkLayout::labelSize(const Measures& measures, const std::string& name,
                                bool weight) const {
    const QString widest =
        parameterLabel(QString::fromStdString(name), measures.number,
                       weight ? updatedNote() : fixedNote(), measures.number, compact_);
    return boxSize(measures.metrics, widest.split('\n'));
}

// A depth-first search over the places along the edges, which gives up after kSearchBudget
// tries.
bool NetworkLayout::searchEdgePlaces(const std::vector<EdgeLabel>& labels, Occupancy& occupancy) {
    int budget = kSearchBudget;
    const std::function<bool(std::size_t)> search = [&](std::size_t i) {
        if (i == labels.size()) return true;
        for (const qreal t : labelPositions()) {
            if (--budget < 0) return false;
            const QRectF box = labels[i].at(t);
            if (!occupancy.isFree(box)) continue;
            occupancy.take(box);
            labels[i].put(box);
            if (search(i + 1)) return true;
            occupancy.release();
        }
        return false;
    };
    return search(0);
}

bool NetworkLayout::placeFirstFree(const std::vector<EdgeLabel>& labels, Occupancy& occupancy) {
    bool allPlaced = true;
    const auto& positions = labelPositions();
    for (const EdgeLabel& label : labels) {
        const auto free = std::find_if(positions.begin(), positions.end(),
                                       [&](qreal t) { return occupancy.isFree(label.at(t)); });
        allPlaced = allPlaced && free != positions.end();
        const QRectF box = label.at(free != positions.end() ? *free : 0.5);
        occupancy.take(box);
        label.put(box);
    }
    return allPlaced;
}

NetworkItem NetworkLayout::itemAt(const core::Topology& topology, QPointF position) const {
    using Kind = NetworkItem::Kind;
    for (int w = 0; w < topology.weightCount(); ++w)
        if (weightLabels_[w].contains(position)) return {Kind::Weight, 0, w};
    for (int b = 0; b < topology.biasCount(); ++b)
        if (biasLabels_[b].contains(position)) return {Kind::Bias, 0, b};
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
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        const QPointF from = node(ends.layer - 1, ends.source);
        const QPointF along = node(ends.layer, ends.destination) - from;
        const qreal t = std::clamp(
            QPointF::dotProduct(position - from, along) / QPointF::dotProduct(along, along), 0.0,
            1.0);
        if (near(from + along * t, kEdgeReach)) return {Kind::Weight, 0, w};
    }
    return {};
}

std::vector<QRectF> NetworkLayout::labelBoxes() const {
    std::vector<QRectF> boxes(weightLabels_.begin(), weightLabels_.end());
    boxes.insert(boxes.end(), biasLabels_.begin(), biasLabels_.end());
    boxes.insert(boxes.end(), targetBoxes_.begin(), targetBoxes_.end());
    for (const auto& column : nodeTexts_)
        boxes.insert(boxes.end(), column.begin(), column.end());
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
        for (const QPointF& center : column)
            boxes.push_back(centeredAt(center, node));
    for (std::size_t l = 1; l < biasNodes_.size(); ++l)
        boxes.push_back(centeredAt(biasNodes_[l], node * kBiasNodeScale));
    return boxes;
}

}  // namespace ui
