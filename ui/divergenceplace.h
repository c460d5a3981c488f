#pragma once

#include <QRectF>

#include "core/quantity.h"
#include "core/topology.h"
#include "networklayout.h"

namespace ui {

// Where the network view rings the first value of a step that blew up: the label of the loss,
// an output's error, a weight, a bias or a path share; or, for a node's value or a label a dense
// network leaves out, a square around the node (for a parameter, the node its edge feeds).
QRectF divergencePlace(const NetworkLayout& layout, const core::Topology& topology,
                       const core::QuantityRef& where);

}  // namespace ui
