#pragma once

// Checks on a network layout shared by the layout's and the view's tests.

#include <gtest/gtest.h>

#include <QLineF>
#include <QRectF>
#include <QString>
#include <algorithm>
#include <string>
#include <vector>

#include "core/markup.h"
#include "core/topology.h"
#include "ui/networklayout.h"

namespace testing_support {

// The widest text %.*g writes at `digits`: a minus sign and a three-digit exponent.
inline QString widestNumber(int digits) {
    return QString::fromStdString(core::formatNumber(-8.888888888888888e+307, digits));
}

// Every box (labels, node texts, targets, E_total, the legend) and every node lies inside a
// view of `size`, and no box overlaps another box or a node: "never overlapping another label".
inline void expectClear(const ui::NetworkLayout& layout, QSizeF size, const std::string& what) {
    const QRectF view(QPointF(0, 0), size);
    const std::vector<QRectF> boxes = layout.labelBoxes();
    const std::vector<QRectF> nodes = layout.nodeBoxes();
    EXPECT_TRUE(view.contains(layout.legend().box())) << what << ": the legend leaves the view";
    for (std::size_t n = 0; n < nodes.size(); ++n)
        EXPECT_TRUE(view.contains(nodes[n])) << what << ": node " << n << " leaves the view";
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_TRUE(view.contains(boxes[i])) << what << ": box " << i << " leaves the view";
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            EXPECT_FALSE(boxes[i].intersects(boxes[j])) << what << ": boxes " << i << ", " << j;
        for (std::size_t n = 0; n < nodes.size(); ++n)
            EXPECT_FALSE(boxes[i].intersects(nodes[n])) << what << ": box " << i << ", node " << n;
    }
}

// One edge of the drawing, worked out from the places of its nodes: the weight it carries, or
// the bias it brings into `node` of `layer` from that layer's bias node.
struct DrawnEdge {
    QLineF line;
    int weight = -1;  // -1 for a bias edge
    int bias = -1;    // the bias a bias edge carries
};

// Every edge, from the centres of the nodes it joins.
inline std::vector<DrawnEdge> drawnEdges(const ui::NetworkLayout& layout,
                                         const core::Topology& topology) {
    std::vector<DrawnEdge> edges;
    for (int w = 0; w < topology.weightCount(); ++w) {
        const core::WeightEnds ends = topology.weightEnds(w);
        edges.push_back({QLineF(layout.node(ends.layer - 1, ends.source),
                                layout.node(ends.layer, ends.destination)),
                         w});
    }
    for (int l = 1; l < topology.layerCount(); ++l)
        for (int n = 0; n < topology.layerSize(l); ++n)
            edges.push_back(
                {QLineF(layout.biasNode(l), layout.node(l, n)), -1, topology.biasIndex(l, n)});
    return edges;
}

// Whether the segment `line` passes through `box`: it has an end inside, or crosses a side.
inline bool lineMeetsBox(const QLineF& line, const QRectF& box) {
    if (box.contains(line.p1()) || box.contains(line.p2())) return true;
    const QPointF corners[] = {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()};
    for (int i = 0; i < 4; ++i)
        if (line.intersects(QLineF(corners[i], corners[(i + 1) % 4]), nullptr) ==
            QLineF::BoundedIntersection)
            return true;
    return false;
}

// Every label is tied to its own edge and to no other: its box meets no edge it does not belong
// to (a weight's label and its path share belong to the weight's edge, a bias's label to the
// edges from its bias node into the nodes it feeds), and it meets its own edge, or has a
// leader line from a point of its own edge to its border.
inline void expectLabelsOnTheirEdges(const ui::NetworkLayout& layout,
                                     const core::Topology& topology, const std::string& what) {
    using Kind = ui::NetworkLayout::Label::Kind;
    const std::vector<DrawnEdge> edges = drawnEdges(layout, topology);
    for (const ui::NetworkLayout::Label& label : layout.labels()) {
        const std::string name = (label.kind == Kind::Bias ? topology.biasName(label.index)
                                                           : topology.weightName(label.index)) +
                                 (label.kind == Kind::Share ? " (share)" : "");
        const auto owns = [&](const DrawnEdge& edge) {
            return label.kind == Kind::Bias ? edge.bias == label.index : edge.weight == label.index;
        };
        // A shared bias's label may sit beside its bias node instead.
        bool touchesOwn = false;
        if (label.kind == Kind::Bias && topology.biasMode() == core::BiasMode::Shared) {
            const QPointF center = layout.biasNode(topology.biasLayer(label.index));
            const QPointF nearest(std::clamp(center.x(), label.box.left(), label.box.right()),
                                  std::clamp(center.y(), label.box.top(), label.box.bottom()));
            touchesOwn = QLineF(center, nearest).length() < 2 * layout.nodeRadius();
        }
        // Touching its own edge counts: the box with half a pixel around it.
        const QRectF touching = label.box.adjusted(-0.5, -0.5, 0.5, 0.5);
        for (const DrawnEdge& edge : edges) {
            if (owns(edge)) {
                touchesOwn = touchesOwn || lineMeetsBox(edge.line, touching);
                if (label.leader) {
                    // A leader starts on its edge and ends on the label's border.
                    const QPointF start = label.leader->p1();
                    const qreal along = QPointF::dotProduct(start - edge.line.p1(),
                                                            edge.line.p2() - edge.line.p1()) /
                                        (edge.line.length() * edge.line.length());
                    const QPointF foot = edge.line.pointAt(along);
                    touchesOwn = touchesOwn || (QLineF(foot, start).length() < 0.5 && along > 0 &&
                                                along < 1 && lineMeetsBox(*label.leader, touching));
                }
            } else {
                EXPECT_FALSE(lineMeetsBox(edge.line, label.box))
                    << what << ": the label of " << name << " meets the edge of "
                    << (edge.weight >= 0 ? topology.weightName(edge.weight)
                                         : topology.biasName(edge.bias));
            }
        }
        EXPECT_TRUE(touchesOwn) << what << ": the label of " << name << " is off its edge";
    }
}

}  // namespace testing_support
