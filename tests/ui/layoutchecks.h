#pragma once

// Checks on a network layout shared by the layout's and the view's tests.

#include <gtest/gtest.h>

#include <QRectF>
#include <QString>
#include <string>

#include "core/markup.h"
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

}  // namespace testing_support
