#include "denseedges.h"

#include <QPaintDevice>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <vector>

#include "edgeraster.h"
#include "palette.h"

namespace ui {

namespace {

// Strengths of an edge's colour, by |w| / (|w| + 1), from the lightest's opacity to full.
constexpr int kStrengths = 4;
constexpr int kLightestAlpha = 70;

}  // namespace

void DenseEdges::draw(QPainter& painter, const NetworkLayout& layout,
                      const core::StepSnapshot& step, const QColor& background) {
    // The device's area in the painter's coordinates, at the pixels it covers (a zoomed view
    // draws through a scale).
    const QTransform& transform = painter.worldTransform();
    const QRectF area = transform.inverted().mapRect(QRectF(painter.window()));
    const qreal ratio = painter.device()->devicePixelRatioF() * transform.m11();
    const bool same = !step_.isEmpty() && area_ == area && background_ == background &&
                      image_.devicePixelRatio() == ratio &&
                      step_.weightsBefore().data() == step.weightsBefore().data() &&
                      step_.biasesBefore().data() == step.biasesBefore().data();
    if (!same) {
        const core::Topology& topology = step.topology();
        std::vector<const NetworkLayout::Edge*> byStrength[2][kStrengths];
        for (const NetworkLayout::Edge& edge : layout.edges()) {
            const double value =
                edge.weight >= 0 ? step.weightsBefore()[edge.weight]
                                 : step.biasesBefore()[topology.biasIndex(edge.layer, edge.node)];
            const double size = std::abs(value) / (std::abs(value) + 1.0);
            byStrength[value < 0][std::min(kStrengths - 1, int(size * kStrengths))].push_back(
                &edge);
        }
        EdgeRaster raster(area, ratio);
        for (int strength = 0; strength < kStrengths; ++strength)
            for (int negative = 0; negative < 2; ++negative) {
                const int alpha =
                    kLightestAlpha + (255 - kLightestAlpha) * strength / (kStrengths - 1);
                const QColor color = Palette::over(
                    Palette::withAlpha(negative ? Palette::negative() : Palette::positive(), alpha),
                    background);
                for (const NetworkLayout::Edge* edge : byStrength[negative][strength])
                    raster.draw(edge->line, color.rgba(), negative);
            }
        step_ = step;
        area_ = area;
        background_ = background;
        image_ = raster.image();
    }
    painter.drawImage(area.topLeft(), image_);
}

}  // namespace ui
