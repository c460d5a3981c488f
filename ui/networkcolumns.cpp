#include "networkcolumns.h"

#include <algorithm>

#include "fitting.h"

namespace ui {

namespace {

// A node's radius when its values are left out: this fraction of the row height, at least a
// pixel and a half.
constexpr qreal kDotPerRow = 0.3;
constexpr qreal kSmallestDot = 1.5;
// A node's radius: this fraction of the row height or of the column distance, the smaller,
constexpr qreal kRadiusPerRow = 0.2;
constexpr qreal kRadiusPerColumn = 0.1;
// but at least and at most this many lines of the label font.
constexpr qreal kSmallestRadiusLines = 0.75;
constexpr qreal kLargestRadiusLines = 1.6;
// Where a bias node sits between the column before the layer it feeds (0) and that layer's (1).
constexpr qreal kBiasColumnShare = 0.5;
// Pixels between a node and the text under it.
constexpr qreal kTextGap = 1;

}  // namespace

NetworkColumns::NetworkColumns(const core::Topology& topology, const QRectF& area,
                               const NetworkMeasures& measures, bool values) {
    const int layers = topology.layerCount();
    const qreal line = measures.line;
    const QSizeF valuesSize = values ? measures.values.size() : QSizeF();
    // Columns from the left edge to the targets on the right, as far apart as they can be.
    const qreal firstColumn =
        area.left() + std::max(values ? measures.values.inputSize().width() / 2 : 0.0,
                               line * kLargestRadiusLines);
    const qreal besideNode =
        std::max(line * kLargestRadiusLines, valuesSize.width() / 2) + measures.margin / 2;
    const qreal lastColumn = area.right() - measures.target.width() - besideNode;
    const qreal columnStep = (lastColumn - firstColumn) / std::max(1, layers - 1);
    // Rows of a node and its values, the same in every column, and a row for the bias nodes.
    int tallest = 0;
    for (int l = 0; l < layers; ++l)
        tallest = std::max(tallest, topology.layerSize(l));
    const qreal biasRow = 2 * line + kTextPadding + 2 * kNodeClearance;
    biasRowHeight = biasRow;
    const qreal rowStep = (area.height() - biasRow) / tallest;
    const qreal valuesHeight =
        values ? kTextGap + valuesSize.height() + 2 * kNodeClearance : 2 * kNodeClearance;
    radius = std::clamp(std::min(rowStep * kRadiusPerRow, columnStep * kRadiusPerColumn),
                        line * kSmallestRadiusLines, line * kLargestRadiusLines);
    radius = std::min(radius, (rowStep - valuesHeight) / 2);
    fits = (radius >= line * kSmallestRadiusLines && columnStep >= valuesSize.width()) || !values;
    // Without values, a node is a dot as large as its row allows.
    radius = values ? std::max(radius, line * kSmallestRadiusLines)
                    : std::clamp(rowStep * kDotPerRow, kSmallestDot, line * kLargestRadiusLines);
    // A node and its values, centred in its row.
    const qreal nodeOffset = (rowStep - 2 * radius - valuesHeight) / 2 + radius;
    nodes.assign(layers, {});
    biasNodes.assign(layers, {});
    for (int l = 0; l < layers; ++l) {
        const qreal x = firstColumn + columnStep * l;
        const qreal top = area.top() + rowStep * (tallest - topology.layerSize(l)) / 2.0;
        for (int n = 0; n < topology.layerSize(l); ++n) {
            NetworkNodeValues::Place dot;  // a node without values
            dot.center = QPointF(x, top + rowStep * n + nodeOffset);
            nodes[l].push_back(values ? measures.values.place(dot.center, radius, l == 0) : dot);
        }
        // A bias node sits below the middle of the gap before the layer it feeds, so that its
        // edges cross the fewest others (below its column they would cross the lowest row's).
        if (l < layers - 1)
            biasNodes[l + 1] = QPointF(x + columnStep * kBiasColumnShare,
                                       area.top() + rowStep * tallest + biasRow / 2);
    }
}

}  // namespace ui
