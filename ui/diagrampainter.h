#pragma once

#include <QPalette>
#include <QRectF>
#include <optional>
#include <vector>

#include "core/stepsnapshot.h"
#include "diagrammarks.h"
#include "networkitem.h"
#include "networklayout.h"
#include "networktexts.h"

class QPainter;

namespace ui {

class DenseEdges;
class DiagramImageCache;

// Draws what changes from one paint of the network view to the next: edges and their arrows,
// the values under nodes, targets, labels and E_total, with the current term's marks (its parts
// lit, the value it computes emphasised in the highlight colour, each factor's place framed and
// written in the factor's colour, never the edge's line) and the hovered item.
class DiagramPainter {
public:
    // Everything one paint shows.
    struct Scene {
        const NetworkLayout& layout;
        const core::StepSnapshot& step;
        const NetworkTexts& texts;
        const DiagramMarks& marks;
        NetworkItem hovered;  // the item under the mouse, lit with its edge and labels
        QPalette colors;
        std::optional<QPointF> pointer = std::nullopt;  // the mouse, over the view
    };

    DiagramPainter(QPainter& painter, const Scene& scene);

    // The glow under the current term's parts and the hovered item.
    void drawUnderlay();
    // Every edge; a dense network's through `dense`.
    void drawEdges(DenseEdges& dense);
    void drawArrows();
    // The boxes of values under nodes (their frames and names from `cache`) and the values.
    void drawNodeValues(DiagramImageCache& cache, qreal pixelRatio);
    void drawTargets();
    void drawLabels();
    void drawLoss();

    // Where `place` is drawn: a node's line, a part of a label, a target's line, the heading.
    QRectF rectOf(const DiagramPlace& place) const;

private:
    // A run of text and the place whose value it writes, if any.
    struct Part {
        QString text;
        std::optional<DiagramPlace> place = std::nullopt;
    };
    using Line = std::vector<Part>;

    // Lines of parts centred in `box`, each part marked as its place is.
    void drawLines(const QRectF& box, const std::vector<Line>& lines);
    // The current term's mark on the place drawn in `rect`: emphasis under its text (before),
    // a frame round it (after); the colour its text takes.
    void markUnder(const std::optional<DiagramPlace>& place, const QRectF& rect);
    void markOver(const std::optional<DiagramPlace>& place, const QRectF& rect);
    QColor textColor(const std::optional<DiagramPlace>& place) const;
    // The factor `place` is of the current term, or -1.
    int factorOf(const std::optional<DiagramPlace>& place) const;
    bool isComputed(const std::optional<DiagramPlace>& place) const {
        return place && scene_.marks.computed == place;
    }
    // A label's parts (a parameter's or a share's).
    std::vector<Line> labelLines(const NetworkLayout::Label& label) const;
    bool isLit(const NetworkLayout::Label& label) const;
    bool isHovered(const NetworkLayout::Label& label) const;
    void drawBand(const QLineF& line, qreal width);
    // A label for the hovered weight or bias when the layout gave it none, near its edge.
    std::optional<NetworkLayout::Label> hoveredLabel() const;
    // The edge of weight `weight`, or from the bias node into `fed` when it is -1.
    QLineF edgeLine(int weight, core::Highlight::Node fed) const;

    QPainter& painter_;
    const Scene& scene_;
    const NetworkLayout& layout_;
    const core::Topology& topology_;
};

}  // namespace ui
