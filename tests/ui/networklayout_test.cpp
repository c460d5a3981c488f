#include "ui/networklayout.h"

#include <gtest/gtest.h>

#include <QApplication>

#include "ui/networkview.h"

namespace {

using core::Activation;

// Every label, node text and target box is clear of every other and of every node, inside the
// view: the "never overlapping another label".
void expectNoOverlap(const ui::NetworkLayout& layout, QSizeF size, const std::string& what) {
    const std::vector<QRectF> labels = layout.labelBoxes();
    const std::vector<QRectF> nodes = layout.nodeBoxes();
    const QRectF view(QPointF(0, 0), size);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EXPECT_TRUE(view.contains(labels[i])) << what << ": box " << i << " leaves the view";
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            EXPECT_FALSE(labels[i].intersects(labels[j])) << what << ": boxes " << i << ", " << j;
        for (std::size_t n = 0; n < nodes.size(); ++n)
            EXPECT_FALSE(labels[i].intersects(nodes[n])) << what << ": box " << i << ", node " << n;
    }
}

TEST(NetworkLayoutTest, WorkedExampleLabelsNeverOverlapAtFullSize) {
    const core::Topology topology({2, 2, 2}, {Activation::Sigmoid, Activation::Sigmoid},
                                  core::BiasMode::Shared);
    const QSizeF size(1276, 470);  // the view's share of a 1280x800 window
    for (int digits : {4, 6, 10}) {
        const ui::NetworkLayout layout(topology, size, ui::NetworkView().font(), digits);
        expectNoOverlap(layout, size, "2-2-2, digits " + std::to_string(digits));
        if (digits == 4)  // at the default size and digits nothing needs to shrink
            EXPECT_EQ(layout.labelFont().pointSizeF(), ui::NetworkView().font().pointSizeF());
    }
}

TEST(NetworkLayoutTest, EveryShapeUpToFourLayersOfSixFits) {
    const QSizeF size(1276, 470);
    for (int layers = 2; layers <= 4; ++layers)
        for (int nodes = 1; nodes <= 6; ++nodes)
            for (core::BiasMode mode : {core::BiasMode::Shared, core::BiasMode::PerNode}) {
                const std::vector<int> sizes(layers, nodes);
                const core::Topology topology(
                    sizes, std::vector<Activation>(layers - 1, Activation::Sigmoid), mode);
                const ui::NetworkLayout layout(topology, size, ui::NetworkView().font(), 4);
                expectNoOverlap(layout, size,
                                std::to_string(layers) + " layers of " + std::to_string(nodes) +
                                    (mode == core::BiasMode::Shared ? ", shared" : ", per node"));
            }
}

}  // namespace
