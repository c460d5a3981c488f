#pragma once

#include <QPointF>
#include <QRectF>
#include <vector>

#include "core/topology.h"
#include "networkmeasures.h"
#include "networknodevalues.h"

namespace ui {

// Pixels kept free around every node.
inline constexpr qreal kNodeClearance = 2;

// Where a network's nodes go in its drawing: one column per layer, from the left edge of the
// area to the room for the targets on the right, as far apart as they can be; the nodes in rows,
// the same in every column, each layer centred in them, each node with its values under it (or,
// with its values left out, a dot as large as its row allows); and one bias node per non-input
// layer in a row at the bottom, below the middle of the gap before the layer it feeds.
struct NetworkColumns {
    // The nodes of `topology` across `area`, sized by `measures`, with their values under them
    // unless `values` is false.
    NetworkColumns(const core::Topology& topology, const QRectF& area,
                   const NetworkMeasures& measures, bool values);

    qreal radius = 0;         // of a node's circle
    qreal biasRowHeight = 0;  // the height of the row of bias nodes, at the bottom
    std::vector<std::vector<NetworkNodeValues::Place>> nodes;  // each layer's, top to bottom
    std::vector<QPointF> biasNodes;  // the bias node feeding each layer (>= 1)
    bool fits = false;  // whether the nodes and their values fit (always, with no values)
};

}  // namespace ui
