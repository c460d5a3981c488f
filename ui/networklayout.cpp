#include "networklayout.h"

#include <QFontMetricsF>
#include <QStringList>
#include <algorithm>
#include <functional>

namespace ui {

namespace {

// Where along an edge a label may sit, best first: the middle, then outwards in small steps.
const std::vector<qreal>& labelPositions() {
    static const std::vector<qreal> positions = [] {
        std::vector<qreal> list{0.5};
        for (qreal offset = 0.02; offset < 0.43; offset += 0.02) {
            list.push_back(0.5 - offset);
            list.push_back(0.5 + offset);
        }
        return list;
    }();
    return positions;
}
// The smallest label font with full labels, then with short ones, as a fraction of the widget's.
constexpr qreal kSmallestFullScale = 0.8;
constexpr qreal kSmallestScale = 0.5;
// Tries the search for label places may make before the labels shrink.
constexpr int kSearchBudget = 4000;

// As wide as any number printed with `digits` significant digits: %g writes at most three zeros
// after the point ("-0.0001234") before it turns to an exponent ("-1.234e-05").
QString widestNumber(int digits) {
    return QStringLiteral("-0.000") + QString(digits, '8');
}

// The size of a box holding `lines`, with a little padding.
QSizeF boxSize(const QFontMetricsF& metrics, const QStringList& lines) {
    qreal width = 0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    return {width + metrics.averageCharWidth(), lines.size() * metrics.lineSpacing() + 2};
}

QRectF centeredAt(QPointF center, QSizeF size) {
    return {center.x() - size.width() / 2, center.y() - size.height() / 2, size.width(),
            size.height()};
}

// The rectangles placed so far, to keep new ones clear of them.
class Occupancy {
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

// A label to be placed somewhere along the edge from `from` to `to`, into `*box`.
struct EdgeLabel {
    QPointF from;
    QPointF to;
    QSizeF size;
    QSizeF room;  // kept free around the label, to keep neighbours apart
    QRectF* box;
};

// The label's box at `t` along its edge, with its room around it.
QRectF alongEdge(const EdgeLabel& label, qreal t) {
    return centeredAt(label.from + (label.to - label.from) * t, label.size + label.room);
}

QRectF withoutRoom(const EdgeLabel& label, const QRectF& box) {
    return centeredAt(box.center(), label.size);
}

// Places every label on its edge clear of all else, by a depth-first search over the places
// along the edges that gives up after `budget` tries; on failure, each label takes its first
// free place in turn (or the middle of its edge) and the result is false.
bool placeOnEdges(const std::vector<EdgeLabel>& labels, Occupancy& occupancy, int budget) {
    const std::function<bool(std::size_t)> search = [&](std::size_t i) {
        if (i == labels.size()) return true;
        for (const qreal t : labelPositions()) {
            if (--budget < 0) return false;
            const QRectF box = alongEdge(labels[i], t);
            if (!occupancy.isFree(box)) continue;
            occupancy.take(box);
            *labels[i].box = withoutRoom(labels[i], box);
            if (search(i + 1)) return true;
            occupancy.release();
        }
        return false;
    };
    if (search(0)) return true;
    bool allPlaced = true;
    for (const EdgeLabel& label : labels) {
        const auto& positions = labelPositions();
        const auto free = std::find_if(positions.begin(), positions.end(), [&](qreal t) {
            return occupancy.isFree(alongEdge(label, t));
        });
        allPlaced = allPlaced && free != positions.end();
        const QRectF box = alongEdge(label, free != positions.end() ? *free : 0.5);
        occupancy.take(box);
        *label.box = withoutRoom(label, box);
    }
    return allPlaced;
}

}  // namespace

NetworkLayout::NetworkLayout(const core::Topology& topology, QSizeF size, const QFont& font,
                             int digits) {
    // Shrink full labels until every one finds a free place, then try short ones from full size;
    // keep the last try when even that fails.
    for (const bool compact : {false, true}) {
        compact_ = compact;
        const qreal smallest = compact ? kSmallestScale : kSmallestFullScale;
        for (qreal scale = 1.0; scale >= smallest - 1e-9; scale -= 0.05) {
            labelFont_ = font;
            labelFont_.setPointSizeF(font.pointSizeF() * scale);
            if (place(topology, size, digits)) return;
        }
    }
}

bool NetworkLayout::place(const core::Topology& topology, QSizeF size, int digits) {
    const QFontMetricsF metrics(labelFont_);
    const qreal line = metrics.lineSpacing();
    const qreal margin = line * 0.6;
    const QString number = widestNumber(digits);
    const int layers = topology.layerCount();
    const int last = layers - 1;
    const bool shared = topology.biasMode() == core::BiasMode::Shared;

    // The header holds E_total (in a font twice as large), the footer the legend.
    QFont lossFont = labelFont_;
    lossFont.setPointSizeF(labelFont_.pointSizeF() * 2);
    const QFontMetricsF lossMetrics(lossFont);
    const QSizeF lossSize = boxSize(lossMetrics, {"E_total = " + number});
    lossBox_ = QRectF(size.width() - lossSize.width() - margin, margin / 2, lossSize.width(),
                      lossSize.height());
    legendBox_ = QRectF(margin, size.height() - line * 1.5, size.width() - 2 * margin, line * 1.4);
    const QRectF area(margin, lossBox_.bottom() + margin / 2, size.width() - 2 * margin,
                      legendBox_.top() - lossBox_.bottom() - margin);

    // Columns from the left edge to the targets on the right, as far apart as they can be.
    const QSizeF targetSize = boxSize(
        metrics, {"target " + number,
                  "E_" + QString::fromStdString(topology.nodeName(last, 0)) + " " + number});
    const QSizeF nodeTextSize = boxSize(metrics, {"out " + number, "net " + number});
    const qreal firstColumn = area.left() + nodeTextSize.width() / 2;
    const qreal besideNode = std::max(line * 1.6, nodeTextSize.width() / 2) + margin / 2;
    const qreal lastColumn = area.right() - targetSize.width() - besideNode;
    const qreal columnStep = (lastColumn - firstColumn) / std::max(1, layers - 1);
    int rows = 0;
    for (int l = 0; l < layers; ++l)
        rows = std::max(rows, topology.layerSize(l) + (l < last));
    const qreal rowStep = area.height() / rows;
    radius_ = std::clamp(std::min(rowStep * 0.2, columnStep * 0.1), line * 0.75, line * 1.6);

    // A node and the two lines under it, centred in its row.
    const qreal blockHeight = 2 * radius_ + 2 * line + 3;
    const qreal nodeOffset = std::max(radius_, (rowStep - blockHeight) / 2 + radius_);
    nodes_.assign(layers, {});
    nodeTexts_.assign(layers, {});
    biasNodes_.assign(layers, {});
    targetBoxes_.clear();
    for (int l = 0; l < layers; ++l) {
        const qreal x = firstColumn + columnStep * l;
        const int count = topology.layerSize(l) + (l < last);
        const qreal top = area.top() + rowStep * (rows - count) / 2.0;
        for (int n = 0; n < topology.layerSize(l); ++n) {
            const QPointF center(x, top + rowStep * n + nodeOffset);
            nodes_[l].push_back(center);
            const qreal lines = l == 0 ? 1 : 2;
            nodeTexts_[l].push_back(QRectF(x - nodeTextSize.width() / 2, center.y() + radius_ + 1,
                                           nodeTextSize.width(), lines * line + 2));
        }
        if (l < last) biasNodes_[l + 1] = QPointF(x, top + rowStep * (count - 1) + nodeOffset);
    }
    for (int k = 0; k < topology.outputCount(); ++k) {
        const QPointF center = nodes_[last][k];
        targetBoxes_.push_back(
            QRectF(center.x() + std::max(radius_, nodeTextSize.width() / 2) + margin / 2,
                   center.y() - targetSize.height() / 2, targetSize.width(), targetSize.height()));
    }

    Occupancy occupancy(QRectF(QPointF(0, 0), size));
    occupancy.take(lossBox_);
    occupancy.take(legendBox_);
    for (const QRectF& box : nodeBoxes())
        occupancy.take(box.adjusted(-2, -2, 2, 2));
    for (const auto& column : nodeTexts_)
        for (const QRectF& box : column)
            occupancy.take(box);
    for (const QRectF& box : targetBoxes_)
        occupancy.take(box);

    bool allPlaced = true;
    // Room for "w5 = 0.4000 ▼" (a bias may say "(fixed)") over "∂E/∂w5 = 0.08217", or in short
    // "0.4000 ▼" over "∂ 0.08217".
    const auto labelSize = [&](const std::string& name) {
        const QString text = QString::fromStdString(name);
        if (compact_)
            return boxSize(
                metrics, {number + QStringLiteral(" \u25BC"), QStringLiteral("\u2202 ") + number});
        return boxSize(metrics, {text + " = " + number + QStringLiteral(" (fixed)"),
                                 QStringLiteral("\u2202E/\u2202") + text + " = " + number});
    };

    biasLabels_.assign(topology.biasCount(), {});
    if (shared) {
        // Beside its bias node, to the right, or else below it.
        for (int b = 0; b < topology.biasCount(); ++b) {
            const QPointF center = biasNodes_[topology.biasLayer(b)];
            const QSizeF labelBox = labelSize(topology.biasName(b));
            const QRectF right(center.x() + radius_ * 0.8 + 2, center.y() - labelBox.height() / 2,
                               labelBox.width(), labelBox.height());
            const QRectF below =
                centeredAt(center + QPointF(0, radius_ + labelBox.height() / 2), labelBox);
            biasLabels_[b] = occupancy.isFree(right) ? right : below;
            allPlaced = allPlaced && occupancy.isFree(biasLabels_[b]);
            occupancy.take(biasLabels_[b]);
        }
    }
    // Every weight's label on its edge, and with biases per node every bias's on its edge.
    weightLabels_.assign(topology.weightCount(), {});
    std::vector<EdgeLabel> edgeLabels;
    const QSizeF room = compact_ ? QSizeF(0, 0) : QSizeF(line * 0.3, line * 0.2);
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        edgeLabels.push_back({nodes_[ends.layer - 1][ends.source],
                              nodes_[ends.layer][ends.destination],
                              labelSize(topology.weightName(w)), room, &weightLabels_[w]});
    }
    if (!shared)
        for (int b = 0; b < topology.biasCount(); ++b) {
            const int layer = topology.biasLayer(b);
            const int node = b - topology.layer(layer).biasOffset;
            edgeLabels.push_back({biasNodes_[layer], nodes_[layer][node],
                                  labelSize(topology.biasName(b)), room, &biasLabels_[b]});
        }
    return placeOnEdges(edgeLabels, occupancy, kSearchBudget) && allPlaced;
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
        if (near(from + along * t, 5)) return {Kind::Weight, 0, w};
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
    return boxes;
}

std::vector<QRectF> NetworkLayout::nodeBoxes() const {
    std::vector<QRectF> boxes;
    const QSizeF node(2 * radius_, 2 * radius_);
    for (const auto& column : nodes_)
        for (const QPointF& center : column)
            boxes.push_back(centeredAt(center, node));
    for (std::size_t l = 1; l < biasNodes_.size(); ++l)
        boxes.push_back(centeredAt(biasNodes_[l], node * 0.8));
    return boxes;
}

}  // namespace ui
