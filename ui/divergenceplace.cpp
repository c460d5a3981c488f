#include "divergenceplace.h"

namespace ui {

namespace {

constexpr qreal kRingScale = 1.3;  // the ring round a node that blew up, against its circle

}  // namespace

QRectF divergencePlace(const NetworkLayout& layout, const core::Topology& topology,
                       const core::QuantityRef& where) {
    QRectF box;
    switch (where.quantity) {
        case core::Quantity::Loss:
        case core::Quantity::SampleLoss:
            box = layout.lossBox();
            break;
        case core::Quantity::OutputError:
            box = layout.targetBox(where.node);
            break;
        case core::Quantity::SampleDLoss_dWeight:
        case core::Quantity::DLoss_dWeight:
        case core::Quantity::NewWeight:
        case core::Quantity::NewWeightVelocity:
            box = layout.weightLabel(where.parameter);
            break;
        case core::Quantity::SampleDLoss_dBias:
        case core::Quantity::DLoss_dBias:
        case core::Quantity::NewBias:
        case core::Quantity::NewBiasVelocity:
            box = layout.biasLabel(where.parameter);
            break;
        case core::Quantity::PathDLoss_dOut:
            box = layout.shareLabel(topology.weightIndex(where.layer + 1, where.via, where.node));
            break;
        default:
            break;
    }
    // A node's value, or a label a dense network left out: ring the node (for a parameter, the
    // node its edge feeds).
    if (box.isEmpty()) {
        int layer = where.layer, node = where.node;
        if (where.parameter >= 0) {
            const bool bias = where.quantity == core::Quantity::SampleDLoss_dBias ||
                              where.quantity == core::Quantity::DLoss_dBias ||
                              where.quantity == core::Quantity::NewBias ||
                              where.quantity == core::Quantity::NewBiasVelocity;
            if (bias) {
                layer = topology.biasLayer(where.parameter);
                node = 0;
            } else {
                const core::WeightEnds ends = topology.weightEnds(where.parameter);
                layer = ends.layer;
                node = ends.destination;
            }
        }
        const qreal r = layout.nodeRadius() * kRingScale;
        const QPointF center = layout.node(std::max(layer, 0), std::max(node, 0));
        box = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r);
    }
    return box;
}

}  // namespace ui
